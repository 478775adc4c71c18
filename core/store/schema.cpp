#include "schema.h"

#include "transaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace podium::store {

namespace {

// Frozen: these are what version 1 files hold. Later versions only add steps.
QStringList version1() {
    return {u"PRAGMA application_id = %1"_s.arg(podiumApplicationId),
            u"CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"_s,
            u"CREATE TABLE events(seq INTEGER PRIMARY KEY, epoch INTEGER NOT NULL, "
            "at INTEGER NOT NULL, author TEXT NOT NULL, command_id TEXT NOT NULL, "
            "action INTEGER NOT NULL, data BLOB NOT NULL)"_s,
            u"CREATE TABLE snapshots(seq INTEGER PRIMARY KEY, state BLOB NOT NULL, "
            "digest BLOB NOT NULL)"_s};
}

// Version 2: the rapporteur's notes, local to the file and never events.
QStringList version2() {
    return {u"CREATE TABLE notes(id INTEGER PRIMARY KEY, at INTEGER NOT NULL, "
            "speech_entry INTEGER NOT NULL DEFAULT 0, kind TEXT NOT NULL, text TEXT NOT NULL)"_s};
}

// Version 3: a checksum of every event row, so that damage inside a row is noticed. Where the
// rows with checksums begin is kept (1 for a new file): a row after it without one is damaged, not
// older. (Files that took this step before it was kept tell by the first row with a checksum.)
QStringList version3() {
    return {u"ALTER TABLE events ADD COLUMN checksum BLOB"_s,
            u"INSERT OR REPLACE INTO meta(key, value) "
            "SELECT 'checksums_from', coalesce(max(seq), 0) + 1 FROM events"_s};
}

// Version 4: events a seat had that the session's host never got, kept apart when it took the
// host's state (their seqs are the session's from then on), so that they are never lost.
QStringList version4() {
    return {u"CREATE TABLE orphaned_events(seq INTEGER NOT NULL, epoch INTEGER NOT NULL, "
            "at INTEGER NOT NULL, author TEXT NOT NULL, command_id TEXT NOT NULL, "
            "action INTEGER NOT NULL, data BLOB NOT NULL, checksum BLOB)"_s};
}

// Version 5: a note the rapporteur filed under a speech by hand stays there: placed again by its
// time when the file was opened, it went back under the speech it was typed in. Which of a
// file's notes were filed so, it never said: they all stay as they are.
QStringList version5() {
    return {u"ALTER TABLE notes ADD COLUMN filed_by_hand INTEGER NOT NULL DEFAULT 0"_s,
            u"UPDATE notes SET filed_by_hand = 1"_s};
}

QStringList stepTo(int version) {
    switch (version) {
    case 1:
        return version1();
    case 2:
        return version2();
    case 3:
        return version3();
    case 4:
        return version4();
    case 5:
        return version5();
    default:
        return {};
    }
}

// The database's own words; the caller names the file.
Result<bool> failure(const QSqlError& error) {
    return Result<bool>::failure(error.databaseText().isEmpty() ? error.text()
                                                                : error.databaseText());
}

Result<bool> runSteps(QSqlDatabase db, int from, int to) {
    TransactionStatements once(db);
    Transaction transaction(once);
    if (!transaction.isActive())
        return failure(transaction.error());
    QSqlQuery q(db);
    for (int version = from + 1; version <= to; ++version) {
        QStringList statements = stepTo(version);
        statements << u"PRAGMA user_version = %1"_s.arg(version);
        for (const QString& sql : statements) {
            if (!q.exec(sql))
                return failure(q.lastError());
        }
    }
    if (!transaction.commit())
        return failure(transaction.error());
    return true;
}

} // namespace

std::optional<FileIdentity> identify(QSqlDatabase db, QSqlError* error) {
    QSqlQuery q(db);
    auto read = [&](const QString& sql) -> std::optional<int> {
        if (q.exec(sql) && q.next())
            return q.value(0).toInt();
        *error = q.lastError();
        return std::nullopt;
    };
    const auto applicationId = read(u"PRAGMA application_id"_s);
    const auto version = applicationId ? read(u"PRAGMA user_version"_s) : std::nullopt;
    const auto tables = version ? read(u"SELECT count(*) FROM sqlite_master "
                                       "WHERE type = 'table' AND name = 'events'"_s)
                                : std::nullopt;
    if (!tables)
        return std::nullopt;
    return FileIdentity{*applicationId, *version, *tables == 1};
}

Result<bool> createSchema(QSqlDatabase db) {
    return runSteps(db, 0, currentSchemaVersion);
}

// All steps in one transaction: a step that fails leaves the file as it was, not half upgraded.
Result<bool> migrate(QSqlDatabase db, int from, int to) {
    return runSteps(db, from, to);
}

} // namespace podium::store
