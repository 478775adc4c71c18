#include "relay.h"

#include <QHostAddress>

namespace podium::synctest {

Relay::Relay(quint16 targetPort)
    : m_target(targetPort) {
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &Relay::accept);
}

Relay::~Relay() {
    for (QTcpSocket* s : std::as_const(m_sockets))
        s->disconnect(); // the sockets die with the relay; nothing may relay meanwhile
}

void Relay::accept() {
    while (QTcpSocket* in = m_server.nextPendingConnection()) {
        if (m_refusing) {
            in->abort();
            in->deleteLater();
            continue;
        }
        ++m_connections;
        auto* out = new QTcpSocket(this);
        out->setReadBufferSize(64 * 1024); // so that a deaf relay leaves the host's bytes unread
        in->setParent(this);
        m_sockets << in << out;
        auto pipe = [this, out](QTcpSocket* from, QTcpSocket* to) {
            connect(from, &QTcpSocket::readyRead, to, [this, from, to, out] {
                if (m_frozen || (m_deaf && from == out))
                    return;
                QByteArray bytes = from->readAll();
                if (from == out && m_cutAfter > 0 && (m_fromHost += bytes.size()) >= m_cutAfter) {
                    bytes.chop(m_fromHost - m_cutAfter);
                    m_cutAfter = 0;
                    to->write(bytes);
                    to->flush();
                    QMetaObject::invokeMethod(this, &Relay::cutAll, Qt::QueuedConnection);
                    return;
                }
                m_captured += bytes;
                to->write(bytes);
            });
            // A frozen link is half-open: a close does not get through either.
            connect(from, &QTcpSocket::disconnected, to, [this, to] {
                if (!m_frozen)
                    to->disconnectFromHost();
            });
        };
        pipe(in, out);
        pipe(out, in);
        out->connectToHost(QHostAddress::LocalHost, m_target);
    }
}

void Relay::setFrozen(bool frozen) {
    m_frozen = frozen;
    if (frozen)
        return;
    for (QTcpSocket* s : std::as_const(m_sockets))
        emit s->readyRead(); // pass on what waited
}

void Relay::cutAll() {
    for (QTcpSocket* s : std::as_const(m_sockets))
        s->disconnect(); // no relaying between sockets that are going away
    for (QTcpSocket* s : std::as_const(m_sockets)) {
        s->abort();
        s->deleteLater();
    }
    m_sockets.clear();
}

} // namespace podium::synctest
