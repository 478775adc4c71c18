#pragma once

#include "event.h"
#include "state.h"

#include <QString>

namespace podium {

// One line a moderator can act on: when (local time), what, and whom or what it concerned,
// e.g. "14:03:12  Given the floor: Anna Smith". Names are looked up in `state` (the session as
// this seat had it), as typed: a view shows them as plain text.
QString describeEvent(const Event& event, const SessionState& state);
// The same without the time, of an event or of a command not done: "Given the floor: Anna Smith".
QString describeAction(Action action, const QCborMap& data, const SessionState& state);

} // namespace podium
