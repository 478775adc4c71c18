#include <catch2/catch.hpp>

#include "commands/authority.h"
#include "docks/floor_dock.h"
#include "main_window.h"
#include "model/codec.h"
#include "model/time_text.h"
#include "model/timer.h"
#include "models/agenda_model.h"
#include "quit_question.h"
#include "session_files.h"
#include "store/recent_files.h"
#include "ui_support.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

TimerPhase shownPhase(MainWindow& w) {
    return TimerPhase(child<QLabel>(w, u"countdown"_s)->property("phase").toInt());
}

QColor shownBackground(MainWindow& w) {
    return child<QLabel>(w, u"countdown"_s)->palette().color(QPalette::Window);
}

void tick(CockpitHarness& h) {
    emit h.cockpit.tick();
}

// A text field that claims every key for itself, as X11's fields claim Ctrl+E (the offscreen
// platform's fields claim none of the cockpit's keys).
class GreedyField : public QLineEdit {
protected:
    bool event(QEvent* e) override {
        if (e->type() == QEvent::ShortcutOverride) {
            e->accept();
            return true;
        }
        return QLineEdit::event(e);
    }
};

// Someone speaking, two waiting (`second` first in line), and the floor's panel over them: the
// scene of two moderators pressing at once.
struct TwoWaiting {
    CockpitHarness h;
    Id second = 0;
    std::unique_ptr<FloorDock> dock;

    TwoWaiting() {
        h.add(u"Audience 1"_s);
        second = h.add(u"Audience 2"_s);
        h.add(u"Audience 3"_s);
        REQUIRE(h.run(Action::Next));
        dock = std::make_unique<FloorDock>(h.cockpit);
    }
    QAction* action(const QString& name) { return child<QAction>(*dock, name); }
};

} // namespace

