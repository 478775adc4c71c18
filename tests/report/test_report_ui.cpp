#include <catch2/catch.hpp>

#include "cockpit.h"
#include "docks/report_dock.h"
#include "main_window.h"
#include "report/report_menu.h"
#include "report_fixture.h"
#include "theme/theme.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QtMath>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

// "इंटरनेट शासन मंच" was proposed as "इटरनट शसन मच": its vowel signs taken out as not letters.
TEST_CASE("the report's proposed file name keeps the title's letters in every script") {
    using report::ReportFormat;
    CHECK(suggestedReportName(u"इंटरनेट शासन मंच — Nguyễn"_s, ReportFormat::Pdf) ==
          u"इंटरनेट शासन मंच Nguyễn.pdf"_s);
    CHECK(suggestedReportName(u"WS #42: \"Securing/the Internet\""_s, ReportFormat::Html) ==
          u"WS 42 Securing the Internet.html"_s);
    CHECK(suggestedReportName(u"?!"_s, ReportFormat::Markdown) == u"Session report.md"_s);
    // An apostrophe and a version's dot are kept ("Africa s Digital Future v2 0"); a leading dot
    // would hide the file.
    CHECK(suggestedReportName(u"Africa's Digital Future v2.0"_s, ReportFormat::Pdf) ==
          u"Africa's Digital Future v2.0.pdf"_s);
    CHECK(suggestedReportName(u".NET day"_s, ReportFormat::Pdf) == u"NET day.pdf"_s);
}

TEST_CASE("the cockpit shows a live report preview and offers File → Export report") {
    ScriptedSession s;
    Cockpit cockpit(s.h.engine);
    MainWindow window(cockpit);
    auto* dock = qobject_cast<ReportDock*>(window.dock(u"ReportDock"_s));
    REQUIRE(dock);
    dock->refreshNow();
    const QString before = dock->preview()->toPlainText();
    CHECK(before.contains(u"Securing the Internet for all"_s));
    CHECK(before.contains(awkwardName)); // shown as written, not as markup
    CHECK_FALSE(before.contains(u"Silent Listener"_s));

    // The preview follows the session: a new speaker appears, marked as speaking.
    s.h.add(u"Silent Listener"_s);
    REQUIRE(s.h.run(Action::Next));
    s.h.clock.advance(20'000);
    dock->refreshNow();
    const QString after = dock->preview()->toPlainText();
    CHECK(after.contains(u"Silent Listener"_s));
    CHECK(after.contains(u"(speaking)"_s));

    auto* action = window.findChild<QAction*>(u"exportReportAction"_s);
    REQUIRE(action);
    CHECK(window.menu(MainWindow::MenuId::File)->actions().contains(action));
}

// The save dialog asked about the CSV named; its tallies' file beside it was replaced silently.
TEST_CASE("a CSV export asks before it replaces the poll tallies' file beside it") {
    QTemporaryDir dir;
    QWidget window;
    const QString csv = dir.filePath(u"report.csv"_s);
    CHECK(mayReplaceCompanions(window, csv)); // nothing there yet
    QFile polls(dir.filePath(u"report-polls.csv"_s));
    REQUIRE(polls.open(QIODevice::WriteOnly));
    polls.close();
    CHECK(mayReplaceCompanions(window, dir.filePath(u"report.md"_s))); // no tallies' file
    for (const auto answer : {QMessageBox::No, QMessageBox::Yes}) {
        QTimer::singleShot(0, [answer] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            REQUIRE(box);
            CHECK(box->text().contains(u"report-polls.csv"_s));
            box->button(answer)->click();
        });
        CHECK(mayReplaceCompanions(window, csv) == (answer == QMessageBox::Yes));
    }
}

// While someone speaks the clock ticks five times a second, and each tick or event used to restart
// the preview's wait, so it was never rebuilt until the floor was free again.
TEST_CASE("the preview is rebuilt while changes keep coming") {
    ScriptedSession s;
    Cockpit cockpit(s.h.engine);
    cockpit.setSeat(Seat::Rapporteur); // whose layout shows the preview
    MainWindow window(cockpit);
    window.show();
    auto* dock = qobject_cast<ReportDock*>(window.dock(u"ReportDock"_s));
    REQUIRE(dock);
    REQUIRE(dock->isVisible());
    dock->refreshNow();
    s.h.add(u"Silent Listener"_s);
    REQUIRE(s.h.run(Action::Next));
    QElapsedTimer keptComing;
    keptComing.start();
    bool shown = false;
    for (int i = 0; !shown && keptComing.elapsed() < 3 * ReportDock::debounceMs; ++i) {
        // a change sooner than the wait each time, as the ticking clock makes them
        REQUIRE(s.h.run(Action::SetStageMessage, {{u"text"_s, u"message %1"_s.arg(i)}}));
        QTest::qWait(ReportDock::debounceMs / 4);
        shown = dock->preview()->toPlainText().contains(u"Silent Listener"_s);
    }
    CHECK(shown);
}

