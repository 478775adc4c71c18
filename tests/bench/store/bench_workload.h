#pragma once

#include "engine/clock.h"
#include "engine/session_engine.h"
#include "model/event.h"

// A long session for the store benchmark, event by event: queue churn, timers and stage
// messages, so that the log grows while the state stays the size of a real session's.
namespace podium::bench {

class Workload {
public:
    Workload();
    const Event& creation() const { return m_creation; }
    Event next(); // seq 2, 3, ... decided by a real engine

private:
    FakeClock m_clock;
    SessionEngine m_engine{m_clock};
    Event m_creation;
    Event m_last;
};

} // namespace podium::bench
