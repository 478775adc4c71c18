#include "theme_menu.h"

#include <QActionGroup>
#include <QMenu>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

const QString settingsKey = u"view/theme"_s;

} // namespace

ThemeMenu::ThemeMenu(QMenu& parentMenu, QObject* parent)
    : QObject(parent)
    , m_menu(parentMenu.addMenu(QString()))
    , m_group(new QActionGroup(this)) {
    m_menu->setObjectName(u"themeMenu"_s);
    for (Theme t : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        QAction* a = m_menu->addAction(QString());
        a->setObjectName(u"theme-"_s + themeKey(t));
        a->setCheckable(true);
        a->setData(themeKey(t));
        m_group->addAction(a);
        connect(a, &QAction::triggered, this, [this, t] { choose(t); });
    }
    showCurrentTheme();
    // --theme applies a theme for this run only, without choosing it here: the menu ticks what
    // is in use whenever it opens.
    connect(m_menu, &QMenu::aboutToShow, this, &ThemeMenu::showCurrentTheme);
    retranslate();
}

Theme ThemeMenu::savedTheme() {
    return themeFromKey(QSettings().value(settingsKey).toString());
}

void ThemeMenu::showCurrentTheme() {
    m_group->actions().at(int(currentTheme()))->setChecked(true);
}

void ThemeMenu::choose(Theme theme) {
    m_group->actions().at(int(theme))->setChecked(true);
    QSettings().setValue(settingsKey, themeKey(theme));
    applyTheme(theme);
}

void ThemeMenu::retranslate() {
    m_menu->setTitle(tr("&Theme"));
    const QList<QAction*> actions = m_group->actions();
    actions[0]->setText(tr("&Light"));
    actions[1]->setText(tr("&Dark"));
    actions[2]->setText(tr("&High contrast"));
}

} // namespace podium
