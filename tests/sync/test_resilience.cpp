#include <catch2/catch.hpp>

#include "fixtures.h"
#include "headless.h"
#include "model/codec.h"
#include "relay.h"
#include "session_journal.h"
#include "store/session_file.h"
#include "sync_support.h"

#include <QDateTime>
#include <QMap>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QUdpSocket>
#include <algorithm>

using namespace podium;
using namespace podium::synctest;
using namespace Qt::StringLiterals;

namespace {

// The host keeps sequencing events on a timer, as a live session does.
struct Burst {
    QTimer timer;
    int count = 0;
    Burst(TestSeat& host, int events) {
        timer.setInterval(1);
        QObject::connect(&timer, &QTimer::timeout, [this, &host, events] {
            (void)host.engine.submit(stageMessage(u"burst %1"_s.arg(count)));
            if (++count == events)
                timer.stop();
        });
        timer.start();
    }
    bool done() const { return !timer.isActive(); }
};

} // namespace

TEST_CASE("no participant name crosses the wire in clear text") {
    auto host = makeHost();
    REQUIRE(host);
    Relay relay(host->seat.syncHost()->port());
    TestSeat rapporteur(u"rapporteur"_s);
    rapporteur.seat.join({u"127.0.0.1"_s, relay.port()}, host->seat.readOnlyCode());
    REQUIRE(waitUntil([&] { return rapporteur.live(); }));
    const QString name = u"Quetzalcoatl Zanzibar-Okonkwo"_s;
    REQUIRE(submitAndWait(*host, Action::AddParticipant,
                          {{u"name"_s, name}, {u"role"_s, u"audience"_s}}));
    REQUIRE(waitUntil([&] { return rapporteur.lastSeq() == host->lastSeq(); }));
    bool arrived = false;
    for (const Participant& p : rapporteur.engine.state().participants)
        arrived = arrived || p.name == name;
    REQUIRE(arrived); // it went through the relay...
    const QByteArray wire = relay.captured();
    CHECK(wire.size() > 1000);
    // ...but the bytes on the wire never show it (nor any other name of the session)
    CHECK_FALSE(wire.contains(name.toUtf8()));
    CHECK_FALSE(wire.contains("Zanzibar"));
    for (const Participant& p : host->engine.state().participants)
        CHECK_FALSE(wire.contains(p.name.toUtf8()));
    // the same event in the clear would have shown it: the check can see a leak
    CHECK(codec::toCbor(host->engine.state()).toCborValue().toCbor().contains(name.toUtf8()));
}

TEST_CASE("a link cut mid-stream is noticed, re-joined and resumed without gap or duplicate") {
    auto host = makeHost();
    REQUIRE(host);
    Relay relay(host->seat.syncHost()->port());
    TestSeat online(u"online"_s);
    online.seat.join({u"127.0.0.1"_s, relay.port()}, host->seat.controlCode());
    REQUIRE(waitUntil([&] { return online.live(); }));
    Burst burst(*host, 600);
    REQUIRE(waitUntil([&] { return burst.count > 150; }));
    relay.cutAll(); // the cable is pulled while events flow
    REQUIRE(waitUntil([&] { return online.seat.syncPeer()->reconnects() > 0; }));
    REQUIRE(waitUntil(
        [&] { return burst.done() && online.live() && online.lastSeq() == host->lastSeq(); }));
    CHECK(relay.connections() >= 2);
    CHECK(online.orderly);
    CHECK(online.known == host->lastSeq());
    CHECK(codec::digest(online.engine.state()) == codec::digest(host->engine.state()));
}

// How long it takes is in the benchmarks (bench_sync); here, that heartbeats find it at all.
TEST_CASE("a link gone silent (half-open) is detected by heartbeats, on both sides") {
    QString hostSaw; // before the host: its signals may still come while it stops
    auto host = makeHost();
    REQUIRE(host);
    Relay relay(host->seat.syncHost()->port());
    TestSeat online(u"online"_s);
    online.seat.join({u"127.0.0.1"_s, relay.port()}, host->seat.controlCode());
    REQUIRE(waitUntil([&] { return online.live(); }));
    QObject::connect(host->seat.syncHost(), &sync::SyncHost::peerDropped,
                     [&](const QString&, const QString& why) { hostSaw = why; });
    relay.setFrozen(true); // no byte gets through, no socket is closed
    REQUIRE(waitUntil([&] { return !online.live() && !hostSaw.isEmpty(); }, 60000));
    CHECK(hostSaw.contains(u"no sign of life"_s));
    relay.setFrozen(false);
    relay.cutAll();
    REQUIRE(waitUntil([&] { return online.live(); }, 30000));
    REQUIRE(submitAndWait(*host, Action::SetStageMessage, {{u"text"_s, u"back"_s}}));
    REQUIRE(waitUntil([&] { return online.lastSeq() == host->lastSeq(); }));
    CHECK(online.orderly);
}

namespace {

// The port a host made for a test listens on (it must have been made).
quint16 portOf(const std::unique_ptr<TestSeat>& host) {
    REQUIRE(host);
    return host->seat.syncHost()->port();
}

// A host, and an online moderator joined through `relay` (whose link a test can freeze or cut),
// whose refused commands are kept by id.
struct RelayedModerator {
    QMap<QString, QString> refused; // first: the seats' signals may come while they stop
    std::unique_ptr<TestSeat> host = makeHost();
    Relay relay{portOf(host)};
    TestSeat online{u"online"_s};

    RelayedModerator() {
        QObject::connect(&online.engine, &SessionEngine::refused,
                         [this](const QString& id, const QString& why) { refused[id] = why; });
        online.seat.join({u"127.0.0.1"_s, relay.port()}, host->seat.controlCode());
        REQUIRE(waitUntil([&] { return online.live(); }));
    }
};

} // namespace

