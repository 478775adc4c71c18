#include <catch2/catch.hpp>

#include "cockpit.h"
#include "displays/audience_display.h"
#include "displays/demo_scene.h"
#include "displays/display_text.h"
#include "displays/display_windows.h"
#include "displays/stage_display.h"
#include "fixtures.h"
#include "main_window.h"
#include "ui_support.h"

#include <QAction>
#include <QApplication>
#include <QGuiApplication>
#include <QImage>
#include <QPointer>
#include <QTest>
#include <QTimer>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// The colour the display actually painted, read back from its pixels.
QColor paintedBackground(StageDisplay& d) {
    const QImage image = d.grab().toImage();
    return image.pixelColor(2, 2);
}

void callPanelist(Harness& h) {
    h.add(u"Panelist A"_s);
    REQUIRE(h.run(Action::Next)); // a panelist gets 5 minutes, warning at 30 s
}

} // namespace

// Each on a beat of its own (200 ms, 250 ms), the cockpit and the stage display beside it showed
// seconds apart a tenth of the time. Both now read the clock as the second shown turns.
TEST_CASE("the stage display and the cockpit repaint as the second shown turns, together") {
    Harness h;
    Cockpit cockpit(h.engine);
    StageDisplay d(h.engine);
    d.resize(640, 360);
    d.show();
    auto* stageBeat = d.findChild<QTimer*>(u"stageBeat"_s);
    auto* cockpitBeat = cockpit.findChild<QTimer*>(u"cockpitBeat"_s);
    REQUIRE(stageBeat);
    REQUIRE(cockpitBeat);
    CHECK_FALSE(cockpitBeat->isActive()); // no clock runs: nothing to repaint for

    callPanelist(h); // 5:00 from now
    h.clock.advance(700);
    d.refresh();
    QMetaObject::invokeMethod(cockpitBeat, "timeout"); // as it fires
    CHECK(d.face().time == u"5:00"_s);                 // 4:59.3 left
    REQUIRE(stageBeat->isActive());
    REQUIRE(cockpitBeat->isActive());
    CHECK(stageBeat->isSingleShot());
    CHECK(stageBeat->interval() >= 300); // just after 4:59 shows, not before it
    CHECK(stageBeat->interval() < 320);
    CHECK(cockpitBeat->interval() == stageBeat->interval());

    h.clock.advance(stageBeat->interval());
    d.refresh();
    CHECK(d.face().time == u"4:59"_s);

    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}}));
    CHECK_FALSE(cockpitBeat->isActive()); // paused: nothing turns
    d.hide();
    CHECK_FALSE(stageBeat->isActive());
}

TEST_CASE("stage display: idle, running, warning and overtime on a fake clock") {
    Harness h;
    StageDisplay d(h.engine);
    d.resize(640, 360);
    CHECK(d.face().phase == TimerPhase::Idle);
    CHECK(d.face().time.isEmpty());
    CHECK(d.face().speaker == u"Test session"_s);

    callPanelist(h);
    d.refresh();
    CHECK(d.face().speaker == u"Panelist A"_s);
    CHECK(d.face().phase == TimerPhase::Running);
    CHECK(d.face().time == u"5:00"_s);
    CHECK(paintedBackground(d) == stagePalette(TimerPhase::Running, false).background);

    h.clock.advance(4 * 60'000 + 30'500); // 29.5 s left
    d.refresh();
    CHECK(d.face().phase == TimerPhase::Warning);
    CHECK(d.face().time == u"0:30"_s);              // rounded up: it reads 0:00 only at zero
    CHECK(d.face().status == u"Please conclude"_s); // in words too, not in amber alone
    CHECK(paintedBackground(d) == stagePalette(TimerPhase::Warning, false).background);

    h.clock.advance(29'500);
    d.refresh();
    CHECK(d.face().time == u"0:00"_s);

    h.clock.advance(17'400);
    d.refresh();
    CHECK(d.face().phase == TimerPhase::Overtime);
    CHECK(d.face().time == u"+0:17"_s);
    h.clock.advance(3 * 60'000);
    d.refresh();
    CHECK(d.face().time == u"+3:17"_s); // overtime keeps counting up
    CHECK(d.face().status == u"Time is up"_s);
    CHECK(paintedBackground(d) == stagePalette(TimerPhase::Overtime, false).background);
}

TEST_CASE("stage display: a flash when time runs out, then steady red") {
    Harness h;
    callPanelist(h);
    StageDisplay d(h.engine);
    d.resize(640, 360);
    h.clock.advance(5 * 60'000 - 1'000);
    d.refresh();
    CHECK_FALSE(d.face().inverted);

    h.clock.advance(1'100); // 100 ms past zero: the flash starts
    d.refresh();
    CHECK(d.face().inverted);
    CHECK(paintedBackground(d) == stagePalette(TimerPhase::Overtime, true).background);
    h.clock.advance(300);
    d.refresh();
    CHECK_FALSE(d.face().inverted);
    h.clock.advance(300);
    d.refresh();
    CHECK(d.face().inverted);
    h.clock.advance(stageFlashMs);
    d.refresh();
    CHECK_FALSE(d.face().inverted);
    CHECK(paintedBackground(d) == stagePalette(TimerPhase::Overtime, false).background);
}

TEST_CASE("stage display: opened during an overtime, it shows red without a late flash") {
    Harness h;
    callPanelist(h);
    h.clock.advance(6 * 60'000);
    StageDisplay d(h.engine);
    d.refresh();
    CHECK(d.face().phase == TimerPhase::Overtime);
    CHECK(d.face().time == u"+1:00"_s);
    CHECK_FALSE(d.face().inverted);
}

TEST_CASE("stage display: the moderator's message, a pause, and who is next") {
    Harness h;
    callPanelist(h);
    h.add(u"Audience 2"_s);
    StageDisplay d(h.engine);
    CHECK(d.face().next == u"Audience 2"_s);
    CHECK(d.face().detail == QString()); // onsite, no affiliation

    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, u"Please wrap up"_s}}));
    CHECK(d.face().message == u"Please wrap up"_s); // follows the event, no tick needed
    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, QString()}}));
    CHECK(d.face().message.isEmpty());

    h.clock.advance(60'000);
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}}));
    h.clock.advance(10 * 60'000);
    d.refresh();
    CHECK(d.face().phase == TimerPhase::Paused);
    CHECK(d.face().time == u"4:00"_s);
    CHECK(d.face().status == u"Paused"_s);
}

