#include "timer.h"

using namespace Qt::StringLiterals;

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

std::optional<qint64> Countdown::msToNextSecond(qint64 now) const {
    if (!running)
        return std::nullopt;
    const qint64 elapsed = elapsedMs(now);
    // A time left turns as it reaches a whole second (rounded up); a time passed, as the time
    // run does (rounded down). Both are whole seconds from the start only if the length is.
    const auto untilWhole = [](qint64 ms) {
        return 1000 - ((ms % 1000) + 1000) % 1000;
    };
    return qMin(untilWhole(elapsed - allottedMs), untilWhole(elapsed));
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
