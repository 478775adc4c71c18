#include "key_probe.h"

#include "join_code.h"

#include <QNetworkProxy>
#include <QSslPreSharedKeyAuthenticator>

namespace podium::sync {

KeyProbe::KeyProbe(const Endpoint& host, const QByteArray& salt, const QByteArray& key,
                   QObject* parent)
    : QObject(parent) {
    m_socket.setProxy(QNetworkProxy::NoProxy); // see SyncHost::listen
    m_socket.setSslConfiguration(pskConfiguration());
    connect(&m_socket, &QSslSocket::preSharedKeyAuthenticationRequired, this,
            [salt, key](QSslPreSharedKeyAuthenticator* auth) {
                // Another salt is another session's host: no key, and the handshake fails.
                if (saltFromHint(auth->identityHint()) != salt)
                    return;
                auth->setIdentity(identityFor(key));
                auth->setPreSharedKey(key);
            });
    connect(&m_socket, &QSslSocket::encrypted, this, [this] { finish(true); });
    connect(&m_socket, &QSslSocket::errorOccurred, this, [this] { finish(false); });
    connect(&m_socket, &QSslSocket::disconnected, this, [this] { finish(false); });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { finish(false); });
    m_deadline.start(5000);
    m_socket.connectToHostEncrypted(host.host, host.port);
}

void KeyProbe::finish(bool holdsKey) {
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    m_socket.abort(); // the host drops a seat that says no hello anyway
    emit finished(holdsKey);
}

} // namespace podium::sync
