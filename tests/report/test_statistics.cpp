#include <catch2/catch.hpp>

#include "csv_parser.h"
#include "model/reducer.h"

#include "model/codec.h"

#include "report/csv.h"
#include "report/markdown.h"
#include "report/report.h"
#include "report_fixture.h"

#include <algorithm>

using namespace podium;
using namespace podium::report;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

struct Expected {
    QString label;
    int interventions;
    qint64 seconds;
    double interventionPercent;
    double timePercent;
};

void checkBreakdown(const Breakdown& b, const QList<Expected>& expected) {
    INFO("breakdown: " << b.title.toStdString());
    REQUIRE(b.shares.size() == expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        INFO("row " << i << ": " << b.shares[i].label.toStdString());
        CHECK(b.shares[i].label == expected[i].label);
        CHECK(b.shares[i].interventions == expected[i].interventions);
        CHECK(b.shares[i].speakingMs == expected[i].seconds * 1000);
        CHECK(b.shares[i].interventionPercent == Approx(expected[i].interventionPercent));
        CHECK(b.shares[i].timePercent == Approx(expected[i].timePercent));
    }
}

} // namespace

TEST_CASE("the report counts every intervention and second exactly") {
    ScriptedSession s;
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));

    // Speeches: Manal 180, Adiel 300, Ana 90, Leila 120, Wang 60, Hosein 240, Ana 30.
    REQUIRE(r.speeches.size() == 7);
    CHECK(r.totalInterventions == 7);
    CHECK(r.totalSpeakingMs == 1'020'000); // 180+300+90+120+60+240+30 = 1020 s
    const QList<qint64> spoke = {180, 300, 90, 120, 60, 240, 30};
    for (int i = 0; i < 7; ++i)
        CHECK(r.speeches[i].speech.spokeMs == spoke[i] * 1000);
    // Adiel paused for 30 s: on the wall 330 s, spoken 300 s.
    CHECK(r.speeches[1].speech.endedAt - r.speeches[1].speech.startedAt == 330'000);
    CHECK(r.speeches[4].speaker.name == chineseName);
    CHECK(r.speeches[4].speech.kind == EntryKind::Reply);
    CHECK(r.speeches[6].speech.channel == Presence::Onsite); // Ana, from the room this time
    CHECK(r.speeches[0].segmentTitle == u"Opening"_s);
    CHECK(r.speeches[5].segmentTitle == u"Wrap-up"_s);
    CHECK(r.sessionElapsedMs == 1'200'000);
    CHECK(r.sessionStartedAt == s.t0);
}

TEST_CASE("balance of voices by group, region, presence, gender and role, with percentages") {
    ScriptedSession s;
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    // 7 interventions, 1020 s. Shares: 1/7 = 14.2857 %, 2/7 = 28.5714 %, 4/7 = 57.1429 %.
    const double one = 100.0 / 7, two = 200.0 / 7;
    auto t = [](double seconds) {
        return 100.0 * seconds / 1020.0;
    };
    // Government: Manal 180 + Wang 60 = 240; private sector: Ana 90 + 30 = 120; civil society:
    // Leila 120 + Hosein 240 = 360; technical community: Adiel 300; intergovernmental: silent.
    checkBreakdown(r.balance.group, {{u"Government"_s, 2, 240, two, t(240)},
                                     {u"Private sector"_s, 2, 120, two, t(120)},
                                     {u"Civil society"_s, 2, 360, two, t(360)},
                                     {u"Technical community"_s, 1, 300, one, t(300)},
                                     {u"Intergovernmental"_s, 0, 0, 0.0, 0.0}});
    CHECK(t(360) == Approx(35.2941));
    // African: Manal 180 + Hosein 240 = 420; Asia-Pacific: Leila 120 + Wang 60 = 180;
    // Latin America: Ana 120; WEOG: Adiel 300.
    checkBreakdown(r.balance.region, {{u"African Group"_s, 2, 420, two, t(420)},
                                      {u"Asia-Pacific Group"_s, 2, 180, two, t(180)},
                                      {u"Eastern European Group"_s, 0, 0, 0.0, 0.0},
                                      {u"Latin American and Caribbean"_s, 2, 120, two, t(120)},
                                      {u"Western European and Others"_s, 1, 300, one, t(300)}});
    // By channel: onsite Manal 180 + Adiel 300 + Wang 60 + Hosein 240 + Ana 30 = 810 (5);
    // online Ana 90 + Leila 120 = 210 (2).
    checkBreakdown(r.balance.presence,
                   {{u"Onsite"_s, 5, 810, 500.0 / 7, t(810)}, {u"Online"_s, 2, 210, two, t(210)}});
    CHECK(t(810) == Approx(79.4118));
    // "female" (Manal 180) and "Female" (Leila 120) are one group: 300; male: Adiel 300 +
    // Wang 60 + Hosein 240 = 600 (3); Ana stated none: 120 (2). Each with a capital, as rows
    // have ("Female" stood above "male").
    checkBreakdown(r.balance.gender, {{u"Female"_s, 2, 300, two, t(300)},
                                      {u"Male"_s, 3, 600, 300.0 / 7, t(600)},
                                      {u"Not stated"_s, 2, 120, two, t(120)}});
    // Moderator 180; panelists Adiel 300 + Hosein 240 = 540; audience 90+120+60+30 = 300.
    // Online moderator and rapporteur did not speak and are left out.
    checkBreakdown(r.balance.role, {{u"Moderator"_s, 1, 180, one, t(180)},
                                    {u"Panelist"_s, 2, 540, two, t(540)},
                                    {u"Audience"_s, 4, 300, 400.0 / 7, t(300)}});
}

