#include "discovered_hosts.h"

using namespace Qt::StringLiterals;

namespace podium {

QString DiscoveredHosts::Host::address() const {
    const QHostAddress& a = announcement.address;
    bool mapped = false;
    const quint32 v4 = a.toIPv4Address(&mapped); // an IPv4 sender heard on a dual-stack socket
    const QString host = mapped ? QHostAddress(v4).toString()
                         : a.protocol() == QAbstractSocket::IPv6Protocol
                             ? u"[%1]"_s.arg(a.toString())
                             : a.toString();
    return host + u':' + QString::number(announcement.port);
}

DiscoveredHosts::DiscoveredHosts(QObject* parent)
    : QObject(parent) {
    m_sweep.setInterval(1000);
    connect(&m_sweep, &QTimer::timeout, this, &DiscoveredHosts::forgetSilent);
}

bool DiscoveredHosts::listen(const QHostAddress& address, quint16 port) {
    m_listener = std::make_unique<sync::DiscoveryListener>();
    connect(m_listener.get(), &sync::DiscoveryListener::hostSeen, this, &DiscoveredHosts::heard);
    m_sweep.start();
    return m_listener->listen(address, port);
}

void DiscoveredHosts::heard(const sync::Announcement& announcement) {
    const qint64 now = m_clock->nowMs();
    for (Host& h : m_hosts) {
        if (h.announcement.address.isEqual(announcement.address) &&
            h.announcement.port == announcement.port) {
            const bool same = h.announcement.title == announcement.title &&
                              h.announcement.sessionId == announcement.sessionId &&
                              h.announcement.epoch == announcement.epoch &&
                              h.announcement.votingPort == announcement.votingPort;
            h.announcement = announcement;
            h.lastHeardMs = now;
            if (!same)
                emit changed();
            return;
        }
    }
    m_hosts.append({announcement, now});
    emit changed();
}

void DiscoveredHosts::forgetSilent() {
    const qint64 now = m_clock->nowMs();
    const qsizetype removed =
        m_hosts.removeIf([now](const Host& h) { return now - h.lastHeardMs > forgetAfterMs; });
    if (removed > 0)
        emit changed();
}

void DiscoveredHosts::forgetHostedBy(const QString& sequencer) {
    const qsizetype removed =
        m_hosts.removeIf([&](const Host& h) { return h.announcement.sequencer == sequencer; });
    if (removed > 0)
        emit changed();
}

} // namespace podium
