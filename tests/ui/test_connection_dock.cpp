#include <catch2/catch.hpp>

#include "cockpit.h"
#include "docks/connection_dock.h"
#include "docks/discovered_hosts.h"
#include "docks/seat_session.h"
#include "fixtures.h"
#include "join_code.h"
#include "main_window.h"
#include "model/time_text.h"
#include "relay.h"
#include "session_files.h"
#include "session_journal.h"
#include "store/recent_files.h"
#include "store/session_check.h"
#include "store/session_file.h"
#include "ui_support.h"
#include "voting_server.h"

#include <QCborArray>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStatusBar>
#include <QSysInfo>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUdpSocket>
#include <functional>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// Waits for network traffic on loopback (not for a timer), bounded.
bool waitFor(const std::function<bool()>& done) {
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < 20'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return done();
}

// One seat: a session file, an engine on the system clock, and its connection dock.
struct SeatUnderTest {
    QTemporaryDir dir;
    SystemClock clock;
    SessionEngine engine{clock};
    std::unique_ptr<SessionFile> file;
    std::unique_ptr<Cockpit> cockpit;
    std::unique_ptr<ConnectionDock> dock;

    explicit SeatUnderTest(Authority authority) {
        auto created =
            SessionFile::create(dir.filePath(u"seat.podium"_s), crowdPlan(), clock.nowMs());
        REQUIRE(created);
        file = std::move(created).value();
        file->attach(engine);
        engine.setAuthority(authority);
        openWindow();
    }
    // The cockpit's window on this seat's file; again after a crash. `shown`: the dock is in
    // front (otherwise it waits for its first showing to make its widgets).
    void openWindow(bool shown = true) {
        dock.reset();
        cockpit = std::make_unique<Cockpit>(engine);
        dock = std::make_unique<ConnectionDock>(*cockpit);
        if (shown)
            dock->ensureBuilt();
        SeatSession& s = dock->seatSession();
        s.setAnnouncing(false); // tests stay on loopback: no LAN broadcast
        s.setReplicaFolder(dir.filePath(u"joined"_s));
        s.setSessionFile(file.get());
    }
    template <typename T> T* child(const QString& name) const {
        T* found = dock->findChild<T*>(name);
        REQUIRE(found);
        return found;
    }
};

// A moderator's seat hosting on loopback, and the address a seat joins it at.
std::unique_ptr<SeatUnderTest> hostingSeat() {
    auto host = std::make_unique<SeatUnderTest>(Authority::Moderator);
    REQUIRE(host->dock->seatSession().host(0, QHostAddress::LocalHost));
    return host;
}

QString addressOf(const SeatUnderTest& host) {
    return u"127.0.0.1:%1"_s.arg(host.dock->seatSession().seat()->syncHost()->port());
}

} // namespace

// The venue's Wi-Fi gone, the host said "Hosting on port 47600. Give each seat this address":
// there was none, and nothing said the others could not reach it.
TEST_CASE("connection dock: a host on no network says the others cannot reach it yet") {
    const QString alone = ConnectionDock::hostingLine({}, 47600, false);
    CHECK(alone.contains(u"47600"_s));
    CHECK(alone.contains(u"on no network"_s));
    CHECK_FALSE(alone.contains(u"Give each seat"_s));
    CHECK(ConnectionDock::hostingLine({u"192.168.1.20"_s, u"10.0.0.5"_s}, 47600, false) ==
          u"Hosting on 192.168.1.20:47600, 10.0.0.5:47600. Give each seat this address and its "
          "code."_s);
}

TEST_CASE("connection dock: host shows two join codes, and a seat joins with one over loopback") {
    useTemporarySettings();
    SeatUnderTest host(Authority::Moderator);
    CHECK(host.child<QLabel>(u"connectionState"_s)->text().contains(u"Not connected"_s));
    REQUIRE(host.dock->seatSession().host(0, QHostAddress::LocalHost));
    const QString control = host.child<QLabel>(u"controlCode"_s)->text();
    const QString readOnly = host.child<QLabel>(u"readOnlyCode"_s)->text();
    CHECK(control.size() >= 8);
    CHECK(readOnly.size() >= 8);
    CHECK(control != readOnly);
    // The address the others type, with the port: they had to find this machine's elsewhere.
    const QString hosting = host.child<QLabel>(u"connectionState"_s)->text();
    CHECK(hosting.startsWith(u"Hosting on"_s));
    // Bound to one address, that one: the LAN's would not reach it.
    CHECK(hosting.contains(addressOf(host)));

    SeatUnderTest online(Authority::OnlineModerator);
    const quint16 port = host.dock->seatSession().seat()->syncHost()->port();
    online.child<QLineEdit>(u"joinAddress"_s)->setText(u"127.0.0.1:%1"_s.arg(port));
    online.child<QLineEdit>(u"joinCode"_s)->setText(control);
    online.child<QPushButton>(u"joinButton"_s)->click();

    auto* peers = host.child<QTreeWidget>(u"peersView"_s);
    REQUIRE(waitFor([&] { return peers->topLevelItemCount() == 1; }));
    CHECK(peers->topLevelItem(0)->text(1) == label(Authority::OnlineModerator));
    // Which machine: the role is the column beside, given by the host (the seat named itself
    // with its role before it joined, and was listed as "Moderator on …" though online).
    CHECK(peers->topLevelItem(0)->text(0) == QSysInfo::machineHostName());
    REQUIRE(
        waitFor([&] { return online.engine.state().sessionId == host.engine.state().sessionId; }));
    CHECK(online.child<QLabel>(u"connectionState"_s)->text().startsWith(u"Joined 127.0.0.1"_s));
    // Its own row in its list is marked, and named as the line above names the seat; the host
    // comes first (the host's list is of the seats joined to it: the host was in no list).
    auto* ownList = online.child<QTreeWidget>(u"peersView"_s);
    REQUIRE(waitFor([&] { return ownList->topLevelItemCount() == 2; }));
    CHECK(ownList->topLevelItem(0)->text(0) == QSysInfo::machineHostName());
    CHECK(ownList->topLevelItem(0)->text(1) == u"Host"_s);
    CHECK(ownList->topLevelItem(0)->text(2) == u"127.0.0.1:%1"_s.arg(port));
    CHECK(ownList->topLevelItem(1)->text(0).endsWith(u"(this seat)"_s));
    CHECK(online.child<QLabel>(u"connectionState"_s)
              ->text()
              .contains(ownList->topLevelItem(1)->text(1)));
    CHECK_FALSE(peers->topLevelItem(0)->text(0).contains(u"this seat"_s)); // on the host's list

    // What the host does reaches the joined seat; both keep it on disk.
    REQUIRE(host.cockpit->submit(Action::SetStageMessage, {{u"text"_s, u"Please wrap up"_s}}));
    REQUIRE(waitFor([&] { return online.engine.state().stageMessage == u"Please wrap up"_s; }));
    auto hostEvents = host.file->eventCount();
    REQUIRE(hostEvents);
    CHECK(hostEvents.value() == host.engine.state().lastSeq);
    SessionFile* replica = online.dock->seatSession().sessionFile();
    // Where the copy is, for a report from the command line or to send it on.
    auto* keptIn = online.child<QLabel>(u"joinedCopyPath"_s);
    CHECK(keptIn->isVisibleTo(online.dock.get()));
    CHECK(keptIn->text().contains(QFileInfo(replica->path()).fileName()));
    CHECK(keptIn->toolTip() ==
          QDir::toNativeSeparators(QFileInfo(replica->path()).absoluteFilePath()));
    REQUIRE(replica != online.file.get()); // the joined session has a file of its own
    CHECK(replica->state().stageMessage == u"Please wrap up"_s);
    QSettings settings; // offered in Open recent, where its notes are found again
    CHECK(RecentFiles(settings).mostRecent() == QFileInfo(replica->path()).absoluteFilePath());
}

TEST_CASE("connection dock: the join form offers the host this machine joined last") {
    useTemporarySettings();
    QSettings().remove(u"sync/lastHost"_s);
    SeatUnderTest host(Authority::Moderator);
    REQUIRE(host.dock->seatSession().host(0, QHostAddress::LocalHost));
    const quint16 port = host.dock->seatSession().seat()->syncHost()->port();
    const QString address = u"127.0.0.1:%1"_s.arg(port);
    {
        SeatUnderTest first(Authority::ReadOnly);
        CHECK(first.child<QLineEdit>(u"joinAddress"_s)->text().isEmpty());
        first.child<QLineEdit>(u"joinAddress"_s)->setText(u"  "_s + address);
        first.child<QLineEdit>(u"joinCode"_s)->setText(u"WRONG-CODE-0000"_s);
        first.child<QPushButton>(u"joinButton"_s)->click();
    }
    SeatUnderTest again(Authority::ReadOnly); // the next start of Podium on this machine
    CHECK(again.child<QLineEdit>(u"joinAddress"_s)->text() == address);
    CHECK(again.child<QLineEdit>(u"joinCode"_s)->text().isEmpty()); // codes are never kept
}

TEST_CASE("connection dock: --join with --code joins at launch, as the form would") {
    useTemporarySettings();
    SeatUnderTest host(Authority::Moderator);
    REQUIRE(host.dock->seatSession().host(0, QHostAddress::LocalHost));
    const quint16 port = host.dock->seatSession().seat()->syncHost()->port();
    SeatUnderTest rapporteur(Authority::ReadOnly);
    rapporteur.dock->joinHost(u"127.0.0.1:%1"_s.arg(port),
                              host.child<QLabel>(u"readOnlyCode"_s)->text());
    REQUIRE(waitFor(
        [&] { return rapporteur.engine.state().sessionId == host.engine.state().sessionId; }));
    CHECK(rapporteur.child<QLineEdit>(u"joinAddress"_s)->text() == u"127.0.0.1:%1"_s.arg(port));
    // A window joined with the read-only code is the rapporteur's: the host listed "Read-only",
    // as for a script.
    auto* peers = host.child<QTreeWidget>(u"peersView"_s);
    REQUIRE(waitFor([&] { return peers->topLevelItemCount() == 1; }));
    CHECK(peers->topLevelItem(0)->text(1) == u"Rapporteur"_s);

    // The list kept the links' own order, which changed at each reconnect: a seat with control
    // comes first, whenever it joined.
    SeatUnderTest online(Authority::OnlineModerator);
    online.dock->joinHost(u"127.0.0.1:%1"_s.arg(port),
                          host.child<QLabel>(u"controlCode"_s)->text());
    REQUIRE(waitFor([&] { return peers->topLevelItemCount() == 2; }));
    CHECK(peers->topLevelItem(0)->text(1) == label(Authority::OnlineModerator));
    CHECK(peers->topLevelItem(1)->text(1) == u"Rapporteur"_s);
}

TEST_CASE("connection dock: hosting again after a crash gives the same codes, after "
          "Disconnect new ones") {
    useTemporarySettings();
    SeatUnderTest host(Authority::Moderator);
    REQUIRE(host.dock->seatSession().host(0, QHostAddress::LocalHost));
    const QString control = host.child<QLabel>(u"controlCode"_s)->text();
    const QString readOnly = host.child<QLabel>(u"readOnlyCode"_s)->text();
    host.openWindow(); // Podium died without Disconnect, and is opened again on its file
    REQUIRE(host.dock->seatSession().host(0, QHostAddress::LocalHost));
    CHECK(host.child<QLabel>(u"controlCode"_s)->text() == control);
    CHECK(host.child<QLabel>(u"readOnlyCode"_s)->text() == readOnly);
    host.child<QPushButton>(u"stopButton"_s)->click(); // on purpose: the codes end with it
    REQUIRE(host.dock->seatSession().host(0, QHostAddress::LocalHost));
    CHECK(host.child<QLabel>(u"controlCode"_s)->text() != control);
    CHECK(host.child<QLabel>(u"readOnlyCode"_s)->text() != readOnly);
}

// A space typed into the wrong panel pressed Disconnect: the online moderator's seat lost the
// session, and the codes it had no longer let it back in.
TEST_CASE("connection dock: Disconnect asks first while seats follow this host") {
    useTemporarySettings();
    SeatUnderTest host(Authority::Moderator);
    REQUIRE(host.dock->seatSession().host(0, QHostAddress::LocalHost));
    SeatUnderTest online(Authority::OnlineModerator);
    online.dock->joinHost(addressOf(host), host.child<QLabel>(u"controlCode"_s)->text());
    REQUIRE(waitFor([&] { return host.dock->seatSession().seat()->peers().size() == 1; }));
    auto* stop = host.child<QPushButton>(u"stopButton"_s);
    QString asked;
    answerQuestionIfAsked(u"Cancel"_s, &asked);
    stop->click();
    CHECK(asked.startsWith(u"1 seat follows the session from this laptop"_s));
    CHECK(host.dock->seatSession().mode() == sync::Seat::Mode::Hosting);
    asked.clear();
    answerQuestionIfAsked(u"Disconnect"_s, &asked);
    stop->click();
    CHECK_FALSE(asked.isEmpty());
    CHECK(host.dock->seatSession().mode() == sync::Seat::Mode::Alone);
}

