#pragma once

#include "model/result.h"
#include "report/export.h"
#include "report/pages.h"
#include "report/report.h"

#include <QByteArray>
#include <QLocale>
#include <QString>
#include <QStringList>

// The report as PDF through Qt's own writer (QTextDocument laid out on A4 by QPdfWriter, with
// page numbers). Needs a QGuiApplication (fonts); the offscreen platform will do.
namespace podium::report {

[[nodiscard]] Result<QByteArray> pdfBytes(const Report& report, const QLocale& locale = QLocale(),
                                          const Meanwhile& meanwhile = {});
int pdfPageCount(const QByteArray& pdf);

// Every format, PDF included: what File → Export report and `podium --export-report` call.
[[nodiscard]] Result<QStringList> exportReport(const Report& report, ReportFormat format,
                                               const QString& path,
                                               const QLocale& locale = QLocale(),
                                               const Meanwhile& meanwhile = {});

} // namespace podium::report
