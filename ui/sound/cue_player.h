#pragma once

#include "cue_watcher.h"

#include <QObject>
#include <QTemporaryDir>
#include <memory>

class QMediaDevices;
class QSoundEffect;

namespace podium {

class SessionEngine;

// The audible cues of the speaker's countdown. check() is called on every tick; when the
// watcher says a cue is due, cueGiven() tells the views (which flash) whether it should sound,
// and it is played when an audio output exists. Without one the cues stay visual, silently.
// Mute and volume are preferences of this machine, kept in QSettings.
class CuePlayer : public QObject {
    Q_OBJECT
public:
    explicit CuePlayer(const SessionEngine& engine, QObject* parent = nullptr);
    ~CuePlayer() override;

    bool isMuted() const { return m_muted; }
    void setMuted(bool muted);
    int volume() const { return m_volume; } // percent
    void setVolume(int percent);
    bool hasAudioOutput() const { return m_hasOutput; }

    void check();
    // Gives a cue now (also "Test the cues" in the menu).
    void give(Cue cue);

signals:
    // `audible`: the cue should be heard (not muted, volume above zero).
    void cueGiven(podium::Cue cue, bool audible);
    void mutedChanged(bool muted);
    void volumeChanged(int percent);
    void audioOutputChanged(bool available);

private:
    void watchOutputs();
    void updateOutputs();
    QSoundEffect* effectFor(Cue cue);
    QSoundEffect* makeEffect(Cue cue);

    const SessionEngine& m_engine;
    CueWatcher m_watcher;
    bool m_muted = false;
    int m_volume = 75;
    bool m_hasOutput = false;
    QMediaDevices* m_devices = nullptr;
    std::unique_ptr<QTemporaryDir> m_soundDir;
    QSoundEffect* m_warning = nullptr;
    QSoundEffect* m_timeUp = nullptr;
};

} // namespace podium
