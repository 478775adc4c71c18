#pragma once

#include "model/state.h"

#include <QString>

class QWidget;

namespace podium {

// What quitting this window now would cut off in the room: the speaker's countdown goes from
// the cockpit and its displays, and the seats that follow this laptop lose touch with the
// session. Empty when nothing would (nothing is lost either way: all is on disk).
QString whatQuittingCutsOff(const SessionState& state, int seatsFollowing);

// Asks before quitting when `cutOff` says something; true to quit. `keptForLater`: whether opening
// the session again carries on where it is (a demo scene is made afresh at each start).
bool confirmQuit(QWidget* window, const QString& cutOff, bool keptForLater = true);

// "1 seat follows the session from this laptop: it loses touch…"; empty for none.
QString whatSeatsFollowingLose(int seatsFollowing);
// Asks before a host stops hosting while seats follow it; true to stop.
bool confirmStopHosting(QWidget* window, int seatsFollowing);

} // namespace podium
