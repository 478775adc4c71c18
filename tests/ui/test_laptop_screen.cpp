#include <catch2/catch.hpp>

#include "main_window.h"
#include "models/timeline_model.h"
#include "ui_support.h"

#include <QApplication>
#include <QCborArray>
#include <QDockWidget>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// The demo's poll of four options, opened.
void openFourOptionPoll(CockpitHarness& h) {
    REQUIRE(
        h.run(Action::CreatePoll,
              {{u"question"_s, u"Which work stream would you volunteer for?"_s},
               {u"options"_s, QCborArray{u"DNS"_s, u"IoT"_s, u"Routing"_s, u"Supply chain"_s}}}));
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, h.state().polls.last().id}}));
}

} // namespace

// On the most common laptop screen (laptop_screen.json, 1366×768) the docks' scroll areas made
// for small screens hid the queue's buttons below a scroll bar, with room to spare.
TEST_CASE("on a 1366×768 screen no panel but Balance scrolls and the queue's buttons show in every "
          "seat") {
    useTemporarySettings();
    REQUIRE(QGuiApplication::primaryScreen()->availableGeometry().height() == 768);
    forEachSeatWindow([&](MainWindow& w, Seat seat) {
        for (QScrollArea* scroll : w.findChildren<QScrollArea*>()) {
            auto* dock = qobject_cast<QDockWidget*>(scroll->parentWidget());
            if (!scroll->isVisible() || !dock)
                continue; // only the docks' own scroll areas, not lists and tables
            INFO(dock->objectName().toStdString());
            // A panel behind a tab asks for no room until it is brought to the front.
            dock->raise();
            QTest::qWait(20);
            INFO("dock height " << scroll->height() << ", its widgets "
                                << scroll->widget()->height() << ", at least "
                                << scroll->widget()->minimumSizeHint().height());
            // Balance asks for one row of its charts only (its tab group's height is the queue's
            // loss): the second row scrolls, a little.
            if (scroll->parentWidget()->objectName() == u"balanceDock"_s)
                CHECK(scroll->height() >= scroll->widget()->minimumSizeHint().height() * 85 / 100);
            else
                CHECK_FALSE(scroll->verticalScrollBar()->isVisible());
        }
        auto* callSuggested = w.findChild<QPushButton*>(u"callSuggested"_s);
        REQUIRE(callSuggested);
        if (seat != Seat::Rapporteur) { // a seat with control
            REQUIRE(callSuggested->isVisible());
            const QRect shown = callSuggested->visibleRegion().boundingRect();
            CHECK(shown.height() == callSuggested->height()); // whole, not a sliver
        }
    });
}

// The form for a new poll made the Polls panel taller, out of the queue's room above it (13
// waiting, 3 shown), and below a poll's chart its options and Create poll were out of sight;
// closed, it left the queue short for the rest of the session, and in the saved layout. (On the
// offscreen platform's own 800×600 screen the window is cramped, and Qt shares the room out
// differently: hence this screen.)
TEST_CASE("on a 1366×768 screen the new poll's form opens whole in the chart's room, the queue "
          "keeping its own, and closed gives the chart back") {
    useTemporarySettings();
    CockpitHarness h;
    fillSession(h); // a poll open: its chart shows
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    QDockWidget* queue = w.dock(u"queueDock"_s);
    REQUIRE(queue);
    QCoreApplication::processEvents();
    const int queueBefore = queue->height();
    auto* chart = w.findChild<QWidget*>(u"pollChart"_s);
    REQUIRE(chart);
    REQUIRE(chart->isVisible());
    auto* toggle = w.findChild<QPushButton*>(u"newPollToggle"_s);
    REQUIRE(toggle);
    toggle->click();
    QTest::qWait(50); // the window lays the panels out again
    const auto whole = [](const QWidget* widget) {
        return widget->isVisible() &&
               widget->visibleRegion().boundingRect().height() == widget->height();
    };
    CHECK(whole(w.findChild<QWidget*>(u"pollQuestion"_s)));
    CHECK(whole(w.findChild<QWidget*>(u"pollOptions"_s)));
    CHECK(whole(w.findChild<QWidget*>(u"createPoll"_s)));
    CHECK_FALSE(chart->isVisible());
    CHECK(queue->height() >= queueBefore - queueBefore / 10);

    toggle->click();
    CHECK(QTest::qWaitFor([&] { return chart->isVisible(); }));
    QTest::qWait(50);
    CHECK(queue->height() >= queueBefore - queueBefore / 10);
}

