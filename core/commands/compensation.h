#pragma once

#include "command.h"
#include "model/event.h"
#include "model/state.h"

#include <optional>

namespace podium {

// Undo is a compensating command, so it syncs like any other: given the state before an event
// and the event, the command that takes the session back. Nothing for actions that are
// themselves compensations or that cannot be taken back safely (removing a queue entry).
// The result carries no id, author or authority: the issuer fills them in.
std::optional<Command> compensationFor(const SessionState& before, const Event& event);

} // namespace podium