TEST_CASE("connection dock: hosting that cannot start says why, in the dock") {
    useTemporarySettings();
    QTcpServer taken; // another program has the port
    REQUIRE(taken.listen(QHostAddress::Any, 0));
    SeatUnderTest host(Authority::Moderator);
    host.dock->hostOn(taken.serverPort()); // what `podium --host --port N` does
    CHECK(host.dock->seatSession().mode() == sync::Seat::Mode::Alone);
    auto* status = host.child<QLabel>(u"connectionStatus"_s);
    CHECK(status->text().contains(u"Cannot host"_s));
    CHECK(status->property("problem").toBool()); // in red, as for the Host button
}

// A host that quit was reported as "out of reach", as a crash or a pulled cable is: the rapporteur
// took a planned quit for a failure. Disconnect ends the codes: the seat is told it needs a new
// one.
TEST_CASE("connection dock: a seat that lost its host says so at the top, and whether the host "
          "quit, disconnected, or went without a word") {
    useTemporarySettings();
    const bool readOnly = GENERATE(false, true);
    enum class Gone { Quit, Disconnect, Cable };
    const Gone gone = GENERATE(Gone::Quit, Gone::Disconnect, Gone::Cable);
    INFO((readOnly ? "read-only seat" : "online moderator's seat"));
    INFO("host gone by " << int(gone));
    auto host = hostingSeat();
    synctest::Relay cable(host->dock->seatSession().seat()->syncHost()->port());
    SeatUnderTest seat(readOnly ? Authority::ReadOnly : Authority::OnlineModerator);
    seat.dock->joinHost(
        u"127.0.0.1:%1"_s.arg(cable.port()),
        host->child<QLabel>(readOnly ? u"readOnlyCode"_s : u"controlCode"_s)->text());
    auto* state = seat.child<QLabel>(u"connectionState"_s);
    REQUIRE(waitFor([&] { return state->text().startsWith(u"Joined"_s); }));
    QString alert;
    QObject::connect(seat.dock.get(), &ConnectionDock::alertChanged,
                     [&](const QString& text) { alert = text; });
    QString said;
    switch (gone) {
    case Gone::Quit:
        host.reset(); // the in-room laptop quits: its file keeps the codes
        said = u"(Podium quit there): this seat joins again by itself"_s;
        break;
    case Gone::Disconnect:
        host->dock->seatSession().stop(); // the codes end with it
        said = u"(Disconnect was pressed there): hosting again gives new join codes"_s;
        break;
    case Gone::Cable:
        cable.setRefusing(true);
        cable.cutAll();
        said = u"out of reach"_s;
        break;
    }
    REQUIRE(waitFor([&] { return state->text().contains(said); }));
    CHECK(state->property("problem").toBool());
    CHECK(seat.child<QTreeWidget>(u"peersView"_s)->topLevelItemCount() == 0);
    // The whole window says so too (the panel may be behind a tab): MainWindow shows the alert.
    CHECK(alert.contains(said));
    CHECK(seat.dock->alert() == alert);
    // Still so as the seat keeps trying a host that is not there.
    QTest::qWait(1500);
    CHECK(state->text().contains(said));
    // A rapporteur has no actions to hold back: it is told what its screen shows meanwhile.
    CHECK(alert.contains(u"Take over hosting in Connection"_s) == !readOnly);
    for (const QString& text : {state->text(), alert}) {
        CHECK(text.contains(u"actions are refused"_s) == !readOnly);
        CHECK(text.contains(u"shows the session as it was"_s) == readOnly);
    }
}

// Started with a wrong --code, the cockpit looked like a session of its own: the refusal was only
// in the Connection panel, behind a tab. A code that cannot be one is not even sent.
TEST_CASE(
    "connection dock: a join that fails says so at the top, and a mistyped code is not sent") {
    useTemporarySettings();
    auto host = hostingSeat();
    SeatUnderTest seat(Authority::OnlineModerator);
    QString alert;
    QObject::connect(seat.dock.get(), &ConnectionDock::alertChanged,
                     [&](const QString& text) { alert = text; });
    seat.dock->joinHost(addressOf(*host), u"CMSE-1EHZ-595"_s); // 11 symbols
    REQUIRE(waitFor([&] { return !alert.isEmpty(); }));
    CHECK(alert.contains(u"is not a join code"_s));
    CHECK(host->child<QTreeWidget>(u"peersView"_s)->topLevelItemCount() == 0);

    seat.dock->joinHost(addressOf(*host), sync::generateJoinCode()); // a code, but not the host's
    REQUIRE(waitFor([&] { return alert.contains(u"did not accept this join code"_s); }));
    CHECK(alert.contains(u"Connection panel shows"_s)); // where to look
}

TEST_CASE("connection dock: after taking over, it shows the old codes, which still work") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString control = host->child<QLabel>(u"controlCode"_s)->text();
    const QString readOnly = host->child<QLabel>(u"readOnlyCode"_s)->text();
    SeatUnderTest online(Authority::OnlineModerator);
    online.dock->joinHost(addressOf(*host), host->child<QLabel>(u"controlCode"_s)->text());
    REQUIRE(waitFor([&] {
        return online.dock->seatSession().seat()->syncPeer()->state() ==
               sync::SyncPeer::State::Live;
    }));
    // Its copy keeps the session's codes, though it held another session before it joined: a
    // restart while the host is away can take over with the codes the seats have.
    CHECK(sync::codesToHostWith(online.dock->seatSession().sessionFile()).readOnly == readOnly);
    host.reset();
    auto* takeOver = online.child<QPushButton>(u"takeOverButton"_s);
    REQUIRE(waitFor([&] { return !takeOver->isHidden(); }));
    CHECK(online.child<QSpinBox>(u"hostPort"_s)->isEnabled()); // the port it will host on
    const quint16 free = [] {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
        return probe.serverPort();
    }();
    online.child<QSpinBox>(u"hostPort"_s)->setValue(free);
    takeOver->click();
    REQUIRE(online.dock->seatSession().mode() == sync::Seat::Mode::Hosting);
    CHECK(online.child<QLabel>(u"connectionState"_s)->text().contains(u"still work"_s));
    CHECK(online.child<QLabel>(u"controlCode"_s)->isVisibleTo(online.dock.get()));
    CHECK(online.child<QLabel>(u"controlCode"_s)->text() == control);
    CHECK(online.child<QLabel>(u"readOnlyCode"_s)->text() == readOnly);
    // and keeps them in its file: started again on it, it hosts with the same codes
    const sync::JoinCodes kept = sync::codesToHostWith(online.dock->seatSession().sessionFile());
    CHECK(kept.control == control);
    CHECK(kept.readOnly == readOnly);
    // Disconnect on purpose ends them, those it had as a seat too: hosting again gives new ones.
    online.child<QPushButton>(u"stopButton"_s)->click();
    REQUIRE(online.dock->seatSession().host(0, QHostAddress::LocalHost));
    CHECK(online.child<QLabel>(u"controlCode"_s)->text() != control);
    CHECK(online.child<QLabel>(u"readOnlyCode"_s)->text() != readOnly);
}

TEST_CASE("connection dock: a wrong code is refused with a reason") {
    useTemporarySettings();
    SeatUnderTest host(Authority::Moderator);
    REQUIRE(host.dock->seatSession().host(0, QHostAddress::LocalHost));
    SeatUnderTest rapporteur(Authority::ReadOnly);
    CHECK_FALSE(rapporteur.child<QPushButton>(u"hostButton"_s)->isEnabled());
    const quint16 port = host.dock->seatSession().seat()->syncHost()->port();
    rapporteur.child<QLineEdit>(u"joinAddress"_s)->setText(u"127.0.0.1:%1"_s.arg(port));
    rapporteur.child<QLineEdit>(u"joinCode"_s)->setText(sync::generateJoinCode());
    rapporteur.child<QPushButton>(u"joinButton"_s)->click();
    auto* status = rapporteur.child<QLabel>(u"connectionStatus"_s);
    REQUIRE(waitFor([&] { return !status->text().isEmpty(); }));
    CHECK(host.child<QTreeWidget>(u"peersView"_s)->topLevelItemCount() == 0);
    CHECK(rapporteur.engine.state().sessionId != host.engine.state().sessionId);
    // The host says it in words, not in the TLS library's ("psk identity not found").
    auto* hostStatus = host.child<QLabel>(u"connectionStatus"_s);
    REQUIRE(waitFor([&] { return hostStatus->text().contains(u"wrong join code"_s); }));
    CHECK_FALSE(hostStatus->text().contains(u"psk"_s, Qt::CaseInsensitive));

    // The seat gives up on that host at once, and says so: it said "reconnecting by itself" for
    // ever, and only Disconnect brought the form back. No empty file is left for Open recent.
    REQUIRE(
        waitFor([&] { return rapporteur.dock->seatSession().mode() == sync::Seat::Mode::Alone; }));
    INFO(status->text().toStdString());
    CHECK(status->text().contains(u"join code"_s));
    CHECK(rapporteur.child<QPushButton>(u"joinButton"_s)->isVisibleTo(rapporteur.dock.get()));
    CHECK(rapporteur.dock->seatSession().sessionFile() == rapporteur.file.get());
    CHECK(QDir(rapporteur.dir.filePath(u"joined"_s)).entryList(QDir::Files).isEmpty());
    QSettings settings;
    CHECK(RecentFiles(settings).mostRecent() != rapporteur.dir.filePath(u"joined"_s));
    CHECK_FALSE(RecentFiles(settings).mostRecent().contains(u"joined-"_s));
}

// The rehearsal: a projector driven by a seat that follows the host (a display laptop, or the
// room's laptop after a takeover) showed no address and no code for the host's voting page.
TEST_CASE("a seat that follows a host shows the address of the host's voting page, from its "
          "beacons") {
    QUdpSocket probe; // a free UDP port on loopback stands for the beacon port
    REQUIRE(probe.bind(QHostAddress::LocalHost, 0));
    const quint16 beaconPort = probe.localPort();
    probe.close();
    const auto host = hostingSeat();
    SeatUnderTest online(Authority::OnlineModerator);
    REQUIRE(online.dock->discoveredHosts().listen(QHostAddress::LocalHost, beaconPort));
    online.dock->joinHost(addressOf(*host), host->child<QLabel>(u"controlCode"_s)->text());
    REQUIRE(waitFor([&] { return online.engine.isForwarding(); }));

    const auto voting = host->cockpit->voting().start(0, QHostAddress::LocalHost);
    REQUIRE(voting);
    host->dock->seatSession().seat()->announce(QHostAddress::LocalHost, beaconPort);
    const QStringList page{u"http://127.0.0.1:%1/"_s.arg(*voting)};
    REQUIRE(waitFor([&] { return online.cockpit->votingPageUrls() == page; }));

    // Turned off at the host: its next beacon says so, and the address goes.
    host->cockpit->voting().stop();
    REQUIRE(waitFor([&] { return online.cockpit->votingPageUrls().isEmpty(); }));
    // Nor is a page shown for a seat that follows nobody.
    REQUIRE(host->cockpit->voting().start(*voting, QHostAddress::LocalHost));
    REQUIRE(waitFor([&] { return online.cockpit->votingPageUrls() == page; }));
    online.dock->seatSession().stop();
    REQUIRE(waitFor([&] { return online.cockpit->votingPageUrls().isEmpty(); }));
}

