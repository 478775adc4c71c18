#include <catch2/catch.hpp>

#include "displays/launch_options.h"
#include "docks/connection_dock.h"
#include "docks/poll_chart.h"
#include "docks/seat_session.h"
#include "docks/timeline_dock.h"
#include "main_window.h"
#include "models/participants_model.h"
#include "models/timeline_model.h"
#include "sync/headless.h"
#include "theme/theme_menu.h"
#include "ui_support.h"

#include <cmath>

#include <QAbstractAxis>
#include <QAction>
#include <QApplication>
#include <QCborArray>
#include <QChart>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QStyleOptionButton>
#include <QTabBar>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

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
              .contains(w.findChild<QAction*>(u"extraDockPanel"_s)));
}

TEST_CASE("View → Theme switches the palette, is remembered, and charts follow it") {
    useTemporarySettings();
    CockpitHarness h;
    REQUIRE(h.run(Action::CreatePoll, {{u"question"_s, u"Which step first?"_s},
                                       {u"options"_s, QCborArray{u"a"_s, u"b"_s}}}));
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, h.state().polls.first().id}}));
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

TEST_CASE("View → Panels names each dock as its title reads") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    QDockWidget* floor = w.dock(u"floorDock"_s);
    REQUIRE(floor);
    REQUIRE(floor->windowTitle() == u"Floor & timer"_s);
    // "&&" shows as "&" in a menu; a single "&" would underline the next letter instead.
    CHECK(w.findChild<QAction*>(u"floorDockPanel"_s)->text() == u"Floor && timer"_s);
}

// Chosen in View → Panels, a panel behind another's tab was hidden (Qt's own toggle): with the
// keyboard alone it could not be brought back to the front.
TEST_CASE("View → Panels brings a panel behind a tab to the front, and closes one in front") {
    ShownWindow window;
    auto& w = window.w;
    QDockWidget* behind = nullptr;
    for (QDockWidget* d : w.docks()) {
        if (!w.tabifiedDockWidgets(d).isEmpty() && !d->isHidden() && d->visibleRegion().isEmpty())
            behind = d; // shown, behind another's tab
    }
    REQUIRE(behind);
    auto* panel = w.findChild<QAction*>(behind->objectName() + u"Panel"_s);
    REQUIRE(panel);
    CHECK_FALSE(panel->isChecked()); // it cannot be seen
    panel->trigger();
    QCoreApplication::processEvents();
    CHECK_FALSE(behind->visibleRegion().isEmpty());
    CHECK(panel->isChecked());
    for (QDockWidget* other : w.tabifiedDockWidgets(behind)) {
        CHECK(other->visibleRegion().isEmpty());
        CHECK_FALSE(w.findChild<QAction*>(other->objectName() + u"Panel"_s)->isChecked());
    }
    panel->trigger();
    CHECK(behind->isHidden());
    CHECK_FALSE(panel->isChecked());
    panel->trigger();
    QCoreApplication::processEvents();
    CHECK_FALSE(behind->visibleRegion().isEmpty());
}

TEST_CASE("an unticked check box can be seen in every theme") {
    // In the dark theme, Fusion outlined it near-black on near-black: the column menus' unticked
    // items and "Multiple choice" showed nothing to tick.
    for (Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        INFO("theme " << int(theme));
        applyTheme(theme);
        QCheckBox box(u"Multiple choice"_s);
        box.resize(box.sizeHint());
        const QImage image = box.grab().toImage();
        QStyleOptionButton option;
        option.initFrom(&box);
        const QRect indicator =
            box.style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, &box);
        const QColor background = box.palette().color(QPalette::Window);
        int strongest = 0; // the largest lightness step from the window along the box's edge
        for (int y = indicator.top(); y <= indicator.bottom(); ++y)
            strongest = qMax(strongest, qAbs(image.pixelColor(indicator.left(), y).lightness() -
                                             background.lightness()));
        CHECK(strongest >= 40);
    }
    applyTheme(Theme::Light);
}

