// Session file costs against bare SQLite, measured in the same run: a durable append against an
// INSERT + COMMIT through the sqlite3 C API with the same pragmas, and opening a session against
// reading the same event rows raw. Prints ratios beside their targets; never fails.
#include "bench_workload.h"
#include "plan/plan.h"
#include "store/session_file.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <sqlite3.h>
#include <vector>

using namespace podium;
using namespace Qt::StringLiterals;

namespace {

using Steady = std::chrono::steady_clock;
double msSince(Steady::time_point t0) {
    return std::chrono::duration<double, std::milli>(Steady::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void report(const char* name, double ours, double base, double target, const char* unit = "ms") {
    std::printf("%s: ours %.3f %s, baseline %.3f %s, ratio %.2f× (target ≤ %.1f×)\n", name, ours,
                unit, base, unit, ours / base, target);
    std::fflush(stdout);
}

void rawExec(sqlite3* db, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        std::fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
        std::exit(1);
    }
}

std::unique_ptr<SessionFile> mustOpen(Result<std::unique_ptr<SessionFile>> r) {
    if (!r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error()));
        std::exit(1);
    }
    return std::move(r).value();
}

// The baseline writer: the events table as the session file has it, the same pragmas, one
// prepared INSERT, BEGIN IMMEDIATE ... COMMIT per event, the CBOR data encoded beforehand.
class RawLog {
public:
    RawLog(const QString& path, const char* synchronous) {
        sqlite3_open(path.toUtf8().constData(), &m_db);
        rawExec(m_db, "PRAGMA journal_mode = WAL");
        rawExec(m_db, synchronous);
        rawExec(m_db, "PRAGMA wal_autocheckpoint = 64");
        rawExec(m_db, "CREATE TABLE events(seq INTEGER PRIMARY KEY, epoch INTEGER NOT NULL, "
                      "at INTEGER NOT NULL, author TEXT NOT NULL, command_id TEXT NOT NULL, "
                      "action INTEGER NOT NULL, data BLOB NOT NULL)");
        sqlite3_prepare_v2(m_db, "INSERT INTO events VALUES(?, ?, ?, ?, ?, ?, ?)", -1, &m_insert,
                           nullptr);
    }
    ~RawLog() {
        sqlite3_finalize(m_insert);
        sqlite3_close(m_db);
    }
    void append(const Event& e, const QByteArray& author, const QByteArray& cmd,
                const QByteArray& data) {
        rawExec(m_db, "BEGIN IMMEDIATE");
        sqlite3_bind_int64(m_insert, 1, e.seq);
        sqlite3_bind_int64(m_insert, 2, e.epoch);
        sqlite3_bind_int64(m_insert, 3, e.at);
        sqlite3_bind_text(m_insert, 4, author.constData(), int(author.size()), SQLITE_STATIC);
        sqlite3_bind_text(m_insert, 5, cmd.constData(), int(cmd.size()), SQLITE_STATIC);
        sqlite3_bind_int(m_insert, 6, int(e.action));
        sqlite3_bind_blob(m_insert, 7, data.constData(), int(data.size()), SQLITE_STATIC);
        if (sqlite3_step(m_insert) != SQLITE_DONE)
            std::exit(1);
        sqlite3_reset(m_insert);
        rawExec(m_db, "COMMIT");
    }

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_insert = nullptr;
};

// Event by event, ours then the baseline, so that both see the same disk weather; medians.
void benchAppend(const QTemporaryDir& dir) {
    constexpr int events = 600;
    bench::Workload work;
    auto file = mustOpen(SessionFile::create(dir.filePath(u"append.podium"_s), demoPlan(), 0));
    RawLog full(dir.filePath(u"raw-full.db"_s), "PRAGMA synchronous = FULL");
    RawLog normal(dir.filePath(u"raw-normal.db"_s), "PRAGMA synchronous = NORMAL");
    std::vector<double> ours, base, baseNormal;
    for (int i = 0; i < events; ++i) {
        const Event e = work.next();
        auto t0 = Steady::now();
        if (!file->append(e))
            std::exit(1);
        ours.push_back(msSince(t0));
        t0 = Steady::now();
        full.append(e, e.author.toUtf8(), e.commandId.toUtf8(), QCborValue(e.data).toCbor());
        base.push_back(msSince(t0));
        t0 = Steady::now();
        normal.append(e, e.author.toUtf8(), e.commandId.toUtf8(), QCborValue(e.data).toCbor());
        baseNormal.push_back(msSince(t0));
    }
    report("durable append of one event (WAL, synchronous=FULL)", median(ours), median(base), 1.5,
           "ms/event");
    std::printf("  for scale: a bare append with synchronous=NORMAL costs %.3f ms/event "
                "(FULL/NORMAL %.1f×)\n",
                median(baseNormal), median(base) / median(baseNormal));
}

