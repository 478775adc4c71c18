#include <catch2/catch.hpp>

#include "models/agenda_model.h"
#include "models/balance.h"
#include "models/participants_model.h"
#include "models/queue_model.h"
#include "models/tally_model.h"
#include "models/timeline_model.h"
#include "theme/timer_colours.h"
#include "ui_support.h"

#include <QAbstractItemModelTester>
#include <QCborArray>
#include <QSignalSpy>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

using Mode = QAbstractItemModelTester::FailureReportingMode;

// A busy stretch of session: every kind of change the models mirror.
void runSession(Harness& h) {
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    const Id a = h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    h.add(u"Audience 3"_s, EntryKind::Reply, a);
    REQUIRE(h.run(Action::Next));
    h.clock.advance(70'000);
    REQUIRE(h.run(Action::AddParticipant, {{u"name"_s, u"Newcomer"_s}}));
    REQUIRE(h.run(Action::EditParticipant, {{u"participant"_s, h.participantNamed(u"Audience 2"_s)},
                                            {u"gender"_s, u"f"_s}}));
    REQUIRE(h.run(Action::Next));
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 1}}));
    h.clock.advance(30'000);
    REQUIRE(h.run(Action::EndSpeech));
    auto poll = h.run(Action::CreatePoll, {{u"question"_s, u"Q?"_s},
                                           {u"options"_s, QCborArray{u"a"_s, u"b"_s, u"c"_s}}});
    REQUIRE(poll);
    const Id p = poll->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
    REQUIRE(h.run(Action::SetTally,
                  {{u"poll"_s, p}, {u"option"_s, 1}, {u"source"_s, u"online"_s}, {u"count"_s, 7}}));
    REQUIRE(
        h.run(Action::RemoveParticipant, {{u"participant"_s, h.participantNamed(u"Newcomer"_s)}}));
    REQUIRE(h.run(Action::RemovePoll, {{u"poll"_s, p}}));
    h.engine.reset(h.state());
}

} // namespace

TEST_CASE("every item model passes the model tester while events are applied") {
    CockpitHarness h;
    QueueModel queue(h.engine);
    ParticipantsModel people(h.engine);
    TimelineModel timeline(h.engine, [&] { return h.clock.nowMs(); });
    AgendaModel agenda(h.engine);
    TallyModel tallies(h.engine);
    QAbstractItemModelTester t1(&queue, Mode::Fatal);
    QAbstractItemModelTester t2(&people, Mode::Fatal);
    QAbstractItemModelTester t3(&timeline, Mode::Fatal);
    QAbstractItemModelTester t4(&agenda, Mode::Fatal);
    QAbstractItemModelTester t5(&tallies, Mode::Fatal);
    QObject::connect(&h.engine, &SessionEngine::eventApplied, [&](const Event& e) {
        if (e.action == Action::CreatePoll)
            tallies.setPoll(e.data.value(u"poll"_s).toMap().value(u"id"_s).toInteger());
    });
    runSession(h);
    CHECK(queue.rowCount() == 1);
    CHECK(people.rowCount() == int(h.state().participants.size()));
    CHECK(timeline.rowCount() == 2);
    CHECK(agenda.rowCount() == 3);
    CHECK(agenda.index(1, AgendaModel::Status).data().toString() == u"Running"_s);
    CHECK(tallies.rowCount() == 0); // its poll was removed
}

