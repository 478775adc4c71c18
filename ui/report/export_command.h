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
    // Where the cockpit keeps its joined copies: one made since from `session` holds what was
    // done and noted after it, and the report says so (empty: not looked for).
    QString joinedCopies;
};

// Returns the process exit code: 0 written, 1 a file could not be read or written, 2 the
// request itself is wrong. Says what it wrote on `out`, what went wrong on `err`.
int runExportReport(const ExportRequest& request, QTextStream& out, QTextStream& err);

} // namespace podium::report
