#pragma once

#include "clock_sync.h"
#include "discovery.h"
#include "engine/session_engine.h"
#include "link.h"
#include "replica_log.h"
#include "sync_host.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

namespace podium::sync {

struct Endpoint {
    QString host;
    quint16 port = 0;
    bool operator==(const Endpoint&) const = default;
};

// HOST:PORT as typed after --join; an IPv6 address as [ADDRESS]:PORT (or bare, before the last
// colon). Nothing for a port that is not 1-65535 in plain digits.
std::optional<Endpoint> parseEndpoint(const QString& text);
// As parseEndpoint reads it back: HOST:PORT, [ADDRESS]:PORT for IPv6.
QString addressOf(const Endpoint& e);

// The joining side: keeps a full replica in step with the host. Commands from this seat go to
// the host (the engine's forwarder); the host's events come back, are journalled and applied
// in order, with no gap and no duplicate. A lost link is noticed by heartbeats and re-joined
// with back-off and jitter, resuming from the last seq; if the host is gone for good the seat
// also tries the control seats that would take over hosting.
class SyncPeer : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Connecting, CatchingUp, Live, Reconnecting, Failed };
    Q_ENUM(State)

    SyncPeer(SessionEngine& engine, ReplicaLog& log, const Clock& base, QObject* parent = nullptr);
    ~SyncPeer() override;

    // `client`: what program this seat is (cockpitClient, or empty), which the host lists.
    void setIdentity(const QString& instance, const QString& name, const QString& client = {});
    // Where this seat would host after a takeover (announced to the others).
    void setTakeoverPort(quint16 port) { m_takeoverPort = port; }
    quint16 takeoverPort() const { return m_takeoverPort; } // where the others look for it
    // This seat was a host of the session that gave way to this one (it says so in its hello).
    void setGaveWay(bool gaveWay) { m_gaveWay = gaveWay; }
    // The role asked for: a control code grants either moderator's (sent in the hello), the
    // in-room moderator's only to a seat that was it in `forSession` (empty: this seat's session),
    // when that is the host's session.
    void setWantedRole(Authority role, const QString& forSession = {}) {
        m_wantedRole = role;
        m_wantedFor = forSession;
    }
    // Where hosts' beacons are heard while this seat looks for its host again (tests: loopback).
    void setBeaconPort(const QHostAddress& address, quint16 port) {
        m_beaconAddress = address;
        m_beaconPort = port;
    }
    void join(const Endpoint& host, const QString& code);
    // Why `code` cannot be a join code (another length, a U, other characters); empty if it can.
    static QString codeProblem(const QString& code);
    void leave();
    void dropUnanswered() { m_unanswered.clear(); } // before leaving as the program closes
    // What this seat sent that the host has not answered yet, as the moderator would say it.
    QStringList unansweredActions() const;

    State state() const { return m_state; }
    // Why a seat that is not live is not. Only with the host out of reach, or at its address a
    // host that refuses the code (it started anew with new codes, or another session took the
    // port), is taking over offered: a seat whose own disk could not keep the host's events would
    // split the session from a host that still runs.
    // HostStopped: the host said it stopped (Podium quit there), keeping its codes, and nothing
    // has answered at its address since; HostDisconnected: the same, but its codes ended with it
    // (Disconnect); HostUnreachable: it went without a word (a crash, a closed lid, the network).
    enum class Trouble {
        None,
        HostUnreachable,
        HostStopped,
        HostDisconnected,
        CannotKeepEvents,
        CodeRefused
    };
    Trouble trouble() const { return m_trouble; }
    bool troubleIsThisSeat() const { return m_trouble == Trouble::CannotKeepEvents; }
    QString troubleDetail() const { return m_troubleDetail; } // what went wrong, in words
    // How the last link closed, as its socket said (a host name that does not resolve, say).
    QAbstractSocket::SocketError lastSocketError() const { return m_lastSocketError; }
    Authority role() const { return m_role; }
    bool everWelcomed() const { return m_everWelcomed; }              // by a host, since join()
    bool clockEstimated() const { return m_clockSync.hasEstimate(); } // from this host's pongs
    Endpoint currentHost() const { return m_current; }
    QString hostName() const { return m_hostName; } // as the host that welcomed this seat said
    // When the host was last heard on a link that has closed since (the engine's clock, ms since
    // the epoch): a silent link is given up on seconds after it went quiet.
    std::optional<qint64> lastHeardAt() const { return m_lastHeardAt; }
    // The host's clock to this laptop's; until it is estimated, the one this seat's file kept.
    qint64 clockOffsetMs() const {
        return m_clockSync.hasEstimate() ? m_clockSync.offsetMs() : m_keptClockOffset;
    }
    qint64 rttMs() const { return m_clockSync.bestRttMs(); }
    qint64 hostLastSeq() const { return m_hostLastSeq; }
    QList<PeerInfo> peers() const { return m_peers; }
    // What a control seat needs to host the same session for everyone after a takeover.
    HostKeys keysForTakeover() const;
    QString code() const { return m_code; } // the join code this seat joined with
    int reconnects() const { return m_reconnects; }
    int retryDelayMs() const { return m_retry.interval(); } // the last back-off chosen
    // Protocol bytes received from hosts so far (all links).
    qint64 bytesReceived() const { return m_bytesBefore + (m_link ? m_link->bytesReceived() : 0); }

