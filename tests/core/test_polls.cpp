#include <catch2/catch.hpp>

#include "commands/compensation.h"
#include "fixtures.h"
#include "model/codec.h"
#include "model/event_text.h"
#include "model/reducer.h"

#include <numeric>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

Id createPoll(Harness& h) {
    auto e =
        h.run(Action::CreatePoll, {{u"question"_s, u"Do you trust DNS?"_s},
                                   {u"options"_s, QCborArray{u"Yes"_s, u"No"_s, u"Unsure"_s}}});
    REQUIRE(e);
    return e->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
}

QCborMap tally(Id poll, int option, const QString& source, qint64 count) {
    return {{u"poll"_s, poll}, {u"option"_s, option}, {u"source"_s, source}, {u"count"_s, count}};
}

} // namespace

TEST_CASE("polls: create, open, close, reopen") {
    Harness h;
    const Id id = createPoll(h);
    CHECK(h.state().poll(id)->status == PollStatus::Draft);
    CHECK_FALSE(h.run(Action::ClosePoll, {{u"poll"_s, id}}));
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, id}}));
    CHECK_FALSE(h.run(Action::OpenPoll, {{u"poll"_s, id}}));
    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, id}}));
    CHECK(h.state().poll(id)->status == PollStatus::Closed);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, id}}));
    CHECK(h.state().poll(id)->status == PollStatus::Open);
}

// The report said how each poll went, never when: the rapporteur could not place it in the
// session.
TEST_CASE("a poll keeps when it first opened and when it last closed, through undo and restore") {
    Harness h;
    const Id id = createPoll(h);
    const QCborMap ref{{u"poll"_s, id}};
    const qint64 first = h.clock.nowMs();
    REQUIRE(h.run(Action::OpenPoll, ref));
    CHECK(h.state().poll(id)->openedAt == first);
    CHECK(h.state().poll(id)->closedAt == 0);
    REQUIRE(h.run(Action::SetTally, tally(id, 0, u"onsite"_s, 12)));
    h.clock.advance(90'000);
    REQUIRE(h.run(Action::ClosePoll, ref));
    CHECK(h.state().poll(id)->closedAt == first + 90'000);
    REQUIRE(h.run(Action::SetTally, tally(id, 0, u"onsite"_s, 14), Authority::OnlineModerator));
    const Poll corrected = *h.state().poll(id);
    REQUIRE(corrected.correctedAt != 0);

    // Reopened by mistake, and the reopening undone: closed when it had closed, its correction
    // said (the report said it closed at the undo, and no longer that it was corrected).
    h.clock.advance(60'000);
    const SessionState beforeReopening = h.state();
    const auto reopened = h.run(Action::OpenPoll, ref);
    REQUIRE(reopened);
    CHECK(h.state().poll(id)->openedAt == first); // it ran from the first opening
    CHECK(h.state().poll(id)->closedAt == 0);
    h.clock.advance(30'000);
    const auto undoReopening = compensationFor(beforeReopening, *reopened);
    REQUIRE(undoReopening);
    REQUIRE(h.run(undoReopening->action, undoReopening->args));
    CHECK(*h.state().poll(id) == corrected);

    // Voted again and closed: it closed the second time.
    REQUIRE(h.run(Action::OpenPoll, ref));
    h.clock.advance(30'000);
    REQUIRE(h.run(Action::ClosePoll, ref));
    CHECK(h.state().poll(id)->openedAt == first);
    CHECK(h.state().poll(id)->closedAt == h.clock.nowMs());
    const Poll ran = *h.state().poll(id);
    CHECK(codec::poll(codec::toCbor(ran)) == ran);

    const SessionState beforeRemoval = h.state();
    const auto removed = h.run(Action::RemovePoll, ref);
    REQUIRE(removed);
    const auto restore = compensationFor(beforeRemoval, *removed);
    REQUIRE(restore);
    REQUIRE(h.run(restore->action, restore->args));
    CHECK(*h.state().poll(id) == ran);

    Harness mistake; // opened by mistake and sent back: it never ran
    const Id draft = createPoll(mistake);
    const SessionState before = mistake.state();
    const auto opened = mistake.run(Action::OpenPoll, {{u"poll"_s, draft}});
    REQUIRE(opened);
    const auto undo = compensationFor(before, *opened);
    REQUIRE(undo);
    REQUIRE(mistake.run(undo->action, undo->args));
    CHECK(mistake.state().poll(draft)->status == PollStatus::Draft);
    CHECK(mistake.state().poll(draft)->openedAt == 0);
}

// A file's events from before the times were kept, replayed, give the state its snapshots kept:
// no times (its snapshots' checksums would no longer match).
TEST_CASE("poll events from before the times were kept replay without them") {
    Harness h;
    const Id id = createPoll(h);
    SessionState s = h.state();
    Event open;
    open.seq = s.lastSeq + 1;
    open.at = h.clock.nowMs();
    open.action = Action::OpenPoll;
    open.data = {{u"poll"_s, id}};
    s = apply(std::move(s), open);
    Event close = open;
    close.seq = open.seq + 1;
    close.action = Action::ClosePoll;
    s = apply(std::move(s), close);
    CHECK(s.poll(id)->status == PollStatus::Closed);
    CHECK(s.poll(id)->openedAt == 0);
    CHECK(s.poll(id)->closedAt == 0);
}

// Two polls open at once: the projector showed one, the moderators' panels the other.
TEST_CASE("one poll is open at a time, on whichever seat it is opened") {
    Harness h;
    const Id first = createPoll(h);
    const Id second = createPoll(h);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, first}}));
    const auto refused = h.run(Action::OpenPoll, {{u"poll"_s, second}}, Authority::OnlineModerator);
    REQUIRE_FALSE(refused);
    CHECK(refused.error() == u"“Do you trust DNS?” is still open: close it first, then open this "
                             "one."_s);
    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, first}}));
    CHECK(h.run(Action::OpenPoll, {{u"poll"_s, second}}));
}

