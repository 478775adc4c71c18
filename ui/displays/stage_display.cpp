#include "stage_display.h"

#include "display_text.h"
#include "engine/session_engine.h"
#include "second_beat.h"

#include <QKeyEvent>
#include <QPainter>

namespace podium {

StageDisplay::StageDisplay(const SessionEngine& engine, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_engine(engine)
    , m_repaint(this) {
    m_repaint.setObjectName(QStringLiteral("stageBeat"));
    setObjectName(QStringLiteral("StageDisplay"));
    setWindowTitle(tr("Stage display"));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(320, 200);
    resize(960, 540);
    connect(&m_repaint, &QTimer::timeout, this, &StageDisplay::refresh);
    connect(&m_engine, &SessionEngine::eventApplied, this, &StageDisplay::refresh);
    connect(&m_engine, &SessionEngine::stateReset, this, &StageDisplay::refresh);
    refresh();
}

void StageDisplay::refresh() {
    const qint64 now = m_engine.now();
    if (m_timeUp.observe(m_engine.state(), now) == Cue::TimeUp)
        m_flashFrom = now;
    StageFace face = stageFaceOf(m_engine.state(), now, m_flashFrom);
    if (isVisible())
        beatToNextSecond(m_repaint, m_engine.state(), now, nextFlashStep(now));
    if (face == m_face)
        return;
    m_face = std::move(face);
    update();
}

// The flash's light and dark steps, while it lasts.
std::optional<qint64> StageDisplay::nextFlashStep(qint64 now) const {
    const qint64 since = now - m_flashFrom;
    if (m_flashFrom <= 0 || since < 0 || since >= stageFlashMs)
        return std::nullopt;
    return stageFlashStepMs - since % stageFlashStepMs;
}

void StageDisplay::paintEvent(QPaintEvent*) {
    const StagePalette colours = stagePalette(m_face.phase, m_face.inverted);
    QPainter p(this);
    p.setRenderHint(QPainter::TextAntialiasing);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), colours.background);
    paintTexts(p, colours.foreground);
}

void StageDisplay::paintTexts(QPainter& p, const QColor& ink) {
    const int h = height(), w = width(), margin = w / 24;
    const QRect inner = rect().adjusted(margin, h / 20, -margin, -h / 20);
    p.setPen(ink);
    QRect row(inner.left(), inner.top(), inner.width(), h / 9);
    drawFitted(p, row, m_face.speaker, displayFont(row.height() * 8 / 10, true));
    row.translate(0, row.height());
    row.setHeight(h / 16);
    drawFitted(p, row, m_face.detail, displayFont(row.height() * 7 / 10, false));

    const QRect timeBox(inner.left(), h * 27 / 100, inner.width(), h * 42 / 100);
    drawFitted(p, timeBox, m_face.time, displayFont(timeBox.height(), true));
    const QRect statusBox(inner.left(), timeBox.bottom(), inner.width(), h / 14);
    drawFitted(p, statusBox, m_face.status, displayFont(statusBox.height() * 7 / 10, true));

    const QRect bottom(inner.left(), h * 78 / 100, inner.width(), inner.bottom() - h * 78 / 100);
    if (!m_face.message.isEmpty()) {
        paintMessage(p, bottom);
    } else if (!m_face.next.isEmpty()) {
        const QRect nextRow(bottom.left(), bottom.bottom() - h / 14, bottom.width(), h / 14);
        drawFitted(p, nextRow, tr("Next: %1").arg(m_face.next),
                   displayFont(nextRow.height() * 6 / 10, false));
    }
}

// The moderator's note stands out on any background: dark ink on pale yellow.
void StageDisplay::paintMessage(QPainter& p, const QRect& box) {
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xff, 0xf3, 0xc4));
    p.drawRoundedRect(box, box.height() / 8, box.height() / 8);
    p.setPen(QColor(0x14, 0x14, 0x14));
    const QRect text =
        box.adjusted(box.height() / 6, box.height() / 10, -box.height() / 6, -box.height() / 10);
    drawWrapped(p, text, m_face.message, displayFont(box.height() * 4 / 10, true));
}

void StageDisplay::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void StageDisplay::mouseDoubleClickEvent(QMouseEvent*) {
    isFullScreen() ? showNormal() : showFullScreen();
}

void StageDisplay::showEvent(QShowEvent* event) {
    refresh(); // visible now: and on, as the seconds shown turn
    QWidget::showEvent(event);
}

void StageDisplay::hideEvent(QHideEvent* event) {
    m_repaint.stop();
    QWidget::hideEvent(event);
}

void StageDisplay::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setWindowTitle(tr("Stage display"));
        m_face = {};
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace podium
