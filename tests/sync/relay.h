#pragma once

#include <QByteArray>
#include <QTcpServer>
#include <QTcpSocket>

// A recording TCP relay on loopback: stands between a peer and its host, keeps every byte
// that crosses (a packet capture without privileges), and can cut the link like a pulled cable.
namespace podium::synctest {

class Relay : public QObject {
public:
    explicit Relay(quint16 targetPort);
    ~Relay() override;
    quint16 port() const { return m_server.serverPort(); }
    QByteArray captured() const { return m_captured; }
    int connections() const { return m_connections; }
    void cutAll();                                             // resets every relayed connection
    void setRefusing(bool refusing) { m_refusing = refusing; } // new connections are dropped
    void setFrozen(bool frozen); // nothing passes, not even a close: a half-open link
    // The host's side is no longer read: what it sends piles up in the kernel, then on the host,
    // while the seat's side (its pings) still passes.
    void setDeaf(bool deaf) { m_deaf = deaf; }
    // Cuts every link once this many bytes from the host have passed (once: later links pass).
    void cutAfterHostBytes(qint64 bytes) { m_cutAfter = bytes; }

private:
    void accept();
    QTcpServer m_server;
    quint16 m_target;
    QByteArray m_captured;
    QList<QTcpSocket*> m_sockets;
    int m_connections = 0;
    bool m_refusing = false;
    bool m_frozen = false;
    bool m_deaf = false;
    qint64 m_cutAfter = 0;
    qint64 m_fromHost = 0;
};

} // namespace podium::synctest
