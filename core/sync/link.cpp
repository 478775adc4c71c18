#include "link.h"

#include "model/cbor_input.h"
#include "sync_log.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {

// While a link flushes, no link on this thread handles what it reads (see sendNow).
thread_local int flushing = 0;

} // namespace

QString addressText(const QHostAddress& address) {
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    return mapped ? QHostAddress(v4).toString() : address.toString();
}

Link::Link(QSslSocket* socket, const Clock& clock, qint64 maxFrameAfterAuth, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_clock(clock)
    , m_maxAfterAuth(maxFrameAfterAuth) {
    m_socket->setParent(this);
    m_socket->setReadBufferSize(256 * 1024);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_peerName =
        addressText(m_socket->peerAddress()) + u':' + QString::number(m_socket->peerPort());
    connect(m_socket, &QSslSocket::connected, this, [this] {
        // Set again once connected: on a socket still connecting the option is not kept, and
        // without it Nagle's algorithm held a seat's small command back until the host's delayed
        // acknowledgement, some 40 ms.
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_peerName =
            addressText(m_socket->peerAddress()) + u':' + QString::number(m_socket->peerPort());
    });
    m_sinceHeard.start();
    m_sinceTaken.start();
    m_rateClock.start();
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, [this] { m_sinceTaken.restart(); });
    connect(m_socket, &QSslSocket::readyRead, this, &Link::readFrames);
    connect(m_socket, &QSslSocket::encrypted, this, [this] {
        m_wasEncrypted = true;
        scheduleHeartbeat();
        emit encrypted();
    });
    connect(m_socket, &QSslSocket::disconnected, this,
            [this] { close(u"the other side closed the connection"_s, false); });
    connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        m_socketError = e;
        if (e != QAbstractSocket::RemoteHostClosedError)
            close(m_socket->errorString(), false);
    });
    connect(m_socket, &QSslSocket::handshakeInterruptedOnError, this,
            [this](const QSslError& e) { close(e.errorString(), false); });
    m_heartbeat.setSingleShot(true);
    m_heartbeat.setTimerType(Qt::PreciseTimer);
    connect(&m_heartbeat, &QTimer::timeout, this, &Link::heartbeat);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this,
            [this] { close(u"the handshake did not finish in time"_s); });
    m_deadline.start(handshakeDeadlineMs);
    m_frameDeadline.setSingleShot(true);
    connect(&m_frameDeadline, &QTimer::timeout, this,
            [this] { close(u"a frame did not arrive whole in time"_s); });
}

Link::~Link() {
    m_socket->disconnect(this);
}

void Link::send(const Message& m) {
    if (m_closed || !m_socket->isEncrypted())
        return;
    const QByteArray frame = encodeFrame(m);
    startStallClockIfIdle(frame.size());
    m_socket->write(frame);
    closeIfStalled();
}

void Link::sendNow(const QByteArray& frame) {
    if (m_closed || !m_socket->isEncrypted())
        return;
    startStallClockIfIdle(frame.size());
    m_socket->write(frame);
    ++flushing;
    m_socket->flush();
    --flushing;
    closeIfStalled();
}

// A stall is counted from when the network last took bytes, or from when bytes began to wait:
// a link quiet for a minute is not stalled by its first burst.
void Link::startStallClockIfIdle(qsizetype frameSize) {
    m_largestFrame = qMax(m_largestFrame, frameSize);
    if (m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite() == 0)
        m_sinceTaken.restart();
}

// Much waiting is no fault on its own: a join's snapshot, a fill or a catch-up goes out in one
// burst, and a slow network takes a while. Much waiting while the other side takes nothing is.
// The kernel frees room in large pieces, seconds apart on a slow link: a snapshot larger than
// the limit, draining slowly, looked stalled; the largest frame is allowed on top.
// Closed from the event loop, not here: whoever sends may be in a loop of sends (a catch-up, a
// fill) that holds on to this link or its entry in a table the close would change.
void Link::closeIfStalled() {
    const qint64 unsent = m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
    if (m_closed || m_stalled || unsent <= maxUnsentToPeer + m_largestFrame ||
        m_sinceTaken.elapsed() <= maxStallMs)
        return;
    m_stalled = true;
    const QString reason =
        u"the other side takes nothing of what it is sent (%1 KiB waiting, none taken for %2 s)"_s
            .arg(unsent / 1024)
            .arg(m_sinceTaken.elapsed() / 1000.0, 0, 'f', 1);
    QMetaObject::invokeMethod(
        this, [this, reason] { close(reason, false); }, Qt::QueuedConnection);
}