// "Next speaker" pressed in the seconds before a Wi-Fi drop was noticed never reached the host,
// and nothing told the moderator.
TEST_CASE("a command sent as the link silently dies is reported as not done once the seat is "
          "back") {
    RelayedModerator scene;
    auto& [refused, host, relay, online] = scene;
    const qint64 before = host->lastSeq();
    QStringList notDone, unknown; // what ctl tells apart: safe to send again, or not
    QObject::connect(online.seat.syncPeer(), &sync::SyncPeer::notDone,
                     [&](const QString& id) { notDone << id; });
    QObject::connect(online.seat.syncPeer(), &sync::SyncPeer::outcomeUnknown,
                     [&](const QString& id) { unknown << id; });

    relay.setFrozen(true); // the Wi-Fi drops; nobody knows yet
    const Command lost = stageMessage(u"lost in the air"_s);
    const Command alsoLost = stageMessage(u"and this"_s);
    (void)online.engine.submit(lost); // sent: the seat still thinks the link is fine
    (void)online.engine.submit(alsoLost);
    REQUIRE(waitUntil([&] { return !online.live(); }, 15000));
    relay.setFrozen(false);
    relay.cutAll();
    REQUIRE(waitUntil([&] { return online.live() && refused.contains(lost.id); }, 30000));
    CHECK(refused.value(lost.id).contains(u"was not done"_s));
    // Which ones, in the order they were sent, in each line (a status bar keeps only the last).
    CHECK(refused.value(lost.id).contains(
        u"Stage message: “lost in the air”; Stage message: “and this”"_s));
    CHECK(refused.value(alsoLost.id) == refused.value(lost.id));
    CHECK(notDone == QStringList{lost.id, alsoLost.id});
    CHECK(unknown.isEmpty());
    CHECK(host->lastSeq() == before);
    CHECK(host->engine.state().stageMessage != u"lost in the air"_s);

    // A command whose event comes back is not reported.
    REQUIRE(submitAndWait(online, Action::SetStageMessage, {{u"text"_s, u"arrived"_s}}));
    REQUIRE(waitUntil([&] { return host->engine.state().stageMessage == u"arrived"_s; }));
    CHECK(refused.size() == 2);
}

// "Next" pressed as the host died, then Take over hosting (or Disconnect): nothing said the
// command might not have been done.
TEST_CASE("a command the host never answered is reported as maybe done when the seat leaves") {
    QStringList unknown, notDone;
    RelayedModerator scene;
    auto& [refused, host, relay, online] = scene;
    QObject::connect(online.seat.syncPeer(), &sync::SyncPeer::outcomeUnknown,
                     [&](const QString& id) { unknown << id; });
    QObject::connect(online.seat.syncPeer(), &sync::SyncPeer::notDone,
                     [&](const QString& id) { notDone << id; });
    relay.setFrozen(true); // the host's machine has just died; nobody knows yet
    const Command pressed = stageMessage(u"pressed as it died"_s);
    (void)online.engine.submit(pressed);
    online.seat.stop();
    CHECK(unknown == QStringList{pressed.id});
    CHECK(notDone.isEmpty()); // maybe done: not to be sent again blindly
    CHECK(refused.value(pressed.id).contains(u"may not have been done"_s));
    CHECK(refused.value(pressed.id).contains(u"Stage message: “pressed as it died”"_s));
}

// An undo that waited for the host's answer went out as the seat left: done by this laptop alone,
// under the host's epoch, and never reported as this seat's own when it joined again.
TEST_CASE("what answers a command given up as the seat leaves is not done on this laptop alone") {
    RelayedModerator scene;
    auto& [refused, host, relay, online] = scene;
    relay.setFrozen(true);
    const Command pressed = stageMessage(u"pressed as it died"_s);
    const Command answer = stageMessage(u"sent when the first was given up"_s);
    QObject::connect(&online.engine, &SessionEngine::refused, [&](const QString& id) {
        if (id == pressed.id)
            (void)online.engine.submit(answer);
    });
    (void)online.engine.submit(pressed);
    const qint64 before = online.engine.state().lastSeq;
    online.seat.stop();
    CHECK(online.engine.state().lastSeq == before);
    CHECK(refused.value(answer.id).contains(u"Not connected to the host"_s));
}

// The host did it, but its answer was lost with the link, and so many events followed that the
// seat came back by a snapshot: the seat cannot tell whether its command is among them, and must
// not say "not done" (a script that retried "next" would skip a speaker).
TEST_CASE("a command whose answer was lost is reported as maybe done when the seat comes back by a "
          "snapshot") {
    QStringList unknown;
    RelayedModerator scene;
    auto& [refused, host, relay, online] = scene;
    QObject::connect(online.seat.syncPeer(), &sync::SyncPeer::outcomeUnknown,
                     [&](const QString& id) { unknown << id; });
    const Command sent = stageMessage(u"done, unheard"_s);
    QObject::connect(&host->engine, &SessionEngine::eventApplied,
                     [&](const Event& e, const SessionState&) {
                         if (e.commandId == sent.id)
                             relay.setFrozen(true); // the answer never leaves
                     });
    (void)online.engine.submit(sent);
    REQUIRE(waitUntil([&] { return host->engine.state().stageMessage == u"done, unheard"_s; }));
    for (int i = 0; i < 60; ++i) // more than the session's state in bytes: a snapshot is cheaper
        REQUIRE(submitAndWait(*host, Action::SetStageMessage, {{u"text"_s, u"later %1"_s.arg(i)}}));
    relay.setFrozen(false);
    relay.cutAll();
    REQUIRE(waitUntil(
        [&] { return online.lastSeq() == host->lastSeq() && refused.contains(sent.id); }, 30000));
    CHECK(unknown == QStringList{sent.id});
    CHECK(refused.value(sent.id).contains(u"may not have been done"_s));
    CHECK(refused.value(sent.id).contains(u"Stage message: “done, unheard”"_s));
}

