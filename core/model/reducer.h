#pragma once

#include "event.h"
#include "state.h"

namespace podium {

// The only function that changes a session state. Pure, deterministic and total: it reads no
// clock, file or socket, and an event it cannot make sense of leaves the state as it was
// (apart from the sequence number), so every replica that applies the same log agrees.
SessionState apply(SessionState state, const Event& event);

} // namespace podium
