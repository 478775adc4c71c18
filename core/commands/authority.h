#pragma once

#include "command.h"
#include "model/event.h"
#include "model/result.h"
#include "model/state.h"

namespace podium {

// The host's judgement of a command: checks the issuer's role and the current state, and
// either refuses with a reason a moderator can read or returns the fully resolved event data.
// Pure: the same state, command and time always give the same answer.
Result<Event> decide(const SessionState& state, const Command& command, qint64 now);

// Whether a role may issue an action at all (before looking at the state).
bool isPermitted(Authority authority, Action action);
// What a role is told when it may not: the refusal, and the tooltip of a greyed control.
QString notPermittedReason(Authority authority);

} // namespace podium
