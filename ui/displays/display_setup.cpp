#include "display_setup.h"

#include "cockpit.h"
#include "display_windows.h"
#include "main_window.h"
#include "sound/cue_flash.h"
#include "sound/cue_player.h"
#include "sound/sound_menu.h"

#include <QMenu>

namespace podium {

DisplaysAndCues installDisplaysAndCues(MainWindow& window, Cockpit& cockpit) {
    DisplaysAndCues made;
    made.displays = new DisplayWindows(cockpit.engine(), &window);
    made.cues = new CuePlayer(cockpit.engine(), &window);
    made.flash = new CueFlash(&window);
    QObject::connect(&cockpit, &Cockpit::tick, made.cues, &CuePlayer::check);
    QObject::connect(made.cues, &CuePlayer::cueGiven, made.flash,
                     [flash = made.flash](Cue cue) { flash->flash(cue); });
    // The first of this laptop's addresses: most have one network; the Polls panel lists all.
    QObject::connect(&cockpit, &Cockpit::votingPageUrlsChanged, made.displays,
                     [displays = made.displays](const QStringList& urls) {
                         displays->setVotingAddress(urls.value(0));
                     });
    if (QMenu* view = window.menu(MainWindow::MenuId::View)) {
        view->addSeparator();
        made.displays->addActionsTo(view);
        view->addMenu(new SoundMenu(*made.cues, view));
    }
    return made;
}

} // namespace podium