TEST_CASE("host gone: the online moderator takes over, the rapporteur follows, and the old "
          "host's unshared events are reported when it returns") {
    QList<Event> orphans; // before the host: its signals may still come while it stops
    auto oldHost = makeHost();
    REQUIRE(oldHost);
    Relay relay(oldHost->seat.syncHost()->port());
    const sync::Endpoint viaRelay{u"127.0.0.1"_s, relay.port()};
    const quint16 takeoverPort = freePort();
    TestSeat online(u"online"_s), rapporteur(u"rapporteur"_s);
    online.seat.join(viaRelay, oldHost->seat.controlCode(), takeoverPort);
    rapporteur.seat.join(viaRelay, oldHost->seat.readOnlyCode());
    REQUIRE(waitUntil([&] { return online.live() && rapporteur.live(); }));
    REQUIRE(waitUntil([&] { return rapporteur.seat.peers().size() == 2; }));
    for (int i = 0; i < 50; ++i)
        REQUIRE(submitAndWait(online, Action::SetStageMessage, {{u"text"_s, u"m%1"_s.arg(i)}}));
    REQUIRE(waitUntil([&] { return rapporteur.lastSeq() == oldHost->lastSeq(); }));
    const qint64 shared = oldHost->lastSeq();

    // The old host's network goes; it records three more events nobody else gets.
    relay.setRefusing(true);
    relay.cutAll();
    for (int i = 0; i < 3; ++i)
        REQUIRE(oldHost->engine.submit(stageMessage(u"unshared %1"_s.arg(i))));
    REQUIRE(waitUntil([&] { return online.seat.canTakeOver(); }));
    REQUIRE(online.seat.takeOver(takeoverPort, QHostAddress::LocalHost));
    REQUIRE(online.seat.mode() == sync::Seat::Mode::Hosting);
    CHECK(online.seat.syncHost()->epoch() > oldHost->engine.state().epoch);
    // the rapporteur finds the new host by itself (the takeover address it was told)
    REQUIRE(waitUntil([&] { return rapporteur.live(); }, 30000));
    CHECK(rapporteur.seat.syncPeer()->currentHost().port == takeoverPort);
    REQUIRE(submitAndWait(online, Action::SetStageMessage, {{u"text"_s, u"after"_s}}));
    REQUIRE(waitUntil([&] { return rapporteur.lastSeq() == online.lastSeq(); }));
    CHECK(online.lastSeq() == shared + 1);
    CHECK(rapporteur.orderly);

    // The old host returns as a peer: its three events are shown, not merged.
    QObject::connect(&oldHost->seat, &sync::Seat::orphaned,
                     [&](const QList<Event>& events) { orphans = events; });
    oldHost->seat.join({u"127.0.0.1"_s, takeoverPort}, oldHost->seat.controlCode());
    REQUIRE(waitUntil([&] { return oldHost->live(); }));
    REQUIRE(orphans.size() == 3);
    CHECK(orphans.first().data.value(u"text"_s).toString() == u"unshared 0"_s);
    CHECK(codec::digest(oldHost->engine.state()) == codec::digest(online.engine.state()));
    CHECK(codec::digest(rapporteur.engine.state()) == codec::digest(online.engine.state()));
}

// The seat let go of its host before it tried the port: on a busy one it was left joined to
// nothing (a headless seat crashed), and the moderator could not try another port.
TEST_CASE("a takeover on a port another program holds leaves the seat as it was, free to take "
          "over on another port") {
    auto host = makeHost();
    REQUIRE(host);
    TestSeat online(u"online"_s);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode()));
    REQUIRE(submitAndWait(online, Action::SetStageMessage, {{u"text"_s, u"before"_s}}));
    QTcpServer otherProgram;
    REQUIRE(otherProgram.listen(QHostAddress::LocalHost, 0));
    const qint32 epochBefore = online.engine.state().epoch;
    host.reset();
    REQUIRE(waitUntil([&] { return online.seat.canTakeOver(); }));

    const auto busy = online.seat.takeOver(otherProgram.serverPort(), QHostAddress::LocalHost);
    REQUIRE_FALSE(busy);
    CHECK(busy.error().contains(QString::number(otherProgram.serverPort())));
    CHECK(online.seat.mode() == sync::Seat::Mode::Joined);
    REQUIRE(online.seat.syncPeer() != nullptr);
    CHECK(online.engine.state().epoch == epochBefore);
    CHECK(online.seat.canTakeOver());

    const quint16 freeOne = freePort();
    REQUIRE(online.seat.takeOver(freeOne, QHostAddress::LocalHost));
    CHECK(online.seat.mode() == sync::Seat::Mode::Hosting);
    CHECK(online.seat.tookOver());
    TestSeat rapporteur(u"rapporteur"_s);
    REQUIRE(joinAndWait(rapporteur, online, online.seat.readOnlyCode()));
    CHECK(rapporteur.engine.state().stageMessage == u"before"_s);
}

// The port the online moderator had told the others was busy, so it took over on another: the
// rapporteur kept trying the told one for minutes, though the new host's beacons said where it
// was.
TEST_CASE("a seat finds a host that took over on another port than it had told, by its beacon") {
    auto host = makeHost();
    REQUIRE(host);
    Relay relay(host->seat.syncHost()->port());
    const sync::Endpoint viaRelay{u"127.0.0.1"_s, relay.port()};
    TestSeat online(u"online"_s), rapporteur(u"rapporteur"_s);
    online.seat.join(viaRelay, host->seat.controlCode(), freePort()); // the port it tells
    rapporteur.seat.join(viaRelay, host->seat.readOnlyCode());
    REQUIRE(waitUntil([&] { return online.live() && rapporteur.live(); }));
    REQUIRE(waitUntil([&] { return rapporteur.seat.peers().size() == 2; }));
    QUdpSocket probe; // a free UDP port on loopback stands for the LAN's beacon port
    REQUIRE(probe.bind(QHostAddress::LocalHost, 0));
    const quint16 beaconPort = probe.localPort();
    probe.close();
    rapporteur.seat.syncPeer()->setBeaconPort(QHostAddress::LocalHost, beaconPort);

    relay.setRefusing(true); // the host's network goes
    relay.cutAll();
    SECTION("alone on the LAN") {}
    SECTION("among hundreds of made-up hosts of the session") {
        // Anyone on the LAN may send beacons naming the session; each was tried in turn, so
        // the real host came hours later.
        REQUIRE(waitUntil([&] {
            return rapporteur.seat.syncPeer()->state() == sync::SyncPeer::State::Reconnecting;
        }));
        QUdpSocket liar;
        for (quint16 port = 2000; port < 2500; ++port) {
            sync::Announcement fake;
            fake.sessionId = host->engine.state().sessionId;
            fake.port = port;
            liar.writeDatagram(fake.toDatagram(), QHostAddress::LocalHost, beaconPort);
        }
        QCoreApplication::processEvents();
    }
    REQUIRE(waitUntil([&] { return online.seat.canTakeOver(); }));
    const quint16 elsewhere = freePort();
    REQUIRE(online.seat.takeOver(elsewhere, QHostAddress::LocalHost));
    online.seat.announce(QHostAddress::LocalHost, beaconPort);
    REQUIRE(waitUntil([&] { return rapporteur.live(); }, 30000));
    CHECK(rapporteur.seat.syncPeer()->currentHost().port == elsewhere);
    REQUIRE(submitAndWait(online, Action::SetStageMessage, {{u"text"_s, u"found"_s}}));
    CHECK(waitUntil([&] { return rapporteur.engine.state().stageMessage == u"found"_s; }));
}

