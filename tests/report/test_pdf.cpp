#include <catch2/catch.hpp>

#include "report/html.h"
#include "report/pages.h"
#include "report/pdf.h"
#include "report_fixture.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFile>
#include <QPdfWriter>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextLayout>
#include <QTextTable>

using namespace podium;
using namespace podium::report;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// The text a PDF reader extracts, or a null string when pdftotext is not installed.
QString pdfText(const QString& path) {
    const QString tool = QStandardPaths::findExecutable(QStringLiteral(PDFTOTEXT));
    if (tool.isEmpty())
        return {};
    QProcess p;
    p.start(tool, {u"-enc"_s, u"UTF-8"_s, path, u"-"_s});
    if (!p.waitForFinished(60'000) || p.exitCode() != 0)
        return u"(pdftotext failed)"_s;
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

TEST_CASE("the PDF report has pages and its text names the session and the speakers") {
    ScriptedSession s;
    const Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"report.pdf"_s);
    auto written = exportReport(r, ReportFormat::Pdf, path, english);
    REQUIRE(written);
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    CHECK(bytes.startsWith("%PDF-"));
    // The speech log starts on a page of its own, so there are at least two.
    CHECK(pdfPageCount(bytes) >= 2);

    const QString text = pdfText(path);
    if (text.isNull()) {
        WARN("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
        return;
    }
    CHECK(text.contains(u"Securing the Internet for all"_s));
    CHECK(text.contains(u"Adiel Akplogan"_s));
    CHECK(text.contains(u"Key takeaways"_s));
    CHECK(text.contains(u"Standards work only when adopted"_s));
}

TEST_CASE("an empty session still gives a PDF") {
    const Report r = buildReport(SessionState{}, {}, 1'800'000'000'000);
    auto bytes = pdfBytes(r, QLocale(QLocale::English));
    REQUIRE(bytes);
    CHECK(pdfPageCount(*bytes) >= 1);
}

namespace {

// A document laid out on A4 as the PDF report is: the heading in it, and the block after it.
struct PagedDocument {
    QByteArray bytes;
    QBuffer buffer{&bytes};
    QPdfWriter writer{&buffer};
    QTextDocument doc;

    explicit PagedDocument(const QString& html) {
        buffer.open(QIODevice::WriteOnly);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setResolution(300);
        doc.setHtml(html);
        layOutOnPages(doc, writer);
    }
    QTextBlock heading() const {
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            if (b.blockFormat().headingLevel() > 0)
                return b;
        }
        return {};
    }
    QTextTable* firstTable() const {
        for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
            if (QTextTable* t = QTextCursor(b).currentTable())
                return t;
        }
        return nullptr;
    }
    // Whether a table's cell begins and ends on one page.
    bool onOnePage(const QTextTableCell& cell) const {
        const QRectF first =
            doc.documentLayout()->blockBoundingRect(cell.firstCursorPosition().block());
        const QRectF last =
            doc.documentLayout()->blockBoundingRect(cell.lastCursorPosition().block());
        return pageAt(doc, first.top()) == pageAt(doc, last.bottom() - 1);
    }
    // Where its first line is (a block can begin on one page, with its first line on the next).
    int pageOf(const QTextBlock& b) const {
        const qreal firstLine = b.layout()->lineCount() > 0 ? b.layout()->lineAt(0).y() : 0;
        return pageAt(doc, doc.documentLayout()->blockBoundingRect(b).top() + firstLine);
    }
};

QString paragraphs(int count) {
    QString html;
    for (int i = 1; i <= count; ++i)
        html += u"<p>Intervention %1 of the open floor.</p>"_s.arg(i);
    return html;
}

} // namespace

// Whatever fills the page before it, one of these counts puts the heading on the page's last line.
TEST_CASE("a heading is never the last line of a PDF page: it goes over with the text after it") {
    for (int before = 20; before < 60; ++before) {
        INFO(before << " paragraphs before the heading");
        const PagedDocument paged(paragraphs(before) +
                                  u"<h2>Speech log</h2><p>The first line under it.</p>"_s);
        const QTextBlock heading = paged.heading();
        REQUIRE(heading.isValid());
        CHECK(paged.pageOf(heading) == paged.pageOf(heading.next()));
    }
}

TEST_CASE("a heading over a table goes over with the table's first row") {
    const QString table = u"<table border=\"1\"><thead><tr><th>Name</th><th>Group</th></tr></thead>"
                          "<tr><td>Adiel Akplogan</td><td>Technical community</td></tr>"
                          "<tr><td>Wout De Natris</td><td>Private sector</td></tr></table>"_s;
    for (int before = 20; before < 60; ++before) {
        INFO(before << " paragraphs before the heading");
        const PagedDocument paged(paragraphs(before) + u"<h3>Panelists</h3>"_s + table);
        const QTextBlock heading = paged.heading();
        REQUIRE(heading.isValid());
        QTextBlock firstRow = heading.next();
        while (firstRow.isValid() && !QTextCursor(firstRow).currentTable())
            firstRow = firstRow.next();
        auto* t = QTextCursor(firstRow).currentTable();
        REQUIRE(t);
        const QTextBlock body = t->cellAt(1, 0).firstCursorPosition().block();
        CHECK(paged.pageOf(heading) == paged.pageOf(body));
    }
}

// "Participation and balance of voices" stood alone at the foot of a page, after the agenda's
// table, with "Participants" and its table on the next.
TEST_CASE("two headings after a table go over with the table after them") {
    // As the report's styles and tables are.
    const QString style = u"<style>body{font-size:10pt}h2{font-size:14pt;margin-top:18pt}"
                          "h3{font-size:11pt;margin-top:12pt}</style>"_s;
    const QString table =
        u"<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
        "style=\"border-collapse: collapse; margin-bottom: 8px\">"
        "<thead><tr><th>Name</th><th>Group</th></tr></thead><tbody>"
        "<tr><td>Adiel Akplogan</td><td>Technical community</td></tr>"
        "<tr><td>Wout De Natris</td><td>Private sector</td></tr>"
        "<tr><td>Total</td><td></td></tr></tbody></table>\n"_s; // an empty last cell, as the
                                                                // agenda's
    for (int before = 20; before < 80; ++before) {
        INFO(before << " paragraphs before the first table");
        const PagedDocument paged(style + paragraphs(before) + table +
                                  u"<h2>Participation and balance of voices</h2>\n"
                                  "<h3>Participants</h3>\n"_s +
                                  table);
        const QTextBlock heading = paged.heading();
        REQUIRE(heading.isValid());
        CHECK(paged.pageOf(heading) == paged.pageOf(heading.next()));
    }
}

// After a table that went over a page, Qt's layout is a page behind in where the page ends: a
// break before a heading or a table (taken, then taken again for a line that seemed not to fit)
// went over two pages, and left one blank ("By gender", an empty page 3, "By role" on page 4).
TEST_CASE("after a table that crossed a page, what goes over goes to the next page only") {
    // As the report's tables are.
    const QString tableStart =
        u"<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
        "style=\"border-collapse: collapse; margin-bottom: 8px\">"_s;
    QString longTable = tableStart + u"<thead><tr><th>Region</th><th>Count</th></tr></thead>"_s;
    for (int i = 1; i <= 70; ++i)
        longTable += u"<tr><td>Region %1</td><td>4</td></tr>"_s.arg(i);
    longTable += u"</table>"_s;
    const QString small = tableStart + u"<thead><tr><th>Gender</th><th>Share</th></tr></thead>"
                                       "<tr><td>Not stated</td><td>100%</td></tr></table>"_s;
    for (int before = 0; before < 60; ++before) {
        INFO(before << " paragraphs between the tables");
        for (const QString& next : {u"<h3>By role</h3>"_s + small, small}) {
            const PagedDocument paged(
                u"<style>body{font-size:10pt}h3{font-size:12pt;margin-top:12pt}</style>"_s +
                longTable + paragraphs(before) + small + next);
            REQUIRE(paged.doc.pageCount() > 1);
            // Every page has some of the text on it.
            QSet<int> pagesWithText;
            for (QTextBlock b = paged.doc.begin(); b.isValid(); b = b.next()) {
                if (!b.text().isEmpty())
                    pagesWithText.insert(paged.pageOf(b));
            }
            INFO("pages: " << paged.doc.pageCount());
            CHECK(pagesWithText.size() == paged.doc.pageCount());
            // A heading that went over heads its new page, not some way down it.
            const QTextBlock heading = paged.heading();
            if (heading.isValid() && paged.pageOf(heading) != paged.pageOf(heading.previous())) {
                const qreal line = heading.layout()->lineAt(0).y() +
                                   paged.doc.documentLayout()->blockBoundingRect(heading).top();
                const qreal pageTop = paged.pageOf(heading) * paged.doc.pageSize().height();
                CHECK(line - pageTop < 2 * heading.layout()->lineAt(0).height());
            }
        }
    }
}

// A speech's row began at the foot of one page and ended on the next: its speaker on one page,
// their group on the other.
TEST_CASE("a table row of the PDF report is never cut by a page's foot") {
    QString rows;
    for (int i = 1; i <= 40; ++i)
        rows += u"<tr><td>%1</td><td>Manal Ismail<br/>(National Telecom Regulatory Authority)</td>"
                "<td>Government<br/>African Group</td></tr>"_s.arg(i);
    const QString table =
        u"<table border=\"1\"><thead><tr><th>#</th><th>Speaker</th><th>Group</th></tr></thead>"_s +
        rows + u"</table>"_s;
    for (int before = 0; before < 6; ++before) {
        INFO(before << " paragraphs before the table");
        const PagedDocument paged(paragraphs(before) + table);
        QTextTable* t = paged.firstTable();
        REQUIRE(t);
        REQUIRE(paged.doc.pageCount() > 1);
        for (int row = 1; row < t->rows(); ++row) {
            for (int column = 0; column < t->columns(); ++column) {
                INFO("row " << row << ", column " << column);
                CHECK(paged.onOnePage(t->cellAt(row, column)));
            }
        }
    }
}

// A heading that went over to the next page was also drawn, clipped away, at the foot of the page
// before: invisible there, but found twice by search and read twice by screen readers.
TEST_CASE("a heading that goes over to the next page is in the PDF once") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    for (int before = 25; before < 45; ++before) {
        INFO(before << " paragraphs before the heading");
        const QString path = dir.filePath(u"page%1.pdf"_s.arg(before));
        {
            QPdfWriter writer(path); // the file is complete once the writer is gone
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            writer.setResolution(300);
            QTextDocument doc;
            // After a table, with a margin above, as the report's headings are.
            doc.setHtml(u"<style>body{font-size:10pt}h2{font-size:14pt;margin-top:18pt}</style>"_s +
                        paragraphs(before) +
                        u"<table border=\"1\"><tr><td>Opening</td><td>5 min</td></tr></table>"
                        "<h2>Speech log</h2><p>The first line under it.</p>"_s);
            layOutOnPages(doc, writer);
            printPages(doc, writer);
        }
        const QString text = pdfText(path);
        if (text.isNull()) {
            WARN("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
            return;
        }
        CHECK(text.count(u"Speech log"_s) == 1);
    }
}

// After a speech log that crossed a page, the notes written while nobody had the floor were not
// in the PDF at all (the Markdown and the preview had them).
TEST_CASE("the notes after a speech log that crossed a page are in the PDF") {
    ScriptedSession s;
    const Report scripted = buildReport(s.h.state(), s.notes, s.at(1300));
    REQUIRE_FALSE(scripted.otherNotes.isEmpty());
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    for (int extra = 0; extra < 40; extra += 3) {
        INFO(extra << " speeches more");
        Report r = scripted;
        for (int i = 0; i < extra; ++i) {
            SpeechRow row = scripted.speeches[i % scripted.speeches.size()];
            row.number = int(r.speeches.size()) + 1;
            r.speeches.append(row);
        }
        const QString path = dir.filePath(u"r%1.pdf"_s.arg(extra));
        REQUIRE(exportReport(r, ReportFormat::Pdf, path, english));
        const QString text = pdfText(path);
        REQUIRE_FALSE(text.isNull());
        CHECK(text.contains(u"Notes written while nobody had the"_s)); // "ﬂoor": a ligature
        CHECK(text.contains(u"Room full; people stood at the back."_s));
    }
}

// A table that ended at a page's foot had its header row repeated at the top of the next page,
// drawn over the heading there ("Region Count" over "Polls"): Qt repeats a table's header on every
// page down to its bottom margin's.
TEST_CASE("a table's header row is repeated only on the pages its rows go on to") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // As the report's tables are.
    const QString table =
        u"<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
        "style=\"border-collapse: collapse; margin-bottom: 8px\">"
        "<thead><tr><th>Region</th><th>Count</th></tr></thead>"
        "<tr><td>Africa</td><td>4</td></tr><tr><td>Europe</td><td>3</td></tr></table>"_s;
    // From a table ending well above the second page's foot to one whose last row went over.
    for (int spacer = 30; spacer < 56; ++spacer) {
        INFO(spacer << " pixels of spacer");
        const QString path = dir.filePath(u"t%1.pdf"_s.arg(spacer));
        QSet<int> pagesWithRows;
        {
            QPdfWriter writer(path);
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setPageMargins(QMarginsF(0, 0, 0, 0));
            writer.setResolution(300);
            QTextDocument doc;
            doc.setHtml(u"<style>body{font-size:10pt}h2{font-size:14pt;margin-top:18pt}</style>"
                        "<p>Opening.</p><p style=\"margin-top:%1px\">Spacer.</p>"_s.arg(spacer) +
                        paragraphs(68) + table +
                        u"<h2>Polls</h2><p>The first line under it.</p>"_s);
            layOutOnPages(doc, writer);
            printPages(doc, writer);
            for (QTextBlock b = doc.begin(); b.isValid(); b = b.next()) {
                if (QTextCursor(b).currentTable())
                    pagesWithRows.insert(
                        pageAt(doc, doc.documentLayout()->blockBoundingRect(b).top()));
            }
        }
        const QString text = pdfText(path);
        REQUIRE_FALSE(text.isNull());
        CHECK(text.count(u"Region"_s) == pagesWithRows.size());
    }
}

