#include <catch2/catch.hpp>

#include <QCborArray>

#include "fixtures.h"
#include "host_probe.h"
#include "join_code.h"
#include "model/codec.h"
#include "sync_support.h"

#include <QNetworkInterface>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSet>
#include <QSslPreSharedKeyAuthenticator>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUuid>
#include <QtEndian>
#include <atomic>
#include <optional>

using namespace podium;
using namespace podium::synctest;
using namespace Qt::StringLiterals;

namespace {

qsizetype lengthOfFirstFrame(const QByteArray& bytes) {
    return qsizetype(qFromBigEndian<quint32>(bytes.constData()));
}

} // namespace

TEST_CASE("a control seat and a read-only seat join the host and follow it") {
    auto host = makeHost();
    REQUIRE(host);
    TestSeat online(u"online"_s), rapporteur(u"rapporteur"_s);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode()));
    REQUIRE(joinAndWait(rapporteur, *host, host->seat.readOnlyCode()));
    CHECK(online.seat.syncPeer()->role() == Authority::OnlineModerator);
    CHECK(rapporteur.seat.syncPeer()->role() == Authority::ReadOnly);
    CHECK(waitUntil([&] { return host->seat.peers().size() == 2; }));

    REQUIRE(submitAndWait(online, Action::AddEntry, {{u"participant"_s, 3}}));
    REQUIRE(submitAndWait(*host, Action::AddEntry, {{u"participant"_s, 4}}));
    REQUIRE(waitUntil([&] { return rapporteur.lastSeq() == host->lastSeq(); }));
    CHECK(codec::digest(online.engine.state()) == codec::digest(host->engine.state()));
    CHECK(codec::digest(rapporteur.engine.state()) == codec::digest(host->engine.state()));
}

// The host's moderator read "127.0.0.1:39872 left: the peer left: the seat left", and read it
// still after that seat had come back.
TEST_CASE("the host says in plain words who joined, with what role, and who left") {
    QStringList said; // before the seats: it outlives their signals
    auto host = makeHost();
    REQUIRE(host);
    QObject::connect(&host->seat, &sync::Seat::statusChanged,
                     [&](const QString& text) { said << text; });
    {
        TestSeat rapporteur(u"rapporteur"_s);
        REQUIRE(joinAndWait(rapporteur, *host, host->seat.readOnlyCode()));
        REQUIRE(waitUntil([&] { return !said.isEmpty(); }));
        // By the name it gave and where it is, the same in each line: it was "rapporteur" in one
        // and "127.0.0.1:36802" in the next.
        const QString called = said.last().section(u" joined"_s, 0, 0);
        CHECK(called.startsWith(u"rapporteur (127.0.0.1:"_s));
        CHECK(said.last() == called + u" joined, read-only."_s);
        rapporteur.seat.stop();
        REQUIRE(waitUntil([&] { return said.last().contains(u"left"_s); }));
        CHECK(said.last() == called + u" left: closed by its user"_s);
    }
    {
        // A window joined read-only is the rapporteur's (a script's is not): said, and listed
        // so to every seat.
        TestSeat rapporteur(u"laptop"_s);
        rapporteur.seat.setClient(sync::cockpitClient.toString());
        REQUIRE(joinAndWait(rapporteur, *host, host->seat.readOnlyCode()));
        REQUIRE(waitUntil([&] { return said.last().contains(u"laptop"_s); }));
        CHECK(said.last().endsWith(u"joined as the rapporteur, read-only."_s));
        REQUIRE(waitUntil([&] { return rapporteur.seat.peers().size() == 1; }));
        CHECK(rapporteur.seat.peers().first().isCockpit);
        CHECK(host->seat.peers().first().isCockpit);
        rapporteur.seat.stop();
        REQUIRE(waitUntil([&] { return said.last().contains(u"left"_s); }));
    }
    TestSeat online(u"online"_s);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode()));
    REQUIRE(waitUntil([&] { return said.last().contains(u"joined"_s); }));
    CHECK(said.last().endsWith(u"joined, with control."_s));
}

