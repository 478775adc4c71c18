#pragma once

#include "model/result.h"
#include "session_file.h"

#include <QByteArray>
#include <QStringList>
#include <QTextStream>

// `podium --check FILE`: verifies a session file without opening a window or writing to it.
namespace podium {

struct SessionCheck {
    QString sessionId;
    QString title;
    int schemaVersion = 0;
    qint64 events = 0;
    qint64 lastSeq = 0;
    qint64 participants = 0;
    qint64 speeches = 0;         // ended
    bool speechUnderWay = false; // someone had the floor when the file was last written
    qint64 polls = 0;
    qint64 notes = 0;
    qint64 orphans = 0; // kept apart (orphaned_events)
    int snapshotsVerified = 0;
    QByteArray digest;        // of the state as opened (latest snapshot plus later events)
    QByteArray sessionDigest; // of the same, as seats compare it (codec::sessionDigest)
    // Opened only up to a damaged or missing event: the session ends before `damage->seq`.
    std::optional<LogDamage> damage;
    qint64 eventsAfterDamage = 0; // rows from there on, which the session cannot use
    QStringList damagedRows;      // every event row that fails its checksum or cannot be read
    bool databaseSound = true;    // SQLite's own integrity check: else nothing can be salvaged
    QStringList problems;
    QStringList warnings;

    bool ok() const { return problems.isEmpty(); }
};

// Integrity of the SQLite file, the whole log replayed from its start (or from a snapshot where
// the log was taken over from a host) against every snapshot and the state as opened, and counts.
// A failure means the file could not be opened at all.
[[nodiscard]] Result<SessionCheck> checkSessionFile(const QString& path);

// Prints the summary; returns the process exit code (0 sound, 1 problems, 2 unreadable).
int runSessionCheck(const QString& path, QTextStream& out);

// What can be kept of a file that a damaged or missing event keeps from opening: the session up
// to that event, when something sound comes before it and SQLite's own pages are whole. Cheap
// enough for the cockpit's box: one open up to the damage and SQLite's quick check, no replay.
struct SalvageOffer {
    qint64 keptUpTo = 0; // the last event kept
    qint64 lost = 0;     // event rows from the damage on
};
std::optional<SalvageOffer> salvageOfferFor(const QString& path);

// Beside `damaged`, a name no file has yet: "session-salvaged.podium", then "-salvaged-2"...
QString salvagedPathFor(const QString& damaged);
// `podium --salvage FILE [-o NEW]`: keeps the session up to the damage in a new file; what went
// wrong goes to `err`. Returns the exit code (0 written, 1 nothing could be written, 2 unreadable).
int runSalvage(const QString& path, const QString& target, QTextStream& out, QTextStream& err);

} // namespace podium
