#include <catch2/catch.hpp>

#include "commands/authority.h"
#include "main_window.h"
#include "model/cbor_input.h"
#include "ui_support.h"
#include "undo/session_command.h"

#include <QAction>
#include <QCborArray>
#include <QCoreApplication>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

qint64 speakerAllotted(const CockpitHarness& h) {
    return h.state().floor ? h.state().floor->countdown.allottedMs : -1;
}

void adjust(CockpitHarness& h, qint64 delta) {
    h.cockpit.run(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, delta}},
                  u"adjust"_s);
}

// A joined seat that added someone to the queue: its commands go to the host, kept here.
struct JoinedSeatAdding {
    CockpitHarness h;
    QList<Command> forwarded;

    JoinedSeatAdding() {
        h.engine.setForwarder([this](const Command& c) { forwarded.append(c); });
        h.cockpit.run(Action::AddEntry, {{u"participant"_s, h.participantNamed(u"Audience 3"_s)}},
                      u"add"_s);
        REQUIRE(forwarded.size() == 1);
    }
    // The host decides the add and sends the event back.
    void hostTakesTheAdd() {
        Command asked = forwarded.first();
        asked.authority = Authority::Moderator;
        auto decided = decide(h.state(), asked, h.clock.nowMs());
        REQUIRE(decided);
        REQUIRE(h.engine.receive(decided.value()));
    }
    // The host took the add; Ctrl+Z sends its compensation, which the host has yet to answer.
    QUndoStack& undoTheTakenAdd() {
        hostTakesTheAdd();
        h.cockpit.undoStack().undo();
        REQUIRE(forwarded.size() == 2);
        return h.cockpit.undoStack();
    }
};

} // namespace

TEST_CASE("undo and redo go through compensating commands") {
    CockpitHarness h;
    QUndoStack& stack = h.cockpit.undoStack();
    const Id amina = h.participantNamed(u"Audience 1"_s);
    h.cockpit.run(Action::AddEntry, {{u"participant"_s, amina}}, u"add"_s);
    REQUIRE(h.queueNames() == QStringList{u"Audience 1"_s});
    REQUIRE(stack.count() == 1);

    stack.undo();
    CHECK(h.queueNames().isEmpty());
    stack.redo();
    CHECK(h.queueNames() == QStringList{u"Audience 1"_s});
    // Each step is an event in the log, so it syncs to the other seats like any change.
    CHECK(h.state().lastSeq == 4);
}

TEST_CASE("a refused command leaves no step on the undo stack") {
    CockpitHarness h;
    QUndoStack& stack = h.cockpit.undoStack();
    QString notice;
    QObject::connect(&h.cockpit, &Cockpit::notice, [&](const QString& t) { notice = t; });
    h.cockpit.run(Action::Next, {}, u"next"_s); // nobody is waiting
    CHECK(stack.count() == 0);
    CHECK_FALSE(stack.canUndo());
    CHECK(notice.contains(u"Nobody"_s));
}