TEST_CASE("the countdown turns amber at the warning, red at zero, and counts overtime up, and "
          "says so in words") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* countdown = child<QLabel>(w, u"countdown"_s);
    auto* status = child<QLabel>(w, u"countdownStatus"_s);
    h.add(u"Audience 1"_s); // audience: 2 minutes, warning at 30 s
    child<QAction>(w, u"nextSpeakerAction"_s)->trigger();
    CHECK(countdown->text() == u"2:00"_s);
    CHECK(shownPhase(w) == TimerPhase::Running);
    CHECK(status->text().isEmpty());
    const QColor calm = shownBackground(w);

    h.clock.advance(95'000);
    tick(h);
    CHECK(countdown->text() == u"0:25"_s);
    CHECK(shownPhase(w) == TimerPhase::Warning);
    CHECK(status->text() == u"Please conclude"_s); // not told by amber alone
    const QColor amber = shownBackground(w);
    child<QAction>(w, u"startPauseAction"_s)->trigger();
    CHECK(status->text() == u"Paused"_s);
    child<QAction>(w, u"startPauseAction"_s)->trigger();
    CHECK(amber != calm);

    h.clock.advance(25'000);
    tick(h);
    CHECK(countdown->text() == u"0:00"_s);
    CHECK(shownPhase(w) == TimerPhase::Warning);

    h.clock.advance(12'500);
    tick(h);
    CHECK(countdown->text() == u"+0:12"_s);
    CHECK(shownPhase(w) == TimerPhase::Overtime);
    CHECK(status->text() == u"Time is up"_s);
    const QColor red = shownBackground(w);
    CHECK(red != amber);
    CHECK(red.red() > 150);
    CHECK(red.green() < 80);
}

TEST_CASE("start/pause, ±30 s and end speech drive the speaker's timer") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    h.add(u"Panelist A"_s); // a panelist: 5 minutes
    child<QAction>(w, u"nextSpeakerAction"_s)->trigger();
    REQUIRE(h.state().floor);
    CHECK(h.state().floor->countdown.running); // called, the speaker's time runs
    child<QAction>(w, u"startPauseAction"_s)->trigger();
    CHECK_FALSE(h.state().floor->countdown.running);
    h.clock.advance(60'000);
    child<QAction>(w, u"plus30Action"_s)->trigger();
    child<QAction>(w, u"plus30Action"_s)->trigger();
    child<QAction>(w, u"minus30Action"_s)->trigger();
    tick(h);
    CHECK(child<QLabel>(w, u"countdown"_s)->text() == u"5:30"_s); // paused: no time ran
    child<QAction>(w, u"startPauseAction"_s)->trigger();
    h.clock.advance(10'000);
    child<QAction>(w, u"endSpeechAction"_s)->trigger();
    CHECK_FALSE(h.state().floor);
    REQUIRE(h.state().speeches.size() == 1);
    CHECK(h.state().speeches.first().spokeMs == 10'000);
    CHECK(child<QLabel>(w, u"speakerName"_s)->text() == u"Nobody has the floor"_s);
}

namespace {

struct FullDisk final : EventJournal {
    Result<bool> append(const Event&) override {
        return Result<bool>::failure(u"The disk is full."_s);
    }
};

} // namespace

// The field was emptied whatever came of it: a message refused (a full disk, the host out of
// reach) was lost, and had to be typed again.
TEST_CASE("a message for the stage that is refused stays in its field, to send again") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    FullDisk full;
    h.engine.setJournal(&full);
    auto* message = child<QLineEdit>(w, u"stageMessage"_s);
    message->setText(u"Two minutes left"_s);
    QTest::keyClick(message, Qt::Key_Return);
    CHECK(h.state().stageMessage.isEmpty());
    CHECK(message->text() == u"Two minutes left"_s);
    h.engine.setJournal(nullptr); // space again
    QTest::keyClick(message, Qt::Key_Return);
    CHECK(h.state().stageMessage == u"Two minutes left"_s);
    CHECK(message->text().isEmpty());
}

// Ctrl+Z right after Enter brought the message back into the field, selected, and left it on the
// stage: Enter again sent it once more.
TEST_CASE("Ctrl+Z in the emptied stage-message field takes the message off the stage") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    auto* message = child<QLineEdit>(w, u"stageMessage"_s);
    message->setFocus();
    QTest::keyClicks(message, u"Please wrap up"_s);
    QTest::keyClick(message, Qt::Key_Return);
    REQUIRE(h.state().stageMessage == u"Please wrap up"_s);
    REQUIRE(message->text().isEmpty());
    QTest::keySequence(message, QKeySequence::Undo);
    CHECK(h.state().stageMessage.isEmpty()); // the session's step
    CHECK(message->text().isEmpty());        // not the text just sent
    QTest::keySequence(message, QKeySequence::Redo);
    CHECK(h.state().stageMessage == u"Please wrap up"_s);
    QTest::keyClicks(message, u"One"_s); // while typing, Ctrl+Z is the field's own
    QTest::keySequence(message, QKeySequence::Undo);
    CHECK(message->text().size() < 3);
    CHECK(h.state().stageMessage == u"Please wrap up"_s);
    // Ctrl+Z once more than the typing had goes on to the session; Ctrl+Shift+Z then puts that
    // step back first (it brought the typing back, and left the step undone).
    message->clear();
    QTest::keyClicks(message, u"Hi"_s);
    QTest::keySequence(message, QKeySequence::Undo); // the typing
    REQUIRE(message->text().isEmpty());
    QTest::keySequence(message, QKeySequence::Undo); // the session's step
    REQUIRE(h.state().stageMessage.isEmpty());
    QTest::keySequence(message, QKeySequence::Redo);
    CHECK(h.state().stageMessage == u"Please wrap up"_s);
    CHECK(message->text().isEmpty());
    QTest::keySequence(message, QKeySequence::Redo); // then the typing
    CHECK(message->text() == u"Hi"_s);
}

// The field counted UTF-16 units: 70 emoji, or a Hindi message of fewer than 140 letters, filled
// it. A message over the limit is kept for the moderator to shorten, in red and not sent: cut by
// the field, it lost its undo history, and Ctrl+Z undid a step of the session instead.
TEST_CASE("the stage-message field takes 140 characters as read, as the host does, and keeps a "
          "longer one to shorten") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    h.add(u"Audience 1"_s); // a step of the session that Ctrl+Z must leave alone
    auto* message = child<QLineEdit>(w, u"stageMessage"_s);
    auto* send = child<QPushButton>(w, u"sendStageMessage"_s);
    message->setFocus();
    const QString full = QString(u"🙏"_s).repeated(140);
    message->insert(full + u"!"_s); // one more: kept, but not to be sent
    CHECK(message->text() == full + u"!"_s);
    CHECK_FALSE(send->isEnabled());
    CHECK(message->toolTip().contains(u"140"_s));
    QString notice;
    QObject::connect(&h.cockpit, &Cockpit::notice, [&](const QString& t) { notice = t; });
    QTest::keyClick(message, Qt::Key_Return);
    CHECK(h.state().stageMessage.isEmpty());
    CHECK(notice.contains(u"140 characters"_s));     // Enter says why nothing was sent
    QTest::keySequence(message, QKeySequence::Undo); // the field's own typing
    CHECK(message->text().isEmpty());
    CHECK(h.queueNames() == QStringList{u"Audience 1"_s});
    message->insert(full); // 140 emoji: 280 UTF-16 units, within the limit
    QTest::keyClick(message, Qt::Key_Return);
    CHECK(h.state().stageMessage == full);
    message->insert(QString(u"word  "_s).repeated(25)); // 150 typed, 124 once the host tidies it
    CHECK(send->isEnabled());
    QTest::keyClick(message, Qt::Key_Return);
    CHECK(h.state().stageMessage == QString(u"word "_s).repeated(25).trimmed());

    const QString paste = QString(u"Please wrap up. "_s).repeated(10); // 160: kept whole
    message->insert(paste);
    CHECK(message->text() == paste);
    CHECK_FALSE(send->isEnabled());
    QTest::keySequence(message, QKeySequence::Undo);
    CHECK(message->text().isEmpty());
    CHECK(h.queueNames() == QStringList{u"Audience 1"_s});
}

TEST_CASE("a message for the stage display, and the session clock") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* message = child<QLineEdit>(w, u"stageMessage"_s);
    message->setText(u"Please wrap up"_s);
    QTest::keyClick(message, Qt::Key_Return);
    CHECK(h.state().stageMessage == u"Please wrap up"_s);
    CHECK(child<QLabel>(w, u"stageMessageShown"_s)->text().contains(u"Please wrap up"_s));
    // With the field empty again, the button takes the message off the stage.
    auto* send = child<QPushButton>(w, u"sendStageMessage"_s);
    CHECK(send->text() == u"Clear"_s);
    REQUIRE(send->isEnabled());
    send->click();
    CHECK(h.state().stageMessage.isEmpty());
    CHECK_FALSE(send->isEnabled()); // nothing to show, nothing to clear
    message->setText(u"One minute"_s);
    CHECK(send->text() == u"Show"_s);
    CHECK(send->isEnabled());

    auto* sessionClock = child<QLabel>(w, u"sessionClock"_s);
    CHECK(sessionClock->text().endsWith(u"not started"_s));
    // With a planned start, when it is to begin (until it has begun).
    REQUIRE(h.run(Action::EditSession, {{u"info"_s, QCborMap{{u"start"_s, u"10:30"_s}}}}));
    CHECK(sessionClock->text().endsWith(u"not started · to begin at 10:30"_s));
    child<QPushButton>(w, u"sessionClockToggle"_s)->click();
    CHECK(h.state().sessionClock.running);
    h.clock.advance(60'000);
    tick(h);
    CHECK(sessionClock->text() == u"Session: 1:29:00 left of 1:30:00"_s);
    // Stopped, it says so: the rapporteur has no button to tell by.
    child<QPushButton>(w, u"sessionClockToggle"_s)->click();
    CHECK(sessionClock->text() == u"Session: 1:29:00 left of 1:30:00 · paused"_s);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"segment"_s}}));
    CHECK(child<QLabel>(w, u"segmentClock"_s)
              ->text()
              .endsWith(u"5:00\u00a0left\u00a0·\u00a0paused"_s));
}

