#include "cue_player.h"

#include "cue_tones.h"
#include "engine/session_engine.h"

#include <QAudioDevice>
#include <QFile>
#include <QMediaDevices>
#include <QSettings>
#include <QSoundEffect>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

const QString mutedKey = u"sound/muted"_s;
const QString volumeKey = u"sound/volume"_s;
constexpr int minVolume = 25;

} // namespace

CuePlayer::CuePlayer(const SessionEngine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine) {
    QSettings settings;
    m_muted = settings.value(mutedKey, false).toBool();
    bool readable = false;
    const int volume = settings.value(volumeKey, 75).toInt(&readable);
    // A damaged preference is not silence: the menu offers 25 to 100 %, and Mute is for silence.
    m_volume = readable && volume >= minVolume && volume <= 100 ? volume : 75;
    // Asking for the audio devices loads the platform's sound system, which takes longer than
    // building the whole window: it is done once the event loop runs, after the first paint.
    QTimer::singleShot(0, this, &CuePlayer::watchOutputs);
}

void CuePlayer::watchOutputs() {
    m_devices = new QMediaDevices(this);
    connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &CuePlayer::updateOutputs);
    updateOutputs();
}

CuePlayer::~CuePlayer() = default;

void CuePlayer::setMuted(bool muted) {
    if (muted == m_muted)
        return;
    m_muted = muted;
    QSettings().setValue(mutedKey, muted);
    emit mutedChanged(muted);
}

void CuePlayer::setVolume(int percent) {
    percent = qBound(minVolume, percent, 100);
    if (percent == m_volume)
        return;
    m_volume = percent;
    QSettings().setValue(volumeKey, percent);
    for (QSoundEffect* effect : {m_warning, m_timeUp}) {
        if (effect)
            effect->setVolume(m_volume / 100.0);
    }
    emit volumeChanged(percent);
}

void CuePlayer::check() {
    const Cue cue = m_watcher.observe(m_engine.state(), m_engine.now());
    if (cue != Cue::None)
        give(cue);
}

void CuePlayer::give(Cue cue) {
    if (cue == Cue::None)
        return;
    const bool audible = !m_muted;
    emit cueGiven(cue, audible);
    if (!audible || !m_hasOutput)
        return;
    if (QSoundEffect* effect = effectFor(cue))
        effect->play();
}

// A headset plugged in during the session starts the sound; one pulled out stops it quietly.
void CuePlayer::updateOutputs() {
    const bool had = m_hasOutput;
    m_hasOutput = !QMediaDevices::audioOutputs().isEmpty();
    if (had != m_hasOutput)
        emit audioOutputChanged(m_hasOutput);
    if (m_hasOutput) {
        // Loaded ahead, so the first cue of the session is not late.
        effectFor(Cue::Warning);
        effectFor(Cue::TimeUp);
    }
}

QSoundEffect* CuePlayer::effectFor(Cue cue) {
    QSoundEffect*& effect = cue == Cue::Warning ? m_warning : m_timeUp;
    if (!effect)
        effect = makeEffect(cue);
    return effect;
}

// The sounds are written once per run to a private temporary folder: QSoundEffect plays files.
QSoundEffect* CuePlayer::makeEffect(Cue cue) {
    if (!m_soundDir)
        m_soundDir = std::make_unique<QTemporaryDir>();
    if (!m_soundDir->isValid())
        return nullptr;
    const QString path =
        m_soundDir->filePath(cue == Cue::Warning ? u"warning.wav"_s : u"time-up.wav"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(cueWav(cue)) < 0)
        return nullptr;
    file.close();
    auto* effect = new QSoundEffect(this);
    effect->setSource(QUrl::fromLocalFile(path));
    effect->setVolume(m_volume / 100.0);
    return effect;
}

} // namespace podium
