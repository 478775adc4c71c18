// Writes a session file in schema version 1, the first layout Podium shipped, with its own
// frozen copy of that layout: `make_v1_fixture tests/store/fixtures/session-v1.podium`.
// The committed output is what the migration test upgrades.
#include "engine/clock.h"
#include "engine/session_engine.h"
#include "model/codec.h"
#include "model/reducer.h"
#include "plan/plan.h"

#include <QCborArray>
#include <QCborValue>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <cstdio>

using namespace podium;
using namespace Qt::StringLiterals;

namespace {

const QStringList version1 = {
    u"PRAGMA application_id = 1346653523"_s,
    u"CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)"_s,
    u"CREATE TABLE events(seq INTEGER PRIMARY KEY, epoch INTEGER NOT NULL, at INTEGER NOT NULL, "
    "author TEXT NOT NULL, command_id TEXT NOT NULL, action INTEGER NOT NULL, data BLOB NOT NULL)"_s,
    u"CREATE TABLE snapshots(seq INTEGER PRIMARY KEY, state BLOB NOT NULL, digest BLOB NOT NULL)"_s,
    u"PRAGMA user_version = 1"_s};

QList<Event> sessionLog() {
    FakeClock clock(1'750'000'000'000);
    SessionEngine engine(clock);
    engine.setAuthor(u"fixture"_s);
    QList<Event> log;
    QObject::connect(&engine, &SessionEngine::eventApplied,
                     [&log](const Event& e, const SessionState&) { log.append(e); });
    (void)engine.create(demoPlan(), u"fixture-v1"_s);
    auto run = [&](Action a, QCborMap args = {}) {
        Command c{newCommandId(), u"fixture"_s, Authority::Moderator, a, args};
        clock.advance(20'000);
        (void)engine.execute(c);
    };
    run(Action::StartTimer, {{u"timer"_s, u"session"_s}});
    run(Action::StartSegment, {{u"index"_s, 0}});
    for (int i = 0; i < 4; ++i) {
        run(Action::AddEntry, {{u"participant"_s, 2 + i}});
        run(Action::Next);
        run(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, 30'000}});
        run(Action::EndSpeech);
    }
    run(Action::CreatePoll,
        {{u"question"_s, u"Is this migrated?"_s}, {u"options"_s, QCborArray{u"yes"_s, u"no"_s}}});
    return log;
}

bool exec(QSqlQuery& q, const QString& sql) {
    if (q.exec(sql))
        return true;
    std::fprintf(stderr, "%s: %s\n", qPrintable(sql), qPrintable(q.lastError().text()));
    return false;
}

bool write(QSqlDatabase db, const QList<Event>& log) {
    QSqlQuery q(db);
    for (const QString& sql : version1) {
        if (!exec(q, sql))
            return false;
    }
    q.prepare(u"INSERT INTO events VALUES(?, ?, ?, ?, ?, ?, ?)"_s);
    SessionState state;
    for (const Event& e : log) {
        const QVariantList row = {e.seq,
                                  e.epoch,
                                  e.at,
                                  e.author,
                                  e.commandId.isNull() ? u""_s : e.commandId,
                                  int(e.action),
                                  QCborValue(e.data).toCbor()};
        for (int i = 0; i < row.size(); ++i)
            q.bindValue(i, row[i]);
        if (!q.exec()) {
            std::fprintf(stderr, "event %lld: %s\n", e.seq, qPrintable(q.lastError().text()));
            return false;
        }
        state = apply(state, e);
        if (e.seq == 10) { // a snapshot in the middle, as version 1 took them
            QSqlQuery s(db);
            s.prepare(u"INSERT INTO snapshots VALUES(?, ?, ?)"_s);
            s.addBindValue(state.lastSeq);
            s.addBindValue(QCborValue(codec::toCbor(state)).toCbor());
            s.addBindValue(codec::digest(state));
            if (!s.exec())
                return false;
        }
    }
    return exec(q, u"INSERT INTO meta VALUES('format', 'podium-session'), "
                   "('session_id', 'fixture-v1'), ('created_by', 'Podium 0.1.0')"_s);
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_v1_fixture OUTPUT\n");
        return 2;
    }
    auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s);
    db.setDatabaseName(QString::fromLocal8Bit(argv[1]));
    if (!db.open() || !write(db, sessionLog()))
        return 1;
    db.close();
    return 0;
}
