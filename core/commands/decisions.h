#pragma once

#include "command.h"
#include "model/result.h"
#include "model/state.h"

// The per-area rules behind decide(): each returns the event data or a refusal.
namespace podium::decisions {

using Data = Result<QCborMap>;

Data participants(const SessionState& s, const Command& c);
Data queue(const SessionState& s, const Command& c, qint64 now);
Data floor(const SessionState& s, const Command& c);
Data timers(const SessionState& s, const Command& c, qint64 now);
Data agenda(const SessionState& s, const Command& c);
Data polls(const SessionState& s, const Command& c, qint64 now);
Data session(const SessionState& s, const Command& c);

// Why `p` cannot leave the roster ("Amina Diallo has spoken, and the report counts it: …"), empty
// when they may: the floor, the speech log and the queue (withdrawn entries too) name them. It
// said "is in the queue or has spoken", though which was known.
QString whyOnRecord(const SessionState& s, const Participant& p);

// Where a new entry goes: points of order first (in order of request), clarifying questions
// and then replies right after the point they relate to, everything else at the end.
qint64 queuePositionFor(const SessionState& s, const QueueEntry& entry);

// The message to the speaker as it is shown: one line, without control characters or the
// invisible marks that turn text right to left (a script sent "\u202E" and the stage display
// read backwards).
QString stageMessageText(const QCborValue& text);
constexpr qsizetype maxStageMessage = 140;  // characters as read (grapheme clusters)
bool stageMessageFits(const QString& text); // as the host decides it
// The most a timer is moved by at once, either way (0 is no move).
constexpr qint64 maxTimerAdjustMs = 60 * 60'000;

} // namespace podium::decisions
