#pragma once

#include "discovery.h"
#include "host_probe.h"
#include "join_code.h"
#include "replica_log.h"
#include "sync_host.h"
#include "sync_peer.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <memory>

// ---------------------------------------------------------------------------------------------
// Co-moderation over the LAN: the API for the UI (Connection dock) and the headless modes.
//
//   Seat seat(engine, systemClock);           // one per window; installs itself as journal
//   seat.setDurableJournal(&sessionFile);     // optional: where events are made durable
//
//   Host:   seat.host(port)                   → Result; then controlCode(), readOnlyCode()
//           seat.peers()                      → name, role, address, rttMs (peersChanged)
//           seat.stop()
//   Join:   seat.join({host, port}, code)     → statusChanged(...) / failed(reason)
//           DiscoveryListener::hostSeen       → hosts on the LAN for the join dialog
//   Take over hosting (online moderator, host gone): seat.takeOver(port)
//           canTakeOver() tells the UI whether to offer it.
//   orphaned(events): events this seat had that the session's host never got (after a
//           takeover): show them to the moderator; they are not merged.
//   A host that announces itself should also listenForRivals(): if another host of its session
//           leads (a takeover it missed while away) and proves it holds the session's keys,
//           this seat stops hosting and joins it with control (superseded), and what only this
//           seat had comes back as orphaned.
//   Commands: keep calling engine.submit(); on a joined seat they go to the host, and a
//           refusal arrives as SessionEngine::refused. Send preconditions (expectFloor) with
//           "next" so two moderators pressing it at once give one well-defined outcome.
// ---------------------------------------------------------------------------------------------
namespace podium::sync {

class Seat : public QObject {
    Q_OBJECT
public:
    enum class Mode { Alone, Hosting, Joined };
    Q_ENUM(Mode)

    Seat(SessionEngine& engine, const Clock& base, QObject* parent = nullptr);
    ~Seat() override;

    // Also where the session's time is kept: a seat restarted on its file goes on in it.
    void setDurableJournal(DurableJournal* journal);
    void setSeatName(const QString& name) { m_name = name; }
    // The room's voting page's port, told in the beacons (0: none; Announcement::votingPort).
    void setVotingPort(quint16 port) { m_votingPort = port; }
    void setClient(const QString& client) { m_client = client; } // SyncPeer::setIdentity
    QString instanceId() const { return m_instance; }
    ReplicaLog& log() { return m_log; }

    // With the codes given (those kept from a run that ended without stopping), or new ones.
    Result<bool> host(quint16 port = defaultSyncPort,
                      const QHostAddress& address = QHostAddress::Any,
                      const JoinCodes& codes = JoinCodes::generate());
    QString controlCode() const { return m_codes.control; }
    QString readOnlyCode() const { return m_codes.readOnly; }
    JoinCodes codes() const { return m_codes; }
    void join(const Endpoint& endpoint, const QString& code, quint16 takeoverPort = 0);
    // The role the next joins ask for with a control code (an online moderator's by default), as
    // the seat it was in `forSession` (the cockpit joins into a new, empty file); a seat that
    // hosted the session always asks for the in-room moderator's.
    void setWantedRole(Authority role, const QString& forSession = {}) {
        m_wantedRole = role;
        m_wantedFor = forSession;
    }
    // The next join is from a copy of the session this seat hosted (the cockpit joins into a new
    // file, which does not say so): it joins as a host that gave way.
    void setHostedBefore(bool hosted) { m_hostedBefore = hosted; }
    bool canTakeOver() const;
    // Hosting in place of a host that left (a live takeover, not a start on a file).
    bool tookOver() const { return m_host && m_host->tookOver(); }
    Result<bool> takeOver(quint16 port, const QHostAddress& address = QHostAddress::Any);
    // `toSeats`: what a host tells the seats that follow it (hostStoppedReason, or
    // hostDisconnectedReason when its codes end with it).
    void stop(const QString& toSeats = QString::fromUtf16(hostStoppedReason));

    Mode mode() const { return m_mode; }
    QList<PeerInfo> peers() const;
    SyncHost* syncHost() const { return m_host.get(); }
    SyncPeer* syncPeer() const { return m_peer.get(); }

    // Announces this host on the LAN (by default by broadcast).
    void announce(const QHostAddress& to = QHostAddress::Broadcast,
                  quint16 port = defaultBeaconPort);
    // Hears the other hosts' announcements, to step down for one that leads this session.
    bool listenForRivals(const QHostAddress& address = QHostAddress::AnyIPv4,
                         quint16 port = defaultBeaconPort);

signals:
    void modeChanged(podium::sync::Seat::Mode mode);
    void statusChanged(const QString& text);
    void failed(const QString& reason);
    void hostsAnotherSession(); // see SyncPeer
    void peersChanged();
    void seatLeft(const podium::sync::PeerInfo& seat, const QString& reason); // see SyncHost
    void seatJoined(const podium::sync::PeerInfo& seat); // SyncHost::peerAdmitted
    void orphaned(const QList<podium::Event>& events);
    // This seat stopped hosting: the host at `leader` leads the session; joining it follows.
    void superseded(const podium::sync::Endpoint& leader);
    // Joined, this seat is in step with the host at `host`: the one it joined, or the seat that
    // took over from it.
    void hostReached(const podium::sync::Endpoint& host);

private:
    Result<bool> startHost(const QHostAddress& address, quint16 port, const HostKeys& keys);
    [[nodiscard]] Result<bool> listenAsHost(const QHostAddress& address, quint16 port,
                                            const HostKeys& keys);
    void beginHosting();
    void setMode(Mode m);
    void halt(const QString& toSeats = QString::fromUtf16(hostStoppedReason));
    void workAlone();
    void heard(const Announcement& a);
    QString doubtAbout(HostProbe::Outcome outcome, const HostProbe::Answer& answer) const;
    bool leadsThisHost(const HostRank& other) const;
    void stepDownFor(const Endpoint& leader);

    SessionEngine& m_engine;
    const Clock& m_base;
    // The session's time while this seat follows no host (it hosts, or works alone): this
    // laptop's clock plus the offset to the host it followed last (0 for the session's first
    // host), so that every timer runs on without a jump when two laptops' clocks differ (a venue
    // without internet has no NTP).
    OffsetClock m_sessionTime{m_base};
    ReplicaLog m_log;
    std::unique_ptr<SyncHost> m_host;
    std::unique_ptr<SyncPeer> m_peer;
    Beacon m_beacon;
    std::unique_ptr<DiscoveryListener> m_rivals;
    QObject* m_probe = nullptr;              // checking a rival's claim, one at a time
    QHash<QString, QElapsedTimer> m_doubted; // rivals whose claim failed, not probed again soon
    QString m_instance;
    QString m_name;
    quint16 m_votingPort = 0;
    QString m_client;
    JoinCodes m_codes;
    Mode m_mode = Mode::Alone;
    Authority m_hostedAs = Authority::Moderator; // the role it had when it began hosting
    Authority m_wantedRole = Authority::OnlineModerator;
    QString m_wantedFor;
    bool m_hostedBefore = false;
};

} // namespace podium::sync
