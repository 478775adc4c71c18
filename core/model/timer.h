#pragma once

#include <QString>
#include <QtGlobal>
#include <optional>

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
    // How long until the second it shows turns, left or passed (a running countdown only):
    // screens that repaint then turn to the next second together, as the host's clock does.
    std::optional<qint64> msToNextSecond(qint64 now) const;

    void start(qint64 at);
    void pause(qint64 at);
    void adjust(qint64 deltaMs) { allottedMs += deltaMs; }

    bool operator==(const Countdown&) const = default;
};

enum class TimerPhase { Idle, Running, Warning, Overtime, Paused };
TimerPhase phaseOf(const Countdown& c, qint64 now);

// As every screen and `podium ctl` show a clock, so that they agree to the second.
// "4:05", "0:00", "+1:12" (overtime); hours appear when needed ("1:02:03").
QString formatCountdown(qint64 remainingMs);
QString formatDuration(qint64 ms); // a time left or planned: whole seconds, rounded up
QString formatElapsed(qint64 ms);  // a time passed: whole seconds, rounded down

} // namespace podium
