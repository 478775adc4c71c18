#include <catch2/catch.hpp>

#include "model/codec.h"
#include "store/session_check.h"
#include "store_support.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTextStream>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// A closed session file with a few speeches in it.
QString sessionWithSpeeches(const Folder& folder, const QString& name, int speeches = 3) {
    const QString path = folder.file(name);
    Seat seat(createOrFail(path));
    for (int i = 0; i < speeches; ++i) {
        REQUIRE(seat.run(Action::AddEntry, {{u"participant"_s, 2 + i % 4}}));
        REQUIRE(seat.run(Action::Next));
        REQUIRE(seat.run(Action::EndSpeech));
    }
    return path;
}

// Opening fails with a sentence containing `expected`, and the file is byte for byte as it was.
void refusedUnchanged(const QString& path, const QString& expected) {
    const QByteArray before = fileBytes(path);
    const auto file = SessionFile::open(path);
    REQUIRE_FALSE(file);
    INFO(file.error().toStdString());
    CHECK(file.error().contains(expected));
    CHECK(file.error().contains(QFileInfo(path).fileName()));
    CHECK(fileBytes(path) == before);
}

} // namespace

TEST_CASE("a missing file is named as missing") {
    Folder folder;
    const auto file = SessionFile::open(folder.file(u"nowhere.podium"_s));
    REQUIRE_FALSE(file);
    CHECK(file.error().contains(u"does not exist"_s));
}

TEST_CASE("garbage, an empty file and a truncated session are refused and left as they were") {
    Folder folder;
    SECTION("garbage bytes") {
        const QString path = folder.file(u"garbage.podium"_s);
        QByteArray junk;
        for (int i = 0; i < 8192; ++i)
            junk.append(char((i * 7919) % 251));
        writeBytes(path, junk);
        refusedUnchanged(path, u"not a Podium session file"_s);
    }
    // Said "not a Podium session file: … damaged", of a plan the organiser had just exported.
    SECTION("a session plan") {
        const QString path = folder.file(u"workshop.json"_s);
        writeBytes(path, R"({"podiumPlan": 1, "title": "Workshop"})");
        refusedUnchanged(path, u"is a session plan, not a session file"_s);
        CHECK_FALSE(SessionFile::open(path).error().contains(u"damaged"_s));
    }
    SECTION("an empty file") {
        const QString path = folder.file(u"empty.podium"_s);
        writeBytes(path, {});
        refusedUnchanged(path, u"is empty (0 bytes): not a Podium session file"_s);
    }
    // Said "damaged (database disk image is malformed)… run podium --check", which said the same;
    // a file cut off by a copy that did not finish is to be copied again.
    SECTION("a session file cut in half, or by its last page") {
        const QString path = sessionWithSpeeches(folder, u"cut.podium"_s, 40);
        const QByteArray whole = fileBytes(path);
        REQUIRE(whole.size() > 8 * 4096);
        const qsizetype kept =
            GENERATE(as<qsizetype>{}, 0, 1) == 0 ? whole.size() / 2 : whole.size() - 4096;
        writeBytes(path, whole.left(kept));
        refusedUnchanged(path,
                         u"is cut off: it holds %1 bytes of the %2"_s.arg(kept).arg(whole.size()));
        QString report;
        QTextStream out(&report);
        CHECK(runSessionCheck(path, out) == 2);
        CHECK(report.contains(u"copy it again"_s));
    }
}

TEST_CASE("a SQLite file of another program is not taken for a session") {
    Folder folder;
    const QString path = folder.file(u"contacts.db"_s);
    REQUIRE(rawExec(path,
                    {u"CREATE TABLE people(name TEXT)"_s, u"INSERT INTO people VALUES('Ada')"_s}));
    refusedUnchanged(path, u"not a Podium session file"_s);
    CHECK(rawValue(path, u"SELECT name FROM people"_s).toString() == u"Ada"_s);
}

TEST_CASE("a file from a newer Podium is refused, not downgraded") {
    Folder folder;
    const QString path = sessionWithSpeeches(folder, u"future.podium"_s);
    REQUIRE(rawExec(path, {u"PRAGMA user_version = 99"_s}));
    refusedUnchanged(path, u"newer version of Podium"_s);
    CHECK(rawValue(path, u"PRAGMA user_version"_s).toInt() == 99);
}

TEST_CASE("a file whose format number is damaged is refused, not upgraded over") {
    Folder folder;
    const QString path = sessionWithSpeeches(folder, u"flipped.podium"_s);
    REQUIRE(rawExec(path, {u"PRAGMA user_version = -252"_s}));
    refusedUnchanged(path, u"damaged"_s);
    CHECK(QDir(folder.dir.path()).entryList({u"*backup*"_s}).isEmpty());
    CHECK_FALSE(checkSessionFile(path)); // `podium --check` does not call it sound
}

