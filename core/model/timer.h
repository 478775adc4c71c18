#pragma once

#include <QtGlobal>

namespace podium {

// A countdown is data, not ticks: the remaining time is computed from a clock reading, so
// nothing is logged per second and every replica shows the same figure for the same instant.
struct Countdown {
    qint64 allottedMs = 0;
    qint64 accumulatedMs = 0; // time run before the current start
    qint64 startedAt = 0;     // host clock (ms since epoch) of the current start, when running
    bool running = false;
    qint64 warningMs = 30'000; // remaining time at which displays turn amber

    qint64 elapsedMs(qint64 now) const;
    qint64 remainingMs(qint64 now) const { return allottedMs - elapsedMs(now); }
    bool isOvertime(qint64 now) const { return remainingMs(now) < 0; }
    qint64 overtimeMs(qint64 now) const { return isOvertime(now) ? -remainingMs(now) : 0; }
    bool isWarning(qint64 now) const;

    void start(qint64 at);
    void pause(qint64 at);
    void adjust(qint64 deltaMs) { allottedMs += deltaMs; }

    bool operator==(const Countdown&) const = default;
};

enum class TimerPhase { Idle, Running, Warning, Overtime, Paused };
TimerPhase phaseOf(const Countdown& c, qint64 now);

} // namespace podium
