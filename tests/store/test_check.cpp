#include <catch2/catch.hpp>

#include "model/codec.h"
#include "model/reducer.h"
#include "plan/plan.h"

#include "store/session_check.h"
#include "store_support.h"
#include <QCborArray>
#include <QCborValue>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

QString sessionForCheck(const Folder& folder) {
    const QString path = folder.file(u"checked.podium"_s);
    Seat seat(createOrFail(path));
    seat.file->setSnapshotInterval(4);
    for (int i = 0; i < 4; ++i) {
        REQUIRE(seat.run(Action::AddEntry, {{u"participant"_s, 2 + i}}));
        REQUIRE(seat.run(Action::Next));
        REQUIRE(seat.run(Action::EndSpeech));
    }
    REQUIRE(seat.run(Action::CreatePoll,
                     {{u"question"_s, u"Q"_s}, {u"options"_s, QCborArray{u"a"_s, u"b"_s}}}));
    REQUIRE(seat.file->addNote({0, 5, 0, NoteKind::KeyTakeaway, u"Key"_s}));
    return path;
}

// Six events of this file's own, and the host's state that replaces them from `seq` on.
qint64 sixOwnEvents(Seat& seat) {
    for (int i = 0; i < 6; ++i)
        REQUIRE(seat.run(Action::SetStageMessage, {{u"text"_s, u"own %1"_s.arg(i)}}));
    return seat.file->state().lastSeq;
}

SessionState hostStateAt(const Seat& seat, qint64 seq) {
    SessionState host = seat.file->state(); // the host's session, which went on otherwise
    host.lastSeq = seq;
    host.stageMessage = u"the host's"_s;
    return host;
}

int check(const QString& path, QString* output) {
    QTextStream out(output);
    return runSessionCheck(path, out);
}

} // namespace

TEST_CASE("podium --check: a sound file gives a summary and exit code 0") {
    Folder folder;
    const QString path = sessionForCheck(folder);
    const auto result = checkSessionFile(path);
    REQUIRE(result);
    CHECK(result->ok());
    CHECK(result->events == 14);
    CHECK(result->participants == demoPlan().participants.size());
    CHECK(result->speeches == 4);
    CHECK(result->polls == demoPlan().polls.size() + 1); // the demo's drafts and one run
    CHECK(result->notes == 1);
    CHECK(result->snapshotsVerified == 3); // the three kept: at 4, 8 and 12
    QString output;
    CHECK(check(path, &output) == 0);
    CHECK(output.contains(u"events:       14"_s));
    CHECK(output.contains(u"speeches: 4, polls: %1"_s.arg(result->polls)));
    CHECK(output.contains(u"OK"_s));
}

TEST_CASE("podium --check: a file that took a host's state over events of its own is sound, and "
          "those events are kept apart") {
    // A host that gave way, or a seat that rejoined: its events after the host's state are not
    // the session's. They used to be deleted, and the file failed its check.
    Folder folder;
    const QString path = folder.file(u"gave-way.podium"_s);
    Seat seat(createOrFail(path));
    const qint64 own = sixOwnEvents(seat);
    const SessionState host = hostStateAt(seat, own - 3);
    REQUIRE(seat.file->adoptState(host));
    Event next;
    next.seq = host.lastSeq + 1;
    next.epoch = host.epoch;
    next.at = seat.clock.nowMs();
    next.author = u"host"_s;
    next.commandId = u"c"_s;
    next.action = Action::SetStageMessage;
    next.data = {{u"text"_s, u"the host's next"_s}};
    REQUIRE(seat.file->append(next));
    seat.file.reset();

    const auto result = checkSessionFile(path);
    REQUIRE(result);
    CHECK(result->problems.isEmpty());
    CHECK(result->ok());
    CHECK(result->orphans == 3);
    QString output;
    CHECK(check(path, &output) == 0);
    CHECK(output.contains(u"kept apart: 3 events"_s));
    CHECK(output.contains(u"whose state at event %1 it then took"_s.arg(own - 3)));
    const auto reopened = SessionFile::open(path, OpenMode::View);
    REQUIRE(reopened);
    CHECK(reopened.value()->state().stageMessage == u"the host's next"_s);
}

TEST_CASE("a file that took a host's state keeps apart every event of its own the host never "
          "got, also those at or before the host's seq") {
    // The seat was told where its log left the host's (divergedAt): from there on its rows are
    // not the session's, though some seqs are covered by the host's state. They stayed in the
    // log, where a report reading it saw them beside the session's.
    Folder folder;
    const QString path = folder.file(u"diverged.podium"_s);
    Seat seat(createOrFail(path));
    const qint64 own = sixOwnEvents(seat);
    REQUIRE(seat.file->adoptState(hostStateAt(seat, own - 2), own - 4)); // diverged 4 back
    auto kept = seat.file->events();
    REQUIRE(kept);
    CHECK(kept->last().seq == own - 5); // only the shared history is left in the log
    seat.file.reset();
    const auto result = checkSessionFile(path);
    REQUIRE(result);
    CHECK(result->ok());
    CHECK(result->orphans == 5);
}