TEST_CASE("connection dock: hosts announcing on the LAN are listed, picking one fills the "
          "address, and silent ones are forgotten") {
    QUdpSocket probe; // a free UDP port on loopback stands for the beacon port
    REQUIRE(probe.bind(QHostAddress::LocalHost, 0));
    const quint16 beaconPort = probe.localPort();
    probe.close();

    SeatUnderTest host(Authority::Moderator);
    REQUIRE(host.dock->seatSession().host(0, QHostAddress::LocalHost));
    SeatUnderTest online(Authority::OnlineModerator);
    FakeClock heardAt(1'000'000);
    DiscoveredHosts& discovered = online.dock->discoveredHosts();
    discovered.setClock(heardAt);
    REQUIRE(discovered.listen(QHostAddress::LocalHost, beaconPort));
    auto* list = online.child<QListWidget>(u"discoveredHosts"_s);
    CHECK(list->count() == 0);

    host.dock->seatSession().seat()->announce(QHostAddress::LocalHost, beaconPort);
    REQUIRE(waitFor([&] { return list->count() == 1; }));
    const quint16 port = host.dock->seatSession().seat()->syncHost()->port();
    const QString address = u"127.0.0.1:%1"_s.arg(port);
    CHECK(list->item(0)->text().contains(host.engine.state().info.title));
    CHECK(list->item(0)->text().contains(address));

    // A typed address stays as typed, also when the list takes the focus (its first host was
    // made current, and replaced the address); picking the host fills it in, and the code joins.
    auto* typed = online.child<QLineEdit>(u"joinAddress"_s);
    typed->setText(u"10.0.0.9"_s);
    list->setCurrentRow(0);
    CHECK(typed->text() == u"10.0.0.9"_s);
    QTest::keyClick(list, Qt::Key_Return);
    CHECK(typed->text() == address);
    online.child<QLineEdit>(u"joinCode"_s)->setText(host.dock->seatSession().seat()->controlCode());
    online.child<QPushButton>(u"joinButton"_s)->click();
    REQUIRE(
        waitFor([&] { return online.engine.state().sessionId == host.engine.state().sessionId; }));

    // Still listed while it was heard lately; gone once it has been silent too long.
    heardAt.advance(DiscoveredHosts::forgetAfterMs - 1000);
    discovered.forgetSilent();
    CHECK(list->count() == 1);
    heardAt.advance(2000);
    discovered.forgetSilent();
    CHECK(list->count() == 0);
}

// After Disconnect, the host's own list offered its own session for seconds, as a host to join.
TEST_CASE("a host that stops hosting no longer lists its own beacon among the hosts to join") {
    QUdpSocket probe; // a free UDP port on loopback stands for the beacon port
    REQUIRE(probe.bind(QHostAddress::LocalHost, 0));
    const quint16 beaconPort = probe.localPort();
    probe.close();

    SeatUnderTest host(Authority::Moderator);
    SeatUnderTest other(Authority::Moderator); // another laptop's host, still announcing
    for (SeatUnderTest* seat : {&host, &other})
        REQUIRE(seat->dock->seatSession().host(0, QHostAddress::LocalHost));
    FakeClock heardAt(1'000'000); // nothing is forgotten for silence here
    host.dock->discoveredHosts().setClock(heardAt);
    REQUIRE(host.dock->discoveredHosts().listen(QHostAddress::LocalHost, beaconPort));
    for (SeatUnderTest* seat : {&host, &other})
        seat->dock->seatSession().seat()->announce(QHostAddress::LocalHost, beaconPort);
    auto* list = host.child<QListWidget>(u"discoveredHosts"_s);
    REQUIRE(waitFor([&] { return list->count() == 2; }));

    host.dock->seatSession().stop();
    REQUIRE(list->count() == 1);
    CHECK(list->item(0)->text().contains(other.engine.state().info.title));
    CHECK_FALSE(list->item(0)->text().contains(u"this session"_s));
}

// `podium --host --port 0` hosted on port 1: the port box starts at 1. Headless takes 0 for any
// free port, and so does the cockpit now.
TEST_CASE("connection dock: hosting at launch on port 0 takes a free port, and shows it") {
    useTemporarySettings();
    SeatUnderTest host(Authority::Moderator);
    REQUIRE(host.dock->hostOn(0));
    const quint16 port = host.dock->seatSession().seat()->syncHost()->port();
    CHECK(port > 1024);
    CHECK(host.child<QSpinBox>(u"hostPort"_s)->value() == port);
    CHECK(host.child<QLabel>(u"connectionState"_s)->text().contains(u":%1"_s.arg(port)));
}

TEST_CASE("connection dock: hosting begun before the dock was first shown is there when it is") {
    useTemporarySettings();
    SeatUnderTest host(Authority::Moderator);
    host.openWindow(false);
    REQUIRE_FALSE(host.dock->isBuilt());
    REQUIRE(host.dock->seatSession().host(0, QHostAddress::LocalHost));
    host.dock->show(); // as when the user picks its tab
    REQUIRE(host.dock->isBuilt());
    const QString code = host.dock->seatSession().seat()->controlCode();
    REQUIRE_FALSE(code.isEmpty());
    CHECK(host.child<QLabel>(u"controlCode"_s)->text() == code);
    CHECK(host.child<QLabel>(u"connectionState"_s)->text().contains(u"Hosting"_s));
}

// The rapporteur and the displays look for a seat that took over on the port it gave the host;
// the dock offered 47600 whatever that was, so a takeover could host where nobody looked.
TEST_CASE("connection dock: a takeover hosts where the others look: the host's port, or the "
          "one given at launch, and keeps it for a restart") {
    useTemporarySettings();
    auto host = hostingSeat();
    const quint16 hostPort = host->dock->seatSession().seat()->syncHost()->port();
    SeatUnderTest online(Authority::OnlineModerator);
    online.dock->joinHost(addressOf(*host), host->child<QLabel>(u"controlCode"_s)->text());
    CHECK(online.child<QSpinBox>(u"hostPort"_s)->value() == hostPort);
    REQUIRE(waitFor([&] {
        return online.dock->seatSession().seat()->syncPeer()->state() ==
               sync::SyncPeer::State::Live;
    }));
    host.reset(); // its port is free again
    auto* takeOver = online.child<QPushButton>(u"takeOverButton"_s);
    REQUIRE(waitFor([&] { return !takeOver->isHidden(); }));
    takeOver->click();
    REQUIRE(online.dock->seatSession().mode() == sync::Seat::Mode::Hosting);
    CHECK(online.dock->seatSession().seat()->syncHost()->port() == hostPort);
    CHECK_FALSE(online.child<QLabel>(u"connectionStatus"_s)
                    ->text()
                    .contains(u"look for this seat on port"_s)); // where they look
    // Restarted after a crash, the cockpit hosts again there (it hosted on 47600 before).
    const SessionFile& copy = *online.dock->seatSession().sessionFile();
    CHECK(sync::wasHosted(copy));
    CHECK(sync::hostedPort(copy) == hostPort);

    SeatUnderTest another(Authority::OnlineModerator);
    another.dock->joinHost(u"127.0.0.1:%1"_s.arg(hostPort), u"AAAA-BBBB-CCCC"_s, 47999);
    CHECK(another.child<QSpinBox>(u"hostPort"_s)->value() == 47999); // --takeover-port 47999
}

// A rapporteur restarted mid-session opened its copy of the session as a moderator: every
// control worked, and it could even host that copy beside the real host.
TEST_CASE("connection dock: a seat restarted on its joined copy is the seat the host gave it, "
          "and says it no longer follows") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString readOnly = host->child<QLabel>(u"readOnlyCode"_s)->text();
    SeatUnderTest rapporteur(Authority::Moderator); // a cockpit starts as the moderator's
    rapporteur.dock->joinHost(addressOf(*host), readOnly);
    REQUIRE(waitFor([&] {
        return rapporteur.engine.state().sessionId == host->engine.state().sessionId &&
               rapporteur.cockpit->seat() == Seat::Rapporteur;
    }));
    SessionFile* joined = rapporteur.dock->seatSession().sessionFile();
    Note note;
    note.text = u"Standards adoption lags in small businesses"_s;
    REQUIRE(joined->addNote(note));
    const QString copy = joined->path();
    rapporteur.dock.reset(); // the window closes

    // The next start opens the most recent file, which is that copy.
    auto reopened = SessionFile::open(copy);
    REQUIRE(reopened);
    rapporteur.file = std::move(reopened).value();
    rapporteur.file->attach(rapporteur.engine);
    rapporteur.engine.setAuthority(Authority::Moderator);
    rapporteur.openWindow();
    rapporteur.dock->takeUpJoinedCopy(joinedCopyOf(*rapporteur.file));
    CHECK(rapporteur.cockpit->seat() == Seat::Rapporteur);
    CHECK_FALSE(rapporteur.cockpit->permits(Action::Next));
    CHECK_FALSE(rapporteur.child<QPushButton>(u"hostButton"_s)->isEnabled());
    CHECK(rapporteur.child<QLabel>(u"connectionStatus"_s)->text().contains(u"your copy"_s));
    CHECK(rapporteur.child<QLineEdit>(u"joinAddress"_s)->text() == addressOf(*host));

    // Joined again, the notes written before the restart are in the new copy, where the notes
    // panel and the report look (they were left behind in the old one).
    rapporteur.dock->joinHost(addressOf(*host), readOnly);
    SessionFile* again = rapporteur.dock->seatSession().sessionFile();
    REQUIRE(again->path() != copy);
    REQUIRE(waitFor([&] {
        const auto notes = again->notes();
        return notes && notes->size() == 1;
    }));
    CHECK(again->notes()->first().text == note.text);
}

// The rapporteur restarted with the same command line, `--join … --session rap.podium`: the window
// opened rap.podium, not the copy the notes were in, and the report said there were none.
TEST_CASE("a seat started again on another file finds the notes of its last joined copy, and "
          "not another seat's") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString readOnly = host->child<QLabel>(u"readOnlyCode"_s)->text();
    const auto joinAs = [&](SeatUnderTest& seat, const QString& code, Seat expected) {
        seat.dock->joinHost(addressOf(*host), code);
        REQUIRE(waitFor([&] {
            return seat.engine.state().sessionId == host->engine.state().sessionId &&
                   seat.cockpit->seat() == expected;
        }));
    };
    const auto write = [](SeatUnderTest& seat, const QString& text) {
        Note note;
        note.text = text;
        REQUIRE(seat.dock->seatSession().sessionFile()->addNote(note));
    };
    SeatUnderTest rapporteur(Authority::Moderator);
    joinAs(rapporteur, readOnly, Seat::Rapporteur);
    write(rapporteur, u"Standards adoption lags in small businesses"_s);
    // The online moderator's seat on the same laptop, with a note of its own, joined later.
    SeatUnderTest online(Authority::Moderator);
    online.dock->seatSession().setReplicaFolder(rapporteur.dir.filePath(u"joined"_s));
    joinAs(online, host->child<QLabel>(u"controlCode"_s)->text(), Seat::OnlineModerator);
    write(online, u"Online: ask Kenya's remote hub first"_s);
    rapporteur.dock.reset(); // both windows close, the online moderator's last
    online.dock.reset();

    // Started again on its own file, which holds another session: it joins, and its notes are back.
    rapporteur.openWindow();
    joinAs(rapporteur, readOnly, Seat::Rapporteur);
    SessionFile* again = rapporteur.dock->seatSession().sessionFile();
    REQUIRE(waitFor([&] {
        const auto notes = again->notes();
        return notes && !notes->isEmpty();
    }));
    const auto notes = again->notes();
    REQUIRE(notes->size() == 1);
    CHECK(notes->first().text == u"Standards adoption lags in small businesses"_s);
}

// `seat` follows `host` with control.
static void joinLive(SeatUnderTest& seat, const SeatUnderTest& host) {
    seat.dock->joinHost(addressOf(host), host.child<QLabel>(u"controlCode"_s)->text());
    REQUIRE(waitFor([&] {
        return seat.dock->seatSession().seat()->syncPeer()->state() == sync::SyncPeer::State::Live;
    }));
}

// A copy of `seat`'s file as it is now, written to `name` beside it.
static std::unique_ptr<SessionFile> copyOf(SeatUnderTest& seat, const QString& name) {
    const QString path = seat.dir.filePath(name);
    REQUIRE(seat.file->saveCopyAs(path));
    auto opened = SessionFile::open(path);
    REQUIRE(opened);
    return std::move(opened).value();
}

static Result<Event> say(SeatUnderTest& seat, const QString& text) {
    return seat.engine.execute(Command{
        newCommandId(), {}, Authority::Moderator, Action::SetStageMessage, {{u"text"_s, text}}});
}

// The window's file switched as File → Open switches it: the engine shows the new file first.
static void switchFile(SeatUnderTest& seat, std::unique_ptr<SessionFile> next) {
    seat.engine.setJournal(nullptr);
    seat.file = std::move(next);
    seat.file->attach(seat.engine);
    seat.dock->seatSession().setSessionFile(seat.file.get());
    seat.dock->takeUpFile(seat.file.get());
}

// The host compared the new file with the engine, which showed it already: it went on hosting
// the other session on the same codes, and a seat that had joined took in its events.
TEST_CASE("a host that opens another session's file stops hosting, and the seats that followed "
          "take in none of that session's events") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString control = host->child<QLabel>(u"controlCode"_s)->text();
    const QString shared = host->engine.state().sessionId;
    SeatUnderTest online(Authority::Moderator);
    online.dock->joinHost(addressOf(*host), control);
    REQUIRE(waitFor([&] { return online.engine.state().sessionId == shared; }));

    auto other = SessionFile::create(host->dir.filePath(u"other.podium"_s), crowdPlan(),
                                     host->clock.nowMs());
    REQUIRE(other);
    switchFile(*host, std::move(other).value());
    CHECK(host->dock->seatSession().mode() == sync::Seat::Mode::Alone);
    REQUIRE(say(*host, u"another session's"_s));
    REQUIRE(waitFor([&] {
        return online.dock->seatSession().seat()->syncPeer()->trouble() !=
               sync::SyncPeer::Trouble::None;
    }));
    CHECK(online.engine.state().sessionId == shared);
    CHECK(online.engine.state().stageMessage.isEmpty());
}

