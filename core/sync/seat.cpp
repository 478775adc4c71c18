#include "seat.h"

#include "host_probe.h"
#include "join_code.h"
#include "lineage.h"
#include "sync_log.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {
constexpr qint64 doubtForMs = 60'000; // an address that misled is not probed again for this long
} // namespace

Seat::Seat(SessionEngine& engine, const Clock& base, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_base(base)
    , m_instance(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    m_engine.setJournal(&m_log);
}

Seat::~Seat() {
    // Closing: no view is left to tell of commands the host never answered (telling one crashed
    // the window being destroyed).
    if (m_peer)
        m_peer->dropUnanswered();
    halt();
    m_engine.setJournal(nullptr);
    m_engine.setClock(m_base); // the session's time goes with this seat
}

void Seat::setDurableJournal(DurableJournal* journal) {
    m_log.setDurable(journal);
    m_sessionTime.setOffset(m_log.clockOffset());
}

Result<bool> Seat::host(quint16 port, const QHostAddress& address, const JoinCodes& codes) {
    stop();
    m_codes = codes;
    // A laptop that took over and crashed hosts again as what it was then.
    m_hostedAs = m_log.hostingRecorded() ? m_log.hostedAs() : Authority::Moderator;
    return startHost(address, port, HostKeys::fromCodes(codes.control, codes.readOnly, codes.salt));
}

Result<bool> Seat::startHost(const QHostAddress& address, quint16 port, const HostKeys& keys) {
    if (auto ok = listenAsHost(address, port, keys); !ok)
        return ok;
    beginHosting();
    return true;
}

// Nothing of the seat changes when the port cannot be had.
Result<bool> Seat::listenAsHost(const QHostAddress& address, quint16 port, const HostKeys& keys) {
    m_host = std::make_unique<SyncHost>(m_engine, m_log, m_sessionTime);
    m_host->setInstance(m_instance, m_name);
    connect(m_host.get(), &SyncHost::peersChanged, this, &Seat::peersChanged);
    connect(m_host.get(), &SyncHost::seatLeft, this, &Seat::seatLeft);
    connect(m_host.get(), &SyncHost::peerDropped, this,
            [this](const QString& who, const QString& why) {
                emit statusChanged(tr("%1 left: %2").arg(who, why));
            });
    // Said as well, so that the last seat to leave is not the news long after it came back.
    connect(m_host.get(), &SyncHost::peerAdmitted, this,
            [this](const QString& who, const PeerInfo& seat) {
                emit seatJoined(seat);
                if (seat.isCtl)
                    return; // a script's one command: its coming and going is no news
                if (seat.role != Authority::ReadOnly)
                    emit statusChanged(tr("%1 joined, with control.").arg(who));
                else if (seat.isCockpit)
                    emit statusChanged(tr("%1 joined as the rapporteur, read-only.").arg(who));
                else
                    emit statusChanged(tr("%1 joined, read-only.").arg(who));
            });
    // The session changed under this host's moderator: say why.
    connect(m_host.get(), &SyncHost::filledFromPeer, this, [this](const QString& who, int count) {
        emit statusChanged(tr("%1 brought %2 action(s) the previous host had taken before it "
                              "went: they are in the session now.")
                               .arg(who)
                               .arg(count));
    });
    connect(m_host.get(), &SyncHost::peerHadOrphans, this, [this](const QString& who, int count) {
        emit statusChanged(tr("%1 came back with %2 action(s) that never reached this session "
                              "(taken while the two were apart): not merged; that seat shows "
                              "them, to redo what still matters.")
                               .arg(who)
                               .arg(count));
    });
    connect(m_host.get(), &SyncHost::staleDetected, this, [this] {
        emit failed(tr("Another seat has taken over hosting this session. Join it instead."));
    });
    if (auto ok = m_host->listen(address, port, keys); !ok) {
        m_host.reset();
        return ok;
    }
    return true;
}

void Seat::beginHosting() {
    m_engine.setClock(m_sessionTime);
    m_engine.setAuthority(Authority::Moderator);
    setMode(Mode::Hosting);
    // A host that started anew (or took over knowing both codes) keeps them, and its port, for a
    // restart.
    if (m_codes.isValid()) {
        if (auto kept =
                m_log.recordHosting(m_codes, m_host->port(), m_sessionTime.offset(), m_hostedAs);
            !kept)
            emit statusChanged(
                tr("Hosting, but the codes could not be kept for a restart: %1").arg(kept.error()));
    }
}

// A seat that hosted this session (until now, or when its last run ended) joins as one that gave
// way: what it has beyond the host's log is its own run's, nobody else's, so it is shown on this
// seat as orphans and never taken for a sign that the host it joins is the stale one.
void Seat::join(const Endpoint& endpoint, const QString& code, quint16 takeoverPort) {
    const bool hosted = m_mode == Mode::Hosting || m_log.hostingRecorded();
    const bool gaveWay = hosted || std::exchange(m_hostedBefore, false);
    const Authority wanted = m_mode == Mode::Hosting   ? m_hostedAs
                             : m_log.hostingRecorded() ? m_log.hostedAs()
                                                       : m_wantedRole;
    stop();
    m_peer = std::make_unique<SyncPeer>(m_engine, m_log, m_base);
    // Its hosting is over once a host of this session has it (a crash must not make it host
    // again); not before: a mistyped address or code would have lost the codes the other seats
    // are still trying with.
    if (m_log.hostingRecorded()) {
        connect(m_peer.get(), &SyncPeer::synced, this, [this] {
            if (!m_log.hostingRecorded())
                return;
            if (auto forgotten = m_log.forgetHosting(); !forgotten)
                emit statusChanged(forgotten.error());
        });
    }
    m_peer->setIdentity(m_instance, m_name, m_client);
    m_peer->setTakeoverPort(takeoverPort ? takeoverPort : endpoint.port);
    connect(m_peer.get(), &SyncPeer::peersChanged, this, &Seat::peersChanged);
    connect(m_peer.get(), &SyncPeer::synced, this,
            [this] { emit hostReached(m_peer->currentHost()); });
    connect(m_peer.get(), &SyncPeer::orphaned, this, &Seat::orphaned);
    connect(m_peer.get(), &SyncPeer::hostsAnotherSession, this, &Seat::hostsAnotherSession);
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
    m_peer->setGaveWay(gaveWay); // before its hello
    // A seat that hosted comes back as what it was when it began: the in-room moderator's laptop
    // with the room's powers again, the online moderator's (which took over) without them.
    m_peer->setWantedRole(wanted, hosted ? QString() : m_wantedFor);
    setMode(Mode::Joined);
    m_peer->join(endpoint, code);
}

bool Seat::canTakeOver() const {
    return m_peer && m_peer->role() != Authority::ReadOnly &&
           !m_peer->keysForTakeover().readOnlyKey.isEmpty() &&
           m_peer->state() != SyncPeer::State::Live && !m_peer->troubleIsThisSeat();
}

Result<bool> Seat::takeOver(quint16 port, const QHostAddress& address) {
    if (!canTakeOver())
        return Result<bool>::failure(
            tr("Only a seat with control that has lost its host can take over hosting."));
    const HostKeys keys = m_peer->keysForTakeover();
    // The same codes go on working: this seat's own, and the read-only one if the host told it.
    const JoinCodes codesBefore =
        std::exchange(m_codes, {groupedJoinCode(m_peer->code()).value_or(QString()),
                                keys.readOnlyCode, keys.salt});
    qCInfo(lcSync) << "taking over hosting on port" << port;
    m_sessionTime.setOffset(m_peer->clockOffsetMs());
    // The port is had before the host is let go: on one another program holds, this seat goes on
    // following (and trying) the host, and the moderator may take over on another port.
    if (auto listening = listenAsHost(address, port, keys); !listening) {
        m_codes = codesBefore;
        return listening;
    }
    m_hostedAs = m_peer->role();
    m_peer->leave();
    m_host->setTookOver(true);
    beginHosting();
    m_peer.reset(); // once hosting: whoever hears of it meanwhile finds no seat without a link
    return true;
}

// Alone, the seat goes on in the session's time: the host's it followed, or its own as host.
void Seat::stop(const QString& toSeats) {
    const bool wasJoined = m_peer != nullptr;
    if (wasJoined)
        m_sessionTime.setOffset(m_peer->clockOffsetMs());
    halt(toSeats);
    m_engine.setClock(m_sessionTime);
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
    if (auto ok = m_log.setSequencers({{epoch, newLocalSequencer()}}); !ok) {
        emit failed(ok.error());
        return;
    }
    s.epoch = epoch;
    m_engine.reset(s);
}

void Seat::halt(const QString& toSeats) {
    m_beacon.stop();
    m_rivals.reset();
    delete m_probe;
    m_probe = nullptr;
    if (m_host)
        m_host->stop(toSeats);
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
    // As the session is at each beacon (halt() stops it before the host goes).
    m_beacon.start(
        [this] {
            const SessionState& s = m_engine.state();
            const HostRank r = m_host->rank();
            return Announcement{s.info.title, s.sessionId,  r.epoch,        m_host->port(),
                                {},           r.seq,        r.sequencer,    r.seats,
                                r.lastEpoch,  m_votingPort, r.startedAfter, r.tookOver};
        },
        to, port);
}

bool Seat::listenForRivals(const QHostAddress& address, quint16 port) {
    m_rivals = std::make_unique<DiscoveryListener>();
    connect(m_rivals.get(), &DiscoveryListener::hostSeen, this, &Seat::heard);
    return m_rivals->listen(address, port);
}

// A beacon is anyone's word, and may even point at this very host: it only starts a probe
// (HostProbe). The rank this host compares with its own is the one the other gives inside TLS,
// after proving it holds the session's control key. An address that misled is not probed again
// for a minute.
void Seat::heard(const Announcement& a) {
    if (m_probe || !leadsThisHost(a.rank()) || a.sessionId != m_engine.state().sessionId ||
        m_codes.control.isEmpty())
        return;
    const Endpoint other{a.address.toString(), a.port};
    const QString where = addressOf(other);
    if (auto doubted = m_doubted.find(where);
        doubted != m_doubted.end() && !doubted->hasExpired(doubtForMs))
        return;
    qCInfo(lcSync).noquote() << "host at" << where << "announces this session at epoch" << a.epoch
                             << "seq" << a.seq << ": asking it, inside TLS, where it stands";
    auto* probe = new HostProbe(other, m_codes.salt, deriveKey(m_codes.control, m_codes.salt),
                                m_engine.state().sessionId, m_base, this);
    m_probe = probe;
    connect(
        probe, &HostProbe::finished, this,
        [this, probe, other, where](HostProbe::Outcome outcome, const HostProbe::Answer& answer) {
            probe->deleteLater();
            m_probe = nullptr;
            const QString doubt = doubtAbout(outcome, answer);
            if (doubt.isEmpty() && leadsThisHost(answer.rank))
                return stepDownFor(other);
            if (doubt.isEmpty())
                return; // it answered, and this host leads after all
            m_doubted.removeIf([](std::pair<const QString&, QElapsedTimer&> d) {
                return d.second.hasExpired(doubtForMs);
            });
            m_doubted[where].start();
            qCWarning(lcSync).noquote()
                << u"host at %1 announced it leads this session: %2 Ignored."_s.arg(where, doubt);
            emit statusChanged(tr("A host at %1 announced it leads this session, but %2 "
                                  "This host goes on.")
                                   .arg(where, doubt));
        });
}

// Why a probed host is not one to give way to; empty if it is a host of this session.
QString Seat::doubtAbout(HostProbe::Outcome outcome, const HostProbe::Answer& answer) const {
    switch (outcome) {
    case HostProbe::Outcome::Unreachable:
        return tr("nothing answers there.");
    case HostProbe::Outcome::Refused:
        // Either side may be the one with other codes: a host started anew gets new ones.
        return tr("this host's join codes do not open it (one of the two was started anew, with "
                  "new codes).");
    case HostProbe::Outcome::Incompatible:
        return tr("it runs a version of Podium this one cannot work with.");
    case HostProbe::Outcome::Answered:
        break;
    }
    if (answer.session != m_engine.state().sessionId)
        return tr("it hosts another session.");
    if (answer.instance == m_instance || answer.rank.sequencer == m_host->sequencer())
        return tr("the address leads back to this host itself.");
    return {};
}

bool Seat::leadsThisHost(const HostRank& other) const {
    if (m_mode != Mode::Hosting || !m_host)
        return false;
    return other.leads(m_host->rank());
}

// The other host went on with the session while this one was away (a takeover): this one joins
// it with control, on the same port for a later takeover, and what only it had is reported
// (orphaned) instead of being served as the session.
void Seat::stepDownFor(const Endpoint& leader) {
    const QString code = m_codes.control;
    const quint16 port = m_host->port();
    qCWarning(lcSync).noquote() << u"stepping down: the host at %1:%2 leads this session"_s
                                       .arg(leader.host)
                                       .arg(leader.port);
    emit superseded(leader);
    join(leader, code, port);
}

void Seat::setMode(Mode m) {
    if (m == m_mode)
        return;
    m_mode = m;
    emit modeChanged(m);
}

} // namespace podium::sync
