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
    // A copy made before the file's last event or note was left: the file went on after it.
    qint64 madeAfter =
        std::max(file.metadata(copiedAtKey).toLongLong(), file.lastEventAt().value_or(0));
    if (const auto notes = file.notes(); notes)
        for (const Note& note : *notes)
            madeAfter = std::max(madeAfter, note.at);
    std::optional<LaterCopy> newest;
    const QDir dir(folder);
    for (const QString& name : dir.entryList({u"joined-*.podium"_s}, QDir::Files)) {
        const QString path = dir.filePath(name);
        if (QFileInfo(path) == QFileInfo(file.path()))
            continue;
        const QDateTime written = lastWrittenAt(path);             // before opening it for reading
        const auto copy = SessionFile::open(path, OpenMode::View); // takes no lock, writes nothing
        if (!copy || copy.value()->sessionId() != file.sessionId() ||
            !madeInLineAfter(*copy.value(), origin, madeAfter))
            continue;
        madeAfter = copy.value()->metadata(copiedAtKey).toLongLong(); // the newest made wins
        const auto notes = copy.value()->notes();
        newest = LaterCopy{path, written, notes ? notes->size() : 0, copy.value()->state().lastSeq};
    }
    return newest;
}

} // namespace podium::joined
