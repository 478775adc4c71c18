#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

// SQLite failures sorted into what a moderator can act on, and the sentences that say so.
namespace podium::store {

enum class SqlFailure { None, DiskFull, WriteFailed, Corrupt, NotADatabase, ReadOnly, Busy, Other };

SqlFailure classify(const QSqlError& error);

// The sentence for a failed append: nothing was saved, nothing was applied. `systemErrno` is the
// OS error behind it when known: SQLite reports some full disks (EFBIG, EDQUOT) as I/O errors.
QString appendFailureMessage(const QSqlError& error, int systemErrno = 0);
// The OS error of the connection's last failed file operation (sqlite3_system_errno), or 0.
int lastSystemErrno(const QSqlDatabase& db);
// The sentence for a damaged session file; it ends by pointing to podium --check (checkHint()),
// which that command itself leaves out.
QString damagedFileMessage(const QString& path, const QString& why);
QString checkHint();
// The sentence for a file that could not be read as a session.
QString readFailureMessage(const QString& path, const QSqlError& error);
// The disk `path` is on has (almost) no room left: SQLite's words for what that made fail
// ("disk I/O error" opening a file whose -shm did not fit) do not say so.
bool diskFull(const QString& path);

} // namespace podium::store