void Link::markAuthenticated() {
    m_authenticated = true;
    m_deadline.stop();
    m_reader.setMaxFrame(m_maxAfterAuth);
}

void Link::close(const QString& reason, bool sayBye) {
    if (m_closed)
        return;
    m_closed = true;
    m_heartbeat.stop();
    m_deadline.stop();
    m_frameDeadline.stop();
    qCInfo(lcSync).noquote() << "closing link" << peerName() << "-" << reason;
    if (sayBye && m_socket->isEncrypted()) {
        m_socket->write(encodeFrame(message(MsgType::Bye, {{u"reason"_s, reason}})));
        m_socket->flush();
    }
    m_socket->abort();
    emit closed(reason);
}

void Link::readFrames() {
    if (flushing > 0) {
        if (!std::exchange(m_readPosted, true))
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_readPosted = false;
                    readFrames();
                },
                Qt::QueuedConnection);
        return;
    }
    QPointer<Link> self(this);
    while (self && !m_closed && m_socket->bytesAvailable() > 0) {
        const QByteArray chunk = m_socket->read(qMax<qint64>(1, m_reader.wanted()));
        m_bytesIn += chunk.size();
        m_sinceHeard.restart();
        m_reader.feed(chunk);
        if (!m_reader.error().isEmpty()) {
            close(m_reader.error());
            return;
        }
        if (auto payload = m_reader.take()) {
            ++m_framesIn;
            if (!dispatch(*payload))
                return;
        }
    }
    if (!self || m_closed)
        return;
    // Each frame gets its own time, from when its header came.
    if (const qint64 size = m_reader.frameInProgress(); size == 0) {
        m_frameDeadline.stop();
    } else if (!m_frameDeadline.isActive() || m_timedFrame != m_framesIn) {
        m_timedFrame = m_framesIn;
        m_frameDeadline.start(frameDeadlineMs + int(1000 * size / frameDeadlineBytesPerSecond));
    }
}

bool Link::dispatch(const QByteArray& payload) {
    if (!withinRate()) {
        close(u"too many messages (rate limit)"_s);
        return false;
    }
    auto decoded = decodeMessage(payload);
    if (!decoded) {
        close(u"malformed message: "_s + decoded.error());
        return false;
    }
    const Message& m = decoded.value();
    if (m.is(MsgType::Ping)) {
        send(
            message(MsgType::Pong, {{u"t0"_s, m.body.value(u"t0"_s)}, {u"t1"_s, m_clock.nowMs()}}));
        return true;
    }
    if (m.is(MsgType::Pong)) {
        // Only the answer to a ping of ours: a t0 made up by the other side made a round trip of
        // any length (overflowing on the way), and won the clock estimate with a tiny one.
        const qint64 t0 = integerOf(m.body.value(u"t0"_s));
        if (!m_pingsSent.removeOne(t0))
            return true;
        const qint64 t3 = m_clock.nowMs();
        m_lastRtt = t3 - t0;
        emit pong(t0, integerOf(m.body.value(u"t1"_s)), t3);
        return true;
    }
    QPointer<Link> self(this);
    emit messageReceived(m);
    return self && !m_closed;
}

bool Link::withinRate() {
    if (m_ratePerSecond <= 0)
        return true;
    const double burst = 2.0 * m_ratePerSecond;
    m_tokens = qMin(burst, m_tokens + m_rateClock.restart() * m_ratePerSecond / 1000.0);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

// Each beat comes 0.8 to 1.2 intervals after the last, on a precise timer. Coarse one-second
// timers are lined up on the second by Qt, and links that joined together would beat together:
// fifty pings and pongs at once on the host, and a command that came just then waited for them.
void Link::scheduleHeartbeat() {
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    m_heartbeat.start(int(heartbeatIntervalMs * jitter));
}

void Link::pingNow() {
    const qint64 t0 = m_clock.nowMs();
    m_pingsSent.append(t0);
    if (m_pingsSent.size() > maxPingsAwaited) // answers that never came
        m_pingsSent.removeFirst();
    send(message(MsgType::Ping, {{u"t0"_s, t0}}));
}

void Link::heartbeat() {
    if (m_authenticated && m_sinceHeard.elapsed() > silenceLimitMs) { // before: the deadline
        close(u"no sign of life for %1 s"_s.arg(m_sinceHeard.elapsed() / 1000.0, 0, 'f', 1), false);
        return;
    }
    pingNow();
    scheduleHeartbeat();
}

} // namespace podium::sync