TEST_CASE("participants counted from the roster and from who took the floor") {
    ScriptedSession s;
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    CHECK(r.attendance.registeredOnsite == 6); // Manal, David, Vera, Adiel, Hosein, Wang
    CHECK(r.attendance.registeredOnline == 3); // Ana, Leila, Silent Listener
    CHECK(r.attendance.speakers == 6);         // everyone who spoke, Ana once
    CHECK(r.attendance.speakersOnsite == 5);   // Manal, Adiel, Wang, Hosein, Ana (2nd time)
    CHECK(r.attendance.speakersOnline == 2);   // Ana, Leila
    CHECK(r.moderators.size() == 2);
    CHECK(r.rapporteurs.size() == 1);
    CHECK(r.panelists.size() == 2);
}

TEST_CASE("agenda planned versus actual") {
    ScriptedSession s;
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    REQUIRE(r.agenda.size() == 3);
    CHECK(r.agenda[0].plannedMs == 300'000);
    CHECK(r.agenda[0].actualMs == 240'000); // 0 → 240
    CHECK(r.agenda[1].actualMs == 600'000); // 240 → 840
    CHECK(r.agenda[2].actualMs == 360'000); // 840 → 1200
    CHECK(r.agenda[2].startedAt == s.at(840));
    CHECK_FALSE(r.agenda[2].running);
}

// The moderator called Wout, then moved the agenda on to question 3 as he began: the report put
// his five minutes on question 3 under question 2, whose own time was three minutes.
TEST_CASE("a speech goes with the segment most of it was given in") {
    Harness h(scriptedPlan());
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    const Id first = h.add(u"Manal Ismail"_s);
    REQUIRE(h.run(Action::Next));
    h.clock.advance(3'000);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 1}, {u"expectActive"_s, 0}}));
    h.clock.advance(300'000);
    h.add(u"Adiel Akplogan"_s); // most of his in the first segment, then the agenda moves on
    REQUIRE(h.run(Action::Next));
    h.clock.advance(100'000);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 2}, {u"expectActive"_s, 1}}));
    h.clock.advance(20'000);
    REQUIRE(h.run(Action::EndSpeech));
    const SessionState& s = h.state();
    REQUIRE(s.speeches.size() == 2);
    REQUIRE(s.speeches[0].entryId == first);
    REQUIRE(s.speeches[0].segment == 0); // when the speaker was called

    const Report r = buildReport(s, {}, h.clock.nowMs());
    REQUIRE(r.speeches.size() == 2);
    CHECK(r.speeches[0].segmentTitle == s.segments[1].title);
    CHECK(r.speeches[1].segmentTitle == s.segments[1].title);
    CHECK(s.segmentMostOf(s.speeches[0]) == 1);
}

TEST_CASE("notes go with the speech during which they were written") {
    ScriptedSession s;
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    REQUIRE(r.speeches[0].notes.size() == 1);
    CHECK(r.speeches[0].notes[0].id == 1);
    REQUIRE(r.speeches[1].notes.size() == 1);
    CHECK(r.speeches[1].notes[0].kind == NoteKind::KeyTakeaway);
    REQUIRE(r.speeches[3].notes.size() == 1);
    CHECK(r.speeches[3].notes[0].kind == NoteKind::CallToAction);
    CHECK(r.speeches[2].notes.isEmpty());
    // Key takeaways and calls to action are also gathered up front, in the order written.
    REQUIRE(r.keyTakeaways.size() == 2);
    CHECK(r.keyTakeaways[0].id == 2);
    CHECK(r.keyTakeaways[1].id == 5);
    REQUIRE(r.callsToAction.size() == 1);
    // Notes written while nobody spoke have their own place after the log, of every kind: a
    // takeaway written between speeches was only up front, and missing from the log's end.
    REQUIRE(r.otherNotes.size() == 2);
    CHECK(r.otherNotes[0].id == 4);
    CHECK(r.otherNotes[1].id == 5);
    CHECK(r.otherNotes[1].kind == NoteKind::KeyTakeaway);
}

TEST_CASE("polls that ran are reported with their tallies, drafts are left out") {
    ScriptedSession s;
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    REQUIRE(r.polls.size() == 1);
    const Poll& p = r.polls[0];
    CHECK(p.totalVotes() == 50);
    CHECK(p.combined(0) == 30); // 12 onsite + 18 online
    CHECK(p.percentage(0) == Approx(60.0));
    CHECK(p.tallies[1] == Tally{5, 0, 5});
}

// Polls are written ahead and asked as the debate goes: the report listed them as written, so
// the rapporteur's account of the session ran out of order.
TEST_CASE("the report lists polls in the order they were asked, one never opened last") {
    Harness h(scriptedPlan());
    const auto create = [&](const QString& question) {
        const auto created =
            h.run(Action::CreatePoll,
                  {{u"question"_s, question}, {u"options"_s, QCborArray{u"a"_s, u"b"_s}}});
        REQUIRE(created);
        return created->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
    };
    const auto ask = [&](Id poll) {
        REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, poll}}));
        h.clock.advance(60'000);
        REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, poll}}));
    };
    const Id written1 = create(u"Written first, asked second"_s);
    const Id typedIn = create(u"Never opened, its tally typed in"_s);
    const Id written3 = create(u"Written third, asked first"_s);
    REQUIRE(h.run(
        Action::SetTally,
        {{u"poll"_s, typedIn}, {u"option"_s, 0}, {u"source"_s, u"onsite"_s}, {u"count"_s, 4}}));
    ask(written3);
    ask(written1);
    const auto questions = [](const Report& r) {
        QStringList list;
        for (const Poll& p : r.polls)
            list << p.question;
        return list;
    };
    const Report r = buildReport(h.state(), {}, h.clock.nowMs());
    CHECK(questions(r) == QStringList{u"Written third, asked first"_s,
                                      u"Written first, asked second"_s,
                                      u"Never opened, its tally typed in"_s});
    const CsvParse csv = parseCsv(pollTalliesCsv(r)); // numbered the same way: poll 1 first
    REQUIRE(csv.records.size() == 7);                 // a header, two options for each poll
    CHECK(csv.records[1].mid(0, 2) == QStringList{u"1"_s, u"Written third, asked first"_s});
    CHECK(csv.records[5].mid(0, 2) == QStringList{u"3"_s, u"Never opened, its tally typed in"_s});
    // A file from before polls kept their times: as written, as before.
    SessionState old = h.state();
    for (Poll& p : old.polls)
        p.openedAt = p.closedAt = 0;
    CHECK(questions(buildReport(old, {}, h.clock.nowMs())) ==
          QStringList{u"Written first, asked second"_s, u"Never opened, its tally typed in"_s,
                      u"Written third, asked first"_s});
}

// The log showed 21 s and 24 s, the group's line 46 s: each total was rounded on its own.
TEST_CASE("speaking time totals and shares add up from the log's whole seconds") {
    Harness h(scriptedPlan());
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    for (const qint64 ms : {21'700, 24'600}) {
        h.add(u"Hosein Badran"_s);
        REQUIRE(h.run(Action::Next));
        h.clock.advance(ms);
        REQUIRE(h.run(Action::EndSpeech));
    }
    const Report r = buildReport(h.state(), {}, h.clock.nowMs());
    REQUIRE(r.speeches.size() == 2);
    CHECK(r.totalSpeakingMs == 45'000);
    const auto onsite =
        std::find_if(r.balance.presence.shares.cbegin(), r.balance.presence.shares.cend(),
                     [](const Share& s) { return s.interventions == 2; });
    REQUIRE(onsite != r.balance.presence.shares.cend());
    CHECK(onsite->speakingMs == 45'000);
    CHECK(r.speeches[0].speech.spokeMs == 21'700); // the log keeps the exact time (the CSV has it)
}

TEST_CASE("a report made while someone is speaking counts the speech so far") {
    Harness h(scriptedPlan());
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    const Id entry = h.add(u"Hosein Badran"_s);
    REQUIRE(h.run(Action::Next));
    h.clock.advance(45'000);
    const Note note{1, h.clock.nowMs(), entry, NoteKind::Note, u"live"_s};
    const Report r = buildReport(h.state(), {note}, h.clock.nowMs());
    REQUIRE(r.speeches.size() == 1);
    CHECK(r.speeches[0].ongoing);
    CHECK(r.speeches[0].speech.spokeMs == 45'000);
    CHECK(r.speeches[0].notes.size() == 1);
    CHECK(r.totalSpeakingMs == 45'000);
    CHECK(r.agenda[0].running);
    CHECK(r.agenda[0].actualMs == 45'000);
}

// The moderator paused the clocks in Wrap-up and left it there: the segment's time grew with
// every export after, and differed from seat to seat.
TEST_CASE("a segment under way whose clock is paused keeps the time its clock shows") {
    Harness h(scriptedPlan());
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    h.clock.advance(45'000);
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"segment"_s}}));
    h.clock.advance(60 * 60'000);
    const Report r = buildReport(h.state(), {}, h.clock.nowMs());
    CHECK(r.agenda[0].running);
    CHECK(r.agenda[0].paused);
    CHECK(r.agenda[0].actualMs == 45'000);
    CHECK(toMarkdown(r, QLocale(QLocale::English)).contains(u"45\u00a0s (paused)"_s));
}

// Paused for ten minutes, the segment's "Actual" read 2:40 while it ran, then jumped to 13:20
// (its wall time) once the next segment began.
TEST_CASE("an ended segment keeps the time its clock showed, pauses left out") {
    Harness h(scriptedPlan());
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    h.clock.advance(60'000);
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"segment"_s}}));
    h.clock.advance(10 * 60'000);
    REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"segment"_s}}));
    h.clock.advance(100'000);
    const qint64 running = buildReport(h.state(), {}, h.clock.nowMs()).agenda[0].actualMs;
    CHECK(running == 160'000);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 1}, {u"expectActive"_s, 0}}));
    h.clock.advance(5'000);
    const Report r = buildReport(h.state(), {}, h.clock.nowMs());
    CHECK_FALSE(r.agenda[0].running);
    CHECK(r.agenda[0].actualMs == running);
    CHECK(codec::sessionState(codec::toCbor(h.state())) == h.state()); // kept in saved states

    // An agenda edit keeps what ran: a command cannot give it, nor take it away.
    QList<Segment> edited = h.state().segments;
    edited[0].ranMs = 1;
    edited[2].ranMs = 99;
    REQUIRE(h.run(Action::EditAgenda, {{u"agenda"_s, codec::toCborArray(edited)}}));
    CHECK(h.state().segments[0].ranMs == running);
    CHECK_FALSE(h.state().segments[2].ranMs);
    edited[0].ranMs.reset();
    REQUIRE(h.run(Action::EditAgenda, {{u"agenda"_s, codec::toCborArray(edited)}}));
    CHECK(h.state().segments[0].ranMs == running);

    // An event from before the clock's time was kept replays as it did then: wall time.
    Event old;
    old.seq = h.state().lastSeq + 1;
    old.at = h.clock.nowMs();
    old.action = Action::StartSegment;
    old.data = QCborMap{{u"index"_s, 2}};
    const SessionState replayed = apply(h.state(), old);
    CHECK_FALSE(replayed.segments[1].ranMs);
    CHECK(segmentActualMs(replayed, 1, old.at) == 5'000);
}

TEST_CASE("an empty session gives an empty report, not an error") {
    const Report r = buildReport(SessionState{}, {}, 1'800'000'000'000);
    CHECK(r.speeches.isEmpty());
    CHECK(r.totalInterventions == 0);
    CHECK(r.attendance.speakers == 0);
    for (const Breakdown& b : r.balance.all()) {
        for (const Share& share : b.shares) {
            CHECK(share.interventionPercent == 0.0); // no division by zero
            CHECK(share.timePercent == 0.0);
        }
    }
}
