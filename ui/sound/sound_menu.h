#pragma once

#include <QMenu>

class QActionGroup;

namespace podium {

class CuePlayer;

// "Sound cues": mute, volume and a test, for the moderator to set before the session starts.
class SoundMenu : public QMenu {
    Q_OBJECT
public:
    SoundMenu(CuePlayer& player, QWidget* parent = nullptr);

    QAction* muteAction() const { return m_mute; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showVolume(int percent);

    CuePlayer& m_player;
    QAction* m_mute;
    QMenu* m_volumeMenu;
    QActionGroup* m_volumes;
    QAction* m_testWarning;
    QAction* m_testTimeUp;
    QAction* m_noDevice;
};

} // namespace podium