TEST_CASE("a file that took a host's state opens at that state, not at a snapshot it had taken "
          "of its own events, now kept apart") {
    // A host that gave way had snapshots of what it did alone; the newest outranked the host's
    // state on the next open, with the orphans back in the session and resumes out of order.
    Folder folder;
    const QString path = folder.file(u"gave-way.podium"_s);
    Seat seat(createOrFail(path));
    seat.file->setSnapshotInterval(2);
    const qint64 own = sixOwnEvents(seat);
    const SessionState host = hostStateAt(seat, own - 4);
    REQUIRE(seat.file->adoptState(host, own - 4));
    seat.file.reset();

    const auto reopened = SessionFile::open(path, OpenMode::View);
    REQUIRE(reopened);
    CHECK(reopened.value()->state().lastSeq == host.lastSeq);
    CHECK(reopened.value()->state().stageMessage == u"the host's"_s);
    const auto result = checkSessionFile(path);
    REQUIRE(result);
    CHECK(result->ok());
    CHECK(result->orphans == 5);
}

TEST_CASE("podium --check: a speech under way is counted as such") {
    Folder folder;
    const QString path = folder.file(u"speaking.podium"_s);
    {
        Seat seat(createOrFail(path));
        REQUIRE(seat.run(Action::AddEntry, {{u"participant"_s, 2}}));
        REQUIRE(seat.run(Action::Next));
    }
    QString output;
    CHECK(check(path, &output) == 0);
    CHECK(output.contains(u"speeches: 0 and one under way"_s));
}

// It told the user to open a copy saved earlier, of a file that opens and can be hosted.
TEST_CASE("podium --check: a tampered event is found, though the file still opens, and says so") {
    Folder folder;
    const QString path = sessionForCheck(folder);
    // Event 3 (a call to the floor) lies before the snapshots: opening does not read it.
    REQUIRE(rawExec(path, {u"UPDATE events SET at = at + 5000 WHERE seq = 3"_s}));
    CHECK(SessionFile::open(path, OpenMode::View));
    QString output;
    CHECK(check(path, &output) == 1);
    CHECK(output.contains(u"PROBLEM"_s));
    CHECK(output.contains(u"event 3 does not match its checksum"_s));
    CHECK(output.contains(u"Podium still opens this session whole"_s));
    CHECK_FALSE(output.contains(u"Open a copy saved earlier"_s));
    CHECK_FALSE(output.contains(u"--salvage"_s));
}

TEST_CASE("podium --check: a snapshot that disagrees with the replay is found") {
    Folder folder;
    const QString path = sessionForCheck(folder);
    REQUIRE(rawExec(path, {u"UPDATE snapshots SET digest = x'00' WHERE seq = 8"_s}));
    QString output;
    CHECK(check(path, &output) == 1);
    CHECK(output.contains(u"snapshot at event 8 differs"_s));
}

TEST_CASE("podium --check: an unreadable file gives exit code 2 and the reason") {
    Folder folder;
    const QString path = folder.file(u"junk.podium"_s);
    writeBytes(path, QByteArray(5000, 'x'));
    QString output;
    CHECK(check(path, &output) == 2);
    CHECK(output.contains(u"not a Podium session file"_s));
}

TEST_CASE("podium --check on a file that a damaged event stops from opening names every damaged "
          "event, how far the session opens, and how to keep that part") {
    Folder folder;
    const QString path = sessionForCheck(folder); // 14 events, snapshots at 4, 8 and 12
    // Both events lie after the last snapshot: opening replays them, and stops at the first.
    REQUIRE(rawExec(path, {u"UPDATE events SET at = at + 5000 WHERE seq IN (13, 14)"_s}));
    const auto opened = SessionFile::open(path, OpenMode::View);
    REQUIRE_FALSE(opened);
    CHECK(opened.error().contains(u"run podium --check on it"_s)); // the cockpit's word
    QString output;
    CHECK(check(path, &output) == 1);
    CHECK(output.contains(u"PROBLEM: event 13 does not match its checksum"_s));
    CHECK(output.contains(u"PROBLEM: event 14 does not match its checksum"_s));
    CHECK(output.contains(u"opens only up to event 12; the 2 events from event 13 on"_s));
    CHECK(output.contains(u"podium --salvage "_s + path));
    CHECK_FALSE(output.contains(u"podium --check"_s));
}