signals:
    void stateChanged(podium::sync::SyncPeer::State state, const QString& detail);
    // Joining cannot succeed as asked (wrong code, incompatible versions): no retry.
    void failed(const QString& reason);
    // Before failed(): the host runs another session than the one this seat's log holds (a seat
    // joining with a copy of its own file). Joining again with an empty log would get in.
    void hostsAnotherSession();
    void synced();
    void peersChanged();
    // Events this seat had that the host's lineage never got: shown, never merged.
    void orphaned(const QList<podium::Event>& events);
    // A command sent just before the link was lost, whose fate the snapshot that followed
    // cannot tell: it may have been done. (Reported as refused as well, for the cockpit.)
    void outcomeUnknown(const QString& commandId);
    // A command known not to have reached the host (no link, or sent as the link went and not
    // among the host's events once back): nothing was done, and it can be sent again. (Reported
    // as refused as well, for the cockpit.)
    void notDone(const QString& commandId, const QString& why);

private:
    void connectTo(const Endpoint& target);
    void onEncrypted();
    void onClosed(const QString& reason);
    void onMessage(const Message& m);
    void onWelcome(const QCborMap& w);
    void onEvents(const QCborArray& events);
    void onError(const QCborMap& e);
    void failForAnotherSession();
    void forward(const Command& command);
    void scheduleReconnect(const QString& why, Trouble trouble, const QString& detail);
    void rememberTakeoverAddresses();
    void listenForHosts(bool listening);
    void heardHost(const Announcement& a);
    Endpoint nextCandidate();
    void setState(State s, const QString& detail = {});
    // Closes the link for something the host sent that this seat could not write down.
    void couldNotKeep(const QString& error);
    void checkSynced();
    void settleUnanswered();
    void giveUpUnanswered();
    void tellUnanswered(const QList<Command>& commands, const QString& sentence, bool maybeDone);
    void forgetUnanswered(const QString& commandId) {
        m_unanswered.removeIf([&](const Command& c) { return c.id == commandId; });
    }
    void keepSessionCodes();
    void takeKeptSessionCodes();
    void sendFill(const QList<Event>& fill);
    void reportOrphans();
    void keepClockOffset();

    SessionEngine& m_engine;
    ReplicaLog& m_log;
    OffsetClock m_hostClock;
    qint64 m_keptClockOffset = 0; // in this seat's file
    const Clock& m_base;
    ClockSync m_clockSync;
    Link* m_link = nullptr;
    QTimer m_retry;
    State m_state = State::Idle;
    Endpoint m_origin;
    Endpoint m_current;
    QString m_code;
    QByteArray m_salt;        // the session's, from the last host that welcomed this seat
    QByteArray m_offeredSalt; // the current link's host's, while it has not welcomed the seat
    QByteArray m_readOnlyKey;
    QString m_readOnlyCode;                 // told to a seat with control, for after a takeover
    QMap<qint32, QString> m_hostSequencers; // from the welcome; recorded once the log is the host's
    QString m_instance;
    QString m_name;
    QString m_client;
    quint16 m_takeoverPort = 0;
    bool m_gaveWay = false;
    Authority m_wantedRole = Authority::OnlineModerator;
    QString m_wantedFor;
    qint64 m_orphansFrom = 0; // from the welcome: this seat's events from there on are orphans
    QList<Event> m_orphans;   // those events, reported once the host's state is kept
    Authority m_role = Authority::ReadOnly;
    qint64 m_hostLastSeq = 0;
    QList<PeerInfo> m_peers;
    QList<Endpoint> m_takeoverAddresses;
    // Hosts of this session heard on the LAN while looking for one (the newest first): a seat
    // that took over on another port than the one it had told the others is found that way.
    static constexpr int maxHeardHosts = 4;
    QList<Endpoint> m_heardHosts;
    std::unique_ptr<DiscoveryListener> m_hosts;
    QHostAddress m_beaconAddress = QHostAddress::AnyIPv4;
    quint16 m_beaconPort = defaultBeaconPort;
    int m_attempt = 0;
    // Handshakes refused in a row, at each address tried: the seat goes round several (the
    // host's, those heard announcing it, other seats' takeover ports), and one that refused no
    // connection between two refusals at the host's hid a code refused for good.
    QHash<QString, int> m_refusals;
    bool m_podiumAnswered = false; // this link's host named a Podium salt in its TLS hint
    static constexpr int refusalsBeforeGivingUp = 3;
    QElapsedTimer m_liveSince; // since the link last became live; invalid while it is not
    static constexpr qint64 stableLinkMs = 3000;
    int m_candidate = 0;
    int m_reconnects = 0;
    qint64 m_bytesBefore = 0;
    bool m_everWelcomed = false;
    bool m_fatal = false;
    Trouble m_byeSaid = Trouble::None; // HostStopped or HostDisconnected: the closing link's bye
    Trouble m_trouble = Trouble::None;
    QString m_troubleDetail;
    QAbstractSocket::SocketError m_lastSocketError = QAbstractSocket::UnknownSocketError;
    std::optional<qint64> m_lastHeardAt;
    QString m_couldNotKeep; // why this link is closed: an event this seat could not keep
    // Commands sent to the host and not yet answered (by their event or a refusal): a link that
    // dies takes some with it, unknown to the host, and the moderator must hear of them.
    QList<Command> m_unanswered;       // in the order they were sent
    bool m_caughtUpBySnapshot = false; // on this link: then the events' command ids are unknown
    QString m_hostName;
    QString m_hostInstance; // of the host that welcomed this seat last
};

} // namespace podium::sync
