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

// `command` as a redo after its compensation sends it again: a clock's start or pause at the
// moment `event` did it (`since`/`until`), so that undo and redo leave the time run as it was.
// Redone from now, a start undone and redone lost all the time it had run.
Command asRedone(Command command, const SessionState& before, const Event& event);

} // namespace podium
