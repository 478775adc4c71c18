#include "seat.h"

#include "join_code.h"
#include "lineage.h"
#include "sync_log.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace podium::sync {

Seat::Seat(SessionEngine& engine, const Clock& base, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_base(base)
    , m_instance(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    m_engine.setJournal(&m_log);
}

Seat::~Seat() {
    halt();
    m_engine.setJournal(nullptr);
}

Result<bool> Seat::host(quint16 port, const QHostAddress& address, const JoinCodes& codes) {
    stop();
    m_codes = codes;
    return startHost(address, port, HostKeys::fromCodes(codes.control, codes.readOnly, codes.salt));
}

Result<bool> Seat::startHost(const QHostAddress& address, quint16 port, const HostKeys& keys) {
    m_host = std::make_unique<SyncHost>(m_engine, m_log, m_base);
    m_host->setInstance(m_instance, m_name);
    connect(m_host.get(), &SyncHost::peersChanged, this, &Seat::peersChanged);
    connect(m_host.get(), &SyncHost::peerDropped, this,
            [this](const QString& who, const QString& why) {
                emit statusChanged(tr("%1 left: %2").arg(who, why));
            });
    connect(m_host.get(), &SyncHost::staleDetected, this, [this] {
        emit failed(tr("Another seat has taken over hosting this session. Join it instead."));
    });
    if (auto ok = m_host->listen(address, port, keys); !ok) {
        m_host.reset();
        return ok;
    }
    m_engine.setAuthority(Authority::Moderator);
    setMode(Mode::Hosting);
    return true;
}

void Seat::join(const Endpoint& endpoint, const QString& code, quint16 takeoverPort) {
    stop();
    m_peer = std::make_unique<SyncPeer>(m_engine, m_log, m_base);
    m_peer->setIdentity(m_instance, m_name);
    m_peer->setTakeoverPort(takeoverPort ? takeoverPort : endpoint.port);
    connect(m_peer.get(), &SyncPeer::peersChanged, this, &Seat::peersChanged);
    connect(m_peer.get(), &SyncPeer::orphaned, this, &Seat::orphaned);
    connect(m_peer.get(), &SyncPeer::failed, this, &Seat::failed);
    connect(m_peer.get(), &SyncPeer::stateChanged, this,
            [this](SyncPeer::State s, const QString& detail) {
                // Marked for translation; kept lowercase, as scripts read them after "status: ".
                static const char* names[] = {QT_TR_NOOP("not connected"), QT_TR_NOOP("connecting"),
                                              QT_TR_NOOP("catching up"),   QT_TR_NOOP("connected"),
                                              QT_TR_NOOP("reconnecting"),  QT_TR_NOOP("failed")};
                emit statusChanged(tr(names[int(s)]) +
                                   (detail.isEmpty() ? QString() : u": "_s + detail));
            });
    setMode(Mode::Joined);
    m_peer->join(endpoint, code);
}

bool Seat::canTakeOver() const {
    return m_peer && m_peer->role() != Authority::ReadOnly &&
           !m_peer->keysForTakeover().readOnlyKey.isEmpty() &&
           m_peer->state() != SyncPeer::State::Live;
}

Result<bool> Seat::takeOver(quint16 port, const QHostAddress& address) {
    if (!canTakeOver())
        return Result<bool>::failure(
            tr("Only a seat with control that has lost its host can take over hosting."));
    const HostKeys keys = m_peer->keysForTakeover();
    m_codes = {}; // this seat hosts with the keys it was given, never with codes of its own
    m_peer->leave();
    m_peer.reset();
    qCInfo(lcSync) << "taking over hosting on port" << port;
    return startHost(address, port, keys);
}

void Seat::stop() {
    const bool wasJoined = m_peer != nullptr;
    halt();
    if (wasJoined)
        workAlone();
}

// What this seat does alone after leaving a host is not the host's: it gets a sequencer of its
// own, one epoch up, so that rejoining reports it as orphans instead of taking it for the
// host's events of the same seqs. (Nothing is written until an event is.)
void Seat::workAlone() {
    SessionState s = m_engine.state();
    if (s.sessionId.isEmpty())
        return;
    const qint32 epoch = qMax(s.epoch, m_log.lastEpoch()) + 1;
    const QString id = localSequencerPrefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (auto ok = m_log.setSequencers({{epoch, id}}); !ok) {
        emit failed(ok.error());
        return;
    }
    s.epoch = epoch;
    m_engine.reset(s);
}

void Seat::halt() {
    m_beacon.stop();
    if (m_host)
        m_host->stop(u"the host stopped"_s);
    m_host.reset();
    if (m_peer)
        m_peer->leave();
    m_peer.reset();
    setMode(Mode::Alone);
}

QList<PeerInfo> Seat::peers() const {
    if (m_host)
        return m_host->peers();
    return m_peer ? m_peer->peers() : QList<PeerInfo>{};
}

void Seat::announce(const QHostAddress& to, quint16 port) {
    if (!m_host)
        return;
    const SessionState& s = m_engine.state();
    m_beacon.start({s.info.title, s.sessionId, m_host->epoch(), m_host->port(), {}}, to, port);
}

void Seat::setMode(Mode m) {
    if (m == m_mode)
        return;
    m_mode = m;
    emit modeChanged(m);
}

} // namespace podium::sync