// Paused for a break, the session clock stopped and the segment's ran on: the report's agenda came
// to more than the session's time (7:48 against 7:04).
TEST_CASE("pausing the session clock pauses the segment under way with it, in one undo step") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"session"_s}}));
    REQUIRE(h.state().segmentClock.running);
    h.clock.advance(60'000);
    auto* toggle = child<QPushButton>(w, u"sessionClockToggle"_s);
    toggle->click();
    CHECK_FALSE(h.state().sessionClock.running);
    CHECK_FALSE(h.state().segmentClock.running);
    h.clock.advance(20'000); // the break
    toggle->click();
    CHECK(h.state().sessionClock.running);
    CHECK(h.state().segmentClock.running);
    h.clock.advance(10'000);
    CHECK(h.state().segmentClock.elapsedMs(h.clock.nowMs()) ==
          h.state().sessionClock.elapsedMs(h.clock.nowMs()));

    QUndoStack& undo = h.cockpit.undoStack();
    undo.undo(); // the start of both
    CHECK_FALSE(h.state().sessionClock.running);
    CHECK_FALSE(h.state().segmentClock.running);
    undo.undo(); // the pause of both
    CHECK(h.state().sessionClock.running);
    CHECK(h.state().segmentClock.running);

    // With the agenda ended, the session clock goes alone.
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, int(h.state().segments.size())}}));
    REQUIRE(h.state().activeSegment < 0);
    h.clock.advance(60'000);
    toggle->click();
    CHECK_FALSE(h.state().sessionClock.running);
}

TEST_CASE("a segment that runs over says how far over, not '+0:17 left'") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    h.clock.advance(h.state().segments[0].plannedMs + 400);
    tick(h);
    CHECK(child<QLabel>(w, u"segmentClock"_s)
              ->text()
              .endsWith(u"0:00\u00a0left"_s)); // not "0:00 over"
    h.clock.advance(17'000);
    tick(h);
    const QString text = child<QLabel>(w, u"segmentClock"_s)->text();
    CHECK(text.endsWith(u"0:17\u00a0over"_s)); // kept whole where the line wraps
    CHECK_FALSE(text.contains(u"+"_s));
}

// A segment of 110 characters took the panel to 860 px: the queue beside it lost its Region
// column, and the quick add's hint was cut, for the rest of the session.
TEST_CASE("a long segment title wraps in the floor panel instead of widening it") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    QWidget* floor = w.dock(u"floorDock"_s);
    REQUIRE(floor);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    QCoreApplication::processEvents();
    const int widthBefore = floor->minimumSizeHint().width();
    QList<Segment> agenda = h.state().segments;
    agenda[0].title = u"Policy question 2: how can consumers identify companies which adopt "
                      "security best practices and those which do not?"_s;
    REQUIRE(h.run(Action::EditAgenda, {{u"agenda"_s, codec::toCborArray(agenda)}}));
    tick(h);
    QCoreApplication::processEvents();
    auto* line = child<QLabel>(w, u"segmentClock"_s);
    REQUIRE(line->text().contains(agenda[0].title)); // whole, over two lines
    CHECK(floor->minimumSizeHint().width() <= widthBefore);
}

TEST_CASE("next speaker is offered only while someone waits in the queue") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    REQUIRE(h.state().queue.isEmpty());
    auto* next = child<QAction>(w, u"nextSpeakerAction"_s); // its button follows it
    CHECK_FALSE(next->isEnabled());                         // pressing it could only be refused
    const Id entry = h.add(u"Audience 2"_s);
    CHECK(next->isEnabled());
    // Who it calls, beside a suggestion that may name someone else.
    CHECK(next->toolTip() == u"Give the floor to Audience 2, first in the queue"_s);
    REQUIRE(h.run(Action::WithdrawEntry, {{u"entry"_s, entry}}));
    CHECK_FALSE(next->isEnabled()); // a withdrawn entry is not called
}

// "Anna <b>Smith</b> | x" showed as "Anna Smith | x" in bold: the name was read as markup.
TEST_CASE("a speaker's name is shown as typed, markup and all") {
    useTemporarySettings();
    Plan plan = crowdPlan();
    Participant odd;
    odd.name = u"Anna <b>Smith</b> & Co"_s;
    odd.affiliation = u"<i>Hackers</i>"_s;
    plan.participants << odd;
    CockpitHarness h(plan);
    MainWindow w(h.cockpit);
    h.add(odd.name);
    REQUIRE(h.run(Action::Next));
    for (const QString& name : {u"speakerName"_s, u"speakerDetails"_s}) {
        INFO(name.toStdString());
        auto* label = child<QLabel>(w, name);
        CHECK(label->textFormat() == Qt::PlainText);
        CHECK(label->text().contains(name == u"speakerName"_s ? odd.name : odd.affiliation));
    }
}

TEST_CASE("agenda: Start selected is offered as soon as a segment is picked") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* start = child<QPushButton>(w, u"startSegment"_s);
    auto* view = child<QAbstractItemView>(w, u"agendaView"_s);
    CHECK_FALSE(start->isEnabled());
    view->setCurrentIndex(view->model()->index(1, 0));
    CHECK(start->isEnabled()); // before any other event came
    start->click();
    CHECK(h.state().activeSegment == 1);
    CHECK_FALSE(start->isEnabled()); // it runs
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 2}}));
    view->setCurrentIndex(view->model()->index(1, 0));
    CHECK_FALSE(start->isEnabled()); // it has run: not started again
    view->setCurrentIndex(view->model()->index(0, 0));
    CHECK(start->isEnabled()); // never started: skipped, and still to come

    // "Next segment" goes past a segment that ran out of order, to the end of the agenda here.
    auto* next = w.findChild<QAction*>(u"advanceSegmentAction"_s);
    REQUIRE(next);
    start->click(); // the first, skipped before
    REQUIRE(h.state().activeSegment == 0);
    CHECK(next->isEnabled());
    next->trigger(); // 1 and 2 have run
    CHECK(h.state().activeSegment == -1);
    CHECK_FALSE(next->isEnabled()); // nothing is left to start
}

