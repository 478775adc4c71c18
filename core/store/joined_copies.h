#pragma once

#include <QDateTime>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

// A cockpit that joins a host keeps the host's session in a copy of its own, in Podium's folder
// for them. Each join from a file of the session makes a new copy of it; started again with
// `--join … --session FILE`, the seat copies FILE again and goes on in that copy, so FILE stays as
// it was at its first restart. Each copy records the first file of its line and when it was made.
namespace podium {

class SessionFile;

namespace joined {

inline const QString joinedAsKey = QStringLiteral("joined_as"); // the seat the host gave
inline const QString copiedFromKey = QStringLiteral("joined_copied_from");
inline const QString copiedAtKey = QStringLiteral("joined_copied_at"); // ms since the epoch
// How far the session's clock (the host's, which stamps events and notes) ran ahead of this
// computer's when the seat last heard its host, or when it hosted (ms; kept by the sync layer).
inline const QString hostClockAheadKey = QStringLiteral("sync_hosted_clock_offset");

// <AppDataLocation>/joined (not made here: only a join makes it).
QString copiesFolder();

// Where the copies made from `file` say they came from: what `file` says it came from, or itself.
QString originOf(const SessionFile& file);

// `copy` was made in the line that began with `origin`, after `since` (ms since the epoch).
bool madeInLineAfter(const SessionFile& copy, const QString& origin, qint64 since);

// The first of the copies of `session` in `folder`, the one written last first, that `wanted`
// takes, opened for viewing (no lock, nothing written); at most `lookedAt` copies are opened
// (each open replays its tail). Null when none.
struct FoundCopy {
    QString path;
    std::unique_ptr<SessionFile> file;
    QDateTime lastWritten; // its -wal file's time too, taken before it was opened
};
FoundCopy newestCopy(const QString& folder, const QString& session, qsizetype lookedAt,
                     const std::function<bool(const QString& path, const SessionFile&)>& wanted);

// What a copy holds that its file may lack.
struct LaterCopy {
    QString path;
    QDateTime lastWritten;
    qsizetype notes = 0;
    qint64 lastSeq = 0;
};

// The copy of `file`'s session in `folder` made last in its line, as the same seat, when it was
// made after `file`'s last event and note: `file` then lacks what was done and noted since.
// Looks at the copies last written first, at most 50 of them: each is opened (a replay).
std::optional<LaterCopy> newerCopyOf(const SessionFile& file, const QString& folder);

} // namespace joined
} // namespace podium
