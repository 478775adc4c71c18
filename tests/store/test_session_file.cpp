#include <catch2/catch.hpp>

#include "model/codec.h"
#include "model/reducer.h"
#include "plan/plan.h"
#include "store/transaction.h"
#include "store_support.h"

#include <QSqlQuery>

#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// A speaker takes the floor, is paused and resumed, and finishes: five events per round.
void speakers(Seat& seat, int rounds) {
    for (int i = 0; i < rounds; ++i) {
        const Id who = seat.engine.state().participants[i % 5].id;
        REQUIRE(seat.run(Action::AddEntry, {{u"participant"_s, who}}));
        REQUIRE(seat.run(Action::Next));
        REQUIRE(seat.run(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}}));
        REQUIRE(seat.run(Action::StartTimer, {{u"timer"_s, u"speaker"_s}}));
        REQUIRE(seat.run(Action::EndSpeech));
    }
}

} // namespace

TEST_CASE("a new session file holds the plan's session and reopens to the same state") {
    Folder folder;
    const QString path = folder.file(u"workshop.podium"_s);
    QByteArray digest;
    {
        Seat seat(createOrFail(path));
        CHECK(seat.engine.state().info.title == demoPlan().info.title);
        CHECK(seat.engine.state().lastSeq == 1);
        speakers(seat, 3);
        digest = codec::digest(seat.engine.state());
        CHECK(seat.file->state() == seat.engine.state());
    }
    auto file = openOrFail(path);
    CHECK(codec::digest(file->state()) == digest);
    CHECK(file->state().speeches.size() == 3);
    CHECK_FALSE(file->sessionId().isEmpty());
    CHECK(file->sessionId() == file->state().sessionId);
    CHECK(file->metadata(u"created_by"_s).startsWith(u"Podium"_s));
    CHECK(file->eventCount().value() == 16);
    CHECK(rawValue(path, u"PRAGMA journal_mode"_s).toString() == u"wal"_s);
}

TEST_CASE("an existing file is never created over") {
    Folder folder;
    const QString path = folder.file(u"taken.podium"_s);
    writeBytes(path, "someone's notes");
    auto file = SessionFile::create(path, demoPlan(), 0);
    REQUIRE_FALSE(file);
    CHECK(file.error().contains(u"already exists"_s));
    CHECK(fileBytes(path) == "someone's notes");
}

// A stick not mounted: the folder was made under the empty mount point, on the internal disk,
// and the session was out of sight once the stick was mounted.
TEST_CASE("a session file is not created in a folder that is not there") {
    Folder folder;
    const QString missing = folder.file(u"stick"_s);
    const QString path = missing + u"/workshop.podium"_s;
    for (const auto& made :
         {SessionFile::create(path, demoPlan(), 0), SessionFile::openOrCreate(path, demoPlan(), 0),
          SessionFile::createReplica(path)}) {
        REQUIRE_FALSE(made);
        CHECK(made.error().contains(u"does not exist"_s));
        CHECK(made.error().contains(QDir::toNativeSeparators(missing)));
    }
    CHECK_FALSE(QFileInfo::exists(missing));
}

TEST_CASE("an event that does not follow the last one is refused and changes nothing") {
    Folder folder;
    const QString path = folder.file(u"order.podium"_s);
    auto file = createOrFail(path);
    Event stray = creationEvent(demoPlan(), u"other"_s, 0); // seq 1 again
    const auto refused = file->append(stray);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().contains(u"does not follow"_s));
    CHECK(file->state().lastSeq == 1);
    CHECK(file->eventCount().value() == 1);
}

TEST_CASE("opening starts from the latest snapshot, and a damaged one falls back to the events") {
    Folder folder;
    const QString path = folder.file(u"long.podium"_s);
    QByteArray digest;
    {
        Seat seat(createOrFail(path));
        seat.file->setSnapshotInterval(20);
        speakers(seat, 25); // 126 events: snapshots at 20, 40, ... 120; the latest 3 are kept
        digest = codec::digest(seat.engine.state());
    }
    CHECK(rawValue(path, u"SELECT count(*) FROM snapshots"_s).toInt() == 3);
    CHECK(rawValue(path, u"SELECT max(seq) FROM snapshots"_s).toInt() == 120);
    {
        auto file = openOrFail(path);
        CHECK(codec::digest(file->state()) == digest);
        CHECK(file->warnings().isEmpty());
    }
    // The latest snapshot's digest no longer matches its state: it is not trusted.
    REQUIRE(rawExec(path, {u"UPDATE snapshots SET digest = x'00' WHERE seq = 120"_s}));
    auto file = openOrFail(path);
    CHECK(codec::digest(file->state()) == digest);
    REQUIRE(file->warnings().size() == 1);
    CHECK(file->warnings().first().contains(u"120"_s));
}

