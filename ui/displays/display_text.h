#pragma once

#include <QFont>
#include <QRect>
#include <QString>

class QPainter;

// Text for screens read from across a room: as large as the box allows, never clipped.
namespace podium {

QFont displayFont(int pixelSize, bool bold);
// The text's own direction, from its first letter, whatever the window's: "(1 min)" in an Arabic
// message stood at its right-hand end, where an Arabic reader begins.
Qt::TextFlag directionOf(const QString& text);
// One line centred in `box`; the font shrinks until the text fits, then it is elided.
void drawFitted(QPainter& p, const QRect& box, const QString& text, QFont font);
// `font`, shrunk until `text` drawn with `flags` (which wrap) fits `box`.
QFont fittingWrapped(QFont font, const QRect& box, const QString& text, int flags);
// Word-wrapped and centred; the font shrinks until every line fits the box.
void drawWrapped(QPainter& p, const QRect& box, const QString& text, QFont font);

} // namespace podium