TEST_CASE("every link sends small frames at once: on the host and on the seat") {
    // Without TCP_NODELAY a seat's command could wait some 40 ms for the host's delayed
    // acknowledgement of the frame before it (Nagle's algorithm): moderators felt it.
    auto host = makeHost();
    REQUIRE(host);
    TestSeat online(u"online"_s);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode()));
    const auto seatSockets = online.seat.syncPeer()->findChildren<QSslSocket*>();
    const auto hostSockets = host->seat.syncHost()->findChildren<QSslSocket*>();
    REQUIRE(seatSockets.size() == 1);
    REQUIRE(hostSockets.size() == 1);
    CHECK(seatSockets.first()->socketOption(QAbstractSocket::LowDelayOption).toInt() == 1);
    CHECK(hostSockets.first()->socketOption(QAbstractSocket::LowDelayOption).toInt() == 1);
}

namespace {

// An address of this machine other than loopback (Qt never sends loopback through a proxy).
std::optional<QHostAddress> lanAddress() {
    for (const QHostAddress& a : QNetworkInterface::allAddresses()) {
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback() && !a.isLinkLocal())
            return a;
    }
    return std::nullopt;
}

struct ApplicationProxy {
    explicit ApplicationProxy(const QNetworkProxy& p) { QNetworkProxy::setApplicationProxy(p); }
    ~ApplicationProxy() { QNetworkProxy::setApplicationProxy(QNetworkProxy::DefaultProxy); }
};

} // namespace

TEST_CASE("seats on the LAN connect directly even when this computer is set up to use a proxy") {
    const auto lan = lanAddress();
    if (!lan)
        WARN("no address but loopback on this machine: the proxy is only checked to be unused");
    const QHostAddress at = lan.value_or(QHostAddress(QHostAddress::LocalHost));
    // A company laptop's proxy, unreachable from the venue (here: nothing listens there).
    const ApplicationProxy proxy(
        QNetworkProxy(QNetworkProxy::Socks5Proxy, u"127.0.0.1"_s, freePort()));
    auto host = std::make_unique<TestSeat>(u"in-room"_s);
    REQUIRE(host->engine.create(test::crowdPlan(4)));
    REQUIRE(host->seat.host(0, at));
    TestSeat online(u"online"_s);
    online.seat.join({at.toString(), host->seat.syncHost()->port()}, host->seat.controlCode());
    REQUIRE(waitUntil([&] { return online.live() && online.lastSeq() == host->lastSeq(); }));
    const auto sockets = online.seat.syncPeer()->findChildren<QSslSocket*>();
    REQUIRE(sockets.size() == 1);
    CHECK(sockets.first()->proxy().type() == QNetworkProxy::NoProxy);
}

namespace {

// One of the things either moderator does all session long; "next" and "end" carry the floor
// they expect, as the buttons do.
QPair<Action, QCborMap> randomCommand(const SessionState& s, QRandomGenerator& rng) {
    const qint64 floor = s.floor ? s.floor->entry.id : 0;
    switch (rng.bounded(7)) {
    case 0:
    case 1:
        return {Action::AddEntry, {{u"participant"_s, rng.bounded(2, 12)}}};
    case 2:
        return {Action::Next, {{u"expectFloor"_s, floor}}};
    case 3:
        return {Action::EndSpeech, {{u"expectFloor"_s, floor}}};
    case 4:
        return {Action::StartTimer, {{u"timer"_s, u"speaker"_s}}};
    case 5:
        return {Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, 1000}}};
    default:
        return {Action::SetStageMessage, {{u"text"_s, u"msg %1"_s.arg(rng.bounded(100))}}};
    }
}

Command commandOf(Action a, QCborMap args) {
    Command c;
    c.id = newCommandId();
    c.action = a;
    c.args = std::move(args);
    return c;
}

} // namespace

