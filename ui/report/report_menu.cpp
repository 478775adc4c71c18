#include "report_menu.h"

#include "cockpit.h"
#include "docks/notes_dock.h"
#include "docks/notes_model.h"
#include "docks/report_dock.h"
#include "main_window.h"
#include "report/pdf.h"
#include "save_path.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

// The last export's folder and format come back: a rapporteur exports again and again.
const QString lastFormatKey = u"report/lastFormat"_s;

void chooseAndExport(MainWindow& window, Cockpit& cockpit, const ReportDock* preview) {
    const QStringList filters = {QObject::tr("PDF (*.pdf)"), QObject::tr("Web page (*.html)"),
                                 QObject::tr("Markdown (*.md)"),
                                 QObject::tr("CSV: speech log and poll tallies (*.csv)")};
    const QList<report::ReportFormat> formats = {
        report::ReportFormat::Pdf, report::ReportFormat::Html, report::ReportFormat::Markdown,
        report::ReportFormat::Csv};
    QStringList suffixes;
    for (report::ReportFormat f : formats)
        suffixes << report::fileSuffix(f).mid(1); // without its dot
    int chosenIndex =
        qBound(0, QSettings().value(lastFormatKey, 0).toInt(), int(formats.size()) - 1);
    QString path =
        askSavePath(&window, QObject::tr("Export report"),
                    suggestedReportName(cockpit.state().info.title, formats.at(chosenIndex)),
                    filters, suffixes, &chosenIndex);
    if (path.isEmpty())
        return;
    if (!mayReplaceCompanions(window, path))
        return;
    QSettings().setValue(lastFormatKey, chosenIndex);
    const QList<Note> notes = preview ? preview->notes() : QList<Note>{};
    window.statusBar()->showMessage(QObject::tr("Writing the report…"));
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto written = exportCurrentReport(cockpit, notes, path, std::nullopt);
    QGuiApplication::restoreOverrideCursor();
    window.statusBar()->clearMessage();
    if (!written) {
        QMessageBox::warning(&window, QObject::tr("Export report"), written.error());
        return;
    }
    window.statusBar()->showMessage(QObject::tr("Report written: %1").arg(written->join(u", "_s)),
                                    8000);
}

} // namespace

// The save dialog asked about the file named; the tallies' and notes' files beside a CSV were
// replaced without a word.
bool mayReplaceCompanions(QWidget& window, const QString& path) {
    if (report::formatFromName(QFileInfo(path).suffix()) != report::ReportFormat::Csv)
        return true;
    QStringList existing;
    for (const QString& companion : report::csvCompanionPaths(path)) {
        if (QFileInfo::exists(companion))
            existing << QFileInfo(companion).fileName();
    }
    return existing.isEmpty() ||
           QMessageBox::question(&window, QObject::tr("Export report"),
                                 QObject::tr("Beside it there is already %1. Replace with this "
                                             "session's poll tallies and notes?")
                                     .arg(existing.join(u", "_s))) == QMessageBox::Yes;
}

QString suggestedReportName(const QString& title, report::ReportFormat format) {
    return fileNameOf(title, QObject::tr("Session report")) +
           report::fileSuffix(format); // in the usual folder
}

report::Report currentReport(const Cockpit& cockpit, const QList<Note>& notes) {
    report::Report r = report::buildReport(cockpit.state(), notes, cockpit.reportTime());
    r.generatedAt = cockpit.now(); // "Report made": now, also when it closes at the last event
    return r;
}

Result<QStringList> exportCurrentReport(const Cockpit& cockpit, const QList<Note>& notes,
                                        const QString& path,
                                        std::optional<report::ReportFormat> format) {
    if (!format)
        format = report::formatFromName(QFileInfo(path).suffix());
    if (!format)
        return Result<QStringList>::failure(
            QObject::tr("Name the file .pdf, .html, .md or .csv to choose a format."));
    // A long report takes seconds to lay out: meanwhile the window keeps its clocks and its link
    // to the host (a rapporteur's seat, frozen for 30 s, was dropped by the host), and takes no
    // input (its wait cursor says why).
    const auto keepGoing = [] {
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    };
    return report::exportReport(currentReport(cockpit, notes), *format, path, QLocale(), keepGoing);
}

void installReport(MainWindow& window, Cockpit& cockpit) {
    auto* preview = new ReportDock(cockpit, &window);
    if (auto* notesDock = qobject_cast<NotesDock*>(window.dock(u"notesDock"_s))) {
        NotesModel* model = notesDock->model();
        preview->setNotesSource([model] { return model->notes(); });
        const auto refresh = [preview] {
            preview->refreshSoon();
        };
        QObject::connect(model, &QAbstractItemModel::modelReset, preview, refresh);
        QObject::connect(model, &QAbstractItemModel::layoutChanged, preview, refresh);
        QObject::connect(model, &QAbstractItemModel::rowsInserted, preview, refresh);
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, preview, refresh);
        QObject::connect(model, &QAbstractItemModel::dataChanged, preview, refresh);
    }
    window.addDock(preview, Qt::RightDockWidgetArea, {Seat::Rapporteur});

    auto* action = new QAction(QObject::tr("Export &report…"), &window);
    action->setObjectName(u"exportReportAction"_s);
    auto run = [&window, &cockpit, preview] {
        chooseAndExport(window, cockpit, preview);
    };
    QObject::connect(action, &QAction::triggered, &window, run);
    QObject::connect(preview, &ReportDock::exportRequested, &window, run);
    if (QMenu* file = window.menu(MainWindow::MenuId::File)) {
        const QList<QAction*> existing = file->actions();
        // Before Quit (the last entry) when there is one.
        file->insertAction(existing.isEmpty() ? nullptr : existing.last(), action);
    }
}

} // namespace podium
