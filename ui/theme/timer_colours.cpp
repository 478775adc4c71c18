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

QString formatDuration(qint64 ms) {
    // Whole seconds, rounded up while counting down so "0:00" means time is really up.
    const qint64 totalSeconds = (qAbs(ms) + 999) / 1000;
    const qint64 h = totalSeconds / 3600;
    const qint64 m = (totalSeconds / 60) % 60;
    const qint64 s = totalSeconds % 60;
    if (h > 0)
        return u"%1:%2:%3"_s.arg(h).arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(m).arg(s, 2, 10, QChar(u'0'));
}

QString formatCountdown(qint64 remainingMs) {
    if (remainingMs < 0) {
        // Overtime counts up in whole seconds already passed.
        const qint64 over = -remainingMs / 1000 * 1000;
        return u"+"_s + formatDuration(over);
    }
    return formatDuration(remainingMs);
}

} // namespace podium