TEST_CASE("an upgrade that fails part way leaves the file as it was, not half upgraded") {
    Folder folder;
    const QString path = folder.file(u"old.podium"_s);
    writeBytes(path, fileBytes(QStringLiteral(STORE_FIXTURES "/session-v1.podium")));
    // The last step cannot be taken: its table is there already.
    REQUIRE(rawExec(path, {u"CREATE TABLE orphaned_events(x)"_s}));
    refusedUnchanged(path, u"could not be upgraded"_s);
    CHECK(rawValue(path, u"PRAGMA user_version"_s).toInt() == 1);
}

TEST_CASE("a read-only file opens for viewing, says so, and refuses changes") {
    Folder folder;
    const QString path = sessionWithSpeeches(folder, u"readonly.podium"_s);
    const QByteArray before = fileBytes(path);
    REQUIRE(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    {
        Seat seat(openOrFail(path));
        CHECK(seat.file->isReadOnly());
        CHECK(seat.file->readOnlyReason().contains(u"read-only"_s));
        CHECK(seat.engine.state().speeches.size() == 3);
        const QByteArray digest = codec::digest(seat.engine.state());
        const auto refused = seat.run(Action::AddEntry, {{u"participant"_s, 2}});
        REQUIRE_FALSE(refused);
        CHECK(refused.error().contains(u"read-only"_s));
        CHECK(codec::digest(seat.engine.state()) == digest);
        CHECK_FALSE(seat.file->addNote({0, 1, 0, NoteKind::Note, u"x"_s}));
        // The way on: a writable copy.
        REQUIRE(seat.file->saveCopyAs(folder.file(u"copy.podium"_s)));
    }
    CHECK(fileBytes(path) == before);
    auto copy = openOrFail(folder.file(u"copy.podium"_s));
    CHECK_FALSE(copy->isReadOnly());
    CHECK(copy->state().speeches.size() == 3);
}

// On a stick or a share that cannot be written, nothing opened ("unable to open database file"):
// SQLite could not make the file it reads a journaled session through. The folder is made
// immutable (chattr +i), which holds for root too, as CI runs.
TEST_CASE("a session in a folder that cannot be written opens for viewing and checking") {
    Folder folder;
    const QString stick = folder.file(u"stick"_s);
    REQUIRE(QDir().mkpath(stick));
    const QString path = sessionWithSpeeches(folder, u"stick/session.podium"_s);
    if (QProcess::execute(u"chattr"_s, {u"+i"_s, stick}) != 0) {
        WARN("chattr +i is not possible on this file system: not tested here");
        return;
    }
    const auto writable = qScopeGuard([&] { QProcess::execute(u"chattr"_s, {u"-i"_s, stick}); });
    auto viewed = SessionFile::open(path, OpenMode::View);
    REQUIRE(viewed);
    CHECK(viewed.value()->state().speeches.size() == 3);
    auto opened = SessionFile::open(path); // as the cockpit opens a file: read-only, with why
    REQUIRE(opened);
    CHECK(opened.value()->isReadOnly());
    CHECK(opened.value()->readOnlyReason().contains(u"folder"_s));
    QString report;
    QTextStream out(&report);
    CHECK(runSessionCheck(path, out) == 0);
}

// A session copied to a stick while Podium had it open (or that a crash left so): its latest
// events are in the journal beside it, which SQLite reads through a "-shm" file it cannot make in
// a folder that cannot be written. They were left out, `--check` called the file sound, and Save
// As, as the window advised, made a copy without them.
TEST_CASE("a session with its journal in a folder that cannot be written is read whole") {
    Folder folder;
    const QString stick = folder.file(u"stick"_s);
    REQUIRE(QDir().mkpath(stick));
    const QString path = sessionWithSpeeches(folder, u"session.podium"_s);
    const QString onStick = stick + u"/session.podium"_s;
    QByteArray digest;
    {
        Seat seat(openOrFail(path));
        REQUIRE(seat.run(Action::AddEntry, {{u"participant"_s, 3}})); // in the journal only
        digest = codec::digest(seat.engine.state());
        REQUIRE(QFileInfo(path + u"-wal"_s).size() > 0);
        REQUIRE(QFile::copy(path, onStick));
        REQUIRE(QFile::copy(path + u"-wal"_s, onStick + u"-wal"_s));
    }
    if (QProcess::execute(u"chattr"_s, {u"+i"_s, stick}) != 0) {
        WARN("chattr +i is not possible on this file system: not tested here");
        return;
    }
    const auto writable = qScopeGuard([&] { QProcess::execute(u"chattr"_s, {u"-i"_s, stick}); });
    auto opened = SessionFile::open(onStick);
    REQUIRE(opened);
    CHECK(opened.value()->isReadOnly());
    CHECK(codec::digest(opened.value()->state()) == digest);
    CHECK_FALSE(opened.value()->readOnlyReason().contains(u"missing"_s));
    REQUIRE(opened.value()->saveCopyAs(folder.file(u"rescued.podium"_s)));
    CHECK(codec::digest(openOrFail(folder.file(u"rescued.podium"_s))->state()) == digest);
    QString report;
    QTextStream out(&report);
    CHECK(runSessionCheck(onStick, out) == 0);
    CHECK(QDir(stick).entryList(QDir::Files).size() == 2); // nothing left beside it

    // With no room for the copy, what is missing is said, and `--check` does not call it sound.
    const QByteArray tmp = qgetenv("TMPDIR");
    const auto tmpBack = qScopeGuard([&] { qputenv("TMPDIR", tmp); });
    qputenv("TMPDIR", stick.toLocal8Bit()); // as unwritable as the folder
    auto unread = SessionFile::open(onStick);
    REQUIRE(unread);
    CHECK(unread.value()->readOnlyReason().contains(u"session.podium-wal"_s));
    CHECK(unread.value()->readOnlyReason().contains(u"Copy both files"_s));
    report.clear();
    CHECK(runSessionCheck(onStick, out) == 1);
    CHECK(report.contains(u"could not be read"_s));
}

// It named a hidden draft (".nope.podium.<hex>.part could not be read") in a folder taking no file.
TEST_CASE("a new session in a folder that takes no file says so, naming the file and folder") {
    const auto made = SessionFile::create(u"/proc/nope.podium"_s, demoPlan(), 0);
    REQUIRE_FALSE(made);
    CHECK(made.error().contains(u"/proc/nope.podium could not be created"_s));
    CHECK(made.error().contains(u"no new file can be made in /proc"_s));
    CHECK_FALSE(made.error().contains(u".part"_s));
}

TEST_CASE("a file open in this Podium cannot be opened for editing twice, but can be viewed") {
    Folder folder;
    const QString path = sessionWithSpeeches(folder, u"twice.podium"_s);
    auto first = openOrFail(path);
    const auto second = SessionFile::open(path);
    REQUIRE_FALSE(second);
    CHECK(second.error().contains(u"already open in another Podium"_s));
    auto viewer = openOrFail(path, OpenMode::View);
    CHECK(viewer->state() == first->state());
    first.reset();
    CHECK(SessionFile::open(path));
}

TEST_CASE(
    "a file held by another live Podium is refused, and its lock is taken over once it dies") {
    Folder folder;
    const QString path = sessionWithSpeeches(folder, u"shared.podium"_s);
    Child other({u"hold"_s, path});
    const QString locked = other.readLine();
    REQUIRE(locked.startsWith(u"locked "_s));
    const QString pid = locked.mid(7);
    const auto refused = SessionFile::open(path);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().contains(u"already open in another Podium"_s));
    CHECK(refused.error().contains(pid));
    other.kill(); // kill -9: the lock file stays behind, naming a process that is gone
    REQUIRE(QFile::exists(path + u".lock"_s));
    auto file = openOrFail(path);
    CHECK(file->state().speeches.size() == 3);
}

