#pragma once

#include "model/event.h"
#include "model/state.h"

#include <QStringList>

class QWidget;

namespace podium {

// What a seat had that the session's host never got (docs/PROTOCOL.md, "Handover"), one line
// per event (describeEvent), told without stopping the session: a box that stays until read.
void showOrphans(QWidget* parent, const QList<Event>& events, const SessionState& before);

} // namespace podium
