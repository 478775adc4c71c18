#include <catch2/catch.hpp>

#include "csv_parser.h"
#include "report/chart.h"
#include "report/csv.h"
#include "report/export.h"
#include "report/format.h"
#include "report/html.h"
#include "report/markdown.h"
#include "report_fixture.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QTextTable>
#include <QXmlStreamReader>
#include <csignal>
#include <sys/resource.h>

using namespace podium;
using namespace podium::report;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

const QLocale english(QLocale::English, QLocale::UnitedStates);

Report scriptedReport() {
    ScriptedSession s;
    return buildReport(s.h.state(), s.notes, s.at(1300));
}

qsizetype position(const QString& text, const QString& part) {
    const qsizetype at = text.indexOf(part);
    INFO("looking for: " << part.toStdString());
    CHECK(at >= 0);
    return at;
}

} // namespace

TEST_CASE("durations and percentages follow the locale, CSV times are ISO 8601") {
    const Formatter en{english};
    CHECK(en.duration(0) == u"0\u00a0s"_s);
    CHECK(en.duration(45'000) == u"45\u00a0s"_s);
    CHECK(en.duration(245'000) == u"4\u00a0min 05\u00a0s"_s);
    CHECK(en.duration(245'999) == u"4\u00a0min 05\u00a0s"_s); // whole seconds passed
    CHECK(en.duration(3'725'000) == u"1\u00a0h 02\u00a0min"_s);
    CHECK(en.percent(200.0 / 7) == u"28.6%"_s);
    CHECK(Formatter{QLocale(QLocale::German)}.percent(200.0 / 7) == u"28,6%"_s);
    CHECK(en.sessionDate(u"2027-01-15"_s, 0) == u"Friday, January 15, 2027"_s);
    CHECK(isoDuration(0) == u"PT0S"_s);
    CHECK(isoDuration(3'725'500) == u"PT1H2M5.500S"_s);
}

// On a fresh Debian (LANG=C.UTF-8) every time of day on the screens and in the report had its
// seconds: the C locale's short format keeps them.
TEST_CASE("times of day are short in every locale, the C locale's too") {
    const qint64 at = QDateTime(QDate(2027, 1, 15), QTime(14, 5, 33)).toMSecsSinceEpoch();
    CHECK(Formatter{QLocale::c()}.timeOfDay(at) == u"14:05"_s);
    CHECK(Formatter{QLocale::c()}.dateTime(at) == u"15 Jan 2027 14:05"_s);
    CHECK(Formatter{english}.timeOfDay(at) == u"2:05 PM"_s);
    CHECK(Formatter{QLocale(QLocale::German)}.timeOfDay(at) == u"14:05"_s);
}

TEST_CASE("the report dates a session by the day it ran, and names the planned day if it differs") {
    Report r = scriptedReport(); // planned for 2027-01-15, run that morning
    r.info.date = u"2027-01-10"_s;
    CHECK(toMarkdown(r, english)
              .contains(u"- **Date:** Friday, January 15, 2027 (planned for Sunday, January 10, "
                        u"2027)"_s));
    r.sessionStartedAt = 0; // nothing happened yet: the plan is all there is
    CHECK(toMarkdown(r, english).contains(u"- **Date:** Sunday, January 10, 2027\n"_s));
    r.info.date.clear();
    CHECK(toMarkdown(r, english).contains(u"- **Date:** not set\n"_s));
}

TEST_CASE("the report gives when the session began, beside when it was to begin") {
    Report r = scriptedReport(); // planned for the day it ran
    const QTime began = QDateTime::fromMSecsSinceEpoch(r.sessionStartedAt).time();
    const QString beganText = began.toString(u"HH:mm"_s);
    r.info.start = began.addSecs(-12 * 60).toString(u"HH:mm"_s);
    CHECK(toMarkdown(r, english)
              .contains(u"- **Start:** %1, 12 min after the planned %2\n"_s.arg(beganText,
                                                                                r.info.start)));
    r.info.start = began.addSecs(5 * 60).toString(u"HH:mm"_s);
    CHECK(toMarkdown(r, english)
              .contains(u"- **Start:** %1, 5 min before the planned %2\n"_s.arg(beganText,
                                                                                r.info.start)));
    // Run on another day (a rehearsal): no minutes early or late.
    const QString plannedDay = r.info.date;
    r.info.date = u"2027-01-10"_s;
    CHECK(toMarkdown(r, english)
              .contains(u"- **Start:** %1 (planned for %2)\n"_s.arg(beganText, r.info.start)));
    r.info.date = plannedDay;
    r.info.start = beganText; // on time
    CHECK(toMarkdown(r, english).contains(u"- **Start:** %1\n"_s.arg(beganText)));
    r.sessionStartedAt = 0; // nothing happened yet
    CHECK(toMarkdown(r, english).contains(u"- **Start:** %1 (planned)\n"_s.arg(r.info.start)));
    r.info.start.clear();
    CHECK_FALSE(toMarkdown(r, english).contains(u"**Start:**"_s));
}

TEST_CASE("the Markdown report is shaped like an IGF session report") {
    const Report r = scriptedReport();
    const QString md = toMarkdown(r, english);
    // Takeaways and calls to action first, then summary, participation, polls, speech log.
    const qsizetype takeaways = position(md, u"## Key takeaways"_s);
    const qsizetype calls = position(md, u"## Calls to action"_s);
    const qsizetype summary = position(md, u"## Session summary"_s);
    const qsizetype balance = position(md, u"## Participation and balance of voices"_s);
    const qsizetype polls = position(md, u"## Polls"_s);
    const qsizetype log = position(md, u"## Speech log"_s);
    CHECK(takeaways < calls);
    CHECK(calls < summary);
    CHECK(summary < balance);
    CHECK(balance < polls);
    CHECK(polls < log);
    CHECK(md.startsWith(u"# Securing the Internet for all\n"_s));
    CHECK(md.contains(u"- **Date:** Friday, January 15, 2027"_s));
    // The zone of the times, named; "UTC" and its offset in hours and minutes.
    CHECK(QRegularExpression(u"^- \\*\\*Times:\\*\\* local time, UTC[+\u2212]\\d\\d:\\d\\d$"_s,
                             QRegularExpression::MultilineOption)
              .match(md)
              .hasMatch());
    CHECK(md.contains(u"1. Standards work only when adopted"_s));
    // Figures as in test_statistics, in the reader's locale.
    CHECK(md.contains(u"| Government | 2 | 28.6% | 4\u00a0min 00\u00a0s | 23.5% |"_s));
    CHECK(md.contains(u"| Onsite | 5 | 71.4% | 13\u00a0min 30\u00a0s | 79.4% |"_s));
    CHECK(md.contains(u"| Took the floor | 5 | 2 | 6 |"_s));
    CHECK(md.contains(u"| Discussion | "_s));
    CHECK(md.contains(
        u"| 20\u00a0min 00\u00a0s | 10\u00a0min 00\u00a0s | 10\u00a0min 00\u00a0s under |"_s));
    CHECK(md.contains(u"| Yes, fully | 12 | 18 | 0 | 30 | 60.0% |"_s));
    CHECK(md.contains(u"| Total | 17 | 28 | 5 | 50 |  |"_s));
    // The note written during Leila's speech sits in her row, its line break kept.
    const QString leilaRow = md.mid(md.indexOf(arabicName, log)).section(u'\n', 0, 0);
    CHECK(leilaRow.contains(u"Volunteer for the IoT work stream,<br>sign up by Friday."_s));
}

// The notes written while nobody had the floor were one list after the log, a break an hour in
// beside the opening's notes, told apart by their times only.
TEST_CASE("notes between speeches are grouped in the report by the speech they came after") {
    ScriptedSession s;
    s.notes.prepend(Note{90, s.at(-60), 0, NoteKind::Note, u"Doors open, room half full."_s});
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    REQUIRE(r.speeches.size() >= 2);
    REQUIRE(r.speeches.first().speech.startedAt > s.at(-60));
    const QString md = toMarkdown(r, english);
    const qsizetype before = position(md, u"Before the first speech:"_s);
    const SpeechRow& last = r.speeches.last();
    // (Markdown escapes the "#".)
    const qsizetype after = position(md, u"Between speeches, after \\#%1, "_s.arg(last.number));
    CHECK(before < position(md, u"Doors open, room half full."_s));
    CHECK(position(md, u"Doors open, room half full."_s) < after);
    CHECK(after < position(md, u"Room full; people stood at the back."_s));
    CHECK(md.count(u"Between speeches, after"_s) == 1); // both notes after the last speech
}

// The report rounded to the nearest second where the Timeline counts whole seconds passed (1:06
// on screen, "1 min 07 s" in the report), and it never said a speaker had run over.
TEST_CASE("the speech log gives the time spoken as the cockpit shows it, and the time over") {
    ScriptedSession s;
    SessionState state = s.h.state();
    REQUIRE(state.speeches.size() >= 2);
    state.speeches[0].allottedMs = 30'000;
    state.speeches[0].spokeMs = 66'600;
    state.speeches[1].allottedMs = 120'000;
    state.speeches[1].spokeMs = 119'700; // within its time
    // Cut to nothing with -30 s, then spoke on: the Timeline said "+0:37", the report nothing.
    REQUIRE(state.speeches.size() >= 3);
    state.speeches[2].allottedMs = 0;
    state.speeches[2].spokeMs = 37'200;
    const QString md = toMarkdown(buildReport(state, s.notes, s.at(1300)), english);
    const qsizetype log = md.indexOf(u"## Speech log"_s);
    REQUIRE(log >= 0);
    QStringList rows;
    for (const char* number : {"| 1 | ", "| 2 | ", "| 3 | "})
        rows += md.mid(log).split(u'\n').filter(QString::fromUtf8(number));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].contains(u"| 1\u00a0min 06\u00a0s (36\u00a0s over) |"_s));
    CHECK(rows[1].contains(u"| 1\u00a0min 59\u00a0s |"_s));
    CHECK(rows[2].contains(u"| 37\u00a0s (37\u00a0s over) |"_s));
}

// A poll left open at export looked exactly like the closed ones in every format.
TEST_CASE("a poll still open when the report is made says so, a closed one does not") {
    ScriptedSession s;
    SessionState state = s.h.state();
    REQUIRE(state.polls.size() >= 1);
    const QString open = u"Still open when this report was made"_s;
    state.polls[0].status = PollStatus::Closed;
    CHECK_FALSE(toMarkdown(buildReport(state, s.notes, s.at(1300)), english).contains(open));
    state.polls[0].status = PollStatus::Open;
    const QString md = toMarkdown(buildReport(state, s.notes, s.at(1300)), english);
    const qsizetype heading = md.indexOf(u"### "_s + state.polls[0].question);
    REQUIRE(heading >= 0);
    CHECK(md.indexOf(open, heading) > heading);
}

// The report said how each poll went, never when: the rapporteur could not place it in the
// session.
TEST_CASE("each poll in the report says when it opened and closed, in the CSV too") {
    ScriptedSession s;
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    REQUIRE(r.polls.size() == 1);
    const Formatter en{english};
    const QString md = toMarkdown(r, english);
    const qsizetype heading = md.indexOf(u"### "_s + r.polls[0].question);
    REQUIRE(heading >= 0);
    CHECK(md.indexOf(u"Opened at %1, closed at %2."_s.arg(en.timeOfDay(s.at(1200)),
                                                          en.timeOfDay(s.at(1260))),
                     heading) > heading);
    const CsvParse csv = parseCsv(pollTalliesCsv(r));
    REQUIRE(csv.records.size() == 4);
    CHECK(csv.records[0].mid(11) == QStringList{u"opened_at"_s, u"closed_at"_s});
    CHECK(csv.records[1].mid(11) == QStringList{isoDateTime(s.at(1200)), isoDateTime(s.at(1260))});

    SessionState reopened = s.h.state();
    reopened.polls[0].status = PollStatus::Open;
    reopened.polls[0].closedAt = 0;
    const Report live = buildReport(reopened, s.notes, s.at(1300));
    CHECK(toMarkdown(live, english).contains(u"_Opened at %1._"_s.arg(en.timeOfDay(s.at(1200)))));
    CHECK(parseCsv(pollTalliesCsv(live)).records[1].value(12) == QString());
}

// The online moderator put a closed poll's tally right after the results were read out: the
// report gave the new figures with no word that they had changed.
TEST_CASE("a poll corrected after it closed says so in the report, with when") {
    ScriptedSession s;
    REQUIRE(s.h.state().polls.size() >= 1);
    const Id poll = s.h.state().polls[0].id;
    if (s.h.state().polls[0].status != PollStatus::Closed)
        REQUIRE(s.h.run(Action::ClosePoll, {{u"poll"_s, poll}}));
    const QString remark = u"Corrected after the poll closed"_s;
    CHECK_FALSE(
        toMarkdown(buildReport(s.h.state(), s.notes, s.at(1300)), english).contains(remark));
    REQUIRE(
        s.h.run(Action::SetTally,
                {{u"poll"_s, poll}, {u"option"_s, 0}, {u"source"_s, u"online"_s}, {u"count"_s, 9}},
                Authority::OnlineModerator));
    const QString md = toMarkdown(buildReport(s.h.state(), s.notes, s.at(1300)), english);
    const qsizetype heading = md.indexOf(u"### "_s + s.h.state().polls[0].question);
    REQUIRE(heading >= 0);
    const Formatter en{english};
    CHECK(md.indexOf(remark + u" (last at %1)"_s.arg(en.timeOfDay(s.h.clock.nowMs())), heading) >
          heading);
    // With the figures the room heard: each option's total when it closed.
    const Poll& p = s.h.state().polls[0];
    QStringList heard;
    for (qsizetype i = 0; i < p.options.size(); ++i)
        heard << u"%1 %2"_s.arg(p.options[i])
                     .arg(p.readOut[i][0] + p.readOut[i][1] + p.readOut[i][2]);
    CHECK(md.contains(u"Read out when it closed: %1."_s.arg(heard.join(u", "_s))));
    CHECK(p.combined(0) != p.readOut[0][0] + p.readOut[0][1] + p.readOut[0][2]);
    // And in the spreadsheet: it had only the corrected figures.
    const CsvParse csv = parseCsv(pollTalliesCsv(buildReport(s.h.state(), s.notes, s.at(1300))));
    REQUIRE(csv.records.size() > p.options.size());
    for (qsizetype i = 0; i < p.options.size(); ++i)
        CHECK(csv.records[i + 1].value(10) ==
              QString::number(p.readOut[i][0] + p.readOut[i][1] + p.readOut[i][2]));
}

// Exported from a seat's file while the session ran, the report said "Report made 13:54" over
// times counted to 13:53, the file's last action; the cockpit's gave longer ones.
TEST_CASE("a report whose times stop at the file's last action while clocks ran says to when") {
    ScriptedSession s;
    SessionState state = s.h.state();
    const QString line = u"Times counted to"_s;
    state.sessionClock.running = false;
    state.segmentClock.running = false;
    state.floor.reset();
    Report r = buildReport(state, s.notes, s.at(1300));
    r.generatedAt = s.at(1300 + 5 * 60);
    CHECK_FALSE(toMarkdown(r, english).contains(line)); // nothing ran on: the times are final
    state.sessionClock.running = true;
    state.sessionClock.startedAt = s.at(0);
    r = buildReport(state, s.notes, s.at(1300));
    CHECK_FALSE(toMarkdown(r, english).contains(line)); // counted to when it was made
    r.generatedAt = s.at(1300 + 5 * 60);
    const Formatter en{english};
    const QString md = toMarkdown(r, english);
    CHECK(md.contains(line));
    CHECK(md.contains(en.timeOfDay(s.at(1300)) + u", the last action recorded in this file"_s));
}

// A quick-added newcomer is "Unspecified": 43 % of a session went under it with nothing said.
TEST_CASE("the balance says how many interventions are by speakers of no stated group or region") {
    ScriptedSession s;
    SessionState state = s.h.state();
    const QString remark = u"the roster does not give"_s;
    REQUIRE_FALSE(toMarkdown(buildReport(state, s.notes, s.at(1300)), english).contains(remark));
    REQUIRE(!state.speeches.isEmpty());
    const Id speaker = state.speeches.first().participantId;
    const auto p = std::find_if(state.participants.begin(), state.participants.end(),
                                [&](const Participant& q) { return q.id == speaker; });
    REQUIRE(p != state.participants.end());
    p->group = StakeholderGroup::Unspecified;
    const QString md = toMarkdown(buildReport(state, s.notes, s.at(1300)), english);
    const qsizetype byGroup = md.indexOf(u"### By stakeholder group"_s);
    const qsizetype byRegion = md.indexOf(u"### By region"_s);
    REQUIRE(byGroup >= 0);
    REQUIRE(byRegion > byGroup);
    const qsizetype said = md.indexOf(remark, byGroup);
    CHECK((said > byGroup && said < byRegion)); // under the group's table, not the region's
    CHECK(md.mid(byGroup, byRegion - byGroup).contains(u"whose stakeholder group"_s));
    CHECK(md.indexOf(remark, byRegion) < 0);
    // One is one ("1 of these interventions (14.3%) are by speakers…" read wrong).
    const auto spoke = std::count_if(state.speeches.begin(), state.speeches.end(),
                                     [&](const Speech& x) { return x.participantId == speaker; });
    REQUIRE(spoke == 1);
    CHECK(
        md.contains(u"1 of these interventions (%1) is by a speaker whose stakeholder group"_s.arg(
            Formatter{english}.percent(100.0 / state.speeches.size()))));
}

// Each figure was rounded down on its own: 5 min planned, 42 s actual, "4 min 17 s under"; and
// the total was not the sum of the rows.
TEST_CASE("the agenda's differences and total add up from the times as shown") {
    Report r = scriptedReport();
    REQUIRE(r.agenda.size() >= 2);
    const qint64 start = r.agenda[0].startedAt;
    REQUIRE(start > 0);
    for (AgendaRow& row : r.agenda)
        row = {row.title, row.plannedMs, 0, 0, false}; // not held, but for the two below
    r.agenda[0] = {r.agenda[0].title, 300'000, start, 42'645, false};
    r.agenda[1] = {r.agenda[1].title, 1'200'000, start + 60'000, 510'700, false};
    const QString md = toMarkdown(r, english);
    CHECK(md.contains(u"| 42\u00a0s | 4\u00a0min 18\u00a0s under |"_s));
    CHECK(md.contains(u"| 8\u00a0min 30\u00a0s | 11\u00a0min 30\u00a0s under |"_s));
    const qsizetype agenda = md.indexOf(u"Agenda: planned and actual"_s);
    const QString total = md.mid(md.indexOf(u"| Total"_s, agenda)).section(u'\n', 0, 0);
    INFO(total.toStdString());
    CHECK(total.endsWith(u"| 9\u00a0min 12\u00a0s |  |"_s)); // 42 s + 8 min 30 s
    // From an hour on, minutes are shown: 1 h 00 min 40 s of 1 h 00 min is on time, as it reads.
    r.agenda[1] = {r.agenda[1].title, 3'600'000, start + 60'000, 3'640'000, false};
    CHECK(toMarkdown(r, english)
              .contains(u"| 1\u00a0h 00\u00a0min | 1\u00a0h 00\u00a0min | on time |"_s));
}

// Every report made before the wrap-up said "not held" of the segments still to come, as it
// says of one skipped.
TEST_CASE("the agenda tells a skipped segment from one the session has not come to") {
    Harness h(demoPlan());
    REQUIRE(h.state().segments.size() >= 4);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    h.clock.advance(60'000);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 2}})); // the second is skipped
    const QString md = toMarkdown(buildReport(h.state(), {}, h.clock.nowMs()), english);
    const auto row = [&](int segment) {
        const QString title = h.state().segments[segment].title;
        return md.mid(md.indexOf(u"| "_s + title)).section(u'\n', 0, 0);
    };
    CHECK(row(1).contains(u"| not held |"_s));
    CHECK(row(2).contains(u"(running)"_s));
    CHECK(row(3).contains(u"| not reached |"_s));
}

// Eleven speeches, and every segment "not reached", 0 s in all: nobody had started the agenda.
TEST_CASE("a session whose agenda was never started says so, not 'not reached' of each segment") {
    Harness h(demoPlan());
    const Id speaker = h.add(h.state().participants.first().name);
    REQUIRE(speaker);
    REQUIRE(h.run(Action::Next));
    h.clock.advance(60'000);
    REQUIRE(h.run(Action::EndSpeech));
    const QString md = toMarkdown(buildReport(h.state(), {}, h.clock.nowMs()), english);
    CHECK(md.contains(u"No segment of the agenda was started, so the speeches are not placed in "
                      "its segments"_s));
    CHECK_FALSE(md.contains(u"not reached"_s));
    const QString title = h.state().segments[1].title;
    CHECK(md.mid(md.indexOf(u"| "_s + title)).section(u'\n', 0, 0).contains(u"| – |"_s));
}

TEST_CASE("names with markup characters are shown, never interpreted") {
    const Report r = scriptedReport();
    const QString md = toMarkdown(r, english);
    CHECK(md.contains(u"\\<b\\>Ana\\</b\\> \\& \"Bo\", R\\&D"_s));
    CHECK_FALSE(md.contains(u"<b>Ana</b>"_s));

    const QString html = toHtml(r, english);
    CHECK(html.contains(u"&lt;b&gt;Ana&lt;/b&gt; &amp; &quot;Bo&quot;, R&amp;D"_s));
    CHECK_FALSE(html.contains(u"<b>Ana</b>"_s));

    // What a reader sees in Qt's renderer (preview and PDF) is the name as written.
    QTextDocument doc;
    doc.setHtml(toHtml(r, english, HtmlFlavor::RichText));
    const QString seen = doc.toPlainText();
    CHECK(seen.contains(awkwardName));
    CHECK(seen.contains(arabicName));
    CHECK(seen.contains(chineseName));
    CHECK(seen.contains(u"Do you trust \"DNS\", really?"_s));
}

// A room typed on two lines ended its bullet, and a question's second line "- if any" became a
// list item of its own.
TEST_CASE("line breaks in names and questions keep the Markdown report's structure") {
    Report r = scriptedReport();
    r.info.title = u"Securing the Internet\nfor all"_s;
    r.info.room = u"Room 3\nEast wing"_s;
    REQUIRE_FALSE(r.polls.isEmpty());
    r.polls.first().question = u"Which work stream first?\n- and who leads it"_s;
    const QString md = toMarkdown(r, english);
    CHECK(md.startsWith(u"# Securing the Internet for all\n"_s));
    CHECK(md.contains(u"Room 3  \n  East wing\n"_s));
    CHECK(md.contains(u"### Which work stream first? \\- and who leads it\n"_s));
    CHECK_FALSE(md.contains(u"\n- and who leads it"_s));
    CHECK(toHtml(r, english).contains(u"<title>Securing the Internet for all</title>"_s));
}

// A takeaway typed as "- …" or "1986. …" became a list nested in the numbered list.
TEST_CASE("a key takeaway that begins like a list item stays one item of the Markdown list") {
    Report r = scriptedReport();
    Note dash;
    dash.kind = NoteKind::KeyTakeaway;
    dash.text = u"- starts with a dash\r\nand goes on"_s;
    Note year = dash;
    year.text = u"1986. the year it began"_s;
    r.keyTakeaways = {dash, year};
    const QString md = toMarkdown(r, english);
    CHECK(md.contains(u"1. \\- starts with a dash  \n   and goes on"_s));
    CHECK(md.contains(u"2. 1986\\. the year it began"_s));
    CHECK_FALSE(md.contains(u"\r"_s));
}

TEST_CASE("the HTML report is self-contained, with inline charts") {
    const QString html = toHtml(scriptedReport(), english);
    CHECK(html.startsWith(u"<!DOCTYPE html>"_s));
    CHECK(html.contains(u"<meta charset=\"utf-8\">"_s));
    CHECK(html.contains(u"<style>"_s));
    // Charts: speaking time by group, and the poll (three series stacked).
    CHECK(html.count(u"<svg "_s) == 2);
    CHECK(html.contains(u"fill=\"#dd6b20\""_s)); // the online tally's colour
    // Each chart is well-formed SVG, whatever the names in it.
    static const QRegularExpression svg(u"<svg .*?</svg>"_s,
                                        QRegularExpression::DotMatchesEverythingOption);
    for (auto it = svg.globalMatch(html); it.hasNext();) {
        QXmlStreamReader xml(it.next().captured());
        while (!xml.atEnd())
            xml.readNext();
        CHECK_FALSE(xml.hasError());
    }
    // Nothing is fetched from anywhere: no links, scripts, images or remote URLs.
    static const QRegularExpression external(
        u"<link|<script|<img|<iframe|src=|@import|url\\(|https?://(?!www\\.w3\\.org/2000/svg)"_s);
    CHECK_FALSE(external.match(html).hasMatch());
}

TEST_CASE("an empty session gives a sensible report in every format") {
    const Report r = buildReport(SessionState{}, {}, 1'800'000'000'000);
    const QString md = toMarkdown(r, english);
    CHECK(md.startsWith(u"# Untitled session"_s));
    // Its notes are the rapporteur's, in their own copy: not "none were recorded".
    CHECK(md.contains(u"This session file holds no notes yet."_s));
    CHECK(md.contains(u"make the report there for the key takeaways"_s));
    CHECK(md.contains(u"Nobody has taken the floor yet."_s));
    CHECK(md.contains(u"No polls were run."_s));
    CHECK(md.contains(u"The session has no agenda."_s));
    const QString html = toHtml(r, english);
    CHECK(html.contains(u"<h1>Untitled session</h1>"_s));
    CHECK_FALSE(html.contains(u"<svg"_s));
}

TEST_CASE("writing a report: every format lands where asked, failures are explained") {
    const Report r = scriptedReport();
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    auto md = writeReport(r, ReportFormat::Markdown, dir.filePath(u"r.md"_s), english);
    REQUIRE(md);
    QFile file(dir.filePath(u"r.md"_s));
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(file.readAll()) == toMarkdown(r, english));

    auto csv = writeReport(r, ReportFormat::Csv, dir.filePath(u"log.csv"_s), english);
    REQUIRE(csv);
    CHECK(*csv == QStringList{dir.filePath(u"log.csv"_s), dir.filePath(u"log-polls.csv"_s),
                              dir.filePath(u"log-notes.csv"_s)});
    CHECK(QFile::exists(dir.filePath(u"log-polls.csv"_s)));
    CHECK(QFile::exists(dir.filePath(u"log-notes.csv"_s)));

    const QString nowhere = dir.filePath(u"no/such/dir/r.html"_s);
    auto failed = writeReport(r, ReportFormat::Html, nowhere, english);
    REQUIRE_FALSE(failed);
    CHECK(failed.error().contains(nowhere));

    CHECK(formatFromName(u"MD"_s) == ReportFormat::Markdown);
    CHECK(formatFromName(u"pdf"_s) == ReportFormat::Pdf);
    CHECK_FALSE(formatFromName(u"docx"_s));
}

namespace {

// Writes fail past `bytes` per file, as on a full disk (EFBIG instead of ENOSPC, and no signal).
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &m_saved);
        m_handler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{bytes, m_saved.rlim_max};
        setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &m_saved);
        std::signal(SIGXFSZ, m_handler);
    }

private:
    rlimit m_saved{};
    void (*m_handler)(int) = nullptr;
};

} // namespace

// On a full disk the Markdown and CSV reports said "Wrote" and left empty files, in place of
// a good report written before.
TEST_CASE("a report that cannot be written whole says so and leaves the earlier one as it was") {
    const Report r = scriptedReport();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"r.md"_s);
    REQUIRE(writeReport(r, ReportFormat::Markdown, path, english));
    const QByteArray before = toMarkdown(r, english).toUtf8();
    REQUIRE(before.size() > 100);
    Result<QStringList> written = Result<QStringList>::failure(QString());
    {
        FileSizeLimit full(64);
        written = writeReport(r, ReportFormat::Markdown, path, english);
    }
    REQUIRE_FALSE(written);
    CHECK(written.error().contains(path));
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == before);
    CHECK(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden) == QStringList{u"r.md"_s});
}

