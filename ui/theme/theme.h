#pragma once

#include <QString>
#include <optional>

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
// The style sheet of a line that says what went wrong, or is wrong now: red text.
QString problemTextStyle();

} // namespace podium
