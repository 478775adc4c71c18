#include "qr_code.h"

#include <qrencode.h>

#include <memory>

namespace podium {

QImage qrCodeImage(const QString& text) {
    constexpr int quietZone = 4;
    const QByteArray bytes = text.toUtf8();
    // Level M: a code projected across a room, photographed at an angle, still reads.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(bytes.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code)
        return {};
    const int side = code->width + 2 * quietZone;
    QImage image(side, side, QImage::Format_Mono);
    image.fill(0); // colour 0 is white, set below
    image.setColor(0, qRgb(255, 255, 255));
    image.setColor(1, qRgb(0, 0, 0));
    for (int y = 0; y < code->width; ++y)
        for (int x = 0; x < code->width; ++x)
            if (code->data[y * code->width + x] & 1) // the low bit: this module is dark
                image.setPixel(x + quietZone, y + quietZone, 1);
    return image;
}

} // namespace podium