// The live preview of a long session keeps the latest speeches only; its totals still count all.
TEST_CASE("a report trimmed to its latest speeches says how many earlier ones are left out") {
    Report full = scriptedReport();
    REQUIRE(full.speeches.size() >= 3);
    Report latest = full;
    keepLatestSpeeches(latest, 2);
    REQUIRE(latest.speeches.size() == 2);
    CHECK(latest.speeches.first().number == full.speeches[full.speeches.size() - 2].number);
    CHECK(latest.speeches.last().number == full.speeches.last().number);
    CHECK(latest.earlierSpeechesLeftOut == full.speeches.size() - 2);
    CHECK(latest.totalInterventions == full.totalInterventions);
    const QString md = toMarkdown(latest, english);
    CHECK(md.contains(
        u"The latest 2 interventions; the %1 before them are in the exported report."_s.arg(
            full.speeches.size() - 2)));
    CHECK_FALSE(toMarkdown(full, english).contains(u"before them are in the exported"_s));
    keepLatestSpeeches(full, 1000); // fewer than that: nothing left out
    CHECK(full.earlierSpeechesLeftOut == 0);
}

namespace {

// The width a laid-out rich-text chart gives each coloured cell, in document order.
QList<qreal> colouredCellWidths(const QString& html) {
    QTextDocument doc;
    doc.setTextWidth(600);
    doc.setHtml(html);
    QList<qreal> widths;
    for (QTextFrame* frame : doc.rootFrame()->childFrames()) {
        auto* table = qobject_cast<QTextTable*>(frame);
        if (!table)
            continue;
        for (int column = 0; column < table->columns(); ++column) {
            const QTextTableCell cell = table->cellAt(0, column);
            if (cell.format().background().style() == Qt::NoBrush)
                continue;
            const QTextBlock block = cell.firstCursorPosition().block();
            widths << doc.documentLayout()->blockBoundingRect(block).width();
        }
    }
    return widths;
}

} // namespace