TEST_CASE("a poll needs a question and two to twenty different options") {
    Harness h;
    CHECK_FALSE(h.run(Action::CreatePoll,
                      {{u"question"_s, u""_s}, {u"options"_s, QCborArray{u"a"_s, u"b"_s}}}));
    CHECK_FALSE(h.run(Action::CreatePoll,
                      {{u"question"_s, u"Q"_s}, {u"options"_s, QCborArray{u"a"_s, u"a"_s}}}));
    CHECK(h.state().polls.isEmpty());
}

TEST_CASE("tallies per source combine into totals and percentages") {
    Harness h;
    const Id id = createPoll(h);
    REQUIRE(h.run(Action::SetTally, tally(id, 0, u"onsite"_s, 12)));
    REQUIRE(h.run(Action::SetTally, tally(id, 0, u"online"_s, 18)));
    REQUIRE(h.run(Action::SetTally, tally(id, 1, u"web"_s, 10)));
    REQUIRE(h.run(Action::SetTally, tally(id, 2, u"online"_s, 10)));
    const Poll& p = *h.state().poll(id);
    CHECK(p.combined(0) == 30);
    CHECK(p.combined(1) == 10);
    CHECK(p.totalVotes() == 50);
    CHECK(p.percentage(0) == Approx(60.0));
    CHECK(p.percentage(2) == Approx(20.0));
    // A correction replaces the figure for that source.
    REQUIRE(h.run(Action::SetTally, tally(id, 0, u"onsite"_s, 2)));
    CHECK(h.state().poll(id)->combined(0) == 20);
}

TEST_CASE("tallies are never negative and name a real option and source") {
    Harness h;
    const Id id = createPoll(h);
    CHECK_FALSE(h.run(Action::SetTally, tally(id, 0, u"onsite"_s, -1)));
    CHECK_FALSE(h.run(Action::SetTally, tally(id, 3, u"onsite"_s, 1)));
    CHECK_FALSE(h.run(Action::SetTally, tally(id, 0, u"fax"_s, 1)));
    CHECK_FALSE(h.run(Action::SetTally, tally(999, 0, u"onsite"_s, 1)));
    CHECK(h.state().poll(id)->totalVotes() == 0);
    CHECK(h.state().poll(id)->percentage(0) == 0.0); // no votes, no division by zero
}

