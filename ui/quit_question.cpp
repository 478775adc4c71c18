#include "quit_question.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QStringList>

namespace podium {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("QuitQuestion", text);
}
} // namespace

QString whatSeatsFollowingLose(int seatsFollowing) {
    if (seatsFollowing == 1)
        return tr("1 seat follows the session from this laptop: it loses touch with it until "
                  "it is hosted again, here or by that seat.");
    if (seatsFollowing > 1)
        return tr("%1 seats follow the session from this laptop: they lose touch with it until "
                  "it is hosted again, here or by one of them.")
            .arg(seatsFollowing);
    return {};
}

QString whatQuittingCutsOff(const SessionState& state, int seatsFollowing) {
    QStringList said;
    if (state.floor) {
        const Participant* speaker = state.participant(state.floor->entry.participantId);
        said << tr("%1 has the floor: their countdown goes from this window and its displays.")
                    .arg(speaker ? speaker->name : tr("A speaker"));
    }
    if (seatsFollowing > 0)
        said << whatSeatsFollowingLose(seatsFollowing);
    return said.join(u' ');
}

// A space typed into the wrong panel pressed Disconnect, and the online moderator's seat lost the
// session, told only that the host was out of reach.
bool confirmStopHosting(QWidget* window, int seatsFollowing) {
    if (seatsFollowing <= 0)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Disconnect"), whatSeatsFollowingLose(seatsFollowing),
                    QMessageBox::NoButton, window);
    box.setInformativeText(tr("Hosting again gives new join codes: each seat then needs its new "
                              "code to join."));
    QPushButton* stop = box.addButton(tr("Disconnect"), QMessageBox::DestructiveRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel)); // Enter, or a stray space, stays
    box.exec();
    return box.clickedButton() == stop;
}

bool confirmQuit(QWidget* window, const QString& cutOff, bool keptForLater) {
    if (cutOff.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Quit Podium"), cutOff, QMessageBox::NoButton,
                    window);
    box.setInformativeText(keptForLater
                               ? tr("Everything is saved: opening this session again carries on "
                                    "where it is.")
                               : tr("This demo scene is made afresh each time it is played: what "
                                    "was done in it is not kept."));
    QPushButton* quit = box.addButton(tr("Quit"), QMessageBox::DestructiveRole);
    box.setDefaultButton(box.addButton(QMessageBox::Cancel)); // Enter, pressed by habit, stays
    box.exec();
    return box.clickedButton() == quit;
}

} // namespace podium
