#pragma once

#include <QList>
#include <QtGlobal>

namespace podium::sync {

// NTP-style estimate of the host's clock from ping/pong stamps: offset = t1 - (t0 + t3) / 2.
// Of the last few samples the one with the smallest round trip wins, because queueing delay
// only ever adds to a round trip and skews its offset.
class ClockSync {
public:
    static constexpr int window = 8;
    // Returns true when the estimate changed.
    bool addSample(qint64 t0, qint64 t1, qint64 t3);
    qint64 offsetMs() const { return m_offset; }
    qint64 bestRttMs() const { return m_bestRtt; }
    bool hasEstimate() const { return !m_samples.isEmpty(); }
    void clear() {
        m_samples.clear();
        m_bestRtt = -1;
    }

private:
    struct Sample {
        qint64 rtt;
        qint64 offset;
    };
    QList<Sample> m_samples;
    qint64 m_offset = 0;
    qint64 m_bestRtt = -1;
};

} // namespace podium::sync
