#pragma once

#include "commands/advice.h"
#include "double_press.h"
#include "session_dock.h"

class QAction;
class QLabel;
class QPushButton;
class QTreeView;

namespace podium {

class AgendaModel;

// The agenda: segments planned against actual, start or advance a segment, and the forecast
// of how many waiting speakers still fit.
class AgendaDock : public SessionDock {
    Q_OBJECT
public:
    explicit AgendaDock(Cockpit& cockpit, QWidget* parent = nullptr);
    AgendaModel* model() const { return m_model; }

protected:
    QString title() const override;
    void retranslate() override;
    void updateControls() override;

private:
    void startSelected();
    void advance();
    bool startSegment(int index); // false: refused, and said why
    void startSessionClockWith(const QString& segmentCommand);
    void stopWaitingForClock();
    void refreshForecast();
    static QString fitting(const Forecast& f);

    AgendaModel* m_model;
    QTreeView* m_view;
    QLabel* m_forecast;
    QPushButton* m_start;
    QAction* m_advance;
    DoublePress m_advancePress;
    QMetaObject::Connection m_clockWaits;   // for the host's answer to the first segment's start
    QMetaObject::Connection m_clockRefused; // (on a joined seat)
    QStringList m_clockAwaits;              // the segment starts it waits for, pressed
};

} // namespace podium
