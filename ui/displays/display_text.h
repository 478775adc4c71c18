#pragma once

#include <QFont>
#include <QRect>
#include <QString>

class QPainter;

// Text for screens read from across a room: as large as the box allows, never clipped.
namespace podium {

QFont displayFont(int pixelSize, bool bold);
// One line centred in `box`; the font shrinks until the text fits, then it is elided.
void drawFitted(QPainter& p, const QRect& box, const QString& text, QFont font);
// Word-wrapped and centred; the font shrinks until every line fits the box.
void drawWrapped(QPainter& p, const QRect& box, const QString& text, QFont font);

} // namespace podium
