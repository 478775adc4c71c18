#pragma once

#include <QColor>
#include <QString>
#include <optional>

class QWidget;

namespace podium {

// The cockpit's looks: light for daylight rooms, dark for dim stages, high contrast for
// projectors and for people who need it. The countdown colours are the same in all three.
enum class Theme { Light, Dark, HighContrast };

QString themeKey(Theme theme);
Theme themeFromKey(const QString& key); // unknown keys give Light
std::optional<Theme> themeNamed(const QString& key);
void applyTheme(Theme theme);
// The theme applied last (by the menu, a saved preference or --theme).
Theme currentTheme();
// Red for text that says what went wrong, or is wrong now, readable on the theme's background
// (one red was 2.6:1 on the dark theme's window).
QColor problemColour();
// Shows `widget`'s text in that red, or plain again; it follows the theme when that changes.
void showAsProblem(QWidget* widget, bool problem = true);

} // namespace podium
