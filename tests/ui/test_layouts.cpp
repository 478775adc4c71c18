#include <catch2/catch.hpp>

#include "docks/poll_chart.h"
#include "main_window.h"
#include "theme/theme_menu.h"
#include "ui_support.h"

#include <QAbstractAxis>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QDockWidget>
#include <QMenu>
#include <QSettings>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

void forgetLayouts() {
    QSettings settings;
    settings.remove(u"layout"_s);
}

bool hidden(MainWindow& w, const QString& dock) {
    QDockWidget* d = w.dock(dock);
    REQUIRE(d);
    return d->isHidden();
}

} // namespace

TEST_CASE("a layout is saved per seat and restored with its version") {
    useTemporarySettings();
    forgetLayouts();
    CockpitHarness h;
    {
        MainWindow w(h.cockpit);
        CHECK_FALSE(w.restoreLayout()); // nothing saved yet: the default
        CHECK_FALSE(hidden(w, u"timelineDock"_s));
        w.dock(u"timelineDock"_s)->hide();
        w.saveLayout();
    }
    {
        MainWindow w(h.cockpit);
        CHECK(w.restoreLayout());
        CHECK(hidden(w, u"timelineDock"_s));
        w.findChild<QAction*>(u"resetLayoutAction"_s)->trigger();
        CHECK_FALSE(hidden(w, u"timelineDock"_s));
    }
    // Another seat has its own layout: the rapporteur's default, untouched by the above.
    h.cockpit.setSeat(Seat::Rapporteur);
    MainWindow w(h.cockpit);
    CHECK_FALSE(w.restoreLayout());
    CHECK_FALSE(hidden(w, u"timelineDock"_s));
    CHECK(hidden(w, u"participantsDock"_s)); // not part of the rapporteur's default
}

TEST_CASE("a corrupted or foreign saved layout falls back to the default without a crash") {
    useTemporarySettings();
    forgetLayouts();
    CockpitHarness h;
    QByteArray stale;
    {
        MainWindow w(h.cockpit);
        w.dock(u"queueDock"_s)->hide();
        stale = w.saveState(MainWindow::layoutVersion + 7); // from another version of Podium
    }
    const QByteArray garbage =
        QByteArray::fromHex("000000ff00000000fd0000000200000000") + QByteArray(300, '\x7f');
    for (const QByteArray& saved : {garbage, stale, QByteArray("not a layout at all")}) {
        QSettings().setValue(MainWindow::layoutKey(Seat::Moderator), saved);
        MainWindow w(h.cockpit);
        CHECK_FALSE(w.restoreLayout());
        CHECK_FALSE(hidden(w, u"queueDock"_s));
        CHECK_FALSE(hidden(w, u"floorDock"_s));
    }
}

TEST_CASE("a dock without an objectName is refused") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    const int before = int(w.docks().size());
    auto* anonymous = new QDockWidget(&w);
    CHECK_FALSE(w.addDock(anonymous, Qt::RightDockWidgetArea));
    auto* named = new QDockWidget(&w);
    named->setObjectName(u"extraDock"_s);
    CHECK(w.addDock(named, Qt::RightDockWidgetArea));
    CHECK_FALSE(w.addDock(named, Qt::RightDockWidgetArea)); // once only
    CHECK(w.docks().size() == before + 1);
    CHECK(w.menu(MainWindow::MenuId::View)
              ->findChild<QMenu*>(u"panelsMenu"_s)
              ->actions()
              .contains(named->toggleViewAction()));
}

TEST_CASE("View → Theme switches the palette, is remembered, and charts follow it") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.findChild<QAction*>(u"theme-dark"_s)->trigger();
    CHECK(QSettings().value(u"view/theme"_s).toString() == u"dark"_s);
    CHECK(ThemeMenu::savedTheme() == Theme::Dark);
    const QColor window = QApplication::palette().color(QPalette::Window);
    CHECK(window.lightness() < 80);
    auto* chart = w.findChild<PollChart*>();
    REQUIRE(chart);
    QCoreApplication::processEvents();
    REQUIRE_FALSE(chart->chart()->axes().isEmpty());
    for (QAbstractAxis* axis : chart->chart()->axes())
        CHECK(axis->labelsColor().lightness() > 180); // light text on dark

    w.findChild<QAction*>(u"theme-high-contrast"_s)->trigger();
    CHECK(QApplication::palette().color(QPalette::Window) == QColor(Qt::black));
    w.findChild<QAction*>(u"theme-light"_s)->trigger();
    CHECK(QApplication::palette().color(QPalette::Window).lightness() > 180);
}
