#pragma once

namespace podium {

class Cockpit;
class CueFlash;
class CuePlayer;
class DisplayWindows;
class MainWindow;

struct DisplaysAndCues {
    DisplayWindows* displays = nullptr;
    CuePlayer* cues = nullptr;
    CueFlash* flash = nullptr;
};

// Gives a cockpit window its stage and audience displays (View menu) and its cues: the sound
// menu, the player driven by the cockpit's tick, the flash over the window. All are owned by
// the window.
DisplaysAndCues installDisplaysAndCues(MainWindow& window, Cockpit& cockpit);

} // namespace podium