TEST_CASE("host, online moderator and rapporteur converge after 1,100 commands from both") {
    QSet<QString> pending; // before the host: its signals may still come while it stops
    int refusedRemote = 0; // before the host: its signals may still come while it stops
    auto host = makeHost();
    REQUIRE(host);
    TestSeat online(u"online"_s), rapporteur(u"rapporteur"_s);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode()));
    REQUIRE(joinAndWait(rapporteur, *host, host->seat.readOnlyCode()));
    QObject::connect(
        &online.engine, &SessionEngine::refused,
        [&](const QString& id, const QString&) { refusedRemote += pending.remove(id) ? 1 : 0; });
    QObject::connect(&online.engine, &SessionEngine::eventApplied,
                     [&](const Event& e, const SessionState&) { pending.remove(e.commandId); });
    QRandomGenerator rng(42);
    int sent = 0;
    for (int round = 0; round < 100; ++round) {
        for (int i = 0; i < 6; ++i) { // sent without waiting: they cross the host's own
            auto [a, args] = randomCommand(online.engine.state(), rng);
            Command c = commandOf(a, args);
            pending.insert(c.id);
            (void)online.engine.submit(c);
            ++sent;
        }
        for (int i = 0; i < 5; ++i) {
            auto [a, args] = randomCommand(host->engine.state(), rng);
            (void)host->engine.submit(commandOf(a, args));
            ++sent;
        }
        REQUIRE(waitUntil([&] { return pending.isEmpty(); }));
    }
    REQUIRE(waitUntil([&] {
        return online.lastSeq() == host->lastSeq() && rapporteur.lastSeq() == host->lastSeq();
    }));
    INFO("events " << host->lastSeq() << ", online refusals " << refusedRemote);
    CHECK(host->lastSeq() > 300); // many were accepted, not just refused
    CHECK(codec::digest(online.engine.state()) == codec::digest(host->engine.state()));
    CHECK(codec::digest(rapporteur.engine.state()) == codec::digest(host->engine.state()));
    CHECK(online.orderly);
    CHECK(rapporteur.orderly);
}

namespace {

// A moderator on another machine: its commands reach the host's socket while the host is busy,
// which one event loop for host and seat alike never lets happen.
class RemoteModerator : public QThread {
public:
    RemoteModerator(sync::Endpoint at, QString code, int commands)
        : m_at(std::move(at))
        , m_code(std::move(code))
        , m_commands(commands) {}
    std::atomic<int> applied{0};
    std::atomic<int> reconnects{-1};

protected:
    void run() override {
        TestSeat seat(u"remote"_s);
        seat.seat.join(m_at, m_code);
        if (!waitUntil([&] { return seat.live(); }))
            return;
        QObject::connect(&seat.engine, &SessionEngine::eventApplied,
                         [&](const Event& e, const SessionState&) {
                             applied += e.author == u"remote"_s ? 1 : 0;
                         });
        for (int sent = 0; sent < m_commands; ++sent) {
            (void)seat.engine.submit(stageMessage(u"r%1"_s.arg(sent)));
            // a few commands in flight at once, as a quick hand gives them
            if (!waitUntil([&] { return sent - applied < 3; }))
                return;
        }
        waitUntil([&] { return applied == m_commands; });
        reconnects = seat.seat.syncPeer()->reconnects();
    }

private:
    sync::Endpoint m_at;
    QString m_code;
    int m_commands;
};

} // namespace

TEST_CASE("a command that reaches the host while it sends out an event is sequenced after it "
          "has reached every seat") {
    auto host = makeHost();
    REQUIRE(host);
    TestSeat online(u"online"_s), rapporteur(u"rapporteur"_s);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode()));
    REQUIRE(joinAndWait(rapporteur, *host, host->seat.readOnlyCode()));
    RemoteModerator remote(endpointOf(*host), host->seat.controlCode(), 600);
    remote.start();
    REQUIRE(waitUntil([&] { return remote.isFinished(); }, 120000));
    REQUIRE(remote.applied == 600);
    REQUIRE(waitUntil([&] {
        return online.lastSeq() == host->lastSeq() && rapporteur.lastSeq() == host->lastSeq();
    }));
    // a seat that saw a gap would have dropped its link and resumed: none may have had to
    CHECK(remote.reconnects == 0);
    CHECK(online.seat.syncPeer()->reconnects() == 0);
    CHECK(rapporteur.seat.syncPeer()->reconnects() == 0);
    CHECK(gaplessAndUnique(online.appliedSeqs));
    CHECK(gaplessAndUnique(rapporteur.appliedSeqs));
}