// A seat's own session file, with the journal its log is kept in.
struct SeatFile {
    QTemporaryDir dir;
    std::unique_ptr<SessionFile> file;
    std::unique_ptr<sync::SessionFileJournal> journal;
    SeatFile() {
        auto created = SessionFile::createReplica(dir.filePath(u"seat.podium"_s));
        REQUIRE(created);
        file = std::move(created).value();
        journal = std::make_unique<sync::SessionFileJournal>(*file);
    }
};

// A laptop whose clock is a minute ahead of the host's (a venue without internet has no NTP).
class MinuteAheadClock final : public Clock {
public:
    qint64 nowMs() const override { return m_system.nowMs() + 60'000; }

private:
    SystemClock m_system;
};

// The new host ran the session on its own clock: every running timer jumped by the difference
// between the two laptops' clocks (a minute here), though every screen agreed on the jump.
TEST_CASE("after a takeover by a laptop whose clock differs, every screen goes on counting the "
          "session's time without a jump") {
    auto oldHost = makeHost();
    REQUIRE(oldHost);
    Relay relay(oldHost->seat.syncHost()->port());
    const sync::Endpoint viaRelay{u"127.0.0.1"_s, relay.port()};
    const quint16 takeoverPort = freePort();
    MinuteAheadClock onlineClock;
    SessionEngine onlineEngine(onlineClock);
    sync::Seat online(onlineEngine, onlineClock);
    TestSeat rapporteur(u"rapporteur"_s);
    online.join(viaRelay, oldHost->seat.controlCode(), takeoverPort);
    rapporteur.seat.join(viaRelay, oldHost->seat.readOnlyCode());
    REQUIRE(waitUntil([&] { return rapporteur.live() && rapporteur.seat.peers().size() == 2; }));
    // Pings on the old host's link: both seats' clocks are the old host's.
    REQUIRE(waitUntil([&] {
        return rapporteur.seat.syncPeer()->rttMs() >= 0 && online.syncPeer()->rttMs() >= 0;
    }));
    CHECK(qAbs(rapporteur.engine.now() - oldHost->clock.nowMs()) < 1000);
    CHECK(qAbs(onlineEngine.now() - oldHost->clock.nowMs()) < 1000);

    relay.setRefusing(true);
    relay.cutAll();
    REQUIRE(waitUntil([&] { return online.canTakeOver(); }));
    REQUIRE(online.takeOver(takeoverPort, QHostAddress::LocalHost));
    CHECK(qAbs(onlineEngine.now() - oldHost->clock.nowMs()) < 1000); // not its own clock's time
    REQUIRE(waitUntil([&] { return rapporteur.live(); }, 30000));
    REQUIRE(rapporteur.seat.syncPeer()->currentHost().port == takeoverPort);
    CHECK(waitUntil([&] { return rapporteur.seat.syncPeer()->rttMs() >= 0; }));
    CHECK(qAbs(rapporteur.engine.now() - oldHost->clock.nowMs()) < 1000);
    CHECK(qAbs(rapporteur.engine.now() - onlineEngine.now()) < 1000);
}

// A seat that took over, its laptop's clock a minute ahead, kept in its file the offset of the
// session's time: restarted after a crash, it hosts again in that time, not its own clock's.
TEST_CASE("a seat that took over and crashed hosts again in the session's time") {
    auto oldHost = makeHost();
    REQUIRE(oldHost);
    SeatFile seatFile;
    SessionFile& file = *seatFile.file;
    sync::SessionFileJournal& journal = *seatFile.journal;
    MinuteAheadClock onlineClock;
    SessionEngine engine(onlineClock);
    quint16 port = 0;
    sync::JoinCodes codes;
    {
        Relay relay(oldHost->seat.syncHost()->port());
        sync::Seat online(engine, onlineClock);
        online.setDurableJournal(&journal);
        online.join({u"127.0.0.1"_s, relay.port()}, oldHost->seat.controlCode(), freePort());
        REQUIRE(waitUntil([&] {
            return online.syncPeer()->state() == sync::SyncPeer::State::Live &&
                   online.syncPeer()->rttMs() >= 0;
        }));
        relay.setRefusing(true);
        relay.cutAll();
        REQUIRE(waitUntil([&] { return online.canTakeOver(); }));
        REQUIRE(online.takeOver(0, QHostAddress::LocalHost));
        port = online.syncHost()->port();
        codes = online.codes();
        online.setDurableJournal(nullptr); // the crash: the seat goes, its file stays as it was
    }
    CHECK(qAbs(journal.clockOffset() + 60'000) < 1000);

    sync::Seat restarted(engine, onlineClock);
    restarted.setDurableJournal(&journal);
    engine.reset(file.state());
    REQUIRE(sync::restoreLog(restarted.log(), file));
    REQUIRE(restarted.host(port, QHostAddress::LocalHost, sync::codesToHostWith(&file)));
    CHECK(restarted.controlCode() == codes.control);
    CHECK(qAbs(engine.now() - oldHost->clock.nowMs()) < 1000);
    restarted.setDurableJournal(nullptr);
}

// An unattended backup seat restarted while its host was away retried the host for ever: the
// read-only key, which the other seats need, came only with a host's welcome. And its file kept
// the codes, but not the host's clock: after the takeover, on a laptop whose clock differed,
// every timer jumped by the difference.
TEST_CASE("a seat with control restarted on its file while the host is away can take over, or "
          "host, with codes that let the session's seats in, in the session's time") {
    auto host = makeHost();
    REQUIRE(host);
    const quint16 hostPort = portOf(host);
    const QString control = host->seat.controlCode();
    const QString readOnly = host->seat.readOnlyCode();
    SeatFile seatFile;
    SessionFile& file = *seatFile.file;
    sync::SessionFileJournal& journal = *seatFile.journal;
    MinuteAheadClock clock;
    SessionEngine engine(clock);
    {
        sync::Seat online(engine, clock);
        online.setDurableJournal(&journal);
        online.join({u"127.0.0.1"_s, hostPort}, control, freePort());
        REQUIRE(waitUntil([&] {
            return online.syncPeer()->state() == sync::SyncPeer::State::Live &&
                   online.syncPeer()->rttMs() >= 0; // the host's clock estimated
        }));
        online.setDurableJournal(nullptr); // its laptop restarts,
    }
    host.reset(); // and meanwhile the host is gone

    sync::Seat restarted(engine, clock);
    restarted.setDurableJournal(&journal);
    engine.reset(file.state());
    REQUIRE(sync::restoreLog(restarted.log(), file));
    SystemClock hostsClock; // the host's laptop: this machine's clock
    SECTION("started with its control code") {
        restarted.join({u"127.0.0.1"_s, hostPort}, control);
        CHECK(qAbs(engine.now() - hostsClock.nowMs()) < 1000); // before any host answered
        REQUIRE(waitUntil([&] { return restarted.canTakeOver(); }));
        REQUIRE(restarted.takeOver(0, QHostAddress::LocalHost));
        CHECK(qAbs(engine.now() - hostsClock.nowMs()) < 1000);
        CHECK(restarted.controlCode() == control);
        CHECK(restarted.readOnlyCode() == readOnly);
        TestSeat rapporteur(u"rapporteur"_s);
        rapporteur.seat.join({u"127.0.0.1"_s, restarted.syncHost()->port()}, readOnly);
        REQUIRE(waitUntil([&] { return rapporteur.live(); }));
        CHECK(rapporteur.lastSeq() == engine.state().lastSeq);
    }
    // A laptop that gave way to a new host, or the online moderator's, told to host its file
    // (`--host`, the cockpit's Host): with the session's codes, or the seats could not come to it
    // and, with other codes, it could not even ask the host that leads whether to give way.
    SECTION("told to host: with the session's codes, which the seats have") {
        REQUIRE(restarted.host(0, QHostAddress::LocalHost, sync::codesToHostWith(&file)));
        CHECK(restarted.controlCode() == control);
        CHECK(restarted.readOnlyCode() == readOnly);
        TestSeat rapporteur(u"rapporteur"_s);
        rapporteur.seat.join({u"127.0.0.1"_s, restarted.syncHost()->port()}, readOnly);
        REQUIRE(waitUntil([&] { return rapporteur.live(); }));
    }
    SECTION("started with the read-only code: never with control") {
        restarted.join({u"127.0.0.1"_s, hostPort}, readOnly);
        REQUIRE(waitUntil(
            [&] { return restarted.syncPeer()->state() == sync::SyncPeer::State::Reconnecting; }));
        CHECK_FALSE(restarted.canTakeOver());
    }
    restarted.setDurableJournal(nullptr);
}

TEST_CASE("a seat finds the seat that took over even when the host's last list left it out") {
    auto host = makeHost();
    REQUIRE(host);
    const quint16 takeoverPort = freePort();
    TestSeat online(u"online"_s), driver(u"driver"_s);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode(), takeoverPort));
    REQUIRE(joinAndWait(driver, *host, host->seat.controlCode()));
    REQUIRE(waitUntil([&] { return driver.seat.peers().size() == 2; }));

    // The online moderator's link drops; the host tells the others it has gone, then dies
    // before the online moderator is back.
    const auto sockets = online.seat.syncPeer()->findChildren<QSslSocket*>();
    REQUIRE(sockets.size() == 1);
    sockets.first()->abort();
    REQUIRE(waitUntil([&] { return driver.seat.peers().size() == 1; }));
    host.reset();
    REQUIRE(waitUntil([&] { return !driver.live() && online.seat.canTakeOver(); }));
    REQUIRE(online.seat.takeOver(takeoverPort, QHostAddress::LocalHost));

    REQUIRE(waitUntil([&] { return driver.live(); }, 30000));
    CHECK(driver.seat.syncPeer()->currentHost().port == takeoverPort);
    REQUIRE(submitAndWait(driver, Action::SetStageMessage, {{u"text"_s, u"after"_s}}));
    REQUIRE(waitUntil([&] { return online.lastSeq() == driver.lastSeq(); }));
}

namespace {

// A seat's disk that fills up: every event and snapshot is refused once `full`.
struct FillingDisk final : sync::DurableJournal {
    bool full = false;
    Result<bool> append(const Event&) override { return written(); }
    Result<bool> appendSnapshot(const SessionState&, qint64, qint32) override { return written(); }
    Result<bool> written() const {
        return full ? Result<bool>::failure(u"The disk is full."_s) : Result<bool>(true);
    }
};

} // namespace

TEST_CASE("a seat that fails after every welcome backs off instead of hammering the host") {
    auto host = makeHost();
    REQUIRE(host);
    FillingDisk disk; // outlives the seat that writes to it
    TestSeat rapporteur(u"rapporteur"_s);
    rapporteur.seat.setDurableJournal(&disk);
    REQUIRE(joinAndWait(rapporteur, *host, host->seat.readOnlyCode()));
    disk.full = true;
    REQUIRE(host->engine.submit(stageMessage(u"no room for this"_s)));
    // Each return is welcomed and then fails on that event at once.
    REQUIRE(waitUntil([&] { return rapporteur.seat.syncPeer()->reconnects() >= 4; }, 30000));
    CHECK(rapporteur.seat.syncPeer()->retryDelayMs() > 300); // 200 ms ± half, had it not grown
    disk.full = false; // space freed: the seat catches up by itself
    REQUIRE(waitUntil([&] { return rapporteur.live() && rapporteur.lastSeq() == host->lastSeq(); },
                      30000));
}

// The online moderator's disk filled up: its cockpit said "the host is out of reach" and offered
// to take over from a host that ran on, which would have split the session in two.
TEST_CASE("a control seat whose own disk cannot keep the events says so and is not offered to "
          "take over, and the host is told it is that seat's disk") {
    auto host = makeHost();
    REQUIRE(host);
    QStringList dropped; // the host's words on seats that left (it outlives the host's signals)
    QObject::connect(host->seat.syncHost(), &sync::SyncHost::peerDropped,
                     [&](const QString&, const QString& reason) { dropped << reason; });
    FillingDisk disk; // outlives the seat that writes to it
    TestSeat online(u"online"_s);
    online.seat.setDurableJournal(&disk);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode(), freePort()));
    disk.full = true;
    REQUIRE(host->engine.submit(stageMessage(u"no room for this"_s)));
    const sync::SyncPeer& peer = *online.seat.syncPeer();
    REQUIRE(waitUntil([&] { return peer.state() == sync::SyncPeer::State::Reconnecting; }));
    CHECK(peer.trouble() == sync::SyncPeer::Trouble::CannotKeepEvents);
    CHECK(peer.troubleDetail().contains(u"The disk is full."_s));
    CHECK_FALSE(online.seat.canTakeOver());
    REQUIRE(waitUntil([&] { return !dropped.isEmpty(); }));
    CHECK(dropped.first().contains(u"this seat could not keep the session's events"_s));

    // With the host really gone (it stopped hosting, and said so), taking over is offered again.
    disk.full = false;
    REQUIRE(waitUntil([&] { return online.live() && online.lastSeq() == host->lastSeq(); }, 30000));
    host->seat.stop();
    REQUIRE(waitUntil([&] { return online.seat.canTakeOver(); }));
    CHECK(peer.trouble() == sync::SyncPeer::Trouble::HostStopped);
}

