#include "joined_copies.h"

#include "session_file.h"

#include "model/note.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium::joined {
namespace {

// A session's latest writes stay in its `-wal` file until a checkpoint.
QDateTime lastWrittenAt(const QString& path) {
    const QDateTime main = QFileInfo(path).lastModified();
    const QFileInfo wal(path + u"-wal"_s);
    return wal.exists() ? std::max(main, wal.lastModified()) : main;
}

} // namespace

QString copiesFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/joined"_s;
}

QString originOf(const SessionFile& file) {
    const QString kept = file.metadata(copiedFromKey);
    return kept.isEmpty() ? QFileInfo(file.path()).absoluteFilePath() : kept;
}

bool madeInLineAfter(const SessionFile& copy, const QString& origin, qint64 since) {
    return copy.metadata(copiedFromKey) == origin &&
           copy.metadata(copiedAtKey).toLongLong() > since;
}

FoundCopy newestCopy(const QString& folder, const QString& session, qsizetype lookedAt,
                     const std::function<bool(const QString& path, const SessionFile&)>& wanted) {
    const QDir dir(folder);
    // Closing a copy writes it: two joins within a second were named in the other order.
    const QStringList names = dir.entryList({u"joined-*.podium"_s}, QDir::Files, QDir::Time);
    for (qsizetype i = 0; i < names.size() && i < lookedAt; ++i) {
        const QString path = dir.filePath(names[i]);
        const QDateTime written = lastWrittenAt(path); // before opening it for reading
        auto copy = SessionFile::open(path, OpenMode::View);
        if (copy && copy.value()->sessionId() == session && wanted(path, *copy.value()))
            return {path, std::move(copy).value(), written};
    }
    return {};
}

std::optional<LaterCopy> newerCopyOf(const SessionFile& file, const QString& folder) {
    if (file.sessionId().isEmpty() || folder.isEmpty())
        return std::nullopt;
    const QString origin = originOf(file);
    const QString seat = file.metadata(joinedAsKey);
    // A copy made before the file's last event or note was left: the file went on after it.
    // Those carry the host's time, a copy's making this computer's: a host clock an hour ahead
    // hid every copy made since.
    qint64 lastDone = file.lastEventAt().value_or(0);
    if (const auto notes = file.notes(); notes)
        for (const Note& note : *notes)
            lastDone = std::max(lastDone, note.at);
    const qint64 hostAhead = file.metadata(hostClockAheadKey).toLongLong();
    const qint64 madeAfter =
        std::max(file.metadata(copiedAtKey).toLongLong(), lastDone > 0 ? lastDone - hostAhead : 0);
    const FoundCopy found =
        newestCopy(folder, file.sessionId(), 50, // 300 copies took 2.5 s
                   [&](const QString& path, const SessionFile& copy) {
                       return QFileInfo(path) != QFileInfo(file.path()) &&
                              (seat.isEmpty() || copy.metadata(joinedAsKey) == seat) &&
                              madeInLineAfter(copy, origin, madeAfter);
                   });
    if (!found.file)
        return std::nullopt;
    const auto notes = found.file->notes();
    return LaterCopy{found.path, found.lastWritten, notes ? notes->size() : 0,
                     found.file->state().lastSeq};
}

} // namespace podium::joined
