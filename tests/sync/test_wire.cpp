#include <catch2/catch.hpp>

#include "clock_sync.h"
#include "discovery.h"
#include "engine/session_engine.h"
#include "frame_reader.h"
#include "join_code.h"
#include "lineage.h"
#include "link.h"
#include "peer_info.h"
#include "plan/plan.h"
#include "protocol.h"
#include "resume_plan.h"
#include "session_journal.h"
#include "store/session_file.h"
#include "sync_peer.h"
#include "sync_support.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <QUuid>
#include <QtEndian>
#include <limits>

using namespace podium;
using namespace podium::sync;
using namespace Qt::StringLiterals;

namespace {

QByteArray header(quint32 length) {
    QByteArray h(4, Qt::Uninitialized);
    qToBigEndian<quint32>(length, h.data());
    return h;
}

Event eventAt(qint64 seq, qint32 epoch) {
    Event e;
    e.seq = seq;
    e.epoch = epoch;
    e.action = Action::Next;
    return e;
}

} // namespace

TEST_CASE("join codes are 12 Crockford symbols, grouped, and forgive look-alikes") {
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString code = generateJoinCode();
        REQUIRE(code.size() == 14);
        CHECK(code[4] == u'-');
        CHECK(normalizeJoinCode(code).has_value());
        seen.insert(code);
    }
    CHECK(seen.size() == 200);
    CHECK(normalizeJoinCode(u"abcd efgh jkmo"_s) == u"ABCDEFGHJKM0"_s);
    CHECK(normalizeJoinCode(u"ilil-ilil-ilil"_s) == u"111111111111"_s);
    CHECK_FALSE(normalizeJoinCode(u"ABCD-EFGH-JKU0"_s)); // U is not in the alphabet
    CHECK_FALSE(normalizeJoinCode(u"ABCD-EFGH"_s));
}

TEST_CASE("addresses read as people write them") {
    CHECK(addressText(QHostAddress(u"::ffff:192.168.1.20"_s)) == u"192.168.1.20"_s);
    CHECK(addressText(QHostAddress(u"192.168.1.20"_s)) == u"192.168.1.20"_s);
    CHECK(addressText(QHostAddress(u"fe80::1"_s)) == u"fe80::1"_s);
}

TEST_CASE("kept join codes are taken back only whole, distinct and in their usual form") {
    const JoinCodes codes = JoinCodes::generate();
    REQUIRE(codes.isValid());
    const auto back = JoinCodes::fromText(codes.toText());
    REQUIRE(back);
    CHECK(back->control == codes.control);
    CHECK(back->readOnly == codes.readOnly);
    CHECK(back->salt == codes.salt);
    const QString salt = QString::fromLatin1(codes.salt.toHex());
    // the same code twice, whatever its case, would let the read-only code grant control
    CHECK_FALSE(JoinCodes::fromText(u"FVRQ-9YD6-TYBJ fvrq-9yd6-tybj "_s + salt));
    CHECK_FALSE(JoinCodes::fromText(u"FVRQ-9YD6-TYBJ "_s + salt));             // one code
    CHECK_FALSE(JoinCodes::fromText(u"FVRQ-9YD6-TYBJ ABCD-EFGH-JKMN 00ff"_s)); // short salt
    CHECK_FALSE(JoinCodes::fromText(u"garbage"_s));
    const auto typed = JoinCodes::fromText(u"fvrq9yd6tybj ABCDEFGHJKMN "_s + salt);
    REQUIRE(typed);
    CHECK(typed->control == u"FVRQ-9YD6-TYBJ"_s); // shown as the host shows new ones
    CHECK(typed->readOnly == u"ABCD-EFGH-JKMN"_s);
}

TEST_CASE("keys depend on code and salt, the identity names the key, not the code") {
    const QByteArray salt = generateSalt();
    const QByteArray a = deriveKey(u"ABCD-EFGH-JKMN"_s, salt);
    CHECK(a.size() == 32);
    CHECK(deriveKey(u"abcd efgh jkmn"_s, salt) == a);
    CHECK(deriveKey(u"ABCD-EFGH-JKMP"_s, salt) != a);
    CHECK(deriveKey(u"ABCD-EFGH-JKMN"_s, generateSalt()) != a);
    CHECK_FALSE(identityFor(a).contains("ABCD"));
    CHECK(saltFromHint(identityHint(salt)) == salt);
    CHECK_FALSE(saltFromHint("something else"));
}

TEST_CASE("a frame over the limit is refused when its header arrives, before its body") {
    FrameReader r(1000);
    r.feed(header(1001));
    CHECK(r.error().contains(u"over the limit"_s));
    CHECK(r.wanted() == 0);

    FrameReader ok(1000);
    const QByteArray frame = encodeFrame(message(MsgType::Ping, {{u"t0"_s, 5}}));
    // byte by byte: nothing until the frame is whole, then exactly one payload
    for (qsizetype i = 0; i < frame.size(); ++i) {
        CHECK_FALSE(ok.take());
        ok.feed(frame.mid(i, 1));
    }
    auto payload = ok.take();
    REQUIRE(payload);
    CHECK(decodeMessage(*payload)->is(MsgType::Ping));
    CHECK_FALSE(ok.take());
    FrameReader empty(1000);
    empty.feed(header(0));
    CHECK_FALSE(empty.error().isEmpty());
}

