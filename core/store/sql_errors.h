#pragma once

#include <QSqlError>
#include <QString>

// SQLite failures sorted into what a moderator can act on, and the sentences that say so.
namespace podium::store {

enum class SqlFailure { None, DiskFull, WriteFailed, Corrupt, NotADatabase, ReadOnly, Busy, Other };

SqlFailure classify(const QSqlError& error);

// The sentence for a failed append: nothing was saved, nothing was applied.
QString appendFailureMessage(const QSqlError& error);
// The sentence for a file that could not be read as a session.
QString readFailureMessage(const QString& path, const QSqlError& error);

} // namespace podium::store
