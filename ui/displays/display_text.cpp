#include "display_text.h"

#include <QFontMetrics>
#include <QPainter>

namespace podium {
namespace {

constexpr int smallestPixels = 10;

void shrink(QFont& font) {
    font.setPixelSize(qMax(smallestPixels, font.pixelSize() * 9 / 10));
}

} // namespace

QFont displayFont(int pixelSize, bool bold) {
    QFont font;
    font.setPixelSize(qMax(smallestPixels, pixelSize));
    font.setBold(bold);
    return font;
}

Qt::TextFlag directionOf(const QString& text) {
    return text.isRightToLeft() ? Qt::TextForceRightToLeft : Qt::TextForceLeftToRight;
}

void drawFitted(QPainter& p, const QRect& box, const QString& text, QFont font) {
    if (text.isEmpty() || box.isEmpty())
        return;
    while (font.pixelSize() > smallestPixels &&
           QFontMetrics(font).horizontalAdvance(text) > box.width())
        shrink(font);
    p.setFont(font);
    const QString shown = QFontMetrics(font).elidedText(text, Qt::ElideRight, box.width());
    p.drawText(box, Qt::AlignCenter | Qt::TextSingleLine | directionOf(text), shown);
}

QFont fittingWrapped(QFont font, const QRect& box, const QString& text, int flags) {
    while (font.pixelSize() > smallestPixels &&
           QFontMetrics(font).boundingRect(box, flags, text).height() > box.height())
        shrink(font);
    return font;
}

void drawWrapped(QPainter& p, const QRect& box, const QString& text, QFont font) {
    if (text.isEmpty() || box.isEmpty())
        return;
    const int flags = Qt::AlignCenter | Qt::TextWordWrap | directionOf(text);
    p.setFont(fittingWrapped(font, box, text, flags));
    p.drawText(box, flags, text);
}

} // namespace podium
