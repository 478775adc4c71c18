#pragma once

#include "model/result.h"
#include "report.h"

#include <QLocale>
#include <QString>
#include <QStringList>
#include <optional>

namespace podium::report {

enum class ReportFormat { Markdown, Html, Pdf, Csv };

// "md"/"markdown", "html"/"htm", "pdf", "csv" (any case).
std::optional<ReportFormat> formatFromName(const QString& name);
QString formatName(ReportFormat format);
QString fileSuffix(ReportFormat format);

// A CSV export writes three files: the speech log at OUT, the poll tallies beside it at
// OUT-polls.csv ("report.csv" gives "report-polls.csv") and the notes at OUT-notes.csv.
QString pollsCsvPath(const QString& out);
QString notesCsvPath(const QString& out);
// The files a CSV export writes beside OUT.
QStringList csvCompanionPaths(const QString& out);

// Writes the report as Markdown, HTML or CSV (PDF needs Qt Gui: ui/report). Each file is
// replaced whole or not at all. Returns the paths written.
[[nodiscard]] Result<QStringList> writeReport(const Report& report, ReportFormat format,
                                              const QString& path,
                                              const QLocale& locale = QLocale());

// Writes bytes to a file atomically (a file that fails half-way is left as it was), or to a pipe
// or terminal as they go; with a readable error.
[[nodiscard]] Result<bool> writeFileAtomically(const QString& path, const QByteArray& bytes);
// Whether a path names a pipe, terminal or other device rather than a file.
bool isStream(const QString& path);

} // namespace podium::report
