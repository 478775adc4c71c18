#pragma once

#include "cockpit.h"

#include <QDockWidget>
#include <functional>

namespace podium {

// Set on the main window when its docks, given all the height they ask for, would make it taller
// than its screen: the docks that may scroll then settle for less (see SessionDock::WhenCramped).
inline constexpr char crampedScreenProperty[] = "podiumCrampedScreen";

// Base of the session docks: names itself (for the saved layout), retranslates on a language
// change and re-checks its controls when the seat's role changes (handover, rapporteur).
//
// A dock that is often hidden behind another tab may wait to make its widgets until it is
// first shown (or asked to, by ensureBuilt()): start-up then pays only for what is on screen.
class SessionDock : public QDockWidget {
    Q_OBJECT
public:
    SessionDock(Cockpit& cockpit, const QString& objectName, QWidget* parent = nullptr);

    // Makes the widgets now, if they were waiting for the dock's first showing.
    void ensureBuilt();
    bool isBuilt() const { return m_built; }

protected:
    // The dock's title, in its tab and in View → Panels; known before the widgets are made.
    virtual QString title() const = 0;
    // Sets every string of the widgets; called once they are made and on LanguageChange.
    virtual void retranslate() = 0;
    // Enables or hides what the seat may not use; called once built and on every seat change.
    virtual void updateControls() {}
    // Makes the widgets of a dock that waits for its first showing (see buildWhenShown()).
    virtual void build() {}

    // With less room than its widgets need (a small screen), a dock scrolls, so the window
    // still fits the screen; the floor dock never does, as all its controls must show.
    // Both kinds tell the window's layout only of changes to what their widgets need.
    enum class WhenCramped { Scroll, Grow };
    // A subclass's constructor ends with one of these: finishSetup() when it made its widgets
    // itself, buildWhenShown() when build() makes them later.
    void finishSetup(WhenCramped cramped = WhenCramped::Scroll);
    void buildWhenShown();
    // A dock that may scroll asks at most for this height, whatever its widgets need, before it
    // is set up: one behind a tab holds its whole group of tabs to its height.
    void askAtMost(std::function<int()> height) { m_mostAsked = std::move(height); }

    void changeEvent(QEvent* event) override;
    Cockpit& cockpit() const { return m_cockpit; }

private:
    void wrapBody(WhenCramped cramped);

    Cockpit& m_cockpit;
    bool m_built = false;
    std::function<int()> m_mostAsked;
};

} // namespace podium
