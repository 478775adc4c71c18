#include "floor_dock.h"
#include "wrapping_row.h"

#include "shortcuts_dialog.h"

#include "commands/decisions.h"
#include "commands/expectation.h"
#include "displays/stage_face.h"
#include "model/cbor_input.h"
#include "model/time_text.h"
#include "theme/theme.h"
#include "theme/timer_colours.h"
#include "undo/field_undo.h"

#include <QAction>
#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

// A stopped clock reads like a running one between two ticks: the rapporteur, who has no
// button to tell by, took a paused session for one running. (A segment's clock starts with the
// segment.)
QString stoppedClock(const Countdown& clock, bool begun) {
    if (clock.running)
        return {};
    return begun || clock.accumulatedMs > 0 ? FloorDock::tr(" · paused")
                                            : FloorDock::tr(" · not started");
}

// Before it begins, when it is to begin: the programme's time, to start on.
QString plannedStart(const SessionState& s) {
    const Countdown& clock = s.sessionClock;
    if (clock.running || clock.accumulatedMs > 0 || !isStartTime(s.info.start))
        return {};
    return FloorDock::tr(" · to begin at %1").arg(s.info.start); // as the programme gives it
}

QString sessionClockText(const SessionState& s, qint64 now) {
    const Countdown& clock = s.sessionClock;
    const qint64 left = clock.remainingMs(now);
    const QString planned = formatDuration(clock.allottedMs);
    return (left > -1000 // "0:00 over" at the very moment it ran out
                ? FloorDock::tr("Session: %1 left of %2")
                      .arg(formatDuration(qMax<qint64>(0, left)), planned)
                : FloorDock::tr("Session: %1 over its %2").arg(formatElapsed(-left), planned)) +
           stoppedClock(clock, false) + plannedStart(s);
}

// After "End agenda" it read "No agenda segment running", as before the first, and the session
// clock ran on unremarked: the report's length grew at each export.
QString agendaEndedText(const SessionState& s) {
    // The latest end, not the last row's: segments run out of order (one skipped, held later).
    qint64 ended = 0;
    for (const Segment& segment : s.segments)
        ended = qMax(ended, segment.endedAt);
    const QString at = shortTime(QLocale(), ended);
    return s.sessionClock.running
               ? FloorDock::tr("Agenda ended at %1; the session clock still runs: pause it when "
                               "the session ends.")
                     .arg(at)
               : FloorDock::tr("Agenda ended at %1.").arg(at);
}

QString segmentClockText(const SessionState& s, qint64 now) {
    if (s.activeSegment < 0 || s.activeSegment >= s.segments.size())
        return !s.segments.isEmpty() && s.segments.last().endedAt > 0
                   ? agendaEndedText(s)
                   : FloorDock::tr("No agenda segment running");
    const QString title = s.segments[s.activeSegment].title;
    const qint64 left = s.segmentClock.remainingMs(now);
    // A long title wraps (the line may take two): its time, kept whole, goes to the next line
    // rather than "19:59" on one and "left" on the other.
    const QString time =
        (left > -1000 ? FloorDock::tr("%1 left").arg(formatDuration(qMax<qint64>(0, left)))
                      : FloorDock::tr("%1 over").arg(formatElapsed(-left))) // not "+0:17 left"
        + stoppedClock(s.segmentClock, true);
    return FloorDock::tr("Segment “%1”: %2").arg(title, QString(time).replace(u' ', QChar::Nbsp));
}

QLabel* namedLabel(const QString& name) {
    auto* l = new QLabel;
    l->setObjectName(name);
    l->setTextFormat(Qt::PlainText); // a name with "<b>" in it is shown as typed
    return l;
}

void scaleFont(QWidget* w, double factor, bool bold) {
    QFont f = w->font();
    f.setPointSizeF(f.pointSizeF() * factor);
    f.setBold(bold);
    w->setFont(f);
}

QToolButton* buttonFor(QAction* action) {
    auto* b = new QToolButton;
    b->setDefaultAction(action);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    b->setMinimumHeight(36);
    b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return b;
}

// As the host will count it: tidied first (repeated spaces are one, control characters none).
bool messageFits(const QString& typed) {
    return decisions::stageMessageFits(decisions::stageMessageText(typed));
}

