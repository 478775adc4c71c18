#include "sound_menu.h"

#include "cue_player.h"

#include <QActionGroup>
#include <QEvent>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

constexpr int volumeSteps[] = {25, 50, 75, 100};

} // namespace

SoundMenu::SoundMenu(CuePlayer& player, QWidget* parent)
    : QMenu(parent)
    , m_player(player)
    , m_mute(addAction(QString()))
    , m_volumeMenu(addMenu(QString()))
    , m_volumes(new QActionGroup(this)) {
    setObjectName(u"SoundMenu"_s);
    m_mute->setObjectName(u"MuteCuesAction"_s);
    m_mute->setCheckable(true);
    m_mute->setChecked(player.isMuted());
    connect(m_mute, &QAction::toggled, &m_player, &CuePlayer::setMuted);
    connect(&m_player, &CuePlayer::mutedChanged, m_mute, &QAction::setChecked);
    for (int percent : volumeSteps) {
        QAction* a = m_volumeMenu->addAction(QString());
        a->setCheckable(true);
        a->setData(percent);
        m_volumes->addAction(a);
        connect(a, &QAction::triggered, &m_player,
                [this, percent] { m_player.setVolume(percent); });
    }
    connect(&m_player, &CuePlayer::volumeChanged, this, &SoundMenu::showVolume);
    showVolume(player.volume());
    addSeparator();
    m_testWarning = addAction(QString(), &m_player, [this] { m_player.give(Cue::Warning); });
    m_testTimeUp = addAction(QString(), &m_player, [this] { m_player.give(Cue::TimeUp); });
    m_noDevice = addAction(QString());
    m_noDevice->setEnabled(false);
    m_noDevice->setVisible(!player.hasAudioOutput());
    connect(&m_player, &CuePlayer::audioOutputChanged, m_noDevice,
            [this](bool available) { m_noDevice->setVisible(!available); });
    retranslate();
}

void SoundMenu::showVolume(int percent) {
    for (QAction* a : m_volumes->actions())
        a->setChecked(a->data().toInt() == percent);
}

void SoundMenu::retranslate() {
    setTitle(tr("Sound cues"));
    m_mute->setText(tr("Mute cues"));
    m_volumeMenu->setTitle(tr("Volume"));
    for (QAction* a : m_volumes->actions())
        a->setText(tr("%1 %").arg(QLocale().toString(a->data().toInt())));
    m_testWarning->setText(tr("Play the warning cue"));
    m_testTimeUp->setText(tr("Play the time-up cue"));
    m_noDevice->setText(tr("No sound output found: cues are shown as flashes"));
}

void SoundMenu::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMenu::changeEvent(event);
}

} // namespace podium
