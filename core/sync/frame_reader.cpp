#include "frame_reader.h"

#include <QtEndian>

namespace podium::sync {

qint64 FrameReader::wanted() const {
    if (!m_error.isEmpty())
        return 0;
    if (m_bodyLength < 0)
        return 4 - m_buffer.size();
    return m_bodyLength - m_buffer.size();
}

QByteArray FrameReader::feed(const QByteArray& bytes) {
    qint64 used = 0;
    while (used < bytes.size() && m_error.isEmpty()) {
        const qint64 n = qMin(wanted(), bytes.size() - used);
        if (n <= 0)
            break; // a complete payload waits to be taken
        m_buffer.append(bytes.constData() + used, n);
        used += n;
        if (m_bodyLength < 0 && m_buffer.size() == 4) {
            const quint32 length = qFromBigEndian<quint32>(m_buffer.constData());
            if (qint64(length) > m_maxFrame) {
                m_error = QStringLiteral("frame of %1 bytes is over the limit of %2")
                              .arg(length)
                              .arg(m_maxFrame);
                break;
            }
            if (length == 0) {
                m_error = QStringLiteral("empty frame");
                break;
            }
            m_bodyLength = length;
            m_buffer.clear();
        }
    }
    return bytes.mid(used);
}

std::optional<QByteArray> FrameReader::take() {
    if (m_bodyLength < 0 || m_buffer.size() < m_bodyLength || !m_error.isEmpty())
        return std::nullopt;
    QByteArray payload;
    payload.swap(m_buffer);
    m_bodyLength = -1;
    return payload;
}

} // namespace podium::sync
