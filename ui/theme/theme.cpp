#include "theme.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QPointer>
#include <QPolygonF>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

// Fusion (Qt 6.4) outlines a check box in the window colour made darker: on a dark window that
// is near-black on near-black, and an unticked box (the column menus, "Multiple choice") could
// not be seen. On a dark window the box gets the disabled text's grey as its outline.
class FusionWithVisibleBoxes : public QProxyStyle {
public:
    FusionWithVisibleBoxes()
        : QProxyStyle(QStyleFactory::create(u"Fusion"_s)) {}
    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (element != PE_IndicatorCheckBox || option->palette.window().color().lightness() >= 128)
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(option->palette.color(QPalette::Disabled, QPalette::Text));
        painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
        painter->restore();
    }

    // Qt's own is a PNG file, and reading the first image file loads every image format plugin
    // Qt has (SVG, JPEG, GIF…): a few milliseconds of start-up, as every menu bar makes one.
    QIcon standardIcon(StandardPixmap icon, const QStyleOption* option,
                       const QWidget* widget) const override {
        if (icon == SP_ToolBarHorizontalExtensionButton)
            return moreIcon(option ? option->direction : QGuiApplication::layoutDirection());
        return QProxyStyle::standardIcon(icon, option, widget);
    }

private:
    // "»" (or "«" right to left), grey enough to be seen in every theme.
    static QIcon moreIcon(Qt::LayoutDirection direction) {
        QIcon icon;
        for (const int size : {12, 16, 24, 32}) // the menu bar's button is 12 pixels wide
            icon.addPixmap(morePixmap(size, direction));
        return icon;
    }

    static QPixmap morePixmap(int size, Qt::LayoutDirection direction) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal unit = size / 12.0;
        painter.setPen(QPen(QColor(0x80, 0x80, 0x80), 1.5 * unit));
        const qreal tip = (direction == Qt::RightToLeft ? -3 : 3) * unit;
        for (const qreal x : {3.5, 7.5}) {
            const qreal at = (direction == Qt::RightToLeft ? 12 - x : x) * unit;
            painter.drawPolyline(QPolygonF{
                {at - tip / 2, 3 * unit}, {at + tip / 2, 6 * unit}, {at - tip / 2, 9 * unit}});
        }
        return pixmap;
    }
};

QPalette darkPalette() {
    QPalette p;
    const QColor window(0x26, 0x29, 0x2E), base(0x1C, 0x1E, 0x22), text(0xE8, 0xE8, 0xE8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x33, 0x37, 0x3D));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9A, 0x9E, 0xA5));
    p.setColor(QPalette::Highlight, QColor(0x3D, 0x7E, 0xD8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6C, 0xB4, 0xFF));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7A, 0x7E, 0x85));
    return p;
}

QPalette highContrastPalette() {
    QPalette p;
    for (auto role : {QPalette::Window, QPalette::Base, QPalette::AlternateBase, QPalette::Button,
                      QPalette::ToolTipBase})
        p.setColor(role, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText,
                      QPalette::ToolTipText, QPalette::BrightText})
        p.setColor(role, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0xFF, 0xD7, 0x00));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(0xC0, 0xC0, 0xC0));
    p.setColor(QPalette::Link, QColor(0x00, 0xFF, 0xFF));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x9A, 0x9A, 0x9A));
    return p;
}

// The application has one palette at a time; the menu shows which one it is.
Theme appliedTheme = Theme::Light;

