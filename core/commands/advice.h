#pragma once

#include "model/state.h"

#include <optional>

// Advice for the moderator, computed from the state; the moderator decides.
namespace podium {

struct Suggestion {
    Id entryId = 0;
    QString reason; // a sentence, e.g. "Has not spoken yet; online voices have had 1 of 6."
};

// Proposes whom to call next: a point of order first; otherwise people who have not spoken
// yet and the stakeholder groups, regions and channel heard least so far.
std::optional<Suggestion> suggestNext(const SessionState& s);

struct Forecast {
    int waiting = 0;           // entries waiting (not withdrawn)
    int fitting = 0;           // how many of them fit, in order, at their allotments
    qint64 remainingMs = 0;    // of the running segment (or session) after the current speaker
    qint64 neededMs = 0;       // for all waiting entries
    bool clockRunning = false; // the segment's clock (or the session's): else "left" stands still
};

Forecast forecast(const SessionState& s, qint64 now);

// Counts of interventions so far, for balance views and advice.
int speechesBy(const SessionState& s, StakeholderGroup g);
int speechesBy(const SessionState& s, Region r);
int speechesBy(const SessionState& s, Presence channel);
int speechesBy(const SessionState& s, Id participant);

} // namespace podium