TEST_CASE("the timeline shows each speech with who, where, how long") {
    CockpitHarness h;
    TimelineModel timeline(h.engine, [&] { return h.clock.nowMs(); });
    h.add(u"Audience 2"_s); // online, audience: 2 minutes
    REQUIRE(h.run(Action::Next));
    h.clock.advance(150'000);
    REQUIRE(h.run(Action::EndSpeech));
    REQUIRE(timeline.rowCount() == 1);
    CHECK(timeline.index(0, TimelineModel::Speaker).data().toString() == u"Audience 2"_s);
    CHECK(timeline.index(0, TimelineModel::Channel).data().toString() == label(Presence::Online));
    CHECK(timeline.index(0, TimelineModel::Duration).data().toString() == u"2:30 (+0:30)"_s);
}

TEST_CASE("the timeline's last row is the speech under way, counted as the clock runs") {
    CockpitHarness h;
    TimelineModel timeline(h.engine, [&] { return h.clock.nowMs(); });
    QAbstractItemModelTester tester(&timeline, Mode::Fatal);
    h.add(u"Audience 1"_s); // onsite audience: 2 minutes
    h.add(u"Audience 2"_s);
    REQUIRE(h.run(Action::Next));
    h.clock.advance(65'000);
    timeline.refresh();
    REQUIRE(timeline.rowCount() == 1);
    CHECK(timeline.index(0, TimelineModel::Speaker).data().toString() == u"Audience 1"_s);
    CHECK(timeline.index(0, TimelineModel::Duration).data().toString() == u"1:05 (speaking)"_s);
    h.clock.advance(85'000);
    timeline.refresh();
    CHECK(timeline.index(0, TimelineModel::Duration).data().toString() ==
          u"2:30 (+0:30, speaking)"_s);

    // The next speaker called while the first still speaks: the first row is kept (a reset
    // would lose what the rapporteur selected), the new speech comes under it.
    QSignalSpy resets(&timeline, &QAbstractItemModel::modelReset);
    h.clock.advance(150); // between two ticks
    REQUIRE(h.run(Action::Next));
    CHECK(resets.isEmpty());
    REQUIRE(timeline.rowCount() == 2);
    CHECK(timeline.index(0, TimelineModel::Duration).data().toString() == u"2:30 (+0:30)"_s);
    CHECK(timeline.index(1, TimelineModel::Speaker).data().toString() == u"Audience 2"_s);
    CHECK(timeline.index(1, TimelineModel::Duration).data().toString() == u"0:00 (speaking)"_s);
    REQUIRE(h.run(Action::EndSpeech));
    CHECK(timeline.index(1, TimelineModel::Duration).data().toString() == u"0:00"_s);
    CHECK_FALSE(timeline.isUnderWay(1));
}

TEST_CASE("balance counts interventions and time by group, region, channel and gender") {
    CockpitHarness h;
    h.add(u"Audience 1"_s); // government, african, onsite
    h.add(u"Audience 2"_s); // private sector, asia-pacific, online
    REQUIRE(h.run(Action::Next));
    h.clock.advance(60'000);
    REQUIRE(h.run(Action::Next));
    h.clock.advance(30'000); // still speaking: counts live
    const auto byChannel = balanceBy(h.state(), h.clock.nowMs(), BalanceDimension::Presence);
    REQUIRE(byChannel.size() == 2);
    CHECK(byChannel[0].interventions == 1);
    CHECK(byChannel[0].spokeMs == 60'000);
    CHECK(byChannel[1].interventions == 1);
    CHECK(byChannel[1].spokeMs == 30'000);
    const auto byGroup = balanceBy(h.state(), h.clock.nowMs(), BalanceDimension::Group);
    // unheard groups show, at zero, but an unheard "Unspecified" tells nothing
    REQUIRE(byGroup.size() == enumCount<StakeholderGroup>() - 1);
    CHECK(byGroup[int(StakeholderGroup::CivilSociety)].interventions == 0);
    CHECK(byGroup.last().label != label(StakeholderGroup::Unspecified));
    CHECK(balanceBy(h.state(), h.clock.nowMs(), BalanceDimension::Region).size() ==
          enumCount<Region>() - 1);
    const auto byGender = balanceBy(h.state(), h.clock.nowMs(), BalanceDimension::Gender);
    REQUIRE(byGender.size() == 1);
    CHECK(byGender[0].interventions == 2);

    REQUIRE(h.run(Action::AddParticipant, {{u"name"_s, u"Newcomer"_s}})); // no group, no region
    h.add(u"Newcomer"_s);
    REQUIRE(h.run(Action::Next));
    const auto heard = balanceBy(h.state(), h.clock.nowMs(), BalanceDimension::Group);
    REQUIRE(heard.size() == enumCount<StakeholderGroup>());
    CHECK(heard.last().label == label(StakeholderGroup::Unspecified));
    CHECK(heard.last().interventions == 1);
}

TEST_CASE("a segment's actual time counts whole seconds passed, so it and the time left add up") {
    CockpitHarness h;
    AgendaModel agenda(h.engine);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    h.clock.advance(4'600);
    CHECK(agenda.index(0, AgendaModel::Actual).data().toString() == u"0:04"_s);
    const qint64 left = h.state().segmentClock.remainingMs(h.engine.now());
    CHECK(formatCountdown(left) == formatDuration(h.state().segments[0].plannedMs - 4'000));
}

// "Running", in plain text, for a segment past its time: the overrun was easy to miss.
TEST_CASE("a segment past its time says by how much in the agenda's status, in the overtime red") {
    CockpitHarness h;
    AgendaModel agenda(h.engine);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}})); // 5 minutes
    h.clock.advance(4 * 60'000);
    const QModelIndex status = agenda.index(0, AgendaModel::Status);
    CHECK(status.data().toString() == u"Running"_s);
    CHECK_FALSE(status.data(Qt::ForegroundRole).isValid());
    h.clock.advance(60'000 + 500); // not "0:00 over", in red, the moment it runs out
    CHECK(status.data().toString() == u"Running"_s);
    CHECK_FALSE(status.data(Qt::ForegroundRole).isValid());
    h.clock.advance(13'500);
    CHECK(status.data().toString() == u"0:14 over"_s);
    CHECK(status.data(Qt::ForegroundRole).value<QColor>() ==
          phaseColours(TimerPhase::Overtime, {}, {}).background);
}