TEST_CASE("a seat that saves its hosted session under another name goes on hosting it") {
    useTemporarySettings();
    auto host = hostingSeat();
    SeatUnderTest online(Authority::Moderator);
    joinLive(online, *host);
    switchFile(*host, copyOf(*host, u"copy.podium"_s));
    CHECK(host->dock->seatSession().mode() == sync::Seat::Mode::Hosting);
    REQUIRE(say(*host, u"still"_s));
    CHECK(waitFor([&] { return online.engine.state().stageMessage == u"still"_s; }));
}

// A salvaged copy of the host's own session (shorter) kept being hosted: the seats took its new
// events on top of the ones they held under the same numbers.
TEST_CASE("a host that opens an older copy of its own session stops hosting") {
    useTemporarySettings();
    auto host = hostingSeat();
    SeatUnderTest online(Authority::Moderator);
    joinLive(online, *host);
    auto older = copyOf(*host, u"older.podium"_s);
    REQUIRE(say(*host, u"later"_s));
    REQUIRE(waitFor([&] { return online.engine.state().stageMessage == u"later"_s; }));
    switchFile(*host, std::move(older));
    CHECK(host->dock->seatSession().mode() == sync::Seat::Mode::Alone);
}

// Open recent, which the greyed Save As pointed to, said the copy was "already open in another
// Podium (process …)": this one, whose seat still held it.
namespace {

quint16 freeTcpPort() {
    QTcpServer probe;
    REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
    return probe.serverPort();
}

// What the file at `path` shows on the stage now.
QString stageMessageIn(const QString& path) {
    auto view = SessionFile::open(path, OpenMode::View);
    REQUIRE(view);
    return view.value()->state().stageMessage;
}

// A cockpit window's seat on its own file, which File → Open switches as in the app.
struct WindowSeat {
    QTemporaryDir dir;
    SystemClock clock;
    SessionEngine engine{clock};
    SessionFiles files{engine};
    Cockpit cockpit{engine};
    std::unique_ptr<ConnectionDock> dock;

    WindowSeat() {
        REQUIRE(files.createFromPlan(crowdPlan(), dir.filePath(u"own.podium"_s)));
        cockpit.setFiles(&files); // before the dock, which hands joined copies over to it
        dock = std::make_unique<ConnectionDock>(cockpit);
        dock->ensureBuilt();
        seat().setAnnouncing(false);
        seat().setReplicaFolder(dir.filePath(u"joined"_s));
        seat().setSessionFile(files.current());
        QObject::connect(&files, &SessionFiles::fileChanged, [this](SessionFile* file) {
            seat().setSessionFile(file);
            dock->takeUpFile(file);
        });
    }
    SeatSession& seat() { return dock->seatSession(); }
    bool live() {
        const sync::SyncPeer* peer = seat().seat() ? seat().seat()->syncPeer() : nullptr;
        return peer && peer->state() == sync::SyncPeer::State::Live;
    }
    QStringList copies() const {
        return QDir(dir.filePath(u"joined"_s)).entryList({u"*.podium"_s}, QDir::Files);
    }
    void joinLive(const QString& address, const QString& code) {
        dock->joinHost(address, code);
        REQUIRE(waitFor([this] { return live(); }));
    }
    // Joined to `host` and in, then left (Disconnect), its copy opened as the window's file.
    QString joinLeaveAndOpenCopy(const QString& address, const QString& code) {
        joinLive(address, code);
        const QString copy = seat().joinedCopy()->path();
        seat().stop();
        const auto opened = files.open(copy);
        INFO(opened.error().toStdString());
        REQUIRE(opened);
        return copy;
    }
    // Joined to `host` again and caught up with it.
    void joinAndCatchUp(const SeatUnderTest& host, const QString& code) {
        dock->joinHost(addressOf(host), code);
        REQUIRE(waitFor(
            [&] { return live() && engine.state().lastSeq == host.engine.state().lastSeq; }));
    }
    QMessageBox* orphansBox() const { // the latest shown
        const auto boxes = dock->findChildren<QMessageBox*>(u"orphanedEvents"_s);
        return boxes.isEmpty() ? nullptr : boxes.last();
    }
    Result<Event> say(const QString& text) {
        return engine.execute(Command{newCommandId(),
                                      {},
                                      Authority::Moderator,
                                      Action::SetStageMessage,
                                      {{u"text"_s, text}}});
    }
};

} // namespace

TEST_CASE("after leaving a joined session, its copy opens as the window's file and goes on") {
    useTemporarySettings();
    auto host = hostingSeat();
    WindowSeat window;
    const QString copy = window.joinLeaveAndOpenCopy(addressOf(*host),
                                                     host->child<QLabel>(u"controlCode"_s)->text());
    CHECK(window.files.current()->path() == copy);
    CHECK(window.engine.state().sessionId == host->engine.state().sessionId);
    REQUIRE(window.say(u"kept"_s));
    CHECK(stageMessageIn(copy) == u"kept"_s);
}

// The rehearsal's cockpit went on alone, then joined its session's host from the form: the
// floor went back to the host's, and what it did alone was shown nowhere (still in its file).
TEST_CASE("a seat that went on alone and joins its session's host again is shown what it did "
          "alone, and its file keeps it") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString control = host->child<QLabel>(u"controlCode"_s)->text();
    WindowSeat window;
    // From its own file, of another session: joined as any seat, with no copy of it left over.
    window.joinLive(addressOf(*host), control);
    CHECK(window.engine.state().sessionId == host->engine.state().sessionId);
    CHECK(window.dock->alert().isEmpty());
    CHECK(window.copies().size() == 1);
    // The host's moderator was not shown it come and go first.
    CHECK_FALSE(host->child<QLabel>(u"connectionStatus"_s)->text().contains(u"left"_s));
    window.seat().stop();
    const QString copy = window.seat().joinedCopy()->path();
    REQUIRE(window.files.open(copy));
    REQUIRE(window.say(u"said alone"_s));
    REQUIRE(host->engine.submit(Command{newCommandId(),
                                        {},
                                        Authority::Moderator,
                                        Action::SetStageMessage,
                                        {{u"text"_s, u"said by the host"_s}}}));

    window.joinAndCatchUp(*host, control);
    CHECK(window.engine.state().stageMessage == u"said by the host"_s); // the session's, unmixed
    QMessageBox* box = window.orphansBox();
    REQUIRE(box);
    CHECK(box->text().startsWith(u"1 action"_s));
    CHECK(box->informativeText().contains(u"said alone"_s));
    CHECK(
        host->child<QLabel>(u"connectionStatus"_s)->text().contains(u"came back with 1 action"_s));
    // The file it went on in is as it was: the join went on in a copy of it.
    CHECK(window.seat().joinedCopy()->path() != copy);
    CHECK(stageMessageIn(copy) == u"said alone"_s);

    // Twice more, the host quiet meanwhile: the second time from the same point as the first,
    // and its moderator is told each time (told once per point, that batch went unsaid).
    QStringList hostSaid;
    QObject::connect(&host->dock->seatSession(), &SeatSession::status,
                     [&](const QString& text) { hostSaid << text; });
    for (const QString& text : {u"alone, twice"_s, u"alone, thrice"_s}) {
        window.seat().stop();
        REQUIRE(window.say(text));
        window.joinAndCatchUp(*host, control);
        REQUIRE(window.orphansBox());
        CHECK(window.orphansBox()->informativeText().contains(text));
    }
    CHECK(hostSaid.filter(u"came back with 1 action"_s).size() == 2);
}

// A refused join stopped the seat, which took an epoch for working alone that only the copy made
// for the join recorded, and that copy went: the next join presented an epoch nobody knew, and
// the host took itself for left behind.
TEST_CASE("a join that never got in leaves the seat on its file as it was, and not offered in "
          "Open recent") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString control = host->child<QLabel>(u"controlCode"_s)->text();
    WindowSeat window;
    const QString copy = window.joinLeaveAndOpenCopy(addressOf(*host), control);

    // Nothing answers there: Disconnect while it tries.
    window.dock->joinHost(u"127.0.0.1:%1"_s.arg(freeTcpPort()), control);
    REQUIRE(window.seat().joinPending());
    const QString pending = window.seat().joinedCopy()->path();
    {
        QSettings settings; // a copy of its own file, not the host's session: not offered
        CHECK_FALSE(RecentFiles(settings).files().contains(QFileInfo(pending).absoluteFilePath()));
    }
    window.seat().stop();
    CHECK_FALSE(window.seat().joinedCopy());
    CHECK_FALSE(QFileInfo::exists(pending));
    CHECK(window.engine.state().sessionId == host->engine.state().sessionId);
    REQUIRE(window.say(u"after Disconnect"_s));
    CHECK(stageMessageIn(copy) == u"after Disconnect"_s); // in its own file

    // Refused for a mistyped code, then joined with the right one.
    window.dock->joinHost(addressOf(*host), sync::generateJoinCode());
    REQUIRE(waitFor([&] { return window.seat().mode() == sync::Seat::Mode::Alone; }));
    CHECK_FALSE(window.seat().joinedCopy());
    REQUIRE(window.say(u"after the refusal"_s));
    window.joinAndCatchUp(*host, control);
    CHECK(host->dock->seatSession().mode() == sync::Seat::Mode::Hosting); // not taken for stale
    QMessageBox* box = window.orphansBox();
    REQUIRE(box);
    CHECK(box->text().startsWith(u"2 action"_s));
    CHECK(box->informativeText().contains(u"after the refusal"_s));
    CHECK(window.copies().size() == 2); // the first join's, and this one's
}

// The rehearsal's online moderator left, went on in its joined copy, and mistyped the code to
// join again: the seat went back to the file it had before joining, showing the copy's state,
// and every action after was refused ("Event 13 does not follow the last saved event (10)").
TEST_CASE("a join refused after leaving leaves the seat in the copy it went on in") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString control = host->child<QLabel>(u"controlCode"_s)->text();
    WindowSeat window;
    window.joinLive(addressOf(*host), control);
    SessionFile* copy = window.seat().joinedCopy();
    window.seat().stop(); // Disconnect: it goes on in the copy
    REQUIRE(window.say(u"before the slip"_s));

    window.dock->joinHost(addressOf(*host), sync::generateJoinCode());
    REQUIRE(waitFor([&] { return window.seat().mode() == sync::Seat::Mode::Alone; }));
    CHECK(window.seat().sessionFile() == copy);
    CHECK(window.engine.state().stageMessage == u"before the slip"_s);
    REQUIRE(window.say(u"after the slip"_s)); // refused before
    CHECK(copy->state().stageMessage == u"after the slip"_s);

    window.joinAndCatchUp(*host, control);
    QMessageBox* box = window.orphansBox();
    REQUIRE(box);
    CHECK(box->text().startsWith(u"2 actions"_s));
}

// The rehearsal's online moderator mistyped the port to join again: told "the host is out of
// reach … Take over hosting", it took over, and the session had two hosts.
TEST_CASE("a join where nothing ever answered says to check the address, and offers no "
          "takeover until a host of the session was reached there") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString control = host->child<QLabel>(u"controlCode"_s)->text();
    const QString hostAddress = addressOf(*host);
    WindowSeat window;
    window.joinLive(hostAddress, control);
    window.seat().stop(); // on in its copy, which keeps the session's codes
    auto* takeOver = window.dock->findChild<QPushButton*>(u"takeOverButton"_s);
    auto* state = window.dock->findChild<QLabel*>(u"connectionState"_s);
    REQUIRE(takeOver);
    REQUIRE(state);
    const auto unreachable = [&] {
        const sync::SyncPeer* peer = window.seat().seat()->syncPeer();
        return peer && peer->trouble() == sync::SyncPeer::Trouble::HostUnreachable;
    };

    const QString mistyped = u"127.0.0.1:%1"_s.arg(freeTcpPort());
    window.dock->joinHost(mistyped, control);
    REQUIRE(waitFor([&] {
        return unreachable() &&
               state->text().contains(
                   u"Nothing answers as this session's host at %1"_s.arg(mistyped));
    }));
    CHECK(window.dock->alert().contains(u"check the address"_s));
    CHECK(takeOver->isHidden());
    CHECK_FALSE(window.seat().mayTakeOver());
    CHECK_FALSE(window.seat().takeOver(freeTcpPort()));
    CHECK(host->dock->seatSession().mode() == sync::Seat::Mode::Hosting);
    // Should it reach the session's host elsewhere (heard announcing itself), it says so: the
    // address on the panel changed with no word.
    emit window.seat().seat()->hostReached(*sync::parseEndpoint(hostAddress));
    CHECK(window.dock->findChild<QLabel*>(u"connectionStatus"_s)
              ->text()
              .contains(u"Nothing answered at %1: this seat joined the host of this session it "
                        "heard announcing itself, at %2."_s.arg(mistyped, hostAddress)));

    // Where the copy followed the session, silence may mean the host is gone: it is offered.
    window.seat().stop();
    host.reset();
    window.dock->joinHost(hostAddress, control);
    REQUIRE(waitFor([&] { return unreachable() && !takeOver->isHidden(); }));
    CHECK(state->text().contains(u"out of reach"_s));
    CHECK(window.seat().takeOver(freeTcpPort()));
}

