#include "clock_sync.h"

namespace podium::sync {

bool ClockSync::addSample(qint64 t0, qint64 t1, qint64 t3) {
    if (t3 < t0)
        return false; // the local clock jumped back: the sample means nothing
    constexpr qint64 farBeyondAnyClock = qint64(1) << 53; // ms: some 285,000 years
    if (t1 < -farBeyondAnyClock || t1 > farBeyondAnyClock)
        return false; // from the other side, and no clock shows it: the offset would overflow
    m_samples.append({t3 - t0, t1 - (t0 + t3) / 2});
    if (m_samples.size() > window)
        m_samples.removeFirst();
    Sample best = m_samples.first();
    for (const Sample& s : m_samples) {
        if (s.rtt < best.rtt)
            best = s;
    }
    const bool changed = best.offset != m_offset || best.rtt != m_bestRtt;
    m_offset = best.offset;
    m_bestRtt = best.rtt;
    return changed;
}

} // namespace podium::sync
