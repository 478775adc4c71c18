#include <catch2/catch.hpp>

#include "model/codec.h"
#include "model/reducer.h"
#include "store_support.h"

#include <QFile>
#include <QRandomGenerator>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// Reads the child's acknowledged seqs until `count` were seen or it ended; returns the highest.
qint64 acknowledgedBy(Child& child, int count, qint64 highest) {
    for (int i = 0; i < count; ++i) {
        const QString line = child.readLine();
        if (line.isEmpty())
            break;
        INFO(line.toStdString());
        REQUIRE_FALSE(line.startsWith(u"error"_s));
        highest = qMax(highest, line.toLongLong());
    }
    return highest;
}

void checkReopens(const QString& path, qint64 acknowledged) {
    REQUIRE(integrityCheck(path) == u"ok"_s);
    auto file = openOrFail(path);
    REQUIRE(file->state().lastSeq >= acknowledged); // every reported event is there
    REQUIRE(file->eventCount().value() == file->state().lastSeq);
    SessionState replay;
    const auto all = file->events();
    REQUIRE(all);
    for (const Event& e : all.value())
        replay = apply(replay, e);
    REQUIRE(codec::digest(replay) == codec::digest(file->state()));
}

} // namespace

TEST_CASE("kill -9 at random moments: every acknowledged event survives, and replay agrees") {
    const quint32 seed = QRandomGenerator::global()->generate();
    INFO("seed " << seed);
    QRandomGenerator rng(seed);
    Folder folder;
    const QString path = folder.file(u"crash.podium"_s);
    qint64 acknowledged = 0;
    for (int cycle = 0; cycle < 60; ++cycle) {
        INFO("cycle " << cycle);
        Child child({u"append"_s, path});
        acknowledged = acknowledgedBy(child, int(rng.bounded(0, 30)), acknowledged);
        child.kill();
        for (const QString& line : child.readAllLines())
            acknowledged = qMax(acknowledged, line.toLongLong());
        if (!QFile::exists(path)) { // killed while creating: nothing may have been acknowledged
            REQUIRE(acknowledged == 0);
            continue;
        }
        checkReopens(path, acknowledged);
    }
    CHECK(acknowledged > 200);
}

TEST_CASE("after a crash, a running countdown goes on from the clock") {
    Folder folder;
    const QString path = folder.file(u"countdown.podium"_s);
    const qint64 start = 1'800'000'000'000;
    Child child({u"countdown"_s, path, QString::number(start)});
    const QString line = child.readLine();
    REQUIRE(line.startsWith(u"allotted "_s));
    const qint64 allotted = line.mid(9).toLongLong();
    REQUIRE(allotted > 40'000);
    const qint64 fortyLeft = start + allotted - 40'000; // the speaker had 40 s left here
    child.kill();                                       // ... and the laptop died
    Seat seat(openOrFail(path));
    seat.clock.set(fortyLeft + 10'000); // reopened 10 s later
    const auto& floor = seat.engine.state().floor;
    REQUIRE(floor);
    CHECK(floor->countdown.running);
    CHECK(floor->countdown.remainingMs(seat.engine.now()) == 30'000);
}
