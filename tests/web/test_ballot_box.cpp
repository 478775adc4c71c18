#include <catch2/catch.hpp>

#include "ballot_box.h"
#include "fixtures.h"

using namespace podium;
using namespace podium::test;
using namespace podium::web;
using namespace Qt::StringLiterals;

namespace {

Id openPoll(Harness& h, bool multipleChoice = false) {
    auto created =
        h.run(Action::CreatePoll, {{u"question"_s, u"Should routing security be a norm?"_s},
                                   {u"options"_s, QCborArray{u"Yes"_s, u"No"_s, u"Unsure"_s}},
                                   {u"multiple"_s, multipleChoice}});
    REQUIRE(created);
    const Id id = created->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, id}}));
    return id;
}

qint64 webVotes(const Harness& h, Id poll, int option) {
    return h.state().poll(poll)->tallies[option][std::size_t(TallySource::Web)];
}

// As the voting server does it: decided by the engine, then remembered.
QString cast(Harness& h, BallotBox& box, const Ballot& ballot) {
    if (QString why = box.refusal(h.state(), ballot); !why.isEmpty())
        return why;
    for (const Command& c : box.countingCommands(h.state(), ballot))
        REQUIRE(h.engine.execute(c));
    box.recordCounted(ballot);
    return {};
}

} // namespace

TEST_CASE("a phone's vote adds one to its option's web tally, and only there") {
    Harness h;
    const Id poll = openPoll(h);
    REQUIRE(
        h.run(Action::SetTally,
              {{u"poll"_s, poll}, {u"option"_s, 1}, {u"source"_s, u"onsite"_s}, {u"count"_s, 12}}));
    BallotBox box;
    CHECK(cast(h, box, {poll, {1}, u"phone-a"_s, u"10.0.0.5"_s}).isEmpty());
    CHECK(cast(h, box, {poll, {1}, u"phone-b"_s, u"10.0.0.6"_s}).isEmpty());
    CHECK(cast(h, box, {poll, {0}, u"phone-c"_s, u"10.0.0.7"_s}).isEmpty());
    CHECK(webVotes(h, poll, 0) == 1);
    CHECK(webVotes(h, poll, 1) == 2);
    CHECK(webVotes(h, poll, 2) == 0);
    const Poll& p = *h.state().poll(poll);
    CHECK(p.tallies[1][std::size_t(TallySource::Onsite)] == 12); // the show of hands kept
    CHECK(p.combined(1) == 14);
}

TEST_CASE("a vote counts on top of a web tally the moderator corrected by hand") {
    Harness h;
    const Id poll = openPoll(h);
    BallotBox box;
    REQUIRE(cast(h, box, {poll, {0}, u"phone-a"_s, u"10.0.0.5"_s}).isEmpty());
    REQUIRE(h.run(Action::SetTally,
                  {{u"poll"_s, poll}, {u"option"_s, 0}, {u"source"_s, u"web"_s}, {u"count"_s, 40}},
                  Authority::OnlineModerator));
    REQUIRE(cast(h, box, {poll, {0}, u"phone-b"_s, u"10.0.0.6"_s}).isEmpty());
    CHECK(webVotes(h, poll, 0) == 41);
}

TEST_CASE("one vote per phone and poll, and a phone votes again in the next poll") {
    Harness h;
    const Id first = openPoll(h);
    BallotBox box;
    REQUIRE(cast(h, box, {first, {0}, u"phone-a"_s, u"10.0.0.5"_s}).isEmpty());
    CHECK(cast(h, box, {first, {1}, u"phone-a"_s, u"10.0.0.5"_s}) ==
          u"This phone has voted in this poll already."_s);
    CHECK(webVotes(h, first, 1) == 0);
    CHECK(box.hasVoted(first, u"phone-a"_s));

    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, first}}));
    const Id second = openPoll(h);
    CHECK_FALSE(box.hasVoted(second, u"phone-a"_s));
    CHECK(cast(h, box, {second, {2}, u"phone-a"_s, u"10.0.0.5"_s}).isEmpty());
    CHECK(webVotes(h, second, 2) == 1);
}

TEST_CASE("a vote for a poll that closed, or was never open, counts nowhere") {
    Harness h;
    const Id poll = openPoll(h);
    BallotBox box;
    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, poll}}));
    const QString late = cast(h, box, {poll, {0}, u"phone-a"_s, u"10.0.0.5"_s});
    CHECK(late.contains(u"closed"_s));
    CHECK(webVotes(h, poll, 0) == 0);
    CHECK(h.state().poll(poll)->correctedAt == 0); // not taken for a correction of its results
    CHECK_FALSE(cast(h, box, {poll + 100, {0}, u"phone-a"_s, u"10.0.0.5"_s}).isEmpty());
}

