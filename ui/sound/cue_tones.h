#pragma once

#include "cue_watcher.h"

#include <QByteArray>

namespace podium {

// The cue sounds, made in code so no audio file has to be shipped or found at run time: a soft
// two-note chime for the warning and a brighter three-note bell for time-up, each under a
// second, with gentle attacks so they do not click. Returns a complete 16-bit mono WAV file.
QByteArray cueWav(Cue cue);

} // namespace podium
