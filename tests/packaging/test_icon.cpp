// The application icon as the desktop draws it: a valid SVG that stays visible and keeps its
// two shapes (lectern and clock) apart from 16 px to 256 px.
#include <catch2/catch.hpp>

#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

namespace {

const QString iconPath = QStringLiteral(PODIUM_ICON_PATH);

QImage render(QSvgRenderer& renderer, int size) {
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    renderer.render(&painter);
    return image;
}

double opaqueShare(const QImage& image) {
    int opaque = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            opaque += qAlpha(image.pixel(x, y)) > 128 ? 1 : 0;
    return double(opaque) / (image.width() * image.height());
}

int countPixels(const QImage& image, const QRect& area, bool (*matches)(const QColor&)) {
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y)
        for (int x = area.left(); x <= area.right(); ++x)
            count += matches(image.pixelColor(x, y)) ? 1 : 0;
    return count;
}

} // namespace

TEST_CASE("the icon is a square SVG that Qt renders", "[packaging][icon]") {
    QSvgRenderer renderer(iconPath);
    REQUIRE(renderer.isValid());
    const QRectF box = renderer.viewBoxF();
    CHECK(box.width() == box.height());
}

TEST_CASE("the icon fills its square at every size the desktop uses", "[packaging][icon]") {
    QSvgRenderer renderer(iconPath);
    REQUIRE(renderer.isValid());
    for (int size : {16, 24, 32, 48, 64, 128, 256}) {
        INFO("size " << size);
        const double share = opaqueShare(render(renderer, size));
        CHECK(share > 0.3);
        CHECK(share < 0.9); // a shape, not a filled square
    }
}

TEST_CASE("the clock stays apart from the lectern at 16 px", "[packaging][icon]") {
    QSvgRenderer renderer(iconPath);
    const QImage image = render(renderer, 16);
    const auto lightFace = [](const QColor& c) {
        return c.alpha() > 200 && c.lightness() > 200;
    };
    const auto blueBody = [](const QColor& c) {
        return c.alpha() > 200 && c.blue() > c.red() + 40;
    };
    // The clock's white face sits top right, the blue lectern fills the bottom half.
    CHECK(countPixels(image, QRect(8, 0, 8, 8), lightFace) >= 3);
    CHECK(countPixels(image, QRect(0, 0, 8, 8), lightFace) == 0);
    CHECK(countPixels(image, QRect(0, 8, 16, 8), blueBody) >= 30);
}
