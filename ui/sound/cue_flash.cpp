#include "cue_flash.h"

#include <QEvent>
#include <QPainter>
#include <cmath>
#include <numbers>

namespace podium {
namespace {

constexpr int flashMs = 1800;
constexpr int pulses = 3;

QColor colourOf(Cue cue) {
    return cue == Cue::TimeUp ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xf5, 0xa6, 0x23);
}

} // namespace

CueFlash::CueFlash(QWidget* over)
    : QWidget(over) {
    setObjectName(QStringLiteral("CueFlash"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setFocusPolicy(Qt::NoFocus);
    hide();
    m_frames.setInterval(40);
    connect(&m_frames, &QTimer::timeout, this, &CueFlash::step);
    over->installEventFilter(this);
}

void CueFlash::flash(Cue cue) {
    if (cue == Cue::None)
        return;
    m_cue = cue;
    m_started.start();
    setGeometry(parentWidget()->rect());
    raise();
    show();
    m_frames.start();
    update();
}

bool CueFlash::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void CueFlash::step() {
    if (m_started.elapsed() >= flashMs) {
        m_frames.stop();
        m_cue = Cue::None;
        hide();
        return;
    }
    update();
}

void CueFlash::paintEvent(QPaintEvent*) {
    if (m_cue == Cue::None)
        return;
    const double t = double(m_started.elapsed()) / flashMs;
    const double strength = std::pow(std::sin(std::numbers::pi * pulses * t), 2);
    QColor c = colourOf(m_cue);
    c.setAlphaF(0.25 + 0.75 * strength);
    QPainter p(this);
    const int w = 10;
    p.setPen(QPen(c, w));
    p.drawRect(rect().adjusted(w / 2, w / 2, -w / 2, -w / 2));
}

} // namespace podium