// The online moderator's rehearsal: the Share column read 54.5 + 31.8 + 13.6 = 99.9 %, and
// 30.8 + 15.4 + 46.2 + 7.7 = 100.1 %; the projector once read 63 % + 38 %.
TEST_CASE("a poll's shares as shown add up to 100, the last points to the largest remainders") {
    const auto poll = [](const QList<qint64>& votes) {
        Poll p;
        for (qint64 v : votes) {
            p.options << u"option"_s;
            p.tallies << Tally{v, 0, 0};
        }
        return p;
    };
    const auto sum = [](const QList<double>& shares) {
        return std::accumulate(shares.begin(), shares.end(), 0.0);
    };
    const Poll threeWays = poll({12, 7, 3}); // 54.54…, 31.81…, 13.63…
    CHECK(threeWays.sharesAsShown(1) == QList<double>{54.6, 31.8, 13.6});
    CHECK(sum(threeWays.sharesAsShown(1)) == Approx(100.0));
    const Poll fourWays = poll({4, 2, 6, 1}); // 30.76…, 15.38…, 46.15…, 7.69…
    CHECK(fourWays.sharesAsShown(1) == QList<double>{30.8, 15.4, 46.1, 7.7});
    CHECK(poll({5, 3}).sharesAsShown(0) == QList<double>{63.0, 37.0}); // 62.5 and 37.5: a tie
    CHECK(poll({1, 1, 1}).sharesAsShown(0) == QList<double>{34.0, 33.0, 33.0});
    CHECK(poll({0, 0}).sharesAsShown(1) == QList<double>{0.0, 0.0}); // no votes: no 100
    CHECK(poll({7, 0}).sharesAsShown(1) == QList<double>{100.0, 0.0});
}

// The commands refuse a count over the bound; an event or a saved state made by hand (a crafted
// file, a hostile peer) gave 2^62, and the totals overflowed.
TEST_CASE("a tally read from an event or a saved state stays within the bound") {
    Harness h;
    const Id id = createPoll(h);
    CHECK_FALSE(h.run(Action::SetTally, tally(id, 0, u"onsite"_s, maxVotesPerTally + 1)));
    Event crafted;
    crafted.seq = h.state().lastSeq + 1;
    crafted.action = Action::SetTally;
    crafted.data = tally(id, 0, u"onsite"_s, qint64(1) << 62);
    const SessionState after = apply(h.state(), crafted);
    CHECK(after.poll(id)->combined(0) == maxVotesPerTally);

    QCborMap saved = codec::toCbor(after);
    QCborArray polls = saved.value(u"polls"_s).toArray();
    QCborMap poll = polls.at(0).toMap();
    poll[u"tallies"_s] = QCborArray{QCborArray{qint64(1) << 62, qint64(1) << 62, 0}};
    polls[0] = poll;
    saved[u"polls"_s] = polls;
    const SessionState read = codec::sessionState(saved);
    CHECK(read.polls.first().combined(0) == 2 * maxVotesPerTally);
}

// Told as "Poll tally entered" alone, a tally lost with the link could not be typed again: which
// poll, option and count went with it was gone.
TEST_CASE("a tally is described by its poll, option, source and count") {
    Harness h;
    const Id poll = createPoll(h);
    const auto e = h.run(Action::SetTally, tally(poll, 1, u"online"_s, 7));
    REQUIRE(e);
    CHECK(describeAction(e->action, e->data, h.state()) ==
          u"Poll tally entered: “Do you trust DNS?”, No: online 7"_s);

    // A "%1" typed into the question is text, not a place for the count.
    auto e2 = h.run(Action::CreatePoll, {{u"question"_s, u"Share of %1 members?"_s},
                                         {u"options"_s, QCborArray{u"%2 or more"_s, u"Less"_s}}});
    REQUIRE(e2);
    const Id other = e2->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
    const auto e3 = h.run(Action::SetTally, tally(other, 0, u"onsite"_s, 4));
    REQUIRE(e3);
    CHECK(describeAction(e3->action, e3->data, h.state()) ==
          u"Poll tally entered: “Share of %1 members?”, %2 or more: onsite 4"_s);
}