// A relay (or a host's machine) that takes each connection and closes it at once never asked for
// a code: the seat said the host "no longer accepts this join code", and the moderator went
// looking for new codes.
TEST_CASE("a port that takes the connection and closes it is not taken for a refused code") {
    auto host = makeHost();
    REQUIRE(host);
    QStringList details; // the seat's words on its state (it outlives the seat's signals)
    Relay relay(host->seat.syncHost()->port());
    TestSeat rapporteur(u"rapporteur"_s);
    rapporteur.seat.join({u"127.0.0.1"_s, relay.port()}, host->seat.readOnlyCode());
    REQUIRE(waitUntil([&] { return rapporteur.live(); }));
    QObject::connect(rapporteur.seat.syncPeer(), &sync::SyncPeer::stateChanged,
                     [&](sync::SyncPeer::State, const QString& d) { details << d; });
    relay.setRefusing(true);
    relay.cutAll();
    REQUIRE(waitUntil([&] { return rapporteur.seat.syncPeer()->reconnects() >= 5; }, 30000));
    INFO(details.join(u"\n"_s).toStdString());
    CHECK(details.filter(u"no longer accepts"_s).isEmpty());
    CHECK(rapporteur.seat.syncPeer()->state() == sync::SyncPeer::State::Reconnecting);
}

