#include <catch2/catch.hpp>

#include "relay.h"
#include "sync_support.h"

#include <QCborArray>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <limits>

using namespace podium;
using namespace podium::synctest;
using namespace Qt::StringLiterals;

namespace {

QByteArray randomBytes(int n) {
    QByteArray b(n, Qt::Uninitialized);
    for (char& c : b)
        c = char(QRandomGenerator::global()->bounded(256));
    return b;
}

struct HostWithReporter {
    QMap<quint16, QString> dropped; // client port → reason (outlives the host's signals)
    std::unique_ptr<TestSeat> host = makeHost();
    TestSeat rapporteur{u"rapporteur"_s};

    HostWithReporter() {
        QObject::connect(host->seat.syncHost(), &sync::SyncHost::peerDropped,
                         [this](const QString& who, const QString& why) {
                             // "name (127.0.0.1:36802)", or the address alone
                             const QString port = who.section(u':', -1).remove(u')');
                             dropped[quint16(port.toUInt())] = why;
                         });
    }
    QString reasonFor(RawClient& c) { return dropped.value(c.localPort()); }
    // Through the handshake and its hello, until the host lists it as its `seats`-th seat.
    void admit(RawClient& c, qsizetype seats) {
        REQUIRE(c.waitEncrypted());
        c.write(helloFrame());
        REQUIRE(waitUntil([&] { return host->seat.peers().size() == seats; }));
    }
    // The well-behaved seat still follows the host.
    bool stillServed() {
        (void)host->engine.submit(Command{newCommandId(),
                                          {},
                                          Authority::Moderator,
                                          Action::SetStageMessage,
                                          {{u"text"_s, u"still here %1"_s.arg(host->lastSeq())}}});
        return waitUntil([&] { return rapporteur.lastSeq() == host->lastSeq(); }) &&
               rapporteur.live();
    }
};

} // namespace

TEST_CASE("bad frames close only that connection, with a logged reason") {
    HostWithReporter h;
    REQUIRE(joinAndWait(h.rapporteur, *h.host, h.host->seat.readOnlyCode()));
    const quint16 port = h.host->seat.syncHost()->port();
    const QString code = h.host->seat.controlCode();

    RawClient oversizedEarly(port, code), garbage(port, code), randomTls(port, code),
        oversizedLate(port, code), unknownType(port, code), wrongWay(port, code);
    for (RawClient* c :
         {&oversizedEarly, &garbage, &randomTls, &oversizedLate, &unknownType, &wrongWay})
        REQUIRE(c->waitEncrypted());

    oversizedEarly.write(frameOf(QByteArray(80 * 1024, 'x'))); // before hello: 64 KiB at most
    garbage.write(frameOf("\xa1\x61\x74\xff\xff garbage"));
    randomTls.write(randomBytes(3000));
    oversizedLate.write(helloFrame());
    unknownType.write(helloFrame());
    wrongWay.write(helloFrame());
    REQUIRE(waitUntil([&] { return h.host->seat.peers().size() == 4; }));
    oversizedLate.write(frameOf(QByteArray(2 * 1024 * 1024, 'x')).left(4)); // just the header
    unknownType.write(sync::encodeFrame(sync::message(sync::MsgType(77), {})));
    // a message only a host may send
    wrongWay.write(sync::encodeFrame(sync::message(sync::MsgType::FillRequest, {{u"from"_s, 1}})));

    for (RawClient* c : {&oversizedEarly, &garbage, &randomTls, &oversizedLate, &wrongWay})
        REQUIRE(c->waitClosed());
    REQUIRE(waitUntil([&] { return h.dropped.size() >= 5; }));
    CHECK(h.reasonFor(oversizedEarly).contains(u"over the limit"_s));
    CHECK(h.reasonFor(garbage).contains(u"malformed"_s));
    CHECK_FALSE(h.reasonFor(randomTls).isEmpty());
    CHECK(h.reasonFor(oversizedLate).contains(u"over the limit"_s));
    CHECK(h.reasonFor(wrongWay).contains(u"not allowed"_s));
    // an unknown message type is refused politely: an error reply, the link stays
    REQUIRE(waitUntil([&] { return unknownType.received().contains("unknown-message"); }));
    CHECK(unknownType.socket().state() == QAbstractSocket::ConnectedState);
    CHECK(h.stillServed());
}

