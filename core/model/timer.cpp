#include "timer.h"

namespace podium {

qint64 Countdown::elapsedMs(qint64 now) const {
    // A clock that steps backwards (a peer's offset estimate moving) must not make time run back
    // past the last start.
    const qint64 runningFor = running ? qMax<qint64>(0, now - startedAt) : 0;
    return accumulatedMs + runningFor;
}

bool Countdown::isWarning(qint64 now) const {
    const qint64 left = remainingMs(now);
    return left >= 0 && left <= warningMs;
}

void Countdown::start(qint64 at) {
    if (running)
        return;
    running = true;
    startedAt = at;
}

void Countdown::pause(qint64 at) {
    if (!running)
        return;
    accumulatedMs = elapsedMs(at);
    running = false;
    startedAt = 0;
}

TimerPhase phaseOf(const Countdown& c, qint64 now) {
    if (c.isOvertime(now))
        return TimerPhase::Overtime;
    if (!c.running)
        return c.accumulatedMs == 0 ? TimerPhase::Idle : TimerPhase::Paused;
    return c.isWarning(now) ? TimerPhase::Warning : TimerPhase::Running;
}

} // namespace podium
