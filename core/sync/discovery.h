#pragma once

#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUdpSocket>

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
    QByteArray toDatagram() const;
    static std::optional<Announcement> fromDatagram(const QByteArray& bytes);
};

// Sends the host's announcement every two seconds (broadcast, or to one address in tests).
class Beacon : public QObject {
    Q_OBJECT
public:
    explicit Beacon(QObject* parent = nullptr);
    void start(const Announcement& a, const QHostAddress& to = QHostAddress::Broadcast,
               quint16 port = defaultBeaconPort);
    void update(const Announcement& a) { m_announcement = a; }
    void stop() { m_timer.stop(); }

private:
    void send();
    QUdpSocket m_socket;
    QTimer m_timer;
    Announcement m_announcement;
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
