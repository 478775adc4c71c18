#include <catch2/catch.hpp>

#include "model/codec.h"
#include "plan/plan.h"

#include "store/session_check.h"
#include "store_support.h"

#include <QFileInfo>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// A session of 14 events (snapshots at 4, 8 and 12) and a note; its state after event 13.
QByteArray sessionWithNote(const QString& path) {
    Seat seat(createOrFail(path));
    seat.file->setSnapshotInterval(4);
    QByteArray digestAt13;
    for (int i = 0; i < 13; ++i) {
        REQUIRE(seat.run(Action::SetStageMessage, {{u"text"_s, u"message %1"_s.arg(i)}}));
        if (seat.file->state().lastSeq == 13)
            digestAt13 = codec::digest(seat.file->state());
    }
    REQUIRE(seat.file->state().lastSeq == 14);
    REQUIRE(seat.file->addNote({0, 5, 0, NoteKind::KeyTakeaway, u"Keep this"_s}));
    return digestAt13;
}

int salvage(const QString& path, const QString& target, QString* output) {
    QTextStream out(output); // what the user reads, from either stream
    return runSalvage(path, target, out, out);
}

} // namespace

TEST_CASE("podium --salvage keeps the session up to a damaged event, notes included, in a new "
          "file that opens and goes on, and leaves the damaged file as it is") {
    Folder folder;
    const QString path = folder.file(u"day one.podium"_s);
    const QByteArray digestAt13 = sessionWithNote(path);
    REQUIRE(rawExec(path, {u"UPDATE events SET at = at + 5000 WHERE seq = 14"_s}));
    const QByteArray damagedBytes = fileBytes(path);

    QString output;
    CHECK(salvage(path, {}, &output) == 0);
    const QString kept = folder.file(u"day one-salvaged.podium"_s);
    CHECK(output.contains(u"holds the session up to event 13"_s));
    CHECK(fileBytes(path) == damagedBytes);

    auto salvaged = openOrFail(kept);
    CHECK(codec::digest(salvaged->state()) == digestAt13);
    const auto original = SessionFile::open(path, OpenMode::UpToDamage);
    REQUIRE(original);
    CHECK(salvaged->sessionId() == original.value()->sessionId());
    CHECK(salvaged->metadata(u"salvaged_from"_s) == QFileInfo(path).absoluteFilePath());
    const auto notes = salvaged->notes();
    REQUIRE(notes);
    REQUIRE(notes->size() == 1);
    CHECK(notes->first().text == u"Keep this"_s);

    Seat goesOn(std::move(salvaged));
    CHECK(goesOn.run(Action::SetStageMessage, {{u"text"_s, u"after"_s}}));
    CHECK(goesOn.file->state().lastSeq == 14);
    goesOn.file.reset();
    QString checked;
    QTextStream out(&checked);
    CHECK(runSessionCheck(kept, out) == 0);
}

TEST_CASE("podium --salvage of a log with a missing event keeps what comes before it") {
    Folder folder;
    const QString path = folder.file(u"gap.podium"_s);
    const QByteArray digestAt13 = sessionWithNote(path);
    REQUIRE(rawExec(path, {u"DELETE FROM events WHERE seq = 14"_s,
                           u"INSERT INTO events SELECT 15, epoch, at, author, command_id, action, "
                           "data, checksum FROM events WHERE seq = 13"_s}));
    const QString kept = folder.file(u"kept.podium"_s);
    QString output;
    CHECK(salvage(path, kept, &output) == 0);
    CHECK(codec::digest(openOrFail(kept, OpenMode::View)->state()) == digestAt13);
}

TEST_CASE("podium --salvage writes nothing for a sound file, an existing target or a file that is "
          "not a session") {
    Folder folder;
    const QString path = folder.file(u"sound.podium"_s);
    sessionWithNote(path);
    QString output;
    CHECK(salvage(path, {}, &output) == 1);
    CHECK(output.contains(u"opens whole as it is, so there is nothing to salvage"_s));
    CHECK_FALSE(QFileInfo::exists(folder.file(u"sound-salvaged.podium"_s)));

    REQUIRE(rawExec(path, {u"UPDATE events SET at = at + 5000 WHERE seq = 14"_s}));
    const QString taken = folder.file(u"taken.podium"_s);
    writeBytes(taken, "someone's file");
    output.clear();
    CHECK(salvage(path, taken, &output) == 1);
    CHECK(output.contains(u"already exists"_s));
    CHECK(fileBytes(taken) == "someone's file");

    const QString junk = folder.file(u"junk.podium"_s);
    writeBytes(junk, QByteArray(5000, 'x'));
    output.clear();
    CHECK(salvage(junk, {}, &output) == 2);
    CHECK(output.contains(u"not a Podium session file"_s));
    CHECK_FALSE(QFileInfo::exists(folder.file(u"junk-salvaged.podium"_s)));
}