TEST_CASE("both moderators press next at once: one speaker is called, the other is told why") {
    QString reason; // before the host: its signals may still come while it stops
    auto host = makeHost();
    REQUIRE(host);
    TestSeat online(u"online"_s);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode()));
    REQUIRE(submitAndWait(*host, Action::AddEntry, {{u"participant"_s, 3}}));
    REQUIRE(submitAndWait(*host, Action::AddEntry, {{u"participant"_s, 4}}));
    REQUIRE(waitUntil([&] { return online.lastSeq() == host->lastSeq(); }));
    const qint64 before = host->lastSeq();
    QObject::connect(&online.engine, &SessionEngine::refused,
                     [&](const QString&, const QString& why) { reason = why; });
    // the online moderator's "next" is on the wire when the host presses its own
    (void)online.engine.submit(commandOf(Action::Next, {{u"expectFloor"_s, 0}}));
    REQUIRE(host->engine.submit(commandOf(Action::Next, {{u"expectFloor"_s, 0}})));
    REQUIRE(waitUntil([&] { return !reason.isEmpty(); }));
    CHECK(reason.contains(u"floor changed"_s));
    CHECK(host->lastSeq() == before + 1); // one call, not two: nobody was skipped
    REQUIRE(waitUntil([&] { return online.lastSeq() == host->lastSeq(); }));
    CHECK(online.engine.state().floor->entry.participantId == 3);
}

TEST_CASE("a read-only seat's commands are refused by the host") {
    auto host = makeHost();
    REQUIRE(host);
    TestSeat rapporteur(u"rapporteur"_s);
    REQUIRE(joinAndWait(rapporteur, *host, host->seat.readOnlyCode()));
    const qint64 before = host->lastSeq();
    auto r = submitAndWait(rapporteur, Action::AddEntry, {{u"participant"_s, 3}});
    REQUIRE_FALSE(r);
    CHECK(r.error().contains(u"read-only"_s));
    // a client that claims more than its code granted gets the same answer
    RawClient raw(host->seat.syncHost()->port(), host->seat.readOnlyCode());
    REQUIRE(raw.waitEncrypted());
    raw.write(helloFrame());
    const Command c = commandOf(Action::AddEntry, {{u"participant"_s, 3}});
    raw.write(
        sync::encodeFrame(sync::message(sync::MsgType::Command, {{u"command"_s, c.toCbor()}})));
    REQUIRE(waitUntil([&] { return raw.received().contains(c.id.toUtf8()); }));
    CHECK(raw.received().contains("This seat is read-only."));
    CHECK(host->lastSeq() == before);
}

// Only the host's own voting page names a phone's ballot: one named by a seat would show a phone,
// once the page reads the log back, a vote it never cast.
TEST_CASE("a seat's tally that names a phone's ballot is refused by the host") {
    auto host = makeHost();
    REQUIRE(host);
    TestSeat online(u"online"_s);
    REQUIRE(joinAndWait(online, *host, host->seat.controlCode()));
    const auto created = host->engine.submit(
        commandOf(Action::CreatePoll,
                  {{u"question"_s, u"Ready?"_s}, {u"options"_s, QCborArray{u"Yes"_s, u"No"_s}}}));
    REQUIRE(created);
    const Id poll = created->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
    REQUIRE(submitAndWait(*host, Action::OpenPoll, {{u"poll"_s, poll}}));
    REQUIRE(waitUntil([&] { return online.lastSeq() == host->lastSeq(); }));
    const QCborMap tally{
        {u"poll"_s, poll}, {u"option"_s, 0}, {u"source"_s, u"web"_s}, {u"count"_s, 1}};
    QCborMap withBallot = tally;
    withBallot[u"ballot"_s] = QString(32, u'a');
    auto refused = submitAndWait(online, Action::SetTally, withBallot);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().contains(u"Only the host's voting page counts phones' votes"_s));
    CHECK(submitAndWait(online, Action::SetTally, tally)); // the figure typed in is taken
}

TEST_CASE("a session hosted hundreds of times can still be joined") {
    TestSeat host(u"in-room"_s);
    REQUIRE(host.engine.create(test::crowdPlan(12)));
    QMap<qint32, QString> sequencers; // each hosting (restart, takeover) adds one
    for (qint32 epoch = 1; epoch <= 400; ++epoch)
        sequencers.insert(epoch, QUuid::createUuid().toString(QUuid::WithoutBraces));
    REQUIRE(host.seat.log().setSequencers(sequencers));
    REQUIRE(host.seat.host(0, QHostAddress::LocalHost));
    TestSeat rapporteur(u"rapporteur"_s);
    CHECK(joinAndWait(rapporteur, host, host.seat.readOnlyCode()));
}

