#pragma once

#include "cue_watcher.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QWidget>

namespace podium {

// The visual side of a cue: a coloured frame that pulses around a window (amber at the warning,
// red at time-up), for the noisy room, the muted laptop and the machine without speakers. It
// lies over its parent and lets every click through.
class CueFlash : public QWidget {
    Q_OBJECT
public:
    explicit CueFlash(QWidget* over);

    void flash(Cue cue);
    bool isFlashing() const { return m_cue != Cue::None; }
    Cue currentCue() const { return m_cue; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void step();

    Cue m_cue = Cue::None;
    QElapsedTimer m_started;
    QTimer m_frames;
};

} // namespace podium
