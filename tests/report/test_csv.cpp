#include <catch2/catch.hpp>

#include "csv_parser.h"
#include "report/csv.h"
#include "report/export.h"
#include "report_fixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace podium;
using namespace podium::report;
using namespace podium::test;
using namespace Qt::StringLiterals;

TEST_CASE("CSV fields are quoted as RFC 4180 asks") {
    CHECK(csvField(u"plain"_s) == u"plain"_s);
    CHECK(csvField(u"a,b"_s) == u"\"a,b\""_s);
    CHECK(csvField(u"say \"hi\""_s) == u"\"say \"\"hi\"\"\""_s);
    CHECK(csvField(u"two\nlines"_s) == u"\"two\nlines\""_s);
    CHECK(csvRecord({u"a"_s, QString(), u"c"_s}) == u"a,,c\r\n"_s);
}

TEST_CASE("a CSV field a spreadsheet would run as a formula stays text") {
    // Names are typed in from the online chat: "=HYPERLINK(…)" must not become a live link.
    CHECK(csvField(u"=HYPERLINK(\"http://x\",\"Anna\")"_s) ==
          u"\"'=HYPERLINK(\"\"http://x\"\",\"\"Anna\"\")\""_s);
    CHECK(csvField(u"+41 22 000"_s) == u"'+41 22 000"_s);
    CHECK(csvField(u"-2+3"_s) == u"'-2+3"_s);
    CHECK(csvField(u"@SUM(A1)"_s) == u"'@SUM(A1)"_s);
    CHECK(csvField(u"\t=1"_s) == u"'\t=1"_s);
    CHECK(csvField(u"a=b"_s) == u"a=b"_s); // only a first character counts
    CHECK(csvField(u"300.000"_s) == u"300.000"_s);
}

TEST_CASE("the speech log CSV round-trips through a strict parser") {
    ScriptedSession s;
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    const QByteArray bytes = speechLogCsv(r);
    CHECK(bytes.startsWith("\xEF\xBB\xBFnumber,")); // Excel reads it as UTF-8
    const CsvParse csv = parseCsv(bytes);
    REQUIRE(csv.error.isEmpty());
    REQUIRE(csv.records.size() == 8); // header and seven speeches
    const QStringList header = csv.records[0];
    for (const QStringList& record : csv.records)
        REQUIRE(record.size() == header.size());
    auto field = [&](int row, const QString& name) {
        return csv.records[row].value(header.indexOf(name));
    };
    // Names with markup, a comma and quotes, Arabic and Chinese come back exactly.
    CHECK(field(3, u"speaker"_s) == awkwardName);
    CHECK(field(4, u"speaker"_s) == arabicName);
    CHECK(field(5, u"speaker"_s) == chineseName);
    // ISO 8601 in UTC; t0 is 1 800 000 000 000 ms after the epoch.
    CHECK(field(1, u"start"_s) == u"2027-01-15T08:00:00.000Z"_s);
    CHECK(field(2, u"start"_s) == u"2027-01-15T08:04:00.000Z"_s); // t0 + 240 s
    CHECK(field(2, u"end"_s) == u"2027-01-15T08:09:30.000Z"_s);   // t0 + 570 s
    CHECK(field(2, u"duration"_s) == u"PT5M"_s);                  // 300 s spoken
    CHECK(field(2, u"duration_seconds"_s) == u"300.000"_s);
    CHECK(field(4, u"presence"_s) == u"Online"_s);
    CHECK(field(7, u"presence"_s) == u"Onsite"_s);
    CHECK(field(5, u"kind"_s) == u"Reply"_s);
    CHECK(field(1, u"segment"_s) == u"Opening"_s);
    CHECK(field(1, u"segment_number"_s) == u"1"_s);
    // A note with a comma and a line break travels inside its speech's record.
    CHECK(field(4, u"notes"_s) ==
          u"Call to action: Volunteer for the IoT work stream,\nsign up by Friday."_s);
    CHECK(field(2, u"notes"_s).contains(u"\"MANRS\""_s));
}