// A poll's tallies were cut before their Total row, under a repeated header; its chart's legend
// and first bar ended a page, and the other bars began the next without their title.
TEST_CASE("a poll's tallies and its chart each stay on one page") {
    // As the report's poll is: heading, tallies, then the chart (core/report/chart.cpp).
    QString tallies = u"<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                      "style=\"border-collapse: collapse; margin-bottom: 8px\">"
                      "<thead><tr><th>Option</th><th>Onsite</th><th>Online</th></tr></thead>"_s;
    for (const QString& option :
         {u"Yes, mandatory"_s, u"Yes, voluntary"_s, u"No"_s, u"Not sure"_s, u"Total"_s})
        tallies += u"<tr><td>%1</td><td>20</td><td>12</td></tr>"_s.arg(option);
    tallies += u"</table>"_s;
    QString chart = u"<p><b>Votes by source</b><br/>Onsite Online</p>"_s;
    for (int bar = 1; bar <= 4; ++bar)
        chart += u"<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\" "
                 "style=\"margin-bottom:3px\"><tr><td width=\"30%\">Bar %1</td>"
                 "<td width=\"40%\" bgcolor=\"#2b6cb0\">&nbsp;</td><td width=\"12%\">&nbsp;</td>"
                 "<td width=\"18%\">32 (50.0%)</td></tr></table>"_s.arg(bar);
    for (int before = 30; before < 62; ++before) {
        INFO(before << " paragraphs before the poll");
        const PagedDocument paged(u"<style>body{font-size:10pt}h3{font-size:11pt;"
                                  "margin-top:12pt}</style>"_s +
                                  paragraphs(before) +
                                  u"<h3>Should IoT devices carry a security label?</h3>"_s +
                                  tallies + chart);
        QSet<int> talliesPages, chartPages;
        for (QTextBlock b = paged.doc.begin(); b.isValid(); b = b.next()) {
            QTextTable* t = QTextCursor(b).currentTable();
            if (t && t->rows() > 1)
                talliesPages.insert(paged.pageOf(b));
            else if ((t && t->rows() == 1) || b.text().startsWith(u"Votes by source"_s))
                chartPages.insert(paged.pageOf(b));
        }
        CHECK(talliesPages.size() == 1);
        CHECK(chartPages.size() == 1);
        CHECK(paged.pageOf(paged.heading()) == *talliesPages.cbegin());
    }
}

