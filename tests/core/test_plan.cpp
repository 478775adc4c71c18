#include <catch2/catch.hpp>

#include "fixtures.h"
#include "model/codec.h"

#include <QFile>
#include <QTemporaryDir>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

TEST_CASE("a session plan survives export and import unchanged") {
    Plan plan = crowdPlan(20);
    plan.info.policyQuestions << u"Q1?"_s << u"سؤال؟"_s;
    plan.info.date = u"2026-12-08"_s;
    plan.info.start = u"10:30"_s;
    plan.participants[4].gender = u"non-binary"_s;
    plan.participants[5].name = u"张伟 <b>&amp;</b>"_s;
    plan.allotments.audienceMs = 90'000;
    auto back = parsePlan(planToJson(plan));
    REQUIRE(back);
    CHECK(back.value() == plan);
}

// An organizer could write the session's people and agenda ahead, and not its polls.
TEST_CASE("a plan's polls come into the new session as drafts, and go out again without votes") {
    Plan plan = crowdPlan(3);
    const auto parsed = parsePlan(R"({"podiumPlan": 1, "session": {"title": "x"},
        "polls": [{"question": "Which topic next year?", "options": ["DNS", "AI", "DNS"],
                   "multipleChoice": true},
                  {"question": "Was this useful?", "options": ["Yes", "No"]}]})");
    REQUIRE(parsed);
    REQUIRE(parsed->polls.size() == 2);
    CHECK(parsed->polls[0].options == QStringList{u"DNS"_s, u"AI"_s}); // once each
    CHECK(parsed->polls[0].multipleChoice);
    CHECK_FALSE(parsed->polls[1].multipleChoice);
    plan.polls = parsed->polls;

    Harness h(plan);
    REQUIRE(h.state().polls.size() == 2);
    const Poll& first = h.state().polls[0];
    CHECK(first.status == PollStatus::Draft);
    CHECK(first.question == u"Which topic next year?"_s);
    CHECK(first.totalVotes() == 0);
    CHECK(first.id > h.state().participants.last().id); // ids of their own
    CHECK(h.state().polls[1].id != first.id);
    CHECK(h.add(u"Audience 1"_s) != 0); // later ids clash with none of them
    CHECK_FALSE(h.state().poll(h.state().queue.last().id));

    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, first.id}}));
    REQUIRE(h.run(
        Action::SetTally,
        {{u"poll"_s, first.id}, {u"option"_s, 0}, {u"source"_s, u"onsite"_s}, {u"count"_s, 12}}));
    const Plan again = planOf(h.state());
    REQUIRE(again.polls.size() == 2);
    CHECK(again.polls[0].status == PollStatus::Draft);
    CHECK(again.polls[0].totalVotes() == 0);
    auto back = parsePlan(planToJson(again));
    REQUIRE(back);
    CHECK(back->polls == again.polls);
}

TEST_CASE("the plan of a running session leaves out what happened, keeps what was prepared") {
    Harness h;
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    const Plan plan = planOf(h.state());
    CHECK(plan == crowdPlan());
}