// In the PDF and the report preview every bar was drawn full width: 3.8 % as long as 32.2 %.
TEST_CASE("the rich-text bars of a report are as long as their values") {
    Chart chart;
    chart.title = u"Speaking time"_s;
    chart.series = {u"Onsite"_s};
    chart.bars = {{u"Civil society"_s, {40}, u"40"_s}, {u"Government"_s, {10}, u"10"_s}};
    const QList<qreal> widths = colouredCellWidths(richTextBarChart(chart));
    REQUIRE(widths.size() == 2);
    REQUIRE(widths[0] > 0);
    CHECK(widths[1] / widths[0] == Approx(0.25).margin(0.06));
}

// An Arabic takeaway took the "(11:50:01)" after it into its own right-to-left run, and a
// guillemet at its end went to the wrong side, in every format but CSV.
TEST_CASE("right-to-left names and notes keep their own direction among the report's words") {
    Report r = scriptedReport();
    Note arabic;
    arabic.kind = NoteKind::KeyTakeaway;
    arabic.text = u"محمد: «الإنترنت للجميع»"_s;
    Note english = arabic;
    english.text = u"Open standards first"_s;
    r.keyTakeaways = {arabic, english};
    for (const QString& text : {toMarkdown(r, ::english), toHtml(r, ::english)}) {
        CHECK(text.contains(u"\u2068محمد: «الإنترنت للجميع»\u2069 ("_s));
        CHECK(text.contains(u"\u2068"_s + arabicName + u"\u2069"_s)); // in the speech log
        CHECK(text.contains(u"Open standards first ("_s)); // nothing added to what needs nothing
    }
    // data stays as typed
    CHECK_FALSE(QString::fromUtf8(speechLogCsv(r)).contains(u"\u2068"_s));
    CHECK_FALSE(QString::fromUtf8(notesCsv(r)).contains(u"\u2068"_s));
}

// The queue said "Reply to Li Wei"; the report and its spreadsheet said "Reply", to nobody.
TEST_CASE("a reply's speech says whose point it answered, in the log and the CSV") {
    Harness h;
    const Id point = h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    h.add(u"Audience 2"_s, EntryKind::Reply, point);
    h.clock.advance(30'000);
    REQUIRE(h.run(Action::Next));
    h.clock.advance(20'000);
    REQUIRE(h.run(Action::EndSpeech));
    const Report r = buildReport(h.state(), {}, h.clock.nowMs());
    CHECK(toMarkdown(r, english).contains(u"Reply to Audience 1"_s));
    const CsvParse csv = parseCsv(speechLogCsv(r));
    REQUIRE(csv.records.size() == 3);
    CHECK(csv.records[0].last() == u"answers"_s);
    CHECK(csv.records[1].last().isEmpty());
    CHECK(csv.records[2].last() == u"Audience 1"_s);
}