TEST_CASE("a seat that joined, then left, is its own seat again on its own file") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString readOnly = host->child<QLabel>(u"readOnlyCode"_s)->text();
    SeatUnderTest seat(Authority::Moderator);
    seat.dock->joinHost(addressOf(*host), readOnly);
    REQUIRE(waitFor([&] { return seat.cockpit->seat() == Seat::Rapporteur; }));
    seat.dock->seatSession().stop(); // Disconnect
    auto own =
        SessionFile::create(seat.dir.filePath(u"own.podium"_s), crowdPlan(), seat.clock.nowMs());
    REQUIRE(own);
    switchFile(seat, std::move(own).value());
    CHECK(seat.cockpit->seat() == Seat::Moderator);
    CHECK(seat.dock->alert().isEmpty());
}

TEST_CASE("a moderator who looks at a joined copy and opens their own file again is the moderator "
          "again, with no word of the copy") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString readOnly = host->child<QLabel>(u"readOnlyCode"_s)->text();
    SeatUnderTest rapporteur(Authority::Moderator);
    rapporteur.dock->joinHost(addressOf(*host), readOnly);
    REQUIRE(waitFor([&] { return rapporteur.cockpit->seat() == Seat::Rapporteur; }));
    const QString copy = rapporteur.dock->seatSession().sessionFile()->path();
    rapporteur.dock.reset(); // its window closes; the copy stays

    SeatUnderTest moderator(Authority::Moderator);
    auto viewed = SessionFile::open(copy);
    REQUIRE(viewed);
    switchFile(moderator, std::move(viewed).value());
    CHECK(moderator.cockpit->seat() == Seat::Rapporteur);
    CHECK_FALSE(moderator.dock->alert().isEmpty());

    auto own = SessionFile::create(moderator.dir.filePath(u"own.podium"_s), crowdPlan(),
                                   moderator.clock.nowMs());
    REQUIRE(own);
    switchFile(moderator, std::move(own).value());
    CHECK(moderator.cockpit->seat() == Seat::Moderator);
    CHECK(moderator.dock->alert().isEmpty());
}

// Behind its tab the Connection panel went unseen: the window itself says the seat does not
// follow the session.
TEST_CASE("a joined copy opened on its own says so on the window, as that seat") {
    useTemporarySettings();
    QTemporaryDir dir;
    SystemClock clock;
    SessionEngine engine(clock);
    auto created = SessionFile::create(dir.filePath(u"copy.podium"_s), crowdPlan(), clock.nowMs());
    REQUIRE(created);
    std::unique_ptr<SessionFile> file = std::move(created).value();
    REQUIRE(file->writeMetadata(u"joined_as"_s, u"online-moderator"_s));
    REQUIRE(file->writeMetadata(u"joined_from"_s, u"192.0.2.7:47600"_s));
    file->attach(engine);
    Cockpit cockpit(engine);
    MainWindow w(cockpit);
    attachConnection(w, file.get());
    w.show();
    CHECK(cockpit.seat() == Seat::OnlineModerator);
    auto* alert = w.findChild<QLabel*>(u"connectionAlert"_s);
    REQUIRE(alert);
    CHECK(alert->isVisible());
    CHECK(alert->text().contains(u"192.0.2.7:47600"_s));
    // A refusal said at the foot beside it keeps its share of the line: it was squeezed down to
    // its "×".
    w.resize(900, 800);
    emit cockpit.notice(u"Not connected to the host right now; the command was not sent."_s);
    QCoreApplication::processEvents();
    auto* notice = w.findChild<QLabel*>(u"noticeLine"_s);
    REQUIRE(notice);
    CHECK(notice->width() > w.width() / 3);
    CHECK(alert->width() > w.width() / 3);
    CHECK(alert->toolTip() == alert->text());
}

TEST_CASE("connection dock: a host that comes back after a takeover joins the new host, and shows "
          "what only it had") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString control = host->child<QLabel>(u"controlCode"_s)->text();
    synctest::Relay relay(host->dock->seatSession().seat()->syncHost()->port());
    SeatUnderTest online(Authority::OnlineModerator);
    online.dock->joinHost(u"127.0.0.1:%1"_s.arg(relay.port()), control);
    const auto live = [](SeatUnderTest& seat) {
        const sync::SyncPeer* peer = seat.dock->seatSession().seat()->syncPeer();
        return peer && peer->state() == sync::SyncPeer::State::Live;
    };
    REQUIRE(waitFor([&] { return live(online); }));

    // The host's network goes; its moderator goes on; the online moderator takes over.
    relay.setRefusing(true);
    relay.cutAll();
    REQUIRE(host->engine.submit(Command{newCommandId(),
                                        {},
                                        Authority::Moderator,
                                        Action::SetStageMessage,
                                        {{u"text"_s, u"<b>wrap up</b>"_s}}}));
    auto* takeOver = online.child<QPushButton>(u"takeOverButton"_s);
    REQUIRE(waitFor([&] { return !takeOver->isHidden(); }));
    const quint16 newPort = [] {
        QTcpServer probe;
        REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
        return probe.serverPort();
    }();
    online.child<QSpinBox>(u"hostPort"_s)->setValue(newPort);
    takeOver->click();
    REQUIRE(online.dock->seatSession().mode() == sync::Seat::Mode::Hosting);
    // Not where it told the others it would host: they find it only by its announcements.
    CHECK(online.child<QLabel>(u"connectionStatus"_s)
              ->text()
              .contains(u"only if they hear its announcements"_s));
    REQUIRE(online.engine.submit(Command{newCommandId(),
                                         {},
                                         Authority::Moderator,
                                         Action::SetStageMessage,
                                         {{u"text"_s, u"new host"_s}}}));

    // Its network back, the old host hears the new one on the LAN and gives way.
    QUdpSocket udp; // a free UDP port on loopback stands for the beacon port
    REQUIRE(udp.bind(QHostAddress::LocalHost, 0));
    const quint16 beaconPort = udp.localPort();
    udp.close();
    REQUIRE(host->dock->seatSession().seat()->listenForRivals(QHostAddress::LocalHost, beaconPort));
    online.dock->seatSession().seat()->announce(QHostAddress::LocalHost, beaconPort);
    REQUIRE(waitFor([&] {
        return host->dock->seatSession().mode() == sync::Seat::Mode::Joined && live(*host) &&
               host->engine.state().lastSeq == online.engine.state().lastSeq;
    }));
    CHECK(host->engine.state().stageMessage == u"new host"_s); // the others' session, unmixed
    // It joined where it was told the session went on: "Nothing answered at :0", it said too.
    CHECK_FALSE(host->child<QLabel>(u"connectionStatus"_s)->text().contains(u"Nothing answered"_s));
    CHECK(host->child<QLabel>(u"connectionState"_s)->text().contains(QString::number(newPort)));
    // What only it had is shown to its moderator, as typed.
    auto* box = host->dock->findChild<QMessageBox*>(u"orphanedEvents"_s);
    REQUIRE(box);
    CHECK(box->isVisible());
    CHECK(box->informativeText().contains(u"&lt;b&gt;wrap up&lt;/b&gt;"_s));
    CHECK_FALSE(box->informativeText().contains(u"Session created"_s)); // the others have it
    CHECK(box->text().startsWith(u"1 action"_s));
    // The box gone once read, the list is there again on request.
    const QString shown = box->informativeText();
    box->close();
    REQUIRE(waitFor([&] { return !host->dock->findChild<QMessageBox*>(u"orphanedEvents"_s); }));
    auto* again = host->child<QPushButton>(u"showOrphansButton"_s);
    CHECK_FALSE(again->isHidden());
    CHECK(again->text() == u"1 action not in the shared session…"_s); // not "1 action(s)"
    again->click();
    auto* reopened = host->dock->findChild<QMessageBox*>(u"orphanedEvents"_s);
    REQUIRE(reopened);
    CHECK(reopened->informativeText() == shown);
    // And the new host's moderator was told that those were left out.
    CHECK(
        online.child<QLabel>(u"connectionStatus"_s)->text().contains(u"came back with 1 action"_s));
    // Its file is now a copy of the joined session: a restart opens it as the seat it joined as.
    CHECK_FALSE(joinedCopyOf(*host->file).seat.isEmpty());
    CHECK(joinedCopyOf(*host->file).from == u"127.0.0.1:%1"_s.arg(newPort));
    // and what it showed is what its file keeps apart, which still checks as sound
    const auto checked = checkSessionFile(host->file->path());
    REQUIRE(checked);
    CHECK(checked->ok());
    CHECK(checked->orphans == 1);
    CHECK_FALSE(sync::wasHosted(*host->file)); // restarted after a crash, it must not host too
    // It is still the in-room moderator's laptop, with polls and the agenda: it was made a second
    // online moderator for the rest of the session.
    CHECK(host->cockpit->seat() == Seat::Moderator);
    CHECK(host->cockpit->permits(Action::CreatePoll));
    CHECK(joinedCopyOf(*host->file).seat == seatKey(Seat::Moderator));
    // and so it is when it joins again from that copy, after leaving (as after a restart)
    host->dock->seatSession().stop();
    REQUIRE(host->dock->seatSession().mode() == sync::Seat::Mode::Alone);
    host->dock->joinHost(u"127.0.0.1:%1"_s.arg(newPort), control);
    REQUIRE(waitFor([&] { return live(*host); }));
    CHECK(host->cockpit->seat() == Seat::Moderator);
    CHECK(again->isHidden()); // a new join: those orphans are behind it
}

namespace {

// What a Podium killed while it held `path` leaves beside it: a lock naming a process that is
// gone (one that ran a moment ago).
void leaveLockOfDeadProcess(const QString& path) {
    QProcess gone;
    gone.start(u"sleep"_s, {u"0.1"_s});
    REQUIRE(gone.waitForStarted());
    const qint64 pid = gone.processId();
    REQUIRE(gone.waitForFinished());
    QFile lock(path + u".lock"_s);
    REQUIRE(lock.open(QIODevice::WriteOnly));
    lock.write(QByteArray::number(pid) + "\npodium\n" + QSysInfo::machineHostName().toUtf8() +
               '\n');
}

// The cockpit's window on a session file, as `podium` opens it.
struct CockpitOnFile {
    SystemClock clock;
    SessionEngine engine{clock};
    std::unique_ptr<SessionFile> file;
    Cockpit cockpit{engine};
    MainWindow window{cockpit};
    ConnectionDock* dock = nullptr;

    explicit CockpitOnFile(std::unique_ptr<SessionFile> opened)
        : file(std::move(opened)) {
        file->attach(engine);
        attachConnection(window, file.get());
        dock = qobject_cast<ConnectionDock*>(window.dock(u"connectionDock"_s));
        REQUIRE(dock);
        dock->seatSession().setAnnouncing(false); // tests stay on loopback
    }
};

// A cockpit on a new session file at `path`, keeping joined copies in a folder beside it.
std::unique_ptr<CockpitOnFile> cockpitOnNewFile(const QString& path) {
    auto created = SessionFile::create(path, crowdPlan(), QDateTime::currentMSecsSinceEpoch());
    REQUIRE(created);
    auto cockpit = std::make_unique<CockpitOnFile>(std::move(created).value());
    cockpit->dock->seatSession().setReplicaFolder(QFileInfo(path).dir().filePath(u"joined"_s));
    return cockpit;
}

// The online moderator's cockpit on a new file at `path`, joined to `host` through `relay`, live.
std::unique_ptr<CockpitOnFile> onlineJoinedThrough(const synctest::Relay& relay,
                                                   SeatUnderTest& host, const QString& path) {
    auto online = cockpitOnNewFile(path);
    online->engine.setAuthority(Authority::OnlineModerator);
    online->dock->joinHost(u"127.0.0.1:%1"_s.arg(relay.port()),
                           host.child<QLabel>(u"controlCode"_s)->text());
    REQUIRE(waitFor([&] {
        const sync::SyncPeer* peer = online->dock->seatSession().seat()->syncPeer();
        return online->dock->seatSession().mode() == sync::Seat::Mode::Joined && peer &&
               peer->state() == sync::SyncPeer::State::Live;
    }));
    return online;
}

// Podium started again on `path` after it died there (its lock left behind), as a user would.
std::unique_ptr<CockpitOnFile> startAfterCrash(const QString& path) {
    leaveLockOfDeadProcess(path);
    auto reopened = SessionFile::open(path);
    REQUIRE(reopened);
    auto again = std::make_unique<CockpitOnFile>(std::move(reopened).value());
    REQUIRE(again->file->wasLeftOpen());
    resumeAfterCrash(again->window, again->file.get());
    return again;
}

} // namespace

