#include "timer_colours.h"

using namespace Qt::StringLiterals;

namespace podium {

PhaseColours phaseColours(TimerPhase phase, const QColor& calmBackground, const QColor& calmText) {
    switch (phase) {
    case TimerPhase::Warning:
        return {QColor(0xF5, 0xA6, 0x23), QColor(Qt::black)};
    case TimerPhase::Overtime:
        return {QColor(0xC6, 0x28, 0x28), QColor(Qt::white)};
    case TimerPhase::Running:
        return {QColor(0x2E, 0x7D, 0x32), QColor(Qt::white)};
    case TimerPhase::Idle:
    case TimerPhase::Paused:
        break;
    }
    return {calmBackground, calmText};
}

} // namespace podium
