#include <catch2/catch.hpp>

#include "model/codec.h"
#include "model/reducer.h"
#include "store/schema.h"
#include "store_support.h"

#include <QFile>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

// fixtures/session-v1.podium was written by make_v1_fixture with the version-1 layout: 20 events,
// a snapshot at event 10, and no notes table.
TEST_CASE("a version-1 file is upgraded step by step, keeping every event and a backup") {
    Folder folder;
    const QString path = folder.file(u"old.podium"_s);
    const QByteArray original = fileBytes(QStringLiteral(STORE_FIXTURES "/session-v1.podium"));
    REQUIRE_FALSE(original.isEmpty());
    writeBytes(path, original);
    REQUIRE(rawValue(path, u"PRAGMA user_version"_s).toInt() == 1);

    auto file = openOrFail(path);
    CHECK(file->schemaVersion() == store::currentSchemaVersion);
    CHECK(rawValue(path, u"PRAGMA user_version"_s).toInt() == store::currentSchemaVersion);
    CHECK(file->sessionId() == u"fixture-v1"_s);
    CHECK(file->state().lastSeq == 20);
    CHECK(file->state().speeches.size() == 4);
    CHECK(file->state().polls.size() == 1);
    SessionState replay;
    const auto all = file->events();
    REQUIRE(all);
    for (const Event& e : all.value())
        replay = apply(replay, e);
    CHECK(codec::digest(replay) == codec::digest(file->state()));

    // What version 2 added works, and the file goes on taking events.
    REQUIRE(file->addNote({0, 1, 0, NoteKind::Note, u"after the upgrade"_s}));
    CHECK(file->notes()->size() == 1);
    Seat seat(std::move(file));
    REQUIRE(seat.run(Action::AddEntry, {{u"participant"_s, 2}}));
    CHECK(seat.file->state().lastSeq == 21);

    // The file as it was before the upgrade is kept beside it.
    const QString backup = path + u".v1-backup"_s;
    CHECK(rawValue(backup, u"PRAGMA user_version"_s).toInt() == 1);
    CHECK(rawValue(backup, u"SELECT count(*) FROM events"_s).toInt() == 20);
}

TEST_CASE("a version-1 file opened read-only is read as it is, without its notes") {
    Folder folder;
    const QString path = folder.file(u"old.podium"_s);
    writeBytes(path, fileBytes(QStringLiteral(STORE_FIXTURES "/session-v1.podium")));
    auto file = openOrFail(path, OpenMode::View);
    CHECK(file->schemaVersion() == 1);
    CHECK(file->state().lastSeq == 20);
    CHECK(file->notes()->isEmpty());
    CHECK(rawValue(path, u"PRAGMA user_version"_s).toInt() == 1);
}
