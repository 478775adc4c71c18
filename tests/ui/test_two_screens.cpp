#include <catch2/catch.hpp>

#include "displays/display_windows.h"
#include "displays/stage_display.h"
#include "docks/session_dock.h"
#include "main_window.h"
#include "ui_support.h"

#include <QGuiApplication>
#include <QLayout>
#include <QScreen>
#include <QSettings>
#include <QWindow>
#include <memory>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

QScreen* screenNamed(const QString& name) {
    for (QScreen* s : QGuiApplication::screens()) {
        if (s->name() == name)
            return s;
    }
    return nullptr;
}

void moveTo(MainWindow& w, QScreen* screen) {
    w.windowHandle()->setScreen(screen);
    QCoreApplication::processEvents();
    w.layout()->activate();
}

} // namespace

// A moderator drags the cockpit from the desktop monitor to a small screen beside it
// (two_screens.json): there it must fit again, and back on the large one the panels get their
// full height back.
TEST_CASE("a window moved to a smaller screen fits it, and has its full height back on the "
          "larger one") {
    useTemporarySettings();
    QSettings().remove(u"layout"_s);
    QScreen* desktop = screenNamed(u"desktop"_s);
    QScreen* small = screenNamed(u"netbook"_s);
    REQUIRE(desktop);
    REQUIRE(small);
    CockpitHarness h;
    fillSession(h);
    MainWindow w(h.cockpit);
    w.setScreen(desktop);
    w.show();
    w.buildAllDocks();
    QCoreApplication::processEvents();
    const int roomy = w.minimumSizeHint().height();
    REQUIRE(roomy > small->availableGeometry().height()); // else the move proves nothing
    CHECK_FALSE(w.property(crampedScreenProperty).toBool());

    moveTo(w, small);
    CHECK(w.property(crampedScreenProperty).toBool());
    CHECK(w.minimumSizeHint().height() <= small->availableGeometry().height());
    CHECK(w.height() <= small->availableGeometry().height());

    moveTo(w, desktop);
    CHECK_FALSE(w.property(crampedScreenProperty).toBool());
    CHECK(w.minimumSizeHint().height() == roomy);
}

// After a crash, or a quit, mid-session the speakers' screen stayed dark until the moderator found
// View → Stage display again.
TEST_CASE("a display on a screen of its own opens again with the cockpit, full screen or a window "
          "as it was left") {
    useTemporarySettings();
    QScreen* desktop = screenNamed(u"desktop"_s);
    QScreen* projector = screenNamed(u"netbook"_s);
    REQUIRE(desktop);
    REQUIRE(projector);
    CockpitHarness h;
    const auto cockpitOn = [&](QScreen* screen) {
        auto w = std::make_unique<MainWindow>(h.cockpit);
        w->setScreen(screen);
        w->show();
        QCoreApplication::processEvents();
        auto* displays = w->findChild<DisplayWindows*>();
        REQUIRE(displays);
        return std::pair{std::move(w), displays};
    };
    {
        auto [w, displays] = cockpitOn(desktop);
        CHECK_FALSE(displays->stage());
        displays->showStage(projector, true);
        w->close(); // quit with the display up
    }
    {
        auto [w, displays] = cockpitOn(desktop);
        REQUIRE(displays->stage());
        CHECK(displays->stage()->isVisible());
        CHECK(displays->stage()->screen() == projector);
        CHECK_FALSE(displays->audience());
        displays->stage()->close(); // the moderator closes it (Esc): not again
        w->close();
    }
    {
        auto [w, displays] = cockpitOn(desktop);
        CHECK_FALSE(displays->stage());
        displays->showStage(projector, true);
        displays->showStage(desktop, false); // moved to the cockpit's screen, as a window
        w->close();
    }
    {
        auto [w, displays] = cockpitOn(desktop);
        CHECK_FALSE(displays->stage());
        displays->showStage(projector, true);
        displays->stage()->showNormal(); // a double click on it: a window, on the projector
        REQUIRE_FALSE(displays->stage()->isFullScreen());
        w->close();
    }
    {
        auto [w, displays] = cockpitOn(desktop);
        REQUIRE(displays->stage());
        CHECK(displays->stage()->screen() == projector);
        CHECK_FALSE(displays->stage()->isFullScreen()); // as it was left
        displays->stage()->showFullScreen();            // double-clicked back
        w->close();
    }
    {
        auto [w, displays] = cockpitOn(desktop);
        REQUIRE(displays->stage());
        CHECK(displays->stage()->isFullScreen());
        displays->showStage(desktop, false);
        w->close();
    }
    auto [w, displays] = cockpitOn(desktop);
    CHECK_FALSE(displays->stage());
}
