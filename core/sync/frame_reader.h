#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

namespace podium::sync {

// Cuts a byte stream into frames. The length is checked the moment the 4-byte header is
// there, so an oversized frame is refused before its body is buffered; the buffer never holds
// more than one frame plus one header.
class FrameReader {
public:
    explicit FrameReader(qint64 maxFrame)
        : m_maxFrame(maxFrame) {}
    void setMaxFrame(qint64 maxFrame) { m_maxFrame = maxFrame; }
    qint64 maxFrame() const { return m_maxFrame; }

    // How many bytes the reader wants next (never more than the current frame needs).
    qint64 wanted() const;
    // Appends bytes (at most wanted() are used; the rest are returned to be fed again).
    QByteArray feed(const QByteArray& bytes);
    // A complete payload, once there; each payload is returned once.
    std::optional<QByteArray> take();
    // The length of a frame whose header is in and whose body is not yet whole, else 0.
    qint64 frameInProgress() const {
        return m_bodyLength > 0 && m_buffer.size() < m_bodyLength ? m_bodyLength : 0;
    }
    // Set when the stream broke a limit; the connection must be closed.
    const QString& error() const { return m_error; }

private:
    qint64 m_maxFrame;
    QByteArray m_buffer;
    qint64 m_bodyLength = -1; // -1: header not complete yet
    QString m_error;
};

} // namespace podium::sync