namespace {

// WCAG's contrast ratio of two colours.
double contrast(const QColor& a, const QColor& b) {
    const auto luminance = [](const QColor& c) {
        const auto linear = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

} // namespace

// One red for every theme was 2.6:1 on the dark theme's window (a refused join, a host out of
// reach, the agenda's overrun), where text needs 4.5:1.
TEST_CASE("red problem text can be read in every theme, and follows a change of theme") {
    QLabel line(u"Cannot reach the host"_s);
    showAsProblem(&line);
    for (Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        INFO("theme " << int(theme));
        applyTheme(theme);
        line.ensurePolished();
        const QColor text = line.palette().color(line.foregroundRole());
        CHECK(text == problemColour());
        CHECK((text.hslHue() <= 10 || text.hslHue() >= 350)); // red still
        CHECK(text.hslSaturation() > 128);
        CHECK(contrast(text, line.palette().color(QPalette::Window)) >= 4.5);
    }
    showAsProblem(&line, false);
    CHECK(line.palette().color(line.foregroundRole()) ==
          QApplication::palette().color(QPalette::WindowText));
    applyTheme(Theme::Light);
}

// The style drew the handle in the button colour, black on black in high contrast (1.2:1).
TEST_CASE("a scroll bar's handle can be seen in the high-contrast theme") {
    applyTheme(Theme::HighContrast);
    QScrollBar bar(Qt::Vertical);
    bar.setRange(0, 1000);
    bar.setPageStep(100);
    bar.resize(bar.sizeHint().width(), 300);
    const QImage image = bar.grab().toImage();
    int lightest = 0; // inside the bar's outline, where the handle is
    for (int y = 2; y < image.height() - 2; ++y)
        lightest = qMax(lightest, image.pixelColor(image.width() / 2, y).lightness());
    CHECK(lightest > 150);
    applyTheme(Theme::Light);
}

TEST_CASE("the menu bar's button for the menus that do not fit shows its arrows in every theme") {
    // Podium draws this icon itself: Qt's is an image file, and reading it loaded every image
    // format plugin at start-up.
    for (Theme theme : {Theme::Light, Theme::Dark, Theme::HighContrast}) {
        INFO("theme " << int(theme));
        applyTheme(theme);
        QMainWindow window;
        for (const QString& title : {u"File"_s, u"Edit"_s, u"View"_s, u"Session"_s, u"Help"_s})
            window.menuBar()->addMenu(title);
        window.resize(90, 60);
        window.show();
        auto* more = window.menuBar()->findChild<QToolButton*>(u"qt_menubar_ext_button"_s);
        REQUIRE(more);
        REQUIRE(more->isVisible());
        const QImage image = more->grab().toImage();
        const int background = more->palette().color(QPalette::Button).lightness();
        int marks = 0; // pixels that stand out from the button
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x)
                marks += qAbs(image.pixelColor(x, y).lightness() - background) >= 40;
        CHECK(marks >= 10);
    }
    applyTheme(Theme::Light);
}

TEST_CASE("a theme given at launch is the one View → Theme ticks, and is not saved as the "
          "choice") {
    useTemporarySettings();
    QSettings().remove(u"view/theme"_s);
    CockpitHarness h;
    MainWindow w(h.cockpit);
    applyTheme(Theme::Dark); // what --theme dark does
    auto* menu = w.findChild<QMenu*>(u"themeMenu"_s);
    REQUIRE(menu);
    emit menu->aboutToShow();
    CHECK(w.findChild<QAction*>(u"theme-dark"_s)->isChecked());
    CHECK_FALSE(w.findChild<QAction*>(u"theme-light"_s)->isChecked());
    CHECK_FALSE(QSettings().contains(u"view/theme"_s));
    applyTheme(Theme::Light);
}

TEST_CASE("unknown launch options are refused before any window shows") {
    const auto errorFor = [](const QStringList& args) {
        QCommandLineParser parser;
        addLaunchOptions(parser);
        sync::addHeadlessOptions(parser); // the cockpit takes --host and --join too
        REQUIRE(parser.parse(QStringList{u"podium"_s} + args));
        return launchOptionsError(parser);
    };
    CHECK(errorFor({u"--theme"_s, u"purple"_s}).contains(u"purple"_s));
    CHECK(errorFor({u"--role"_s, u"chair"_s}).contains(u"chair"_s));
    CHECK(errorFor({u"--scene"_s, u"nowhere"_s}).contains(u"nowhere"_s));
    // accepted and ignored in the cockpit before: takeover there is the moderator's click
    CHECK(errorFor({u"--join"_s, u"10.0.0.1:47600"_s, u"--code"_s, u"X"_s, u"--takeover-after"_s,
                    u"6"_s})
              .contains(u"Take over hosting"_s));
    CHECK(errorFor({u"--theme"_s, u"high-contrast"_s, u"--role"_s, u"rapporteur"_s, u"--scene"_s,
                    u"live"_s})
              .isEmpty());
}

// QApplication takes `--session` for X11 session management before the parser sees it: the
// cockpit opened the demo instead, without a word.
TEST_CASE("the cockpit takes --session FILE from the command line before Qt can, and opens "
          "that file") {
    const auto fileFor = [](QList<QByteArray> words) -> Result<QString> {
        words.prepend("podium");
        std::vector<char*> argv;
        for (QByteArray& w : words)
            argv.push_back(w.data());
        int argc = int(argv.size());
        argv.push_back(nullptr);
        const auto option = takeSessionOption(argc, argv.data());
        QStringList rest;
        for (int i = 0; i < argc; ++i)
            rest << QString::fromLocal8Bit(argv[size_t(i)]);
        CHECK_FALSE(rest.contains(u"--session"_s)); // nothing of it is left for Qt
        QCommandLineParser parser;
        addLaunchOptions(parser);
        sync::addHeadlessOptions(parser);
        parser.addPositionalArgument(u"file"_s, {});
        parser.addOption({u"demo"_s, {}}); // (main.cpp adds it)
        REQUIRE(parser.parse(rest));
        return sessionFileArgument(option, parser);
    };
    CHECK(fileFor({"--demo", "--host", "--session", "mod.podium"}).value() == u"mod.podium"_s);
    CHECK(fileFor({"--session=mod.podium", "--host"}).value() == u"mod.podium"_s);
    CHECK(fileFor({"mine.podium"}).value() == u"mine.podium"_s);
    CHECK(fileFor({"--demo"}).value().isEmpty()); // the demo's own file
    CHECK(fileFor({"--session", "a.podium", "b.podium"}).error().contains(u"once"_s));
    CHECK(fileFor({"--session", "a.podium", "--session", "b.podium"}).error().contains(u"once"_s));
    CHECK(fileFor({"--session", "--demo"}).error().contains(u"wants a file"_s)); // not "--demo"
    CHECK(fileFor({"--session="}).error().contains(u"wants a file"_s));
}

TEST_CASE("the window starts within the screen, then where the user left it") {
    useTemporarySettings();
    QSettings().remove(u"window/geometry"_s);
    CockpitHarness h;
    const QRect free = QGuiApplication::primaryScreen()->availableGeometry();
    QSize left;
    {
        MainWindow w(h.cockpit);
        CHECK(w.width() <= free.width()); // offscreen, the screen is smaller than 1500×920
        CHECK(w.height() <= free.height());
        w.show();
        w.resize(w.width() - 50, w.height() - 40);
        left = w.size();
        w.close();
    }
    MainWindow again(h.cockpit);
    again.show();
    CHECK(again.size() == left);
}

TEST_CASE("File → Save as has a key on every desktop") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* saveAs = w.findChild<QAction*>(u"saveAsAction"_s);
    REQUIRE(saveAs);
    CHECK_FALSE(saveAs->shortcut().isEmpty()); // offscreen, like a bare X11 desktop: no default
}