TEST_CASE("a seat whose host started anew with new codes says so while it keeps trying") {
    auto host = makeHost();
    REQUIRE(host);
    const quint16 port = host->seat.syncHost()->port();
    QString detail; // the seat's last word on its state (it outlives the seat's signals)
    TestSeat rapporteur(u"rapporteur"_s);
    REQUIRE(joinAndWait(rapporteur, *host, host->seat.readOnlyCode()));
    QObject::connect(rapporteur.seat.syncPeer(), &sync::SyncPeer::stateChanged,
                     [&](sync::SyncPeer::State, const QString& d) { detail = d; });
    host.reset(); // the laptop restarts Podium and hosts again: new codes
    TestSeat again(u"in-room again"_s);
    REQUIRE(again.engine.create(demoPlan()));
    REQUIRE(again.seat.host(port, QHostAddress::LocalHost));
    REQUIRE(
        waitUntil([&] { return detail.contains(u"no longer accepts this join code"_s); }, 30000));
    CHECK(rapporteur.seat.syncPeer()->state() == sync::SyncPeer::State::Reconnecting);
}

// The online moderator's seat went round the host's address and another seat's takeover port,
// where nothing listened: each "connection refused" there wiped the count of codes refused at
// the host, and it said "the host is out of reach" for good, never that its code was refused.
TEST_CASE("a seat whose host started anew says its code is refused, while it also tries other "
          "seats' takeover ports") {
    QStringList tried; // the seat's words on its state (they outlive the seat's signals)
    QString detail;
    auto host = makeHost();
    REQUIRE(host);
    const quint16 port = host->seat.syncHost()->port();
    TestSeat other(u"other online seat"_s); // its takeover port: nothing listens there
    REQUIRE(joinAndWait(other, *host, host->seat.controlCode(), freePort()));
    TestSeat online(u"online"_s);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode(), freePort()));
    REQUIRE(waitUntil([&] { return online.seat.syncPeer()->peers().size() == 2; }));
    QObject::connect(online.seat.syncPeer(), &sync::SyncPeer::stateChanged,
                     [&](sync::SyncPeer::State, const QString& d) {
                         detail = d;
                         tried << d;
                     });
    other.seat.stop();
    host.reset(); // the laptop hosts again after Disconnect: new codes
    TestSeat again(u"in-room again"_s);
    REQUIRE(again.engine.create(demoPlan()));
    REQUIRE(again.seat.host(port, QHostAddress::LocalHost));
    const bool told =
        waitUntil([&] { return detail.contains(u"no longer accepts this join code"_s); }, 30000);
    INFO(tried.join(u"\n"_s).toStdString());
    CHECK(told);
    CHECK(tried.filter(u"Connection refused"_s).size() > 0); // it did go round
}

