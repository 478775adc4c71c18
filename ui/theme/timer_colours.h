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

} // namespace podium