// F9 pressed twice in a hurry called the next speaker and the one after: the first's speech
// was recorded at 0:00. A key held down called everyone in the queue.
// Side by side, a refusal and a line that needed nothing done had half the foot each: the refusal
// was cut before what it said was left as it was.
TEST_CASE("a refusal has most of the window's foot beside a line for information") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.resize(1366, 700);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    emit h.cockpit.notice(u"Could not undo “Enter a tally: Yes, Onsite”: the tally for “Yes” "
                          "(Onsite) was changed on another seat: it was left at 12."_s);
    emit h.cockpit.info(u"“Next speaker” pressed twice within a second."_s);
    QCoreApplication::processEvents();
    auto* notice = child<QLabel>(w, u"noticeLine"_s);
    auto* info = child<QLabel>(w, u"infoLine"_s);
    REQUIRE(info->isVisible());
    CHECK(notice->width() >= notice->fontMetrics().horizontalAdvance(notice->text()));
    CHECK(notice->width() > 2 * info->width());
}

TEST_CASE("Next speaker or Next segment pressed twice within a second moves on once") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    h.add(u"Audience 3"_s);
    auto* next = child<QAction>(w, u"nextSpeakerAction"_s);
    CHECK_FALSE(next->autoRepeat());
    next->trigger();
    h.clock.advance(400);
    next->trigger();
    REQUIRE(h.state().floor);
    CHECK(h.state().participant(h.state().floor->entry.participantId)->name == u"Audience 1"_s);
    CHECK(child<QLabel>(w, u"infoLine"_s)
              ->text()
              .contains(u"pressed twice"_s)); // not in red: no fault
    h.clock.advance(700);                     // 1.1 s after the press taken: a press of its own
    next->trigger();
    CHECK(h.state().participant(h.state().floor->entry.participantId)->name == u"Audience 2"_s);

    auto* segment = child<QAction>(w, u"advanceSegmentAction"_s);
    CHECK_FALSE(segment->autoRepeat());
    segment->trigger();
    segment->trigger();
    CHECK(h.state().activeSegment == 0);
    h.clock.advance(1'000);
    segment->trigger();
    CHECK(h.state().activeSegment == 1);
}

// Ctrl+Shift+Return pressed once more at the end started a segment skipped an hour before, and the
// report then had it held after the wrap-up.
TEST_CASE("agenda: on the last segment the button ends the agenda, after which it starts nothing, "
          "and a skipped one says not held") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    const int count = int(h.state().segments.size());
    REQUIRE(count >= 3);
    auto* next = child<QAction>(w, u"advanceSegmentAction"_s);
    auto* start = child<QPushButton>(w, u"startSegment"_s);
    auto* view = child<QAbstractItemView>(w, u"agendaView"_s);
    const QModelIndex skipped = view->model()->index(1, AgendaModel::Status);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    CHECK(skipped.data().toString() == u"To come"_s);
    CHECK(next->text() == u"Next segment"_s);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, count - 1}})); // the second is skipped
    CHECK(skipped.data().toString() == u"Not held"_s);
    // On the last segment the button says it ends it (the report counts it only then).
    CHECK(next->text() == u"End agenda"_s);
    CHECK(next->toolTip().contains(h.state().segments[count - 1].title));
    REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"session"_s}}));
    next->trigger();
    REQUIRE(h.state().activeSegment == -1);
    CHECK(h.state().segments[count - 1].endedAt != 0);
    CHECK(h.cockpit.undoStack().undoText() == u"End the agenda"_s);
    // Not "No agenda segment running", as before the first; and the clock to stop is named.
    auto* segmentLine = child<QLabel>(w, u"segmentClock"_s);
    CHECK(segmentLine->text().startsWith(u"Agenda ended at"_s));
    CHECK(segmentLine->text().contains(shortTime(QLocale(), h.clock.nowMs())));
    CHECK(segmentLine->text().contains(u"the session clock still runs"_s));
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"session"_s}}));
    CHECK_FALSE(segmentLine->text().contains(u"still runs"_s));
    CHECK_FALSE(next->isEnabled());
    CHECK(next->text() == u"Next segment"_s);
    CHECK(skipped.data().toString() == u"Not held"_s);
    // Held after all, by choice: Start selected.
    view->setCurrentIndex(view->model()->index(1, 0));
    REQUIRE(start->isEnabled());
    start->click();
    CHECK(h.state().activeSegment == 1);
    CHECK(skipped.data().toString() == u"Running"_s);
    // Ended an hour later, the agenda ended then, not when its last row did.
    h.clock.advance(60 * 60'000);
    REQUIRE(next->text() == u"End agenda"_s);
    next->trigger();
    REQUIRE(h.state().activeSegment == -1);
    CHECK(segmentLine->text().contains(shortTime(QLocale(), h.clock.nowMs())));
}

// The session clock had a button of its own: a moderator who forgot it had a report minutes short.
TEST_CASE("agenda: starting the first segment starts the session clock, also after an undo") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* next = w.findChild<QAction*>(u"advanceSegmentAction"_s);
    REQUIRE(next);
    next->trigger();
    CHECK(h.state().activeSegment == 0);
    CHECK(h.state().sessionClock.running);
    h.clock.advance(4'000);
    QUndoStack& undo = h.cockpit.undoStack();
    undo.undo(); // the clock
    CHECK_FALSE(h.state().sessionClock.running);
    CHECK(h.state().activeSegment == 0);
    undo.undo(); // the segment
    CHECK(h.state().activeSegment == -1);

    // Started again after the undo, with 4 s on the clock: it runs again.
    next->trigger();
    CHECK(h.state().activeSegment == 0);
    CHECK(h.state().sessionClock.running);

    // Paused on purpose later, the session clock is not started again by the next segment.
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"session"_s}}));
    h.clock.advance(60'000);
    next->trigger();
    CHECK(h.state().activeSegment == 1);
    CHECK_FALSE(h.state().sessionClock.running);
}

