#include "ui_support.h"

#include "commands/authority.h"
#include "main_window.h"
#include "model/codec.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QApplication>
#include <QCborArray>
#include <QCoreApplication>
#include <QDockWidget>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace podium::test {

QString qrCodeOn(const QImage& image) {
    const QString zbarimg = QStandardPaths::findExecutable(u"zbarimg"_s);
    REQUIRE_FALSE(zbarimg.isEmpty()); // zbar-tools, installed by scripts/deps.sh
    QTemporaryDir dir;
    const QString png = dir.filePath(u"display.png"_s);
    REQUIRE(image.save(png));
    QProcess zbar;
    zbar.start(zbarimg, {u"--raw"_s, u"-q"_s, u"-Sdisable"_s, u"-Sqrcode.enable"_s, png});
    REQUIRE(zbar.waitForFinished(30000));
    return QString::fromUtf8(zbar.readAllStandardOutput()).trimmed();
}

void useTemporarySettings() {
    static QTemporaryDir dir;
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"PodiumTests"_s);
    QCoreApplication::setApplicationName(u"podium-ui-tests"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
}

QByteArray CockpitHarness::digest() const {
    return codec::digest(state());
}

void fillSession(CockpitHarness& h) {
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}}));
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    h.add(u"Audience 2"_s);
    h.add(u"Audience 3"_s);
    REQUIRE(h.run(Action::CreatePoll,
                  {{u"question"_s, u"Q?"_s}, {u"options"_s, QCborArray{u"a"_s, u"b"_s}}}));
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, h.state().polls.first().id}}));
}

ShownWindow::ShownWindow() {
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
}

QTreeView* participantsView(MainWindow& w) {
    QDockWidget* participants = w.dock(u"participantsDock"_s);
    REQUIRE(participants);
    participants->raise();
    QCoreApplication::processEvents();
    return child<QTreeView>(*participants, u"participantsView"_s);
}

void forEachSeatWindow(const std::function<void(MainWindow&, Seat)>& check) {
    for (Seat seat : {Seat::Moderator, Seat::OnlineModerator, Seat::Rapporteur}) {
        QSettings().remove(u"layout"_s);
        INFO(seatKey(seat).toStdString());
        CockpitHarness h;
        fillSession(h);
        h.cockpit.setSeat(seat);
        MainWindow w(h.cockpit);
        w.show();
        w.buildAllDocks();
        QCoreApplication::processEvents();
        check(w, seat);
    }
}

PlayedHost::PlayedHost(CockpitHarness& h)
    : harness(h) {
    h.engine.setForwarder([this](const Command& c) { forwarded.append(c); });
}

void PlayedHost::decideOnHost(const Command& asked) {
    Command c = asked;
    c.authority = Authority::Moderator;
    auto decided = decide(harness.state(), c, harness.clock.nowMs());
    REQUIRE(decided);
    REQUIRE(harness.engine.receive(decided.value()));
    QCoreApplication::processEvents(); // what the seat does next (a quick add asks for the entry)
}

void answerNextQuestion(QMessageBox::StandardButton answer, QString* asked) {
    QTimer::singleShot(0, [answer, asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        CHECK(box);
        if (!box)
            return;
        *asked = box->text();
        box->button(answer)->click();
    });
}

void answerQuestionIfAsked(const QString& answer, QString* asked, QString* informative) {
    QTimer::singleShot(0, [answer, asked, informative] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        *asked = box->text();
        if (informative)
            *informative = box->informativeText();
        for (QAbstractButton* b : box->buttons())
            if (b->text() == answer)
                b->click();
    });
}

} // namespace podium::test
