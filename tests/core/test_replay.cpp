#include <catch2/catch.hpp>

#include "fixtures.h"
#include "model/codec.h"
#include "model/reducer.h"

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

SessionState replay(const QList<Event>& log) {
    SessionState s;
    for (const Event& e : log)
        s = apply(s, e);
    return s;
}

} // namespace

TEST_CASE("replaying the log gives the digest of the live state") {
    FakeClock clock;
    SessionEngine engine(clock);
    QList<Event> log;
    QObject::connect(&engine, &SessionEngine::eventApplied,
                     [&log](const Event& e, const SessionState&) { log.append(e); });
    REQUIRE(engine.create(crowdPlan()));
    auto run = [&](Action a, QCborMap args = {}) {
        Command c;
        c.id = newCommandId();
        c.authority = Authority::Moderator;
        c.action = a;
        c.args = args;
        auto e = engine.execute(c);
        REQUIRE(e);
        clock.advance(17'000);
        return e.value();
    };
    run(Action::StartTimer, {{u"timer"_s, u"session"_s}});
    run(Action::StartSegment, {{u"index"_s, 0}});
    run(Action::AddEntry, {{u"participant"_s, 2}});
    run(Action::AddEntry, {{u"participant"_s, 5}});
    run(Action::Next);
    run(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, 30'000}});
    const Event poll = run(Action::CreatePoll,
                           {{u"question"_s, u"Q"_s}, {u"options"_s, QCborArray{u"a"_s, u"b"_s}}});
    const Id pollId = poll.data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
    run(Action::SetTally,
        {{u"poll"_s, pollId}, {u"option"_s, 1}, {u"source"_s, u"online"_s}, {u"count"_s, 4}});
    run(Action::Next);
    run(Action::StartSegment, {{u"index"_s, 1}});
    run(Action::EndSpeech);

    REQUIRE(log.size() == 12);
    CHECK(codec::digest(replay(log)) == codec::digest(engine.state()));
    CHECK(replay(log) == engine.state());
    // The digest sees every change: one event less gives another digest.
    CHECK(codec::digest(replay(log.mid(0, 11))) != codec::digest(engine.state()));
}

TEST_CASE("the state survives its CBOR form (snapshots) unchanged") {
    Harness h;
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    h.add(u"Audience 2"_s, EntryKind::Reply, h.state().floor->entry.id);
    REQUIRE(h.run(Action::CreatePoll,
                  {{u"question"_s, u"Q"_s}, {u"options"_s, QCborArray{u"a"_s, u"b"_s}}}));
    const SessionState back = codec::sessionState(codec::toCbor(h.state()));
    CHECK(back == h.state());
    CHECK(codec::digest(back) == codec::digest(h.state()));
}

TEST_CASE("everyone is found by id in a snapshot whose roster came in any order") {
    Harness h;
    QCborMap snapshot = codec::toCbor(h.state());
    QCborArray reversed;
    const QCborArray roster = snapshot.value(u"participants"_s).toArray();
    for (qsizetype i = roster.size(); i > 0; --i)
        reversed.append(roster.at(i - 1));
    snapshot[u"participants"_s] = reversed;
    const SessionState back = codec::sessionState(snapshot);
    REQUIRE(back.participants.size() == h.state().participants.size());
    for (const Participant& p : h.state().participants) {
        REQUIRE(back.participant(p.id));
        CHECK(back.participant(p.id)->name == p.name);
    }
    CHECK_FALSE(back.participant(h.state().nextId + 5));
}

TEST_CASE("events survive their CBOR form, an unknown action is reported, not guessed") {
    Harness h;
    auto e = h.run(Action::AddEntry, {{u"participant"_s, 3}});
    REQUIRE(e);
    const auto back = Event::fromCbor(e->toCbor());
    REQUIRE(back);
    CHECK(*back == e.value());
    QCborMap bad = e->toCbor();
    bad[u"action"_s] = 9999;
    QString error;
    CHECK_FALSE(Event::fromCbor(bad, &error));
    CHECK(error.contains(u"unknown"_s));
}

TEST_CASE("a joined seat applies the host's events in order and refuses a gap") {
    Harness host;
    FakeClock clock;
    SessionEngine peer(clock);
    QList<Event> log;
    QObject::connect(&host.engine, &SessionEngine::eventApplied,
                     [&log](const Event& e, const SessionState&) { log.append(e); });
    // The peer starts from the host's state before the three adds.
    peer.reset(host.state());
    host.add(u"Audience 1"_s);
    host.add(u"Audience 2"_s);
    host.add(u"Audience 3"_s);
    REQUIRE(log.size() == 3);
    REQUIRE(peer.receive(log[0]));
    auto gap = peer.receive(log[2]); // the second never came
    REQUIRE_FALSE(gap);
    CHECK(gap.error().contains(u"out of order"_s));
    auto again = peer.receive(log[0]); // nor is one taken twice
    REQUIRE_FALSE(again);
    CHECK(again.error().contains(u"out of order"_s));
    REQUIRE(peer.receive(log[1]));
    REQUIRE(peer.receive(log[2]));
    CHECK(codec::digest(peer.state()) == codec::digest(host.state()));
}

// The window's "the disk is full" line needs to know when saving works again, once: not at
// every event saved, nor at every one refused.
TEST_CASE("the engine says when its journal starts and stops refusing, once each") {
    Harness h;
    FillingJournal disk;
    h.engine.setJournal(&disk);
    QList<bool> said;
    QObject::connect(&h.engine, &SessionEngine::journalFailingChanged,
                     [&](bool failing) { said << failing; });
    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, u"a"_s}}));
    disk.full = true;
    const qint64 before = h.state().lastSeq;
    CHECK_FALSE(h.run(Action::SetStageMessage, {{u"text"_s, u"b"_s}}));
    CHECK_FALSE(h.run(Action::SetStageMessage, {{u"text"_s, u"c"_s}}));
    CHECK(h.state().lastSeq == before); // nothing applied that was not saved
    disk.full = false;
    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, u"d"_s}}));
    REQUIRE(h.run(Action::SetStageMessage, {{u"text"_s, u"e"_s}}));
    CHECK(said == QList<bool>{true, false});
    h.engine.setJournal(nullptr);
}