TEST_CASE("stage display: an online speaker is marked as such") {
    Harness h;
    h.add(u"Audience 2"_s); // the crowd plan puts every second audience member online
    REQUIRE(h.run(Action::Next));
    StageDisplay d(h.engine);
    CHECK(d.face().detail == u"online"_s);
    CHECK(d.face().time == u"2:00"_s);
}

// Left up, the displays kept Podium running, and hosting, after Quit closed the cockpit.
TEST_CASE("closing the cockpit's window closes the stage and audience displays with it") {
    Harness h;
    QWidget cockpitWindow;
    DisplayWindows displays(h.engine, &cockpitWindow);
    cockpitWindow.show();
    QPointer<StageDisplay> stage = displays.showStage(QGuiApplication::primaryScreen(), false);
    QPointer<AudienceDisplay> audience =
        displays.showAudience(QGuiApplication::primaryScreen(), false);
    REQUIRE(stage->isVisible());
    REQUIRE(audience->isVisible());
    cockpitWindow.close();
    CHECK_FALSE(stage->isVisible());
    CHECK_FALSE(audience->isVisible());

    // Quit pressed while a display has the focus closes the cockpit, and so both.
    cockpitWindow.show();
    displays.showStage(QGuiApplication::primaryScreen(), false);
    REQUIRE(stage->isVisible());
    auto* quit = stage->findChild<QAction*>(u"displayQuitAction"_s);
    REQUIRE(quit);
    CHECK(quit->shortcuts() == QKeySequence::keyBindings(QKeySequence::Quit)); // the cockpit's
    quit->trigger();
    CHECK_FALSE(cockpitWindow.isVisible());
    CHECK_FALSE(stage->isVisible());
}

// Given the keyboard when shown, the stage display took F9 and Ctrl+E from the moderator, with
// nothing said, until they clicked back into the cockpit.
TEST_CASE("a display leaves the keyboard to the cockpit, and passes the cockpit's keys on") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    w.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w));
    h.add(u"Panelist A"_s);
    auto* displays = w.findChild<DisplayWindows*>();
    REQUIRE(displays);
    StageDisplay* stage = displays->showStage(QGuiApplication::primaryScreen(), false);
    // (The offscreen platform activates every window shown: a desktop honours the request.)
    CHECK(stage->testAttribute(Qt::WA_ShowWithoutActivating));
    // Clicked on, the display has the keyboard: the floor's keys still work.
    stage->activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(stage));
    QTest::keyClick(stage, Qt::Key_F9);
    REQUIRE(h.state().floor);
    QTest::keyClick(stage, Qt::Key_E, Qt::ControlModifier);
    CHECK_FALSE(h.state().floor);
}

TEST_CASE("countdown texts") {
    CHECK(formatDuration(0) == u"0:00"_s);
    CHECK(formatDuration(1) == u"0:01"_s);
    CHECK(formatDuration(59'001) == u"1:00"_s);
    CHECK(formatDuration(3'600'000 + 62'000) == u"1:01:02"_s);
    Countdown c;
    c.allottedMs = 10'000;
    c.start(1'000);
    CHECK(countdownText(c, 1'000) == u"0:10"_s);
    CHECK(countdownText(c, 11'000) == u"0:00"_s);
    CHECK(countdownText(c, 11'001) == u"+0:00"_s);
    CHECK(countdownText(c, 72'000) == u"+1:01"_s);
}

// The README's screenshots and demonstrations play these scenes: each must play on the demo
// session (the overtime scene failed once the allotment could no longer go below zero).
TEST_CASE("every demo scene plays on the demo session, with the countdown it promises") {
    const QMap<QString, qint64> remainingAfterOneSecond{
        {u"live"_s, 79'000}, {u"warning"_s, 23'000}, {u"overtime"_s, -1'000}};
    REQUIRE(demoSceneNames().size() == remainingAfterOneSecond.size());
    for (const QString& scene : demoSceneNames()) {
        INFO(scene.toStdString());
        Harness h(demoPlan());
        REQUIRE(playDemoScene(h.engine, scene));
        h.clock.advance(1'000);
        REQUIRE(h.state().floor);
        CHECK(h.state().floor->countdown.remainingMs(h.clock.nowMs()) ==
              remainingAfterOneSecond.value(scene));
    }
}

// An Arabic message with "(1 min)" in it was laid out left to right: "(1 min)" stood at its
// right-hand end, where an Arabic reader begins; and in a right-to-left cockpit an English one
// would have been laid out right to left.
TEST_CASE("display text is laid out in its own direction, whatever the window's") {
    CHECK(directionOf(u"من فضلك اختصر — دقيقة واحدة (1 min)"_s) == Qt::TextForceRightToLeft);
    CHECK(directionOf(u"1 min: من فضلك"_s) == Qt::TextForceLeftToRight); // its first letter's
    CHECK(directionOf(u"Please wrap up (شكرا)"_s) == Qt::TextForceLeftToRight);
    CHECK(directionOf(u"אנא סיימו"_s) == Qt::TextForceRightToLeft);
}
