#pragma once

#include "sync_peer.h"

#include <QObject>
#include <QSslSocket>
#include <QTimer>

namespace podium::sync {

// Whether the host at an endpoint holds a key: a TLS-PSK handshake with it, and nothing more.
// A beacon is anyone's word on the LAN; a handshake with this session's control key is not.
// Finishes once, within five seconds.
class KeyProbe : public QObject {
    Q_OBJECT
public:
    KeyProbe(const Endpoint& host, const QByteArray& salt, const QByteArray& key,
             QObject* parent = nullptr);

signals:
    void finished(bool holdsKey);

private:
    void finish(bool holdsKey);

    QSslSocket m_socket;
    QTimer m_deadline;
    bool m_done = false;
};

} // namespace podium::sync
