#pragma once

#include "cockpit.h"
#include "engine/clock.h"
#include "engine/session_engine.h"

#include <memory>

// A big session for the UI benchmark: many participants, a long queue and a long event log.
namespace podium::bench {

struct BigSession {
    SystemClock clock;
    SessionEngine engine{clock};
    std::unique_ptr<Cockpit> cockpit;

    BigSession(int queued, int loggedEvents);
    // One more event, as the host: alternates queue, timer and stage-message changes.
    void oneEvent(int i);
};

} // namespace podium::bench
