#include <catch2/catch.hpp>

#include "report/pdf.h"
#include "report_fixture.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

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