// On a joined seat the clock's start went with the segment's, before the host had answered: a
// segment the host refused left the session clock running with no segment begun.
TEST_CASE("agenda on a joined seat: the session clock starts with the host's segment event only") {
    JoinedWindow joined;
    auto& [settings, h, w, host, forwarded] = joined;
    auto* next = child<QAction>(w, u"advanceSegmentAction"_s);

    next->trigger();
    REQUIRE(forwarded.size() == 1); // the segment only, for now
    h.engine.reportRefusal(forwarded[0].id, u"The agenda moved on meanwhile."_s);
    CHECK(forwarded.size() == 1); // and never the clock

    h.clock.advance(2'000);
    next->trigger();
    REQUIRE(forwarded.size() == 2);
    host.decideOnHost(forwarded[1]);
    REQUIRE(forwarded.size() == 3);
    CHECK(forwarded[2].action == Action::StartTimer);
    CHECK(forwarded[2].args.value(u"timer"_s).toString() == u"session"_s);
}

// Pressed twice before the host answered, the second press ("already running", refused) made the
// seat forget the first: the segment began, the session clock stayed paused.
TEST_CASE("agenda on a joined seat: a double press starts the segment and the session clock") {
    JoinedWindow joined;
    auto& [settings, h, w, host, forwarded] = joined;
    auto* next = child<QAction>(w, u"advanceSegmentAction"_s);
    next->trigger();
    h.clock.advance(1'500); // the host slow to answer: pressed again, not a bounce
    next->trigger();
    REQUIRE(forwarded.size() == 2); // two starts of the first segment
    // The second's refusal comes first; the first's event follows.
    h.engine.reportRefusal(forwarded[1].id, u"That segment is already running."_s);
    host.decideOnHost(forwarded[0]);
    REQUIRE(forwarded.size() == 3);
    CHECK(forwarded[2].action == Action::StartTimer);
    CHECK(forwarded[2].args.value(u"timer"_s).toString() == u"session"_s);
}

// Both moderators pressed Enter on a message 54 ms apart: the second replaced the first on the
// stage, and the first's sender, the field emptied, believed theirs shown.
TEST_CASE("a message to the speaker sent as the other seat's lands is refused, and kept to send "
          "again") {
    JoinedWindow joined;
    auto& [settings, h, w, host, forwarded] = joined;
    auto* field = child<QLineEdit>(w, u"stageMessage"_s);
    field->setText(u"30 seconds left, please conclude"_s);
    QTest::keyClick(field, Qt::Key_Return);
    REQUIRE(forwarded.size() == 1);
    // The other seat's message reached the host first.
    Command other;
    other.id = newCommandId();
    other.action = Action::SetStageMessage;
    other.args = {{u"text"_s, u"Online: audio is choppy, slow down"_s}};
    host.decideOnHost(other);
    const auto second = decide(h.state(), forwarded[0], h.clock.nowMs());
    REQUIRE_FALSE(second);
    CHECK(second.error().contains(u"changed on another seat"_s));
    h.engine.reportRefusal(forwarded[0].id, second.error());
    CHECK(h.state().stageMessage == u"Online: audio is choppy, slow down"_s);
    CHECK(field->text() == u"30 seconds left, please conclude"_s);
    CHECK(child<QLabel>(w, u"noticeLine"_s)->text().contains(u"changed on another seat"_s));
    // Sent again, having seen the other one, it replaces it.
    QTest::keyClick(field, Qt::Key_Return);
    REQUIRE(forwarded.size() == 2);
    host.decideOnHost(forwarded[1]);
    CHECK(h.state().stageMessage == u"30 seconds left, please conclude"_s);
}

TEST_CASE("the floor's keys work while the moderator types in a text field") {
    // A text field takes the keys it edits with: on X11, Ctrl+E moves to the end of the line,
    // and ended no speech while the quick-add field had the focus.
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    h.add(u"Panelist A"_s);
    h.add(u"Panelist B"_s);
    child<QAction>(w, u"nextSpeakerAction"_s)->trigger();
    REQUIRE(h.state().floor);
    auto* quickAdd = child<QLineEdit>(w, u"quickAdd"_s);
    quickAdd->setFocus();
    QTest::keyClicks(quickAdd, u"Aud"_s);
    h.clock.advance(10'000);
    QTest::keyClick(quickAdd, Qt::Key_E, Qt::ControlModifier);
    CHECK_FALSE(h.state().floor);        // the speech ended
    CHECK(quickAdd->text() == u"Aud"_s); // and what was typed stays
    // Editing keys stay the field's: Ctrl+Z undoes the typing, not the session's last step.
    QTest::keyClick(quickAdd, Qt::Key_Z, Qt::ControlModifier);
    CHECK(h.state().speeches.size() == 1);

    // Even a field that claims every key leaves the cockpit's to the cockpit.
    child<QAction>(w, u"nextSpeakerAction"_s)->trigger();
    REQUIRE(h.state().floor);
    auto* greedy = new GreedyField;
    child<QLineEdit>(w, u"stageMessage"_s)->parentWidget()->layout()->addWidget(greedy);
    greedy->show();
    greedy->setFocus();
    REQUIRE(QTest::qWaitFor([&] { return greedy->hasFocus(); })); // on X11 it comes later
    QTest::keyClick(greedy, Qt::Key_E, Qt::ControlModifier);
    CHECK_FALSE(h.state().floor);
    QTest::keyClick(greedy, Qt::Key_Z, Qt::ControlModifier); // its own: no step undone
    CHECK_FALSE(h.state().floor);
}

// Typed after a name in the quick add, Ctrl+Return (which submits a field to many people) called
// the next speaker, and the name was not added.
TEST_CASE(
    "Ctrl+Return in a field holding text is the field's Enter, in an empty one next speaker") {
    ShownWindow window;
    auto& [settings, h, w] = window;
    h.add(u"Panelist A"_s);
    auto* quickAdd = child<QLineEdit>(w, u"quickAdd"_s);
    quickAdd->setFocus();
    QTest::keyClicks(quickAdd, u"Kenji Tanaka"_s);
    QTest::keyClick(quickAdd, Qt::Key_Return, Qt::ControlModifier);
    QCoreApplication::processEvents(); // the entry is asked for once the newcomer is in
    CHECK_FALSE(h.state().floor);
    REQUIRE(h.state().queue.size() == 2);
    CHECK(h.state().participant(h.state().queue[1].participantId)->name == u"Kenji Tanaka"_s);
    REQUIRE(QTest::qWaitFor([&] { return quickAdd->text().isEmpty(); }));
    QTest::keyClick(quickAdd, Qt::Key_Return, Qt::ControlModifier);
    REQUIRE(h.state().floor);
    CHECK(h.state().participant(h.state().floor->entry.participantId)->name == u"Panelist A"_s);
    // Ctrl+Shift+Return, the next segment's only key, stays the window's.
    QTest::keyClicks(quickAdd, u"Lena"_s);
    const int segment = h.state().activeSegment;
    QTest::keyClick(quickAdd, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(h.state().activeSegment == segment + 1);
}

// Both moderators gave the speaker 30 s within a second: a minute went, with no hint on either
// screen that the other had pressed too.
TEST_CASE("time given to the speaker from both seats within seconds is said on each") {
    TwoWaiting scene;
    CockpitHarness& h = scene.h;
    QStringList notices;
    QObject::connect(&h.cockpit, &Cockpit::info, [&](const QString& t) { notices << t; });
    const auto fromTheOtherSeat = [&](qint64 delta) {
        REQUIRE(h.run(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, delta}},
                      Authority::OnlineModerator));
    };
    h.clock.advance(10'000); // the speaker on the floor long enough to be the one seen
    scene.action(u"plus30Action"_s)->trigger();
    fromTheOtherSeat(30'000); // a moment later, not seen here before it
    REQUIRE(notices.size() == 1);
    CHECK(notices.first().toStdString() ==
          "The other seat changed Audience 1's time too, seconds apart: +0:30 there, +0:30 here, "
          "+1:00 in all.");
    // More from there in a row: the line gives what each seat gave in all.
    fromTheOtherSeat(30'000);
    REQUIRE(notices.size() == 2);
    CHECK(notices.last().toStdString() ==
          "The other seat changed Audience 1's time too, seconds apart: +1:00 there, +0:30 here, "
          "+1:30 in all.");
    // Apart by more than a few seconds, each is its own decision.
    h.clock.advance(20'000);
    fromTheOtherSeat(-30'000);
    CHECK(notices.size() == 2);
    // For the next speaker, what was given to the last one does not count.
    h.clock.advance(20'000);
    scene.action(u"plus30Action"_s)->trigger();
    REQUIRE(notices.size() == 2);
    REQUIRE(h.run(Action::Next));
    fromTheOtherSeat(30'000);
    CHECK(notices.size() == 2);
}

// Pressed on the online moderator's seat as the in-room moderator calls the next speaker, +30 s
// went to the new speaker.
TEST_CASE("±30 s and start/pause are for the speaker the moderator sees") {
    TwoWaiting scene;
    CockpitHarness& h = scene.h;
    QList<Command> forwarded;
    h.engine.setForwarder([&](const Command& c) { forwarded.append(c); });
    scene.action(u"plus30Action"_s)->trigger();
    scene.action(u"startPauseAction"_s)->trigger();
    REQUIRE(forwarded.size() == 2);
    h.engine.setForwarder({});
    REQUIRE(h.run(Action::Next, {{u"entry"_s, scene.second}})); // reaches the host first
    for (Command c : forwarded) {
        c.authority = Authority::Moderator;
        const auto decided = decide(h.state(), c, h.clock.nowMs());
        INFO(int(c.action));
        CHECK_FALSE(decided);
    }
}

// The other moderator's call reached the host a moment before this one's press: the press was
// meant for the speaker on screen until then. Accepted, it called a second speaker, and the
// first had a speech of some milliseconds.
TEST_CASE("a press just after the other moderator called someone is for the speaker seen before, "
          "and is refused") {
    TwoWaiting scene;
    CockpitHarness& h = scene.h;
    const Id second = scene.second;
    h.clock.advance(10'000);
    QStringList notices;
    QObject::connect(&h.cockpit, &Cockpit::notice, [&](const QString& t) { notices << t; });
    auto* next = scene.action(u"nextSpeakerAction"_s);

    REQUIRE(h.run(Action::Next, {{u"entry"_s, second}})); // the other moderator's call
    h.clock.advance(300);
    next->trigger();
    CHECK(h.state().floor->entry.id == second);
    REQUIRE(notices.size() == 1);
    CHECK(notices.first().contains(u"floor changed"_s));

    h.clock.advance(1000); // taken in: now a press means this speaker
    next->trigger();
    REQUIRE(h.state().floor);
    CHECK(h.state().floor->entry.id != second);
    // and right after the moderator's own call, a press is for the speaker they called
    const Id called = h.state().floor->entry.id;
    const qint64 allotted = h.state().floor->countdown.allottedMs;
    scene.action(u"plus30Action"_s)->trigger();
    CHECK(h.state().floor->entry.id == called);
    CHECK(h.state().floor->countdown.allottedMs == allotted + 30'000);
}

// Both moderators pressed "Start session clock": the second press, handled 94 ms after the first
// had started it, paused it, and the button read "Start" again on both seats.
TEST_CASE("Start pressed just after the other moderator started the clock does not pause it") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    QStringList notices;
    QObject::connect(&h.cockpit, &Cockpit::notice, [&](const QString& t) { notices << t; });
    auto* toggle = child<QPushButton>(w, u"sessionClockToggle"_s);
    REQUIRE_FALSE(h.state().sessionClock.running);

    REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"session"_s}})); // the other seat's press
    h.clock.advance(100);
    toggle->click();
    CHECK(h.state().sessionClock.running);
    REQUIRE(notices.size() == 1);
    CHECK(notices.first().contains(u"session clock is already running"_s));

    h.clock.advance(1000); // taken in: now the press means "pause"
    toggle->click();
    CHECK_FALSE(h.state().sessionClock.running);
}

// Measured on a clock set back (an NTP step), the second after the other seat's call never ended:
// every press on the floor was refused for as long as the clock had jumped.
TEST_CASE("a clock set back does not keep the moderator's presses refused") {
    TwoWaiting scene;
    CockpitHarness& h = scene.h;
    REQUIRE(h.run(Action::Next, {{u"entry"_s, scene.second}})); // the other moderator's call
    h.clock.advance(-600'000);
    const qint64 allotted = h.state().floor->countdown.allottedMs;
    scene.action(u"plus30Action"_s)->trigger();
    CHECK(h.state().floor->countdown.allottedMs == allotted + 30'000);
}

// With the session clock never started, the forecast's "left" stood still while the speaker's
// time ran down, and so seemed to grow.
TEST_CASE("agenda: the forecast says when the clock it counts on is stopped") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* forecast = child<QLabel>(w, u"forecast"_s);
    CHECK(forecast->text().contains(u"session clock is not running"_s));
    REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"session"_s}}));
    CHECK_FALSE(forecast->text().contains(u"not running"_s));
}

// "all 1 waiting fit in the 12:26 left" beside a segment clock at 14:48 read as two clocks.
TEST_CASE("agenda: the forecast says whose time is left, and counts in words") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* forecast = child<QLabel>(w, u"forecast"_s);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 1}})); // 20 minutes
    h.add(u"Audience 1"_s);
    CHECK(forecast->text().contains(u"the one waiting fits in the 20:00 left ("_s));
    REQUIRE(h.run(Action::Next)); // 2 minutes for the audience
    h.add(u"Audience 2"_s);
    h.add(u"Audience 3"_s);
    CHECK(forecast->text().contains(u"all 2 waiting fit in the 18:00 left after this speaker"_s));
    REQUIRE(h.run(Action::AdjustTimer, {{u"timer"_s, u"segment"_s}, {u"deltaMs"_s, -17 * 60'000}}));
    CHECK(forecast->text().contains(u"none of the 2 waiting fit"_s));
}

// A refusal went from the status bar after 8 seconds: "the connection dropped before the host got
// this, so it was not done" was missed by a moderator looking at the room.
TEST_CASE("a notice stays at the foot of the window until the next one or until dismissed") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    const int widthBefore = w.minimumSizeHint().width();
    const QString lost = u"The connection to the host dropped before the host got this, so it was "
                         "not done: Timer adjusted: speaker's time +0:30. "_s.repeated(4);
    emit h.cockpit.notice(lost);
    auto* line = child<QLabel>(w, u"noticeLine"_s);
    CHECK(line->isVisible());
    CHECK(line->text().endsWith(lost));
    CHECK(line->toolTip() == line->text()); // whole, however narrow the window
    // In red, as other errors: "The disk is full: … not saved" read like any status line.
    CHECK(line->property("problem").toBool());
    CHECK(w.minimumSizeHint().width() == widthBefore);
    QCoreApplication::processEvents();
    CHECK(line->isVisible());
    child<QToolButton>(w, u"dismissNotice"_s)->click();
    CHECK_FALSE(line->isVisible());
    emit h.cockpit.notice(u"The floor changed meanwhile."_s);
    CHECK(line->isVisible());
    CHECK(line->text().endsWith(u"The floor changed meanwhile."_s));
}

// The online moderator's "Next segment" was greyed with its own name for a tooltip, and its key
// did nothing and said nothing: the engine's "Only the in-room moderator can do that." never
// reached the screen.
TEST_CASE("a control greyed for this seat says why, and so does its key") {
    useTemporarySettings();
    CockpitHarness h;
    h.cockpit.setSeat(Seat::OnlineModerator);
    MainWindow w(h.cockpit);
    w.show();
    auto* advance = child<QAction>(w, u"advanceSegmentAction"_s);
    REQUIRE_FALSE(advance->isEnabled());
    CHECK(advance->toolTip() == u"Only the in-room moderator can do that."_s);
    CHECK(child<QPushButton>(w, u"startSegment"_s)->toolTip() == advance->toolTip());
    QWidget* focused = QApplication::focusWidget() ? QApplication::focusWidget() : &w;
    QTest::keyClick(focused, Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(child<QLabel>(w, u"noticeLine"_s)->text().endsWith(advance->toolTip()));
    // What this seat may do, greyed for now, says why too (it said only its name).
    auto* next = child<QAction>(w, u"nextSpeakerAction"_s);
    CHECK(next->toolTip() == u"Nobody is waiting in the queue"_s);
    CHECK(child<QAction>(w, u"endSpeechAction"_s)->toolTip() == u"Nobody has the floor"_s);
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &w, Qt::Key_F9);
    CHECK(child<QLabel>(w, u"noticeLine"_s)->text().endsWith(u"Nobody is waiting in the queue"_s));
    h.add(u"Audience 1"_s);
    CHECK(next->toolTip() == u"Give the floor to Audience 1, first in the queue"_s);

    h.cockpit.setSeat(Seat::Rapporteur);
    CHECK(child<QAction>(w, u"nextSpeakerAction"_s)->toolTip() == u"This seat is read-only."_s);
}

// A message to the speaker wrapping to a second line moved the floor's buttons up, under the
// moderator's pointer.
TEST_CASE("the floor's buttons stay put when the message to the speaker grows a line") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.resize(1366, 768);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    QToolButton* next = nullptr;
    for (QToolButton* b : w.findChildren<QToolButton*>())
        if (b->defaultAction() == child<QAction>(w, u"nextSpeakerAction"_s))
            next = b;
    REQUIRE(next);
    auto* shown = child<QLabel>(w, u"stageMessageShown"_s);
    const auto place = [&] {
        QCoreApplication::processEvents();
        return next->mapTo(&w, QPoint(0, 0));
    };
    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, u"Please wrap up"_s}}));
    const QPoint before = place();
    const int oneLine = shown->height();
    REQUIRE(h.run(Action::SetStageMessage,
                  {{u"text"_s, u"Please wrap up now: the next panel starts in two minutes, and "
                               u"the room must be cleared for the online audience"_s}}));
    const QPoint after = place();
    REQUIRE(shown->height() > oneLine); // it did wrap
    CHECK(after == before);
}