TEST_CASE("a snapshot taken by the file is the state the engine had at that event") {
    Folder folder;
    const QString path = folder.file(u"snap.podium"_s);
    Seat seat(createOrFail(path));
    seat.file->setSnapshotInterval(10);
    QByteArray digestAt10;
    QObject::connect(&seat.engine, &SessionEngine::eventApplied,
                     [&](const Event& e, const SessionState&) {
                         if (e.seq == 10)
                             digestAt10 = codec::digest(seat.engine.state());
                     });
    speakers(seat, 3);
    CHECK(rawValue(path, u"SELECT digest FROM snapshots WHERE seq = 10"_s).toByteArray() ==
          digestAt10);
}

TEST_CASE("Save As writes a consistent copy while the session stays open and writable") {
    Folder folder;
    const QString path = folder.file(u"live.podium"_s);
    const QString copy = folder.file(u"copy.podium"_s);
    Seat seat(createOrFail(path));
    speakers(seat, 2);
    REQUIRE(seat.file->saveCopyAs(copy));
    speakers(seat, 1); // the original goes on; the copy is the moment it was made
    {
        auto copied = openOrFail(copy);
        CHECK(copied->state().speeches.size() == 2);
        CHECK(copied->sessionId() == seat.file->sessionId());
    }
    CHECK(integrityCheck(copy) == u"ok"_s);
    const auto again = seat.file->saveCopyAs(copy);
    REQUIRE_FALSE(again);
    CHECK(again.error().contains(u"already exists"_s));
    // A Save As to this name that a crash cut short left its hidden copy: the next one clears it.
    writeBytes(folder.file(u".copy.podium.0123abcd.part"_s), QByteArray(4096, 'x'));
    const QString others = folder.file(u".other.podium.0123abcd.part"_s); // another name's: kept
    writeBytes(others, QByteArray(16, 'x'));
    REQUIRE(seat.file->saveCopyAs(copy, true));
    CHECK(openOrFail(copy)->state().speeches.size() == 3);
    CHECK(QDir(folder.dir.path())
              .entryList({u".copy.podium*.part"_s}, QDir::Hidden | QDir::Files)
              .isEmpty());
    CHECK(QFile::exists(others));
    CHECK_FALSE(seat.file->saveCopyAs(path, true)); // never over the live file itself
}

// Save As onto a file that another cockpit had open replaced that cockpit's whole session.
TEST_CASE("Save As never replaces a session another Podium has open") {
    Folder folder;
    const QString theirs = folder.file(u"theirs.podium"_s);
    Seat mine(createOrFail(folder.file(u"mine.podium"_s)));
    {
        Seat other(createOrFail(theirs));
        speakers(other, 3);
        const auto refused = mine.file->saveCopyAs(theirs, true);
        REQUIRE_FALSE(refused);
        CHECK(refused.error().contains(u"already open in another Podium"_s));
        speakers(other, 1); // the other cockpit goes on, on its own file
    }
    CHECK(openOrFail(theirs)->state().speeches.size() == 4);
}

namespace {

// A session file with `speeches` speeches as a Podium killed with them in its journal leaves
// it: the -wal beside it holds them.
void leaveAsCrashed(const Folder& folder, const QString& path, int speeches) {
    const QString leftover = folder.file(u"leftover-wal"_s);
    {
        Seat crashed(createOrFail(path));
        speakers(crashed, speeches);
        REQUIRE(QFile::copy(path + u"-wal"_s, leftover)); // what a kill -9 would leave
    }
    REQUIRE(QFile::rename(leftover, path + u"-wal"_s));
}

} // namespace

// A Podium that crashed leaves its journal (-wal) beside its file; SQLite would replay it into
// the copy that takes the file's name, making a session of both.
TEST_CASE("Save As over a file a crashed Podium left behind takes none of its journal") {
    Folder folder;
    const QString old = folder.file(u"old.podium"_s);
    leaveAsCrashed(folder, old, 3);
    Seat mine(createOrFail(folder.file(u"mine.podium"_s)));
    speakers(mine, 1);
    REQUIRE(mine.file->saveCopyAs(old, true));
    auto copy = openOrFail(old, OpenMode::View);
    CHECK(copy->sessionId() == mine.file->sessionId());
    CHECK(copy->state().speeches.size() == 1);
    CHECK(integrityCheck(old) == u"ok"_s);
}