TEST_CASE("the preview belongs to the rapporteur's layout") {
    ScriptedSession s;
    Cockpit cockpit(s.h.engine);
    MainWindow window(cockpit);
    QDockWidget* dock = window.dock(u"ReportDock"_s);
    REQUIRE(dock);
    cockpit.setSeat(Seat::Rapporteur);
    window.resetLayout();
    CHECK_FALSE(dock->isHidden());
    cockpit.setSeat(Seat::Moderator);
    window.resetLayout();
    CHECK(dock->isHidden());
}

TEST_CASE("exporting from the cockpit writes the format the file name asks for") {
    ScriptedSession s;
    Cockpit cockpit(s.h.engine);
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString pdf = dir.filePath(u"report.pdf"_s);
    // A long PDF takes seconds: the window's clocks and link go on meanwhile (a rapporteur's seat
    // frozen for 30 s was dropped by the host).
    bool ranMeanwhile = false;
    QTimer::singleShot(0, [&] { ranMeanwhile = true; });
    auto written = exportCurrentReport(cockpit, s.notes, pdf, std::nullopt);
    CHECK(ranMeanwhile);
    REQUIRE(written);
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(5) == "%PDF-");

    auto refused =
        exportCurrentReport(cockpit, s.notes, dir.filePath(u"report.txt"_s), std::nullopt);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().contains(u".pdf"_s));
}

// A long session's preview shows the latest speeches only, so refreshing it stays quick.
TEST_CASE("the report preview of a long session shows its latest speeches") {
    ScriptedSession s;
    Cockpit cockpit(s.h.engine);
    ReportDock dock(cockpit);
    for (int i = 0; i < ReportDock::previewSpeeches + 3; ++i) {
        s.h.add(u"Silent Listener"_s);
        REQUIRE(s.h.run(Action::Next));
        s.h.clock.advance(1'000);
    }
    REQUIRE(s.h.run(Action::EndSpeech));
    const int speeches = int(s.h.state().speeches.size());
    dock.refreshNow();
    const QString shown = dock.preview()->toPlainText();
    CHECK(shown.contains(
        u"The latest %1 interventions; the %2 before them"_s.arg(ReportDock::previewSpeeches)
            .arg(speeches - ReportDock::previewSpeeches)));
    CHECK_FALSE(shown.contains(awkwardName)); // an early speaker of the script, left out
}

// Refreshed while the rapporteur read its end (320 notes), the preview jumped back a long way;
// and a reader at the end, where the latest notes are, was left above the note just written.
TEST_CASE("the report preview keeps the reader's place when it refreshes, at its end the end") {
    ScriptedSession s;
    Cockpit cockpit(s.h.engine);
    ReportDock dock(cockpit);
    QList<Note> notes;
    for (int i = 1; i <= 320; ++i)
        notes.append(Note{i, s.at(i), 0, NoteKind::Note,
                          u"Point %1 made from the floor, written down as it was said"_s.arg(i)});
    dock.setNotesSource([&notes] { return notes; });
    dock.resize(600, 400);
    dock.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dock));
    // As the dock refreshes in the running window: the scroll bar takes the text's length a turn
    // of the event loop later, before anyone looks.
    QScrollBar* bar = dock.preview()->verticalScrollBar();
    const auto refresh = [&] {
        dock.refreshNow();
        const QTextDocument* text = dock.preview()->document();
        const int viewport = dock.preview()->viewport()->height();
        REQUIRE(QTest::qWaitFor(
            [&] { return qAbs(bar->maximum() - (qCeil(text->size().height()) - viewport)) <= 1; }));
        QCoreApplication::processEvents();
    };
    refresh();
    bar->setValue(bar->maximum() / 2);
    const int middle = bar->value();
    REQUIRE(middle > 10 * bar->pageStep());
    s.h.add(u"Silent Listener"_s);
    REQUIRE(s.h.run(Action::Next));
    refresh();
    CHECK(bar->value() == middle);

    bar->setValue(bar->maximum());
    const int end = bar->value();
    notes.append(Note{321, s.at(400), 0, NoteKind::Note, u"The last word"_s});
    refresh();
    CHECK(bar->maximum() > end);
    CHECK(bar->value() == bar->maximum());
}

// The report's text is dark, as on paper: on the dark theme's background it could not be read.
TEST_CASE("the report preview stays a light page in the dark theme") {
    ScriptedSession s;
    Cockpit cockpit(s.h.engine);
    ReportDock dock(cockpit);
    applyTheme(Theme::Dark);
    dock.refreshNow();
    const QPalette shown = dock.preview()->palette();
    CHECK(shown.color(QPalette::Base).lightness() > 200);
    CHECK(shown.color(QPalette::Text).lightness() < 60);
    applyTheme(Theme::Light);
}
