#pragma once

#include "engine/clock.h"
#include "sync/discovery.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>

namespace podium {

// The hosts announcing a session on the LAN (their UDP beacons), for the join form: each with
// the address to type, forgotten once it has not been heard for forgetAfterMs.
class DiscoveredHosts : public QObject {
    Q_OBJECT
public:
    struct Host {
        sync::Announcement announcement;
        qint64 lastHeardMs = 0;
        QString address() const; // "host:port", as the join form takes it
    };
    // A beacon every 2 s: three missed in a row and the host is taken to be gone.
    static constexpr qint64 forgetAfterMs = 7000;

    explicit DiscoveredHosts(QObject* parent = nullptr);
    // Starts (or moves) listening for beacons.
    bool listen(const QHostAddress& address = QHostAddress::AnyIPv4,
                quint16 port = sync::defaultBeaconPort);
    // The clock that dates what was heard (tests put a fake one in).
    void setClock(const Clock& clock) { m_clock = &clock; }

    const QList<Host>& hosts() const { return m_hosts; }
    void heard(const sync::Announcement& announcement);
    // Drops the hosts not heard for forgetAfterMs (also done every second).
    void forgetSilent();
    // Drops the beacons of the host whose sequencer this is: this laptop's own, as it stops
    // hosting (they were listed for seconds after, as a host to join).
    void forgetHostedBy(const QString& sequencer);

signals:
    void changed();

private:
    std::unique_ptr<sync::DiscoveryListener> m_listener;
    QTimer m_sweep;
    SystemClock m_systemClock;
    const Clock* m_clock = &m_systemClock;
    QList<Host> m_hosts;
};

} // namespace podium