TEST_CASE("a panel behind another tab makes its widgets when first shown, as the session is then") {
    useTemporarySettings();
    forgetLayouts();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show(); // not painted yet: the waiting panels are made only after the first paint
    auto* timeline = qobject_cast<TimelineDock*>(w.dock(u"timelineDock"_s));
    REQUIRE(timeline);
    CHECK(timeline->windowTitle() == u"Timeline"_s); // its tab reads right meanwhile
    CHECK_FALSE(timeline->isBuilt());
    CHECK_FALSE(timeline->findChild<QTreeView*>(u"timelineView"_s));

    h.add(u"Audience 2"_s);
    REQUIRE(h.run(Action::Next));
    h.clock.advance(90'000);
    REQUIRE(h.run(Action::EndSpeech));
    timeline->raise(); // the user picks its tab
    REQUIRE(timeline->isBuilt());
    CHECK(child<QTreeView>(*timeline, u"timelineView"_s)->model()->rowCount() == 1);
    CHECK(child<QLabel>(*timeline, u"timelineSummary"_s)->text().contains(u"1"_s));
}

TEST_CASE("once the window has painted, every waiting panel is made, one by one") {
    useTemporarySettings();
    forgetLayouts();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    const auto waiting = [&w] {
        int n = 0;
        for (QDockWidget* d : w.docks()) {
            if (auto* dock = qobject_cast<SessionDock*>(d); dock && !dock->isBuilt())
                ++n;
        }
        return n;
    };
    const int atStart = waiting();
    CHECK(atStart >= 3); // the moderator's window hides the timeline, balance, connection…
    w.show();
    QElapsedTimer t;
    t.start();
    while (waiting() > 0 && t.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    CHECK(waiting() == 0);
}

// The window is laid out first with the waiting panels empty: once they are made, after the
// first paint, they must fit the room they were given, or the window grows under the user's
// eyes (on a 1024×600 screen it did, past the screen's bottom).
TEST_CASE("making the waiting panels does not make the window need more room, for any seat") {
    useTemporarySettings();
    for (Seat seat : {Seat::Moderator, Seat::OnlineModerator, Seat::Rapporteur}) {
        forgetLayouts();
        INFO(seatKey(seat).toStdString());
        CockpitHarness h;
        h.cockpit.setSeat(seat);
        MainWindow w(h.cockpit);
        w.show();
        w.layout()->activate();
        const QSize before = w.minimumSizeHint();
        w.buildAllDocks();
        w.layout()->activate();
        CHECK(w.minimumSizeHint().height() <= before.height());
        CHECK(w.minimumSizeHint().width() <= before.width());
    }
}

// A joined seat receives a long session at once: its timeline must open on the latest speeches.
TEST_CASE("the timeline opens on the newest speech") {
    useTemporarySettings();
    forgetLayouts();
    CockpitHarness h;
    for (int i = 0; i < 60; ++i) {
        h.add(u"Audience 2"_s);
        REQUIRE(h.run(Action::Next));
        h.clock.advance(1'000);
    }
    MainWindow w(h.cockpit);
    w.show();
    auto* timeline = w.dock(u"timelineDock"_s);
    REQUIRE(timeline);
    timeline->raise(); // the user picks its tab
    QScrollBar* bar = child<QTreeView>(*timeline, u"timelineView"_s)->verticalScrollBar();
    QElapsedTimer t;
    t.start();
    while ((bar->maximum() == 0 || bar->value() != bar->maximum()) && t.elapsed() < 5'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    CHECK(bar->maximum() > 0);
    CHECK(bar->value() == bar->maximum());

    // A resync from the host replaces the whole state: the newest speech is shown again.
    bar->setValue(0);
    h.engine.reset(SessionState(h.state()));
    CHECK(bar->value() == bar->maximum());
}

namespace {

QTreeView* shownTimeline(MainWindow& w) {
    QDockWidget* timeline = w.dock(u"timelineDock"_s);
    REQUIRE(timeline);
    timeline->show();
    timeline->raise(); // the user picks its tab
    QCoreApplication::processEvents();
    auto* view = child<QTreeView>(*timeline, u"timelineView"_s);
    view->header()->doItemsLayout();
    return view;
}

QMenu* columnMenuOf(QTreeView* view) {
    emit view->header()->customContextMenuRequested(QPoint(5, 5)); // a right click on the header
    auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
    REQUIRE(menu);
    REQUIRE(menu->objectName() == u"columnMenu"_s);
    return menu;
}

QAction* actionNamed(QMenu* menu, const QString& text) {
    for (QAction* a : menu->actions()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

} // namespace

// With seven columns at Qt's default width the timeline scrolled sideways and cramped the
// speaker's name.
TEST_CASE("the timeline's columns fit its panel, an overtime shows whole, and the header's menu "
          "brings back a hidden column, remembered") {
    useTemporarySettings();
    QSettings().remove(u"columns"_s);
    for (Seat seat : {Seat::Moderator, Seat::OnlineModerator, Seat::Rapporteur}) {
        forgetLayouts();
        INFO(seatKey(seat).toStdString());
        CockpitHarness h;
        h.cockpit.setSeat(seat);
        MainWindow w(h.cockpit);
        w.resize(1366 - 16, 768 - 48); // a common laptop's screen, less the window's frame
        w.show();
        QTreeView* view = shownTimeline(w);
        CHECK(view->header()->length() <= view->viewport()->width());
        CHECK(view->header()->sectionSize(TimelineModel::Speaker) >= 100);
    }

    forgetLayouts();
    CockpitHarness h;
    h.add(u"Audience 2"_s);
    REQUIRE(h.run(Action::Next));
    h.clock.advance(12 * 60'000 + 34'000); // far over the allotment
    REQUIRE(h.run(Action::EndSpeech));
    auto w = std::make_unique<MainWindow>(h.cockpit);
    w->show();
    QTreeView* view = shownTimeline(*w);
    const QString spoke = view->model()->index(0, TimelineModel::Duration).data().toString();
    CHECK(spoke.contains(u"(+"_s));
    CHECK(view->header()->sectionSize(TimelineModel::Duration) >
          view->fontMetrics().horizontalAdvance(spoke));

    REQUIRE(view->header()->isSectionHidden(TimelineModel::Segment));
    QMenu* menu = columnMenuOf(view);
    CHECK_FALSE(actionNamed(menu, u"Speaker"_s)); // the row's name always stays
    QAction* segment = actionNamed(menu, u"Segment"_s);
    REQUIRE(segment);
    CHECK_FALSE(segment->isChecked());
    segment->trigger();
    menu->close();
    CHECK_FALSE(view->header()->isSectionHidden(TimelineModel::Segment));

    w.reset();
    {
        MainWindow again(h.cockpit);
        again.show();
        QTreeView* shown = shownTimeline(again);
        CHECK_FALSE(shown->header()->isSectionHidden(TimelineModel::Segment));
        REQUIRE(shown->header()->isSectionHidden(TimelineModel::Kind));
        QMenu* more = columnMenuOf(shown);
        actionNamed(more, u"Kind"_s)->trigger(); // now every column shows
        more->close();
    }
    // As written to disk, where the next start reads it (QSettings keeps an empty list as
    // "@Invalid()", which reads back as no choice, and the defaults would return).
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    const auto saved = std::find_if(lines.begin(), lines.end(), [](const QByteArray& l) {
        return l.contains("timelineView\\hidden=");
    });
    REQUIRE(saved != lines.end());
    CHECK_FALSE(saved->contains("@Invalid"));
    MainWindow third(h.cockpit); // and stays so: the defaults do not come back
    third.show();
    CHECK_FALSE(shownTimeline(third)->header()->isSectionHidden(TimelineModel::Kind));
}

TEST_CASE("the online moderator who takes over hosting keeps the panels where they were") {
    useTemporarySettings();
    forgetLayouts();
    CockpitHarness h;
    h.cockpit.setSeat(Seat::OnlineModerator);
    MainWindow w(h.cockpit);
    w.show();
    w.dock(u"timelineDock"_s)->hide(); // their own arrangement
    REQUIRE(hidden(w, u"timelineDock"_s));

    REQUIRE_FALSE(child<QAction>(w, u"advanceSegmentAction"_s)->isEnabled());
    h.cockpit.setSeat(Seat::Moderator); // the takeover makes this seat the host
    CHECK(hidden(w, u"timelineDock"_s));
    CHECK(child<QAction>(w, u"advanceSegmentAction"_s)->isEnabled()); // with the host's controls
    CHECK(w.windowTitle().contains(u"— Online moderator (hosting) —"_s));

    // A seat that joins with a code gets that seat's layout, as before.
    h.cockpit.setSeat(Seat::Rapporteur);
    CHECK_FALSE(hidden(w, u"timelineDock"_s));
    CHECK(hidden(w, u"participantsDock"_s));
    CHECK(w.windowTitle().contains(u"— Rapporteur —"_s));
}

TEST_CASE("a host that gives way to the one that took over keeps the panels where they were") {
    useTemporarySettings();
    forgetLayouts();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    w.dock(u"timelineDock"_s)->hide(); // the moderator's own arrangement
    REQUIRE_FALSE(hidden(w, u"balanceDock"_s));

    auto* connection = qobject_cast<ConnectionDock*>(w.dock(u"connectionDock"_s));
    REQUIRE(connection);
    emit connection->seatSession().gaveWay(u"192.0.2.7:47000"_s);
    h.cockpit.setSeat(Seat::OnlineModerator); // it joins the new host with its control code
    CHECK(hidden(w, u"timelineDock"_s));
    CHECK_FALSE(hidden(w, u"balanceDock"_s)); // the online moderator's layout has no balance

    // Only that once: a later change of seat brings that seat's layout.
    h.cockpit.setSeat(Seat::Rapporteur);
    CHECK_FALSE(hidden(w, u"timelineDock"_s));
}

TEST_CASE("a participants table without its affiliation column has no blank strip") {
    useTemporarySettings();
    forgetLayouts();
    QSettings().remove(u"columns"_s);
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.resize(1500, 920);
    w.show();
    auto* view = participantsView(w);
    QMenu* menu = columnMenuOf(view);
    actionNamed(menu, u"Affiliation"_s)->trigger();
    menu->close();
    QCoreApplication::processEvents();
    CHECK(view->header()->isSectionHidden(ParticipantsModel::Affiliation));
    CHECK(view->header()->length() >= view->viewport()->width() - 1); // the name takes the room
}

// After joining as online moderator the panels were rearranged, and a click on the Connection
// tab then showed nothing: that seat could not reach "Take over hosting".
TEST_CASE("after the seat changes, every tab shows its panel when clicked") {
    useTemporarySettings();
    forgetLayouts();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    QCoreApplication::processEvents();
    h.cockpit.setSeat(Seat::OnlineModerator);
    QCoreApplication::processEvents();
    int clicked = 0;
    for (QTabBar* bar : w.findChildren<QTabBar*>()) {
        if (!bar->isVisible())
            continue;
        for (int i = 0; i < bar->count(); ++i) {
            INFO(bar->tabText(i).toStdString());
            // Clicked where the user clicks: on whatever is on top there.
            const QPoint at = bar->mapTo(&w, bar->tabRect(i).center());
            QWidget* top = w.childAt(at);
            REQUIRE(top);
            QTest::mouseClick(top, Qt::LeftButton, {}, top->mapFrom(&w, at));
            QCoreApplication::processEvents();
            QDockWidget* shown = nullptr;
            for (QDockWidget* d : w.findChildren<QDockWidget*>()) {
                if (d->windowTitle() == bar->tabText(i).remove(u'&'))
                    shown = d;
            }
            REQUIRE(shown);
            CHECK(bar->currentIndex() == i);
            CHECK_FALSE(shown->visibleRegion().isEmpty());
            ++clicked;
        }
    }
    CHECK(clicked >= 4);
}

TEST_CASE("the rapporteur's default layout shows notes, the report and the timeline in front, and "
          "the floor without the buttons only moderators press") {
    useTemporarySettings();
    forgetLayouts();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    QCoreApplication::processEvents();
    const auto inFront = [&w](const QString& name) {
        QDockWidget* d = w.findChild<QDockWidget*>(name);
        return d && !d->visibleRegion().isEmpty();
    };
    const auto floorButtonShown = [&w] {
        auto* next = w.findChild<QAction*>(u"nextSpeakerAction"_s);
        for (QToolButton* b :
             w.findChild<QDockWidget*>(u"floorDock"_s)->findChildren<QToolButton*>()) {
            if (b->defaultAction() == next)
                return b->isVisible();
        }
        FAIL("the floor has no Next speaker button");
        return false;
    };
    // The moderator works the queue and the agenda; the rapporteur only reads them.
    CHECK(inFront(u"queueDock"_s));
    CHECK(inFront(u"agendaDock"_s));
    CHECK(floorButtonShown());

    h.cockpit.setSeat(Seat::Rapporteur);
    QCoreApplication::processEvents();
    for (const QString& name :
         {u"floorDock"_s, u"timelineDock"_s, u"notesDock"_s, u"ReportDock"_s}) {
        INFO(name.toStdString());
        CHECK(inFront(name));
    }
    CHECK_FALSE(inFront(u"queueDock"_s));
    CHECK_FALSE(floorButtonShown());
    CHECK_FALSE(child<QLineEdit>(w, u"stageMessage"_s)->isVisible());
    CHECK(child<QLabel>(w, u"countdown"_s)->isVisible());
}

// The Help menu had only the keyboard shortcuts: no version to tell whoever helps, and no word
// of the manual.
TEST_CASE("Help → About Podium gives the version and where help is") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* about = child<QAction>(w, u"aboutAction"_s);
    CHECK(w.menu(MainWindow::MenuId::Help)->actions().contains(about));
    CHECK(about->text().contains(u"About Podium"_s));
    CHECK(MainWindow::aboutText().contains(QStringLiteral(PODIUM_VERSION)));
    CHECK(MainWindow::aboutText().contains(u"man podium"_s));
}

// A screen reader found no name on the text fields (a placeholder is given as a description
// only) nor on the lists, and the new poll's two fields both under "New poll".
TEST_CASE("the fields and lists a moderator works with have names for assistive technology") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.buildAllDocks();
    QSet<QString> names;
    for (const QString& objectName :
         {u"quickAdd"_s, u"noteText"_s, u"stageMessage"_s, u"joinCode"_s, u"queueView"_s,
          u"timelineView"_s, u"agendaView"_s, u"participantsView"_s, u"notesView"_s,
          u"pollSelector"_s, u"tallyView"_s, u"peersView"_s}) {
        auto* widget = w.findChild<QWidget*>(objectName);
        INFO(objectName.toStdString());
        REQUIRE(widget);
        CHECK_FALSE(widget->accessibleName().isEmpty());
        names.insert(widget->accessibleName());
    }
    CHECK(names.size() == 12); // each its own
}
