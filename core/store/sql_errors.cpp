#include "sql_errors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QStorageInfo>
#include <QVariant>

#include <cerrno>
#include <optional>
#include <sqlite3.h>

namespace podium::store {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::SessionFile", text);
}

// A session plan (JSON) opened as a session: said as what it is, and how it is used.
bool isSessionPlan(const QString& path) {
    QFile file(path);
    constexpr qint64 largestPlan = 4 << 20;
    if (file.size() > largestPlan || !file.open(QIODevice::ReadOnly))
        return false;
    return QJsonDocument::fromJson(file.readAll()).object().contains(QStringLiteral("podiumPlan"));
}

} // namespace

SqlFailure classify(const QSqlError& error) {
    if (error.type() == QSqlError::NoError)
        return SqlFailure::None;
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok) & 0xff;
    if (!ok)
        return SqlFailure::Other;
    switch (code) {
    case SQLITE_FULL:
        return SqlFailure::DiskFull;
    case SQLITE_IOERR:
        return SqlFailure::WriteFailed;
    case SQLITE_CORRUPT:
        return SqlFailure::Corrupt;
    case SQLITE_NOTADB:
        return SqlFailure::NotADatabase;
    case SQLITE_READONLY:
        return SqlFailure::ReadOnly;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return SqlFailure::Busy;
    default:
        return SqlFailure::Other;
    }
}

int lastSystemErrno(const QSqlDatabase& db) {
    // Qt's documented way to reach the driver's handle.
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return 0;
    sqlite3* connection = *static_cast<sqlite3* const*>(handle.data());
    return connection ? sqlite3_system_errno(connection) : 0;
}

QString appendFailureMessage(const QSqlError& error, int systemErrno) {
    const bool noSpace = systemErrno == ENOSPC || systemErrno == EFBIG || systemErrno == EDQUOT;
    switch (noSpace ? SqlFailure::DiskFull : classify(error)) {
    case SqlFailure::DiskFull:
        return tr("The disk is full: the latest change was not saved and not applied. "
                  "Free some space and try again.");
    case SqlFailure::WriteFailed:
        return tr("The session file could not be written (the disk may be full or failing): the "
                  "latest change was not saved and not applied. Free some space or check the disk, "
                  "and try again.");
    case SqlFailure::ReadOnly:
        return tr("The session file cannot be written (it is read-only): the latest change was "
                  "not saved and not applied. Use Save As to continue in a copy.");
    case SqlFailure::Busy:
        return tr("The session file is busy in another program: the latest change was not saved "
                  "and not applied. Try again.");
    default:
        return tr("The session file could not be written (%1): the latest change was not saved "
                  "and not applied.")
            .arg(error.databaseText());
    }
}

QString checkHint() {
    return tr(", or run podium --check on it for details");
}

namespace {

// The size an SQLite file's header gives it (page size × page count), when the file is shorter:
// cut off, by a copy that did not finish, say. SQLite then reads none of it, and says only
// "malformed" (docs: sqlite.org/fileformat2.html, the database header).
std::optional<qint64> sizeCutFrom(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QByteArray header = file.read(100);
    if (header.size() < 100 || !header.startsWith("SQLite format 3"))
        return std::nullopt;
    const auto byte = [&header](int at) {
        return quint32(quint8(header[at]));
    };
    const quint32 pageSize = byte(16) << 8 | byte(17);
    const quint32 pages = byte(28) << 24 | byte(29) << 16 | byte(30) << 8 | byte(31);
    const qint64 whole = qint64(pageSize == 1 ? 65536 : pageSize) * pages;
    return file.size() < whole ? std::optional(whole) : std::nullopt;
}

} // namespace

QString damagedFileMessage(const QString& path, const QString& why) {
    if (const auto whole = sizeCutFrom(path))
        return tr("%1 is cut off: it holds %2 bytes of the %3 it was (a copy that did not "
                  "finish?). It was left as it is; copy it again from where it came from, or "
                  "open a copy saved earlier.")
            .arg(QDir::toNativeSeparators(path))
            .arg(QFileInfo(path).size())
            .arg(*whole);
    return tr("%1 is damaged (%2). It was left as it is; open a copy saved earlier%3.")
        .arg(QDir::toNativeSeparators(path), why, checkHint());
}

QString readFailureMessage(const QString& path, const QSqlError& error) {
    const QString name = QDir::toNativeSeparators(path);
    switch (classify(error)) {
    case SqlFailure::NotADatabase:
        if (isSessionPlan(path))
            return tr("%1 is a session plan, not a session file: make a session of it with File "
                      "→ New session from plan. It was left as it is.")
                .arg(name);
        return tr("%1 is not a Podium session file: it is not a database, or it is damaged. "
                  "It was left as it is.")
            .arg(name);
    case SqlFailure::Corrupt:
        return damagedFileMessage(path, error.databaseText());
    case SqlFailure::Busy:
        return tr("%1 is busy in another program. Try again in a moment.").arg(name);
    default:
        if (diskFull(path))
            return tr("%1 could not be read: the disk it is on is full. Free some space and "
                      "try again: nothing in it is lost.")
                .arg(name);
        return tr("%1 could not be read (%2). It was left as it is.")
            .arg(name, error.databaseText().isEmpty() ? error.text() : error.databaseText());
    }
}

bool diskFull(const QString& path) {
    const QStorageInfo disk(QFileInfo(path).absolutePath());
    // (/proc and the like have no bytes at all: they are not full, they take no file.)
    return disk.isValid() && disk.bytesTotal() > 0 && disk.bytesAvailable() < 64 * 1024;
}

} // namespace podium::store