// "Undo Change the speaker's time" left the moderator guessing whose, and which step Ctrl+Z would
// take back.
TEST_CASE("Edit → Undo names whom the floor's steps were for") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    h.add(u"Audience 1"_s);
    QUndoStack& undo = h.cockpit.undoStack();
    child<QAction>(w, u"nextSpeakerAction"_s)->trigger();
    CHECK(undo.undoText() == u"Call Audience 1"_s);
    child<QAction>(w, u"plus30Action"_s)->trigger();
    CHECK(undo.undoText() == u"Change Audience 1's time"_s);
    child<QAction>(w, u"startPauseAction"_s)->trigger();
    CHECK(undo.undoText() == u"Pause Audience 1's time"_s);
    child<QAction>(w, u"endSpeechAction"_s)->trigger();
    CHECK(undo.undoText() == u"End Audience 1's speech"_s);
}

// Paused, the countdown looked like a speech not yet begun, its button said "Start", and the
// rapporteur's seat, without buttons, gave no clue at all.
TEST_CASE("a paused speaker reads as paused, and the button resumes") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    h.clock.advance(10'000);
    auto* details = child<QLabel>(w, u"speakerDetails"_s);
    auto* startPause = child<QAction>(w, u"startPauseAction"_s);
    CHECK(startPause->iconText() == u"Pause"_s);                // on its button
    CHECK(startPause->text() == u"Pause the speaker's time"_s); // in the Session menu
    CHECK_FALSE(details->text().contains(u"Paused"_s));
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}}));
    CHECK(details->text().endsWith(u" · Paused"_s));
    CHECK(startPause->iconText() == u"Resume"_s);
    REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"speaker"_s}}));
    CHECK_FALSE(details->text().contains(u"Paused"_s));
}