// A stick brought from a laptop whose lid never woke: whether that Podium still runs cannot be
// known from here, so the file stays closed, but the moderator is told the way out.
TEST_CASE("a file locked by a Podium on another computer says which, and how to open it anyway") {
    Folder folder;
    const QString path = sessionWithSpeeches(folder, u"stick.podium"_s);
    writeBytes(path + u".lock"_s, "4242\npodium\nlaptop-a\n");
    const auto refused = SessionFile::open(path);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().contains(u"another computer, laptop-a"_s));
    CHECK(refused.error().contains(u"delete stick.podium.lock"_s));
    REQUIRE(QFile::remove(path + u".lock"_s)); // as it says
    CHECK(openOrFail(path)->state().speeches.size() == 3);
}

TEST_CASE("a lock file left half-written by a crash does not lock the session out for good") {
    // kill -9 or a power cut between creating the lock file and writing who holds it leaves an
    // empty one: nobody holds it, and the session must open again.
    Folder folder;
    const QString path = sessionWithSpeeches(folder, u"half.podium"_s);
    QFile lock(path + u".lock"_s);
    REQUIRE(lock.open(QIODevice::WriteOnly));
    lock.close();
    auto file = openOrFail(path);
    CHECK(file->state().speeches.size() == 3);
    // While it is open here, the same empty-looking lock is really held: still refused.
    const auto second = SessionFile::open(path);
    REQUIRE_FALSE(second);
    CHECK(second.error().contains(u"already open in another Podium"_s));
}

