#pragma once

#include "sound/cue_watcher.h"
#include "stage_face.h"

#include <QTimer>
#include <QWidget>

namespace podium {

class SessionEngine;

// The speakers' screen: who has the floor, the countdown in huge digits on green, amber or red,
// overtime counting up, a flash when time runs out, and the moderator's short message. It
// reads the clock as the seconds shown turn, and repaints only when what it shows has changed.
class StageDisplay : public QWidget {
    Q_OBJECT
public:
    explicit StageDisplay(const SessionEngine& engine, QWidget* parent = nullptr);

    const StageFace& face() const { return m_face; }
    // Reads the clock and the state; repaints when the face changed.
    void refresh();

protected:
    void paintEvent(QPaintEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void paintTexts(QPainter& p, const QColor& ink);
    void paintMessage(QPainter& p, const QRect& box);
    std::optional<qint64> nextFlashStep(qint64 now) const;

    const SessionEngine& m_engine;
    CueWatcher m_timeUp;
    qint64 m_flashFrom = 0;
    StageFace m_face;
    QTimer m_repaint;
};

} // namespace podium
