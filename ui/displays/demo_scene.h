#pragma once

#include "model/result.h"

#include <QString>
#include <QStringList>

namespace podium {

class SessionEngine;

// A session in full swing, for demonstrations, training and the README's screenshots: audience
// members in the room and online, a queue, a panelist speaking, a poll with votes from every
// source. The scenes differ in the speaker's countdown: "live" (1:20 left), "warning" (0:24
// left, with a message to the speaker) and "overtime" (time up as the scene starts, then
// counting over). Played through ordinary
// commands, as the host, so the log and the undo history are those of a real session.
QStringList demoSceneNames();
[[nodiscard]] Result<bool> playDemoScene(SessionEngine& engine, const QString& scene);

} // namespace podium
