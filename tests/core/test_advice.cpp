#include <catch2/catch.hpp>

#include "commands/advice.h"
#include "fixtures.h"

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

TEST_CASE("suggest-next: a point of order comes first") {
    Harness h;
    h.add(u"Audience 1"_s);
    const Id order = h.add(u"Audience 2"_s, EntryKind::PointOfOrder);
    const auto s = suggestNext(h.state());
    REQUIRE(s);
    CHECK(s->entryId == order);
    CHECK(s->reason.contains(u"point of order"_s));
}

TEST_CASE("suggest-next favours people not yet heard and under-represented voices") {
    Harness h;
    // Audience 1 (government, onsite) speaks twice; Audience 11 is also government and onsite.
    for (int i = 0; i < 2; ++i) {
        h.add(u"Audience 1"_s);
        REQUIRE(h.run(Action::Next));
        REQUIRE(h.run(Action::EndSpeech));
    }
    const Id again = h.add(u"Audience 1"_s);  // spoke already
    h.add(u"Audience 11"_s);                  // new, but same group, region and channel
    const Id online = h.add(u"Audience 2"_s); // new, private sector, online
    const auto s = suggestNext(h.state());
    REQUIRE(s);
    CHECK(s->entryId == online);
    CHECK(s->reason.contains(u"has not spoken yet"_s, Qt::CaseInsensitive));
    CHECK(s->reason.contains(u"online voices not heard yet"_s));
    CHECK(s->entryId != again);
}

// "Unspecified had 0 of 4 interventions; Unspecified had 0 of 4 interventions" said nothing.
TEST_CASE("suggest-next gives no reason for a group or region nobody stated") {
    Plan plan = crowdPlan();
    Participant newcomer;
    newcomer.name = u"Newcomer"_s; // group and region unspecified
    plan.participants << newcomer;
    Harness h(plan);
    for (int i = 0; i < 2; ++i) {
        h.add(u"Audience 1"_s);
        REQUIRE(h.run(Action::Next));
        REQUIRE(h.run(Action::EndSpeech));
    }
    const Id entry = h.add(u"Newcomer"_s);
    const auto s = suggestNext(h.state());
    REQUIRE(s);
    REQUIRE(s->entryId == entry);
    CHECK(s->reason.contains(u"has not spoken yet"_s, Qt::CaseInsensitive));
    CHECK_FALSE(s->reason.contains(label(StakeholderGroup::Unspecified)));
    CHECK_FALSE(s->reason.contains(label(Region::Unspecified)));
}

// Someone added in a hurry, group and region left blank, took the full credit of a group and a
// region never heard, and was suggested before people of groups heard less than the rest.
TEST_CASE("suggest-next does not favour someone whose group and region were left blank") {
    Plan plan = crowdPlan();
    Participant newcomer;
    newcomer.name = u"Newcomer"_s; // group and region unspecified, onsite
    plan.participants << newcomer;
    Harness h(plan);
    for (const QString& who : {u"Panelist A"_s, u"Audience 1"_s, u"Audience 3"_s}) {
        h.add(who);
        REQUIRE(h.run(Action::Next));
        REQUIRE(h.run(Action::EndSpeech));
    }
    h.add(u"Newcomer"_s);
    const Id heardLess = h.add(u"Audience 11"_s); // onsite too; its group had 1 of 3
    const auto s = suggestNext(h.state());
    REQUIRE(s);
    CHECK(s->entryId == heardLess);
    // Why not the first in the queue: "Has not spoken yet" alone was true of both.
    CHECK(s->reason.contains(u"Newcomer's stakeholder group and region are not stated"_s));
    CHECK_FALSE(s->reason.contains(u"has not spoken yet"_s, Qt::CaseInsensitive));
}

TEST_CASE("suggest-next on a fresh session keeps the queue order, and says so") {
    Harness h;
    const Id first = h.add(u"Audience 3"_s);
    h.add(u"Audience 4"_s);
    const auto s = suggestNext(h.state());
    REQUIRE(s);
    CHECK(s->entryId == first);
    CHECK_FALSE(s->reason.isEmpty());
    REQUIRE(h.run(Action::WithdrawEntry, {{u"entry"_s, first}}));
    CHECK(suggestNext(h.state())->entryId != first);
}

TEST_CASE("no suggestion when nobody waits") {
    Harness h;
    CHECK_FALSE(suggestNext(h.state()));
}

// The one speaking, queued again for a new point, was suggested as "has not spoken yet".
TEST_CASE("suggest-next counts the speech under way as heard") {
    Harness h;
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next)); // Audience 1 has the floor, for the first time
    const Id again = h.add(u"Audience 1"_s);
    const Id other = h.add(u"Audience 11"_s); // same group, region and channel, not heard
    const auto s = suggestNext(h.state());
    REQUIRE(s);
    CHECK(s->entryId == other);
    CHECK(s->entryId != again);
    CHECK(speechesBy(h.state(), h.state().floor->entry.participantId) == 1);
}