// White borders around every control, a thick yellow one where the keyboard is (it must be seen
// from a step away), and dashed grey ones on what cannot be used now. A border in a style sheet
// drops the style's own padding, so the padding is given back here.
QString highContrastStyleSheet() {
    return u"QAbstractItemView, QLineEdit, QPlainTextEdit, QAbstractSpinBox"
           " { border: 1px solid white; }"
           " QPushButton { border: 1px solid white; padding: 4px 12px; }"
           // Tool buttons are small icons (the file dialog's Back, Up, New folder): padded,
           // their icons had no room.
           " QToolButton { border: 1px solid white; padding: 1px; }"
           " QToolButton#qt_menubar_ext_button { border: none; padding: 0px; }"
           " QComboBox { border: 1px solid white; padding: 3px 8px; }"
           " QPushButton:disabled, QToolButton:disabled, QComboBox:disabled, QLineEdit:disabled,"
           " QAbstractSpinBox:disabled { border: 1px dashed #808080; color: #9A9A9A; }"
           " QPushButton:focus, QToolButton:focus, QComboBox:focus, QLineEdit:focus,"
           " QPlainTextEdit:focus, QAbstractItemView:focus, QAbstractSpinBox:focus"
           " { border: 2px solid #FFD700; }"
           // The panel tabs all looked alike: the one shown is white on black turned over. Menus
           // and dialogs had no edge against the window behind them.
           " QTabBar::tab { border: 1px solid white; padding: 4px 10px; }"
           " QTabBar::tab:selected { background: white; color: black; }"
           " QMenu, QDialog { border: 1px solid white; }"
           // The style draws a scroll bar's handle in the button colour, black here: a long
           // timeline's scroll bar could not be seen (1.2:1). A light handle, no arrows.
           " QScrollBar { background: black; border: 1px solid white; }"
           " QScrollBar:vertical { width: 14px; } QScrollBar:horizontal { height: 14px; }"
           " QScrollBar::handle { background: #C0C0C0; }"
           " QScrollBar::handle:vertical { min-height: 24px; }"
           " QScrollBar::handle:horizontal { min-width: 24px; }"
           " QScrollBar::add-line, QScrollBar::sub-line { width: 0px; height: 0px; border: none; }"
           " QScrollBar::add-page, QScrollBar::sub-page { background: none; }"_s;
}

// The widgets showing a problem, to be given the new theme's red. Each has a style sheet of its
// own: one for the whole application, in every theme, made every widget slower to start.
QList<QPointer<QWidget>>& problemWidgets() {
    static QList<QPointer<QWidget>> widgets;
    return widgets;
}

void colourProblem(QWidget* widget) {
    widget->setStyleSheet(u"color: %1"_s.arg(problemColour().name()));
}

} // namespace

QColor problemColour() {
    // 5.6:1 on white; the lighter one 6.2:1 on the dark theme's window and 9:1 on black.
    return appliedTheme == Theme::Light ? QColor(0xC6, 0x28, 0x28) : QColor(0xFF, 0x8A, 0x80);
}

void showAsProblem(QWidget* widget, bool problem) {
    if (widget->property("problem").toBool() == problem)
        return;
    widget->setProperty("problem", problem);
    QList<QPointer<QWidget>>& widgets = problemWidgets();
    widgets.removeAll(nullptr); // those gone since
    if (!problem) {
        widgets.removeAll(widget);
        widget->setStyleSheet({});
        return;
    }
    widgets.append(widget);
    colourProblem(widget);
}

QString themeKey(Theme theme) {
    switch (theme) {
    case Theme::Light:
        return u"light"_s;
    case Theme::Dark:
        return u"dark"_s;
    case Theme::HighContrast:
        break;
    }
    return u"high-contrast"_s;
}

std::optional<Theme> themeNamed(const QString& key) {
    for (Theme t : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        if (themeKey(t) == key)
            return t;
    }
    return std::nullopt;
}

Theme themeFromKey(const QString& key) {
    return themeNamed(key).value_or(Theme::Light);
}

Theme currentTheme() {
    return appliedTheme;
}

void applyTheme(Theme theme) {
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    if (!app)
        return;
    appliedTheme = theme;
    // Fusion draws the same on every desktop and follows the palette fully.
    if (!dynamic_cast<FusionWithVisibleBoxes*>(app->style()))
        app->setStyle(new FusionWithVisibleBoxes);
    switch (theme) {
    case Theme::Light:
        app->setPalette(app->style()->standardPalette());
        app->setStyleSheet({});
        break;
    case Theme::Dark:
        app->setPalette(darkPalette());
        app->setStyleSheet({});
        break;
    case Theme::HighContrast:
        app->setPalette(highContrastPalette());
        app->setStyleSheet(highContrastStyleSheet());
        break;
    }
    for (QWidget* widget : problemWidgets()) {
        if (widget)
            colourProblem(widget);
    }
}

} // namespace podium
