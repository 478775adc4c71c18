#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>
#include <functional>

namespace podium::sync {

constexpr quint16 defaultSyncPort = 47600;
constexpr quint16 defaultBeaconPort = 47601;

// Where the others reach this machine: its LAN addresses ("192.168.1.20"), or the one address
// it listens on; people type them when a host is not listed, and phones open them to vote.
QStringList addressesOnLan(const QHostAddress& bound = QHostAddress::Any);

// Where a host of a session stands, to tell which of two hosts of one session leads (the other
// gives way): first the one the seats follow, so that a laptop restarted on an old copy never
// takes the session from the host everyone is on; then (both followed, or neither) the one
// further on in the session: by the epoch of its last event, by that event's seq, and by
// sequencer id, so that exactly one of two leads. A rank without a sequencer (an older Podium's
// beacon) leads only by its epoch.
struct HostRank {
    int seats = 0; // admitted seats, other than probes
    qint32 epoch = 1;
    qint64 seq = 0;    // the host's last event
    QString sequencer; // its run of hosting (docs/PROTOCOL.md, "Epochs and sequencers")
    // The epoch of the host's last event: its own once it has numbered one, before that the one
    // it followed. A laptop restarted as host on its copy of a session that went on at the host
    // it followed took the session by its newer epoch, though it had numbered nothing since:
    // what the other host's moderator did meanwhile was shown as orphans, never to be merged.
    // 0: not said (an older Podium): both are then compared by `epoch`.
    qint32 lastEpoch = 0;
    bool leads(const HostRank& other) const;
};

// What a host says about itself on the LAN: no participant data, only how to find it.
struct Announcement {
    static constexpr qsizetype maxTitle = 200; // characters; the datagram stays under 1 KiB
    QString title;
    QString sessionId;
    qint32 epoch = 1;
    quint16 port = 0;
    QHostAddress address; // filled in by the listener from the datagram's sender
    qint64 seq = 0;
    QString sequencer;
    int seats = 0;
    qint32 lastEpoch = 0;
    // The port of its room's voting page (docs/WEB_VOTING.md), 0 when it serves none: the seats
    // that follow it show the page's address on their audience display.
    quint16 votingPort = 0;
    QByteArray toDatagram() const;
    static std::optional<Announcement> fromDatagram(const QByteArray& bytes);
    HostRank rank() const { return {seats, epoch, seq, sequencer, lastEpoch}; }
};

// Sends the host's announcement every two seconds (broadcast, or to one address in tests), as
// it is at that moment.
class Beacon : public QObject {
    Q_OBJECT
public:
    using Source = std::function<Announcement()>;
    explicit Beacon(QObject* parent = nullptr);
    void start(Source current, const QHostAddress& to = QHostAddress::Broadcast,
               quint16 port = defaultBeaconPort);
    void stop() { m_timer.stop(); }

    static QList<QHostAddress> broadcastAddresses();

private:
    void send();
    QUdpSocket m_socket;
    QTimer m_timer;
    Source m_current;
    QHostAddress m_to;
    quint16 m_port = defaultBeaconPort;
};

// Hears hosts' announcements (for the join dialog, and to find the new host after a takeover).
class DiscoveryListener : public QObject {
    Q_OBJECT
public:
    explicit DiscoveryListener(QObject* parent = nullptr);
    bool listen(const QHostAddress& address = QHostAddress::AnyIPv4,
                quint16 port = defaultBeaconPort);

signals:
    void hostSeen(const podium::sync::Announcement& a);

private:
    void read();
    QUdpSocket m_socket;
};

} // namespace podium::sync
