#pragma once

#include "report.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

// CSV for spreadsheets and scripts (RFC 4180: CRLF line ends, fields quoted when they hold a
// comma, quote or line break, quotes doubled; UTF-8 with a byte order mark, which Excel needs).
// A field that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
// apostrophe. Times are ISO 8601 in UTC, durations ISO 8601 and in seconds, numbers with a
// dot: never locale-dependent.
namespace podium::report {

QByteArray speechLogCsv(const Report& report);
QByteArray pollTalliesCsv(const Report& report);
// Every note, one row each in the order written, with the speech it was written during (none for
// those written while nobody had the floor, which the speech log cannot hold).
QByteArray notesCsv(const Report& report);

QString csvField(const QString& value);
QString csvRecord(const QStringList& fields); // with its CRLF

} // namespace podium::report