// With a poll of four options open, the tally table's rows of 30 px and the chart took the
// queue's room down to four rows at 1366×768, the demo's six waiting scrolled out of sight.
TEST_CASE("on a 1366×768 screen with a poll of four options open the queue shows six waiting") {
    useTemporarySettings();
    CockpitHarness h;
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    for (int i = 1; i <= 7; ++i)
        h.add(u"Audience %1"_s.arg(i));
    REQUIRE(h.run(Action::Next)); // one speaks, six wait
    openFourOptionPoll(h);
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    QCoreApplication::processEvents();
    auto* queue = w.findChild<QTreeView*>(u"queueView"_s);
    REQUIRE(queue);
    REQUIRE(queue->model()->rowCount() == 6);
    const QModelIndex last = queue->model()->index(5, 0);
    CHECK(queue->viewport()->rect().contains(queue->visualRect(last)));
    CHECK(w.findChild<QWidget*>(u"pollChart"_s)->isVisible());
}

// Balance, tabbed with Polls, looked at once: its four charts held the group of tabs to their
// height, and the queue lost two rows and a half for the rest of the session.
TEST_CASE("on a 1366×768 screen looking at Balance takes no room from the queue") {
    useTemporarySettings();
    CockpitHarness h;
    fillSession(h); // a poll of two options open: Polls needs less than Balance's four charts
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    QCoreApplication::processEvents();
    QDockWidget* queue = w.dock(u"queueDock"_s);
    REQUIRE(queue);
    const int queueHeight = queue->height();
    w.dock(u"balanceDock"_s)->raise();
    QTest::qWait(50);
    w.dock(u"pollsDock"_s)->raise();
    QTest::qWait(50);
    CHECK(queue->height() >= queueHeight - 5);
}

// The rapporteur's Timeline cut "Wout De Natris" to "Wout De Nat…" at 1366×768: the column was
// to keep 16 characters of the font's "average" width, narrower than a name's letters.
TEST_CASE("on a 1366×768 screen the rapporteur's Timeline shows a speaker's name whole, and every "
          "column") {
    useTemporarySettings();
    CockpitHarness h;
    fillSession(h); // a speech under way: "0:00 (speaking)"
    h.cockpit.setSeat(Seat::Rapporteur);
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    QDockWidget* timeline = w.dock(u"timelineDock"_s);
    REQUIRE(timeline);
    timeline->raise();
    QCoreApplication::processEvents();
    auto* view = timeline->findChild<QTreeView*>(u"timelineView"_s);
    REQUIRE(view);
    REQUIRE(view->isVisible());
    INFO("timeline " << view->viewport()->width() << " wide");
    CHECK(view->header()->sectionSize(TimelineModel::Speaker) >=
          view->fontMetrics().horizontalAdvance(u"Wout De Natris"_s) + 16);
    // Its five columns, "Spoke" last, are all in view: in two fifths of the window it scrolled
    // sideways, an empty bar below a list of speeches.
    CHECK(view->header()->length() <= view->viewport()->width());
}

// A poll opened while the rapporteur wrote in Notes, its chart unseen behind that tab, took the
// room of the report preview above for the rest of the session: a group of tabs needed as much
// as its neediest tab.
TEST_CASE("on a 1366×768 screen a panel behind a tab takes no room from the panel above") {
    useTemporarySettings();
    CockpitHarness h;
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    h.cockpit.setSeat(Seat::Rapporteur);
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    QDockWidget* notes = w.dock(u"notesDock"_s);
    QDockWidget* report = w.dock(u"ReportDock"_s);
    REQUIRE(notes);
    REQUIRE(report);
    notes->raise();
    QTest::qWait(50);
    REQUIRE(w.dock(u"pollsDock"_s)->visibleRegion().isEmpty()); // behind Notes
    const int reportBefore = report->height();
    openFourOptionPoll(h);
    QTest::qWait(50);
    CHECK(report->height() >= reportBefore - 5);

    // Brought to the front, the panel has its room (taken from the one above), and its chart.
    w.dock(u"pollsDock"_s)->raise();
    QTest::qWait(50);
    auto* chart = w.findChild<QWidget*>(u"pollChart"_s);
    REQUIRE(chart);
    CHECK(chart->isVisible());
    CHECK(chart->height() >= chart->minimumHeight());
}

