#pragma once

#include "command.h"
#include "model/state.h"

#include <QCborValue>
#include <QString>
#include <optional>

// Undo and redo set a value back, or again: a tally, a participant's details, a queue entry's
// place or fields, the message to the speaker. Set as they were, they wiped whatever the other
// moderator had changed there since, without a word. So such a step carries "expect": the value
// it finds there if nobody else changed it (the one it set, for an undo; the one its undo put
// back, for a redo), and the host refuses it, saying so, when the value is no longer that.
namespace podium {

// The value `c` changes, as the state holds it now: for an edit, the fields it sets; for a
// move, the queue's order; for a removal, the whole participant. Nothing for actions that carry
// no expectation.
std::optional<QCborValue> valueBefore(const SessionState& s, const Command& c);
// The value `c` sets, when the command alone tells it (not a queue's order).
std::optional<QCborValue> valueSetBy(const Command& c);
// `c` made to expect `value` (nothing changes when there is none).
Command expecting(Command c, const std::optional<QCborValue>& value);
// Why `c` cannot be done: its expectation no longer holds (empty when it holds, or has none).
QString unmetExpectation(const SessionState& s, const Command& c);

} // namespace podium
