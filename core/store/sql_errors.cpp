#include "sql_errors.h"

#include <QCoreApplication>
#include <QDir>

namespace podium::store {

namespace {

// SQLite's primary result codes (sqlite3.h); Qt reports them as the native error code.
constexpr int sqliteBusy = 5;
constexpr int sqliteLocked = 6;
constexpr int sqliteReadOnly = 8;
constexpr int sqliteIoErr = 10;
constexpr int sqliteCorrupt = 11;
constexpr int sqliteFull = 13;
constexpr int sqliteNotADb = 26;

QString tr(const char* text) {
    return QCoreApplication::translate("podium::SessionFile", text);
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
    case sqliteFull:
        return SqlFailure::DiskFull;
    case sqliteIoErr:
        return SqlFailure::WriteFailed;
    case sqliteCorrupt:
        return SqlFailure::Corrupt;
    case sqliteNotADb:
        return SqlFailure::NotADatabase;
    case sqliteReadOnly:
        return SqlFailure::ReadOnly;
    case sqliteBusy:
    case sqliteLocked:
        return SqlFailure::Busy;
    default:
        return SqlFailure::Other;
    }
}

QString appendFailureMessage(const QSqlError& error) {
    switch (classify(error)) {
    case SqlFailure::DiskFull:
        return tr("The disk is full: the last action was not saved and not applied. "
                  "Free some space and try again.");
    case SqlFailure::WriteFailed:
        return tr("The session file could not be written (the disk may be full or failing): the "
                  "last action was not saved and not applied. Free some space or check the disk, "
                  "and try again.");
    case SqlFailure::ReadOnly:
        return tr("The session file cannot be written (it is read-only): the last action was "
                  "not saved and not applied. Use Save As to continue in a copy.");
    case SqlFailure::Busy:
        return tr("The session file is busy in another program: the last action was not saved "
                  "and not applied. Try again.");
    default:
        return tr("The session file could not be written (%1): the last action was not saved "
                  "and not applied.")
            .arg(error.databaseText());
    }
}

QString readFailureMessage(const QString& path, const QSqlError& error) {
    const QString name = QDir::toNativeSeparators(path);
    switch (classify(error)) {
    case SqlFailure::NotADatabase:
        return tr("%1 is not a Podium session file: it is not a database, or it is damaged. "
                  "It was left as it is.")
            .arg(name);
    case SqlFailure::Corrupt:
        return tr("%1 is damaged (%2). It was left as it is; open a copy saved earlier, or run "
                  "podium --check on it for details.")
            .arg(name, error.databaseText());
    case SqlFailure::Busy:
        return tr("%1 is busy in another program. Try again in a moment.").arg(name);
    default:
        return tr("%1 could not be read (%2). It was left as it is.")
            .arg(name, error.databaseText().isEmpty() ? error.text() : error.databaseText());
    }
}

} // namespace podium::store