// A draft written with a typo could only be deleted and written again, at the end of the list; and
// the panel's Save, sent as the other seat opened the poll, made a second poll beside the open one.
TEST_CASE("a draft poll is edited in its place until it opens, and the edit undone") {
    Harness h;
    const Id first = createPoll(h);
    const Id second = createPoll(h);
    const QCborMap edit{{u"poll"_s, first},
                        {u"question"_s, u"Do you trust the DNS?"_s},
                        {u"options"_s, QCborArray{u"Yes"_s, u"No"_s}},
                        {u"multiple"_s, true}};
    const SessionState before = h.state();
    auto edited = h.run(Action::EditPoll, edit);
    REQUIRE(edited);
    REQUIRE(h.state().polls.size() == 2);
    CHECK(h.state().polls[0].id == first); // in its place, under its id
    CHECK(h.state().polls[0].question == u"Do you trust the DNS?"_s);
    CHECK(h.state().polls[0].options == QStringList{u"Yes"_s, u"No"_s});
    CHECK(h.state().polls[0].tallies.size() == 2);
    CHECK(h.state().polls[0].multipleChoice);
    CHECK(describeEvent(*edited, before).contains(u"Poll edited"_s));

    const auto undo = compensationFor(before, *edited);
    REQUIRE(undo);
    REQUIRE(h.run(undo->action, undo->args));
    CHECK(h.state().polls[0] == before.polls[0]);

    QCborMap noOptions = edit;
    noOptions[u"options"_s] = QCborArray{u"Yes"_s};
    CHECK_FALSE(h.run(Action::EditPoll, noOptions));

    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, first}})); // on the other seat, meanwhile
    REQUIRE(h.run(Action::SetTally, tally(first, 0, u"onsite"_s, 7)));
    const auto late = h.run(Action::EditPoll, edit);
    REQUIRE_FALSE(late);
    CHECK(late.error().contains(u"was opened meanwhile"_s));
    CHECK_FALSE(h.run(Action::RemovePoll, {{u"poll"_s, first}, {u"draftOnly"_s, true}}));
    CHECK(h.state().poll(first)->totalVotes() == 7);
    CHECK(h.run(Action::RemovePoll, {{u"poll"_s, second}, {u"draftOnly"_s, true}}));
}

// The online moderator put a closed poll's tally right after the results were read out: every
// seat marks it corrected while its figures differ from those it closed with.
TEST_CASE("a closed poll is marked corrected while its tallies differ from those it closed with") {
    Harness h;
    const Id id = createPoll(h);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, id}}));
    REQUIRE(h.run(Action::SetTally, tally(id, 0, u"onsite"_s, 12)));
    CHECK(h.state().poll(id)->correctedAt == 0); // open: figures come in
    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, id}}));
    const SessionState closed = h.state();

    h.clock.advance(60'000);
    auto first = h.run(Action::SetTally, tally(id, 0, u"online"_s, 5));
    REQUIRE(first);
    CHECK(h.state().poll(id)->correctedAt == h.clock.nowMs());
    // Another seat corrects another option; the first correction is then undone: the poll still
    // differs from what was read out.
    h.clock.advance(1000);
    REQUIRE(h.run(Action::SetTally, tally(id, 1, u"web"_s, 3)));
    const SessionState beforeUndo = h.state();
    const auto undoFirst = compensationFor(closed, first.value());
    REQUIRE(undoFirst);
    REQUIRE(h.run(undoFirst->action, undoFirst->args));
    CHECK(h.state().poll(id)->correctedAt == h.clock.nowMs());
    // Put back as read out, it is no longer marked.
    REQUIRE(h.run(Action::SetTally, tally(id, 1, u"web"_s, 0)));
    CHECK(h.state().poll(id)->correctedAt == 0);
    CHECK(h.state().poll(id)->tallies == closed.poll(id)->tallies);
    // Reopened and voted again, it will be read out again at its close.
    REQUIRE(h.run(Action::SetTally, tally(id, 2, u"web"_s, 4)));
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, id}}));
    CHECK(h.state().poll(id)->readOut.isEmpty());
    CHECK(h.state().poll(id)->correctedAt == 0);
    // The mark goes into saved states, read back the same.
    CHECK(codec::sessionState(codec::toCbor(beforeUndo)).polls == beforeUndo.polls);
}

// Protocol 2's events of a tally set on a closed poll carry no read-out figures: replayed from an
// older file, they must give the state its snapshots kept, or --check calls a sound file damaged.
TEST_CASE("an older file's tally on a closed poll replays to the state its snapshot kept") {
    Harness h;
    const Id id = createPoll(h);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, id}}));
    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, id}}));
    const QCborMap savedBefore = codec::toCbor(h.state());
    Event older;
    older.seq = h.state().lastSeq + 1;
    older.at = h.clock.nowMs();
    older.action = Action::SetTally;
    older.data = tally(id, 0, u"onsite"_s, 7); // as decided before: no readOut
    const SessionState after = apply(h.state(), older);
    CHECK(after.poll(id)->combined(0) == 7);
    CHECK(after.poll(id)->correctedAt == 0);
    QCborMap saved = codec::toCbor(after);
    const QCborMap poll = saved.value(u"polls"_s).toArray().at(0).toMap();
    CHECK_FALSE(poll.contains(u"readOut"_s));
    CHECK_FALSE(poll.contains(u"correctedAt"_s));
    CHECK(savedBefore.value(u"polls"_s).toArray().at(0).toMap().keys() == poll.keys());
}
