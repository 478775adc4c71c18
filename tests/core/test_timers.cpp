#include <catch2/catch.hpp>

#include "commands/advice.h"
#include "fixtures.h"
#include "model/codec.h"
#include "model/event_text.h"
#include "model/timer.h"

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

TEST_CASE("a countdown computed from the clock: run, pause, resume, adjust, overtime") {
    Countdown c;
    c.allottedMs = 120'000;
    c.warningMs = 30'000;
    const qint64 t0 = 1'000'000;
    CHECK(phaseOf(c, t0) == TimerPhase::Idle);
    c.start(t0);
    CHECK(phaseOf(c, t0 + 10'000) == TimerPhase::Running);
    CHECK(c.remainingMs(t0 + 10'000) == 110'000);
    c.pause(t0 + 40'000);
    CHECK(phaseOf(c, t0 + 100'000) == TimerPhase::Paused);
    CHECK(c.remainingMs(t0 + 100'000) == 80'000); // paused: time stands still
    c.start(t0 + 100'000);
    CHECK(c.remainingMs(t0 + 150'000) == 30'000);
    CHECK(phaseOf(c, t0 + 150'000) == TimerPhase::Warning);
    c.adjust(30'000);
    CHECK(phaseOf(c, t0 + 150'000) == TimerPhase::Running);
    c.adjust(-30'000);
    CHECK(c.remainingMs(t0 + 180'000) == 0);
    CHECK(phaseOf(c, t0 + 180'000) == TimerPhase::Warning);
    CHECK(phaseOf(c, t0 + 181'000) == TimerPhase::Overtime);
    CHECK(c.overtimeMs(t0 + 195'000) == 15'000); // overtime counts up
    // A clock that steps back before the start never gives back time.
    CHECK(c.remainingMs(t0 + 50'000) == 80'000);
}

// Screens repaint as the second shown turns: a stage display on a 250 ms beat of its own showed a
// second more or less than the cockpit beside it, a tenth of the time.
TEST_CASE("a running countdown tells when the second it shows turns, left or passed") {
    Countdown c;
    c.allottedMs = 90'500; // half a second: the time left and the time passed turn apart
    const qint64 t0 = 1'000'000;
    CHECK_FALSE(c.msToNextSecond(t0)); // not running: nothing turns
    c.start(t0);
    CHECK(*c.msToNextSecond(t0 + 200) == 300); // 90.3 s left shows 1:31; 1:30 at 90.0 s
    const qint64 turn = t0 + 500;
    CHECK(formatCountdown(c.remainingMs(turn - 1)) != formatCountdown(c.remainingMs(turn)));
    CHECK(*c.msToNextSecond(turn) == 500); // next: the time passed reaches 1 s
    CHECK(formatElapsed(c.elapsedMs(turn + 499)) != formatElapsed(c.elapsedMs(turn + 500)));
    CHECK(*c.msToNextSecond(t0 + 95'250) == 250); // in overtime too
    c.pause(t0 + 2'000);
    CHECK_FALSE(c.msToNextSecond(t0 + 3'000));

    SessionState s;
    CHECK_FALSE(s.msToNextSecond(t0));
    s.sessionClock.allottedMs = 60'000;
    s.sessionClock.start(t0 - 100);
    CHECK(*s.msToNextSecond(t0) == 900);
    s.floor = Floor{};
    s.floor->countdown = c;
    s.floor->countdown.start(t0 - 400);
    CHECK(*s.msToNextSecond(t0) == 100); // the soonest of them
}

TEST_CASE("speaker timer commands: start, pause, resume, plus and minus, warning") {
    Harness h;
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    const auto remaining = [&] {
        return h.state().floor->countdown.remainingMs(h.clock.nowMs());
    };
    h.clock.advance(20'000);
    CHECK(remaining() == 100'000);
    CHECK_FALSE(h.run(Action::StartTimer, {{u"timer"_s, u"speaker"_s}})); // already running
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}}));
    h.clock.advance(60'000);
    CHECK(remaining() == 100'000);
    CHECK_FALSE(h.run(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}}));
    REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"speaker"_s}}));
    REQUIRE(h.run(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, 30'000}}));
    CHECK(remaining() == 130'000);
    REQUIRE(h.run(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, -30'000}}));
    CHECK_FALSE(h.run(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, 0}}));
    // never less than nothing: the overtime shown would be time the speaker never had
    const qint64 allotted = h.state().floor->countdown.allottedMs;
    const auto tooMuch =
        h.run(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, -allotted - 1'000}});
    REQUIRE_FALSE(tooMuch);
    CHECK(tooMuch.error().contains(u"given %1:%2 in all"_s.arg(allotted / 60'000)
                                       .arg(allotted / 1000 % 60, 2, 10, QChar(u'0'))));
    CHECK(h.state().floor->countdown.allottedMs == allotted);
    REQUIRE(h.run(Action::SetWarning, {{u"timer"_s, u"speaker"_s}, {u"ms"_s, 60'000}}));
    h.clock.advance(45'000);
    CHECK(phaseOf(h.state().floor->countdown, h.clock.nowMs()) == TimerPhase::Warning);
    h.clock.advance(60'000);
    CHECK(phaseOf(h.state().floor->countdown, h.clock.nowMs()) == TimerPhase::Overtime);
    CHECK(h.state().floor->countdown.overtimeMs(h.clock.nowMs()) == 5'000);
}

TEST_CASE("without a speaker there is no speaker timer to drive") {
    Harness h;
    auto r = h.run(Action::StartTimer, {{u"timer"_s, u"speaker"_s}});
    REQUIRE_FALSE(r);
    CHECK(r.error().contains(u"Nobody"_s));
    CHECK_FALSE(h.run(Action::StartTimer, {{u"timer"_s, u"nonsense"_s}}));
}

// Back to the Opening after the first question: the report gave the Opening its second run
// only, and the agenda's total lost the first.
TEST_CASE("a segment that has run is not started again: its time stays as it ran") {
    Harness h;
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    h.clock.advance(5 * 60'000);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 1}}));
    const Segment opening = h.state().segments[0];
    auto back = h.run(Action::StartSegment, {{u"index"_s, 0}});
    REQUIRE_FALSE(back);
    CHECK(back.error().contains(u"already run"_s));
    CHECK(h.state().segments[0] == opening);
    CHECK(h.state().activeSegment == 1);
}

TEST_CASE("next segment: the first after the running one not yet run, and nothing after the end") {
    Harness h;
    const int count = int(h.state().segments.size());
    REQUIRE(count >= 3);
    CHECK(h.state().nextSegmentToCome() == 0);
    CHECK_FALSE(h.state().segmentPassedOver(0));
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 2}}));
    CHECK(h.state().segmentPassedOver(1));
    CHECK(h.state().nextSegmentToCome() == (count > 3 ? 3 : count));
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, count}}));
    CHECK(h.state().nextSegmentToCome() == -1); // not the second, skipped an hour before
    CHECK(h.state().segmentPassedOver(1));
    // A segment added after the end (as a refusal to go back advises) is the next to come.
    REQUIRE(h.run(Action::EditAgenda, {{u"agenda"_s, editedAgenda(h.state(), true, 5)}}));
    REQUIRE(h.state().segments.size() == count + 1);
    CHECK(h.state().nextSegmentToCome() == count);
    CHECK_FALSE(h.state().segmentPassedOver(count));
}

TEST_CASE("session and segment clocks, agenda planned versus actual") {
    Harness h;
    REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"session"_s}}));
    CHECK_FALSE(h.run(Action::StartTimer, {{u"timer"_s, u"segment"_s}})); // no segment yet
    const qint64 start = h.clock.nowMs();
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    CHECK(h.state().activeSegment == 0);
    CHECK(h.state().segments[0].startedAt == start);
    h.clock.advance(7 * 60'000); // two minutes over the planned five
    CHECK(h.state().segmentClock.overtimeMs(h.clock.nowMs()) == 2 * 60'000);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 1}, {u"expectActive"_s, 0}}));
    CHECK(h.state().segments[0].endedAt - h.state().segments[0].startedAt == 7 * 60'000);
    CHECK(h.state().segmentClock.remainingMs(h.clock.nowMs()) == 20 * 60'000);
    CHECK_FALSE(h.run(Action::StartSegment, {{u"index"_s, 2}, {u"expectActive"_s, 0}}));
    CHECK_FALSE(h.run(Action::StartSegment, {{u"index"_s, 1}}));
    CHECK_FALSE(h.run(Action::StartSegment, {{u"index"_s, 9}}));
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"segment"_s}}));
    CHECK(h.state().sessionClock.remainingMs(h.clock.nowMs()) == 83 * 60'000);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 3}})); // past the last: agenda done
    CHECK(h.state().activeSegment == -1);
    CHECK(h.state().segments[1].endedAt == h.clock.nowMs());
}

namespace {

QCborArray agendaOf(const QList<std::pair<QString, int>>& segments) {
    QList<Segment> list;
    for (const auto& [title, minutes] : segments)
        list.append(Segment{title, minutes * 60'000LL, 0, 0, {}});
    return codec::toCborArray(list);
}

} // namespace

TEST_CASE("the agenda is edited: segments to come are added and removed, begun ones stay") {
    Harness h;
    const QList<Segment> plan = h.state().segments;
    REQUIRE(plan.size() >= 3);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    const qint64 began = h.clock.nowMs();
    h.clock.advance(60'000);

    // The running segment renamed and given ten minutes; the rest replaced by two new ones.
    REQUIRE(h.run(Action::EditAgenda, {{u"agenda"_s, agendaOf({{u"Opening, longer"_s, 10},
                                                               {u"Break-out groups"_s, 20},
                                                               {u"Wrap-up"_s, 5}})}}));
    const SessionState& s = h.state();
    REQUIRE(s.segments.size() == 3);
    CHECK(s.segments[0].title == u"Opening, longer"_s);
    CHECK(s.segments[0].startedAt == began); // its actual time is history, kept
    CHECK(s.segments[1].title == u"Break-out groups"_s);
    CHECK(s.segments[1].startedAt == 0);
    CHECK(s.activeSegment == 0);
    CHECK(s.segmentClock.remainingMs(h.clock.nowMs()) == 9 * 60'000); // ten planned, one gone

    // A segment that has begun cannot be dropped; nor can a title be empty or a time absurd.
    auto dropped = h.run(Action::EditAgenda, {{u"agenda"_s, QCborArray{}}});
    REQUIRE_FALSE(dropped);
    CHECK(dropped.error().contains(u"at least one"_s));
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 1}, {u"expectActive"_s, 0}}));
    auto begun = h.run(Action::EditAgenda, {{u"agenda"_s, agendaOf({{u"Only one"_s, 5}})}});
    REQUIRE_FALSE(begun);
    CHECK(begun.error().contains(u"begun"_s));
    CHECK_FALSE(h.run(Action::EditAgenda,
                      {{u"agenda"_s, agendaOf({{u"A"_s, 5}, {u"  "_s, 5}, {u"C"_s, 5}})}}));
    CHECK_FALSE(h.run(Action::EditAgenda,
                      {{u"agenda"_s, agendaOf({{u"A"_s, 5}, {u"B"_s, 0}, {u"C"_s, 5}})}}));
    CHECK(h.state().segments.size() == 3);
}

// A plan's half-minute segment made every agenda edit fail, a rename of another one included.
TEST_CASE("a segment length the agenda has already does not block editing the agenda") {
    Plan plan = crowdPlan();
    plan.segments[0].plannedMs = 30'000;
    Harness h(plan);
    REQUIRE(h.run(Action::EditAgenda, {{u"agenda"_s, [&] {
                                            QList<Segment> edited = h.state().segments;
                                            edited[1].title = u"Open discussion"_s;
                                            return codec::toCborArray(edited);
                                        }()}}));
    CHECK(h.state().segments[1].title == u"Open discussion"_s);
    CHECK(h.state().segments[0].plannedMs == 30'000);
    // A new length under a minute is still refused, also one the agenda has for another segment.
    QList<Segment> shorter = h.state().segments;
    shorter[2].plannedMs = 20'000;
    CHECK_FALSE(h.run(Action::EditAgenda, {{u"agenda"_s, codec::toCborArray(shorter)}}));
    shorter[2].plannedMs = 30'000;
    CHECK_FALSE(h.run(Action::EditAgenda, {{u"agenda"_s, codec::toCborArray(shorter)}}));
}

TEST_CASE("the forecast counts queued speakers that fit in what is left of the segment") {
    Harness h;
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}})); // 5 minutes
    h.add(u"Audience 1"_s);                                  // 2 minutes each
    h.add(u"Audience 2"_s);
    h.add(u"Audience 3"_s);
    Forecast f = forecast(h.state(), h.clock.nowMs());
    CHECK(f.waiting == 3);
    CHECK(f.fitting == 2);
    CHECK(f.neededMs == 6 * 60'000);
    REQUIRE(h.run(Action::Next)); // Audience 1 speaks: 2 of the 5 minutes are taken
    h.clock.advance(30'000);
    f = forecast(h.state(), h.clock.nowMs());
    CHECK(f.remainingMs == 5 * 60'000 - 30'000 - 90'000);
    CHECK(f.waiting == 2);
    CHECK(f.fitting == 1);
    REQUIRE(h.run(Action::WithdrawEntry, {{u"entry"_s, h.state().queue[0].id}}));
    CHECK(forecast(h.state(), h.clock.nowMs()).waiting == 1);
    CHECK(forecast(h.state(), h.clock.nowMs()).clockRunning);
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"segment"_s}}));
    CHECK_FALSE(forecast(h.state(), h.clock.nowMs()).clockRunning); // so the cockpit can say so
}

// With 1:30:00 on the session clock and a speaker's 5:00, it said "1:25:01 left after this
// speaker": the two clocks' seconds turn apart.
TEST_CASE("the forecast's time left is the clocks' shown times, one less the other") {
    Harness h;
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next)); // 2:00 from now
    h.clock.advance(300);
    REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"session"_s}})); // 90:00 from now
    h.clock.advance(200);
    CHECK(formatDuration(h.state().sessionClock.remainingMs(h.clock.nowMs())) == u"1:30:00"_s);
    CHECK(formatDuration(h.state().floor->countdown.remainingMs(h.clock.nowMs())) == u"2:00"_s);
    CHECK(formatDuration(forecast(h.state(), h.clock.nowMs()).remainingMs) == u"1:28:00"_s);
}

// ctl adjust session +10 min, then Session → details to fix the room's name: the 10 minutes were
// gone, and undoing the edit did not bring them back.
TEST_CASE("editing the session or the agenda keeps the time given to their clocks") {
    Harness h;
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    REQUIRE(h.run(Action::AdjustTimer, {{u"timer"_s, u"session"_s}, {u"deltaMs"_s, 600'000}}));
    REQUIRE(h.run(Action::AdjustTimer, {{u"timer"_s, u"segment"_s}, {u"deltaMs"_s, 180'000}}));
    const qint64 session = h.state().sessionClock.allottedMs;
    const qint64 segment = h.state().segmentClock.allottedMs;

    REQUIRE(h.run(Action::EditSession, {{u"info"_s, QCborMap{{u"room"_s, u"Room 3"_s}}}}));
    CHECK(h.state().sessionClock.allottedMs == session);
    QList<Segment> renamed = h.state().segments;
    renamed.last().title = u"Closing words"_s;
    REQUIRE(h.run(Action::EditAgenda, {{u"agenda"_s, codec::toCborArray(renamed)}}));
    CHECK(h.state().segmentClock.allottedMs == segment);

    // A new length moves the clock by as much, the time given staying given.
    const qint64 planned = h.state().info.plannedMs;
    REQUIRE(
        h.run(Action::EditSession, {{u"info"_s, QCborMap{{u"plannedMs"_s, planned + 300'000}}}}));
    CHECK(h.state().sessionClock.allottedMs == session + 300'000);
    QList<Segment> longer = h.state().segments;
    longer.first().plannedMs += 60'000;
    REQUIRE(h.run(Action::EditAgenda, {{u"agenda"_s, codec::toCborArray(longer)}}));
    CHECK(h.state().segmentClock.allottedMs == segment + 60'000);
}

// A script sent U+202E and the stage display read backwards; a control character showed as a box.
TEST_CASE("the message to the speaker is one line of visible text") {
    Harness h;
    const QString sent = u"Two\u202E minutes\x01 left\nplease \u2067wrap up"_s;
    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, sent}}));
    CHECK(h.state().stageMessage == u"Two minutes left please wrap up"_s);
    // What it set is there: sent again, the same text (an undo's expectation) finds it.
    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, sent}}));
    CHECK(h.state().stageMessage == u"Two minutes left please wrap up"_s);
    CHECK(h.run(Action::SetStageMessage, {{u"text"_s, u"\u202E\u202E"_s}}));
    CHECK(h.state().stageMessage.isEmpty());
    // 140 characters as a reader counts them: 71 emoji (142 UTF-16 units) were refused.
    const QString prayers = QString(u"🙏"_s).repeated(140);
    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, prayers}}));
    CHECK(h.state().stageMessage == prayers);
    const QString families =
        QString(u"👨🏻‍👩🏼‍👧🏽‍👦🏾"_s).repeated(140); // 19 units each
    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, families}}));
    CHECK(h.state().stageMessage == families);
    // a consonant and its vowel sign are one character read, two units
    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, QString(u"मा"_s).repeated(140)}}));
    const auto tooLong = h.run(Action::SetStageMessage, {{u"text"_s, prayers + u"!"_s}});
    REQUIRE_FALSE(tooLong);
    CHECK(tooLong.error().contains(u"140 characters"_s));
    // As ctl and the logs name it: "Stage message" alone read as if one were shown.
    CHECK(describeAction(Action::SetStageMessage, {{u"text"_s, QString()}}, h.state()) ==
          u"Stage message: cleared"_s);
}

// The speaking times were sent whole: two details dialogs OK'd on two seats, each with one time
// changed, set back each other's.
TEST_CASE("speaking times given are laid over the others as they are") {
    Harness h;
    REQUIRE(h.run(Action::SetAllotments, {{u"allotments"_s, QCborMap{{u"audienceMs"_s, 90'000}}}}));
    REQUIRE(
        h.run(Action::SetAllotments, {{u"allotments"_s, QCborMap{{u"panelistMs"_s, 240'000}}}}));
    CHECK(h.state().allotments.audienceMs == 90'000);
    CHECK(h.state().allotments.panelistMs == 240'000);
    CHECK(h.state().allotments.moderatorMs == Allotments{}.moderatorMs);
    CHECK_FALSE(h.run(Action::SetAllotments, {{u"allotments"_s, QCborMap{{u"audienceMs"_s, 0}}}}));
}
