#pragma once

#include "engine/clock.h"
#include "frame_reader.h"
#include "protocol.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QSslSocket>
#include <QTimer>

namespace podium::sync {

// An address as people read it: an IPv4 peer on a dual-stack socket is "192.168.1.20", not
// "::ffff:192.168.1.20".
QString addressText(const QHostAddress& address);

// One encrypted, framed connection, on either side. It enforces what no handler should have
// to think about: frame and item limits, the read buffer cap, a rate limit, the handshake
// deadline and liveness (heartbeats both ways; a link silent for silenceLimitMs is closed).
// Whatever goes wrong closes this link only, once, with a reason that is logged.
class Link : public QObject {
    Q_OBJECT
public:
    // Takes ownership of the socket. The clock stamps pings (host time on the host).
    Link(QSslSocket* socket, const Clock& clock, qint64 maxFrameAfterAuth,
         QObject* parent = nullptr);
    ~Link() override;

    QSslSocket* socket() const { return m_socket; }
    QString peerName() const { return m_peerName; } // "address:port", for logs
    // Until an outgoing link connects, its socket knows no peer (logs read ":0").
    void setPeerName(const QString& name) { m_peerName = name; }
    bool isOpen() const { return !m_closed; }
    bool isAuthenticated() const { return m_authenticated; }

    void send(const Message& m);
    // An encoded frame, encrypted and handed to the network before this returns (a plain send
    // waits for the event loop to come round to this socket). A TLS flush reads as well as
    // writes: what arrives meanwhile, on any link of this thread, is handled later from the event
    // loop. Otherwise a command read in the middle of the host's fan-out would be sequenced, and
    // sent out, before the event in hand reached every seat.
    void sendNow(const QByteArray& frame);
    // After hello/welcome: lifts the frame limit and stops the handshake deadline.
    void markAuthenticated();
    // A ping now rather than at the next heartbeat (the heartbeats go on as before).
    void pingNow();
    // Closes with a logged reason; a Bye with the reason is sent first when possible.
    void close(const QString& reason, bool sayBye = true);

    qint64 lastRttMs() const { return m_lastRtt; }
    bool wasEncrypted() const { return m_wasEncrypted; }
    QAbstractSocket::SocketError socketError() const { return m_socketError; }
    qint64 bytesReceived() const { return m_bytesIn; }
    qint64 msSinceHeard() const { return m_sinceHeard.elapsed(); } // since bytes last came in

    // Messages per second allowed (burst = 2 s worth); 0 = unlimited.
    void setRateLimit(int perSecond) {
        m_ratePerSecond = perSecond;
        m_tokens = 2.0 * perSecond;
    }

signals:
    void encrypted();
    void messageReceived(const podium::sync::Message& m);
    // A pong for one of our pings: t0 and t3 our clock, t1 the other side's.
    void pong(qint64 t0, qint64 t1, qint64 t3);
    void closed(const QString& reason);

private:
    void readFrames();
    bool dispatch(const QByteArray& payload);
    bool withinRate();
    void closeIfStalled();
    void startStallClockIfIdle(qsizetype frameSize);
    void scheduleHeartbeat();
    void heartbeat();

    QSslSocket* m_socket;
    const Clock& m_clock;
    FrameReader m_reader{maxFrameBeforeAuth};
    qint64 m_maxAfterAuth;
    QTimer m_heartbeat;
    QTimer m_deadline;
    QTimer m_frameDeadline;
    qint64 m_framesIn = 0;   // frames read whole so far
    qint64 m_timedFrame = 0; // which one the frame deadline runs for
    QElapsedTimer m_sinceHeard;
    QElapsedTimer m_sinceTaken; // since the network last took bytes of ours, or they began to wait
    QElapsedTimer m_rateClock;
    double m_tokens = 0;
    int m_ratePerSecond = 0;
    QString m_peerName;
    qint64 m_lastRtt = -1;
    QList<qint64> m_pingsSent; // the t0 of each ping not yet answered, oldest first
    static constexpr int maxPingsAwaited = 8;
    qint64 m_bytesIn = 0;
    qsizetype m_largestFrame = 0; // sent on this link so far
    bool m_authenticated = false;
    bool m_closed = false;
    bool m_wasEncrypted = false;
    bool m_readPosted = false;
    bool m_stalled = false; // closing for it, from the event loop
    QAbstractSocket::SocketError m_socketError = QAbstractSocket::UnknownSocketError;
};

} // namespace podium::sync