TEST_CASE("the reader never buffers more than the frame it is reading") {
    FrameReader r(100);
    const QByteArray two = encodeFrame(message(MsgType::Bye)) + encodeFrame(message(MsgType::Bye));
    const QByteArray rest = r.feed(two);
    CHECK(rest.size() == two.size() / 2);
    CHECK(r.take());
    r.feed(rest);
    CHECK(r.take());
}

TEST_CASE("malformed messages are refused with a reason") {
    CHECK_FALSE(decodeMessage(QByteArray("\xff\xff\xff", 3)));
    CHECK_FALSE(decodeMessage(QCborValue(42).toCbor()));
    CHECK_FALSE(decodeMessage(QCborMap{{u"v"_s, 1}}.toCborValue().toCbor()));
    auto noField =
        decodeMessage(QCborMap{{u"t"_s, int(MsgType::Ping)}, {u"v"_s, 1}}.toCborValue().toCbor());
    REQUIRE_FALSE(noField);
    CHECK(noField.error().contains(u"t0"_s));
    const QByteArray good = encodeFrame(message(MsgType::Ping, {{u"t0"_s, 1}})).mid(4);
    CHECK(decodeMessage(good));
    CHECK_FALSE(decodeMessage(good + "x")); // trailing bytes
    CHECK_FALSE(decodeMessage(good.left(good.size() - 1)));
    // an unknown type is a valid frame: the receiver refuses it politely
    auto unknown = decodeMessage(QCborMap{{u"t"_s, 999}, {u"v"_s, 1}}.toCborValue().toCbor());
    REQUIRE(unknown);
    CHECK(unknown->type == 999);
}

TEST_CASE("a message with too many items is refused") {
    QCborArray many;
    for (qint64 i = 0; i < maxItemsPerMessage + 10; ++i)
        many.append(0);
    const QByteArray payload = encodeFrame(message(MsgType::Events, {{u"events"_s, many}})).mid(4);
    auto r = decodeMessage(payload);
    REQUIRE_FALSE(r);
    CHECK(r.error().contains(u"too many"_s));
}

// A megabyte of one-byte arrays ([[0],[0],…], a frame a read-only seat may send) took 80 MB once
// decoded; it is refused from its counted bytes. A snapshot's or a batch's arrays and maps pass.
TEST_CASE("a message of many small arrays is refused before it is decoded") {
    QCborArray many;
    for (qint64 i = 0; i < maxContainersPerMessage + 10; ++i)
        many.append(QCborArray{0});
    const QByteArray payload = encodeFrame(message(MsgType::Events, {{u"events"_s, many}})).mid(4);
    REQUIRE(payload.size() < maxFrameFromPeer);
    // Behind a tag too: it made the count stop at the tag, and the rest was decoded uncounted.
    for (const QByteArray& bytes : {payload, QByteArray("\xc0", 1) + payload}) {
        auto r = decodeMessage(bytes);
        REQUIRE_FALSE(r);
        CHECK(r.error().contains(u"too many arrays and maps"_s));
    }

    QCborArray batch; // more arrays than a batch of events has (a map and a data map each)
    for (int i = 0; i < eventsPerBatch * 4; ++i)
        batch.append(QCborArray{0});
    CHECK(decodeMessage(encodeFrame(message(MsgType::Events, {{u"events"_s, batch}})).mid(4)));
}

TEST_CASE("resume plans: same lineage resumes, a fork is reported, a newer epoch is stale") {
    ReplicaLog log;
    for (qint64 s = 1; s <= 10; ++s)
        REQUIRE(log.append(eventAt(s, s <= 6 ? 2 : 3))); // epoch 3 started at seq 7
    CHECK(planResume(log, 3, true, 5, 2).kind == ResumePlan::Resume);
    CHECK(planResume(log, 3, true, 10, 3).kind == ResumePlan::Resume);
    CHECK(planResume(log, 3, false, 5, 2).kind == ResumePlan::Snapshot);
    CHECK(planResume(log, 3, true, 0, 1).kind == ResumePlan::Snapshot);
    CHECK(planResume(log, 3, true, 5, 4).kind == ResumePlan::Stale);
    // unless the peer is a host that gave way to this one: its newer epoch is its own orphans'
    CHECK(planResume(log, 3, true, 5, 4, {}, true).kind != ResumePlan::Stale);
    // a returning host that went on alone in epoch 2 up to seq 9
    const ResumePlan fork = planResume(log, 3, true, 9, 2);
    CHECK(fork.kind == ResumePlan::Snapshot);
    CHECK(fork.divergedAt == 7);
    // a peer ahead of this log in the same lineage: fill in its events
    ReplicaLog behind;
    for (qint64 s = 1; s <= 6; ++s)
        REQUIRE(behind.append(eventAt(s, 2)));
    const ResumePlan fill = planResume(behind, 3, true, 9, 2);
    CHECK(fill.kind == ResumePlan::Fill);
    CHECK(fill.fillFrom == 7);
}