// Ctrl+Q pressed for Ctrl+W took the speaker's countdown off the stage display mid-speech.
TEST_CASE("quitting while someone has the floor asks first, a close by a signal does not") {
    ShownWindow shown;
    auto& [settings, h, w] = shown;
    QAction* quit = child<QAction>(w, u"quitAction"_s);
    QString asked;
    answerQuestionIfAsked(u"Cancel"_s, &asked);
    quit->trigger();
    QCoreApplication::processEvents();
    CHECK(asked.isEmpty()); // nobody speaks: nothing to ask
    CHECK_FALSE(w.isVisible());

    w.show();
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    answerQuestionIfAsked(u"Cancel"_s, &asked);
    quit->trigger();
    CHECK(asked.startsWith(u"Audience 1 has the floor"_s));
    CHECK(w.isVisible());
    asked.clear();
    answerQuestionIfAsked(u"Quit"_s, &asked);
    quit->trigger();
    CHECK_FALSE(asked.isEmpty());
    CHECK_FALSE(w.isVisible());

    // The rapporteur's seat drives no countdown in the room: it was told it did.
    w.show();
    asked.clear();
    h.cockpit.setSeat(Seat::Rapporteur);
    answerQuestionIfAsked(u"Cancel"_s, &asked);
    quit->trigger();
    QCoreApplication::processEvents();
    CHECK(asked.isEmpty());
    CHECK_FALSE(w.isVisible());
    h.cockpit.setSeat(Seat::Moderator);

    w.show();
    asked.clear();
    answerQuestionIfAsked(u"Cancel"_s, &asked);
    w.close(); // as `kill` does (StopOnSignals closes every window): no one to answer
    QCoreApplication::processEvents();
    CHECK(asked.isEmpty());
    CHECK_FALSE(w.isVisible());
}

