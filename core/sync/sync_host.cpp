#include "sync_host.h"

#include "join_code.h"
#include "lineage.h"
#include "sync_log.h"

#include <QNetworkProxy>
#include <QSslPreSharedKeyAuthenticator>
#include <QUuid>
#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSync, "podium.sync")

namespace podium::sync {
HostKeys HostKeys::fromCodes(const QString& controlCode, const QString& readOnlyCode,
                             const QByteArray& salt) {
    return {salt, deriveKey(controlCode, salt), deriveKey(readOnlyCode, salt), readOnlyCode};
}

SyncHost::SyncHost(SessionEngine& engine, ReplicaLog& log, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_log(log)
    , m_clock(clock)
    , m_instance(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    m_server.onIncoming = [this](qintptr d) {
        accept(d);
    };
    connect(&m_engine, &SessionEngine::eventApplied, this,
            [this](const Event& e, const SessionState&) { broadcast(e); });
    // Latencies move with the heartbeats, but the list went out only when a seat came or went:
    // every seat showed the first figure (or none) for the whole session.
    m_peersRefresh.setInterval(peersRefreshMs);
    connect(&m_peersRefresh, &QTimer::timeout, this, [this] {
        if (m_peers.isEmpty())
            return;
        broadcastPeers();
        emit peersChanged();
    });
    m_peersRefresh.start();
}

SyncHost::~SyncHost() {
    stop(QString::fromUtf16(hostStoppedReason));
}

void SyncHost::setInstance(const QString& id, const QString& name) {
    m_instance = id;
    m_name = name;
}

Result<bool> SyncHost::listen(const QHostAddress& address, quint16 port, const HostKeys& keys) {
    m_keys = keys;
    m_stopping = false;
    // The seats are on the same LAN: a proxy the laptop is set up to use (a company's, often
    // from the environment) would carry the connection away from the venue and it would never
    // arrive. Every sync socket goes direct.
    m_server.setProxy(QNetworkProxy::NoProxy);
    if (!m_server.listen(address, port)) {
        // The system's words ("The bound address is already in use") named no way out.
        const QString why = m_server.serverError() == QAbstractSocket::AddressInUseError
                                ? tr("another program on this laptop uses it (another Podium, "
                                     "perhaps); choose another port, or stop that program")
                                : m_server.errorString();
        return Result<bool>::failure(tr("Cannot host on port %1: %2.").arg(port).arg(why));
    }
    // Every start of hosting (a restart, a takeover) opens a new epoch, so two hosts never
    // stamp different events with the same (epoch, seq): above every epoch this seat heard of.
    // A seat that resumed by events after its host restarted knew that host's new epoch only
    // from the welcome; taking over, it opened the same one and then took a seat holding an
    // event of it for a stale host.
    m_epoch = std::max({m_engine.state().epoch, m_log.lastEpoch(),
                        m_log.sequencers().isEmpty() ? 0 : m_log.sequencers().lastKey()}) +
              1;
    m_sequencer = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_startedAfter = runsSinceLastEvent(m_log);
    if (auto recorded = m_log.setSequencers({{m_epoch, m_sequencer}}); !recorded) {
        m_server.close();
        return recorded;
    }
    restoreEpoch();
    // QHostAddress::Any reads "0.0.0.0", though it listens on IPv6 as well.
    qCInfo(lcSync) << "hosting on"
                   << (address == QHostAddress::Any ? u"every address"_s : address.toString())
                   << m_server.serverPort() << "epoch" << m_epoch;
    return true;
}

void SyncHost::stop(const QString& reason) {
    // The seats closed last must still hear of every takeover address: no shrinking peer
    // lists while they go.
    m_stopping = true;
    m_server.close();
    const auto links = m_peers.keys();
    for (Link* link : links)
        link->close(reason);
}

// New events must carry this host's epoch; events filled in from the previous host's
// lineage put the state's epoch back, so it is raised again after them.
void SyncHost::restoreEpoch() {
    if (m_engine.state().epoch == m_epoch)
        return;
    SessionState s = m_engine.state();
    s.epoch = m_epoch;
    m_engine.reset(s);
}

HostRank SyncHost::rank() const {
    // A script's one command is no seat that follows this host (it tipped which host led).
    const QList<PeerInfo> seats = peers();
    const auto following =
        std::count_if(seats.cbegin(), seats.cend(), [](const PeerInfo& p) { return !p.isCtl; });
    return {int(following),    m_epoch,        m_log.lastSeq(), m_sequencer,
            m_log.lastEpoch(), m_startedAfter, m_tookOver};
}

QList<PeerInfo> SyncHost::peers() const {
    QList<PeerInfo> list;
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (!it->welcomed)
            continue;
        PeerInfo p = it->info;
        p.rttMs = it.key()->lastRttMs();
        list.append(p);
    }
    // In one order at every refresh: seats with control first, then the rapporteur's window, then
    // by name (the links' own order changed at each reconnect, and the list shuffled under the
    // moderator's eyes).
    std::sort(list.begin(), list.end(), [](const PeerInfo& a, const PeerInfo& b) {
        return std::tuple(a.role, !a.isCockpit, a.name, a.instance) <
               std::tuple(b.role, !b.isCockpit, b.name, b.instance);
    });
    return list;
}

void SyncHost::accept(qintptr descriptor) {
    auto* socket = new QSslSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    makeRoomToJoin();
    QSslConfiguration config = pskConfiguration();
    config.setPreSharedKeyIdentityHint(identityHint(m_keys.salt));
    socket->setSslConfiguration(config);
    connect(socket, &QSslSocket::preSharedKeyAuthenticationRequired, this,
            [this, socket](QSslPreSharedKeyAuthenticator* auth) {
                if (auth->identity() == identityFor(m_keys.controlKey)) {
                    socket->setProperty(roleProperty, int(Authority::OnlineModerator));
                    auth->setPreSharedKey(m_keys.controlKey);
                } else if (auth->identity() == identityFor(m_keys.readOnlyKey)) {
                    socket->setProperty(roleProperty, int(Authority::ReadOnly));
                    auth->setPreSharedKey(m_keys.readOnlyKey);
                } // else: no key, the handshake fails: a wrong or outdated join code
            });
    auto* link = new Link(socket, m_clock, maxFrameFromPeer, this);
    link->setRateLimit(1000);
    Peer joining;
    joining.arrival = ++m_arrivals;
    m_peers.insert(link, joining);
    connect(link, &Link::messageReceived, this,
            [this, link](const Message& m) { onMessage(link, m); });
    connect(link, &Link::closed, this, [this, link](const QString& reason) {
        if (m_peers.value(link).probe) { // answered: no seat came or went
            m_peers.remove(link);
            link->deleteLater();
            return;
        }
        QString why = reason;
        if (!m_peers.value(link).welcomed && !link->socket()->property(roleProperty).isValid())
            // A failed handshake is a wrong code or not a Podium seat; the TLS library's words
            // for it ("psk identity not found") stay in the log.
            why = link->socket()->isEncrypted() || !reason.contains(u"SSL"_s)
                      ? u"not admitted: "_s + reason
                      : u"a seat was not admitted: a wrong join code, or not a Podium seat"_s;
        const bool wasWelcomed = m_peers.value(link).welcomed;
        if (const Peer gone = m_peers.value(link); gone.fillExpected)
            announceFill(gone); // what came before the link was lost is in the session
        const QString who = seatCalled(link);
        const PeerInfo seat = m_peers.value(link).info;
        m_peers.remove(link);
        link->deleteLater();
        if (!seat.isCtl)
            emit peerDropped(who, why);
        if (wasWelcomed && !m_stopping) {
            emit seatLeft(seat, why);
            broadcastPeers();
            emit peersChanged();
        }
    });
    socket->startServerEncryption();
}

// A flood of connections that never finish their handshake must not hold the host's memory, nor
// keep seats out: the oldest still joining makes room, since a seat's own handshake takes
// milliseconds, and a connection that has been joining longest is the least likely to be one.
void SyncHost::makeRoomToJoin() {
    Link* oldest = nullptr;
    qint64 oldestArrival = 0;
    int joining = 0;
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (it->welcomed)
            continue;
        ++joining;
        if (!oldest || it->arrival < oldestArrival) {
            oldest = it.key();
            oldestArrival = it->arrival;
        }
    }
    if (joining >= maxJoiningConnections)
        oldest->close(u"closed to make room: %1 connections were still joining"_s.arg(joining));
}