TEST_CASE("the poll tallies CSV round-trips with quotes and non-Latin options") {
    ScriptedSession s;
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    const CsvParse csv = parseCsv(pollTalliesCsv(r));
    REQUIRE(csv.error.isEmpty());
    REQUIRE(csv.records.size() == 4); // header and three options of the one poll that ran
    CHECK(csv.records[0] == QStringList{u"poll_number"_s, u"question"_s, u"status"_s,
                                        u"multiple_choice"_s, u"option"_s, u"onsite"_s, u"online"_s,
                                        u"web"_s, u"combined"_s, u"percent"_s, u"read_out"_s,
                                        u"opened_at"_s, u"closed_at"_s});
    CHECK(csv.records[1].mid(0, 11) == QStringList{u"1"_s, u"Do you trust \"DNS\", really?"_s,
                                                   u"Closed"_s, u"no"_s, u"Yes, fully"_s, u"12"_s,
                                                   u"18"_s, u"0"_s, u"30"_s, u"60.00"_s,
                                                   QString()}); // not corrected since it closed
    CHECK(csv.records[3][4] == u"不确定 / غير متأكد"_s);
    CHECK(csv.records[3][8] == u"10"_s);
}

TEST_CASE("a CSV export writes the speech log and the poll tallies beside it") {
    CHECK(pollsCsvPath(u"/tmp/x/report.csv"_s) == u"/tmp/x/report-polls.csv"_s);
    CHECK(pollsCsvPath(u"report"_s) == u"report-polls.csv"_s);
    CHECK(pollsCsvPath(u"a.b.CSV"_s) == u"a.b-polls.csv"_s);
}

// A full disk refused the second of the three files, and the new speech log stood beside the
// polls and notes of an earlier export. (A folder where a file should go stands for the disk.)
TEST_CASE("a CSV export that cannot write one of its files replaces none of them") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"report.csv"_s);
    ScriptedSession s;
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    for (const QString& file : {path, pollsCsvPath(path)}) {
        QFile earlier(file);
        REQUIRE(earlier.open(QIODevice::WriteOnly));
        earlier.write("earlier export\n");
    }
    REQUIRE(QDir().mkpath(notesCsvPath(path)));
    const auto written = writeReport(r, ReportFormat::Csv, path, QLocale(QLocale::English));
    REQUIRE_FALSE(written);
    CHECK(written.error().contains(notesCsvPath(path)));
    for (const QString& file : {path, pollsCsvPath(path)}) {
        QFile kept(file);
        REQUIRE(kept.open(QIODevice::ReadOnly));
        CHECK(kept.readAll() == "earlier export\n");
    }
}

TEST_CASE("an empty session gives CSV files with just their headers") {
    const Report r = buildReport(SessionState{}, {}, 1'800'000'000'000);
    const CsvParse speeches = parseCsv(speechLogCsv(r));
    const CsvParse polls = parseCsv(pollTalliesCsv(r));
    REQUIRE(speeches.error.isEmpty());
    REQUIRE(polls.error.isEmpty());
    CHECK(speeches.records.size() == 1);
    CHECK(polls.records.size() == 1);
}

// Notes written while nobody had the floor were in no CSV at all: the speech log has a row per
// speech only.
TEST_CASE("the notes CSV holds every note, those between speeches too, in the order written") {
    ScriptedSession s;
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    const CsvParse csv = parseCsv(notesCsv(r));
    REQUIRE(csv.error.isEmpty());
    REQUIRE(csv.records.size() == 1 + s.notes.size());
    CHECK(csv.records[0] == QStringList{u"time"_s, u"kind"_s, u"speech_number"_s, u"speaker"_s,
                                        u"note"_s, u"after_speech_number"_s});
    CHECK(csv.records[1][0] == u"2027-01-15T08:01:00.000Z"_s); // t0 + 60 s
    CHECK(csv.records[1][1] == u"Note"_s);
    CHECK(csv.records[1][2] == u"1"_s);
    CHECK(csv.records[3][1] == u"Call to action"_s);
    CHECK(csv.records[3][4] == u"Volunteer for the IoT work stream,\nsign up by Friday."_s);
    // Written between speeches: no speech, and still there, the plain note and the takeaway,
    // with the speech they came after.
    const QString lastSpeech = QString::number(r.speeches.size());
    CHECK(csv.records[4] == QStringList{u"2027-01-15T08:19:10.000Z"_s, u"Note"_s, QString(),
                                        QString(), u"Room full; people stood at the back."_s,
                                        lastSpeech});
    CHECK(csv.records[1][5].isEmpty()); // a note on a speech is not between speeches
    CHECK(csv.records[5][1] == u"Key takeaway"_s);
    CHECK(csv.records[5][4] == u"Consumers need visible labels."_s);
    CHECK(notesCsvPath(u"/tmp/x/report.csv"_s) == u"/tmp/x/report-notes.csv"_s);
}