TEST_CASE("repeated ±30 s on the speaker's timer are one undo step") {
    CockpitHarness h;
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    const qint64 start = speakerAllotted(h);
    QUndoStack& stack = h.cockpit.undoStack();
    for (int i = 0; i < 4; ++i)
        adjust(h, 30'000);
    adjust(h, -30'000);
    CHECK(speakerAllotted(h) == start + 90'000);
    CHECK(stack.count() == 1);
    stack.undo();
    CHECK(speakerAllotted(h) == start);
    stack.redo();
    CHECK(speakerAllotted(h) == start + 90'000);

    SECTION("+30 s then −30 s leave nothing to undo") {
        stack.undo();
        stack.clear();
        adjust(h, 30'000);
        adjust(h, -30'000);
        CHECK(speakerAllotted(h) == start);
        CHECK(stack.count() == 0);
    }
    SECTION("another action in between starts a new step") {
        h.cockpit.run(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}}, u"pause"_s);
        adjust(h, 30'000);
        CHECK(stack.count() == 3);
    }
}

// On the online moderator's seat each press awaited the host's answer as a step of its own:
// three presses of +30 s took three Ctrl+Z to take back.
TEST_CASE("on a joined seat, repeated ±30 s are one undo step too, undone as the host did them") {
    CockpitHarness h;
    const Id speaker = h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    const qint64 start = speakerAllotted(h);
    PlayedHost host(h);
    QList<Command>& forwarded = host.forwarded;
    const auto press = [&](qint64 delta) { // as the floor dock sends it
        h.cockpit.run(
            Action::AdjustTimer,
            {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, delta}, {u"expectFloor"_s, speaker}},
            u"adjust"_s);
    };
    for (int i = 0; i < 3; ++i)
        press(30'000);
    QUndoStack& stack = h.cockpit.undoStack();
    REQUIRE(forwarded.size() == 3);
    CHECK(stack.count() == 1);

    SECTION("answered, one undo takes it all back") {
        for (int i = 0; i < 3; ++i)
            host.decideOnHost(forwarded[i]);
        REQUIRE(speakerAllotted(h) == start + 90'000);
        stack.undo();
        REQUIRE(forwarded.size() == 4);
        host.decideOnHost(forwarded[3]);
        CHECK(speakerAllotted(h) == start);
    }
    SECTION("undone before the host answered, it waits, and takes back only what was done") {
        host.decideOnHost(forwarded[0]);
        stack.undo();
        CHECK(forwarded.size() == 3); // one press still unanswered
        host.decideOnHost(forwarded[1]);
        h.engine.reportRefusal(forwarded[2].id, u"refused by the host"_s);
        REQUIRE(forwarded.size() == 4);
        REQUIRE(speakerAllotted(h) == start + 60'000);
        host.decideOnHost(forwarded[3]);
        CHECK(speakerAllotted(h) == start);
    }
    // The stack deletes an undone step when another is pushed: its undo was never sent, and
    // the speaker kept the time taken back.
    SECTION("undone, then another step pushed before the host answered: the undo still goes") {
        host.decideOnHost(forwarded[0]);
        stack.undo();
        h.cockpit.run(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}}, u"pause"_s);
        REQUIRE(forwarded.size() == 4); // the pause
        CHECK(stack.count() == 1);
        host.decideOnHost(forwarded[1]);
        host.decideOnHost(forwarded[2]);
        REQUIRE(forwarded.size() == 5);
        CHECK(integerOf(forwarded[4].args.value(u"deltaMs"_s)) == -90'000);
        host.decideOnHost(forwarded[3]);
        host.decideOnHost(forwarded[4]);
        CHECK(speakerAllotted(h) == start);
    }
    SECTION("a stack emptied for another state sends no undo still waiting") {
        stack.undo();
        SECTION("on the stack") {}
        SECTION("deleted from it by another step") {
            h.cockpit.run(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}}, u"pause"_s);
            forwarded.removeLast();
        }
        forgetWaitingUndos(stack, h.engine);
        stack.clear();
        for (int i = 0; i < 3; ++i)
            host.decideOnHost(forwarded[i]);
        CHECK(forwarded.size() == 3);
        CHECK(speakerAllotted(h) == start + 90'000);
    }
    SECTION("the first press refused, one undo takes back those done") {
        h.engine.reportRefusal(forwarded[0].id, u"refused by the host"_s);
        host.decideOnHost(forwarded[1]);
        host.decideOnHost(forwarded[2]);
        QCoreApplication::processEvents();
        REQUIRE(stack.count() == 1); // kept for the presses done
        REQUIRE(speakerAllotted(h) == start + 60'000);
        stack.undo();
        REQUIRE(forwarded.size() == 4);
        CHECK(integerOf(forwarded[3].args.value(u"deltaMs"_s)) == -60'000);
        host.decideOnHost(forwarded[3]);
        CHECK(speakerAllotted(h) == start);
    }
    SECTION("what the host did cancelling out, nothing is left to undo") {
        press(-30'000); // +30 s ×3, −30 s: nothing asked for in all, but not yet done
        REQUIRE(forwarded.size() == 4);
        CHECK(stack.count() == 1);
        host.decideOnHost(forwarded[0]);
        h.engine.reportRefusal(forwarded[1].id, u"refused by the host"_s);
        h.engine.reportRefusal(forwarded[2].id, u"refused by the host"_s);
        host.decideOnHost(forwarded[3]);
        QCoreApplication::processEvents();
        REQUIRE(speakerAllotted(h) == start);
        CHECK_FALSE(stack.canUndo());
        stack.undo();
        CHECK(forwarded.size() == 4); // no undo of 0 s sent, for the host to refuse
    }
    SECTION("undone before the host answered, and what it did cancels out: nothing is sent") {
        press(-30'000);
        stack.undo();
        host.decideOnHost(forwarded[0]);
        h.engine.reportRefusal(forwarded[1].id, u"refused by the host"_s);
        h.engine.reportRefusal(forwarded[2].id, u"refused by the host"_s);
        host.decideOnHost(forwarded[3]);
        QCoreApplication::processEvents();
        CHECK(forwarded.size() == 4);
        CHECK(speakerAllotted(h) == start);
    }
    SECTION("a press for the next speaker starts a step of its own") {
        for (int i = 0; i < 3; ++i)
            host.decideOnHost(forwarded[i]);
        h.engine.setForwarder({});
        h.add(u"Audience 2"_s);
        REQUIRE(h.run(Action::Next));
        PlayedHost again(h);
        h.cockpit.run(Action::AdjustTimer,
                      {{u"timer"_s, u"speaker"_s},
                       {u"deltaMs"_s, 30'000},
                       {u"expectFloor"_s, h.state().floor->entry.id}},
                      u"adjust"_s);
        CHECK(stack.count() == 2);
    }
}

// Ctrl+Z once too often, then Ctrl+Shift+Z: the session clock was forty minutes short.
TEST_CASE("a clock's start undone and redone keeps the time it had run") {
    CockpitHarness h;
    QUndoStack& stack = h.cockpit.undoStack();
    h.cockpit.run(Action::StartTimer, {{u"timer"_s, u"session"_s}}, u"start"_s);
    h.clock.advance(40 * 60'000);
    stack.undo();
    CHECK(h.state().sessionClock.elapsedMs(h.clock.nowMs()) == 0);
    h.clock.advance(5'000);
    stack.redo();
    CHECK(h.state().sessionClock.elapsedMs(h.clock.nowMs()) == 40 * 60'000 + 5'000);
    stack.undo();
    CHECK(h.state().sessionClock.elapsedMs(h.clock.nowMs()) == 0);
}

TEST_CASE("undo of a call puts the speaker back in the queue") {
    CockpitHarness h;
    h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    h.cockpit.run(Action::Next, {{u"expectFloor"_s, 0}}, u"next"_s);
    REQUIRE(h.state().floor);
    h.cockpit.undoStack().undo();
    CHECK_FALSE(h.state().floor);
    CHECK(h.queueNames() == QStringList{u"Audience 1"_s, u"Audience 2"_s});
}

TEST_CASE("on a joined seat the compensation comes from the host's event") {
    JoinedSeatAdding seat;
    auto* step = dynamic_cast<const SessionCommand*>(seat.h.cockpit.undoStack().command(0));
    REQUIRE(step);
    CHECK(step->isPending());
    seat.hostTakesTheAdd();
    CHECK_FALSE(step->isPending());
    CHECK(step->canUndo());

    seat.h.cockpit.undoStack().undo();
    REQUIRE(seat.forwarded.size() == 2);
    CHECK(seat.forwarded[1].action == Action::RemoveEntry);
}

// On the online moderator's laptop, Ctrl+Z on "add Amina" that the host refused (she had spoken
// meanwhile) still moved the step to Redo, and Redo added her to the queue a second time.
TEST_CASE("an undo the host refuses leaves the step done, and Redo does not do it again") {
    JoinedSeatAdding seat;
    QUndoStack& stack = seat.undoTheTakenAdd();
    seat.h.engine.reportRefusal(seat.forwarded[1].id, u"The queue has changed since."_s);
    QCoreApplication::processEvents();
    CHECK_FALSE(stack.canRedo()); // nothing was undone to redo
    stack.redo();
    CHECK(seat.forwarded.size() == 2); // the add was not sent again
    CHECK(stack.count() == 0);
}

// Redo pressed before the host answered the undo: were the undo refused, the add went twice.
TEST_CASE("Redo before the host answered the undo sends nothing again") {
    JoinedSeatAdding seat;
    QUndoStack& stack = seat.undoTheTakenAdd();
    stack.redo();
    CHECK(seat.forwarded.size() == 2);
    CHECK(stack.count() == 0);
}

TEST_CASE("a command the host refuses later is dropped when undone") {
    CockpitHarness h;
    QList<Command> forwarded;
    h.engine.setForwarder([&](const Command& c) { forwarded.append(c); });
    h.cockpit.run(Action::Next, {}, u"next"_s);
    REQUIRE(forwarded.size() == 1);
    h.engine.reportRefusal(forwarded.first().id, u"Nobody is waiting in the queue."_s);
    h.cockpit.undoStack().undo();
    CHECK(forwarded.size() == 1); // nothing to compensate was sent
    CHECK(h.cockpit.undoStack().count() == 0);
}

// It stayed in Edit → Undo ("Undo next"), where Ctrl+Z then did nothing, without a word.
TEST_CASE("a command the host refuses is gone from Edit → Undo at once") {
    CockpitHarness h;
    QList<Command> forwarded;
    h.engine.setForwarder([&](const Command& c) { forwarded.append(c); });
    h.cockpit.run(Action::SetStageMessage, {{u"text"_s, u"Kept"_s}}, u"message"_s);
    h.cockpit.run(Action::Next, {}, u"next"_s);
    REQUIRE(forwarded.size() == 2);
    h.engine.reportRefusal(forwarded[1].id, u"Nobody is waiting in the queue."_s);
    QCoreApplication::processEvents();
    QUndoStack& stack = h.cockpit.undoStack();
    CHECK(stack.count() == 1);
    CHECK(stack.undoText() == u"message"_s);
}

// A redo wrote back the tally it had set over the one typed on the other seat since.
TEST_CASE("a redo or an undo leaves what another seat changed since, and says which step") {
    CockpitHarness h;
    MainWindow w(h.cockpit);
    QString notice;
    QObject::connect(&h.cockpit, &Cockpit::notice, [&](const QString& t) { notice = t; });
    auto created = h.run(Action::CreatePoll,
                         {{u"question"_s, u"Q?"_s}, {u"options"_s, QCborArray{u"a"_s, u"b"_s}}});
    REQUIRE(created);
    const Id poll = created->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
    const auto tallyOf = [&](qint64 count) {
        return QCborMap{
            {u"poll"_s, poll}, {u"option"_s, 0}, {u"source"_s, u"online"_s}, {u"count"_s, count}};
    };
    const auto tally = [&] {
        return h.state().poll(poll)->tallies[0][1];
    };
    QUndoStack& stack = h.cockpit.undoStack();
    h.cockpit.run(Action::SetTally, tallyOf(5), u"Enter a tally"_s);
    stack.undo();
    REQUIRE(tally() == 0);
    REQUIRE(h.run(Action::SetTally, tallyOf(3), Authority::OnlineModerator)); // the other seat
    stack.redo();
    CHECK(tally() == 3);
    CHECK(notice.contains(u"Could not redo “Enter a tally”"_s));
    CHECK(notice.contains(u"left at 3"_s));
    // Edit → Redo named the step dropped, and choosing it redid another.
    QCoreApplication::processEvents();
    CHECK_FALSE(stack.canRedo());
    CHECK_FALSE(child<QAction>(w, u"redoAction"_s)->isEnabled());

    h.cockpit.run(Action::SetStageMessage, {{u"text"_s, u"Please wrap up"_s}}, u"Message"_s);
    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, u"Online question waiting"_s}},
                  Authority::OnlineModerator));
    stack.undo();
    CHECK(h.state().stageMessage == u"Online question waiting"_s);
    CHECK(notice.startsWith(u"Could not undo “Message”: The message to the speaker was changed"_s));
}

// The online moderator gave Ahmed 30 s; the in-room moderator called Maria; the online
// moderator pressed Ctrl+Z, and Maria lost 30 s of hers.
TEST_CASE("undoing time given to a speaker never changes the next speaker's time") {
    CockpitHarness h;
    QUndoStack& stack = h.cockpit.undoStack();
    QString notice;
    QObject::connect(&h.cockpit, &Cockpit::notice, [&](const QString& t) { notice = t; });
    h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    REQUIRE(h.run(Action::Next));
    adjust(h, 30'000);
    REQUIRE(h.run(Action::Next)); // the other moderator calls the next speaker
    const qint64 next = speakerAllotted(h);

    SECTION("undo is refused and says why") {
        stack.undo();
        CHECK(speakerAllotted(h) == next);
        CHECK(notice.contains(u"floor changed"_s));
    }
    SECTION("time given to each speaker is a step of its own") {
        adjust(h, 30'000);
        CHECK(stack.count() == 2);
        stack.undo();
        CHECK(speakerAllotted(h) == next);
        stack.undo();
        CHECK(speakerAllotted(h) == next);
    }
}

TEST_CASE("redoing time given to a speaker who has left the floor gives none to the next") {
    CockpitHarness h;
    QUndoStack& stack = h.cockpit.undoStack();
    const Id first = h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    REQUIRE(h.run(Action::Next));
    REQUIRE(h.state().floor->entry.id == first);
    // As the floor dock sends it: for the speaker the moderator sees.
    h.cockpit.run(Action::AdjustTimer,
                  {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, 30'000}, {u"expectFloor"_s, first}},
                  u"adjust"_s);
    stack.undo();
    REQUIRE(h.run(Action::Next));
    const qint64 next = speakerAllotted(h);
    stack.redo();
    CHECK(speakerAllotted(h) == next);
}

// After a stall the seat took the host's whole state, and Undo was greyed without a word.
TEST_CASE("a shared seat that takes the host's whole state says its undo steps went") {
    CockpitHarness h;
    QStringList notices;
    QObject::connect(&h.cockpit, &Cockpit::notice, [&](const QString& t) { notices << t; });
    h.engine.setForwarder([](const Command&) {}); // a joined seat
    h.cockpit.run(Action::SetStageMessage, {{u"text"_s, u"mine"_s}}, u"message"_s);
    REQUIRE(h.cockpit.undoStack().count() == 1);
    SessionState hosts = h.state();
    hosts.stageMessage = u"the host's"_s;
    hosts.lastSeq += 70;
    h.engine.reset(hosts);
    CHECK(h.cockpit.undoStack().count() == 0);
    REQUIRE(notices.size() == 1);
    CHECK(notices.first().contains(u"Undo was emptied"_s));
    // Another session (a file opened, a first join): nothing to say.
    h.cockpit.run(Action::SetStageMessage, {{u"text"_s, u"again"_s}}, u"message"_s);
    SessionState other = hosts;
    other.sessionId = u"another"_s;
    h.engine.reset(other);
    CHECK(notices.size() == 1);
}

// Taking over hosting emptied Edit → Undo, saying the seat had taken the host's session after a
// break in the link: its session goes on as it was, one epoch up.
TEST_CASE("a seat that takes over hosting keeps its undo steps") {
    CockpitHarness h;
    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, u"mine"_s}}));
    REQUIRE(h.cockpit.run(Action::SetStageMessage, {{u"text"_s, u"wrap up"_s}}, u"message"_s));
    SessionState takenOver = h.state();
    takenOver.epoch += 1;
    h.engine.reset(takenOver);
    REQUIRE(h.cockpit.undoStack().count() == 1);
    h.cockpit.undoStack().undo();
    CHECK(h.state().stageMessage == u"mine"_s);
}