// A host cockpit killed mid-session and started again from the desktop opened "working on its
// own", offered port 47600, and the seats kept knocking at the old port for ever.
TEST_CASE("a cockpit that died while hosting hosts again at start, on its port, with its codes") {
    useTemporarySettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"hosted.podium"_s);
    const quint16 port = freeTcpPort();
    QString control;
    {
        auto first = cockpitOnNewFile(path);
        first->dock->hostOn(port);
        REQUIRE(first->dock->seatSession().mode() == sync::Seat::Mode::Hosting);
        control = first->dock->seatSession().seat()->controlCode();
    }
    auto started = startAfterCrash(path);
    CockpitOnFile& again = *started;
    REQUIRE(again.dock->seatSession().mode() == sync::Seat::Mode::Hosting);
    CHECK(again.dock->seatSession().seat()->syncHost()->port() == port);
    CHECK(again.dock->seatSession().seat()->controlCode() == control);
    CHECK(again.window.statusBar()->currentMessage().contains(u"hosts it again"_s));
    // Should it give way to a host that went on meanwhile, the line says so no longer.
    emit again.dock->seatSession().gaveWay(u"192.0.2.7:47000"_s);
    CHECK(again.window.statusBar()->currentMessage().isEmpty());
    // What happened instead is said at the window's foot, until dismissed (the window looked as
    // before, the sentence behind the Connection panel's tab), blaming neither laptop.
    auto* notice = again.window.findChild<QLabel*>(u"noticeLine"_s);
    REQUIRE(notice);
    CHECK(notice->text().contains(u"The seat at 192.0.2.7:47000 went on hosting"_s));
    CHECK(notice->text().contains(u"no longer hosts"_s));
    CHECK_FALSE(notice->text().contains(u"away"_s));
    // Hosting again later (a takeover back), it says so beside it: the notice stayed as it was.
    emit again.dock->seatSession().changed(); // nothing new
    CHECK_FALSE(notice->text().contains(u"again"_s));
    again.dock->seatSession().stop();
    REQUIRE(again.dock->hostOn(port));
    CHECK(notice->text().contains(u"no longer hosts"_s));
    CHECK(notice->text().contains(u"hosts the session again since"_s));
}

// The room's phones vote on the host's page: a host that died with it on turns it on again, on
// the same port, when started again; one that quit (or turned it off) does not.
TEST_CASE("a cockpit that died with the voting page on serves it again at start, on its port") {
    useTemporarySettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"voting.podium"_s);
    const quint16 port = freeTcpPort();
    QSettings().setValue(u"webVoting/port"_s, port);
    QNetworkAccessManager phone; // with its cookie, across the restart
    phone.setProxy(QNetworkProxy::NoProxy);
    const QUrl page(u"http://127.0.0.1:%1/"_s.arg(port));
    const auto ask = [&](QNetworkReply* reply) {
        REQUIRE(waitFor([reply] { return reply->isFinished(); }));
        reply->deleteLater();
        return QString::fromUtf8(reply->readAll());
    };
    {
        auto first = cockpitOnNewFile(path);
        first->dock->hostOn(0);
        child<QCheckBox>(first->window, u"webVotingToggle"_s)->setChecked(true);
        REQUIRE(first->cockpit.voting().port() == port);
        const auto created = first->engine.submit(
            {newCommandId(),
             {},
             Authority::Moderator,
             Action::CreatePoll,
             {{u"question"_s, u"Ready?"_s}, {u"options"_s, QCborArray{u"Yes"_s, u"No"_s}}}});
        REQUIRE(created);
        const Id poll = created->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
        REQUIRE(first->engine.submit(
            {newCommandId(), {}, Authority::Moderator, Action::OpenPoll, {{u"poll"_s, poll}}}));
        ask(phone.get(QNetworkRequest(page)));
        QNetworkRequest vote(page.resolved(QUrl(u"/vote"_s)));
        vote.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        REQUIRE(ask(phone.post(vote, u"poll=%1&option=0"_s.arg(poll).toUtf8()))
                    .contains(u"Your vote:"_s));
    }
    {
        auto again = startAfterCrash(path);
        // After a beacon round: no other laptop took the session over meanwhile.
        CHECK_FALSE(again->cockpit.voting().isRunning());
        CHECK(child<QLabel>(again->window, u"webVotingStatus"_s)
                  ->text()
                  .contains(u"comes back in a few seconds"_s));
        REQUIRE(waitFor([&] { return again->cockpit.voting().isRunning(); }));
        CHECK(again->cockpit.voting().port() == port);
        CHECK(child<QCheckBox>(again->window, u"webVotingToggle"_s)->isChecked());
        // The phone, reloading, is shown its vote, not the form again.
        CHECK(ask(phone.get(QNetworkRequest(page))).contains(u"Your vote:"_s));
    } // quit: the file closed, not left open
    {
        auto reopened = SessionFile::open(path);
        REQUIRE(reopened);
        CockpitOnFile clean(std::move(reopened).value());
        resumeAfterCrash(clean.window, clean.file.get());
        CHECK_FALSE(clean.cockpit.voting().isRunning()); // off at any other start
    }
    {
        auto crashedWithItOff = startAfterCrash(path); // left open, its record emptied above
        CHECK_FALSE(crashedWithItOff->cockpit.voting().isRunning());
    }
}

// The online moderator's rehearsal: the online laptop, hosting after a takeover, was killed and
// started again. It hosted again as the in-room moderator: the room's panels and title, and its
// newcomers counted onsite, beside the in-room moderator's own laptop.
TEST_CASE("the online moderator's laptop that died while hosting after a takeover hosts again as "
          "the online moderator") {
    useTemporarySettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"took-over.podium"_s);
    const quint16 port = freeTcpPort();
    {
        auto created = SessionFile::create(path, crowdPlan(), QDateTime::currentMSecsSinceEpoch());
        REQUIRE(created);
        sync::SessionFileJournal journal(*created.value());
        REQUIRE(journal.recordHosting(sync::JoinCodes::generate(), port, 0,
                                      Authority::OnlineModerator));
    }
    auto started = startAfterCrash(path);
    CockpitOnFile& again = *started;
    REQUIRE(again.dock->seatSession().mode() == sync::Seat::Mode::Hosting);
    CHECK(again.cockpit.seat() == Seat::Moderator); // a host has the powers of the room
    CHECK(again.window.windowTitle().contains(u"Online moderator (hosting)"_s));
    CHECK(again.dock->seatSession().seat()->syncHost()->port() == port);
    auto* presence = again.window.findChild<QComboBox*>(u"newPresence"_s);
    REQUIRE(presence);
    CHECK(presence->currentData().toString() == key(Presence::Online)); // newcomers are online
}

// It said "it hosts it again" while its panel, a hidden tab, said in red that the port was taken:
// the moderator carried on alone while the seats followed the one that had taken over.
TEST_CASE("a cockpit that died while hosting and cannot host again says so, and shows why") {
    useTemporarySettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"hosted.podium"_s);
    const quint16 port = freeTcpPort();
    { REQUIRE(cockpitOnNewFile(path)->dock->hostOn(port)); }
    QTcpServer taken; // the seat that took over, on this machine, holds the port now
    REQUIRE(taken.listen(QHostAddress::Any, port));
    auto started = startAfterCrash(path);
    CockpitOnFile& again = *started;
    CHECK(again.dock->seatSession().mode() == sync::Seat::Mode::Alone);
    CHECK(again.window.statusBar()->currentMessage().contains(u"could not host it again"_s));
    CHECK_FALSE(again.window.statusBar()->currentMessage().contains(u"hosts it again"_s));
    again.window.show(); // the panel is a tab behind another in the moderator's layout
    REQUIRE(QTest::qWaitForWindowExposed(&again.window));
    CHECK_FALSE(again.dock->visibleRegion().isEmpty());
    // In red on the window too, after the status line's 15 s: it carried on alone unwarned.
    auto* alert = again.window.findChild<QLabel*>(u"connectionAlert"_s);
    REQUIRE(alert);
    CHECK(alert->isVisible());
    CHECK(alert->text().contains(u"could not host it again"_s));
    CHECK(alert->text().contains(u"No other seat sees"_s));
}

// It went on alone, every control live, beside the seat that went on hosting the session on this
// laptop's old port: a restarted host that cannot host again joins the host of its session it
// hears announcing itself, with the control code its file kept.
TEST_CASE("a cockpit that cannot host again joins the host of its session it hears on the LAN") {
    useTemporarySettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"hosted.podium"_s);
    const quint16 port = freeTcpPort();
    std::unique_ptr<CockpitOnFile> wentOn;
    {
        auto first = cockpitOnNewFile(path);
        REQUIRE(first->dock->hostOn(port));
        // The seat that takes over holds the same session, and the same codes.
        const QString copy = dir.filePath(u"went-on.podium"_s);
        REQUIRE(first->file->saveCopyAs(copy));
        auto opened = SessionFile::open(copy);
        REQUIRE(opened);
        wentOn = std::make_unique<CockpitOnFile>(std::move(opened).value());
    }
    REQUIRE(wentOn->dock->hostOn(0));
    QTcpServer taken; // something else holds this laptop's old port now
    REQUIRE(taken.listen(QHostAddress::Any, port));
    auto started = startAfterCrash(path);
    CockpitOnFile& again = *started;
    REQUIRE(again.dock->seatSession().mode() == sync::Seat::Mode::Alone);

    QUdpSocket probe; // a free UDP port on loopback stands for the beacon port
    REQUIRE(probe.bind(QHostAddress::LocalHost, 0));
    const quint16 beaconPort = probe.localPort();
    probe.close();
    REQUIRE(again.dock->discoveredHosts().listen(QHostAddress::LocalHost, beaconPort));
    SECTION("heard before it acted alone: it joins") {
        wentOn->dock->seatSession().seat()->announce(QHostAddress::LocalHost, beaconPort);
        REQUIRE(waitFor([&] {
            const sync::Seat* seat = again.dock->seatSession().seat();
            return seat->mode() == sync::Seat::Mode::Joined &&
                   seat->syncPeer()->state() == sync::SyncPeer::State::Live;
        }));
        CHECK(again.engine.state().lastSeq == wentOn->engine.state().lastSeq);
        CHECK(again.cockpit.seat() == Seat::Moderator);
        CHECK(again.dock->findChild<QLabel*>(u"connectionState"_s)->text().contains(u"Joined"_s));
    }
    SECTION("once the moderator acted here alone, going on alone is their choice") {
        REQUIRE(again.cockpit.submit(Action::SetStageMessage, {{u"text"_s, u"alone"_s}}));
        auto* found = again.dock->findChild<QListWidget*>(u"discoveredHosts"_s);
        wentOn->dock->seatSession().seat()->announce(QHostAddress::LocalHost, beaconPort);
        REQUIRE(waitFor([&] { return found->count() == 1; })); // listed: a join starts there
        CHECK(again.dock->seatSession().mode() == sync::Seat::Mode::Alone);
        CHECK(found->item(0)->text().endsWith(u"(this session)"_s));
    }
}

TEST_CASE("a session closed while hosting offers its port again, and hosts only when asked") {
    useTemporarySettings();
    SeatUnderTest host(Authority::Moderator);
    const quint16 port = freeTcpPort();
    host.dock->hostOn(port);
    REQUIRE(host.dock->seatSession().mode() == sync::Seat::Mode::Hosting);
    host.openWindow(); // closed without Disconnect (not a crash: nothing was left locked)
    CHECK_FALSE(host.file->wasLeftOpen());
    host.dock->takeUpHostedCopy(sync::hostedPort(*host.file));
    CHECK(host.dock->seatSession().mode() == sync::Seat::Mode::Alone);
    CHECK(host.child<QSpinBox>(u"hostPort"_s)->value() == port);
}

