#include <catch2/catch.hpp>

#include "commands/compensation.h"
#include "fixtures.h"
#include "model/codec.h"
#include "model/reducer.h"

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// A countdown as it reads now, however its run was split into starts and pauses.
void normalise(Countdown& c, qint64 now) {
    c.accumulatedMs = c.elapsedMs(now);
    c.startedAt = c.running ? now : 0;
}

// The state as a user sees it now: bookkeeping (sequence numbers, the next free id) aside.
QCborMap visible(SessionState s, qint64 now) {
    normalise(s.sessionClock, now);
    normalise(s.segmentClock, now);
    if (s.floor)
        normalise(s.floor->countdown, now);
    QCborMap m = codec::toCbor(s);
    m.remove(u"lastSeq"_s);
    m.remove(u"nextId"_s);
    return m;
}

// Runs the command, then its compensation, and checks the session is as it was.
void checkUndo(Harness& h, Action action, const QCborMap& args) {
    const SessionState before = h.state();
    auto done = h.run(action, args);
    INFO(actionKey(action).toStdString() << ": " << done.error().toStdString());
    REQUIRE(done);
    REQUIRE(visible(h.state(), h.clock.nowMs()) != visible(before, h.clock.nowMs()));
    const auto undo = compensationFor(before, done.value());
    REQUIRE(undo);
    auto undone = h.run(undo->action, undo->args);
    INFO("undo: " << undone.error().toStdString());
    REQUIRE(undone);
    CHECK(visible(h.state(), h.clock.nowMs()) == visible(before, h.clock.nowMs()));
}

struct Prepared {
    Harness h;
    Id queued = 0;
    Id speaking = 0;
    Id poll = 0;

    Prepared() {
        REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
        speaking = h.add(u"Audience 1"_s);
        REQUIRE(h.run(Action::Next));
        queued = h.add(u"Audience 2"_s);
        h.add(u"Audience 3"_s);
        auto p = h.run(Action::CreatePoll,
                       {{u"question"_s, u"Q?"_s}, {u"options"_s, QCborArray{u"a"_s, u"b"_s}}});
        REQUIRE(p);
        poll = p->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
        h.clock.advance(15'000);
    }
};

} // namespace

TEST_CASE("undo of each queue command") {
    Prepared p;
    checkUndo(p.h, Action::AddEntry, {{u"participant"_s, p.h.participantNamed(u"Audience 4"_s)}});
    checkUndo(p.h, Action::MoveEntry, {{u"entry"_s, p.queued}, {u"to"_s, 1}});
    checkUndo(p.h, Action::WithdrawEntry, {{u"entry"_s, p.queued}});
    checkUndo(p.h, Action::EditEntry, {{u"entry"_s, p.queued}, {u"note"_s, u"changed"_s}});
    REQUIRE(p.h.run(Action::WithdrawEntry, {{u"entry"_s, p.queued}}));
    checkUndo(p.h, Action::RestoreEntry, {{u"entry"_s, p.queued}});
}

TEST_CASE("undo of next returns the speaker to the queue and the previous one to the floor") {
    Prepared p;
    checkUndo(p.h, Action::Next, {});
    checkUndo(p.h, Action::EndSpeech, {});
    REQUIRE(p.h.run(Action::EndSpeech));
    checkUndo(p.h, Action::Next, {{u"entry"_s, p.queued}}); // from an empty floor
}

