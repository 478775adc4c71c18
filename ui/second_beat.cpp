#include "second_beat.h"

namespace podium {

namespace {

// Late by a little, never early: a timer that fires a millisecond early reads the second before.
constexpr qint64 afterTurnMs = 3;
// A second and the margin: the longest a running clock's shown second lasts.
constexpr qint64 longestMs = 1000 + afterTurnMs;

} // namespace

void beatToNextSecond(QTimer& timer, const SessionState& state, qint64 now,
                      std::optional<qint64> soonerMs) {
    timer.setSingleShot(true);
    timer.setTimerType(Qt::PreciseTimer);
    std::optional<qint64> wait = state.msToNextSecond(now);
    if (wait)
        *wait += afterTurnMs;
    if (soonerMs && (!wait || *soonerMs < *wait))
        wait = soonerMs;
    if (wait)
        timer.start(int(qBound<qint64>(0, *wait, longestMs)));
    else
        timer.stop();
}

} // namespace podium
