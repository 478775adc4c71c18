#pragma once

#include "theme.h"

#include <QObject>

class QAction;
class QActionGroup;
class QMenu;

namespace podium {

// View → Theme: light, dark, high contrast; the choice is kept in the settings.
class ThemeMenu : public QObject {
    Q_OBJECT
public:
    ThemeMenu(QMenu& parentMenu, QObject* parent = nullptr);

    static Theme savedTheme();
    void choose(Theme theme);
    void retranslate();

private:
    void showCurrentTheme();

    QMenu* m_menu;
    QActionGroup* m_group;
};

} // namespace podium
