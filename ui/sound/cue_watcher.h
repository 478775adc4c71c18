#pragma once

#include "model/state.h"

namespace podium {

enum class Cue { None, Warning, TimeUp };

// Decides when the speaker's countdown deserves a cue: once when it reaches the warning and once
// when it reaches zero, per speech. It watches the clock (timers are data, not ticks), so it is
// asked again and again and answers with a cue only on the crossing. A speech first seen already
// past a threshold (a seat that joined late, a reopened file) gets no cue for it: a cue that
// arrives late is noise. A paused countdown never cues.
class CueWatcher {
public:
    Cue observe(const SessionState& state, qint64 now);

private:
    void startWatching(const Floor& floor, qint64 now);

    Id m_entryId = 0;
    qint64 m_since = 0;
    bool m_warned = false;
    bool m_timedUp = false;
};

} // namespace podium
