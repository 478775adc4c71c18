#pragma once

#include "model/state.h"

#include <QTimer>

namespace podium {

// Starts `timer` (made single-shot and precise) to fire just after the next second a running
// clock of `state` shows turns, or within `soonerMs` if that is sooner; stops it when neither
// holds. Every screen that repaints on it turns to the next second with the host's clock: each on
// a beat of its own (200 ms, 250 ms), they showed seconds apart a tenth of the time.
void beatToNextSecond(QTimer& timer, const SessionState& state, qint64 now,
                      std::optional<qint64> soonerMs = std::nullopt);

} // namespace podium
