#include <catch2/catch.hpp>

#include "commands/compensation.h"

#include "fixtures.h"

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

TEST_CASE("new points are first come, first served") {
    Harness h;
    h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    h.add(u"Audience 3"_s);
    CHECK(h.queueNames() == QStringList{u"Audience 1"_s, u"Audience 2"_s, u"Audience 3"_s});
}

TEST_CASE("points of order go before everything, in the order they were raised") {
    Harness h;
    h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s, EntryKind::PointOfOrder);
    h.add(u"Audience 3"_s, EntryKind::PointOfOrder);
    CHECK(h.queueNames() == QStringList{u"Audience 2"_s, u"Audience 3"_s, u"Audience 1"_s});
}

TEST_CASE("replies and clarifying questions follow the point they relate to") {
    Harness h;
    const Id first = h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    h.add(u"Audience 3"_s, EntryKind::Reply, first);
    h.add(u"Audience 4"_s, EntryKind::ClarifyingQuestion, first);
    h.add(u"Audience 5"_s, EntryKind::Reply, first);
    // Clarifying questions come before replies; replies keep their order.
    CHECK(h.queueNames() == QStringList{u"Audience 1"_s, u"Audience 4"_s, u"Audience 3"_s,
                                        u"Audience 5"_s, u"Audience 2"_s});
}

TEST_CASE("a reply to the speaker on the floor goes to the front, after points of order") {
    Harness h;
    const Id speaking = h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    REQUIRE(h.run(Action::Next));
    REQUIRE(h.state().floor->entry.id == speaking);
    h.add(u"Audience 3"_s, EntryKind::PointOfOrder);
    h.add(u"Audience 4"_s, EntryKind::Reply, speaking);
    CHECK(h.queueNames() == QStringList{u"Audience 3"_s, u"Audience 4"_s, u"Audience 2"_s});
}

TEST_CASE("a reply needs a point that is still queued or speaking") {
    Harness h;
    auto r = h.run(Action::AddEntry, {{u"participant"_s, h.participantNamed(u"Audience 1"_s)},
                                      {u"kind"_s, u"reply"_s},
                                      {u"relatesTo"_s, 999}});
    REQUIRE_FALSE(r);
    CHECK(r.error().contains(u"no longer"_s));
    CHECK(h.state().queue.isEmpty());
}

// "Nguyễn" typed on a Mac comes decomposed, from a plan composed: the same person, found alike.
TEST_CASE("a participant's name and affiliation are kept in one Unicode form") {
    Harness h;
    const QString decomposed = u"Nguye\u0302\u0303n Thi\u0323"_s;
    REQUIRE(decomposed.size() > u"Nguyễn Thị"_s.size());
    REQUIRE(h.run(Action::AddParticipant,
                  {{u"name"_s, decomposed}, {u"affiliation"_s, u"Vie\u0323\u0302t Nam"_s}}));
    const Participant& added = h.state().participants.last();
    CHECK(added.name == u"Nguyễn Thị"_s);
    CHECK(added.affiliation == u"Việt Nam"_s);
    REQUIRE(
        h.run(Action::EditParticipant, {{u"participant"_s, added.id}, {u"name"_s, decomposed}}));
    CHECK(h.state().participant(added.id)->name == u"Nguyễn Thị"_s);
}

TEST_CASE("the same person cannot queue the same new point twice") {
    Harness h;
    h.add(u"Audience 1"_s);
    auto r = h.run(Action::AddEntry, {{u"participant"_s, h.participantNamed(u"Audience 1"_s)}});
    REQUIRE_FALSE(r);
    CHECK(r.error().contains(u"already in the queue"_s));
}

TEST_CASE("every entry is tagged with its channel, by default the person's presence") {
    Harness h;
    h.add(u"Audience 1"_s); // onsite
    h.add(u"Audience 2"_s); // online
    CHECK(h.state().queue[0].channel == Presence::Onsite);
    CHECK(h.state().queue[1].channel == Presence::Online);
    REQUIRE(h.run(Action::AddEntry, {{u"participant"_s, h.participantNamed(u"Audience 3"_s)},
                                     {u"channel"_s, u"online"_s}}));
    CHECK(h.state().queue[2].channel == Presence::Online);
}