TEST_CASE("a port where no Podium host answers is called that, not a wrong join code") {
    QTcpServer web; // a web server, say, on the port typed
    REQUIRE(web.listen(QHostAddress::LocalHost));
    QObject::connect(&web, &QTcpServer::newConnection, [&] {
        QTcpSocket* s = web.nextPendingConnection();
        s->write("HTTP/1.0 400 Bad Request\r\n\r\n");
        s->disconnectFromHost();
    });
    QString failure;
    TestSeat seat(u"rapporteur"_s);
    QObject::connect(&seat.seat, &sync::Seat::failed, [&](const QString& w) { failure = w; });
    seat.seat.join({u"127.0.0.1"_s, web.serverPort()}, sync::generateJoinCode());
    REQUIRE(waitUntil([&] { return !failure.isEmpty(); }));
    CHECK(
        failure.contains(u"127.0.0.1:%1 did not answer as a Podium host"_s.arg(web.serverPort())));
    CHECK_FALSE(failure.contains(u"join code"_s));
}

TEST_CASE("a wrong join code is refused on both sides, with a reason") {
    QStringList dropped; // before the host: its signals may still come while it stops
    QString failure;     // before the host: its signals may still come while it stops
    auto host = makeHost();
    REQUIRE(host);
    QObject::connect(host->seat.syncHost(), &sync::SyncHost::peerDropped,
                     [&](const QString&, const QString& why) { dropped << why; });
    TestSeat intruder(u"intruder"_s);
    QObject::connect(&intruder.seat, &sync::Seat::failed, [&](const QString& w) { failure = w; });
    intruder.seat.join(endpointOf(*host), sync::generateJoinCode());
    REQUIRE(waitUntil([&] { return !failure.isEmpty() && !dropped.isEmpty(); }));
    CHECK(failure.contains(u"did not accept this join code"_s));
    CHECK(dropped.first().contains(u"wrong join code"_s));
    CHECK(host->seat.peers().isEmpty());
    CHECK(intruder.engine.state().sessionId.isEmpty()); // nothing of the session arrived
}

TEST_CASE("incompatible versions get a clear message on the host") {
    QStringList dropped;
    auto host = makeHost();
    REQUIRE(host);
    QObject::connect(host->seat.syncHost(), &sync::SyncHost::peerDropped,
                     [&](const QString&, const QString& why) { dropped << why; });
    RawClient raw(host->seat.syncHost()->port(), host->seat.controlCode());
    REQUIRE(raw.waitEncrypted());
    raw.write(helloFrame(99, u"9.9.9"_s));
    REQUIRE(raw.waitClosed());
    REQUIRE(raw.received().size() > 4);
    const auto error =
        sync::decodeMessage(raw.received().mid(4, lengthOfFirstFrame(raw.received())));
    REQUIRE(error);
    CHECK(error->is(sync::MsgType::Error));
    CHECK(error->body.value(u"code"_s).toString() == sync::errc::incompatibleVersion);
    CHECK(error->body.value(u"proto"_s).toInteger() == sync::protocolVersion);
    REQUIRE(waitUntil([&] { return !dropped.isEmpty(); }));
    CHECK(dropped.first().contains(u"Incompatible versions"_s));
    CHECK(dropped.first().contains(u"99 (Podium 9.9.9)"_s)); // both sides' versions
    CHECK(host->seat.peers().isEmpty());

    // Any holder of a code may send any "version": shown on one line, printable, kept short.
    RawClient odd(host->seat.syncHost()->port(), host->seat.controlCode());
    REQUIRE(odd.waitEncrypted());
    odd.write(helloFrame(99, u"9.9\n\u202Egnp.exe\u202C"_s + QString(500, u'9')));
    REQUIRE(odd.waitClosed());
    REQUIRE(waitUntil([&] { return dropped.size() == 2; }));
    CHECK_FALSE(dropped.last().contains(u'\n'));
    CHECK_FALSE(dropped.last().contains(QChar(0x202E)));
    CHECK(dropped.last().size() < 300);
}

