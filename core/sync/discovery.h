#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>
#include <functional>

namespace podium::sync {

constexpr quint16 defaultSyncPort = 47600;
constexpr quint16 defaultBeaconPort = 47601;

// What a host says about itself on the LAN: no participant data, only how to find it.
struct Announcement {
    QString title;
    QString sessionId;
    qint32 epoch = 1;
    quint16 port = 0;
    QHostAddress address; // filled in by the listener from the datagram's sender
    qint64 seq = 0;       // the host's last event
    QString sequencer;    // its run of hosting (docs/PROTOCOL.md, "Epochs and sequencers")
    QByteArray toDatagram() const;
    static std::optional<Announcement> fromDatagram(const QByteArray& bytes);

    // Whether this host of a session went further than the host at (epoch, seq, sequencer):
    // by epoch, then (two hosts that opened the same epoch) by seq, then by sequencer id, so
    // that of two hosts exactly one leads the other. An announcement without a sequencer
    // (an older Podium) leads only by its epoch.
    bool leads(qint32 epoch, qint64 seq, const QString& sequencer) const;
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