TEST_CASE("a salvaged copy takes a name no file has yet, beside the damaged file") {
    Folder folder;
    const QString path = folder.file(u"panel.podium"_s);
    CHECK(salvagedPathFor(path) == folder.file(u"panel-salvaged.podium"_s));
    writeBytes(folder.file(u"panel-salvaged.podium"_s), "x");
    CHECK(salvagedPathFor(path) == folder.file(u"panel-salvaged-2.podium"_s));
}

TEST_CASE("a salvaged copy is hosted with codes of its own, not the damaged file's") {
    Folder folder;
    const QString path = folder.file(u"hosted.podium"_s);
    sessionWithNote(path);
    REQUIRE(rawExec(path, {u"INSERT INTO meta(key, value) VALUES ('sync_hosted_codes', 'x'), "
                           "('sync_hosted_port', '47600'), ('sync_session_codes', 'y')"_s,
                           u"UPDATE events SET at = at + 5000 WHERE seq = 14"_s}));
    const QString kept = folder.file(u"kept.podium"_s);
    QString output;
    REQUIRE(salvage(path, kept, &output) == 0);
    CHECK(rawValue(kept, u"SELECT count(*) FROM meta WHERE key LIKE 'sync_%'"_s).toInt() == 0);
    CHECK(rawValue(path, u"SELECT count(*) FROM meta WHERE key LIKE 'sync_%'"_s).toInt() == 3);
}

TEST_CASE("nothing is salvaged from a file whose first event is damaged, or into no folder") {
    Folder folder;
    const QString path = folder.file(u"first.podium"_s);
    sessionWithNote(path);
    REQUIRE(rawExec(path, {u"UPDATE events SET at = at + 5000 WHERE seq = 14"_s}));
    QString output;
    CHECK(salvage(path, folder.file(u"no/such/folder/kept.podium"_s), &output) == 1);
    CHECK(output.contains(u"folder"_s));
    CHECK(output.contains(u"does not exist"_s));
    // "-" made a file named "-"; /proc was called a full disk.
    output.clear();
    CHECK(salvage(path, u"-"_s, &output) == 2);
    CHECK(output.contains(u"name it with -o"_s));
    CHECK_FALSE(QFileInfo::exists(u"-"_s));
    output.clear();
    CHECK(salvage(path, u"/proc/kept.podium"_s, &output) == 1);
    CHECK_FALSE(output.contains(u"full"_s));
    CHECK(output.contains(u"read-only"_s));

    REQUIRE(rawExec(
        path, {u"DELETE FROM snapshots"_s, u"UPDATE events SET at = at + 5000 WHERE seq = 1"_s}));
    output.clear();
    CHECK(salvage(path, {}, &output) == 1);
    CHECK(output.contains(u"nothing sound to keep"_s));
    CHECK_FALSE(QFileInfo::exists(folder.file(u"first-salvaged.podium"_s)));
}

// Random bytes over a real file: a snapshots page was damaged as well as an event, and the copy,
// VACUUMed with that damage, was called sound.
TEST_CASE(
    "a file whose database pages are damaged is not salvaged, and --check does not offer it") {
    Folder folder;
    const QString path = folder.file(u"pages.podium"_s);
    writeBytes(path, fileBytes(QStringLiteral(STORE_FIXTURES "/damaged-pages.podium")));
    const QByteArray before = fileBytes(path);
    QString output;
    CHECK(salvage(path, {}, &output) == 1);
    CHECK(output.contains(u"database is damaged too"_s));
    CHECK_FALSE(QFileInfo::exists(folder.file(u"pages-salvaged.podium"_s)));
    CHECK(fileBytes(path) == before);
    QString checked;
    QTextStream out(&checked);
    CHECK(runSessionCheck(path, out) == 1);
    CHECK_FALSE(checked.contains(u"--salvage"_s));
    CHECK(checked.contains(u"Open a copy saved earlier"_s));
}

// VACUUM INTO makes a file in rollback mode: opening it for editing switched it to WAL, header
// and all, before its damage was found.
TEST_CASE("opening a damaged file for editing leaves it byte for byte as it was") {
    Folder folder;
    const QString path = folder.file(u"rollback.podium"_s);
    const QString source = folder.file(u"source.podium"_s);
    sessionWithNote(source);
    REQUIRE(openOrFail(source, OpenMode::View)->saveCopyAs(path));
    REQUIRE(rawExec(path, {u"PRAGMA journal_mode = DELETE"_s,
                           u"UPDATE events SET at = at + 5000 WHERE seq = 14"_s}));
    const QByteArray before = fileBytes(path);
    CHECK_FALSE(SessionFile::open(path, OpenMode::Edit));
    CHECK(fileBytes(path) == before);
}