// A session of `count` events written as a joined seat catching up would, 100 per transaction.
QString buildSession(const QTemporaryDir& dir, int count) {
    const QString path = dir.filePath(u"open-%1.podium"_s.arg(count));
    bench::Workload work;
    auto file = mustOpen(SessionFile::create(path, demoPlan(), 0));
    for (int done = 1; done < count;) {
        QList<Event> batch;
        for (int i = 0; i < 100 && done < count; ++i, ++done)
            batch << work.next();
        if (!file->appendBatch(batch))
            std::exit(1);
    }
    return path;
}

double rawReadAll(const QString& path) {
    const auto t0 = Steady::now();
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db,
                       "SELECT seq, epoch, at, author, command_id, action, data FROM events "
                       "ORDER BY seq",
                       -1, &q, nullptr);
    qint64 touched = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        touched += sqlite3_column_int64(q, 0) + sqlite3_column_bytes(q, 3) +
                   sqlite3_column_bytes(q, 4) + sqlite3_column_bytes(q, 6);
        touched += sqlite3_column_blob(q, 6) != nullptr;
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    const double ms = msSince(t0);
    return touched > 0 ? ms : -1;
}

qint64 snapshotBytes(const QString& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, "SELECT length(state) FROM snapshots ORDER BY seq DESC LIMIT 1", -1, &q,
                       nullptr);
    const qint64 bytes = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_finalize(q);
    sqlite3_close(db);
    return bytes;
}

void benchOpen(const QTemporaryDir& dir) {
    // 249 events past the last snapshot: a typical tail (snapshots come every 500).
    std::vector<std::pair<int, double>> oursBySize, rawBySize;
    for (int size : {2'000, 20'000, 200'000}) {
        const QString path = buildSession(dir, size + 249);
        std::vector<double> ours, view, raw;
        for (int i = 0; i < 15; ++i) {
            auto t0 = Steady::now();
            auto file = mustOpen(SessionFile::open(path));
            ours.push_back(msSince(t0));
            file.reset();
            t0 = Steady::now();
            file = mustOpen(SessionFile::open(path, OpenMode::View));
            view.push_back(msSince(t0));
            file.reset();
            raw.push_back(rawReadAll(path));
        }
        const auto name =
            u"open a %1-event session (snapshot + tail) vs reading its rows raw"_s.arg(
                QLocale(QLocale::English).toString(size + 249));
        // The target is on the 20,000-event session; the others show that opening stays flat.
        if (size == 20'000)
            report(qPrintable(name), median(ours), median(raw), 3.0);
        else
            std::printf("%s: ours %.3f ms, baseline %.3f ms, ratio %.2f× (target: flat, below)\n",
                        qPrintable(name), median(ours), median(raw), median(ours) / median(raw));
        std::printf(
            "  (latest snapshot %.1f KB; opening for viewing, without the lock file and its "
            "fsync: %.3f ms, ratio %.2f×)\n",
            snapshotBytes(path) / 1024.0, median(view), median(view) / median(raw));
        oursBySize.emplace_back(size, median(ours));
        rawBySize.emplace_back(size, median(raw));
    }
    std::printf("opening time from 2,249 to 200,249 events: ours ×%.2f, raw read ×%.1f "
                "(target: flat, ours ≈ ×1)\n",
                oursBySize.back().second / oursBySize.front().second,
                rawBySize.back().second / rawBySize.front().second);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    // On the disk the user's files live on (not a tmpfs), so that fsync costs what it costs.
    QTemporaryDir dir(QDir::currentPath() + u"/bench-store-XXXXXX"_s);
    std::printf("SQLite %s, session files in %s\n", sqlite3_libversion(), qPrintable(dir.path()));
    benchAppend(dir);
    benchOpen(dir);
    return 0;
}