// Two moderators pressing "next" at once: the host keeps the first and refuses the second.
QCborMap floorExpectation(const Cockpit& cockpit) {
    return {{u"expectFloor"_s, cockpit.floorAsSeen()}};
}

} // namespace

FloorDock::FloorDock(Cockpit& cockpit, QWidget* parent)
    : SessionDock(cockpit, u"floorDock"_s, parent)
    , m_speaker(namedLabel(u"speakerName"_s))
    , m_details(namedLabel(u"speakerDetails"_s))
    , m_countdown(namedLabel(u"countdown"_s))
    , m_countdownStatus(namedLabel(u"countdownStatus"_s))
    , m_asLastHeard(namedLabel(u"clocksAsLastHeard"_s))
    , m_sessionClock(namedLabel(u"sessionClock"_s))
    , m_segmentClock(namedLabel(u"segmentClock"_s))
    , m_controlsRow(new WrappingRow)
    , m_sessionToggle(new QPushButton)
    , m_messageRow(new QWidget)
    , m_message(new QLineEdit)
    , m_sendMessage(new QPushButton)
    , m_messageShown(namedLabel(u"stageMessageShown"_s)) {
    buildActions();
    setWidget(buildBody());
    connect(&cockpit, &Cockpit::tick, this, &FloorDock::refreshClocks);
    connect(&cockpit.engine(), &SessionEngine::eventApplied, this, &FloorDock::refresh);
    connect(&cockpit.engine(), &SessionEngine::eventApplied, this, &FloorDock::emptySentMessage);
    connect(&cockpit.engine(), &SessionEngine::eventApplied, this,
            &FloorDock::noteTimeFromBothSeats);
    connect(&cockpit.engine(), &SessionEngine::stateReset, this, &FloorDock::refresh);
    finishSetup(WhenCramped::Grow);
    refresh();
}

QAction* FloorDock::makeAction(const QString& name, const QList<QKeySequence>& keys) {
    auto* a = new QAction(this);
    a->setObjectName(name);
    a->setShortcuts(keys);
    a->setShortcutContext(Qt::WindowShortcut);
    a->setAutoRepeat(false); // a key held down is one press, not one every 30 ms
    a->setProperty(shortcutNeedsControlProperty, true);
    addAction(a);
    return a;
}