// Kept whole as a short table, a few speeches with long notes (taller than a page together) were
// cut anywhere: a short table goes over whole only when it is short in height too.
// The PDF's speech log gave the one-time start and the presence as much room as the speaker, whose
// name and affiliation then ran to ten lines.
TEST_CASE("the speech log in the PDF gives the speaker's column the most room") {
    ScriptedSession s;
    Report r = buildReport(s.h.state(), s.notes, s.at(1300));
    REQUIRE_FALSE(r.speeches.isEmpty());
    r.speeches.first().speaker.affiliation =
        u"Internet Society Chapter of the Autonomous City of Buenos Aires"_s;
    const PagedDocument paged(toHtml(r, QLocale(QLocale::English), HtmlFlavor::RichText));
    QTextTable* log = nullptr;
    for (QTextBlock b = paged.doc.begin(); b.isValid(); b = b.next()) {
        QTextTable* t = QTextCursor(b).currentTable();
        if (t && t->columns() == 7 &&
            t->cellAt(0, 2).firstCursorPosition().block().text() == u"Speaker"_s)
            log = t;
    }
    REQUIRE(log);
    const auto width = [&](int column) {
        return paged.doc.documentLayout()
            ->blockBoundingRect(log->cellAt(1, column).firstCursorPosition().block())
            .width();
    };
    for (int column : {0, 1, 3, 4, 5, 6}) {
        INFO("column " << column);
        CHECK(width(2) > width(column));
    }
}

TEST_CASE("a table of few but tall rows still has each row whole on its page") {
    QString rows;
    for (int i = 1; i <= 6; ++i) {
        QString notes;
        for (int line = 1; line <= 14; ++line)
            notes += u"Note %1 on speech %2, as the rapporteur wrote it<br/>"_s.arg(line).arg(i);
        rows += u"<tr><td>%1</td><td>Speaker %1</td><td>%2</td></tr>"_s.arg(i).arg(notes);
    }
    const QString table =
        u"<table border=\"1\"><thead><tr><th>#</th><th>Speaker</th><th>Notes</th></tr></thead>"_s +
        rows + u"</table>"_s;
    for (int before = 0; before < 30; before += 3) {
        INFO(before << " paragraphs before the table");
        const PagedDocument paged(paragraphs(before) + table);
        QTextTable* t = paged.firstTable();
        REQUIRE(t);
        REQUIRE(t->rows() <= 12);
        for (int row = 1; row < t->rows(); ++row) {
            INFO("row " << row);
            CHECK(paged.onOnePage(t->cellAt(row, 2)));
        }
    }
}