// A rapporteur's laptop that crashed came back "not connected", its join form pointing at the
// host it first joined, though the online moderator had taken over since; the code had to be
// asked for again.
TEST_CASE("a seat that died while joined joins again at start, where the session went on") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString readOnly = host->child<QLabel>(u"readOnlyCode"_s)->text();
    const quint16 takeoverPort = freeTcpPort();
    SeatUnderTest online(Authority::OnlineModerator);
    online.dock->joinHost(addressOf(*host), host->child<QLabel>(u"controlCode"_s)->text(),
                          takeoverPort);
    QTemporaryDir dir;
    auto rapporteur = cockpitOnNewFile(dir.filePath(u"own.podium"_s));
    rapporteur->dock->joinHost(addressOf(*host), readOnly);
    const auto live = [](const ConnectionDock& dock) {
        const sync::Seat* seat = dock.seatSession().seat();
        return seat && seat->syncPeer() && seat->syncPeer()->state() == sync::SyncPeer::State::Live;
    };
    REQUIRE(waitFor([&] { return live(*online.dock) && live(*rapporteur->dock); }));

    // The host goes; the online moderator takes over; the rapporteur follows it.
    host.reset();
    REQUIRE(waitFor([&] { return online.dock->seatSession().seat()->canTakeOver(); }));
    REQUIRE(online.dock->seatSession().takeOver(takeoverPort));
    const QString wentOn = u":%1"_s.arg(takeoverPort);
    SessionFile* joined = rapporteur->dock->seatSession().sessionFile();
    REQUIRE(waitFor(
        [&] { return live(*rapporteur->dock) && joinedCopyOf(*joined).from.endsWith(wentOn); }));
    // Podium dies: the file stays as it was while the seat followed the session.
    const QString copy = joined->path();
    const QStringList parts{copy, copy + u"-wal"_s, copy + u"-shm"_s};
    QTemporaryDir crash;
    for (const QString& part : parts)
        REQUIRE(QFile::copy(part, crash.filePath(QFileInfo(part).fileName())));
    rapporteur.reset();
    for (const QString& part : parts) {
        QFile::remove(part);
        REQUIRE(QFile::copy(crash.filePath(QFileInfo(part).fileName()), part));
    }
    auto started = startAfterCrash(copy);
    CockpitOnFile& again = *started;
    CHECK(again.window.statusBar()->currentMessage().contains(u"joins again"_s));
    REQUIRE(waitFor([&] { return live(*again.dock); }));
    CHECK(again.dock->seatSession().seat()->syncPeer()->currentHost().port == takeoverPort);
    CHECK(again.cockpit.seat() == Seat::Rapporteur);
    // Following the session, its report runs to now, not to the file's last event.
    CHECK(again.cockpit.isShared());
    again.dock->seatSession().stop();
    CHECK_FALSE(again.cockpit.isShared());
}

// Left on purpose (Disconnect, or the window closed), a copy is not joined at the next start,
// even should Podium die later on it; its form is filled in for one press.
TEST_CASE("a seat that left the session is not joined again at start, but its form is filled in") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString readOnly = host->child<QLabel>(u"readOnlyCode"_s)->text();
    SeatUnderTest rapporteur(Authority::Moderator);
    rapporteur.dock->joinHost(addressOf(*host), readOnly);
    REQUIRE(waitFor([&] { return rapporteur.cockpit->seat() == Seat::Rapporteur; }));
    SessionFile* joined = rapporteur.dock->seatSession().sessionFile();
    CHECK(joinedCopyOf(*joined).following);
    rapporteur.dock->seatSession().stop();
    CHECK_FALSE(joinedCopyOf(*joined).following);
    CHECK(joinedCopyOf(*joined).code == readOnly);
    CHECK(joinedCopyOf(*joined).from == addressOf(*host));

    // Joined again, then the window closed: not following either.
    rapporteur.dock->joinHost(addressOf(*host), readOnly);
    REQUIRE(waitFor(
        [&] { return joinedCopyOf(*rapporteur.dock->seatSession().sessionFile()).following; }));
    const QString copy = rapporteur.dock->seatSession().sessionFile()->path();
    rapporteur.dock.reset();
    auto closed = SessionFile::open(copy, OpenMode::View);
    REQUIRE(closed);
    CHECK_FALSE(joinedCopyOf(*closed.value()).following);
    CHECK(joinedCopyOf(*closed.value()).code == readOnly);
}

// Closed while a command waited for the host's answer (pressed as the host froze), the cockpit
// crashed: the seat leaving its host told of the command to a window half taken down.
TEST_CASE("connection dock: a window closed while a command awaits the host's answer closes "
          "cleanly") {
    useTemporarySettings();
    auto host = hostingSeat();
    synctest::Relay relay(host->dock->seatSession().seat()->syncHost()->port());
    QTemporaryDir dir;
    auto online = onlineJoinedThrough(relay, *host, dir.filePath(u"online.podium"_s));
    relay.setFrozen(true); // the host's machine freezes; nobody knows yet
    (void)online->cockpit.submit(Action::SetStageMessage, {{u"text"_s, u"unanswered"_s}});
    online.reset();                                                    // the window is closed
    CHECK_FALSE(QFile::exists(dir.filePath(u"online.podium.lock"_s))); // let go of, as closed
}

// The online moderator's rehearsal: "+30 s" pressed as the host froze was done when it woke,
// seconds later, while the red line said actions were refused; a second press would have given
// a minute. The line names what was sent and may still be done.
TEST_CASE("connection dock: a press sent as the host went out of reach is named at the foot, "
          "until the host answers") {
    useTemporarySettings();
    auto host = hostingSeat();
    synctest::Relay relay(host->dock->seatSession().seat()->syncHost()->port());
    QTemporaryDir dir;
    auto online = onlineJoinedThrough(relay, *host, dir.filePath(u"online.podium"_s));
    const auto peer = [&] {
        return online->dock->seatSession().seat()->syncPeer();
    };
    relay.setFrozen(true); // the host's machine freezes; nobody knows yet
    (void)online->cockpit.submit(Action::SetStageMessage, {{u"text"_s, u"Two minutes"_s}});
    REQUIRE(waitFor([&] { return peer()->state() == sync::SyncPeer::State::Reconnecting; }));
    const QString alert = online->dock->alert();
    CHECK(alert.contains(u"out of reach"_s));
    CHECK(alert.contains(u"Sent just before, and not answered yet: "_s));
    CHECK(alert.contains(u"Two minutes"_s));
    CHECK(alert.contains(u"wait for it before doing it again"_s));

    // Back, and the press never got there: said so once, and the line goes.
    relay.cutAll();
    relay.setFrozen(false);
    REQUIRE(waitFor([&] { return peer()->state() == sync::SyncPeer::State::Live; }));
    CHECK_FALSE(online->dock->alert().contains(u"not answered yet"_s));
}

// The red line of a port that was taken stayed under the "Hosting" that followed on another.
TEST_CASE("hosting that goes well clears the red line of an earlier failure") {
    useTemporarySettings();
    SeatUnderTest seat(Authority::Moderator);
    QTcpServer taken;
    REQUIRE(taken.listen(QHostAddress::Any, 0));
    auto* status = seat.child<QLabel>(u"connectionStatus"_s);
    CHECK_FALSE(seat.dock->hostOn(taken.serverPort()));
    REQUIRE_FALSE(status->text().isEmpty());
    REQUIRE(seat.dock->hostOn(0));
    CHECK(status->text().isEmpty());
}

// "Not connected to the host right now… Try again in a moment" stayed at the foot of the window
// minutes after the link was back, as if it still held.
// `podium --host --bind 127.0.0.1` listened on every address of the laptop.
TEST_CASE("connection dock: hosting listens where --bind says") {
    useTemporarySettings();
    SeatUnderTest seat(Authority::Moderator);
    seat.dock->seatSession().setBindAddress(QHostAddress(QHostAddress::LocalHost));
    REQUIRE(seat.dock->hostOn(0));
    CHECK(seat.dock->seatSession().seat()->syncHost()->address() ==
          QHostAddress(QHostAddress::LocalHost));
}

// Joined where nothing answered, the floor said "Not in touch with the host since" the minute the
// join began: it never was.
TEST_CASE("a seat never in touch with its host says so on the floor, with no time") {
    useTemporarySettings();
    QTemporaryDir dir;
    auto online = cockpitOnNewFile(dir.filePath(u"online.podium"_s));
    online->dock->joinHost(u"127.0.0.1:%1"_s.arg(freeTcpPort()), sync::generateJoinCode());
    auto* asLastHeard = online->window.findChild<QLabel*>(u"clocksAsLastHeard"_s);
    REQUIRE(asLastHeard);
    REQUIRE(waitFor([&] { return !asLastHeard->isHidden(); }));
    CHECK(asLastHeard->text().startsWith(u"Not in touch with the host yet"_s));
}

TEST_CASE("a refusal while the host was out of reach says when the seat connected again") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString control = host->child<QLabel>(u"controlCode"_s)->text();
    synctest::Relay relay(host->dock->seatSession().seat()->syncHost()->port());
    QTemporaryDir dir;
    auto online = cockpitOnNewFile(dir.filePath(u"online.podium"_s));
    online->window.show();
    online->dock->joinHost(u"127.0.0.1:%1"_s.arg(relay.port()), control);
    const auto live = [&] {
        const sync::SyncPeer* peer = online->dock->seatSession().seat()->syncPeer();
        return peer && peer->state() == sync::SyncPeer::State::Live;
    };
    REQUIRE(waitFor(live));
    auto* alert = online->window.findChild<QLabel*>(u"connectionAlert"_s);
    REQUIRE(alert);

    auto* asLastHeard = online->window.findChild<QLabel*>(u"clocksAsLastHeard"_s);
    REQUIRE(asLastHeard);
    CHECK(asLastHeard->isHidden());
    relay.setRefusing(true);
    relay.cutAll();
    REQUIRE(waitFor([&] { return alert->isVisible(); }));
    // The Floor panel's clocks run on as last heard, and say so where they are read.
    CHECK_FALSE(asLastHeard->isHidden());
    CHECK(asLastHeard->text().startsWith(u"Not in touch with the host since"_s));
    // When it was last heard from, not when its silence was noticed.
    const auto heard = online->dock->seatSession().seat()->syncPeer()->lastHeardAt();
    REQUIRE(heard);
    CHECK(qAbs(*heard - QDateTime::currentMSecsSinceEpoch()) < 60'000); // the host's clock
    CHECK(asLastHeard->text().contains(shortTime(QLocale(), *heard)));
    CHECK_FALSE(
        online->cockpit.run(Action::SetStageMessage, {{u"text"_s, u"Wrap up"_s}}, u"Message"_s));
    auto* notice = online->window.findChild<QLabel*>(u"noticeLine"_s);
    REQUIRE(notice);
    CHECK(notice->text().contains(u"Not connected to the host right now"_s));
    CHECK_FALSE(notice->text().contains(u"Connected again"_s));

    relay.setRefusing(false);
    REQUIRE(waitFor(live));
    CHECK_FALSE(alert->isVisible());
    CHECK(asLastHeard->isHidden());
    CHECK(notice->text().contains(u"Not connected to the host right now"_s)); // kept, with
    CHECK(notice->text().contains(u"Connected again at"_s));                  // what is now

    // The host gone for good, the seat takes over: it hosts, it did not connect again.
    relay.setRefusing(true);
    relay.cutAll();
    REQUIRE(waitFor([&] { return alert->isVisible(); }));
    CHECK_FALSE(
        online->cockpit.run(Action::SetStageMessage, {{u"text"_s, u"Wrap up"_s}}, u"Message"_s));
    auto* takeOver = online->dock->findChild<QPushButton*>(u"takeOverButton"_s);
    REQUIRE(takeOver);
    REQUIRE(waitFor([&] { return !takeOver->isHidden(); }));
    online->dock->findChild<QSpinBox*>(u"hostPort"_s)->setValue(freeTcpPort());
    takeOver->click();
    REQUIRE(online->dock->seatSession().mode() == sync::Seat::Mode::Hosting);
    CHECK_FALSE(alert->isVisible());
    CHECK(asLastHeard->isHidden()); // its own clocks now
    CHECK_FALSE(notice->text().contains(u"Connected again at"_s));
    // "Not connected to the host" stayed, of the seat that was the host now.
    CHECK(notice->text().contains(u"This laptop hosts the session since"_s));
}

// The online moderator's laptop had last hosted a rehearsal: it joined the real session as its
// in-room moderator (polls, the agenda). (It still says it gave way; across sessions the host
// takes no notice of that.)
TEST_CASE("a seat whose file hosted another session joins with the control code as the online "
          "moderator") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString control = host->child<QLabel>(u"controlCode"_s)->text();
    SeatUnderTest laptop(Authority::Moderator);
    REQUIRE(laptop.dock->seatSession().host(0, QHostAddress::LocalHost)); // the rehearsal
    laptop.dock.reset(); // the lid closed while hosting: the file says it hosted
    laptop.openWindow();
    REQUIRE(sync::wasHosted(*laptop.file));
    REQUIRE(laptop.file->sessionId() != host->file->sessionId());
    laptop.dock->joinHost(addressOf(*host), control);
    REQUIRE(waitFor([&] {
        return laptop.dock->seatSession().mode() == sync::Seat::Mode::Joined &&
               laptop.engine.state().sessionId == host->file->sessionId();
    }));
    CHECK(laptop.cockpit->seat() == Seat::OnlineModerator);
    CHECK(laptop.engine.authority() == Authority::OnlineModerator);
}

