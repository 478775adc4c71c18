#pragma once

#include "model/state.h"

#include <QColor>
#include <QString>

namespace podium {

// What the stage display shows at one instant, computed from the state and a clock reading
// (never from ticks), so a test on a fake clock sees exactly what a speaker would.
struct StageFace {
    QString speaker;
    QString detail; // affiliation, and "online" for a remote speaker
    QString time;   // "4:59", "0:00", "+0:17"
    QString status; // "Paused", "Time is up"
    QString message;
    QString next;
    TimerPhase phase = TimerPhase::Idle;
    bool inverted = false; // the time-up flash

    bool operator==(const StageFace&) const = default;
};

struct StagePalette {
    QColor background;
    QColor foreground;
};

constexpr qint64 stageFlashMs = 3'000;
constexpr qint64 stageFlashStepMs = 300; // light, then dark

// The countdown as a speaker reads it: the time left, or "+m:ss" counting up past zero.
QString countdownText(const Countdown& c, qint64 now);
// The countdown's phase in words ("Please conclude", "Time is up"); empty while time runs.
QString countdownStatus(TimerPhase phase, const Countdown& c);
// `flashFrom`: when time ran out in this speech (0: no flash).
StageFace stageFaceOf(const SessionState& s, qint64 now, qint64 flashFrom);
StagePalette stagePalette(TimerPhase phase, bool inverted);

} // namespace podium
