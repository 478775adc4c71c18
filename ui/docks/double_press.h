#pragma once

#include <QtGlobal>

#include <optional>

namespace podium {

// A key that moves the session on (next speaker, next segment) pressed again within a second is
// taken for one press that bounced: in a rehearsal, F9 pressed twice in a hurry called the next
// speaker and the one after, and the first was recorded as having spoken for 0:00.
class DoublePress {
public:
    static constexpr qint64 windowMs = 1'000;

    // Whether a press now comes within the window of the last press that did something.
    bool isRepeat(qint64 nowMs) const {
        return m_taken && nowMs >= *m_taken && nowMs - *m_taken < windowMs;
    }
    // A press that did something (one refused, or with nothing to do, holds back no other).
    void taken(qint64 nowMs) { m_taken = nowMs; }

private:
    std::optional<qint64> m_taken;
};

} // namespace podium
