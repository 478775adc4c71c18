#include "agenda_dock.h"
#include "shortcuts_dialog.h"

#include "commands/advice.h"
#include "models/agenda_model.h"
#include "theme/timer_colours.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace podium {

AgendaDock::AgendaDock(Cockpit& cockpit, QWidget* parent)
    : SessionDock(cockpit, u"agendaDock"_s, parent)
    , m_model(new AgendaModel(cockpit.engine(), this))
    , m_view(new QTreeView)
    , m_forecast(new QLabel)
    , m_start(new QPushButton)
    , m_advance(new QAction(this)) {
    m_view->setObjectName(u"agendaView"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // one line per row: long lists are laid out quickly
    m_view->header()->setSectionResizeMode(AgendaModel::Title, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
    m_forecast->setObjectName(u"forecast"_s);
    m_forecast->setWordWrap(true);
    m_start->setObjectName(u"startSegment"_s);
    m_advance->setObjectName(u"advanceSegmentAction"_s);
    m_advance->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    m_advance->setAutoRepeat(false);
    m_advance->setProperty(shortcutNeedsControlProperty, true);
    addAction(m_advance);

    auto* advance = new QToolButton;
    advance->setObjectName(u"advanceSegment"_s);
    advance->setDefaultAction(m_advance);
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_forecast);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(advance);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    setWidget(body);

    connect(m_start, &QPushButton::clicked, this, &AgendaDock::startSelected);
    connect(m_advance, &QAction::triggered, this, &AgendaDock::advance);
    connect(&cockpit, &Cockpit::tick, this, [this] {
        m_model->refreshRunning();
        refreshForecast();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AgendaDock::updateControls); // "Start selected" follows the selection
    connect(&cockpit.engine(), &SessionEngine::eventApplied, this, &AgendaDock::updateControls);
    connect(&cockpit.engine(), &SessionEngine::stateReset, this, &AgendaDock::updateControls);
    finishSetup();
}

QString AgendaDock::title() const {
    return tr("Agenda");
}

void AgendaDock::retranslate() {
    m_view->setAccessibleName(tr("Agenda"));
    m_start->setText(tr("Start selected"));
    updateControls(); // the advance button's text
}

void AgendaDock::updateControls() {
    const bool may = cockpit().permits(Action::StartSegment);
    const SessionState& s = cockpit().state();
    // Only a segment still to come: one that has run is not started again (its time would go).
    const int row = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
    m_start->setEnabled(may && row >= 0 && row < s.segments.size() && row != s.activeSegment &&
                        s.segments[row].endedAt == 0);
    m_advance->setEnabled(may && s.nextSegmentToCome() >= 0);
    // On the last segment the button ends it: said so, since the report counts the segment's time
    // only once it has ended, and a moderator who never pressed "Next segment" there had it
    // "(running)" in the report for good.
    const bool endsAgenda = s.activeSegment >= 0 && s.nextSegmentToCome() == s.segments.size();
    m_advance->setText(endsAgenda ? tr("End agenda") : tr("Next segment"));
    const QString whyNot = cockpit().whyNotPermitted(Action::StartSegment);
    m_start->setToolTip(whyNot);
    m_advance->setToolTip(
        !whyNot.isEmpty() || !endsAgenda
            ? whyNot
            : tr("Ends “%1”, the last segment: the report counts its time once it has ended.")
                  .arg(s.segments[s.activeSegment].title));
    refreshForecast();
}

void AgendaDock::startSelected() {
    if (m_view->currentIndex().isValid())
        startSegment(m_view->currentIndex().row());
}

// Past segments that ran already (one started out of order): they are not started again.
void AgendaDock::advance() {
    if (m_advancePress.isRepeat(cockpit().now())) {
        emit cockpit().info(tr("“Next segment” pressed twice within a second: the second press "
                               "was taken for a slip, and the agenda moved on by one segment."));
        return;
    }
    if (const int next = cockpit().state().nextSegmentToCome(); next >= 0 && startSegment(next))
        m_advancePress.taken(cockpit().now());
}

// The first segment begins the session, and its clock with it: with a button of its own, a
// moderator who forgot it had a report minutes short. Two steps to undo, the clock's first: a
// macro was left empty by a refused start, and undoing one left the clock paused for good.
bool AgendaDock::startSegment(int index) {
    const SessionState& s = cockpit().state();
    const QString undoText = index < s.segments.size()
                                 ? tr("Start “%1”").arg(s.segments[index].title)
                                 : tr("End the agenda");
    const bool sessionBegins = s.segmentsBegun() == 0 && !s.sessionClock.running;
    const qint64 before = s.lastSeq;
    if (!cockpit().run(Action::StartSegment,
                       {{u"index"_s, index}, {u"expectActive"_s, s.activeSegment}}, undoText))
        return false;
    if (!sessionBegins || !cockpit().permits(Action::StartTimer))
        return true;
    if (cockpit().state().lastSeq > before) // done here, as the host
        cockpit().run(Action::StartTimer, {{u"timer"_s, key(TimerId::Session)}},
                      tr("Start the session clock"));
    else
        startSessionClockWith(cockpit().engine().lastIssued());
    return true;
}

// On a joined seat the start goes to the host, which may yet refuse it ("The agenda moved on
// meanwhile"): the session clock then started with no segment begun. It starts with the
// segment's event instead, and not at all after a refusal. A second press before the answer
// ("already running") waits beside the first: it replaced it, and its refusal left the clock
// paused under the first's start.
void AgendaDock::startSessionClockWith(const QString& segmentCommand) {
    const bool waiting = !m_clockAwaits.isEmpty();
    m_clockAwaits.append(segmentCommand);
    if (waiting)
        return;
    SessionEngine& engine = cockpit().engine();
    m_clockWaits = connect(
        &engine, &SessionEngine::eventApplied, this, [this](const Event& e, const SessionState&) {
            if (!m_clockAwaits.contains(e.commandId))
                return;
            stopWaitingForClock();
            if (!cockpit().state().sessionClock.running)
                cockpit().run(Action::StartTimer, {{u"timer"_s, key(TimerId::Session)}},
                              tr("Start the session clock"));
        });
    m_clockRefused =
        connect(&engine, &SessionEngine::refused, this, [this](const QString& commandId) {
            m_clockAwaits.removeAll(commandId);
            if (m_clockAwaits.isEmpty())
                stopWaitingForClock();
        });
}

void AgendaDock::stopWaitingForClock() {
    m_clockAwaits.clear();
    disconnect(m_clockWaits);
    disconnect(m_clockRefused);
}

void AgendaDock::refreshForecast() {
    const SessionState& s = cockpit().state();
    const Forecast f = forecast(s, cockpit().now());
    // With the clock stopped, "left" stands still while the speaker's time runs down (and so
    // seemed to grow): the moderator is told why.
    const QString stopped = f.clockRunning ? QString()
                            : s.activeSegment >= 0
                                ? u" "_s + tr("The segment's clock is paused.")
                                : u" "_s + tr("The session clock is not running.");
    // The segment clock read 14:48 beside "12:26 left", which was after the current speaker's
    // time: that is said. (Short: the line must fit a small screen's panel in two lines.)
    const QString left = s.floor
                             ? tr("%1 left after this speaker").arg(formatDuration(f.remainingMs))
                             : tr("%1 left").arg(formatDuration(f.remainingMs));
    if (f.waiting == 0) {
        m_forecast->setText(tr("Nobody is waiting; %1.").arg(left) + stopped);
        return;
    }
    m_forecast->setText(tr("Forecast: %1 in the %2 (%3 needed).")
                            .arg(fitting(f), left, formatDuration(f.neededMs)) +
                        stopped);
}

// "all 1 waiting fit" and "only 0 of 3 waiting fit", said on stage, sounded broken.
QString AgendaDock::fitting(const Forecast& f) {
    if (f.fitting == f.waiting)
        return f.waiting == 1 ? tr("the one waiting fits")
                              : tr("all %1 waiting fit").arg(f.waiting);
    if (f.fitting == 0)
        return f.waiting == 1 ? tr("<b>the one waiting does not fit</b>")
                              : tr("<b>none of the %1 waiting fit</b>").arg(f.waiting);
    return tr("<b>only %1 of %2</b> waiting fit").arg(f.fitting).arg(f.waiting);
}

} // namespace podium