TEST_CASE("a full disk refuses the action with a sentence, applies nothing, and recovers") {
    Folder folder;
    const QString path = sessionWithSpeeches(folder, u"full.podium"_s);
    const qint64 limit = QFileInfo(path).size() + 48 * 1024;
    Child child({u"fill"_s, path, QString::number(limit)});
    REQUIRE(child.finish());
    const QStringList lines = child.readAllLines();
    INFO(lines.join(u'\n').toStdString());
    REQUIRE(child.process().exitCode() == 0);
    QList<qint64> saved;
    int failures = 0;
    for (const QString& line : lines) {
        if (line.startsWith(u"ok "_s)) {
            saved << line.mid(3).toLongLong();
        } else {
            REQUIRE(line.startsWith(u"full 1 "_s)); // 1: neither engine nor file state changed
            CHECK(line.contains(u"not saved and not applied"_s));
            CHECK(line.contains(u"The disk is full"_s));
            CHECK(line.contains(u"Free some space"_s));
            ++failures;
        }
    }
    CHECK(failures == 2);
    REQUIRE(saved.size() > 3);
    CHECK(integrityCheck(path) == u"ok"_s);
    auto file = openOrFail(path);
    // Every acknowledged event is there, in order, with no gap where the disk was full.
    CHECK(file->state().lastSeq == saved.last());
    for (int i = 1; i < saved.size(); ++i)
        CHECK(saved[i] == saved[i - 1] + 1);
    CHECK(file->eventCount().value() == saved.last());
}

TEST_CASE("a joined seat's file that cannot take the host's state for a full disk still says it "
          "holds no session, then takes it once there is space") {
    // The file told the seat it held the host's session, which the disk never got: a restore
    // from it then rebuilt a log for a session the file did not have.
    Folder folder;
    const QString path = folder.file(u"replica.podium"_s);
    Child child({u"adopt"_s, path});
    REQUIRE(child.finish());
    const QStringList lines = child.readAllLines();
    INFO(lines.join(u'\n').toStdString());
    REQUIRE(child.process().exitCode() == 0);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == u"refused - 0"_s);
    CHECK(lines[1].startsWith(u"adopted set "_s));
    CHECK(lines[1] != u"adopted set 0"_s);
    CHECK(integrityCheck(path) == u"ok"_s);
    CHECK_FALSE(openOrFail(path)->sessionId().isEmpty());
}

// Damage that SQLite does not notice, inside an event row, is caught by the row's checksum;
// damage to a snapshot makes the file fall back to the events; unused space does not matter.
TEST_CASE(
    "random damage to a session file never crashes Podium, and a refused file is left as it was") {
    // A fixed seed: the count of files opened as another session, checked below, is a
    // statistic; with a new seed each run it could fail one run in many. (fuzz.sh explores.)
    QRandomGenerator rng(20'261'203);
    Folder folder;
    const QString good = sessionWithSpeeches(folder, u"good.podium"_s, 30);
    const QByteArray original = fileBytes(good);
    const QByteArray digest = codec::digest(openOrFail(good, OpenMode::View)->state());
    int refused = 0, intact = 0, changed = 0;
    for (int round = 0; round < 150; ++round) {
        QByteArray damaged = original;
        const int flips = int(rng.bounded(1, 8));
        for (int i = 0; i < flips; ++i)
            damaged[int(rng.bounded(qint64(damaged.size())))] = char(rng.bounded(256));
        const QString path = folder.file(u"damaged-%1.podium"_s.arg(round));
        writeBytes(path, damaged);
        const auto file = SessionFile::open(path);
        if (!file) {
            ++refused;
            CHECK(file.error().contains(QFileInfo(path).fileName()));
            CHECK(fileBytes(path) == damaged);
        } else if (codec::digest(file.value()->state()) == digest) {
            ++intact; // unused space, free pages, or an old snapshot (skipped for the events)
        } else {
            ++changed;
        }
    }
    WARN("damaged files: " << refused << " refused, " << intact << " intact, " << changed
                           << " opened with another state");
    CHECK(refused > 0);
    // Without the row checksums about 12% of these files opened as another session. A b-tree
    // page whose damage hides whole rows from SQLite could still do so, hence not exactly 0.
    CHECK(changed <= 3);
}
