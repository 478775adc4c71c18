#include "discovery.h"
#include "model/cbor_input.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QNetworkProxy>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium::sync {

// A title as long as the receivers keep: a longer one (three hundred Chinese characters) made
// the datagram too large to be taken, and the host was heard by no one.
QByteArray Announcement::toDatagram() const {
    QCborMap m{{u"podium"_s, 1},
               {u"title"_s, title.left(maxTitle)},
               {u"session"_s, sessionId},
               {u"epoch"_s, epoch},
               {u"port"_s, port},
               {u"seq"_s, seq},
               {u"sequencer"_s, sequencer},
               {u"seats"_s, seats},
               {u"lastEpoch"_s, lastEpoch}};
    if (votingPort != 0)
        m[u"voting"_s] = votingPort;
    if (!startedAfter.isEmpty())
        m[u"after"_s] = QCborArray::fromStringList(runsSaid(startedAfter));
    if (tookOver)
        m[u"tookOver"_s] = *tookOver;
    return m.toCborValue().toCbor();
}

std::optional<Announcement> Announcement::fromDatagram(const QByteArray& bytes) {
    if (bytes.size() > 1024)
        return std::nullopt;
    const auto value = decodeWholeCbor(bytes); // anyone on the LAN can send a datagram
    if (!value || !value.value().isMap())
        return std::nullopt;
    const QCborMap m = value.value().toMap();
    const qint64 port = integerOf(m.value(u"port"_s));
    if (integerOf(m.value(u"podium"_s)) != 1 || port <= 0 || port > 65535)
        return std::nullopt;
    Announcement a;
    a.title = m.value(u"title"_s).toString().left(maxTitle);
    a.sessionId = m.value(u"session"_s).toString().left(100);
    a.epoch = integerIn<qint32>(m.value(u"epoch"_s), 1);
    a.port = quint16(port);
    a.seq = qMax<qint64>(0, integerOf(m.value(u"seq"_s)));
    a.sequencer = m.value(u"sequencer"_s).toString().left(100);
    a.seats = int(std::clamp<qint64>(integerOf(m.value(u"seats"_s)), 0, 100'000));
    a.lastEpoch = integerIn<qint32>(m.value(u"lastEpoch"_s), 0);
    a.votingPort = integerIn<quint16>(m.value(u"voting"_s), 0); // 0 is no port: none
    a.startedAfter = runsFromCbor(m.value(u"after"_s));
    a.tookOver = optionalBool(m.value(u"tookOver"_s));
    return a;
}

namespace {

// A network people in the room may be on: up, and not the laptop's own bridges to its
// containers and virtual machines, which nobody else reaches (a phone's QR code pointed there).
bool mayReachPeople(const QNetworkInterface& network) {
    const auto flags = network.flags();
    if (!flags.testFlag(QNetworkInterface::IsUp) || !flags.testFlag(QNetworkInterface::IsRunning) ||
        flags.testFlag(QNetworkInterface::IsLoopBack))
        return false; // (a VPN's tunnel stays: remote seats may join by it)
    static const QStringList bridges{u"docker"_s, u"br-"_s,     u"virbr"_s, u"veth"_s,
                                     u"vmnet"_s,  u"vboxnet"_s, u"lxc"_s,   u"lxd"_s};
    return std::none_of(bridges.cbegin(), bridges.cend(),
                        [&](const QString& prefix) { return network.name().startsWith(prefix); });
}

} // namespace

QStringList addressesOnLan(const QHostAddress& bound) {
    if (!bound.isNull() && bound != QHostAddress::Any && bound != QHostAddress::AnyIPv4 &&
        bound != QHostAddress::AnyIPv6)
        return {bound.toString()};
    QStringList addresses;
    for (const QNetworkInterface& network : QNetworkInterface::allInterfaces()) {
        if (!mayReachPeople(network))
            continue;
        for (const QNetworkAddressEntry& entry : network.addressEntries()) {
            const QHostAddress& a = entry.ip();
            if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLinkLocal())
                addresses << a.toString();
        }
    }
    return addresses;
}

Beacon::Beacon(QObject* parent)
    : QObject(parent) {
    m_socket.setProxy(QNetworkProxy::NoProxy); // the LAN, direct: see SyncHost::listen
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, &Beacon::send);
}

void Beacon::start(Source current, const QHostAddress& to, quint16 port) {
    m_current = std::move(current);
    m_to = to;
    m_port = port;
    send();
    m_timer.start();
}

void Beacon::send() {
    const QByteArray datagram = m_current().toDatagram();
    const QList<QHostAddress> targets =
        m_to == QHostAddress(QHostAddress::Broadcast) ? broadcastAddresses() : QList{m_to};
    for (const QHostAddress& to : targets)
        m_socket.writeDatagram(datagram, to, m_port);
}

// Each network's own broadcast address: 255.255.255.255 leaves by the default route's
// interface alone, and a laptop on the venue's Wi-Fi and a wired LAN was never heard on the
// wire, so two hosts of one session there never learned which one leads. Looked up at each
// beacon: a cable plugged in mid-session counts from the next one.
QList<QHostAddress> Beacon::broadcastAddresses() {
    QList<QHostAddress> found;
    for (const QNetworkInterface& i : QNetworkInterface::allInterfaces()) {
        const auto flags = i.flags();
        if (!flags.testFlag(QNetworkInterface::IsUp) ||
            !flags.testFlag(QNetworkInterface::IsRunning) ||
            !flags.testFlag(QNetworkInterface::CanBroadcast) ||
            flags.testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry& entry : i.addressEntries()) {
            const QHostAddress to = entry.broadcast();
            if (entry.ip().protocol() == QAbstractSocket::IPv4Protocol && !to.isNull() &&
                !found.contains(to))
                found.append(to);
        }
    }
    if (found.isEmpty()) // no network with a broadcast address known: the generic one
        found.append(QHostAddress(QHostAddress::Broadcast));
    return found;
}

DiscoveryListener::DiscoveryListener(QObject* parent)
    : QObject(parent) {
    m_socket.setProxy(QNetworkProxy::NoProxy);
    connect(&m_socket, &QUdpSocket::readyRead, this, &DiscoveryListener::read);
}

bool DiscoveryListener::listen(const QHostAddress& address, quint16 port) {
    return m_socket.bind(address, port, QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint);
}

void DiscoveryListener::read() {
    while (m_socket.hasPendingDatagrams()) {
        const QNetworkDatagram d = m_socket.receiveDatagram(2048);
        if (auto a = Announcement::fromDatagram(d.data())) {
            a->address = d.senderAddress();
            emit hostSeen(*a);
        }
    }
}

} // namespace podium::sync
