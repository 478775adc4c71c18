#pragma once

#include "model/result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <optional>

// The layout of a session file and its versions. Version 1: metadata, events, snapshots.
// Version 2: the rapporteur's notes. Version 3: a checksum per event row. Each step is one
// transaction that also sets PRAGMA user_version, so a file is always at exactly one version.
namespace podium::store {

constexpr int currentSchemaVersion = 5;
// PRAGMA application_id of every Podium session file ("PDMS"): tells ours from other SQLite files.
constexpr int podiumApplicationId = 0x50444d53;
// PRAGMA wal_autocheckpoint of a session file open for writing (see SessionFile).
constexpr int walCheckpointPages = 64;

struct FileIdentity {
    int applicationId = 0;
    int schemaVersion = 0;
    bool hasEvents = false;
    bool isPodium() const { return applicationId == podiumApplicationId && hasEvents; }
};

// Reads who the file says it is, without writing anything; nullopt (and the error) on failure.
std::optional<FileIdentity> identify(QSqlDatabase db, QSqlError* error);
// Lays out an empty file at version 1, then migrates it to the current version.
[[nodiscard]] Result<bool> createSchema(QSqlDatabase db);
// Takes a file from one version to a later one, a step at a time, all in one transaction.
[[nodiscard]] Result<bool> migrate(QSqlDatabase db, int from, int to);

} // namespace podium::store