// The in-room moderator's laptop, restarted after the online moderator took over, had to read the
// code off the other laptop, under "Control code (online moderator)".
TEST_CASE("a laptop that finds its own session hosted elsewhere is told so, and picking that host "
          "fills in the code its file kept") {
    useTemporarySettings();
    auto host = hostingSeat();
    SeatUnderTest old(Authority::Moderator);
    switchFile(old, copyOf(*host, u"old.podium"_s)); // the session, with the codes it hosted with
    SeatUnderTest other(Authority::Moderator);       // and a seat of another session
    for (SeatUnderTest* seat : {&old, &other}) {
        QUdpSocket probe; // a free UDP port on loopback stands for each laptop's beacon port
        REQUIRE(probe.bind(QHostAddress::LocalHost, 0));
        const quint16 beaconPort = probe.localPort();
        probe.close();
        REQUIRE(seat->dock->discoveredHosts().listen(QHostAddress::LocalHost, beaconPort));
        host->dock->seatSession().seat()->announce(QHostAddress::LocalHost, beaconPort);
    }
    auto* list = old.child<QListWidget>(u"discoveredHosts"_s);
    auto* otherList = other.child<QListWidget>(u"discoveredHosts"_s);
    REQUIRE(waitFor([&] { return list->count() == 1 && otherList->count() == 1; }));
    CHECK(list->item(0)->text().endsWith(u"(this session)"_s));
    CHECK_FALSE(otherList->item(0)->text().contains(u"this session"_s));

    list->setCurrentRow(0);
    QTest::keyClick(list, Qt::Key_Return);
    CHECK(old.child<QLineEdit>(u"joinCode"_s)->text() ==
          host->child<QLabel>(u"controlCode"_s)->text());
    otherList->setCurrentRow(0);
    QTest::keyClick(otherList, Qt::Key_Return);
    CHECK(other.child<QLineEdit>(u"joinCode"_s)->text().isEmpty()); // it has none of that session
    old.child<QPushButton>(u"joinButton"_s)->click();
    REQUIRE(waitFor([&] {
        const sync::SyncPeer* peer = old.dock->seatSession().seat()->syncPeer();
        return peer && peer->state() == sync::SyncPeer::State::Live;
    }));
}

// The in-room moderator's Ctrl+Q cut the online moderator and the rapporteur off without a word.
TEST_CASE("quitting a host that seats follow says they lose touch, and stays on Cancel") {
    useTemporarySettings();
    QTemporaryDir dir;
    auto hosting = cockpitOnNewFile(dir.filePath(u"hosted.podium"_s));
    REQUIRE(hosting->dock->hostOn(0));
    hosting->window.show();
    const quint16 port = hosting->dock->seatSession().seat()->syncHost()->port();
    SeatUnderTest online(Authority::OnlineModerator);
    REQUIRE(online.dock->joinHost(u"127.0.0.1:%1"_s.arg(port),
                                  hosting->dock->seatSession().seat()->controlCode()));
    REQUIRE(waitFor([&] { return hosting->dock->seatSession().seat()->peers().size() == 1; }));
    QString asked;
    answerQuestionIfAsked(u"Cancel"_s, &asked);
    hosting->window.findChild<QAction*>(u"quitAction"_s)->trigger();
    CHECK(asked.startsWith(u"1 seat follows the session from this laptop"_s));
    CHECK(hosting->window.isVisible());
    CHECK(hosting->dock->seatSession().mode() == sync::Seat::Mode::Hosting);
}

// The rapporteur started again twice with `--join … --session rap.podium`: each start copied
// rap.podium as it was at the first, and the notes written since were gone from the Notes panel
// and the report (they were in the copy made at the start before).
TEST_CASE("a seat started again on the file it first joined in keeps the notes written since") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString readOnly = host->child<QLabel>(u"readOnlyCode"_s)->text();
    SeatUnderTest rapporteur(Authority::Moderator);
    const auto joinAsRapporteur = [&] {
        rapporteur.dock->joinHost(addressOf(*host), readOnly);
        REQUIRE(waitFor([&] {
            const sync::SyncPeer* peer = rapporteur.dock->seatSession().seat()->syncPeer();
            return peer && peer->state() == sync::SyncPeer::State::Live &&
                   rapporteur.cockpit->seat() == Seat::Rapporteur;
        }));
    };
    const auto notesNow = [&] {
        const auto notes = rapporteur.dock->seatSession().sessionFile()->notes();
        REQUIRE(notes);
        QStringList texts;
        for (const Note& n : notes.value())
            texts << n.text;
        return texts;
    };
    const auto write = [&](const QString& text) {
        Note note;
        note.text = text;
        REQUIRE(rapporteur.dock->seatSession().sessionFile()->addNote(note));
    };
    const auto startAgainOn = [&](const QString& path) {
        rapporteur.dock.reset(); // the window closes, and Podium with it
        rapporteur.engine.setJournal(nullptr);
        rapporteur.file.reset();
        auto reopened = SessionFile::open(path);
        REQUIRE(reopened);
        rapporteur.file = std::move(reopened).value();
        rapporteur.file->attach(rapporteur.engine);
        rapporteur.engine.setAuthority(Authority::Moderator);
        rapporteur.openWindow();
        joinAsRapporteur();
    };
    const QString rap = rapporteur.dir.filePath(u"rap.podium"_s);
    rapporteur.dock->seatSession().keepNextJoinIn(rap);
    joinAsRapporteur();
    write(u"Opening: standards adoption lags"_s);

    startAgainOn(rap);
    const QString firstCopy = rapporteur.dock->seatSession().sessionFile()->path();
    REQUIRE(firstCopy != rap);
    write(u"Key takeaway after the first restart"_s);
    SessionFile* first = rapporteur.dock->seatSession().sessionFile();
    Note filed = first->notes()->first(); // the opening note, filed again there as a takeaway
    filed.kind = NoteKind::KeyTakeaway;
    REQUIRE(first->editNote(filed));

    startAgainOn(rap);
    REQUIRE(waitFor([&] { return notesNow().size() == 2; }));
    CHECK(notesNow().contains(u"Key takeaway after the first restart"_s));
    SessionFile* second = rapporteur.dock->seatSession().sessionFile();
    CHECK(second->notes()->first().kind == NoteKind::KeyTakeaway); // as filed, once
    const QString secondCopy = second->path();

    // A note removed there is not brought back from rap.podium at the next start.
    REQUIRE(second->removeNote(second->notes()->first().id));
    startAgainOn(rap);
    REQUIRE(waitFor(
        [&] { return rapporteur.dock->seatSession().sessionFile()->path() != secondCopy; }));
    QCoreApplication::processEvents();
    CHECK(notesNow() == QStringList{u"Key takeaway after the first restart"_s});

    // Started from the newest copy (the desktop's launcher opens it): its notes, none twice, and
    // none from the copies before it.
    const QString thirdCopy = rapporteur.dock->seatSession().sessionFile()->path();
    startAgainOn(thirdCopy);
    QCoreApplication::processEvents();
    CHECK(notesNow() == QStringList{u"Key takeaway after the first restart"_s});
}

// Started again after Quit on its joined copy, the online moderator's window ran the old speaker's
// countdown, every control live; the only word of it was at the foot, below a laptop screen's edge.
TEST_CASE("a joined copy opened on its own says so above the countdown, until it joins again") {
    useTemporarySettings();
    auto host = hostingSeat();
    const QString control = host->child<QLabel>(u"controlCode"_s)->text();
    QTemporaryDir dir;
    QString copyPath;
    {
        auto online = cockpitOnNewFile(dir.filePath(u"online.podium"_s));
        online->dock->joinHost(addressOf(*host), control);
        REQUIRE(waitFor([&] {
            const sync::SyncPeer* peer = online->dock->seatSession().seat()->syncPeer();
            return peer && peer->state() == sync::SyncPeer::State::Live;
        }));
        copyPath = online->dock->seatSession().sessionFile()->path();
    } // Quit
    auto reopened = SessionFile::open(copyPath);
    REQUIRE(reopened);
    CockpitOnFile again(std::move(reopened).value());
    auto* line = again.window.findChild<QLabel*>(u"clocksAsLastHeard"_s);
    REQUIRE(line);
    CHECK_FALSE(line->isHidden());
    CHECK(line->text().startsWith(
        u"This is your copy of the session joined at %1"_s.arg(addressOf(*host))));

    again.dock->joinHost(addressOf(*host), control);
    REQUIRE(waitFor([&] {
        const sync::SyncPeer* peer = again.dock->seatSession().seat()->syncPeer();
        return peer && peer->state() == sync::SyncPeer::State::Live;
    }));
    CHECK(line->isHidden());
}

// The online moderator's rehearsal: "…seat on vm left the session" stayed at the foot of the
// host's window after that seat was back, seconds later.
TEST_CASE("a seat with control that comes back is said on the host's status bar") {
    useTemporarySettings();
    auto host = hostingSeat();
    QStringList said;
    QObject::connect(host->cockpit.get(), &Cockpit::info, [&](const QString& t) { said << t; });
    synctest::Relay cable(host->dock->seatSession().seat()->syncHost()->port());
    SeatUnderTest online(Authority::OnlineModerator);
    online.dock->joinHost(u"127.0.0.1:%1"_s.arg(cable.port()),
                          host->child<QLabel>(u"controlCode"_s)->text());
    const auto followers = [&] {
        return host->dock->seatSession().seat()->peers().size();
    };
    REQUIRE(waitFor([&] { return followers() == 1; }));
    CHECK(said.isEmpty()); // its first coming is in the Connection panel: no news
    cable.cutAll();        // the cable pulled and put back
    REQUIRE(waitFor([&] { return !said.isEmpty(); }));
    CHECK(said.last().contains(u"left the session"_s));
    REQUIRE(waitFor([&] { return said.size() == 2; }));
    const QString back = u"The online moderator seat on %1 is back in the session."_s.arg(
        QSysInfo::machineHostName());
    CHECK(said.last() == back);

    // Restarted after a crash, it is another instance of Podium on the same laptop.
    online.dock.reset();
    REQUIRE(waitFor([&] { return said.size() == 3 && followers() == 0; }));
    SeatUnderTest restarted(Authority::OnlineModerator);
    restarted.dock->joinHost(addressOf(*host), host->child<QLabel>(u"controlCode"_s)->text());
    REQUIRE(waitFor([&] { return said.size() == 4; }));
    CHECK(said.last() == back);
}

// The online moderator's laptop dropped out: the in-room moderator learnt it only from the
// Connection panel, behind a tab.
TEST_CASE("a seat with control that leaves is said on the host's status bar, a rapporteur not") {
    useTemporarySettings();
    auto host = hostingSeat();
    QStringList said;
    QObject::connect(host->cockpit.get(), &Cockpit::info, [&](const QString& t) { said << t; });
    const auto joinAndLeave = [&](const QString& code) {
        SeatUnderTest seat(Authority::Moderator);
        seat.dock->joinHost(addressOf(*host), code);
        REQUIRE(waitFor([&] { return host->dock->seatSession().seat()->peers().size() == 1; }));
        seat.dock.reset(); // closed by its user
        REQUIRE(waitFor([&] { return host->dock->seatSession().seat()->peers().isEmpty(); }));
    };
    joinAndLeave(host->child<QLabel>(u"readOnlyCode"_s)->text());
    CHECK(said.isEmpty());
    joinAndLeave(host->child<QLabel>(u"controlCode"_s)->text());
    REQUIRE(said.size() == 1);
    CHECK(said.first().startsWith(
        u"The online moderator seat on %1 left the session: "_s.arg(QSysInfo::machineHostName())));

    // `podium ctl`, a script's one command, in and out: "…seat on ctl left the session" came at
    // each.
    {
        SystemClock clock;
        SessionEngine engine(clock);
        sync::Seat ctl(engine, clock);
        ctl.setSeatName(u"ctl"_s);
        ctl.setClient(sync::ctlClient.toString());
        ctl.join(*sync::parseEndpoint(addressOf(*host)),
                 host->child<QLabel>(u"controlCode"_s)->text());
        REQUIRE(waitFor([&] { return host->dock->seatSession().seat()->peers().size() == 1; }));
    }
    REQUIRE(waitFor([&] { return host->dock->seatSession().seat()->peers().isEmpty(); }));
    CHECK(said.size() == 1);
}