TEST_CASE("a replica file takes the host's state and goes on from there") {
    Folder folder;
    Seat host(createOrFail(folder.file(u"host.podium"_s)));
    speakers(host, 2);
    auto created = SessionFile::createReplica(folder.file(u"peer.podium"_s));
    REQUIRE(created);
    Seat peer(std::move(created).value());
    REQUIRE(peer.file->adoptState(host.engine.state()));
    peer.engine.reset(peer.file->state());
    QList<Event> sent;
    QObject::connect(&host.engine, &SessionEngine::eventApplied,
                     [&](const Event& e, const SessionState&) { sent.append(e); });
    speakers(host, 1);
    for (const Event& e : sent)
        REQUIRE(peer.engine.receive(e));
    peer.file.reset();
    auto reopened = openOrFail(folder.file(u"peer.podium"_s));
    CHECK(codec::digest(reopened->state()) == codec::digest(host.engine.state()));
    CHECK(reopened->sessionId() == host.file->sessionId());
}

TEST_CASE("a transaction that is not committed leaves nothing behind, and its prepared "
          "statements serve the next") {
    Folder folder;
    const QString path = folder.file(u"guard.podium"_s);
    auto file = createOrFail(path);
    const auto count = [&] {
        QSqlQuery q(file->database());
        return q.exec(u"SELECT count(*) FROM meta"_s) && q.next() ? q.value(0).toInt() : -1;
    };
    const int before = count();
    store::TransactionStatements statements(file->database());
    {
        store::Transaction transaction(statements);
        REQUIRE(transaction.isActive());
        QSqlQuery q(file->database());
        REQUIRE(q.exec(u"INSERT INTO meta VALUES('half', 'done')"_s));
        CHECK(count() == before + 1); // visible inside the transaction...
    } // ...and gone when the guard goes out of scope without commit()
    CHECK(count() == before);
    {
        store::Transaction transaction(statements);
        QSqlQuery q(file->database());
        REQUIRE(q.exec(u"INSERT INTO meta VALUES('whole', 'done')"_s));
        REQUIRE(transaction.commit());
    }
    CHECK(count() == before + 1);
}

// The sync layer's hosting record (codes, role, port) means something only whole: with the codes
// and not the port (a full disk between two writes), a crashed host came back on the default port.
TEST_CASE("metadata written together is kept whole or not at all") {
    Folder folder;
    const QString path = folder.file(u"meta.podium"_s);
    createOrFail(path);
    // The third entry cannot be written, as on a disk that fills up between them.
    REQUIRE(rawExec(path, {u"CREATE TRIGGER refuse BEFORE INSERT ON meta WHEN NEW.key = 'c' "
                           "BEGIN SELECT RAISE(ABORT, 'disk full'); END"_s}));
    auto file = openOrFail(path);
    CHECK_FALSE(file->writeMetadata({{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}, {u"c"_s, u"3"_s}}));
    CHECK(file->metadata(u"a"_s).isEmpty());
    CHECK(rawValue(path, u"SELECT count(*) FROM meta WHERE key IN ('a', 'b')"_s).toInt() == 0);
    REQUIRE(file->writeMetadata({{u"a"_s, u"1"_s}, {u"b"_s, u"2"_s}}));
    CHECK(file->metadata(u"b"_s) == u"2"_s);
    CHECK(rawValue(path, u"SELECT value FROM meta WHERE key = 'a'"_s).toString() == u"1"_s);
}

namespace {

bool hasCompanions(const QString& path) {
    return QFile::exists(path + u"-wal"_s) || QFile::exists(path + u"-shm"_s);
}

} // namespace

// `podium --check` and `--export-report` left an empty -wal and -shm beside every session they
// read.
TEST_CASE("viewing a closed session leaves nothing beside it") {
    Folder folder;
    const QString path = folder.file(u"closed.podium"_s);
    {
        Seat seat(createOrFail(path));
        speakers(seat, 2);
    }
    REQUIRE_FALSE(hasCompanions(path));
    for (const OpenMode mode : {OpenMode::View, OpenMode::UpToDamage}) {
        CHECK(openOrFail(path, mode)->state().speeches.size() == 2);
        CHECK_FALSE(hasCompanions(path));
    }
    CHECK_FALSE(QFile::exists(path + u".lock"_s));
}

TEST_CASE("viewing a session open in a Podium leaves its journal to it") {
    Folder folder;
    const QString path = folder.file(u"open.podium"_s);
    Seat seat(createOrFail(path));
    speakers(seat, 2);
    CHECK(openOrFail(path, OpenMode::View)->state() == seat.engine.state());
    speakers(seat, 1); // still written through its journal
    CHECK(openOrFail(path, OpenMode::View)->state().speeches.size() == 3);
    CHECK(QFile::exists(path + u".lock"_s));
}

TEST_CASE("viewing a session a crashed Podium left keeps the journal holding its latest events") {
    Folder folder;
    const QString path = folder.file(u"crashed.podium"_s);
    leaveAsCrashed(folder, path, 3);
    CHECK(openOrFail(path, OpenMode::View)->state().speeches.size() == 3);
    CHECK(QFileInfo(path + u"-wal"_s).size() > 0);
    CHECK(openOrFail(path)->state().speeches.size() == 3);
}