TEST_CASE("the built-in demo session is the IGF workshop") {
    const Plan demo = demoPlan();
    CHECK(demo.info.title.contains(u"Securing the Internet"_s));
    CHECK(demo.info.plannedMs == 90 * 60'000);
    CHECK(demo.info.policyQuestions.size() == 3);
    REQUIRE(demo.participants.size() == 6);
    CHECK(demo.participants[0].name == u"Manal Ismail"_s);
    CHECK(demo.participants[0].role == Role::Moderator);
    CHECK(demo.participants[5].group == StakeholderGroup::CivilSociety);
    qint64 agenda = 0;
    for (const Segment& s : demo.segments)
        agenda += s.plannedMs;
    CHECK(agenda == demo.info.plannedMs);
}

TEST_CASE("each kind of malformed plan gets a clear error") {
    struct Case {
        const char* json;
        const char* says;
    };
    const Case cases[] = {
        {"{ not json", "not valid JSON"},
        // Where an editor shows it (a byte offset had a moderator count characters), and the
        // likely slip: a comma missing at the end of line 2.
        {"{\n  \"podiumPlan\": 1\n  \"session\": {\"title\": \"é\"}\n}",
         "at line 3, column 3 (often a comma missing at the end of the line before"},
        {"{\"podiumPlan\": 1,\n \"session\": {\"title\": \"ééé", "at line 2,"},
        {"[1, 2]", "JSON object"},
        {R"({"session": {"title": "x"}})", "not a Podium session plan"},
        {R"({"podiumPlan": 9, "session": {"title": "x"}})", "newer Podium"},
        {R"({"podiumPlan": 1, "session": {}})", "no title"},
        {R"({"podiumPlan": 1, "session": {"title": "x", "durationMinutes": -5}})",
         "durationMinutes"},
        {R"({"podiumPlan": 1, "session": {"title": "x", "start": "10.30 am"}})",
         "\"start\" is the time the session begins, written HH:MM"},
        {R"({"podiumPlan": 1, "session": {"title": "x", "start": "25:00"}})", "not \"25:00\""},
        {R"({"podiumPlan": 1, "session": {"title": "x", "start": 1030}})",
         "\"start\" must be text"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "participants": [{"affiliation": "y"}]})",
         "participant 1 has no name"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "participants": [{"name": "a", "group": "press"}]})",
         "unknown group \"press\""},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "participants": [{"name": "a", "region": "mars"}]})",
         "unknown region"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "participants": [{"name": "a", "role": "king"}]})",
         "unknown role"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "participants": [{"name": "a", "presence": "moon"}]})",
         "unknown presence"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "participants": [7]})", "not an object"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "agenda": [{"minutes": 5}]})",
         "agenda item 1 has no title"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "agenda": [{"title": "a", "minutes": 0}]})",
         "minutes"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "agenda": [{"title": "a", "minutes": 0.01}]})",
         "between 1 and 1440"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "speakingTime": {"panelistSeconds": 0}})",
         "\"panelistSeconds\" must be between"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "speakingTime": {"warningSeconds": -1}})",
         "\"warningSeconds\" must be between 0 (no warning)"},
        // Each of these was read as missing, without a word: "60" planned 90 minutes.
        {R"({"podiumPlan": 1, "session": {"title": "x", "durationMinutes": "60"}})",
         "\"durationMinutes\" must be a number"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "participants": {"name": "a"}})",
         "\"participants\" must be a list"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "agenda": "Opening"})",
         "\"agenda\" must be a list"},
        {R"({"podiumPlan": 1, "session": {"title": "x", "policyQuestions": "Why?"}})",
         "\"policyQuestions\" must be a list"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "participants": [{"name": "a", "group": 3}]})",
         "participant 1: \"group\" must be text"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "speakingTime": {"panelistSeconds": "240"}})",
         "\"panelistSeconds\" must be a number"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "speakingTime": {"audienceSeconds": 1e20}})",
         "\"audienceSeconds\" must be between"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "polls": [{"options": ["a", "b"]}]})",
         "poll 1 has no question"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "polls": [{"question": "q", "options": ["a", " a ", ""]}]})",
         "poll 1 needs between 2 and 20 different options"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "polls": [{"question": "q", "options": "a, b"}]})",
         "poll 1: \"options\" must be a list"},
        {R"({"podiumPlan": 1, "session": {"title": "x"}, "polls": {"question": "q"}})",
         "\"polls\" must be a list"},
        {"  ", "empty"},
        // What the file was, when it is no JSON, and what to do.
        {"\xFF\xFE{\0\"\0", "save it again as UTF-8"},
        {"{\"podiumPlan\": 1, \"session\": {\"title\": \"Caf\xE9\"}}", "not in UTF-8"},
        {"name,affiliation\nAna,ISOC\n", "a plan is a JSON file such as File → Export plan"},
    };
    for (const Case& c : cases) {
        auto r = parsePlan(QByteArray(c.json));
        INFO(c.json);
        REQUIRE_FALSE(r);
        CHECK(r.error().contains(QString::fromUtf8(c.says)));
    }
    QTemporaryDir folder;
    const QString roster = folder.filePath(u"roster.csv"_s);
    QFile csv(roster);
    REQUIRE(csv.open(QIODevice::WriteOnly));
    csv.write("name,affiliation\nAna,ISOC\n");
    csv.close();
    auto named = readPlanFile(roster); // which file it was, too
    REQUIRE_FALSE(named);
    CHECK(named.error().startsWith(u"roster.csv: This is not a session plan"_s));
    auto missing = readPlanFile(u"/nonexistent/plan.json"_s);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().contains(u"Cannot read"_s));
}

// Participants → Import from plan refused a file of people alone: "The session has no title",
// of a session that had one.
TEST_CASE("a roster needs no session title, a new session does") {
    const QByteArray people = R"({"podiumPlan": 1, "participants": [{"name": "Ana Uno"}]})";
    const auto roster = parsePlan(people, PlanUse::Roster);
    REQUIRE(roster);
    CHECK(roster->participants.size() == 1);
    const auto session = parsePlan(people);
    REQUIRE_FALSE(session);
    CHECK(session.error().contains(u"no title"_s));
    // Anything else wrong is still said.
    CHECK_FALSE(parsePlan(R"({"podiumPlan": 1, "participants": [{"name": "a", "group": "press"}]})",
                          PlanUse::Roster));
}
