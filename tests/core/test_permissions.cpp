#include <catch2/catch.hpp>

#include "commands/authority.h"
#include "fixtures.h"
#include "model/codec.h"

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

TEST_CASE("a read-only seat (rapporteur, display) can change nothing") {
    Harness h;
    h.add(u"Audience 1"_s);
    const QByteArray before = codec::digest(h.state());
    for (int a = firstAction; a <= lastAction; ++a) {
        auto r =
            h.run(Action(a), {{u"participant"_s, 1}, {u"entry"_s, 1}, {u"timer"_s, u"session"_s}},
                  Authority::ReadOnly);
        INFO(actionKey(Action(a)).toStdString());
        REQUIRE_FALSE(r);
        CHECK(r.error().contains(u"read-only"_s));
    }
    CHECK(codec::digest(h.state()) == before);
}

TEST_CASE("the online moderator runs the queue and tallies but not the agenda or session") {
    CHECK(isPermitted(Authority::OnlineModerator, Action::AddEntry));
    CHECK(isPermitted(Authority::OnlineModerator, Action::Next));
    CHECK(isPermitted(Authority::OnlineModerator, Action::SetTally));
    CHECK(isPermitted(Authority::OnlineModerator, Action::AdjustTimer));
    CHECK_FALSE(isPermitted(Authority::OnlineModerator, Action::StartSegment));
    CHECK_FALSE(isPermitted(Authority::OnlineModerator, Action::CreatePoll));
    CHECK_FALSE(isPermitted(Authority::OnlineModerator, Action::EditSession));
    CHECK_FALSE(isPermitted(Authority::OnlineModerator, Action::EditAgenda));
    Harness h;
    auto r = h.run(Action::StartSegment, {{u"index"_s, 0}}, Authority::OnlineModerator);
    REQUIRE_FALSE(r);
    CHECK(r.error().contains(u"in-room moderator"_s));
}

// Their own quick add of someone new came back as an undo step "Only the in-room moderator can
// do that" refused, every time.
TEST_CASE("the online moderator removes a participant nobody waits for or heard") {
    Harness h;
    const auto added =
        h.run(Action::AddParticipant, {{u"name"_s, u"Ali Remote"_s}}, Authority::OnlineModerator);
    REQUIRE(added);
    const Id ali = added->data.value(u"participant"_s).toMap().value(u"id"_s).toInteger();
    CHECK(h.run(Action::RemoveParticipant, {{u"participant"_s, ali}}, Authority::OnlineModerator));
    CHECK_FALSE(h.state().participant(ali));
    h.add(u"Audience 1"_s);
    const auto waiting =
        h.run(Action::RemoveParticipant, {{u"participant"_s, h.participantNamed(u"Audience 1"_s)}},
              Authority::OnlineModerator);
    REQUIRE_FALSE(waiting);
    CHECK(waiting.error() == u"Audience 1 has an entry in the queue: they stay on the roster."_s);
    REQUIRE(h.run(Action::Next));
    CHECK(
        h.run(Action::RemoveParticipant, {{u"participant"_s, h.participantNamed(u"Audience 1"_s)}})
            .error() == u"Audience 1 has the floor: they stay on the roster."_s);
    REQUIRE(h.run(Action::EndSpeech));
    CHECK(
        h.run(Action::RemoveParticipant, {{u"participant"_s, h.participantNamed(u"Audience 1"_s)}})
            .error()
            .startsWith(u"Audience 1 has spoken, and the report counts it"_s));
}

TEST_CASE("a session is only ever created from a plan, never by command") {
    Harness h;
    CHECK_FALSE(h.run(Action::CreateSession, {}, Authority::Moderator));
}
