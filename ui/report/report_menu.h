#pragma once

#include "model/note.h"
#include "model/result.h"
#include "report/export.h"
#include "report/report.h"

#include <QList>
#include <QString>
#include <QStringList>

class QWidget;

namespace podium {

class Cockpit;
class MainWindow;

// Adds File → Export report… and the live report preview (shown in the rapporteur's layout) to
// `window`. The preview reads the notes of the window's notes dock, when it has one.
void installReport(MainWindow& window, Cockpit& cockpit);

// The file name File → Export report proposes for a session of this title: its letters, digits,
// spaces and dashes, in any script.
QString suggestedReportName(const QString& title, report::ReportFormat format);

// The report of the session this cockpit shows: what still runs is closed at
// Cockpit::reportTime(), and it is dated when it is made.
report::Report currentReport(const Cockpit& cockpit, const QList<Note>& notes);
// For a CSV export to `path`: whether the tallies' file beside it may be written (it does not
// exist, or the user said to replace it).
bool mayReplaceCompanions(QWidget& window, const QString& path);

// Writes the report of the session as it stands now to `path`, in `format` (or the one its
// suffix names). What the menu does once a file is chosen.
[[nodiscard]] Result<QStringList> exportCurrentReport(const Cockpit& cockpit,
                                                      const QList<Note>& notes, const QString& path,
                                                      std::optional<report::ReportFormat> format);

} // namespace podium
