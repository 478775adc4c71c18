#pragma once

#include "model/timer.h"

#include <QColor>
#include <QString>

namespace podium {

// The countdown's colours, the same in every theme so a speaker learns them once: calm while
// there is time, amber at the warning, red from zero on (overtime counts up).
struct PhaseColours {
    QColor background;
    QColor text;
};

PhaseColours phaseColours(TimerPhase phase, const QColor& calmBackground, const QColor& calmText);

// "4:05", "0:00", "+1:12" (overtime); hours appear when needed ("1:02:03").
QString formatCountdown(qint64 remainingMs);
QString formatDuration(qint64 ms); // a time left or planned: whole seconds, rounded up
QString formatElapsed(qint64 ms);  // a time passed: whole seconds, rounded down

} // namespace podium