TEST_CASE("a host says it began after the run of its last event and the later runs it knew, "
          "never its own runs alone") {
    ReplicaLog log; // the host's events in run "h", then runs that numbered nothing here
    REQUIRE(log.setSequencers({{2, u"h"_s}}));
    for (qint64 s = 1; s <= 3; ++s)
        REQUIRE(log.append(eventAt(s, 2)));
    REQUIRE(log.setSequencers({{1, u"before"_s}, {3, u"followed"_s}}));
    CHECK(runsSinceLastEvent(log) == QStringList{u"h"_s, u"followed"_s});
    // A seat stopped and joined again keeps a run of its own above its host's: a takeover then
    // named it, not the host it followed.
    REQUIRE(log.setSequencers({{4, localSequencerPrefix + u"x"_s}}));
    CHECK(runsSinceLastEvent(log) == QStringList{u"h"_s, u"followed"_s});
    // A start-up that crashed again and again: the first run and the latest are the ones said.
    for (qint32 epoch = 5; epoch <= 9; ++epoch)
        REQUIRE(log.setSequencers({{epoch, u"restart %1"_s.arg(epoch)}}));
    CHECK(runsSinceLastEvent(log) ==
          QStringList{u"h"_s, u"restart 7"_s, u"restart 8"_s, u"restart 9"_s});
}

TEST_CASE("resume plans tell two sequencers of the same epoch apart") {
    ReplicaLog x, y; // took over at once from the same replica (seq 1..6 of epoch 2, host "h")
    for (ReplicaLog* log : {&x, &y}) {
        REQUIRE(log->setSequencers({{2, u"h"_s}}));
        for (qint64 s = 1; s <= 6; ++s)
            REQUIRE(log->append(eventAt(s, 2)));
    }
    REQUIRE(x.setSequencers({{3, u"x"_s}}));
    REQUIRE(y.setSequencers({{3, u"y"_s}}));
    for (qint64 s = 7; s <= 9; ++s)
        REQUIRE(x.append(eventAt(s, 3)));
    for (qint64 s = 7; s <= 12; ++s)
        REQUIRE(y.append(eventAt(s, 3)));
    CHECK(lineageOf(x) == Lineage{{2, 1, u"h"_s}, {3, 7, u"x"_s}});

    // a seat that followed x meets y: its events from seq 7 on are not y's
    const ResumePlan split = planResume(y, 3, true, 9, 3, lineageOf(x));
    CHECK(split.kind == ResumePlan::Snapshot);
    CHECK(split.divergedAt == 7);
    // a seat that followed y, which got further, meets x: x is the host left behind (a
    // restarted original after a takeover), and it says so instead of taking the seat over
    CHECK(planResume(x, 3, true, 12, 3, lineageOf(y)).kind == ResumePlan::Stale);
    // the same seat meeting x resumes; a seat that stopped at seq 6 resumes on either
    CHECK(planResume(x, 3, true, 9, 3, lineageOf(x)).kind == ResumePlan::Resume);
    ReplicaLog common;
    REQUIRE(common.setSequencers({{2, u"h"_s}}));
    for (qint64 s = 1; s <= 6; ++s)
        REQUIRE(common.append(eventAt(s, 2)));
    CHECK(planResume(y, 3, true, 6, 2, lineageOf(common)).kind == ResumePlan::Resume);
    // a lineage crossing the wire comes back the same
    CHECK(lineageFromCbor(toCbor(lineageOf(x))) == lineageOf(x));
    CHECK(sequencersFromCbor(sequencersToCbor(x.sequencers())) == x.sequencers());
}

