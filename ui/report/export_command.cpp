#include "export_command.h"

#include "pdf.h"
#include "report/format.h"
#include "store/joined_copies.h"
#include "store/session_file.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium::report {
namespace {

// A speech still on the floor in the file is closed at the file's last event, not at the
// moment of export (which may be days later).
qint64 lastEventTime(const SessionFile& file) {
    return file.lastEventAt().value_or(QDateTime::currentMSecsSinceEpoch());
}

// A rapporteur started again with `--join … --session FILE` goes on in a new joined copy each
// time: FILE stays as it was at the first restart, and its report lacks the notes written since.
void warnOfNewerCopy(const SessionFile& file, const ExportRequest& request, QTextStream& err) {
    const auto newer = joined::newerCopyOf(file, request.joinedCopies);
    if (!newer)
        return;
    const auto notes = file.notes();
    err << tr("Note: %1 is not the latest of this session on this computer. This computer joined "
              "it again since, into a copy of it written later: %2 (last written %3; %4 notes "
              "and %5 events, against %6 and %7 here). To report what was done and noted since, "
              "export that copy.")
               .arg(request.session, newer->path,
                    QLocale().toString(newer->lastWritten, QLocale::ShortFormat))
               .arg(newer->notes)
               .arg(newer->lastSeq)
               .arg(notes ? notes->size() : 0)
               .arg(file.state().lastSeq)
        << '\n';
}

} // namespace

int runExportReport(const ExportRequest& given, QTextStream& out, QTextStream& err) {
    ExportRequest request = given;
    if (request.output.isEmpty()) {
        err << tr("Say where to write the report with -o FILE (or -o - for the standard "
                  "output).")
            << '\n';
        return 2;
    }
    // The standard output redirected to a file is a file here, but its name is unknown: the
    // polls of a CSV report went to "/dev/stdout-polls.csv".
    const QString named = QDir::cleanPath(request.output);
    const bool standardOutput = request.output == u"-"_s || named == u"/dev/stdout"_s ||
                                named == u"/dev/fd/1"_s || named == u"/proc/self/fd/1"_s;
    if (standardOutput)
        request.output = u"/dev/stdout"_s;
    if (request.format.isEmpty()) {
        err << (standardOutput
                    ? tr("Say which format to write to the standard output with --format md, "
                         "html, pdf or csv.")
                    : tr("Say which format to write with --format md, html, pdf or csv: the name "
                         "%1 has no suffix that tells it.")
                          .arg(given.output))
            << '\n';
        return 2;
    }
    const auto format = formatFromName(request.format);
    if (!format) {
        err << tr("Unknown report format “%1”: use md, html, pdf or csv.").arg(request.format)
            << '\n';
        return 2;
    }
    const bool toStream = isStream(request.output);
    if ((toStream || standardOutput) && *format == ReportFormat::Csv) {
        err << tr("A CSV report is three files (the speeches, and the polls and the notes beside "
                  "them): give a file name with -o.")
            << '\n';
        return 2;
    }
    const QFileInfo session(request.session);
    const auto isSession = [&session](const QString& path) {
        return session.exists() && QFileInfo(path) == session; // two missing files are "equal"
    };
    const QStringList companions = csvCompanionPaths(request.output);
    if (isSession(request.output) ||
        std::any_of(companions.cbegin(), companions.cend(), isSession)) {
        err << tr("The report would replace the session file %1 itself: choose another name "
                  "with -o.")
                   .arg(request.session)
            << '\n';
        return 2;
    }
    auto file = SessionFile::open(request.session, OpenMode::View);
    if (!file) {
        err << tr("Cannot read the session %1: %2").arg(request.session, file.error()) << '\n';
        return 1;
    }
    if (const QString why = file.value()->journalUnread(); !why.isEmpty())
        err << tr("Warning: %1").arg(why) << '\n'; // written all the same: what can be read
    auto notes = file.value()->notes();
    if (!notes) {
        err << tr("Cannot read the notes in %1: %2").arg(request.session, notes.error()) << '\n';
        return 1;
    }
    Report report = buildReport(file.value()->state(), *notes, lastEventTime(*file.value()));
    report.generatedAt = QDateTime::currentMSecsSinceEpoch();
    auto written = exportReport(report, *format, request.output);
    if (!written) {
        err << written.error() << '\n';
        return 1;
    }
    if (!toStream) // on the standard output the report itself is what is printed
        for (const QString& path : *written)
            out << tr("Wrote %1").arg(path) << '\n';
    warnOfNewerCopy(*file.value(), request, err);
    return 0;
}

} // namespace podium::report