TEST_CASE("undo of each timer command") {
    Prepared p;
    checkUndo(p.h, Action::PauseTimer, {{u"timer"_s, u"speaker"_s}});
    checkUndo(p.h, Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, 30'000}});
    checkUndo(p.h, Action::SetWarning, {{u"timer"_s, u"speaker"_s}, {u"ms"_s, 5'000}});
    checkUndo(p.h, Action::StartTimer, {{u"timer"_s, u"session"_s}});
}

namespace {

// Runs `action` on the session clock, lets `ms` go by, and undoes it.
void undoneAfter(Harness& h, Action action, qint64 ms) {
    const SessionState before = h.state();
    auto done = h.run(action, {{u"timer"_s, u"session"_s}});
    REQUIRE(done);
    h.clock.advance(ms);
    const auto undo = compensationFor(before, done.value());
    REQUIRE(undo);
    REQUIRE(h.run(undo->action, undo->args));
}

} // namespace

// An accidental pause undone twenty seconds later left the session clock twenty seconds behind.
TEST_CASE("an undone pause counts the time it paused, an undone start the time it ran, not") {
    Harness h;
    REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"session"_s}}));
    h.clock.advance(60'000);
    undoneAfter(h, Action::PauseTimer, 20'000);
    CHECK(h.state().sessionClock.elapsedMs(h.clock.nowMs()) == 80'000); // as if never paused

    h.clock.advance(5'000);
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"session"_s}}));
    undoneAfter(h, Action::StartTimer, 30'000);
    CHECK(h.state().sessionClock.elapsedMs(h.clock.nowMs()) == 85'000); // the 30 s taken back

    SECTION("started and paused on another seat since: the undo starts it from now") {
        REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"session"_s}}));
        h.clock.advance(10'000);
        const SessionState runningAgain = h.state();
        auto mine = h.run(Action::PauseTimer, {{u"timer"_s, u"session"_s}});
        REQUIRE(mine);
        const auto undoMine = compensationFor(runningAgain, mine.value());
        REQUIRE(undoMine);
        // The other seat starts and pauses it meanwhile: 5 s more run.
        REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"session"_s}}));
        h.clock.advance(5'000);
        REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"session"_s}}));
        h.clock.advance(40'000);
        REQUIRE(h.run(undoMine->action, undoMine->args));
        CHECK(h.state().sessionClock.elapsedMs(h.clock.nowMs()) == 100'000); // 85 + 10 + 5
    }
}

// Undone and redone, a start of the session clock lost the forty minutes it had run.
TEST_CASE("a clock's start or pause undone and redone leaves the time run as it was") {
    Harness h;
    const SessionState idle = h.state();
    const Command start{
        newCommandId(), {}, Authority::Moderator, Action::StartTimer, {{u"timer"_s, u"session"_s}}};
    auto started = h.run(start.action, start.args);
    REQUIRE(started);
    h.clock.advance(40 * 60'000);
    const auto undo = compensationFor(idle, started.value());
    REQUIRE(undo);
    REQUIRE(h.run(undo->action, undo->args));
    CHECK(h.state().sessionClock.elapsedMs(h.clock.nowMs()) == 0);
    h.clock.advance(5'000);
    const Command redo = asRedone(start, idle, started.value());
    auto redone = h.run(redo.action, redo.args);
    REQUIRE(redone);
    CHECK(h.state().sessionClock.elapsedMs(h.clock.nowMs()) == 40 * 60'000 + 5'000);
    // The redo's own undo stops it where the first start began, as the first undo did.
    const SessionState beforeRedo = [&] {
        SessionState s = h.state();
        s.sessionClock.running = false;
        s.sessionClock.startedAt = 0;
        s.sessionClock.accumulatedMs = 0;
        return s;
    }();
    const auto undoAgain = compensationFor(beforeRedo, redone.value());
    REQUIRE(undoAgain);
    REQUIRE(h.run(undoAgain->action, undoAgain->args));
    CHECK(h.state().sessionClock.elapsedMs(h.clock.nowMs()) == 0);

    SECTION("paused and started again on another seat since: the undo of a start pauses it now") {
        const SessionState before = h.state();
        auto mine = h.run(Action::StartTimer, {{u"timer"_s, u"session"_s}});
        REQUIRE(mine);
        h.clock.advance(10'000);
        REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"session"_s}})); // the other seat
        REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"session"_s}}));
        h.clock.advance(5'000);
        const auto undoMine = compensationFor(before, mine.value());
        REQUIRE(undoMine);
        REQUIRE(h.run(undoMine->action, undoMine->args));
        CHECK_FALSE(h.state().sessionClock.running);
        CHECK(h.state().sessionClock.elapsedMs(h.clock.nowMs()) == 15'000); // none of it lost
    }
}