TEST_CASE("resume plans: a peer whose log starts after this host's ends is not asked to fill in "
          "what it does not hold") {
    // The seat had joined the old host by a snapshot at 800; the seat that took over stopped at
    // 790. Asked to fill from 791, it sent nothing and took itself for up to date at 900.
    ReplicaLog took; // the seat that took over: seq 1..790 of the old host's epoch 2
    REQUIRE(took.setSequencers({{2, u"h"_s}}));
    for (qint64 s = 1; s <= 790; ++s)
        REQUIRE(took.append(eventAt(s, 2)));
    ReplicaLog joined; // the snapshot at 800, then the old host's events to 900
    REQUIRE(joined.setSequencers({{2, u"h"_s}}));
    QList<Event> after;
    for (qint64 s = 801; s <= 900; ++s)
        after << eventAt(s, 2);
    joined.restore(800, 2, after);

    const ResumePlan plan = planResume(took, 3, true, 900, 2, lineageOf(joined));
    CHECK(plan.kind == ResumePlan::Snapshot);
    CHECK(plan.divergedAt == 791);
    // what the seat then reports as its orphans: every event it holds from there on
    CHECK(joined.after(plan.divergedAt - 1) == after);
    // a peer that holds the events from 791 on still fills them in
    ReplicaLog whole;
    REQUIRE(whole.setSequencers({{2, u"h"_s}}));
    for (qint64 s = 1; s <= 900; ++s)
        REQUIRE(whole.append(eventAt(s, 2)));
    CHECK(planResume(took, 3, true, 900, 2, lineageOf(whole)).kind == ResumePlan::Fill);
    // one that holds only the old host's snapshot at 791 has no event to send either
    ReplicaLog bare;
    REQUIRE(bare.setSequencers({{2, u"h"_s}}));
    bare.restore(791, 2, {});
    CHECK(planResume(took, 3, true, 791, 2, lineageOf(bare)).kind != ResumePlan::Fill);
    CHECK(planResume(took, 3, true, 791, 2, lineageOf(bare), false, 791).kind != ResumePlan::Fill);
    // but one that joined by a snapshot at 790 and holds 791 fills it in, when it says so
    ReplicaLog oneAfter;
    REQUIRE(oneAfter.setSequencers({{2, u"h"_s}}));
    oneAfter.restore(790, 2, {eventAt(791, 2)});
    const ResumePlan fill = planResume(took, 3, true, 791, 2, lineageOf(oneAfter), false, 790);
    CHECK(fill.kind == ResumePlan::Fill);
    CHECK(fill.fillFrom == 791);
    // and the seat that joined at 800 is not asked, whatever its lineage
    CHECK(planResume(took, 3, true, 900, 2, lineageOf(joined), false, 800).kind ==
          ResumePlan::Snapshot);
}

TEST_CASE("resume plans: a peer that stopped exactly at this host's snapshot resumes only if its "
          "last run is the one the snapshot ends in") {
    // This host joined by a snapshot at 800, whose last event was y's (epoch 3).
    ReplicaLog host;
    REQUIRE(host.setSequencers({{2, u"h"_s}, {3, u"y"_s}}));
    host.restore(800, 3, {eventAt(801, 3), eventAt(802, 3)});
    const auto peerOf = [](const QString& sequencer) {
        ReplicaLog peer;
        REQUIRE(peer.setSequencers({{2, u"h"_s}, {3, sequencer}}));
        for (qint64 s = 1; s <= 800; ++s)
            REQUIRE(peer.append(eventAt(s, s <= 790 ? 2 : 3)));
        return lineageOf(peer);
    };
    CHECK(planResume(host, 3, true, 800, 3, peerOf(u"y"_s)).kind == ResumePlan::Resume);
    // x took over at the same epoch and went on to 800 too: its run is not y's
    const ResumePlan other = planResume(host, 3, true, 800, 3, peerOf(u"x"_s));
    CHECK(other.kind == ResumePlan::Snapshot);
    CHECK(other.divergedAt == 791);
    // a peer whose last event at 800 is of epoch 2: not the snapshot's run either
    ReplicaLog older;
    REQUIRE(older.setSequencers({{2, u"h"_s}}));
    for (qint64 s = 1; s <= 800; ++s)
        REQUIRE(older.append(eventAt(s, 2)));
    const ResumePlan epoch2 = planResume(host, 3, true, 800, 2, lineageOf(older));
    CHECK(epoch2.kind == ResumePlan::Snapshot);
    CHECK(epoch2.divergedAt == 1);
}

TEST_CASE("who sequenced each epoch is kept in the seat's session file") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"seat.podium"_s);
    SystemClock clock;
    {
        auto file = SessionFile::create(path, demoPlan(), clock.nowMs());
        REQUIRE(file);
        SessionFileJournal journal(*file.value());
        ReplicaLog log;
        log.setDurable(&journal);
        REQUIRE(log.setSequencers({{2, u"first host"_s}, {3, u"second host"_s}}));
    }
    auto reopened = SessionFile::open(path);
    REQUIRE(reopened);
    ReplicaLog log;
    REQUIRE(restoreLog(log, *reopened.value()));
    CHECK(log.sequencer(2) == u"first host"_s);
    CHECK(log.sequencer(3) == u"second host"_s);
    CHECK(log.lastSeq() == reopened.value()->state().lastSeq);
}