namespace {

// A host of a future Podium whose sync protocol this build cannot speak: it admits the join
// code like any host, then answers the hello as host_handshake.cpp answers a version it
// cannot talk to.
class FutureHost {
public:
    explicit FutureHost(int proto)
        : m_proto(proto) {
        m_server.onIncoming = [this](qintptr d) {
            accept(d);
        };
        m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    const QString& code() const { return m_code; }
    const QByteArray& salt() const { return m_salt; }
    int connections() const { return m_connections; }

private:
    void accept(qintptr descriptor) {
        ++m_connections;
        auto* socket = new QSslSocket;
        socket->setSocketDescriptor(descriptor);
        QSslConfiguration config = sync::pskConfiguration();
        config.setPreSharedKeyIdentityHint(sync::identityHint(m_salt));
        socket->setSslConfiguration(config);
        QObject::connect(socket, &QSslSocket::preSharedKeyAuthenticationRequired,
                         [this](QSslPreSharedKeyAuthenticator* auth) {
                             auth->setPreSharedKey(sync::deriveKey(m_code, m_salt));
                         });
        auto* link = new sync::Link(socket, m_clock, sync::maxFrameFromPeer, &m_links);
        QObject::connect(link, &sync::Link::messageReceived, [this, link](const sync::Message&) {
            link->send(
                sync::message(sync::MsgType::Error, {{u"code"_s, sync::errc::incompatibleVersion},
                                                     {u"text"_s, u"Incompatible versions"_s},
                                                     {u"proto"_s, m_proto},
                                                     {u"app"_s, u"9.0.0"_s}}));
            link->close(u"incompatible"_s);
        });
        socket->startServerEncryption();
    }

    int m_proto;
    SystemClock m_clock;
    QObject m_links;
    sync::TcpListener m_server;
    QString m_code = sync::generateJoinCode();
    QByteArray m_salt = sync::generateSalt();
    int m_connections = 0;
};

} // namespace

TEST_CASE("a seat joining a host of an incompatible version is told so, and does not retry") {
    FutureHost host(99);
    REQUIRE(host.port() != 0);
    TestSeat seat(u"online"_s);
    QString failure;
    QObject::connect(&seat.seat, &sync::Seat::failed, [&](const QString& w) { failure = w; });
    seat.seat.join({u"127.0.0.1"_s, host.port()}, host.code());
    REQUIRE(waitUntil([&] { return !failure.isEmpty(); }));
    INFO(failure.toStdString());
    CHECK(failure.contains(u"Incompatible versions"_s));
    CHECK(failure.contains(u"sync protocol %1"_s.arg(sync::protocolVersion)));
    CHECK(failure.contains(u"the host speaks 99 (Podium 9.0.0)"_s));
    CHECK(failure.contains(u"Update one of them"_s));
    CHECK(seat.seat.syncPeer()->state() == sync::SyncPeer::State::Failed);
    CHECK(seat.seat.syncPeer()->reconnects() == 0);
    CHECK(host.connections() == 1);
    CHECK(seat.engine.state().sessionId.isEmpty());
}

// A host that hears another announce it leads the session asks it first; one of another version
// was said not to hold the session's codes, which sent the moderator looking for a leak.
TEST_CASE("a host of another version that holds the codes is told apart from one that does not") {
    FutureHost other(99);
    REQUIRE(other.port() != 0);
    SystemClock clock;
    const auto probe = [&](const QString& code) {
        std::optional<sync::HostProbe::Outcome> outcome;
        sync::HostProbe p({u"127.0.0.1"_s, other.port()}, other.salt(),
                          sync::deriveKey(code, other.salt()), u"session"_s, clock);
        QObject::connect(
            &p, &sync::HostProbe::finished,
            [&](sync::HostProbe::Outcome o, const sync::HostProbe::Answer&) { outcome = o; });
        (void)waitUntil([&] { return outcome.has_value(); }, 10000);
        return outcome;
    };
    CHECK(probe(other.code()) == sync::HostProbe::Outcome::Incompatible);
    CHECK(probe(sync::generateJoinCode()) == sync::HostProbe::Outcome::Refused);
}
