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

namespace {

QString clockText(qint64 totalSeconds) {
    const qint64 h = totalSeconds / 3600;
    const qint64 m = (totalSeconds / 60) % 60;
    const qint64 s = totalSeconds % 60;
    if (h > 0)
        return u"%1:%2:%3"_s.arg(h).arg(m, 2, 10, QChar(u'0')).arg(s, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(m).arg(s, 2, 10, QChar(u'0'));
}

} // namespace

QString formatDuration(qint64 ms) {
    // Whole seconds, rounded up while counting down so "0:00" means time is really up.
    return clockText((qAbs(ms) + 999) / 1000);
}

QString formatElapsed(qint64 ms) {
    // Whole seconds passed, so an elapsed and a remaining time add up to the planned length.
    return clockText(qAbs(ms) / 1000);
}

QString formatCountdown(qint64 remainingMs) {
    if (remainingMs < 0) {
        return u"+"_s + formatElapsed(-remainingMs); // overtime counts whole seconds passed
    }
    return formatDuration(remainingMs);
}

} // namespace podium
