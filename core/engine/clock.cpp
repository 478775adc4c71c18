#include "clock.h"

#include <QDateTime>

namespace podium {

qint64 SystemClock::nowMs() const {
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace podium