TEST_CASE("a seat that met a host of another session on its host's port takes over with codes "
          "that let the session's seats in") {
    // That host's salt, heard in the handshake it then refused, became the takeover's: the
    // rapporteur's read-only code no longer worked on the seat that took over.
    auto host = makeHost();
    REQUIRE(host);
    const quint16 port = portOf(host);
    const QString readOnlyCode = host->seat.readOnlyCode();
    const quint16 takeoverPort = freePort();
    TestSeat online(u"online"_s);
    QString detail;
    online.seat.join({u"127.0.0.1"_s, port}, host->seat.controlCode(), takeoverPort);
    REQUIRE(waitUntil([&] { return online.live(); }));
    QObject::connect(online.seat.syncPeer(), &sync::SyncPeer::stateChanged,
                     [&](sync::SyncPeer::State, const QString& d) { detail = d; });
    host.reset();
    TestSeat stranger(u"another session"_s);
    REQUIRE(stranger.engine.create(demoPlan()));
    REQUIRE(stranger.seat.host(port, QHostAddress::LocalHost));
    REQUIRE(
        waitUntil([&] { return detail.contains(u"no longer accepts this join code"_s); }, 30000));

    REQUIRE(online.seat.canTakeOver());
    REQUIRE(online.seat.takeOver(takeoverPort, QHostAddress::LocalHost));
    CHECK(online.seat.readOnlyCode() == readOnlyCode);
    TestSeat rapporteur(u"rapporteur"_s);
    rapporteur.seat.join({u"127.0.0.1"_s, takeoverPort}, readOnlyCode);
    REQUIRE(waitUntil([&] { return rapporteur.live(); }));
    CHECK(rapporteur.lastSeq() == online.lastSeq());
}

namespace {

// A host; an online moderator joined through `relay` (whose link a test can cut), ready to take
// over on `takeoverPort`; and a driver joined to the host directly, with control.
struct BackupScene {
    std::unique_ptr<TestSeat> host = makeHost();
    Relay relay{portOf(host)};
    const quint16 takeoverPort = freePort();
    TestSeat online{u"online"_s};
    TestSeat driver{u"driver"_s};

    BackupScene() {
        online.seat.join({u"127.0.0.1"_s, relay.port()}, host->seat.controlCode(), takeoverPort);
        REQUIRE(waitUntil([&] { return online.live(); }));
        REQUIRE(joinAndWait(driver, *host, host->seat.controlCode()));
        REQUIRE(waitUntil([&] { return driver.seat.peers().size() == 2; }));
    }
};

} // namespace

// After a takeover, a control seat that has events of the old host the new one lacks is asked to
// fill them in. If the new host sequences a command before the fill arrives, they no longer fit:
// they must be reported on that seat, never silently dropped (nor taken over the new events).
TEST_CASE("a fill that comes too late is reported as orphans, not lost") {
    QList<Event> orphans; // before the seats: their signals may come while they go
    BackupScene scene;
    auto& [host, relay, takeoverPort, online, driver] = scene;
    QObject::connect(&driver.seat, &sync::Seat::orphaned,
                     [&](const QList<Event>& events) { orphans = events; });

    // The online moderator's network goes; the driver gets three more events, then the host dies.
    relay.setRefusing(true);
    relay.cutAll();
    for (int i = 0; i < 3; ++i)
        REQUIRE(host->engine.submit(stageMessage(u"only the driver has %1"_s.arg(i))));
    REQUIRE(waitUntil([&] { return driver.lastSeq() == host->lastSeq(); }));
    const qint64 driverHad = driver.lastSeq();
    host.reset();
    REQUIRE(waitUntil([&] { return online.seat.canTakeOver(); }));
    REQUIRE(online.lastSeq() == driverHad - 3);
    REQUIRE(online.seat.takeOver(takeoverPort, QHostAddress::LocalHost));
    // The moment the driver is admitted, before its fill can arrive, the new host sequences.
    bool raced = false;
    QObject::connect(online.seat.syncHost(), &sync::SyncHost::peersChanged, [&] {
        if (!raced && !online.seat.peers().isEmpty()) {
            raced = true;
            (void)online.engine.submit(stageMessage(u"the new host goes on"_s));
        }
    });
    REQUIRE(waitUntil([&] { return orphans.size() == 3; }, 30000));
    CHECK(orphans.first().data.value(u"text"_s).toString() == u"only the driver has 0"_s);
    REQUIRE(waitUntil([&] { return driver.live() && driver.lastSeq() == online.lastSeq(); }));
    CHECK(codec::digest(driver.engine.state()) == codec::digest(online.engine.state()));
    CHECK(driver.engine.state().stageMessage == u"the new host goes on"_s);
}

// Both seats joined by a snapshot at the same seq: the one event only the driver got is the
// first of its log. Its lineage alone looked like a bare snapshot's, and it was not asked.
TEST_CASE("a seat fills in the one event the new host lacks, right after the snapshot both "
          "joined by") {
    QList<Event> orphans;
    BackupScene scene;
    auto& [host, relay, takeoverPort, online, driver] = scene;
    QObject::connect(&driver.seat, &sync::Seat::orphaned,
                     [&](const QList<Event>& events) { orphans = events; });
    REQUIRE(driver.snapshots == 1);
    REQUIRE(driver.appliedSeqs.isEmpty());

    relay.setRefusing(true);
    relay.cutAll();
    REQUIRE(host->engine.submit(stageMessage(u"only the driver has this"_s)));
    REQUIRE(waitUntil([&] { return driver.lastSeq() == host->lastSeq(); }));
    host.reset();
    REQUIRE(waitUntil([&] { return online.seat.canTakeOver(); }));
    REQUIRE(online.lastSeq() == driver.lastSeq() - 1);
    REQUIRE(online.seat.takeOver(takeoverPort, QHostAddress::LocalHost));
    REQUIRE(waitUntil([&] { return online.lastSeq() == driver.lastSeq() && driver.live(); }));
    CHECK(online.engine.state().stageMessage == u"only the driver has this"_s);
    CHECK(orphans.isEmpty());
}

// Thousands of events only a seat had went to the new host as one message, over the 1 MiB a
// seat may send: the host closed the link when its header arrived, on every rejoin.
TEST_CASE("a seat fills in thousands of events the new host lacks, in batches") {
    BackupScene scene;
    auto& [host, relay, takeoverPort, online, driver] = scene;

    relay.setRefusing(true);
    relay.cutAll();
    const QString padding(120, u'.');
    for (int i = 0; i < 7000; ++i) // some 1.4 MB of events
        REQUIRE(host->engine.submit(stageMessage(u"%1 %2"_s.arg(i).arg(padding))));
    REQUIRE(waitUntil([&] { return driver.lastSeq() == host->lastSeq(); }, 60000));
    const qint64 driverHad = driver.lastSeq();
    host.reset();
    REQUIRE(waitUntil([&] { return online.seat.canTakeOver(); }));
    REQUIRE(online.lastSeq() == driverHad - 7000);
    REQUIRE(online.seat.takeOver(takeoverPort, QHostAddress::LocalHost));
    REQUIRE(waitUntil([&] { return online.lastSeq() == driverHad && driver.live(); }, 30000));
    // (The digest covers the epoch, which the new host's next event brings to every seat.)
    REQUIRE(submitAndWait(online, Action::SetStageMessage, {{u"text"_s, u"after"_s}}));
    REQUIRE(waitUntil([&] { return driver.lastSeq() == online.lastSeq(); }));
    CHECK(codec::digest(driver.engine.state()) == codec::digest(online.engine.state()));
    CHECK(online.orderly);
}

