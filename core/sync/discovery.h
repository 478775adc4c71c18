#pragma once

#include "host_rank.h"

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
    QStringList startedAfter{}; // where its run of hosting began, as HostRank says it
    std::optional<bool> tookOver{};
    QByteArray toDatagram() const;
    static std::optional<Announcement> fromDatagram(const QByteArray& bytes);
    HostRank rank() const {
        return {seats, epoch, seq, sequencer, lastEpoch, startedAfter, tookOver};
    }
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