// The state's epoch is its host's, raised when it started hosting, not its last event's: taken
// for that after a restart, the session's own last event looked like another host's, and a
// takeover from this seat reported it as an orphan on every other seat. And the first event
// after the snapshot became the log's base, so a divergence there was never shown.
TEST_CASE("a seat's log reopened from its file starts at the host's snapshot it took, with the "
          "epoch of that snapshot's last event") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"seat.podium"_s);
    SystemClock clock;
    SessionState hostState;
    qint32 lastEventEpoch = 0;
    bool eventAfter = false;
    SECTION("no event since the snapshot") {}
    SECTION("events since the snapshot") {
        eventAfter = true;
    }
    {
        auto file = SessionFile::create(path, demoPlan(), clock.nowMs());
        REQUIRE(file);
        SessionFileJournal journal(*file.value());
        ReplicaLog log;
        log.setDurable(&journal);
        REQUIRE(restoreLog(log, *file.value()));
        SessionEngine engine(clock);
        engine.reset(file.value()->state());
        engine.setJournal(&log);
        auto message = [&](const QString& text) {
            return engine.execute(Command{newCommandId(),
                                          {},
                                          Authority::Moderator,
                                          Action::SetStageMessage,
                                          {{u"text"_s, text}}});
        };
        REQUIRE(message(u"shared"_s));
        hostState = engine.state(); // the host went on from here
        REQUIRE(message(u"orphan 1"_s));
        REQUIRE(message(u"orphan 2"_s));
        hostState.stageMessage = u"host"_s;
        hostState.lastSeq += 3;
        lastEventEpoch = hostState.epoch + 1; // the host's last event, in the epoch it opened
        hostState.epoch += 2;                 // and the host it is now (restarted since)
        REQUIRE(log.rebase(hostState, 0, lastEventEpoch));
        CHECK(log.lastEpoch() == lastEventEpoch);
        engine.reset(hostState);
        if (eventAfter)
            REQUIRE(message(u"after the snapshot"_s));
    }
    auto reopened = SessionFile::open(path);
    REQUIRE(reopened);
    ReplicaLog log;
    REQUIRE(restoreLog(log, *reopened.value()));
    CHECK(log.baseSeq() == hostState.lastSeq); // only the host's lineage, from there on
    if (eventAfter) {
        REQUIRE(log.events().size() == 1);
        CHECK(log.after(hostState.lastSeq) == log.events());
        CHECK(log.lastEpoch() == hostState.epoch);
    } else {
        CHECK(log.events().isEmpty());
        CHECK(log.lastEpoch() == lastEventEpoch);
    }
}

// Hosting such a file failed on "event 5 does not match its checksum", though it opened.
TEST_CASE("a file whose history before a snapshot is damaged restores its log from the first "
          "snapshot after the damage") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"seat.podium"_s);
    synctest::writeDamagedBeforeSnapshot(path, 34, {5, 12});
    auto reopened = SessionFile::open(path);
    REQUIRE(reopened);
    REQUIRE_FALSE(reopened.value()->events(1));
    ReplicaLog log;
    REQUIRE(restoreLog(log, *reopened.value()));
    CHECK(log.baseSeq() == 20); // the snapshots are at 10, 20 and 30; row 12 spoils 10
    CHECK(log.lastSeq() == 35);
    CHECK(log.events().size() == 15);
    CHECK(log.epochAt(20) == reopened.value()->state().epoch);
}

// --check said such a file could be hosted, and hosting it failed: the log read the snapshot's
// own row for its epoch.
TEST_CASE("a file damaged at its latest snapshot's own event restores its log from what follows") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"seat.podium"_s);
    const int messages = GENERATE(34, 29); // events up to 35, or up to the snapshot at 30
    synctest::writeDamagedBeforeSnapshot(path, messages, {30});
    auto reopened = SessionFile::open(path);
    REQUIRE(reopened);
    REQUIRE_FALSE(reopened.value()->events(30));
    ReplicaLog log;
    REQUIRE(restoreLog(log, *reopened.value()));
    CHECK(log.lastSeq() == reopened.value()->state().lastSeq);
    CHECK(log.lastEpoch() == reopened.value()->state().epoch);
    if (messages == 34) {
        CHECK(log.baseSeq() == 31); // the first event it reads, with its own epoch
        CHECK(log.events().size() == 4);
    } else {
        CHECK(log.baseSeq() == 30);
        CHECK(log.events().isEmpty());
    }
}

TEST_CASE("the clock offset comes from the sample with the shortest round trip") {
    ClockSync sync;
    // host is 1000 ms ahead; a congested sample (long rtt) is skewed
    sync.addSample(0, 1000 + 5, 10);      // rtt 10, offset 1000
    sync.addSample(100, 1100 + 300, 500); // rtt 400, offset 1100
    CHECK(sync.offsetMs() == 1000);
    CHECK(sync.bestRttMs() == 10);
    CHECK_FALSE(sync.addSample(600, 0, 500)); // clock went back: ignored
    // a stamp no clock shows (the offset would overflow) is ignored too
    CHECK_FALSE(sync.addSample(600, std::numeric_limits<qint64>::min(), 700));
    CHECK(sync.offsetMs() == 1000);
}

