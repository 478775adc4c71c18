#include <catch2/catch.hpp>

#include "docks/table_columns.h"
#include "main_window.h"
#include "models/queue_model.h"
#include "models/tally_model.h"
#include "models/timeline_model.h"
#include "ui_support.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QCborArray>
#include <QDockWidget>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLayout>
#include <QLineEdit>
#include <QScreen>
#include <QSettings>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

// On a 1024×600 screen (small_screen.json; a 1366×768 laptop at 125 % is about as tall) the
// window was 645 pixels high at least, so its bottom, with the panels' tabs, was off the screen.
TEST_CASE("the window fits a 600-pixel-high screen in every seat, with every floor control "
          "shown") {
    useTemporarySettings();
    const QRect free = QGuiApplication::primaryScreen()->availableGeometry();
    REQUIRE(free.height() <= 600);
    forEachSeatWindow([&](MainWindow& w, Seat) {
        w.layout()->activate();
        CHECK(w.minimumSizeHint().height() <= free.height());
        CHECK(w.height() <= free.height());
        // The floor dock never scrolls its controls out of sight; the others may.
        QDockWidget* floor = w.dock(u"floorDock"_s);
        REQUIRE(floor);
        int controls = 0;
        for (QWidget* control : floor->widget()->findChildren<QWidget*>()) {
            if (!control->isVisible() ||
                !(qobject_cast<QAbstractButton*>(control) || qobject_cast<QLineEdit*>(control)))
                continue;
            INFO(control->metaObject()->className() << " " << control->objectName().toStdString());
            CHECK(control->visibleRegion().boundingRect().size() == control->size());
            ++controls;
        }
        // Whichever the seat has: at least the clocks' and the message's; a read-only seat has
        // none to show.
        const bool readOnly = w.windowTitle().contains(u"Rapporteur"_s);
        CHECK((readOnly ? controls == 0 : controls >= 5));
    });
}

// Each name column used to take what the others left: on this screen "A…" in the timeline and
// "O…" for a poll's options.
TEST_CASE("on a small screen the names keep their room and the tables scroll sideways "
          "instead") {
    useTemporarySettings();
    QSettings().remove(u"layout"_s);
    QSettings().remove(u"columns"_s);
    CockpitHarness h;
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    h.add(u"Audience 2"_s);
    REQUIRE(h.run(Action::CreatePoll, {{u"question"_s, u"Which step first?"_s},
                                       {u"options"_s, QCborArray{u"a"_s, u"b"_s}}}));
    MainWindow w(h.cockpit);
    w.show();
    w.buildAllDocks();
    w.dock(u"timelineDock"_s)->raise();
    QCoreApplication::processEvents();
    const std::pair<QString, std::pair<int, int>> tables[]{
        {u"queueView"_s, {QueueModel::Name, 24}},
        {u"timelineView"_s, {TimelineModel::Speaker, 16}},
        {u"tallyView"_s, {TallyModel::Option, 20}}};
    for (const auto& [name, column] : tables) {
        INFO(name.toStdString());
        auto* view = child<QAbstractItemView>(w, name);
        const QHeaderView* header = columnHeader(view);
        CHECK(header->sectionSize(column.first) >=
              column.second * view->fontMetrics().averageCharWidth());
    }
}
