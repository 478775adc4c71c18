#pragma once

#include <QImage>
#include <QString>

namespace podium {

// `text` as a QR code a phone's camera reads: one pixel per module, black on white, with the
// quiet zone of four modules around it that readers need. Scale it without smoothing. A null
// image when it cannot be made (a text too long for any QR code).
QImage qrCodeImage(const QString& text);

} // namespace podium