TEST_CASE("a ballot that is not a choice of this poll is refused with a reason") {
    Harness h;
    const Id single = openPoll(h);
    BallotBox box;
    const auto refusal = [&](QList<int> options, const QString& voter = u"phone-a"_s) {
        return box.refusal(h.state(), {single, options, voter, u"10.0.0.5"_s});
    };
    CHECK(refusal({}) == u"Choose an option, then vote."_s);
    CHECK(refusal({0, 1}) == u"This poll takes one choice only."_s);
    CHECK(refusal({3}) == u"That choice is not one of this poll's options."_s);
    CHECK(refusal({-1}) == u"That choice is not one of this poll's options."_s);
    CHECK(refusal({0}, QString()).contains(u"cookie"_s));
    CHECK(refusal({0}).isEmpty());

    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, single}}));
    const Id multiple = openPoll(h, true);
    CHECK(box.refusal(h.state(), {multiple, {0, 0}, u"phone-a"_s, u"10.0.0.5"_s}) ==
          u"That choice is not one of this poll's options."_s);
    CHECK(cast(h, box, {multiple, {0, 2}, u"phone-a"_s, u"10.0.0.5"_s}).isEmpty());
    CHECK(webVotes(h, multiple, 0) == 1);
    CHECK(webVotes(h, multiple, 1) == 0);
    CHECK(webVotes(h, multiple, 2) == 1);
}

// A script that drops its cookie each time must not stuff the tally.
TEST_CASE("votes from one address are counted up to a bound, then refused") {
    Harness h;
    const Id poll = openPoll(h);
    BallotBox box;
    for (int i = 0; i < BallotBox::defaultVotesPerAddress; ++i)
        REQUIRE(cast(h, box, {poll, {0}, u"script-%1"_s.arg(i), u"10.0.0.66"_s}).isEmpty());
    const QString refused = cast(h, box, {poll, {0}, u"script-x"_s, u"10.0.0.66"_s});
    CHECK(refused.contains(u"network address"_s));
    CHECK(webVotes(h, poll, 0) == BallotBox::defaultVotesPerAddress);
    CHECK(cast(h, box, {poll, {0}, u"phone-b"_s, u"10.0.0.67"_s}).isEmpty());
}

TEST_CASE("the ballot box remembers what each phone chose, in this session only") {
    Harness h;
    const Id poll = openPoll(h, true);
    BallotBox box;
    box.useSession(h.state().sessionId);
    REQUIRE(cast(h, box, {poll, {2, 0}, u"phone-a"_s, u"10.0.0.5"_s}).isEmpty());
    CHECK(box.choiceOf(poll, u"phone-a"_s) == QList<int>{2, 0});
    CHECK(box.choiceOf(poll, u"phone-b"_s).isEmpty());
    // A rehearsal's poll 1 is not the session's: the phone votes there too.
    box.useSession(h.state().sessionId);
    CHECK(box.hasVoted(poll, u"phone-a"_s));
    box.useSession(u"another-session"_s);
    CHECK_FALSE(box.hasVoted(poll, u"phone-a"_s));
    CHECK(box.refusal(h.state(), {poll, {1}, u"phone-a"_s, u"10.0.0.5"_s}).isEmpty());
}

// A venue whose phones all reach the host through one address: the moderator raises the bound.
TEST_CASE("the bound on votes from one address is the one set") {
    Harness h;
    const Id poll = openPoll(h);
    BallotBox box;
    box.setVotesPerAddress(2);
    REQUIRE(cast(h, box, {poll, {0}, u"phone-a"_s, u"10.0.0.66"_s}).isEmpty());
    REQUIRE(cast(h, box, {poll, {0}, u"phone-b"_s, u"10.0.0.66"_s}).isEmpty());
    CHECK(cast(h, box, {poll, {0}, u"phone-c"_s, u"10.0.0.66"_s}).startsWith(u"2 votes"_s));
    box.setVotesPerAddress(3);
    CHECK(cast(h, box, {poll, {0}, u"phone-c"_s, u"10.0.0.66"_s}).isEmpty());
    CHECK(webVotes(h, poll, 0) == 3);
}

// Any seat with control sends commands: a ballot it names would show a phone a vote it never
// cast, once the page reads the log back.
TEST_CASE("a tally names a phone's ballot only as the voting page does, in the Web column") {
    Harness h;
    const Id poll = openPoll(h);
    const QString digest = BallotBox::ballotOf(h.state().sessionId, poll, u"phone-a"_s);
    const auto tally = [&](const QString& source, const QString& ballot) {
        return h.run(Action::SetTally, {{u"poll"_s, poll},
                                        {u"option"_s, 0},
                                        {u"source"_s, source},
                                        {u"count"_s, 1},
                                        {u"ballot"_s, ballot}});
    };
    CHECK_FALSE(tally(u"onsite"_s, digest));
    CHECK_FALSE(tally(u"web"_s, u"yes"_s));
    CHECK_FALSE(tally(u"web"_s, digest.toUpper()));
    const auto counted = tally(u"web"_s, digest);
    REQUIRE(counted);
    CHECK(counted->data.value(u"ballot"_s).toString() == digest);
    // Read back, the phone voted for option 0; a Web figure typed by hand is no phone's vote.
    BallotBox box;
    box.useSession(h.state().sessionId);
    box.recall({*counted});
    CHECK(box.choiceOf(poll, u"phone-a"_s) == QList<int>{0});
}