TEST_CASE("podium --check names an event missing from the log as where the session stops") {
    Folder folder;
    const QString path = sessionForCheck(folder);
    REQUIRE(rawExec(path, {u"DELETE FROM events WHERE seq = 13"_s}));
    const auto result = checkSessionFile(path);
    REQUIRE(result);
    REQUIRE(result->damage);
    CHECK(result->damage->seq == 13);
    CHECK(result->problems == QStringList{u"event 13 is missing"_s});
    CHECK(result->eventsAfterDamage == 1);
    CHECK(result->lastSeq == 12);
}

TEST_CASE("podium --check on a file whose database is broken says why, with exit code 2") {
    Folder folder;
    const QString path = sessionForCheck(folder);
    QByteArray bytes = fileBytes(path);
    bytes.replace(0, 16, QByteArray(16, 'x')); // no SQLite header: nothing to read up to
    writeBytes(path, bytes);
    QString output;
    CHECK(check(path, &output) == 2);
    CHECK(output.contains(u"not a Podium session file"_s));
}

// An older Podium kept no reply's target in its speech, and an older one yet no segment's clock
// time: its snapshots of a log whose events give these are the same session, not damage. So are
// those of a file it began and a newer Podium carried on, which keep them only for what came
// after (every such file failed --check).
TEST_CASE("podium --check takes an older Podium's snapshot, which kept less, for the same "
          "session") {
    Folder folder;
    const QString path = folder.file(u"older.podium"_s);
    {
        Seat seat(createOrFail(path));
        seat.file->setSnapshotInterval(15);
        REQUIRE(seat.run(Action::StartSegment, {{u"index"_s, 0}}));
        seat.clock.advance(60'000);
        REQUIRE(seat.run(Action::StartSegment, {{u"index"_s, 1}, {u"expectActive"_s, 0}}));
        REQUIRE(seat.file->state().segments[0].ranMs);
        for (int reply = 0; reply < 2; ++reply) {
            const auto point = seat.run(Action::AddEntry, {{u"participant"_s, 2 + reply}});
            REQUIRE(point);
            const Id pointId = point->data.value(u"entry"_s).toMap().value(u"id"_s).toInteger();
            REQUIRE(seat.run(Action::AddEntry, {{u"participant"_s, 4 + reply},
                                                {u"kind"_s, key(EntryKind::Reply)},
                                                {u"relatesTo"_s, pointId}}));
            REQUIRE(seat.run(Action::Next));
            REQUIRE(seat.run(Action::Next));
            REQUIRE(seat.run(Action::EndSpeech));
            REQUIRE(seat.file->state().speeches.last().relatesTo == pointId);
        }
        const auto poll =
            seat.run(Action::CreatePoll,
                     {{u"question"_s, u"Q"_s}, {u"options"_s, QCborArray{u"a"_s, u"b"_s}}});
        REQUIRE(poll);
        const QCborMap ref{{u"poll"_s, poll->data.value(u"poll"_s).toMap().value(u"id"_s)}};
        REQUIRE(seat.run(Action::OpenPoll, ref));
        REQUIRE(seat.run(Action::ClosePoll, ref));
    }
    const qint64 seq = rawValue(path, u"SELECT max(seq) FROM snapshots"_s).toLongLong();
    REQUIRE(seq == 15);
    auto opened = SessionFile::open(path, OpenMode::View);
    REQUIRE(opened);
    auto events = opened.value()->events();
    REQUIRE(events);
    SessionState older;
    for (const Event& e : events.value()) {
        if (e.seq > seq)
            break;
        older = apply(std::move(older), e);
    }
    opened = Result<std::unique_ptr<SessionFile>>::failure({});
    REQUIRE(older.speeches.size() == 4);
    SECTION("begun by the Podium before this, carried on by this one") {
        older.speeches[1].relatesTo = 0; // the first reply, before the newer Podium took over
    }
    SECTION("the oldest") {
        for (Speech& s : older.speeches)
            s.relatesTo = 0;
        for (Segment& s : older.segments)
            s.ranMs.reset();
    }
    const QByteArray state = QCborValue(codec::toCbor(older)).toCbor();
    REQUIRE(rawExec(path, {u"UPDATE snapshots SET state = X'%1', digest = X'%2' WHERE seq = %3"_s
                               .arg(QString::fromLatin1(state.toHex()),
                                    QString::fromLatin1(codec::digest(older).toHex()))
                               .arg(seq)}));
    QString output;
    const int code = check(path, &output);
    INFO(output.toStdString());
    CHECK(code == 0);
}
