#pragma once

#include "cockpit.h"

#include <QDockWidget>

namespace podium {

// Base of the session docks: names itself (for the saved layout), retranslates on a language
// change and re-checks its controls when the seat's role changes (handover, rapporteur).
class SessionDock : public QDockWidget {
    Q_OBJECT
public:
    SessionDock(Cockpit& cockpit, const QString& objectName, QWidget* parent = nullptr);

protected:
    // Sets every visible string; called once the subclass is built and on LanguageChange.
    virtual void retranslate() = 0;
    // Enables or hides what the seat may not use; called on every seat change.
    virtual void updateControls() {}
    // Subclasses call this at the end of their constructor.
    void finishSetup();

    void changeEvent(QEvent* event) override;
    Cockpit& cockpit() const { return m_cockpit; }

private:
    Cockpit& m_cockpit;
};

} // namespace podium