TEST_CASE("the moderator moves, withdraws, restores and edits entries") {
    Harness h;
    const Id a = h.add(u"Audience 1"_s);
    const Id b = h.add(u"Audience 2"_s);
    h.add(u"Audience 3"_s);
    REQUIRE(h.run(Action::MoveEntry, {{u"entry"_s, b}, {u"to"_s, 0}}));
    CHECK(h.queueNames().first() == u"Audience 2"_s);

    REQUIRE(h.run(Action::WithdrawEntry, {{u"entry"_s, b}}));
    CHECK(h.state().entry(b)->withdrawn);
    CHECK_FALSE(h.run(Action::WithdrawEntry, {{u"entry"_s, b}}));
    // Next skips a withdrawn entry.
    REQUIRE(h.run(Action::Next));
    CHECK(h.state().floor->entry.id == a);
    REQUIRE(h.run(Action::RestoreEntry, {{u"entry"_s, b}}));
    CHECK_FALSE(h.state().entry(b)->withdrawn);
    CHECK(h.state().entryIndex(b) == 0); // it kept its place

    REQUIRE(h.run(Action::EditEntry, {{u"entry"_s, b}, {u"note"_s, u"on DNSSEC"_s}}));
    CHECK(h.state().entry(b)->note == u"on DNSSEC"_s);
    CHECK_FALSE(h.run(Action::MoveEntry, {{u"entry"_s, b}, {u"to"_s, 10}}));
}

// One voice, two turns: a withdrawn new point restored (or an entry made a new point) beside
// the new point the same person had added meanwhile.
TEST_CASE("a person waits with one new point at most, however entries are restored or edited") {
    Harness h;
    const Id first = h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::WithdrawEntry, {{u"entry"_s, first}}));
    const Id second = h.add(u"Audience 1"_s); // allowed: the first is withdrawn
    auto restored = h.run(Action::RestoreEntry, {{u"entry"_s, first}});
    REQUIRE_FALSE(restored);
    CHECK(restored.error().contains(u"already in the queue"_s));
    CHECK(h.state().entry(first)->withdrawn);

    const Id reply = h.add(u"Audience 1"_s, EntryKind::Reply, second);
    CHECK_FALSE(h.run(Action::EditEntry, {{u"entry"_s, reply}, {u"kind"_s, u"new-point"_s}}));
    // A point of order goes first, which an edit in place would not do: refused both ways.
    CHECK_FALSE(h.run(Action::EditEntry, {{u"entry"_s, second}, {u"kind"_s, u"point-of-order"_s}}));
    REQUIRE(h.run(Action::WithdrawEntry, {{u"entry"_s, second}}));
    REQUIRE(h.run(Action::RestoreEntry, {{u"entry"_s, first}})); // now the only one
}

