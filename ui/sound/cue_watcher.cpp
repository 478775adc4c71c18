#include "cue_watcher.h"

namespace podium {

Cue CueWatcher::observe(const SessionState& state, qint64 now) {
    if (!state.floor) {
        m_entryId = 0;
        m_since = 0;
        return Cue::None;
    }
    const Floor& floor = *state.floor;
    if (floor.entry.id != m_entryId || floor.since != m_since) {
        startWatching(floor, now);
        return Cue::None;
    }
    const Countdown& c = floor.countdown;
    // Time given back (+30 s) arms the cues again: a speaker who runs out a second time is told
    // so again (the second time-up came silently).
    if (!c.isOvertime(now))
        m_timedUp = false;
    if (!c.isWarning(now) && !c.isOvertime(now))
        m_warned = false;
    if (!c.running)
        return Cue::None;
    if (c.isOvertime(now) && !m_timedUp) {
        // A jump straight past the warning (a large "-30 s") gives only the time-up cue.
        m_timedUp = m_warned = true;
        return Cue::TimeUp;
    }
    if (c.isWarning(now) && !m_warned && c.warningMs > 0) {
        m_warned = true;
        return Cue::Warning;
    }
    return Cue::None;
}

void CueWatcher::startWatching(const Floor& floor, qint64 now) {
    m_entryId = floor.entry.id;
    m_since = floor.since;
    const Countdown& c = floor.countdown;
    m_timedUp = c.isOvertime(now);
    m_warned = m_timedUp || c.isWarning(now);
}

} // namespace podium
