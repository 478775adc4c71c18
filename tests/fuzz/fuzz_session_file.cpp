// libFuzzer target: a session file whose rows hold whatever the input says, written the way a
// joined seat writes them (so checksums and digests match, as a buggy writer or a buggy host
// would leave them), then opened, checked and replayed the way Podium opens a file from disk.
//
// Input: the snapshot state's CBOR, then events, each introduced by a 0xFE byte and made of an
// action byte and the CBOR of its data. Nothing may crash or hang: every step either succeeds or
// returns an error.
#include "model/cbor_input.h"
#include "model/codec.h"
#include "model/event.h"
#include "store/session_check.h"
#include "store/session_file.h"

#include <QCoreApplication>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <cstddef>
#include <cstdint>

using namespace podium;
using namespace Qt::StringLiterals;

namespace {

constexpr char eventMark = char(0xFE);
constexpr int maxEvents = 64;

// What the input asks to be stored: a base state and the events after it.
struct Rows {
    SessionState base;
    QList<Event> events;
};

// As any writer would hold it: CBOR that does not decode whole is no map at all.
QCborMap mapFrom(const QByteArray& bytes) {
    const auto value = decodeWholeCbor(bytes);
    return value ? value.value().toMap() : QCborMap();
}

Rows rowsFrom(const QByteArray& input) {
    const QList<QByteArray> parts = input.split(eventMark);
    Rows rows;
    rows.base = codec::sessionState(mapFrom(parts.first()));
    if (rows.base.sessionId.isEmpty())
        rows.base.sessionId = u"fuzz"_s; // a replica file needs a session to belong to
    for (qsizetype i = 1; i < parts.size() && i <= maxEvents; ++i) {
        const QByteArray& part = parts[i];
        if (part.isEmpty())
            continue;
        Event e;
        e.seq = rows.base.lastSeq + rows.events.size() + 1;
        e.epoch = rows.base.epoch;
        e.at = 1000 * i;
        e.action = Action(quint8(part[0]));
        e.data = mapFrom(part.mid(1));
        e.commandId = u"fuzz-%1"_s.arg(i);
        rows.events.append(e);
    }
    return rows;
}

QCoreApplication& application() {
    static int argc = 1;
    static char name[] = "fuzz_session_file";
    static char* argv[] = {name, nullptr};
    static QCoreApplication* app =
        QCoreApplication::instance() ? nullptr : new QCoreApplication(argc, argv);
    return app ? *app : *QCoreApplication::instance();
}

void removeFileSet(const QString& path) {
    for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s, u".lock"_s})
        QFile::remove(path + suffix);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    (void)application();
    static QTemporaryDir dir;
    static int run = 0;
    const QString path = dir.filePath(u"fuzz-%1.podium"_s.arg(run++));
    const Rows rows = rowsFrom(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    const auto cleanUp = qScopeGuard([&path] { removeFileSet(path); });
    {
        auto file = SessionFile::createReplica(path);
        if (!file)
            return 0;
        if (!file.value()->adoptState(rows.base))
            return 0;
        (void)file.value()->appendBatch(rows.events); // applies them as a catching-up seat does
    }
    for (OpenMode mode : {OpenMode::View, OpenMode::Edit}) {
        if (auto opened = SessionFile::open(path, mode)) {
            (void)codec::digest(opened.value()->state());
            (void)opened.value()->events();
        }
    }
    (void)checkSessionFile(path);
    return 0;
}