TEST_CASE("undo of agenda, poll, participant and session commands") {
    Prepared p;
    checkUndo(p.h, Action::StartSegment, {{u"index"_s, 1}});
    REQUIRE(p.h.run(Action::OpenPoll, {{u"poll"_s, p.poll}}));
    checkUndo(p.h, Action::ClosePoll, {{u"poll"_s, p.poll}});
    REQUIRE(p.h.run(Action::ClosePoll, {{u"poll"_s, p.poll}}));
    checkUndo(p.h, Action::OpenPoll, {{u"poll"_s, p.poll}}); // undo of a reopening
    checkUndo(p.h, Action::SetTally,
              {{u"poll"_s, p.poll}, {u"option"_s, 1}, {u"source"_s, u"web"_s}, {u"count"_s, 7}});
    checkUndo(p.h, Action::RemovePoll, {{u"poll"_s, p.poll}});
    checkUndo(p.h, Action::CreatePoll,
              {{u"question"_s, u"New?"_s}, {u"options"_s, QCborArray{u"x"_s, u"y"_s}}});
    checkUndo(p.h, Action::AddParticipant, {{u"name"_s, u"Newcomer"_s}});
    checkUndo(
        p.h, Action::EditParticipant,
        {{u"participant"_s, p.h.participantNamed(u"Audience 5"_s)}, {u"region"_s, u"african"_s}});
    checkUndo(p.h, Action::EditSession, {{u"info"_s, QCborMap{{u"title"_s, u"Renamed"_s}}}});
    checkUndo(p.h, Action::SetAllotments,
              {{u"allotments"_s,
                QCborMap{{u"panelistMs"_s, 1}, {u"audienceMs"_s, 2}, {u"moderatorMs"_s, 3}}}});
    checkUndo(p.h, Action::SetStageMessage, {{u"text"_s, u"Please wrap up"_s}});
    QList<Segment> longer = p.h.state().segments;
    longer.append(Segment{u"Wrap-up"_s, 5 * 60'000, 0, 0, {}});
    checkUndo(p.h, Action::EditAgenda, {{u"agenda"_s, codec::toCborArray(longer)}});
}

TEST_CASE("an undo that the session has moved past is refused, not forced") {
    Prepared p;
    const SessionState before = p.h.state();
    auto next = p.h.run(Action::Next);
    REQUIRE(next);
    REQUIRE(p.h.run(Action::Next)); // someone else called the next speaker meanwhile
    const auto undo = compensationFor(before, next.value());
    REQUIRE(undo);
    auto r = p.h.run(undo->action, undo->args);
    REQUIRE_FALSE(r);
    CHECK(r.error().contains(u"changed"_s));
}

// "Please wrap up" stayed on the stage display for the next speaker.
TEST_CASE("a message for the speaker leaves the stage with them, and comes back with an undo") {
    Prepared p;
    REQUIRE(p.h.run(Action::SetStageMessage, {{u"text"_s, u"Please wrap up"_s}}));
    SECTION("the next speaker") {
        REQUIRE(p.h.run(Action::Next));
        CHECK(p.h.state().stageMessage.isEmpty());
        checkUndo(p.h, Action::SetStageMessage, {{u"text"_s, u"One minute left"_s}});
    }
    SECTION("the end of the speech") {
        REQUIRE(p.h.run(Action::EndSpeech));
        CHECK(p.h.state().stageMessage.isEmpty());
    }
    SECTION("undoing the call shows the message again") {
        checkUndo(p.h, Action::Next, {});
        CHECK(p.h.state().stageMessage == u"Please wrap up"_s);
    }
}

// A session recorded before the rule replays as it ran: its file's snapshots stay true.
TEST_CASE("a call recorded before messages left with the speaker keeps the message on replay") {
    Prepared p;
    REQUIRE(p.h.run(Action::SetStageMessage, {{u"text"_s, u"Please wrap up"_s}}));
    const SessionState before = p.h.state();
    auto next = p.h.run(Action::Next);
    REQUIRE(next);
    CHECK(apply(before, next.value()).stageMessage.isEmpty());
    Event recordedBefore = next.value();
    recordedBefore.data.remove(u"clearStageMessage"_s);
    CHECK(apply(before, recordedBefore).stageMessage == u"Please wrap up"_s);
}

// The in-room moderator ended A's speech; the online moderator then ran B's; Ctrl+Z on the first
// laptop took B's speech out of the log and put A back on the floor.
TEST_CASE(
    "undoing the end of a speech after another speech ran is refused, and keeps that speech") {
    Prepared p;
    const SessionState beforeEnd = p.h.state();
    auto ended = p.h.run(Action::EndSpeech);
    REQUIRE(ended);
    REQUIRE(p.h.run(Action::Next, {{u"entry"_s, p.queued}})); // the other seat calls B
    p.h.clock.advance(3'000);
    REQUIRE(p.h.run(Action::EndSpeech));
    const SessionState afterB = p.h.state();
    const auto undo = compensationFor(beforeEnd, ended.value());
    REQUIRE(undo);
    auto r = p.h.run(undo->action, undo->args);
    REQUIRE_FALSE(r);
    CHECK(r.error().contains(u"changed"_s));
    CHECK(p.h.state().speeches == afterB.speeches);
    CHECK_FALSE(p.h.state().floor);
}

// Undone, a poll opened by mistake was "closed": the report listed it as run, with no votes.
TEST_CASE("undoing the opening of a new poll makes it a draft again, unless votes came in") {
    Prepared p;
    checkUndo(p.h, Action::OpenPoll, {{u"poll"_s, p.poll}});
    CHECK(p.h.state().poll(p.poll)->status == PollStatus::Draft);

    const SessionState before = p.h.state();
    auto opened = p.h.run(Action::OpenPoll, {{u"poll"_s, p.poll}});
    REQUIRE(opened);
    REQUIRE(p.h.run(
        Action::SetTally,
        {{u"poll"_s, p.poll}, {u"option"_s, 0}, {u"source"_s, u"online"_s}, {u"count"_s, 4}}));
    const auto undo = compensationFor(before, opened.value());
    REQUIRE(undo);
    auto r = p.h.run(undo->action, undo->args);
    REQUIRE_FALSE(r);
    CHECK(r.error().contains(u"Votes"_s));
    CHECK(p.h.state().poll(p.poll)->status == PollStatus::Open);
}

// "Next segment" pressed by mistake, someone called meanwhile, then undone: the agenda said the
// segment was never held, and the speech log put the speech in it.
TEST_CASE("undoing a segment change puts what was said meanwhile in the segment running again") {
    Prepared p; // in the first segment, someone speaking
    const SessionState before = p.h.state();
    auto moved = p.h.run(Action::StartSegment, {{u"index"_s, 1}});
    REQUIRE(moved);
    REQUIRE(p.h.run(Action::Next)); // called in the segment begun by mistake
    REQUIRE(p.h.state().floor->segment == 1);
    REQUIRE(p.h.state().speeches.last().segment == 0); // the one before ended in the first
    const auto undo = compensationFor(before, moved.value());
    REQUIRE(undo);
    REQUIRE(p.h.run(undo->action, undo->args));
    CHECK(p.h.state().activeSegment == 0);
    CHECK(p.h.state().segments[1].startedAt == 0);
    CHECK(p.h.state().floor->segment == 0);
}

// Undoing a removal, or redoing an addition, gave the person a new id: a later step naming them
// (their queue entry) was refused.
TEST_CASE("a participant added again comes back under the id they had, if it is free") {
    Harness h;
    const auto added = h.run(Action::AddParticipant, {{u"name"_s, u"Lina Haddad"_s}});
    REQUIRE(added);
    const Id id = added->data.value(u"participant"_s).toMap().value(u"id"_s).toInteger();
    REQUIRE(h.run(Action::RemoveParticipant, {{u"participant"_s, id}}));
    REQUIRE(h.run(Action::AddParticipant, {{u"name"_s, u"Lina Haddad"_s}, {u"id"_s, id}}));
    REQUIRE(h.state().participant(id));
    CHECK(h.state().participant(id)->name == u"Lina Haddad"_s);
    // An id someone has, or one never given out, is not taken: a new one is.
    const Id next = h.state().nextId;
    REQUIRE(h.run(Action::AddParticipant, {{u"name"_s, u"Other"_s}, {u"id"_s, id}}));
    REQUIRE(h.run(Action::AddParticipant, {{u"name"_s, u"Third"_s}, {u"id"_s, next + 50}}));
    CHECK(h.state().participant(id)->name == u"Lina Haddad"_s);
    CHECK_FALSE(h.state().participant(next + 50));
}

TEST_CASE("a queue entry added again comes back under the id it had, if nothing holds it") {
    Harness h;
    const Id person = h.participantNamed(u"Audience 1"_s);
    const Id entry = h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::RemoveEntry, {{u"entry"_s, entry}}));
    REQUIRE(h.run(Action::AddEntry, {{u"participant"_s, person}, {u"id"_s, entry}}));
    CHECK(h.state().queue.last().id == entry);
    // An id the floor, an entry, a participant or a speech holds is not taken: a new one is.
    REQUIRE(h.run(Action::Next));
    const Id other = h.add(u"Audience 2"_s);
    const auto addHolding = [&](Id taken) {
        const auto added =
            h.run(Action::AddEntry, {{u"participant"_s, h.participantNamed(u"Audience 3"_s)},
                                     {u"id"_s, taken},
                                     {u"kind"_s, u"reply"_s},
                                     {u"relatesTo"_s, other}});
        REQUIRE(added);
        return added->data.value(u"entry"_s).toMap().value(u"id"_s).toInteger();
    };
    for (const Id taken : {entry, person, other})
        CHECK(addHolding(taken) != taken);
    REQUIRE(h.run(Action::EndSpeech));
    CHECK(addHolding(entry) != entry); // its speech names it
}

// Undo set the value back as it was before the step, over whatever the other moderator had set
// since, without a word: votes typed on the other seat went to 0, a message vanished, a gender
// changed on the other seat came back as it was.
TEST_CASE("an undo leaves what another seat changed since, and says so") {
    Prepared p;
    const auto undoOf = [&p](const Result<Event>& done, const SessionState& before) {
        REQUIRE(done);
        const auto undo = compensationFor(before, done.value());
        REQUIRE(undo);
        return p.h.run(undo->action, undo->args);
    };
    const auto tally = [&p] {
        return p.h.state().poll(p.poll)->tallies[0][0];
    };
    const QCborMap five{
        {u"poll"_s, p.poll}, {u"option"_s, 0}, {u"source"_s, u"onsite"_s}, {u"count"_s, 5}};

    SECTION("a tally") {
        const SessionState before = p.h.state();
        const auto mine = p.h.run(Action::SetTally, five);
        QCborMap seven = five;
        seven[u"count"_s] = 7;
        REQUIRE(p.h.run(Action::SetTally, seven, Authority::OnlineModerator));
        const auto undone = undoOf(mine, before);
        REQUIRE_FALSE(undone);
        CHECK(undone.error().contains(
            u"(Onsite) was changed on another seat since; it was left at 7"_s));
        CHECK(tally() == 7);
    }
    SECTION("a tally nobody else touched is undone") {
        const SessionState before = p.h.state();
        const auto mine = p.h.run(Action::SetTally, five);
        REQUIRE(undoOf(mine, before));
        CHECK(tally() == 0);
    }
    SECTION("the message to the speaker") {
        const SessionState before = p.h.state();
        const auto mine = p.h.run(Action::SetStageMessage, {{u"text"_s, u"Please wrap up"_s}});
        REQUIRE(p.h.run(Action::SetStageMessage, {{u"text"_s, u"Online question waiting"_s}},
                        Authority::OnlineModerator));
        REQUIRE_FALSE(undoOf(mine, before));
        CHECK(p.h.state().stageMessage == u"Online question waiting"_s);
    }
    SECTION("a place in the queue") {
        p.h.add(u"Audience 5"_s); // three waiting, the one moved first
        const SessionState before = p.h.state();
        const auto mine = p.h.run(Action::MoveEntry, {{u"entry"_s, p.queued}, {u"to"_s, 1}});
        REQUIRE(p.h.run(Action::MoveEntry, {{u"entry"_s, p.queued}, {u"to"_s, 2}},
                        Authority::OnlineModerator));
        const auto undone = undoOf(mine, before);
        REQUIRE_FALSE(undone);
        CHECK(undone.error().contains(u"The queue was reordered on another seat since"_s));
        CHECK(p.h.state().entryIndex(p.queued) == 2);
    }
    SECTION("a place in the queue, with a call on the other seat meanwhile") {
        p.h.add(u"Audience 5"_s); // Audience 2, 3, 5 wait
        const SessionState before = p.h.state();
        const auto mine = p.h.run(Action::MoveEntry, {{u"entry"_s, p.queued}, {u"to"_s, 2}});
        REQUIRE(p.h.queueNames() == QStringList{u"Audience 3"_s, u"Audience 5"_s, u"Audience 2"_s});
        REQUIRE(p.h.run(Action::Next, {}, Authority::OnlineModerator)); // Audience 3 is called
        REQUIRE(undoOf(mine, before)); // its place shifted, not its neighbours
        CHECK(p.h.queueNames() == QStringList{u"Audience 2"_s, u"Audience 5"_s});
    }
    SECTION("a move down, with its old neighbour called meanwhile") {
        p.h.add(u"Audience 5"_s);
        p.h.add(u"Audience 6"_s); // Audience 2, 3, 5, 6 wait
        const Id third = p.h.state().queue[1].id;
        REQUIRE(p.h.run(Action::MoveEntry, {{u"entry"_s, third}, {u"to"_s, 0}}));
        const SessionState before = p.h.state(); // Audience 3, 2, 5, 6
        const auto mine = p.h.run(Action::MoveEntry, {{u"entry"_s, p.queued}, {u"to"_s, 2}});
        REQUIRE(p.h.queueNames() ==
                QStringList{u"Audience 3"_s, u"Audience 5"_s, u"Audience 2"_s, u"Audience 6"_s});
        REQUIRE(p.h.run(Action::Next, {}, Authority::OnlineModerator)); // Audience 3
        REQUIRE(p.h.run(Action::Next, {}, Authority::OnlineModerator)); // Audience 5, its neighbour
        REQUIRE(undoOf(mine, before)); // back before the first still queued of those after it
        CHECK(p.h.queueNames() == QStringList{u"Audience 2"_s, u"Audience 6"_s});
    }
    SECTION("a move down, with everyone it stood before called, and someone added meanwhile") {
        const SessionState before = p.h.state(); // Audience 2, 3 wait
        const auto mine = p.h.run(Action::MoveEntry, {{u"entry"_s, p.queued}, {u"to"_s, 1}});
        REQUIRE(p.h.queueNames() == QStringList{u"Audience 3"_s, u"Audience 2"_s});
        p.h.add(u"Audience 5"_s);                                       // on the other seat
        REQUIRE(p.h.run(Action::Next, {}, Authority::OnlineModerator)); // Audience 3
        // Back first, where it stood: not behind the later arrival (it went to the end).
        REQUIRE(undoOf(mine, before));
        CHECK(p.h.queueNames() == QStringList{u"Audience 2"_s, u"Audience 5"_s});
    }
    SECTION("a move to the end, with someone added to the queue meanwhile") {
        const SessionState before = p.h.state(); // Audience 2, 3 wait
        const auto mine = p.h.run(Action::MoveEntry, {{u"entry"_s, p.queued}, {u"to"_s, 1}});
        p.h.add(u"Audience 5"_s); // on the other seat
        REQUIRE(undoOf(mine, before));
        CHECK(p.h.queueNames() == QStringList{u"Audience 2"_s, u"Audience 3"_s, u"Audience 5"_s});
    }
    SECTION("the removal that undoes an addition, after the other seat edited the person") {
        const SessionState before = p.h.state();
        const auto mine = p.h.run(Action::AddParticipant, {{u"name"_s, u"Zoe Newcomer"_s}});
        REQUIRE(mine);
        const Id zoe = mine->data.value(u"participant"_s).toMap().value(u"id"_s).toInteger();
        REQUIRE(p.h.run(Action::EditParticipant,
                        {{u"participant"_s, zoe}, {u"affiliation"_s, u"ACME Labs Ltd"_s}},
                        Authority::OnlineModerator));
        const auto undone = undoOf(mine, before);
        REQUIRE_FALSE(undone);
        CHECK(undone.error().contains(u"Zoe Newcomer's details were changed on another seat"_s));
        CHECK(p.h.state().participant(zoe));
    }
    SECTION("a participant's details: only the fields the step changed go back") {
        const Id who = p.h.participantNamed(u"Audience 4"_s);
        const QString genderBefore = p.h.state().participant(who)->gender;
        const SessionState before = p.h.state();
        const auto mine =
            p.h.run(Action::EditParticipant,
                    {{u"participant"_s, who}, {u"affiliation"_s, u"Remote Org EU"_s}});
        REQUIRE(p.h.run(Action::EditParticipant,
                        {{u"participant"_s, who}, {u"gender"_s, u"woman"_s}},
                        Authority::OnlineModerator));
        REQUIRE(undoOf(mine, before));
        CHECK(p.h.state().participant(who)->affiliation == before.participant(who)->affiliation);
        CHECK(p.h.state().participant(who)->gender == u"woman"_s);
        CHECK(genderBefore != u"woman"_s);
        // The same field changed on the other seat since: left as it is.
        const SessionState again = p.h.state();
        const auto second = p.h.run(Action::EditParticipant,
                                    {{u"participant"_s, who}, {u"affiliation"_s, u"Mine"_s}});
        REQUIRE(p.h.run(Action::EditParticipant,
                        {{u"participant"_s, who}, {u"affiliation"_s, u"Theirs"_s}},
                        Authority::OnlineModerator));
        const auto undone = undoOf(second, again);
        REQUIRE_FALSE(undone);
        CHECK(undone.error().contains(u"details were changed on another seat since"_s));
        CHECK(p.h.state().participant(who)->affiliation == u"Theirs"_s);
    }
    SECTION("a queue entry's note, beside its channel changed on the other seat") {
        const SessionState before = p.h.state();
        const auto mine =
            p.h.run(Action::EditEntry, {{u"entry"_s, p.queued}, {u"note"_s, u"on AI"_s}});
        REQUIRE(p.h.run(Action::EditEntry, {{u"entry"_s, p.queued}, {u"channel"_s, u"online"_s}},
                        Authority::OnlineModerator));
        REQUIRE(undoOf(mine, before));
        CHECK(p.h.state().entry(p.queued)->note == before.entry(p.queued)->note);
        CHECK(p.h.state().entry(p.queued)->channel == Presence::Online);
    }
}

// The message was cleared by the next call: its undo, setting it back to none, was refused as
// "changed on another seat".
TEST_CASE("an undo that would set what is already there is no conflict") {
    Prepared p;
    const SessionState before = p.h.state();
    const auto mine = p.h.run(Action::SetStageMessage, {{u"text"_s, u"Please wrap up"_s}});
    REQUIRE(mine);
    REQUIRE(p.h.run(Action::SetStageMessage, {{u"text"_s, QString()}}, Authority::OnlineModerator));
    const auto undo = compensationFor(before, mine.value());
    REQUIRE(undo);
    CHECK(p.h.run(undo->action, undo->args));
    CHECK(p.h.state().stageMessage.isEmpty());
}
