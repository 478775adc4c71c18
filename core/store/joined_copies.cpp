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

std::optional<LaterCopy> newerCopyOf(const SessionFile& file, const QString& folder) {
    if (file.sessionId().isEmpty() || folder.isEmpty())
        return std::nullopt;
    const QString origin = originOf(file);
    const QString seat = file.metadata(joinedAsKey);
    // A copy made before the file's last event or note was left: the file went on after it.
    qint64 madeAfter =
        std::max(file.metadata(copiedAtKey).toLongLong(), file.lastEventAt().value_or(0));
    if (const auto notes = file.notes(); notes)
        for (const Note& note : *notes)
            madeAfter = std::max(madeAfter, note.at);
    constexpr qsizetype copiesLookedAt = 50; // 300 copies took 2.5 s
    const QDir dir(folder);
    const QStringList names = dir.entryList({u"joined-*.podium"_s}, QDir::Files, QDir::Time);
    for (qsizetype i = 0; i < names.size() && i < copiesLookedAt; ++i) {
        const QString path = dir.filePath(names[i]);
        if (QFileInfo(path) == QFileInfo(file.path()))
            continue;
        const QDateTime written = lastWrittenAt(path);             // before opening it for reading
        const auto copy = SessionFile::open(path, OpenMode::View); // takes no lock, writes nothing
        if (!copy || copy.value()->sessionId() != file.sessionId() ||
            (!seat.isEmpty() && copy.value()->metadata(joinedAsKey) != seat) ||
            !madeInLineAfter(*copy.value(), origin, madeAfter))
            continue;
        const auto notes = copy.value()->notes();
        return LaterCopy{path, written, notes ? notes->size() : 0, copy.value()->state().lastSeq};
    }
    return std::nullopt;
}

} // namespace podium::joined
