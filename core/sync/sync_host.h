#pragma once

#include "engine/session_engine.h"
#include "host_rank.h"
#include "link.h"
#include "peer_info.h"
#include "replica_log.h"

#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTcpServer>
#include <QTimer>
#include <functional>

namespace podium::sync {

class TcpListener final : public QTcpServer {
public:
    std::function<void(qintptr)> onIncoming;

protected:
    void incomingConnection(qintptr descriptor) override { onIncoming(descriptor); }
};

// The keys a host accepts, one per role, and the salt they were derived with.
struct HostKeys {
    QByteArray salt;
    QByteArray controlKey;
    QByteArray readOnlyKey;
    // Shown to control seats (inside TLS), so that a seat that takes over hosting can show it
    // to a rapporteur who arrives later; empty where this host never had it.
    QString readOnlyCode;
    static HostKeys fromCodes(const QString& controlCode, const QString& readOnlyCode,
                              const QByteArray& salt);
};

// The host side: the single sequencer. Accepts TLS-PSK connections, grants each the role of
// the code it proved, sends joiners a snapshot or the events they miss, executes remote
// commands with the granted authority and fans every event out to all peers.
class SyncHost : public QObject {
    Q_OBJECT
public:
    SyncHost(SessionEngine& engine, ReplicaLog& log, const Clock& clock, QObject* parent = nullptr);
    ~SyncHost() override;

    // Starts serving; opens a new epoch (so a restart or a takeover never reuses (epoch, seq)).
    Result<bool> listen(const QHostAddress& address, quint16 port, const HostKeys& keys);
    void stop(const QString& reason);
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    QHostAddress address() const { return m_server.serverAddress(); }
    const HostKeys& keys() const { return m_keys; }
    qint32 epoch() const { return m_epoch; }
    // This run of hosting: drawn at each listen(), so that two hosts that open the same epoch
    // number are still told apart (docs/PROTOCOL.md, "Epochs and sequencers").
    QString sequencer() const { return m_sequencer; }
    // A seat's live takeover of the host it followed, not a start on a session file (HostRank).
    void setTookOver(bool tookOver) { m_tookOver = tookOver; }
    bool tookOver() const { return m_tookOver; }
    // Where this host stands, to tell which of two hosts of the session leads.
    HostRank rank() const;

    QString instanceId() const { return m_instance; }
    void setInstance(const QString& id, const QString& name);
    QList<PeerInfo> peers() const;

signals:
    void peersChanged();
    // A seat welcomed into the session.
    void peerAdmitted(const QString& who, const podium::sync::PeerInfo& seat);
    // A connection refused or dropped, with the reason (also logged).
    void peerDropped(const QString& address, const QString& reason);
    // A seat that was in the session left it (closed, cut off, gone silent), and why.
    void seatLeft(const podium::sync::PeerInfo& seat, const QString& reason);
    // A peer came with a newer epoch: someone else took over; this host is stale.
    void staleDetected(const QString& address);
    // Events the previous host sequenced that reached this host only through a peer.
    void filledFromPeer(const QString& name, int count);
    // A seat came with events that are not in this host's log (made, or received, while it was
    // cut off from it): they are shown to that seat as its orphans, never merged.
    void peerHadOrphans(const QString& name, int count);

private:
    // On each accepted socket: the role its join code grants, set when the TLS handshake finds
    // the code's key.
    static constexpr const char* roleProperty = "podiumRole";
    void accept(qintptr descriptor);
    void onMessage(Link* link, const Message& m);
    void onHello(Link* link, const Message& m);
    void onCommand(Link* link, const Message& m);
    void onFill(Link* link, const Message& m);
    void sendCatchUp(Link* link, qint64 peerSeq, bool resumable);
    void broadcast(const Event& event);
    void broadcastPeers();
    void restoreEpoch();
    void drop(Link* link, const QString& reason);
    QString seatCalled(Link* link) const;
    static QString seatCalled(const QString& name, const QString& where);
    void answerProbe(Link* link, Authority role);
    void makeRoomToJoin();

    struct Peer {
        qint64 arrival = 0; // the how-manieth connection this is
        Authority role = Authority::ReadOnly;
        PeerInfo info;
        bool welcomed = false;
        bool fillExpected = false; // until the batch without "more"
        qint32 fillEpoch = 0;
        int filled = 0;     // events taken from this seat's fill so far
        bool probe = false; // another host asking where this one stands, not a seat
    };
    void announceFill(const Peer& peer);
    SessionEngine& m_engine;
    ReplicaLog& m_log;
    const Clock& m_clock;
    TcpListener m_server;
    QTimer m_peersRefresh; // the peer list again now and then, for its latencies
    HostKeys m_keys;
    qint32 m_epoch = 1;
    QString m_sequencer;
    QStringList m_startedAfter;
    bool m_tookOver = false;
    QString m_instance;
    QString m_name;
    QHash<Link*, Peer> m_peers;
    QSet<QString> m_orphansTold; // seat instance @ divergedAt: told once to this host's moderator
    bool m_stopping = false;
    qint64 m_arrivals = 0; // connections accepted so far
};

} // namespace podium::sync