// Welcomed, then cut off before the host's state came: every welcome after was refused as "this
// host runs another session" (the seat held none), and the seat never joined.
TEST_CASE("a first join cut off in the middle of the host's snapshot joins when it comes back") {
    auto host = makeHost(3000); // a snapshot of some hundreds of KB
    REQUIRE(host);
    Relay relay(host->seat.syncHost()->port());
    relay.cutAfterHostBytes(32 * 1024); // past the handshake and the welcome
    TestSeat rapporteur(u"rapporteur"_s);
    rapporteur.seat.join({u"127.0.0.1"_s, relay.port()}, host->seat.readOnlyCode());
    REQUIRE(waitUntil([&] { return rapporteur.live(); }));
    CHECK(rapporteur.engine.state().sessionId == host->engine.state().sessionId);
    CHECK(rapporteur.seat.syncPeer()->reconnects() >= 1); // it was cut off once
}

// A host that dies in the middle of the TLS handshake closes the connection just as a host
// refusing a wrong code does: a seat joining for the first time must not give up on it.
TEST_CASE("a first join that meets a host dying mid-handshake keeps trying") {
    QTcpServer dying; // accepts, then closes at once
    REQUIRE(dying.listen(QHostAddress::LocalHost, 0));
    const quint16 port = dying.serverPort();
    QObject::connect(&dying, &QTcpServer::newConnection, [&] {
        while (QTcpSocket* s = dying.nextPendingConnection())
            s->abort();
    });
    const sync::JoinCodes codes = sync::JoinCodes::generate();
    TestSeat rapporteur(u"rapporteur"_s);
    rapporteur.seat.join({u"127.0.0.1"_s, port}, codes.readOnly);
    REQUIRE(waitUntil([&] { return rapporteur.seat.syncPeer()->reconnects() >= 1; }));
    dying.close();
    TestSeat host(u"in-room, back"_s);
    REQUIRE(host.engine.create(demoPlan()));
    REQUIRE(host.seat.host(port, QHostAddress::LocalHost, codes));
    REQUIRE(waitUntil([&] { return rapporteur.live(); }, 30000));
    CHECK(rapporteur.lastSeq() == host.lastSeq());
}

TEST_CASE("every seat's latency in the peer list is kept up to date") {
    auto host = makeHost();
    REQUIRE(host);
    TestSeat online(u"online"_s), rapporteur(u"rapporteur"_s);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode()));
    REQUIRE(joinAndWait(rapporteur, *host, host->seat.readOnlyCode()));
    // The list went out only when a seat came or went, before any heartbeat had measured a
    // round trip: every seat showed "—" for the rest of the session.
    const auto measured = [](const TestSeat& seat) {
        const QList<sync::PeerInfo> peers = seat.seat.peers();
        return peers.size() == 2 && std::all_of(peers.cbegin(), peers.cend(),
                                                [](const auto& p) { return p.rttMs >= 0; });
    };
    CHECK(waitUntil([&] { return measured(rapporteur) && measured(*host); },
                    3 * sync::peersRefreshMs));
}

// A script that retried a `next` the host had done skipped a speaker: ctl said "No answer from
// the host in time", as if it had never reached it.
TEST_CASE("podium ctl: a command the host got but never answered is said to be maybe done") {
    auto host = makeHost();
    REQUIRE(host);
    Relay relay(host->seat.syncHost()->port());
    // The link goes dead just after the host takes the command: its answer never comes back.
    // (The timeout covers the join too, so it is not short: a loaded machine joined too late.)
    QObject::connect(&host->engine, &SessionEngine::eventApplied,
                     [&](const Event& e, const SessionState&) {
                         if (e.action == Action::SetStageMessage)
                             relay.setFrozen(true);
                     });
    const int exitCode = sync::runCtl(
        {u"podium"_s, u"ctl"_s, u"--join"_s, u"127.0.0.1:%1"_s.arg(relay.port()), u"--code"_s,
         host->seat.controlCode(), u"--timeout"_s, u"8"_s, u"message"_s, u"wrap up"_s});
    CHECK(exitCode == 5);
    CHECK(host->engine.state().stageMessage == u"wrap up"_s); // it was done
}

// A joined copy opened to be worked on alone acted under its host's epoch: joining again, what it
// did was taken for the host's own events of the same seqs.
TEST_CASE("a joined copy worked on alone takes an epoch of its own once, and keeps it") {
    QTemporaryDir dir;
    auto created = SessionFile::create(dir.filePath(u"copy.podium"_s), test::crowdPlan(),
                                       QDateTime::currentMSecsSinceEpoch());
    REQUIRE(created);
    SessionFile& file = *created.value();
    const qint32 hostEpoch = file.state().epoch;
    REQUIRE(sync::SessionFileJournal(file).recordSequencers({{hostEpoch, u"host-run"_s}}));

    const auto own = sync::takeOwnEpoch(file, hostEpoch);
    REQUIRE(own);
    CHECK(own.value() == hostEpoch + 1);
    // Opened again before anything was done under it: the same one, not one more each time.
    const auto again = sync::takeOwnEpoch(file, hostEpoch);
    REQUIRE(again);
    CHECK(again.value() == own.value());
    CHECK(file.metadata(u"sync_sequencers"_s).split(u'\n').size() == 2);
    CHECK(file.metadata(u"sync_sequencers"_s).contains(u"alone:"_s));
    // Once its events carry it, it is this seat's epoch already.
    const auto used = sync::takeOwnEpoch(file, qint32(own.value()));
    REQUIRE(used);
    CHECK(used.value() == 0);
}