// A demo scene is made afresh at each start: quitting one said "opening this session again
// carries on where it is".
TEST_CASE("quitting a demo scene with someone on the floor says the scene is not kept") {
    TemporarySettings settings;
    QTemporaryDir dir; // outlives the file open in it
    CockpitHarness h;
    SessionFiles files(h.engine);
    const auto quitAnswered = [&] { // what the question says besides
        MainWindow w(h.cockpit);
        w.show();
        h.cockpit.setFiles(&files);
        REQUIRE(h.run(Action::AddEntry, {{u"participant"_s, h.state().participants[0].id}}));
        REQUIRE(h.run(Action::Next));
        QString question, informative;
        answerQuestionIfAsked(u"Quit"_s, &question, &informative);
        child<QAction>(w, u"quitAction"_s)->trigger();
        QCoreApplication::processEvents();
        CHECK(question.contains(u"has the floor"_s));
        CHECK_FALSE(w.isVisible());
        h.cockpit.setFiles(nullptr);
        return informative;
    };
    auto scene = openFreshDemoScene(h.clock.nowMs());
    REQUIRE(scene);
    files.adopt(std::move(scene).value(), false);
    CHECK(quitAnswered() ==
          u"This demo scene is made afresh each time it is played: what was done in it is not "
          "kept."_s);

    REQUIRE(files.createFromPlan(crowdPlan(), dir.filePath(u"workshop.podium"_s)));
    CHECK(
        quitAnswered().startsWith(u"Everything is saved: opening this session again carries on"_s));
}

TEST_CASE(
    "quitting a host says how many seats lose touch, and a joined seat quits without a word") {
    CockpitHarness h;
    CHECK(whatQuittingCutsOff(h.state(), 0).isEmpty());
    CHECK(
        whatQuittingCutsOff(h.state(), 2)
            .startsWith(u"2 seats follow the session from this laptop: they lose touch with it"_s));
    CHECK(whatQuittingCutsOff(h.state(), 1).startsWith(u"1 seat follows"_s));

    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    h.engine.setForwarder([](const Command&) {}); // joined: its host has the session
    TemporarySettings settings;
    MainWindow w(h.cockpit);
    w.show();
    QString asked;
    answerQuestionIfAsked(u"Cancel"_s, &asked);
    child<QAction>(w, u"quitAction"_s)->trigger();
    QCoreApplication::processEvents();
    CHECK(asked.isEmpty());
    CHECK_FALSE(w.isVisible());
}

// "Kwame Mensah is already in the queue." stayed in red through the moderator's next five
// actions: a later refusal, beside it, went unseen.
TEST_CASE("a refusal at the foot goes with this seat's next action done, not with the same one") {
    ShownWindow shown;
    auto& [settings, h, w] = shown;
    const Id waiting = h.participantNamed(u"Audience 1"_s);
    REQUIRE(h.cockpit.run(Action::AddEntry, {{u"participant"_s, waiting}}, u"Add"_s));
    CHECK_FALSE(h.cockpit.run(Action::AddEntry, {{u"participant"_s, waiting}}, u"Add"_s));
    auto* notice = child<QLabel>(w, u"noticeLine"_s);
    CHECK(notice->text().contains(u"Audience 1 is already in the queue."_s));
    CHECK(notice->isVisible());
    h.clock.advance(500);
    REQUIRE(h.cockpit.run(Action::Next, {}, u"Call"_s)); // at once: maybe what it was said of
    CHECK(notice->isVisible());
    h.clock.advance(3000);
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}}, Authority::OnlineModerator));
    CHECK(notice->isVisible()); // another seat's step
    REQUIRE(h.cockpit.run(Action::StartTimer, {{u"timer"_s, u"speaker"_s}}, u"Start"_s));
    CHECK_FALSE(notice->isVisible());
}
