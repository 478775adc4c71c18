#include "export.h"

#include "csv.h"
#include "format.h"
#include "html.h"
#include "markdown.h"

#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>
#include <cerrno>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace podium::report {

std::optional<ReportFormat> formatFromName(const QString& name) {
    const QString n = name.trimmed().toLower();
    if (n == u"md"_s || n == u"markdown"_s)
        return ReportFormat::Markdown;
    if (n == u"html"_s || n == u"htm"_s)
        return ReportFormat::Html;
    if (n == u"pdf"_s)
        return ReportFormat::Pdf;
    if (n == u"csv"_s)
        return ReportFormat::Csv;
    return std::nullopt;
}

QString formatName(ReportFormat format) {
    switch (format) {
    case ReportFormat::Markdown:
        return u"md"_s;
    case ReportFormat::Html:
        return u"html"_s;
    case ReportFormat::Pdf:
        return u"pdf"_s;
    case ReportFormat::Csv:
        break;
    }
    return u"csv"_s;
}

QString fileSuffix(ReportFormat format) {
    return u"."_s + formatName(format);
}

namespace {

QString csvBase(const QString& out) {
    QString base = out;
    if (base.endsWith(u".csv"_s, Qt::CaseInsensitive))
        base.chop(4);
    return base;
}

} // namespace

QString pollsCsvPath(const QString& out) {
    return csvBase(out) + u"-polls.csv"_s;
}

QString notesCsvPath(const QString& out) {
    return csvBase(out) + u"-notes.csv"_s;
}

QStringList csvCompanionPaths(const QString& out) {
    return {pollsCsvPath(out), notesCsvPath(out)};
}

namespace {

// A pipe or a terminal (`-o -`, `-o /dev/stdout`) cannot be replaced by a finished copy: it is
// written as it goes.
Result<bool> writeStream(const QString& path, const QByteArray& bytes) {
    QFile stream(path);
    if (!stream.open(QIODevice::WriteOnly | QIODevice::Unbuffered) ||
        stream.write(bytes) != bytes.size())
        return Result<bool>::failure(tr("Cannot write %1: %2").arg(path, stream.errorString()));
    return true;
}

// Whether a write failed for want of room: a full disk, a quota, a file size limit. Qt says
// "Unknown error" of the last two, and of the first on a file written unbuffered; its free space
// shows only the first.
bool noRoom(const QString& path, int systemErrno, qsizetype needed) {
    if (systemErrno == ENOSPC || systemErrno == EDQUOT || systemErrno == EFBIG)
        return true;
    const QStorageInfo disk(QFileInfo(path).absolutePath());
    return disk.isValid() && disk.bytesTotal() > 0 && disk.bytesAvailable() < needed + 64 * 1024;
}

QString whyNotWritten(const QString& path, const QFileDevice& file, int systemErrno,
                      qsizetype needed) {
    if (noRoom(path, systemErrno, needed))
        return tr("Cannot write %1: there is no room for it (the disk is full, or a quota or "
                  "file size limit is reached). Free some space and try again; no file was "
                  "replaced.")
            .arg(path);
    return tr("Cannot write %1: %2").arg(path, file.errorString());
}

// Written whole, ready to take its name.
Result<std::unique_ptr<QSaveFile>> writtenAside(const QString& path, const QByteArray& bytes) {
    auto file = std::make_unique<QSaveFile>(path);
    // Unbuffered, so that a write the disk refuses fails here: buffered, the failure came at
    // commit(), which Qt 6.4 does not check, and an empty file replaced the good one.
    errno = 0;
    if (!file->open(QIODevice::WriteOnly | QIODevice::Unbuffered) ||
        file->write(bytes) != bytes.size()) {
        const int why = errno; // Qt's own reason is lost: see noRoom()
        return Result<std::unique_ptr<QSaveFile>>::failure(
            whyNotWritten(path, *file, why, bytes.size()));
    }
    return file;
}

} // namespace

bool isStream(const QString& path) {
    const QFileInfo target(path);
    return target.exists() && !target.isFile() && !target.isDir();
}

Result<bool> writeFileAtomically(const QString& path, const QByteArray& bytes) {
    if (isStream(path))
        return writeStream(path, bytes);
    auto file = writtenAside(path, bytes);
    if (!file)
        return Result<bool>::failure(file.error());
    errno = 0;
    if (!file.value()->commit()) {
        const int why = errno;
        return Result<bool>::failure(whyNotWritten(path, *file.value(), why, bytes.size()));
    }
    return true;
}

Result<QStringList> writeReport(const Report& report, ReportFormat format, const QString& path,
                                const QLocale& locale) {
    QList<std::pair<QString, QByteArray>> files;
    switch (format) {
    case ReportFormat::Markdown:
        files.append({path, toMarkdown(report, locale).toUtf8()});
        break;
    case ReportFormat::Html:
        files.append({path, toHtml(report, locale).toUtf8()});
        break;
    case ReportFormat::Csv:
        files.append({path, speechLogCsv(report)});
        files.append({pollsCsvPath(path), pollTalliesCsv(report)});
        files.append({notesCsvPath(path), notesCsv(report)});
        break;
    case ReportFormat::Pdf:
        return Result<QStringList>::failure(tr("PDF reports are written by the application."));
    }
    // All or none: a full disk refused the second of three, and a new speech log stood beside
    // the polls and notes of an earlier export. Each is written aside first, then all take
    // their names. (A pipe cannot wait: it is written as it comes.)
    std::vector<std::unique_ptr<QSaveFile>> aside;
    QStringList written;
    for (const auto& [file, bytes] : files) {
        if (isStream(file)) {
            if (auto ok = writeStream(file, bytes); !ok)
                return Result<QStringList>::failure(ok.error());
        } else {
            auto ready = writtenAside(file, bytes);
            if (!ready)
                return Result<QStringList>::failure(ready.error());
            aside.push_back(std::move(ready).value());
        }
        written << file;
    }
    for (const auto& file : aside) {
        if (!file->commit())
            return Result<QStringList>::failure(
                tr("Cannot write %1: %2").arg(file->fileName(), file->errorString()));
    }
    return written;
}

} // namespace podium::report