// As this host's moderator is told of a seat: by the name it gave (its machine's), and where it
// is. The same seat was "vm" in one line and "127.0.0.1:36802" in the next.
QString SyncHost::seatCalled(Link* link) const {
    const Peer peer = m_peers.value(link);
    // Not admitted yet, it gave no name. (With its port: two seats may share a machine.)
    return peer.welcomed ? seatCalled(peer.info.name, link->peerName()) : link->peerName();
}

QString SyncHost::seatCalled(const QString& name, const QString& where) {
    return name.isEmpty() ? where : tr("%1 (%2)").arg(name, where);
}

void SyncHost::drop(Link* link, const QString& reason) {
    link->close(reason);
}

void SyncHost::broadcast(const Event& event) {
    if (m_peers.isEmpty())
        return;
    const QByteArray frame =
        encodeFrame(message(MsgType::Events, {{u"events"_s, QCborArray{event.toCbor()}}}));
    // The moderators act on events, while displays and the rapporteur only show them: control
    // seats get each event first, so fifty read-only screens never delay them. Sending can close
    // a link (and so change m_peers): the seats are listed first.
    QList<Link*> control, readOnly;
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (it->welcomed)
            (it->role == Authority::ReadOnly ? readOnly : control).append(it.key());
    }
    for (const QList<Link*>& seats : {control, readOnly}) {
        for (Link* link : seats) {
            if (m_peers.contains(link))
                link->sendNow(frame);
        }
    }
}

void SyncHost::broadcastPeers() {
    QCborArray list;
    for (const PeerInfo& p : peers())
        list.append(p.toCbor());
    for (auto it = m_peers.cbegin(); it != m_peers.cend(); ++it) {
        if (it->welcomed)
            it.key()->send(message(MsgType::Peers, {{u"peers"_s, list}}));
    }
}

} // namespace podium::sync