TEST_CASE("hosts are discovered by their beacon, it carries no participant data") {
    QUdpSocket probe; // a free UDP port on loopback for this test
    REQUIRE(probe.bind(QHostAddress::LocalHost, 0));
    const quint16 port = probe.localPort();
    probe.close();
    DiscoveryListener listener;
    REQUIRE(listener.listen(QHostAddress::LocalHost, port));
    std::optional<Announcement> seen;
    QObject::connect(&listener, &DiscoveryListener::hostSeen,
                     [&](const Announcement& a) { seen = a; });
    Beacon beacon;
    beacon.start(
        [] {
            return Announcement{
                u"Workshop 42"_s, u"session-id"_s, 3, 47600, {}, 812, u"run-a"_s, 4, 2};
        },
        QHostAddress::LocalHost, port);
    QElapsedTimer t;
    t.start();
    while (!seen && t.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    REQUIRE(seen);
    CHECK(seen->title == u"Workshop 42"_s);
    CHECK(seen->sessionId == u"session-id"_s);
    CHECK(seen->epoch == 3);
    CHECK(seen->port == 47600);
    CHECK(seen->rank().lastEpoch == 2);
    CHECK(seen->address.isLoopback());
    CHECK(seen->seq == 812);
    CHECK(seen->sequencer == u"run-a"_s);
    const QCborMap fields = QCborValue::fromCbor(seen->toDatagram()).toMap();
    CHECK(seen->seats == 4);
    // podium, title, session, epoch, port, seq, sequencer, seats, lastEpoch: nothing else
    CHECK(fields.size() == 9);
    CHECK_FALSE(Announcement::fromDatagram("not a beacon"));
}

TEST_CASE("HOST:PORT as typed after --join: IPv6 in brackets, the port in plain digits") {
    CHECK(parseEndpoint(u"192.0.2.10:47600"_s) == Endpoint{u"192.0.2.10"_s, 47600});
    CHECK(parseEndpoint(u" laptop.local:5 "_s) == Endpoint{u"laptop.local"_s, 5});
    CHECK(parseEndpoint(u"[::1]:47600"_s) == Endpoint{u"::1"_s, 47600});
    // "::1:47600" is ::1 port 47600 or a bare address: the join form reads it the other way.
    for (const QString& wrong :
         {u"::1:47600"_s, u"::1"_s, u"host"_s, u"host:"_s, u":47600"_s, u"host:0"_s,
          u"host:65536"_s, u"host:+5"_s, u"host:5x"_s, u"[::1]"_s, u"[]:5"_s}) {
        INFO(wrong.toStdString());
        CHECK_FALSE(parseEndpoint(wrong));
    }
}

TEST_CASE("a beacon tells the port of its room's voting page, and nothing when it has none") {
    Announcement a{u"Workshop"_s, u"session-id"_s, 3, 47600, {}, 812, u"run-a"_s, 4, 2};
    CHECK(Announcement::fromDatagram(a.toDatagram())->votingPort == 0);
    CHECK_FALSE(QCborValue::fromCbor(a.toDatagram()).toMap().contains(u"voting"_s));
    a.votingPort = 47602;
    CHECK(Announcement::fromDatagram(a.toDatagram())->votingPort == 47602);
    // Anyone on the LAN sends datagrams: a port that cannot be one is no page.
    QCborMap forged = QCborValue::fromCbor(a.toDatagram()).toMap();
    for (const qint64 wrong : {qint64(-1), qint64(70'000)}) {
        forged[u"voting"_s] = wrong;
        CHECK(Announcement::fromDatagram(forged.toCborValue().toCbor())->votingPort == 0);
    }
}

TEST_CASE("a beacon says where its host's run of hosting began, and an older one's silence is "
          "no answer") {
    Announcement a{u"Workshop"_s, u"session-id"_s, 3, 47600, {}, 812, u"run-a"_s, 4, 2};
    const auto older = Announcement::fromDatagram(a.toDatagram());
    CHECK_FALSE(older->rank().tookOver.has_value()); // absent, not false
    a.startedAfter = {u"run-y"_s, u"run-z"_s};
    for (const bool tookOver : {true, false}) {
        a.tookOver = tookOver;
        const auto heard = Announcement::fromDatagram(a.toDatagram());
        CHECK(heard->rank().startedAfter == QStringList{u"run-y"_s, u"run-z"_s});
        CHECK(heard->rank().tookOver == tookOver);
    }
}

TEST_CASE("a host of a session with a very long title is still heard, its title cut short") {
    const QString title(2000, QChar(0x8BAE)); // 議, three bytes in UTF-8
    const auto run = [] {
        return QUuid::createUuid().toString(QUuid::WithoutBraces);
    };
    QStringList runs; // more than it says: the newest only
    for (int i = 0; i < 10; ++i)
        runs << run();
    const Announcement longest{title, run(), 3, 47600, {}, 812, run(), 4, 2, 47602, runs, true};
    const QByteArray datagram = longest.toDatagram();
    CHECK(datagram.size() <= 1024);
    const auto heard = Announcement::fromDatagram(datagram);
    REQUIRE(heard);
    CHECK(heard->title == title.left(Announcement::maxTitle));
    CHECK(heard->port == 47600);
    CHECK(heard->startedAfter == QStringList{runs[0], runs[7], runs[8], runs[9]});
}

TEST_CASE("of two hosts of one session, exactly one leads the other") {
    // Two hosts that hear each other must agree which gives way: the one the seats follow
    // first, then by epoch, by how far each got in it, by sequencer id; never itself.
    const auto host = [](int seats, qint32 epoch, qint64 seq, const QString& sequencer,
                         qint32 lastEpoch = 0) {
        return HostRank{seats, epoch, seq, sequencer, lastEpoch};
    };
    // Where its run began, as a Podium that says it does: a live takeover, or a start on a file.
    const auto took = [](HostRank rank, const QStringList& after) {
        rank.startedAfter = after;
        rank.tookOver = true;
        return rank;
    };
    const auto started = [](HostRank rank, const QStringList& after) {
        rank.startedAfter = after;
        rank.tookOver = false;
        return rank;
    };
    const QList<HostRank> hosts = {host(0, 2, 10, u"b"_s),
                                   host(0, 3, 5, u"d"_s),
                                   host(2, 3, 7, u"a"_s),
                                   host(1, 3, 7, u"c"_s),
                                   host(0, 1, 99, u"z"_s),
                                   host(3, 1, 2, u"y"_s),
                                   host(0, 4, 6, u"e"_s, 2),
                                   host(0, 2, 12, u"g"_s, 2),
                                   host(0, 5, 12, u"f"_s, 2),
                                   took(host(0, 2, 20, u"t"_s, 2), {u"z"_s}),
                                   started(host(0, 6, 30, u"r"_s, 6), {u"z"_s}),
                                   started(host(0, 7, 40, u"s"_s, 7), {u"t"_s}),
                                   started(host(1, 8, 50, u"q"_s, 8), {u"t"_s}),
                                   took(host(0, 9, 9, u"p"_s, 9), {u"s"_s}),
                                   started(host(0, 3, 14, u"a2"_s, 3), {u"a1"_s}),
                                   took(host(0, 4, 12, u"b2"_s, 2), {u"a1"_s, u"a2"_s})};
    for (const HostRank& x : hosts) {
        CHECK_FALSE(x.leads(x));
        for (const HostRank& y : hosts) {
            if (&x == &y)
                continue;
            INFO(x.seats << "/" << x.epoch << "/" << x.seq << "/" << x.sequencer.toStdString()
                         << " vs " << y.seats << "/" << y.epoch << "/" << y.seq << "/"
                         << y.sequencer.toStdString());
            CHECK(x.leads(y) != y.leads(x));
        }
    }
    // A laptop restarted on an old copy, with a newer epoch and further on, but nobody on it,
    // does not take the session from the host the seats follow.
    CHECK(host(2, 3, 6, u"b"_s).leads(host(0, 4, 50, u"a"_s)));
    CHECK(host(0, 3, 5, u"a"_s).leads(host(0, 2, 500, u"b"_s))); // a newer epoch, whatever the seq
    CHECK(host(0, 3, 7, u"a"_s).leads(host(0, 3, 5, u"b"_s)));   // the same epoch, further on
    CHECK_FALSE(host(1, 3, 7, u"a"_s).leads(host(0, 3, 7, u"a"_s))); // the same run of hosting
    // By the epoch of the last event, not of the hosting: a laptop restarted as host on its copy,
    // a newer epoch but nothing numbered in it, does not lead the host that went on further.
    CHECK(host(0, 2, 12, u"g"_s, 2).leads(host(0, 4, 6, u"e"_s, 2)));
    CHECK(host(0, 3, 7, u"a"_s, 3).leads(host(0, 4, 60, u"e"_s, 2)));
    CHECK(host(1, 3, 5, u"a"_s, 3).leads(host(0, 2, 12, u"b"_s, 2))); // seats first
    // Beside an older Podium, which does not say it and compares hosting epochs, by those: each
    // side deciding its own way, both gave way.
    CHECK(host(0, 5, 40, u"a"_s, 3).leads(host(0, 4, 50, u"b"_s)));
    CHECK_FALSE(host(0, 4, 50, u"b"_s).leads(host(0, 5, 40, u"a"_s, 3)));
    // A laptop restarted as host on its copy, and used before it heard the other host: further
    // on, in a newer epoch, but its run starts where the other's took over (the room's laptop
    // restarted after a crash, once or twice), or in the other's run (it had followed the host
    // that took over).
    const HostRank takeover = took(host(0, 3, 12, u"b"_s, 3), {u"old"_s});
    CHECK(takeover.leads(started(host(0, 4, 40, u"c"_s, 4), {u"old"_s})));
    CHECK(takeover.leads(started(host(0, 5, 40, u"c"_s, 5), {u"old"_s, u"crashed at once"_s})));
    const QStringList crashLoop{u"old"_s, u"r1"_s, u"r2"_s, u"r3"_s, u"r4"_s};
    CHECK(takeover.leads(started(host(0, 9, 40, u"c"_s, 9), runsSaid(crashLoop))));
    CHECK(takeover.leads(started(host(0, 5, 40, u"c"_s, 5), {u"b"_s})));
    CHECK(started(host(0, 3, 12, u"b"_s, 3), {u"x"_s})
              .leads(started(host(0, 4, 40, u"c"_s, 4), {u"b"_s})));
    // Anything else goes as before: the seats first; the host whose run was taken over, cut off
    // and not crashed, and the takeover by the newer epoch, also when that run was a restart
    // that had numbered nothing; two runs started after other runs by how far each got.
    CHECK(started(host(1, 4, 40, u"c"_s, 4), {u"b"_s}).leads(takeover));
    CHECK(took(host(0, 4, 2, u"b"_s, 4), {u"a"_s})
              .leads(started(host(0, 3, 90, u"a"_s, 3), {u"x"_s})));
    const HostRank cutOffRestart = started(host(0, 3, 14, u"a2"_s, 3), {u"a1"_s});
    CHECK(cutOffRestart.leads(took(host(0, 4, 12, u"b"_s, 2), {u"a1"_s, u"a2"_s})));
    CHECK(started(host(0, 5, 2, u"c"_s, 5), {u"x"_s}).leads(takeover));
    // Beside an older Podium, which does not say where its run began and decides by epochs, by
    // those: each side deciding its own way, both would give way.
    CHECK(started(host(0, 4, 40, u"c"_s, 4), {u"b"_s}).leads(host(0, 3, 12, u"b"_s, 3)));
    // An older Podium's beacon (no seq, no sequencer) leads by its epoch alone.
    CHECK(host(0, 4, 0, QString()).leads(host(0, 3, 50, u"b"_s)));
    CHECK_FALSE(host(0, 3, 0, QString()).leads(host(0, 3, 0, u"b"_s)));
}

TEST_CASE("a beacon cut short is refused, at every length") {
    // Anyone on the LAN can send beacons; Qt decodes the part before the cut, and a map that
    // lost its last value must not be read as an announcement.
    const QByteArray whole =
        Announcement{u"Workshop 42"_s, u"session-id"_s, 3, 47600, {}, 12, u"run-a"_s, 1, {}}
            .toDatagram();
    REQUIRE(Announcement::fromDatagram(whole));
    for (qsizetype n = 0; n < whole.size(); ++n) {
        INFO("cut after " << n << " of " << whole.size() << " bytes");
        CHECK_FALSE(Announcement::fromDatagram(whole.left(n)));
    }
}

TEST_CASE("a number that is not an integer is not read as one") {
    // Our encoders write integers; a double in their place comes from a damaged or hostile
    // sender, and converting a huge one would be undefined.
    const PeerInfo p = PeerInfo::fromCbor({{u"hostPort"_s, 47600.0}, {u"rtt"_s, -1.47e19}});
    CHECK(p.hostPort == 0);
    CHECK(p.rttMs == -1);
    QCborMap beacon =
        QCborValue::fromCbor(Announcement{u"W"_s, u"s"_s, 1, 47600, {}, 0, {}, 0, {}}.toDatagram())
            .toMap();
    beacon[u"port"_s] = 47600.0;
    CHECK_FALSE(Announcement::fromDatagram(beacon.toCborValue().toCbor()));
}

TEST_CASE("a number too large for its field is not wrapped into another") {
    CHECK(PeerInfo::fromCbor({{u"hostPort"_s, 47600 + 65536}}).hostPort == 0);
    CHECK(PeerInfo::fromCbor({{u"hostPort"_s, 47600}}).hostPort == 47600);
    const qint64 wrapsToTwo = (qint64(1) << 32) + 2;
    CHECK(lineageFromCbor(QCborArray{QCborArray{wrapsToTwo, 5, u"s"_s}}).isEmpty());
    CHECK(sequencersFromCbor(QCborMap{{wrapsToTwo, u"s"_s}}).isEmpty());
    QCborMap beacon =
        QCborValue::fromCbor(Announcement{u"W"_s, u"s"_s, 1, 47600, {}, 0, {}, 0, {}}.toDatagram())
            .toMap();
    beacon[u"epoch"_s] = wrapsToTwo;
    CHECK(Announcement::fromDatagram(beacon.toCborValue().toCbor())->epoch == 1);
    QCborMap event = Event{}.toCbor();
    REQUIRE(Event::fromCbor(event));
    event[u"epoch"_s] = wrapsToTwo;
    CHECK_FALSE(Event::fromCbor(event));
}
