#pragma once

#include <QString>
#include <QTextStream>

// `podium --export-report SESSION --format md|html|pdf|csv -o OUT`: the report of a session
// file, written without a window. Needs a QGuiApplication for PDF (the offscreen platform does).
namespace podium::report {

struct ExportRequest {
    QString session; // a session file (*.podium)
    QString format;  // md, html, pdf or csv
    QString output;  // for csv also OUT-polls.csv beside it
};

// Returns the process exit code: 0 written, 1 a file could not be read or written, 2 the
// request itself is wrong. Says what it wrote on `out`, what went wrong on `err`.
int runExportReport(const ExportRequest& request, QTextStream& out, QTextStream& err);

} // namespace podium::report
