#pragma once

#include "model/event.h"
#include "model/state.h"

#include <QStringList>

class QWidget;

namespace podium {

// What a seat had that the session's host never got (docs/PROTOCOL.md, "Handover"), one line
// per event (describeEvent), told without stopping the session: a box that stays until read.
// `canAct`: the seat may redo them (a rapporteur's seat, told to "redo what still matters",
// could not, nor had it taken any of them: they were the previous host's).
void showOrphans(QWidget* parent, const QList<Event>& events, const SessionState& before,
                 bool canAct);

} // namespace podium
