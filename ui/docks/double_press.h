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

    // True for a press within the window of the last one taken; any other is taken.
    bool isRepeat(qint64 nowMs) {
        if (m_taken && nowMs >= *m_taken && nowMs - *m_taken < windowMs)
            return true;
        m_taken = nowMs;
        return false;
    }

private:
    std::optional<qint64> m_taken;
};

} // namespace podium