// Clicked open below a poll's chart, the form was out of sight and the focus stayed on the button:
// the question typed went into the window, and a space pressed Disconnect in another panel.
// Closed again, the panels put back gave the focus to a tab bar, with the same outcome.
TEST_CASE("on a 1366×768 screen the new poll's form opens in sight with the question to type, and "
          "closed leaves the focus on its button") {
    useTemporarySettings();
    CockpitHarness h;
    fillSession(h); // a poll open: its chart shows
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w));
    auto* toggle = w.findChild<QPushButton*>(u"newPollToggle"_s);
    auto* question = w.findChild<QLineEdit*>(u"pollQuestion"_s);
    REQUIRE(toggle);
    REQUIRE(question);
    QTest::mouseClick(toggle, Qt::LeftButton);
    REQUIRE(QTest::qWaitFor([&] { return question->hasFocus(); }));
    QCoreApplication::processEvents();
    const QRect shown = question->visibleRegion().boundingRect();
    CHECK(shown.height() == question->height()); // whole, not below the panel's edge
    QTest::keyClicks(question, u"Second test poll"_s);
    CHECK(question->text() == u"Second test poll"_s);

    QTest::mouseClick(toggle, Qt::LeftButton);
    CHECK(QTest::qWaitFor([&] { return !question->isVisible(); }));
    QTest::qWait(50); // the panels are put back after the form has gone
    CHECK(QApplication::focusWidget() == toggle);
}

// Left at 1500×920 on an office monitor, the window came back that size on the laptop's own
// screen: the foot line, the Join and Add buttons below its edge.
TEST_CASE("a window left larger than this screen reopens within it") {
    useTemporarySettings();
    CockpitHarness h;
    {
        MainWindow onMonitor(h.cockpit);
        onMonitor.setGeometry(200, 150, 1500, 920);
        QSettings().setValue(u"window/geometry"_s, onMonitor.saveGeometry());
    }
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    const QRect free = w.screen()->availableGeometry();
    INFO("window " << w.geometry().x() << "," << w.geometry().y() << " " << w.width() << "×"
                   << w.height());
    CHECK(free.contains(w.geometry()));
}

// The online moderator's rehearsal: the window made half the screen wide (683 px, beside the
// video call) kept the floor's five buttons side by side, 520 px, and left the queue a 25-pixel
// field for names, the Add button and the online tallies out of sight.
TEST_CASE("on half a 1366×768 screen the moderators' floor buttons wrap and the queue keeps room "
          "for names") {
    useTemporarySettings();
    for (Seat seat : {Seat::Moderator, Seat::OnlineModerator}) {
        INFO(seatKey(seat).toStdString());
        QSettings().remove(u"layout"_s);
        CockpitHarness h;
        fillSession(h);
        h.cockpit.setSeat(seat);
        MainWindow w(h.cockpit);
        w.show();
        REQUIRE(QTest::qWaitForWindowExposed(&w));
        w.resize(683, w.height());
        QTest::qWait(50);
        QDockWidget* floor = w.dock(u"floorDock"_s);
        REQUIRE(floor);
        for (auto* button : floor->findChildren<QToolButton*>()) {
            if (!button->isVisibleTo(floor) || button->text().isEmpty())
                continue;
            INFO(button->text().toStdString());
            CHECK(button->width() >= button->sizeHint().width()); // its text whole
            CHECK(button->mapTo(floor, QPoint(button->width(), 0)).x() <= floor->width());
        }
        auto* names = w.findChild<QLineEdit*>(u"quickAdd"_s);
        REQUIRE(names);
        CHECK(names->width() >= 150);
        auto* add = w.findChild<QPushButton*>(u"addButton"_s);
        REQUIRE(add);
        QWidget* queue = w.dock(u"queueDock"_s);
        CHECK(add->mapTo(queue, QPoint(add->width(), 0)).x() <= queue->width());

        // Wide again: one row, as before.
        w.resize(1366, w.height());
        QTest::qWait(50);
        QSet<int> rows;
        for (auto* button : floor->findChildren<QToolButton*>())
            if (button->isVisibleTo(floor) && !button->text().isEmpty())
                rows.insert(button->mapTo(floor, QPoint(0, 0)).y());
        CHECK(rows.size() == 1);
    }
}
