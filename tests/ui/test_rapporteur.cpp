#include <catch2/catch.hpp>

#include "docks/session_dock.h"
#include "main_window.h"
#include "models/tally_model.h"
#include "ui_support.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTimer>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// Whatever dialog a control might open is closed at once, so the test never blocks.
void closeDialogsAsTheyOpen(QTimer& timer) {
    timer.setInterval(0);
    QObject::connect(&timer, &QTimer::timeout, [] {
        if (QWidget* modal = QApplication::activeModalWidget())
            modal->close();
    });
    timer.start();
}

} // namespace

TEST_CASE("the rapporteur sees everything and no control changes the session") {
    useTemporarySettings();
    CockpitHarness h;
    fillSession(h);
    h.cockpit.setSeat(Seat::Rapporteur);
    MainWindow w(h.cockpit);
    w.restoreLayout();
    w.show();
    w.buildAllDocks(); // a panel waiting to be first shown has no buttons yet to try
    QTimer closer;
    closeDialogsAsTheyOpen(closer);
    const QByteArray before = h.digest();
    // The engine would refuse a read-only seat's command anyway; the point is that no control
    // even tries: each is absent or disabled.
    QStringList attempted;
    QObject::connect(&h.engine, &SessionEngine::refused,
                     [&](const QString&, const QString& why) { attempted.append(why); });

    CHECK_FALSE(child<QLineEdit>(w, u"quickAdd"_s)->isVisibleTo(&w));
    CHECK_FALSE(child<QPushButton>(w, u"openClosePoll"_s)->isVisibleTo(&w));
    auto* tallies = w.findChild<TallyModel*>();
    REQUIRE(tallies);
    CHECK_FALSE(tallies->flags(tallies->index(0, TallyModel::Onsite)) & Qt::ItemIsEditable);

    int tried = 0;
    for (QDockWidget* dock : w.docks()) {
        auto* panel = qobject_cast<SessionDock*>(dock);
        CHECK((!panel || panel->isBuilt()));
        for (QAbstractButton* b : dock->findChildren<QAbstractButton*>()) {
            if (b->isEnabled()) {
                const qsizetype before = attempted.size();
                b->click();
                if (attempted.size() > before)
                    attempted.last() += u" ← "_s + b->objectName() + u" "_s + b->text();
                ++tried;
            }
        }
    }
    for (auto id : {MainWindow::MenuId::Session, MainWindow::MenuId::Edit}) {
        for (QAction* a : w.menu(id)->actions()) {
            if (a->isEnabled() && !a->menu()) {
                const qsizetype before = attempted.size();
                a->trigger();
                if (attempted.size() > before)
                    attempted.last() += u" ← "_s + a->objectName();
                ++tried;
            }
        }
    }
    CHECK(tried > 0);
    CHECK(h.digest() == before);
    CHECK(attempted.join(u" | "_s).toStdString() == "");
    CHECK(h.cockpit.undoStack().count() == 0);
}

TEST_CASE("the online moderator may not run the agenda or create polls") {
    useTemporarySettings();
    CockpitHarness h;
    fillSession(h);
    h.cockpit.setSeat(Seat::OnlineModerator);
    MainWindow w(h.cockpit);
    CHECK_FALSE(child<QAction>(w, u"advanceSegmentAction"_s)->isEnabled());
    CHECK(w.findChild<QWidget*>(u"newPollToggle"_s)->isHidden());
    CHECK_FALSE(w.findChild<QWidget*>(u"createPollBox"_s)->isEnabled());
    // but brings online people into the queue and runs the clock
    CHECK(child<QAction>(w, u"nextSpeakerAction"_s)->isEnabled());
    CHECK(child<QLineEdit>(w, u"quickAdd"_s)->isVisibleTo(&w));
}