TEST_CASE("a seat's parting words reach the host's log and status line on one short line") {
    HostWithReporter h;
    RawClient rude(h.host->seat.syncHost()->port(), h.host->seat.readOnlyCode());
    h.admit(rude, 1);
    const QString reason = u"gone 👋\n\x1b[2J"_s + QString(300'000, u'z');
    rude.write(sync::encodeFrame(sync::message(sync::MsgType::Bye, {{u"reason"_s, reason}})));
    REQUIRE(rude.waitClosed());
    REQUIRE(waitUntil([&] { return !h.reasonFor(rude).isEmpty(); }));
    const QString shown = h.reasonFor(rude);
    CHECK(shown.startsWith(u"gone 👋 [2Jzzz"_s)); // a character beyond 16 bits is one character
    CHECK(shown.size() <= sync::maxPeerWords);
    const QList<uint> characters = shown.toUcs4();
    CHECK(std::all_of(characters.begin(), characters.end(),
                      [](uint c) { return QChar::isPrint(char32_t(c)); }));
}

TEST_CASE("a message flood trips the rate limit") {
    HostWithReporter h;
    REQUIRE(joinAndWait(h.rapporteur, *h.host, h.host->seat.readOnlyCode()));
    RawClient wrongWay(h.host->seat.syncHost()->port(), h.host->seat.readOnlyCode());
    REQUIRE(wrongWay.waitEncrypted());
    wrongWay.write(helloFrame());
    QByteArray pings;
    for (int i = 0; i < 20000; ++i)
        pings += sync::encodeFrame(sync::message(sync::MsgType::Ping, {{u"t0"_s, i}}));
    wrongWay.write(pings);
    REQUIRE(wrongWay.waitClosed());
    REQUIRE(waitUntil([&] { return !h.reasonFor(wrongWay).isEmpty(); }));
    CHECK(h.reasonFor(wrongWay).contains(u"rate limit"_s));
    CHECK(h.stillServed());
}

TEST_CASE("a seat that pings but never reads is dropped before the host buffers without end") {
    HostWithReporter h;
    REQUIRE(joinAndWait(h.rapporteur, *h.host, h.host->seat.readOnlyCode()));
    Relay relay(h.host->seat.syncHost()->port());
    RawClient deaf(relay.port(), h.host->seat.readOnlyCode());
    REQUIRE(deaf.waitEncrypted());
    deaf.write(helloFrame());
    REQUIRE(waitUntil([&] { return h.host->seat.peers().size() == 2; }));
    relay.setDeaf(true);
    QTimer pinging; // alive by every heartbeat's measure
    QObject::connect(&pinging, &QTimer::timeout, [&] {
        deaf.write(sync::encodeFrame(sync::message(sync::MsgType::Ping, {{u"t0"_s, 0}})));
    });
    pinging.start(300);
    // Events as a lively session has them, faster: the backlog passes the limit, and stays.
    QElapsedTimer flooding;
    flooding.start();
    for (int i = 0; h.dropped.isEmpty() && flooding.elapsed() < 60'000; ++i) {
        REQUIRE(h.host->engine.submit(stageMessage(u"%1 "_s.arg(i) + QString(120, u'x'))));
        if (i % 200 == 0) {
            QCoreApplication::processEvents();
            QThread::msleep(20);
        }
    }
    REQUIRE(waitUntil([&] { return h.dropped.size() == 1; }));
    CHECK(h.dropped.first().contains(u"takes nothing of what it is sent"_s));
    CHECK(h.stillServed());
}

TEST_CASE("a flood of connections that never finish joining holds no more than the limit, and "
          "a seat still joins in the middle of it") {
    HostWithReporter h;
    REQUIRE(joinAndWait(h.rapporteur, *h.host, h.host->seat.readOnlyCode()));
    const quint16 port = h.host->seat.syncHost()->port();
    std::vector<std::unique_ptr<RawClient>> flood;
    const auto openCount = [&] {
        return std::count_if(flood.begin(), flood.end(), [](const auto& c) {
            return c->socket().state() != QAbstractSocket::UnconnectedState;
        });
    };
    for (int i = 0; i < sync::maxJoiningConnections + 20; ++i) {
        flood.push_back(std::make_unique<RawClient>(port, QString{})); // plain TCP, then silence
        REQUIRE(waitUntil([&] { return flood.back()->localPort() != 0; }));
    }
    // The oldest ones made room, long before the handshake deadline would have closed them.
    REQUIRE(waitUntil([&] { return openCount() == sync::maxJoiningConnections; }));
    CHECK(std::all_of(flood.begin(), flood.begin() + 20, [](const auto& c) {
        return c->socket().state() == QAbstractSocket::UnconnectedState;
    }));
    CHECK(h.reasonFor(*flood.front()).contains(u"to make room"_s));
    TestSeat late(u"late display"_s);
    REQUIRE(joinAndWait(late, *h.host, h.host->seat.readOnlyCode()));
    CHECK(openCount() > 0); // the flood was still there: the seat did not wait for it to end
    CHECK(h.stillServed());
}

TEST_CASE("a frame dripped byte by byte is dropped once its time is up") {
    HostWithReporter h;
    REQUIRE(joinAndWait(h.rapporteur, *h.host, h.host->seat.readOnlyCode()));
    RawClient drip(h.host->seat.syncHost()->port(), h.host->seat.readOnlyCode());
    h.admit(drip, 2);
    const QByteArray frame = frameOf(QByteArray(64 * 1024, 'x')); // 5 s + 1 s to arrive whole
    drip.write(frame.left(4));
    QTimer dripping; // ten bytes every half second: any byte was a sign of life
    qsizetype sent = 4;
    QObject::connect(&dripping, &QTimer::timeout, [&] {
        drip.write(frame.mid(sent, 10));
        sent += 10;
    });
    dripping.start(500);
    REQUIRE(drip.waitClosed());
    CHECK(h.reasonFor(drip).contains(u"in time"_s));
    CHECK(h.stillServed());
}

TEST_CASE("random bytes, a truncated frame and a silent client are dropped, others go on") {
    HostWithReporter h;
    REQUIRE(joinAndWait(h.rapporteur, *h.host, h.host->seat.readOnlyCode()));
    const quint16 port = h.host->seat.syncHost()->port();
    RawClient plainRandom(port, {}), silent(port, {}), truncated(port, h.host->seat.controlCode());
    REQUIRE(
        waitUntil([&] { return plainRandom.socket().state() == QAbstractSocket::ConnectedState; }));
    plainRandom.write(randomBytes(512)); // not even TLS
    REQUIRE(truncated.waitEncrypted());
    truncated.write(frameOf(helloFrame().mid(4)).left(20)); // a hello cut short, then nothing
    REQUIRE(plainRandom.waitClosed());
    REQUIRE(silent.waitClosed());    // never started TLS: the handshake deadline
    REQUIRE(truncated.waitClosed()); // never finished its hello: the same deadline
    REQUIRE(waitUntil([&] { return h.dropped.size() >= 3; }));
    CHECK(h.reasonFor(silent).contains(u"did not finish in time"_s));
    CHECK(h.reasonFor(truncated).contains(u"did not finish in time"_s));
    CHECK_FALSE(h.reasonFor(plainRandom).isEmpty());
    CHECK(h.stillServed());
}

// A host that has just started hosting an existing log (after a restart or a takeover) asks
// seats that are ahead of it for the events it lacks. A read-only seat must not be one of them:
// it could write anything into the session that way.
TEST_CASE("a read-only seat cannot put events into the session, not even as a fill") {
    HostWithReporter h;
    REQUIRE(joinAndWait(h.rapporteur, *h.host, h.host->seat.readOnlyCode()));
    const SessionState before = h.host->engine.state();
    const qint32 logEpoch = h.host->seat.log().lastEpoch();
    RawClient forger(h.host->seat.syncHost()->port(), h.host->seat.readOnlyCode());
    REQUIRE(forger.waitEncrypted());
    forger.write(
        sync::encodeFrame(sync::message(sync::MsgType::Hello, {{u"proto"_s, sync::protocolVersion},
                                                               {u"instance"_s, u"forger"_s},
                                                               {u"name"_s, u"forger"_s},
                                                               {u"session"_s, before.sessionId},
                                                               {u"lastSeq"_s, before.lastSeq + 1},
                                                               {u"lastEpoch"_s, logEpoch}})));
    REQUIRE(waitUntil([&] { return h.host->seat.peers().size() == 2; }));
    Event forged{before.lastSeq + 1,
                 logEpoch,
                 before.lastSeq,
                 u"moderator"_s,
                 u"forged"_s,
                 Action::SetStageMessage,
                 QCborMap{{u"text"_s, u"forged"_s}}};
    forger.write(sync::encodeFrame(
        sync::message(sync::MsgType::FillEvents, {{u"events"_s, QCborArray{forged.toCbor()}}})));
    REQUIRE(forger.waitClosed());
    CHECK(h.host->engine.state().stageMessage != u"forged"_s);
    CHECK(h.host->lastSeq() == before.lastSeq);
    CHECK(h.stillServed());
    CHECK(h.rapporteur.engine.state().stageMessage != u"forged"_s);
}

// A control code grants either moderator's role, as the hello asks; the read-only code grants
// nothing more, whatever the hello says. The in-room moderator's role is for a seat that was it in
// this session: a laptop that last hosted a rehearsal joined the real session with it.
TEST_CASE("a seat that asks for the moderator's role gets it only with the control code, and only "
          "for the host's session") {
    auto host = makeHost();
    REQUIRE(host);
    TestSeat display(u"display"_s), inRoom(u"in-room"_s), fromRehearsal(u"rehearsal"_s);
    const QString session = host->engine.state().sessionId;
    REQUIRE_FALSE(session.isEmpty());
    for (TestSeat* seat : {&display, &inRoom, &fromRehearsal}) {
        const QString code =
            seat == &display ? host->seat.readOnlyCode() : host->seat.controlCode();
        seat->seat.join(endpointOf(*host), code);
        // before its hello goes
        seat->seat.syncPeer()->setWantedRole(
            Authority::Moderator, seat == &fromRehearsal ? u"a rehearsal's session"_s : session);
    }
    REQUIRE(waitUntil([&] { return display.live() && inRoom.live() && fromRehearsal.live(); }));
    CHECK(display.engine.authority() == Authority::ReadOnly);
    CHECK(inRoom.engine.authority() == Authority::Moderator);
    CHECK(fromRehearsal.engine.authority() == Authority::OnlineModerator);
    // what only the in-room moderator may do
    REQUIRE(submitAndWait(
        inRoom, Action::CreatePoll,
        {{u"question"_s, u"Agree?"_s}, {u"options"_s, QCborArray{u"Yes"_s, u"No"_s}}}));
    CHECK(waitUntil([&] { return host->engine.state().polls.size() == 1; }));
}

TEST_CASE("a read-only seat's claim of a newer host does not stop this host") {
    HostWithReporter h;
    REQUIRE(joinAndWait(h.rapporteur, *h.host, h.host->seat.readOnlyCode()));
    bool failed = false;
    QObject::connect(&h.host->seat, &sync::Seat::failed, [&] { failed = true; });
    RawClient liar(h.host->seat.syncHost()->port(), h.host->seat.readOnlyCode());
    REQUIRE(liar.waitEncrypted());
    liar.write(sync::encodeFrame(sync::message(
        sync::MsgType::Hello, {{u"proto"_s, sync::protocolVersion},
                               {u"instance"_s, u"liar"_s},
                               {u"session"_s, h.host->engine.state().sessionId},
                               {u"lastSeq"_s, 1},
                               {u"lastEpoch"_s, h.host->seat.syncHost()->epoch() + 50}})));
    REQUIRE(liar.waitClosed());
    CHECK_FALSE(failed);
    CHECK(h.host->seat.mode() == sync::Seat::Mode::Hosting);
    CHECK(h.stillServed());
}

// A pong answers a ping this side sent: one with a made-up time overflowed the round trip (a
// 64-bit signed overflow) or, near now, claimed a round trip of nothing and set the clock offset.
TEST_CASE("a pong that answers no ping of the host's is not taken for a round trip") {
    HostWithReporter h;
    RawClient liar(h.host->seat.syncHost()->port(), h.host->seat.readOnlyCode());
    h.admit(liar, 1);
    for (const qint64 t0 : {std::numeric_limits<qint64>::min(), h.host->clock.nowMs()})
        liar.write(
            sync::encodeFrame(sync::message(sync::MsgType::Pong, {{u"t0"_s, t0}, {u"t1"_s, t0}})));
    // The host answers a ping only after what came before it.
    const qsizetype before = liar.received().size();
    liar.write(sync::encodeFrame(sync::message(sync::MsgType::Ping, {{u"t0"_s, 1}})));
    REQUIRE(waitUntil([&] { return liar.received().size() > before; }));
    REQUIRE(h.host->seat.peers().size() == 1);
    CHECK(h.host->seat.peers().first().rttMs == -1); // it never answered the host's pings
}