// Rows from before format 3 have no checksum; a row that lost its own (damage that made it NULL)
// passed as one of them, unchecked, and the file was called sound.
TEST_CASE("an event that lost its checksum among checksummed ones is damage") {
    Folder folder;
    const QString path = folder.file(u"nulled.podium"_s);
    sessionWithNote(path);
    REQUIRE(
        rawExec(path, {u"UPDATE events SET at = at + 100000, checksum = NULL WHERE seq = 14"_s}));
    const auto opened = SessionFile::open(path, OpenMode::View);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().contains(u"event 14 has lost its checksum"_s));
    QString checked;
    QTextStream out(&checked);
    CHECK(runSessionCheck(path, out) == 1);
    CHECK(checked.contains(u"PROBLEM: event 14 has lost its checksum"_s));
}

// A file of the first format, with an event missing, was upgraded over itself (a backup written
// beside it) before the gap was found, with the message that it was left as it is.
TEST_CASE("a damaged file of an older format is not upgraded when opened for editing") {
    Folder folder;
    const QString path = folder.file(u"old.podium"_s);
    writeBytes(path, fileBytes(QStringLiteral(STORE_FIXTURES "/session-v1.podium")));
    REQUIRE(rawExec(path, {u"DELETE FROM events WHERE seq = 15"_s}));
    const QByteArray before = fileBytes(path);
    const auto opened = SessionFile::open(path, OpenMode::Edit);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().contains(u"event 15 is missing"_s));
    CHECK(fileBytes(path) == before);
    CHECK_FALSE(QFileInfo::exists(path + u".v1-backup"_s));
}

TEST_CASE("the cockpit is offered to salvage only what can be kept") {
    Folder folder;
    const QString path = folder.file(u"offer.podium"_s);
    sessionWithNote(path);
    CHECK_FALSE(salvageOfferFor(path)); // a sound file
    REQUIRE(rawExec(path, {u"UPDATE events SET at = at + 5000 WHERE seq = 14"_s}));
    const auto offer = salvageOfferFor(path);
    REQUIRE(offer);
    CHECK(offer->keptUpTo == 13);
    CHECK(offer->lost == 1);
    REQUIRE(rawExec(
        path, {u"DELETE FROM snapshots"_s, u"UPDATE events SET at = at + 5000 WHERE seq = 1"_s}));
    CHECK_FALSE(salvageOfferFor(path)); // nothing sound before the damage
    QString checked;
    QTextStream out(&checked);
    CHECK(runSessionCheck(path, out) == 1);
    CHECK_FALSE(checked.contains(u"--salvage"_s));
    const QString pages = folder.file(u"pages.podium"_s);
    writeBytes(pages, fileBytes(QStringLiteral(STORE_FIXTURES "/damaged-pages.podium")));
    CHECK_FALSE(salvageOfferFor(pages));
}

// The first checksummed row without its checksum passed: nothing before it had one to tell it by.
TEST_CASE("a file knows where its checksums begin: a new file's first event needs one too") {
    Folder folder;
    const QString path = folder.file(u"first-null.podium"_s);
    sessionWithNote(path);
    CHECK(rawValue(path, u"SELECT value FROM meta WHERE key = 'checksums_from'"_s).toInt() == 1);
    REQUIRE(rawExec(path, {u"UPDATE events SET checksum = NULL WHERE seq = 1"_s}));
    QString checked;
    QTextStream out(&checked);
    CHECK(runSessionCheck(path, out) == 1);
    CHECK(checked.contains(u"PROBLEM: event 1 has lost its checksum"_s));

    // A file of the first format keeps its old rows unchecked, and checks every row after them.
    const QString old = folder.file(u"old.podium"_s);
    writeBytes(old, fileBytes(QStringLiteral(STORE_FIXTURES "/session-v1.podium")));
    const qint64 oldRows = rawValue(old, u"SELECT max(seq) FROM events"_s).toLongLong();
    {
        Seat seat(openOrFail(old));
        REQUIRE(seat.run(Action::SetStageMessage, {{u"text"_s, u"after the upgrade"_s}}));
    }
    CHECK(rawValue(old, u"SELECT value FROM meta WHERE key = 'checksums_from'"_s).toLongLong() ==
          oldRows + 1);
    QString fine;
    QTextStream fineOut(&fine);
    CHECK(runSessionCheck(old, fineOut) == 0);
}