void FloorDock::buildActions() {
    m_next = makeAction(u"nextSpeakerAction"_s,
                        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::Key_F9)});
    m_startPause = makeAction(u"startPauseAction"_s,
                              {QKeySequence(Qt::CTRL | Qt::Key_Space), QKeySequence(Qt::Key_F5)});
    m_minus30 = makeAction(u"minus30Action"_s, {QKeySequence(Qt::CTRL | Qt::Key_Minus)});
    m_plus30 = makeAction(u"plus30Action"_s, {QKeySequence(Qt::CTRL | Qt::Key_Equal),
                                              QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    m_endSpeech = makeAction(u"endSpeechAction"_s, {QKeySequence(Qt::CTRL | Qt::Key_E)});
    connect(m_next, &QAction::triggered, this, &FloorDock::next);
    connect(m_startPause, &QAction::triggered, this, &FloorDock::toggleSpeakerTimer);
    connect(m_minus30, &QAction::triggered, this, [this] { adjust(-30'000); });
    connect(m_plus30, &QAction::triggered, this, [this] { adjust(30'000); });
    connect(m_endSpeech, &QAction::triggered, this, &FloorDock::endSpeech);
}

QWidget* FloorDock::buildBody() {
    scaleFont(m_speaker, 1.8, true);
    scaleFont(m_countdown, 5.0, true);
    m_countdown->setAlignment(Qt::AlignCenter);
    m_countdown->setAutoFillBackground(true);
    m_countdown->setMinimumHeight(110);
    // Under the time, inside its coloured box: the warning in words, not told by amber alone.
    scaleFont(m_countdownStatus, 1.3, true);
    auto* inBox = new QVBoxLayout(m_countdown);
    inBox->addStretch();
    inBox->addWidget(m_countdownStatus, 0, Qt::AlignHCenter);
    m_speaker->setWordWrap(true);
    m_messageShown->setWordWrap(true);
    m_message->setObjectName(u"stageMessage"_s);
    handSpentUndoToWindow(m_message);
    m_sendMessage->setObjectName(u"sendStageMessage"_s);
    m_sessionToggle->setObjectName(u"sessionClockToggle"_s);

    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->addWidget(m_speaker);
    layout->addWidget(m_details);
    m_asLastHeard->setWordWrap(true);
    showAsProblem(m_asLastHeard);
    m_asLastHeard->hide();
    layout->addWidget(m_asLastHeard);
    // Above the countdown, which takes what room is left: under the buttons, a message wrapping
    // to a second line moved them up under the moderator's pointer.
    layout->addWidget(m_messageShown);
    layout->addWidget(m_countdown, 1);
    for (QAction* a : {m_startPause, m_minus30, m_plus30, m_endSpeech, m_next})
        m_controlsRow->addWidget(buttonFor(a));
    layout->addWidget(m_controlsRow);
    auto* clocks = new QGridLayout;
    m_sessionClock->setWordWrap(true); // beside its button in a narrow window
    clocks->addWidget(m_sessionClock, 0, 0);
    clocks->addWidget(m_sessionToggle, 0, 1);
    // A segment's title can be a long policy question: wrapped, it takes a second line, not the
    // width of the window (at 110 characters the panel took 860 px from the queue beside it).
    m_segmentClock->setWordWrap(true);
    clocks->addWidget(m_segmentClock, 1, 0, 1, 2);
    layout->addLayout(clocks);
    auto* message = new QHBoxLayout(m_messageRow);
    message->setContentsMargins(0, 0, 0, 0);
    message->addWidget(m_message, 1);
    message->addWidget(m_sendMessage);
    layout->addWidget(m_messageRow);
    connect(m_message, &QLineEdit::returnPressed, this, &FloorDock::sendStageMessage);
    connect(m_message, &QLineEdit::textChanged, this, &FloorDock::updateControls);
    connect(m_sendMessage, &QPushButton::clicked, this, &FloorDock::sendStageMessage);
    connect(m_sessionToggle, &QPushButton::clicked, this, &FloorDock::toggleSessionClock);
    return body;
}

QString FloorDock::title() const {
    return tr("Floor & timer");
}

void FloorDock::retranslate() {
    m_message->setAccessibleName(tr("Message to the speaker"));
    m_next->setText(tr("Next speaker"));
    // Isolated left-to-right, so "+30 s" does not turn into "s 30+" in a right-to-left layout.
    // The buttons beside the countdown read short; the Session menu, far from it, says whose
    // time it is ("Pause", "+30 s" there did not say they were the speaker's).
    m_minus30->setIconText(u"\u2066"_s + tr("−30 s") + u"\u2069"_s);
    m_plus30->setIconText(u"\u2066"_s + tr("+30 s") + u"\u2069"_s);
    m_minus30->setText(tr("Take 30 s from the speaker"));
    m_plus30->setText(tr("Give the speaker 30 s more"));
    m_endSpeech->setText(tr("End speech"));
    // What Help → Keyboard shortcuts lists: the button reads "Start" or "Pause" as it stands.
    m_startPause->setProperty(shortcutLabelProperty, tr("Start or pause the speaker's timer"));
    m_message->setPlaceholderText(tr("Message to the speaker on the stage display"));
    refresh();
}

void FloorDock::changeEvent(QEvent* event) {
    // The calm countdown takes the theme's colours: repaint at once when the theme changes.
    if (event->type() == QEvent::PaletteChange)
        refreshClocks();
    SessionDock::changeEvent(event);
}

void FloorDock::updateControls() {
    const SessionState& s = cockpit().state();
    const bool control = cockpit().canControl();
    // Greyed while nobody waits: pressing it could only be refused.
    const QueueEntry* first = s.firstWaiting();
    m_next->setEnabled(control && first);
    m_startPause->setEnabled(control && s.floor.has_value());
    m_minus30->setEnabled(control && s.floor.has_value());
    m_plus30->setEnabled(control && s.floor.has_value());
    m_endSpeech->setEnabled(control && s.floor.has_value());
    m_sessionToggle->setEnabled(control);
    m_message->setEnabled(control);
    const QString whyNot = cockpit().whyNotPermitted(Action::Next);
    // Greyed, they said only their names: why, when this seat may press them.
    const QString nobodyOnFloor =
        whyNot.isEmpty() && !s.floor ? tr("Nobody has the floor") : whyNot;
    for (QAction* a : {m_startPause, m_minus30, m_plus30, m_endSpeech})
        a->setToolTip(nobodyOnFloor); // empty: the action's name, as before
    m_next->setToolTip(whyNot.isEmpty() && !first ? tr("Nobody is waiting in the queue") : whyNot);
    // Beside "Suggested next: …" in the queue, F9 calls someone else: the first in the queue.
    if (const Participant* p = first ? s.participant(first->participantId) : nullptr;
        whyNot.isEmpty() && p)
        m_next->setToolTip(tr("Give the floor to %1, first in the queue").arg(p->name));
    m_sessionToggle->setToolTip(whyNot);
    // The host's limit, counted as it counts: characters as read (Qt's maxLength counts UTF-16
    // units, and stopped a message at 70 emoji). A longer message is kept, red and not sent, for
    // the moderator to shorten: cut by the field, it lost its undo history, and Ctrl+Z then undid
    // a step of the session.
    const bool tooLong = !messageFits(m_message->text());
    showAsProblem(m_message, tooLong);
    m_message->setToolTip(tooLong ? tr("Longer than the stage display shows (%1 characters at "
                                       "most): shorten it to show it")
                                        .arg(decisions::maxStageMessage)
                                  : whyNot);
    // A read-only seat (the rapporteur, a display's operator) follows the floor: buttons it can
    // never press only took the room its other panels need.
    m_controlsRow->setVisible(control);
    m_sessionToggle->setVisible(control);
    m_messageRow->setVisible(control);
    // With the field empty, the button takes the message off the stage display.
    const bool clears = m_message->text().trimmed().isEmpty();
    m_sendMessage->setText(clears ? tr("Clear") : tr("Show"));
    m_sendMessage->setEnabled(control && !tooLong && !(clears && s.stageMessage.isEmpty()));
}

void FloorDock::refresh() {
    refreshSpeaker();
    refreshClocks();
    updateControls();
}

void FloorDock::refreshSpeaker() {
    const SessionState& s = cockpit().state();
    const Participant* p = s.floor ? s.participant(s.floor->entry.participantId) : nullptr;
    m_speaker->setText(p ? p->name : tr("Nobody has the floor"));
    const bool running = s.floor && s.floor->countdown.running;
    // Paused reads as such on every seat (it looked like a speech not yet begun, and the
    // rapporteur's seat, without buttons, gave no clue at all).
    const bool paused = s.floor && !running && s.floor->countdown.elapsedMs(cockpit().now()) > 0;
    QStringList details;
    if (p) {
        details << p->affiliation
                << (p->group == StakeholderGroup::Unspecified ? QString() : label(p->group))
                << label(s.floor->entry.channel) << (paused ? tr("Paused") : QString());
        details.removeAll(QString());
    }
    m_details->setText(details.join(u" · "_s));
    m_startPause->setIconText(running ? tr("Pause") : paused ? tr("Resume") : tr("Start"));
    m_startPause->setText(running  ? tr("Pause the speaker's time")
                          : paused ? tr("Resume the speaker's time")
                                   : tr("Start the speaker's time"));
    m_sessionToggle->setText(s.sessionClock.running ? tr("Pause session clock")
                                                    : tr("Start session clock"));
    m_messageShown->setText(s.stageMessage.isEmpty()
                                ? QString()
                                : tr("On the stage display: “%1”").arg(s.stageMessage));
}

void FloorDock::refreshClocks() {
    const SessionState& s = cockpit().state();
    const qint64 now = cockpit().now();
    const TimerPhase phase = s.floor ? phaseOf(s.floor->countdown, now) : TimerPhase::Idle;
    m_countdown->setText(s.floor ? formatCountdown(s.floor->countdown.remainingMs(now))
                                 : u"–:––"_s);
    m_countdown->setProperty("phase", int(phase));
    m_countdownStatus->setText(s.floor ? countdownStatus(phase, s.floor->countdown) : QString());
    const PhaseColours colours =
        phaseColours(phase, palette().color(QPalette::Base), palette().color(QPalette::Text));
    QPalette pal = m_countdown->palette();
    pal.setColor(QPalette::Window, colours.background);
    pal.setColor(QPalette::WindowText, colours.text);
    m_countdown->setPalette(pal);
    m_sessionClock->setText(sessionClockText(s, now));
    m_segmentClock->setText(segmentClockText(s, now));
}

void FloorDock::showHostOutOfReach(bool outOfReach, std::optional<qint64> lastHeardAt) {
    if (outOfReach == m_asLastHeard->isVisibleTo(this) && m_copyNotFollowing.isEmpty())
        return;
    m_copyNotFollowing.clear();
    // The time it began, as the line at the window's foot would have scrolled away: when the host
    // was last heard, not when its silence was given up on, seconds later. Never heard since this
    // join began (a mistyped address, a restart), it has no such time: "since" gave the minute
    // the cockpit started.
    m_asLastHeard->setText(
        lastHeardAt
            ? tr("Not in touch with the host since %1: the clocks run on as last heard, and a "
                 "pause or a new speaker since is not shown.")
                  .arg(shortTime(QLocale(), *lastHeardAt))
            : tr("Not in touch with the host yet: this shows the session as this laptop last had "
                 "it, which may be behind."));
    m_asLastHeard->setVisible(outOfReach);
}

// Restarted after Quit on its copy of a joined session, an online moderator saw the old speaker's
// countdown run on, every control live, and added people the host never got: the window's foot
// said so, below the edge of a laptop's screen.
void FloorDock::showCopyNotFollowing(const QString& joinedAt) {
    if (joinedAt.isEmpty())
        return showHostOutOfReach(false);
    m_copyNotFollowing = joinedAt;
    m_asLastHeard->setText(tr("This is your copy of the session joined at %1: it does not follow "
                              "the session, and what is done here stays here. Join again in "
                              "Connection.")
                               .arg(joinedAt));
    m_asLastHeard->show();
}

// Both moderators gave the speaker 30 s within a second: a minute went, and neither screen said
// the other seat had pressed too.
void FloorDock::noteTimeFromBothSeats(const Event& event, const SessionState& before) {
    if (event.action != Action::AdjustTimer || !before.floor ||
        event.data.value(u"timer"_s).toString() != key(TimerId::Speaker))
        return;
    constexpr qint64 withinMs = 5000;
    const bool here = cockpit().engine().issuedHere(event.commandId);
    TimeChange& latest = here ? m_timeChangedHere : m_timeChangedThere;
    const TimeChange& other = here ? m_timeChangedThere : m_timeChangedHere;
    // Presses in a row from one seat add up: told once per press, each said only "+0:30".
    const qint64 delta = integerOf(event.data.value(u"deltaMs"_s));
    const bool inARow = latest.entry == before.floor->entry.id && event.at - latest.at <= withinMs;
    latest = {before.floor->entry.id, event.at, inARow ? latest.deltaMs + delta : delta};
    if (other.entry != latest.entry || qAbs(latest.at - other.at) > withinMs)
        return;
    const auto signedTime = [](qint64 ms) {
        return (ms < 0 ? u"−"_s : u"+"_s) + formatDuration(qAbs(ms));
    };
    const Participant* p = cockpit().state().participant(before.floor->entry.participantId);
    emit cockpit().info(
        tr("The other seat changed %1's time too, seconds apart: %2 there, %3 "
           "here, %4 in all.")
            .arg(p ? p->name : tr("the speaker"), signedTime(m_timeChangedThere.deltaMs),
                 signedTime(m_timeChangedHere.deltaMs),
                 signedTime(m_timeChangedThere.deltaMs + m_timeChangedHere.deltaMs)));
}

namespace {

// Whom a step is for, in Edit → Undo: "Undo Change the speaker's time" left the moderator
// guessing whose, and which of several steps Ctrl+Z would take back.
QString nameOf(const SessionState& s, const QueueEntry* entry) {
    const Participant* p = entry ? s.participant(entry->participantId) : nullptr;
    return p ? p->name : QString();
}

QString onTheFloor(const SessionState& s) {
    const QString name = nameOf(s, s.floor ? &s.floor->entry : nullptr);
    return name.isEmpty() ? FloorDock::tr("the speaker") : name;
}

} // namespace

void FloorDock::next() {
    if (m_nextPress.isRepeat(cockpit().now())) {
        emit cockpit().info(tr("“Next speaker” pressed twice within a second: the second press "
                               "was taken for a slip, and nobody else was called."));
        return;
    }
    const QString first = nameOf(cockpit().state(), cockpit().state().firstWaiting());
    const QString text = first.isEmpty() ? tr("Call the next speaker") : tr("Call %1").arg(first);
    if (cockpit().run(Action::Next, floorExpectation(cockpit()), text))
        m_nextPress.taken(cockpit().now());
}

void FloorDock::toggleSpeakerTimer() {
    const auto& floor = cockpit().state().floor;
    if (!floor)
        return;
    QCborMap args = floorExpectation(cockpit());
    args[u"timer"_s] = key(TimerId::Speaker);
    const QString name = onTheFloor(cockpit().state());
    if (cockpit().runningAsSeen(TimerId::Speaker))
        cockpit().run(Action::PauseTimer, args, tr("Pause %1's time").arg(name));
    else
        cockpit().run(Action::StartTimer, args, tr("Start %1's time").arg(name));
}

// The speaker's time of whoever the moderator sees: pressed as the other moderator calls the
// next speaker, +30 s must not go to the new one.
void FloorDock::adjust(qint64 deltaMs) {
    QCborMap args = floorExpectation(cockpit());
    args[u"timer"_s] = key(TimerId::Speaker);
    args[u"deltaMs"_s] = deltaMs;
    cockpit().run(Action::AdjustTimer, args,
                  tr("Change %1's time").arg(onTheFloor(cockpit().state())));
}

void FloorDock::endSpeech() {
    cockpit().run(Action::EndSpeech, floorExpectation(cockpit()),
                  tr("End %1's speech").arg(onTheFloor(cockpit().state())));
}

// A break stops the segment under way with the session, in one step: its clock ran on, and the
// report's agenda, which counts the segments' clocks, came to more than the session's time.
void FloorDock::toggleSessionClock() {
    const bool pausing = cockpit().runningAsSeen(TimerId::Session);
    const Action action = pausing ? Action::PauseTimer : Action::StartTimer;
    const QString text = pausing ? tr("Pause the session clock") : tr("Start the session clock");
    const SessionState& s = cockpit().state();
    const bool segmentToo = s.activeSegment >= 0 && s.segmentClock.running == pausing;
    if (!cockpit().run(action, {{u"timer"_s, key(TimerId::Session)}}, text) || !segmentToo)
        return;
    const QCborMap segment{{u"timer"_s, key(TimerId::Segment)}};
    // On a joined seat the host may yet refuse the session's part: the segment's is a step of its
    // own there, or a refused step would take the undo of an accepted part with it.
    if (cockpit().engine().isForwarding())
        cockpit().run(action, segment,
                      pausing ? tr("Pause the segment clock") : tr("Start the segment clock"));
    else
        cockpit().runAsPartOf(cockpit().lastStep(), action, segment, text);
}

// A message refused (a full disk, the host out of reach) stays, to send again.
void FloorDock::sendStageMessage() {
    if (!messageFits(m_message->text())) {
        emit cockpit().notice(m_message->toolTip()); // at the foot of the window: why not sent
        return;
    }
    // Both moderators sending at once: the second replaced the first unseen, while its sender,
    // the field emptied, believed it shown. It expects the message this seat saw on stage, as
    // an undo does, and is refused (kept in the field, to send again) when that has changed.
    Command send;
    send.action = Action::SetStageMessage;
    send.args = {{u"text"_s, m_message->text().trimmed()}};
    send = expecting(send, QCborValue(cockpit().state().stageMessage));
    m_messageSent =
        decisions::stageMessageText(send.args.value(u"text"_s)); // as the host tidies it
    if (!cockpit().run(send.action, send.args, tr("Message to the speaker")))
        m_messageSent.clear();
}

// Emptied once the message is on stage: a joined seat emptied the field as it sent, and a
// refusal that came after lost the text. (Another seat's message coming first is not this one.)
void FloorDock::emptySentMessage(const Event& event) {
    if (m_messageSent.isNull() || event.action != Action::SetStageMessage ||
        event.data.value(u"text"_s).toString() != m_messageSent)
        return;
    if (decisions::stageMessageText(m_message->text()) == m_messageSent)
        emptyField(m_message);
    m_messageSent.clear();
}

} // namespace podium