TEST_CASE("next puts the first entry on the floor with its role's allotment and logs the speech") {
    Harness h;
    h.add(u"Panelist A"_s);
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    REQUIRE(h.state().floor);
    CHECK(h.state().floor->countdown.allottedMs == 5 * 60'000);
    CHECK(h.state().floor->countdown.running);
    h.clock.advance(70'000);
    REQUIRE(h.run(Action::Next));
    CHECK(h.state().floor->countdown.allottedMs == 2 * 60'000);
    REQUIRE(h.state().speeches.size() == 1);
    CHECK(h.state().speeches[0].spokeMs == 70'000);
    CHECK(h.state().participant(h.state().speeches[0].participantId)->name == u"Panelist A"_s);
    h.clock.advance(10'000);
    REQUIRE(h.run(Action::EndSpeech));
    CHECK_FALSE(h.state().floor);
    CHECK(h.state().speeches.size() == 2);
    CHECK_FALSE(h.run(Action::Next)); // nobody waiting
}

TEST_CASE("two moderators pressing next at once: the second is refused with a reason") {
    Harness h;
    h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    // Both see an empty floor and press next.
    const QCborMap expectEmpty{{u"expectFloor"_s, 0}};
    REQUIRE(h.run(Action::Next, expectEmpty));
    auto second = h.run(Action::Next, expectEmpty, Authority::OnlineModerator);
    REQUIRE_FALSE(second);
    CHECK(second.error().contains(u"floor changed"_s));
    CHECK(h.queueNames() == QStringList{u"Audience 2"_s});
}

// The online moderator ended the speech just before the in-room moderator pressed "Call
// suggested": refused, rightly, but "someone else called the next speaker" when nobody had.
TEST_CASE("a press refused because the other moderator ended the speech says so") {
    Harness h;
    const Id first = h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    REQUIRE(h.run(Action::Next));
    REQUIRE(h.run(Action::EndSpeech, {}, Authority::OnlineModerator));
    auto late = h.run(Action::Next, {{u"expectFloor"_s, first}});
    REQUIRE_FALSE(late);
    CHECK(late.error().contains(u"ended on another seat"_s));
    CHECK_FALSE(late.error().contains(u"called"_s));
}

// `podium ctl --expect-floor 99 next` blamed "someone else" for an entry that never spoke.
TEST_CASE("a press expecting an entry that never had the floor says so, and a later one by "
          "another seat's press says that") {
    Harness h;
    const Id first = h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    h.add(u"Audience 3"_s);
    auto never = h.run(Action::Next, {{u"expectFloor"_s, 99}});
    REQUIRE_FALSE(never);
    CHECK(never.error().contains(u"Entry 99 is not in this session"_s));
    REQUIRE(h.run(Action::Next));
    REQUIRE(h.run(Action::Next, {{u"expectFloor"_s, first}}, Authority::OnlineModerator));
    auto late = h.run(Action::Next, {{u"expectFloor"_s, first}});
    REQUIRE_FALSE(late);
    CHECK(late.error().contains(u"someone else called the next speaker"_s));
    // A call undone puts its entry back in the queue: expecting it is another seat's change.
    const SessionState before = h.state();
    const auto call = h.run(Action::Next);
    REQUIRE(call);
    const Id called = h.state().floor->entry.id;
    const auto undo = compensationFor(before, call.value());
    REQUIRE(undo);
    REQUIRE(h.run(undo->action, undo->args));
    auto stale = h.run(Action::Next, {{u"expectFloor"_s, called}});
    REQUIRE_FALSE(stale);
    CHECK(stale.error().contains(u"The floor changed meanwhile"_s));
}

// Dropped before Hosein as the other moderator called Wout, Manal landed behind Hosein: the move
// named a place, which the call had shifted.
TEST_CASE("a move names the entry it goes before, so a call meanwhile does not shift it") {
    Harness h;
    h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    h.add(u"Audience 3"_s);
    const Id last = h.add(u"Audience 4"_s);
    const Id second = h.state().queue[1].id;
    REQUIRE(h.run(Action::Next)); // the other moderator's call arrives first
    REQUIRE(h.run(Action::MoveEntry, {{u"entry"_s, last}, {u"to"_s, 1}, {u"before"_s, second}}));
    CHECK(h.queueNames() == QStringList{u"Audience 4"_s, u"Audience 2"_s, u"Audience 3"_s});
    // To the end ("before" nobody), and before someone who has left the queue: the place given.
    REQUIRE(h.run(Action::MoveEntry, {{u"entry"_s, last}, {u"to"_s, 0}, {u"before"_s, 0}}));
    CHECK(h.queueNames().last() == u"Audience 4"_s);
    REQUIRE(h.run(Action::MoveEntry, {{u"entry"_s, last}, {u"to"_s, 0}, {u"before"_s, 999}}));
    CHECK(h.queueNames().first() == u"Audience 4"_s);
}

// Moved up as the other moderator called and took off the two it was to go before, and redone
// after someone was added, the speaker went to the end: behind a later arrival.
TEST_CASE(
    "a move whose followers have all left the queue goes after the entries it was to follow") {
    Harness h;
    const Id a = h.add(u"Audience 1"_s);
    const Id b = h.add(u"Audience 2"_s);
    const Id c = h.add(u"Audience 3"_s);
    const Id d = h.add(u"Audience 4"_s);
    REQUIRE(h.run(Action::RemoveEntry, {{u"entry"_s, b}}));
    REQUIRE(h.run(Action::RemoveEntry, {{u"entry"_s, c}}));
    h.add(u"Audience 5"_s); // after all of them
    const QCborArray followers{b, c};
    REQUIRE(h.run(
        Action::MoveEntry,
        {{u"entry"_s, d}, {u"to"_s, 1}, {u"before"_s, followers}, {u"after"_s, QCborArray{a}}}));
    CHECK(h.queueNames() == QStringList{u"Audience 1"_s, u"Audience 4"_s, u"Audience 5"_s});
    // To stand first, or after entries all gone too: first, still ahead of the later arrival.
    REQUIRE(h.run(Action::RemoveEntry, {{u"entry"_s, a}}));
    REQUIRE(h.run(
        Action::MoveEntry,
        {{u"entry"_s, d}, {u"to"_s, 0}, {u"before"_s, followers}, {u"after"_s, QCborArray{a}}}));
    CHECK(h.queueNames() == QStringList{u"Audience 4"_s, u"Audience 5"_s});
    // From a seat that names no entries before it: to the end, as before.
    REQUIRE(h.run(Action::MoveEntry, {{u"entry"_s, d}, {u"to"_s, 0}, {u"before"_s, followers}}));
    CHECK(h.queueNames() == QStringList{u"Audience 5"_s, u"Audience 4"_s});
}
