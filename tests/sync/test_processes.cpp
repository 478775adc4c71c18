#include <catch2/catch.hpp>

#include "model/codec.h"
#include "plan/plan.h"
#include "store/session_file.h"
#include "sync_support.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <csignal>

using namespace podium;
using namespace podium::synctest;
using namespace Qt::StringLiterals;

// Real `podium --headless` processes on loopback: a host, an online moderator and a rapporteur,
// driven by a control seat in this test; then a frozen process and a killed host.
namespace {

struct Proc {
    QProcess process;
    QString out;
    // `program`: what runs it (and must exec it, not fork), the arguments coming after; none:
    // podium itself. `environment`: added to this one's.
    explicit Proc(const QStringList& args, const QStringList& program = {},
                  const QList<std::pair<QString, QString>>& environment = {}) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        for (const auto& [name, value] : environment)
            env.insert(name, value);
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QObject::connect(&process, &QProcess::readyReadStandardOutput,
                         [this] { out += QString::fromUtf8(process.readAllStandardOutput()); });
        if (program.isEmpty())
            process.start(QStringLiteral(PODIUM_BINARY), args);
        else
            process.start(program.first(),
                          program.mid(1) + QStringList{QStringLiteral(PODIUM_BINARY)} + args);
    }
    ~Proc() {
        if (process.state() != QProcess::NotRunning) {
            ::kill(pid_t(process.processId()), SIGCONT);
            process.kill();
            process.waitForFinished(5000);
        }
    }
    QString waitFor(const QString& pattern, int timeoutMs = 30000) {
        const QRegularExpression re(pattern);
        QRegularExpressionMatch m;
        waitUntil([&] { return (m = re.match(out)).hasMatch(); }, timeoutMs);
        return m.hasMatch() ? m.captured(m.lastCapturedIndex()) : QString();
    }
    int count(const QString& text) const { return int(out.count(text)); }
    void signal(int sig) { ::kill(pid_t(process.processId()), sig); }
};

struct Replica {
    SessionState state;
    QList<Event> events;
};

// A seat's session file as another Podium would read it while the seat runs (no lock taken).
Replica replay(const QString& path) {
    auto file = SessionFile::open(path, OpenMode::View);
    REQUIRE(file);
    auto events = file.value()->events();
    REQUIRE(events);
    return {file.value()->state(), events.value()};
}

// `podium --check FILE`: the file passes the same check a user would run on it.
QString checkFile(const QString& path) {
    QProcess check;
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.start(QStringLiteral(PODIUM_BINARY), {u"--check"_s, path});
    if (!check.waitForFinished(30000) || check.exitCode() != 0)
        return QString::fromUtf8(check.readAll()) + u"(exit %1)"_s.arg(check.exitCode());
    return {};
}

void burst(TestSeat& driver, int n) {
    for (int i = 0; i < n; ++i)
        REQUIRE(submitAndWait(driver, Action::SetStageMessage, {{u"text"_s, u"b%1"_s.arg(i)}}));
}

// A podium run that is expected to stop by itself: its exit code and everything it printed.
struct Ended {
    int exitCode = -1;
    QString output;
};

Ended runToEnd(const QStringList& args,
               const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment()) {
    QProcess p;
    p.setProcessEnvironment(environment);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(PODIUM_BINARY), args);
    if (!p.waitForFinished(30000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAll())};
}

} // namespace

TEST_CASE("headless processes: join, freeze, resume, and a killed host handed over") {
    QTemporaryDir dir;
    const quint16 hostPort = freePort(), takeoverPort = freePort();
    Proc host({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s,
               QString::number(hostPort), u"--session"_s, dir.filePath(u"host.podium"_s)});
    const QString control = host.waitFor(u"control code: (\\S+)"_s);
    const QString readOnly = host.waitFor(u"read-only code: (\\S+)"_s);
    REQUIRE_FALSE(readOnly.isEmpty());
    const QString at = u"127.0.0.1:%1"_s.arg(hostPort);
    Proc online({u"--headless"_s, u"--join"_s, at, u"--code"_s, control, u"--session"_s,
                 dir.filePath(u"online.podium"_s), u"--takeover-port"_s,
                 QString::number(takeoverPort), u"--takeover-after"_s, u"2"_s});
    Proc rapporteur({u"--headless"_s, u"--join"_s, at, u"--code"_s, readOnly, u"--session"_s,
                     dir.filePath(u"rapporteur.podium"_s)});
    REQUIRE_FALSE(online.waitFor(u"status: (connected)"_s).isEmpty());
    REQUIRE_FALSE(rapporteur.waitFor(u"status: (connected)"_s).isEmpty());

    // ctl: one command, and the state
    QProcess ctl;
    ctl.start(QStringLiteral(PODIUM_BINARY),
              {u"ctl"_s, u"--join"_s, at, u"--code"_s, control, u"add"_s, u"3"_s});
    REQUIRE(ctl.waitForFinished(30000));
    CHECK(ctl.exitCode() == 0);
    CHECK(ctl.readAllStandardOutput().startsWith("ok seq"));

    TestSeat driver(u"driver"_s);
    driver.seat.join({u"127.0.0.1"_s, hostPort}, control);
    REQUIRE(waitUntil([&] { return driver.live(); }));
    burst(driver, 100);

    SECTION("a frozen rapporteur (SIGSTOP: half-open link) is dropped, then resumes") {
        rapporteur.signal(SIGSTOP);
        burst(driver, 50);
        // The host notices the silence (however long a loaded machine makes it take)...
        REQUIRE_FALSE(host.waitFor(u"left: (no sign of life)"_s, 60000).isEmpty());
        rapporteur.signal(SIGCONT); // ...and the rapporteur, woken, that its link is gone
        REQUIRE(rapporteur.waitFor(u"(reconnecting)"_s).size() > 0);
        REQUIRE(waitUntil([&] { return rapporteur.count(u"status: connected"_s) >= 2; }, 30000));
        burst(driver, 10);
        REQUIRE(waitUntil([&] {
            return replay(dir.filePath(u"rapporteur.podium"_s)).state.lastSeq == driver.lastSeq();
        }));
        const Replica r = replay(dir.filePath(u"rapporteur.podium"_s));
        CHECK(codec::digest(r.state) == codec::digest(driver.engine.state()));
        for (const char* name : {"host.podium", "online.podium", "rapporteur.podium"})
            CHECK(checkFile(dir.filePath(QString::fromLatin1(name))).isEmpty());
    }

    SECTION("kill -9 of the host mid-burst: the online moderator takes over, nothing is lost") {
        QTimer timer; // commands keep coming while the host dies
        int sent = 0;
        QObject::connect(&timer, &QTimer::timeout, [&] {
            if (driver.live())
                (void)driver.engine.submit(Command{newCommandId(),
                                                   {},
                                                   {},
                                                   Action::SetStageMessage,
                                                   {{u"text"_s, u"k%1"_s.arg(sent++)}}});
        });
        timer.start(2);
        REQUIRE(waitUntil([&] { return sent > 60; }));
        host.signal(SIGKILL);
        REQUIRE(host.process.waitForFinished(10000));
        timer.stop();
        const Replica beforeOnline = replay(dir.filePath(u"online.podium"_s));
        const Replica beforeRapporteur = replay(dir.filePath(u"rapporteur.podium"_s));
        REQUIRE_FALSE(online.waitFor(u"(took over hosting)"_s, 30000).isEmpty());
        REQUIRE(waitUntil([&] { return driver.live(); }, 30000));
        // the rapporteur is back too (a seat that returns only after new commands would have
        // its unshared events reported as orphans instead: see the in-process handover test)
        REQUIRE(waitUntil([&] { return rapporteur.count(u"status: connected"_s) >= 2; }, 30000));
        REQUIRE(submitAndWait(driver, Action::SetStageMessage, {{u"text"_s, u"after"_s}}));
        REQUIRE(waitUntil(
            [&] {
                return replay(dir.filePath(u"rapporteur.podium"_s)).state.lastSeq ==
                           driver.lastSeq() &&
                       replay(dir.filePath(u"online.podium"_s)).state.lastSeq == driver.lastSeq();
            },
            30000));
        INFO("online:\n"
             << online.out.toStdString() << "rapporteur:\n"
             << rapporteur.out.toStdString());
        const Replica o = replay(dir.filePath(u"online.podium"_s));
        const Replica r = replay(dir.filePath(u"rapporteur.podium"_s));
        CHECK(codec::digest(o.state) == codec::digest(driver.engine.state()));
        CHECK(codec::digest(r.state) == codec::digest(driver.engine.state()));
        CHECK(o.state.epoch > beforeOnline.state.epoch);
        // every event a peer had on disk when the host died is in the session that went on
        QHash<qint64, QString> kept;
        for (const Event& e : o.events)
            kept.insert(e.seq, e.commandId);
        for (const Replica* before : {&beforeOnline, &beforeRapporteur}) {
            for (const Event& e : before->events) {
                if (e.seq > o.events.first().seq)
                    CHECK(kept.value(e.seq) == e.commandId);
            }
            CHECK(before->state.lastSeq <= o.state.lastSeq);
        }
        // the killed host's file too: what it had committed is whole
        for (const char* name : {"host.podium", "online.podium", "rapporteur.podium"})
            CHECK(checkFile(dir.filePath(QString::fromLatin1(name))).isEmpty());

        // The seat that took over crashes too, and is started again as host without --port: it
        // hosts where it took over, where the seats look (it came back on 47600).
        online.signal(SIGKILL);
        REQUIRE(online.process.waitForFinished(10000));
        Proc again({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--session"_s,
                    dir.filePath(u"online.podium"_s)});
        CHECK(again.waitFor(u"listening on port (\\d+)"_s) == QString::number(takeoverPort));
    }
}

TEST_CASE("a backup seat started while its host is away says it cannot take over, and why") {
    // It retried a dead host for ten minutes, looking like a seat about to take over, while the
    // session had no host at all.
    QTemporaryDir dir;
    Proc seat({u"--headless"_s, u"--join"_s, u"127.0.0.1:%1"_s.arg(freePort()), u"--code"_s,
               u"ABCD-EFGH-JKMN"_s, u"--session"_s, dir.filePath(u"backup.podium"_s),
               u"--takeover-port"_s, QString::number(freePort()), u"--takeover-after"_s, u"1"_s});
    CHECK_FALSE(
        seat.waitFor(u"(warning: cannot take over hosting: no host has let this seat in)"_s, 15000)
            .isEmpty());
    CHECK(seat.process.state() == QProcess::Running); // and it keeps trying
    CHECK(seat.count(u"took over"_s) == 0);
}

TEST_CASE("headless seats refuse a session file they cannot use, with a reason and exit code 4") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"seat.podium"_s);
    const QStringList hostArgs{u"--headless"_s, u"--host"_s, u"--bind"_s,    u"127.0.0.1"_s,
                               u"--port"_s,     u"0"_s,      u"--session"_s, path};

    SECTION("a file another live Podium has open") {
        Proc first(hostArgs);
        REQUIRE_FALSE(first.waitFor(u"(listening on port)"_s).isEmpty());
        const Ended second = runToEnd(hostArgs);
        CHECK(second.exitCode == 4);
        CHECK(second.output.contains(u"already open in another Podium"_s));
    }
    SECTION("a joining seat whose file holds another session") {
        Proc host({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
                   u"--session"_s, dir.filePath(u"host.podium"_s)});
        const QString port = host.waitFor(u"listening on port (\\d+)"_s);
        const QString control = host.waitFor(u"control code: (\\S+)"_s);
        REQUIRE_FALSE(port.isEmpty());
        QString sequencersBefore;
        {
            auto other = SessionFile::create(path, demoPlan(), QDateTime::currentMSecsSinceEpoch());
            REQUIRE(other);
            sequencersBefore = other.value()->metadata(u"sync_sequencers"_s);
        }
        const Ended seat = runToEnd({u"--headless"_s, u"--join"_s, u"127.0.0.1:"_s + port,
                                     u"--code"_s, control, u"--session"_s, path});
        CHECK(seat.exitCode == 2);
        CHECK(seat.output.contains(u"holds another session"_s));
        // Untouched: the host's sequencers written into it would make its own host later take
        // its events for orphans.
        auto reopened = SessionFile::open(path);
        REQUIRE(reopened);
        CHECK(reopened.value()->metadata(u"sync_sequencers"_s) == sequencersBefore);
    }
    SECTION("a file that is not a session") {
        QFile junk(path);
        REQUIRE(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, 'x'));
        junk.close();
        const Ended seat = runToEnd(hostArgs);
        CHECK(seat.exitCode == 4);
        CHECK(seat.output.contains(u"Cannot use the session file"_s));
        junk.open(QIODevice::ReadOnly);
        CHECK(junk.readAll() == QByteArray(8192, 'x')); // never overwritten
    }
}

// Both left a new file behind that `--check` showed as a session with no title.
TEST_CASE("a headless seat that fails before any session came in leaves no file of its own") {
    QTemporaryDir dir;
    Proc host({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
               u"--session"_s, dir.filePath(u"host.podium"_s)});
    const QString port = host.waitFor(u"listening on port (\\d+)"_s);
    REQUIRE_FALSE(port.isEmpty());
    const QString refused = dir.filePath(u"refused.podium"_s);
    const Ended seat = runToEnd({u"--headless"_s, u"--join"_s, u"127.0.0.1:"_s + port, u"--code"_s,
                                 sync::generateJoinCode(), u"--session"_s, refused});
    CHECK(seat.exitCode == 2);
    CHECK_FALSE(QFile::exists(refused));
    const QString portTaken = dir.filePath(u"port-taken.podium"_s);
    const Ended second = runToEnd({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s,
                                   u"--port"_s, port, u"--session"_s, portTaken});
    CHECK(second.exitCode == 1);
    CHECK_FALSE(QFile::exists(portTaken));
    // A file that was there before stays, whatever happens.
    const QString kept = dir.filePath(u"kept.podium"_s);
    REQUIRE(SessionFile::create(kept, demoPlan(), QDateTime::currentMSecsSinceEpoch()));
    CHECK(runToEnd({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, port,
                    u"--session"_s, kept})
              .exitCode == 1);
    CHECK(QFile::exists(kept));
}

// "Default: all" bound 0.0.0.0: a seat that reached the host by an IPv6 address was refused.
TEST_CASE("a headless host with no --bind is reached over IPv4 and IPv6 alike") {
    QTemporaryDir dir;
    Proc host({u"--headless"_s, u"--host"_s, u"--port"_s, u"0"_s, u"--session"_s,
               dir.filePath(u"host.podium"_s)});
    const QString port = host.waitFor(u"listening on port (\\d+)"_s);
    const QString control = host.waitFor(u"control code: (\\S+)"_s);
    REQUIRE_FALSE(port.isEmpty());
    for (const QString& address : {u"127.0.0.1"_s, u"::1"_s}) {
        INFO(address.toStdString());
        TestSeat seat(u"seat"_s);
        seat.seat.join({address, port.toUShort()}, control);
        CHECK(waitUntil([&] { return seat.live(); }));
    }
}

TEST_CASE("a headless host serves the room's voting page when asked, on the port it says") {
    QTemporaryDir dir;
    Proc host({u"--headless"_s, u"--host"_s, u"--port"_s, u"0"_s, u"--web-voting"_s, u"0"_s,
               u"--session"_s, dir.filePath(u"host.podium"_s)});
    const QString port = host.waitFor(u"voting page on port (\\d+)"_s);
    REQUIRE_FALSE(port.isEmpty());
    QNetworkAccessManager phone;
    phone.setProxy(QNetworkProxy::NoProxy);
    QNetworkReply* reply = phone.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/"_s.arg(port))));
    REQUIRE(waitUntil([reply] { return reply->isFinished(); }));
    CHECK(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200);
    const QString page = QString::fromUtf8(reply->readAll());
    CHECK(page.contains(u"No poll is open right now."_s)); // the demo's polls are drafts
    CHECK(page.contains(u"<h1>%1</h1>"_s.arg(demoPlan().info.title.toHtmlEscaped())));
    delete reply;
}

// It opened in the cockpit but refused to be hosted: "event 5 does not match its checksum".
TEST_CASE("a session file whose history before a snapshot is damaged is hosted, and a seat joins "
          "it whole") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"host.podium"_s);
    // Damage in history, or at the latest snapshot's own event (snapshots every 10 events).
    writeDamagedBeforeSnapshot(path, 24, {GENERATE(qint64(5), qint64(20))});
    Proc host({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
               u"--session"_s, path});
    const QString port = host.waitFor(u"listening on port (\\d+)"_s);
    const QString control = host.waitFor(u"control code: (\\S+)"_s);
    REQUIRE_FALSE(port.isEmpty());
    TestSeat driver(u"driver"_s);
    driver.seat.join({u"127.0.0.1"_s, port.toUShort()}, control);
    REQUIRE(waitUntil([&] { return driver.live(); }));
    CHECK(driver.engine.state().stageMessage == u"m23"_s);
    REQUIRE(submitAndWait(driver, Action::SetStageMessage, {{u"text"_s, u"after"_s}}));
    host.process.terminate();
    REQUIRE(host.process.waitForFinished(20000));
    auto kept = SessionFile::open(path, OpenMode::View);
    REQUIRE(kept);
    CHECK(kept.value()->state().stageMessage == u"after"_s);
    CHECK(codec::digest(kept.value()->state()) == codec::digest(driver.engine.state()));
}

TEST_CASE("a host killed and started again on its file hosts with the same codes, and the seats "
          "come back by themselves") {
    QTemporaryDir dir;
    const quint16 port = freePort();
    const QStringList hostArgs{
        u"--headless"_s, u"--host"_s,           u"--bind"_s,    u"127.0.0.1"_s,
        u"--port"_s,     QString::number(port), u"--session"_s, dir.filePath(u"host.podium"_s)};
    auto host = std::make_unique<Proc>(hostArgs);
    const QString control = host->waitFor(u"control code: (\\S+)"_s);
    const QString readOnly = host->waitFor(u"read-only code: (\\S+)"_s);
    REQUIRE_FALSE(host->waitFor(u"(listening on port)"_s).isEmpty());
    Proc rapporteur({u"--headless"_s, u"--join"_s, u"127.0.0.1:%1"_s.arg(port), u"--code"_s,
                     readOnly, u"--session"_s, dir.filePath(u"rapporteur.podium"_s)});
    TestSeat driver(u"driver"_s);
    driver.seat.join({u"127.0.0.1"_s, port}, control);
    REQUIRE(waitUntil([&] { return driver.live(); }));
    REQUIRE_FALSE(rapporteur.waitFor(u"status: (connected)"_s).isEmpty());
    burst(driver, 5);

    host->signal(SIGKILL); // the laptop's Podium dies
    host.reset();
    Proc again(hostArgs); // and is started again on its session file
    CHECK(again.waitFor(u"control code: (\\S+)"_s) == control);
    CHECK(again.waitFor(u"read-only code: (\\S+)"_s) == readOnly);
    // the driver was never told anything new: it came back with the code it had
    REQUIRE(waitUntil([&] { return driver.live(); }, 30000));
    REQUIRE(submitAndWait(driver, Action::SetStageMessage, {{u"text"_s, u"after"_s}}));
    // so did the rapporteur's process, which keeps the event in its file too
    const QString rapporteurFile = dir.filePath(u"rapporteur.podium"_s);
    CHECK(waitUntil([&] { return replay(rapporteurFile).state.lastSeq == driver.lastSeq(); }));
    CHECK(replay(rapporteurFile).state.stageMessage == u"after"_s);
    CHECK(waitUntil([&] { return rapporteur.count(u"status: connected"_s) >= 2; })); // its word
    CHECK(rapporteur.count(u"no longer accepts"_s) == 0);
    CHECK(driver.orderly);
    CHECK(driver.engine.state().stageMessage == u"after"_s);
}

// "--port abc" hosted on a random port and "--bind nonsense" on no address, without a word.
TEST_CASE("headless seats refuse a bad port, address, host or a missing code before they start") {
    const QList<std::pair<QStringList, QString>> cases{
        {{u"--headless"_s, u"--host"_s, u"--port"_s, u"abc"_s}, u"--port"_s},
        {{u"--headless"_s, u"--host"_s, u"--port"_s, u"99999"_s}, u"--port"_s},
        {{u"--headless"_s, u"--host"_s, u"--bind"_s, u"notanaddress"_s}, u"--bind"_s},
        {{u"--headless"_s, u"--join"_s, u"127.0.0.1:47600"_s}, u"--code"_s},
        {{u"--headless"_s, u"--join"_s, u"127.0.0.1:47600"_s, u"--code"_s, u"X"_s,
          u"--takeover-after"_s, u"abc"_s},
         u"--takeover-after"_s},
        {{u"--headless"_s, u"--join"_s, u"127.0.0.1:47600"_s, u"--code"_s, u"X"_s,
          u"--takeover-after"_s, u"0"_s},
         u"--takeover-after"_s},
        {{u"--headless"_s, u"--host"_s, u"--takeover-after"_s, u"5"_s}, u"--join"_s},
        {{u"--headless"_s, u"--host"_s, u"--web-voting"_s, u"web"_s}, u"--web-voting"_s},
        {{u"--headless"_s, u"--join"_s, u"127.0.0.1:47600"_s, u"--code"_s, u"X"_s,
          u"--web-voting"_s, u"0"_s},
         u"use it with --host"_s},
        // No port: it said so with exit 1, as if the seat had failed.
        {{u"--headless"_s, u"--join"_s, u"127.0.0.1"_s, u"--code"_s, u"X"_s}, u"HOST:PORT"_s},
        {{u"--headless"_s, u"--join"_s, u"127.0.0.1:99999"_s, u"--code"_s, u"X"_s}, u"HOST:PORT"_s},
        // Both: --join was ignored, and the seat hosted on the default port instead.
        {{u"--headless"_s, u"--host"_s, u"--join"_s, u"127.0.0.1:47760"_s, u"--code"_s, u"X"_s},
         u"--host and --join"_s},
        // These three exited 1, the code of a seat that failed or of a damaged file.
        {{u"--headless"_s}, u"--host or --join"_s},
        {{u"--headless"_s, u"--join"_s, u"::1:47600"_s, u"--code"_s, u"X"_s}, u"[ADDRESS]:PORT"_s},
        {{u"--headless"_s, u"--host"_s, u"--frobnicate"_s}, u"frobnicate"_s},
        {{u"--check"_s}, u"Missing value"_s},
        // Each was ignored without a word: the seat hosted a session in memory only, on the
        // first screen, as the moderator.
        {{u"--headless"_s, u"--host"_s, u"a.podium"_s, u"b.podium"_s}, u"session file once"_s},
        {{u"--headless"_s, u"--host"_s, u"--session"_s, u"a.podium"_s, u"b.podium"_s},
         u"session file once"_s},
        {{u"--headless"_s, u"--host"_s, u"--role"_s, u"bogus"_s}, u"Unknown seat"_s},
        {{u"--headless"_s, u"--host"_s, u"--display-screen"_s, u"0"_s}, u"--display-screen"_s},
        // A window's options: "--scene live" hosted an empty session without a word.
        {{u"--headless"_s, u"--host"_s, u"--scene"_s, u"live"_s}, u"--scene is for the cockpit"_s},
        {{u"--headless"_s, u"--host"_s, u"--theme"_s, u"dark"_s}, u"--theme is for the cockpit"_s},
        {{u"--check"_s, u"a.podium"_s, u"b.podium"_s}, u"Unexpected argument “b.podium”"_s},
        {{u"a.podium"_s, u"b.podium"_s}, u"“b.podium” is one too many"_s},
        // The cockpit opened without a word, the report never written.
        {{u"--format"_s, u"md"_s}, u"--format is for --export-report"_s},
        {{u"-o"_s, u"report.md"_s}, u"-o/--output is for --export-report"_s},
        {{u"--headless"_s, u"--host"_s, u"--format"_s, u"pdf"_s}, u"--format is for"_s},
        {{u"--demo"_s, u"--stage"_s, u"--display-screen"_s, u"7"_s}, u"no screen 7"_s},
        // One of them ran, the other was skipped, and it exited 0.
        {{u"--check"_s, u"a.podium"_s, u"--salvage"_s, u"b.podium"_s},
         u"--salvage cannot go with --check"_s},
        {{u"--export-report"_s, u"a.podium"_s, u"-o"_s, u"r.md"_s, u"--salvage"_s, u"b.podium"_s},
         u"--salvage cannot go with --export-report"_s},
        {{u"--check"_s, u"a.podium"_s, u"--headless"_s, u"--host"_s},
         u"--headless cannot go with --check"_s},
        {{u"--check"_s, u"a.podium"_s, u"--port"_s, u"5"_s}, u"--port cannot go with --check"_s},
        {{u"--check"_s, u"a.podium"_s, u"--check"_s, u"b.podium"_s}, u"Give --check once"_s}};
    for (const auto& [args, named] : cases) {
        INFO(args.join(u' ').toStdString());
        const Ended ended = runToEnd(args);
        CHECK(ended.exitCode == 2);
        CHECK(ended.output.contains(named));
    }
    // Refused before the file is touched: it was created (or locked, upgraded) first.
    QTemporaryDir dir;
    const QString untouched = dir.filePath(u"seat.podium"_s);
    CHECK(runToEnd({u"--headless"_s, u"--session"_s, untouched}).exitCode == 2);
    CHECK_FALSE(QFile::exists(untouched));
}

// "podium g.podium --headless --host" hosted a new session in memory, and never opened g.podium.
TEST_CASE("a headless seat keeps the session in the file named as its argument, and says when it "
          "keeps none") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"named.podium"_s);
    {
        Proc host(
            {u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s, path});
        REQUIRE_FALSE(host.waitFor(u"(listening on port)"_s).isEmpty());
        CHECK(host.count(u"in memory only"_s) == 0);
    }
    CHECK(QFile::exists(path));
    Proc inMemory({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s});
    CHECK_FALSE(inMemory.waitFor(u"(in memory only)"_s).isEmpty());
}

// On a server, "podium --hedless" aborted with Qt's page about platform plugins, naming neither
// the typo nor the way to run without a window.
TEST_CASE("without a display the cockpit says so, after naming a mistyped option") {
    QProcessEnvironment noDisplay = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        noDisplay.remove(QString::fromLatin1(name));
    const Ended typo = runToEnd({u"--hedless"_s}, noDisplay);
    CHECK(typo.exitCode == 2);
    CHECK(typo.output.contains(u"Unknown option 'hedless'"_s));
    const Ended noWindow = runToEnd({u"--demo"_s}, noDisplay);
    CHECK(noWindow.exitCode == 1);
    CHECK(noWindow.output.contains(u"No display to show the cockpit on"_s));
    CHECK(noWindow.output.contains(u"--headless"_s));
    CHECK_FALSE(noWindow.output.contains(u"platform plugin"_s));
}

// Two "podium ctl next" started at once both went through (each joined after the other's
// "next" had landed), and a speaker was skipped; a script could not say what it had seen.
TEST_CASE("podium ctl: next says who has the floor, --expect-floor refuses a stale next, and a "
          "wrong command fails before any wait") {
    QTemporaryDir dir;
    Proc host({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
               u"--session"_s, dir.filePath(u"host.podium"_s)});
    const QString port = host.waitFor(u"listening on port (\\d+)"_s);
    const QString control = host.waitFor(u"control code: (\\S+)"_s);
    REQUIRE_FALSE(control.isEmpty());
    const QStringList at{u"ctl"_s, u"--join"_s, u"127.0.0.1:"_s + port, u"--code"_s, control};
    // The same digest as the host's file, before anything happened: they differed after every
    // start of hosting, whose raised epoch reaches the file with the next event only.
    const QRegularExpression digestLine(u"^([0-9a-f]{64})$"_s, QRegularExpression::MultilineOption);
    const QString atStart =
        digestLine.match(runToEnd(at + QStringList{u"digest"_s}).output).captured(1);
    REQUIRE_FALSE(atStart.isEmpty());
    CHECK(runToEnd({u"--check"_s, dir.filePath(u"host.podium"_s)})
              .output.contains(u"state digest: "_s + atStart));
    const Ended added = runToEnd(at + QStringList{u"add"_s, u"3"_s});
    REQUIRE(added.exitCode == 0);
    CHECK(added.output.contains(u"(Added to the queue: "_s)); // not only who has the floor
    REQUIRE(runToEnd(at + QStringList{u"add"_s, u"4"_s}).exitCode == 0);
    // An entry id where a participant id belongs said "Choose a participant to add".
    const Ended nobody = runToEnd(at + QStringList{u"add"_s, u"999"_s});
    CHECK(nobody.exitCode == 2);
    CHECK(nobody.output.contains(u"no participant 999"_s));

    const Ended next = runToEnd(at + QStringList{u"next"_s});
    CHECK(next.exitCode == 0);
    const QRegularExpression named(u"has the floor \\(entry (\\d+)\\)"_s);
    const QRegularExpressionMatch floor = named.match(next.output);
    REQUIRE(floor.hasMatch());

    // Seen nobody on the floor, but someone is: refused, nobody skipped.
    const Ended stale = runToEnd(at + QStringList{u"--expect-floor"_s, u"0"_s, u"next"_s});
    CHECK(stale.exitCode == 2);
    CHECK(stale.output.contains(u"Refused by the host"_s));
    // "Refused: This seat is read-only." named no way out.
    const QString readOnly = host.waitFor(u"read-only code: (\\S+)"_s);
    const Ended viewer =
        runToEnd({u"ctl"_s, u"--join"_s, u"127.0.0.1:"_s + port, u"--code"_s, readOnly, u"next"_s});
    CHECK(viewer.exitCode == 2);
    CHECK(viewer.output.contains(u"commands need the control code"_s));
    const Ended seen =
        runToEnd(at + QStringList{u"--expect-floor"_s, floor.captured(1), u"next"_s});
    CHECK(seen.exitCode == 0);

    // `state` says who speaks and who waits, with the entry ids the commands take; `digest` is
    // the one line to compare seats by, the same as in `state --json`.
    const Ended state = runToEnd(at + QStringList{u"state"_s});
    CHECK(state.exitCode == 0);
    const QRegularExpressionMatch speaking =
        QRegularExpression(u"On the floor: (.+) \\(entry (\\d+)\\), \\d+:\\d\\d left"_s)
            .match(state.output);
    REQUIRE(speaking.hasMatch());
    CHECK(seen.output.contains(speaking.captured(1) + u" has the floor (entry "_s +
                               speaking.captured(2)));
    CHECK(state.output.contains(u"Nobody is waiting."_s)); // both added were called
    // The session's own clock too, not only the speaker's ("paused": nobody started it).
    CHECK(
        state.output.contains(u"Session clock: 1:30:00 left, paused"_s)); // as the cockpit shows it
    // An option that only next and end take was dropped without a word after add.
    const Ended misplaced =
        runToEnd(at + QStringList{u"--expect-floor"_s, u"0"_s, u"add"_s, u"5"_s});
    CHECK(misplaced.exitCode == 2);
    CHECK(misplaced.output.contains(u"for next, end and the speaker's time"_s));
    // The speaker's time is the speech's: +30 s for a speaker no longer on the floor is refused.
    const Ended stalePlus = runToEnd(
        at + QStringList{u"--expect-floor"_s, u"0"_s, u"adjust"_s, u"speaker"_s, u"30000"_s});
    CHECK(stalePlus.exitCode == 2);
    CHECK(stalePlus.output.contains(u"Refused"_s));
    const Ended digest = runToEnd(at + QStringList{u"digest"_s});
    const QRegularExpressionMatch alone = // a line of its own, among the log's
        QRegularExpression(u"^([0-9a-f]{64})$"_s, QRegularExpression::MultilineOption)
            .match(digest.output);
    REQUIRE(alone.hasMatch());
    const QString line = alone.captured(1);
    const Ended json = runToEnd(at + QStringList{u"state"_s, u"--json"_s});
    CHECK(json.output.contains(u"\"digest\": \""_s + line + u'"'));
    CHECK(json.output.contains(u"\"now\": "_s)); // the host's clock, for the time left
    const Ended digestJson = runToEnd(at + QStringList{u"digest"_s, u"--json"_s});
    CHECK(digestJson.output.contains(u"{\"digest\":\""_s + line + u"\"}"_s));

    // A minus sign belongs to the command ("Unknown options: 3, 0, 0, 0, 0" before).
    CHECK(runToEnd(at + QStringList{u"adjust"_s, u"speaker"_s, u"-30000"_s}).exitCode == 0);

    // Refused before it joins: there is no host here (it waited 20 s to say "No answer").
    const Ended bogus =
        runToEnd({u"ctl"_s, u"--join"_s, u"127.0.0.1:9"_s, u"--code"_s, control, u"bogus"_s});
    CHECK(bogus.exitCode == 2);
    CHECK(bogus.output.contains(u"unknown command"_s));
    CHECK(bogus.output.contains(u"next, end, add"_s)); // what there is instead
    // A number too long for a clock was called no number.
    const Ended huge = runToEnd({u"ctl"_s, u"--join"_s, u"127.0.0.1:9"_s, u"--code"_s, control,
                                 u"adjust"_s, u"speaker"_s, u"99999999999999999999"_s});
    CHECK(huge.exitCode == 2);
    CHECK(huge.output.contains(u"at most an hour"_s));
    // The host's own limits, said before the round trip it would refuse (a day was let through).
    for (const QString& ms : {u"3600001"_s, u"86400000"_s, u"0"_s}) {
        const Ended beyond = runToEnd({u"ctl"_s, u"--join"_s, u"127.0.0.1:9"_s, u"--code"_s,
                                       control, u"adjust"_s, u"session"_s, ms});
        CHECK(beyond.exitCode == 2);
        CHECK(beyond.output.contains(u"at most an hour"_s));
    }
    // Longer than the stage takes: said before joining, not after a round trip ("Refused by the
    // host"); a message too large for one frame was never sent either.
    for (const QString& word : {QString(141, u'x'), QString(100'000, u'x')}) {
        const Ended refused = runToEnd(
            {u"ctl"_s, u"--join"_s, u"127.0.0.1:9"_s, u"--code"_s, control, u"message"_s, word});
        CHECK(refused.exitCode == 2);
        CHECK(refused.output.contains(u"140 characters at most"_s));
        CHECK_FALSE(refused.output.contains(u"Refused by the host"_s));
    }
    const Ended part = runToEnd({u"ctl"_s, u"--join"_s, u"127.0.0.1:9"_s, u"--code"_s, control,
                                 u"adjust"_s, u"speaker"_s, u"30.5"_s});
    CHECK(part.exitCode == 2);
    CHECK(part.output.contains(u"whole milliseconds"_s));
    // "state json" printed the summary as if nothing were wrong
    const Ended stray = runToEnd(
        {u"ctl"_s, u"--join"_s, u"127.0.0.1:9"_s, u"--code"_s, control, u"state"_s, u"json"_s});
    CHECK(stray.exitCode == 2);
    CHECK(stray.output.contains(u"--json"_s));
    // After "next", --expect-floor was one of its words, and the stale next went through.
    const QStringList nowhere{u"ctl"_s, u"--join"_s, u"127.0.0.1:9"_s, u"--code"_s, control};
    const Ended late = runToEnd(nowhere + QStringList{u"next"_s, u"--expect-floor"_s, u"10"_s});
    CHECK(late.exitCode == 2);
    CHECK(late.output.contains(u"go before the command"_s));
    CHECK(runToEnd(nowhere + QStringList{u"add"_s, u"5"_s, u"junk"_s}).exitCode == 2);
    CHECK(runToEnd(nowhere + QStringList{u"end"_s, u"please"_s}).exitCode == 2);

    // A digest written nowhere (a full disk under "> file") exited 0: the script read nothing.
    for (const QStringList& read :
         {QStringList{u"digest"_s}, QStringList{u"state"_s, u"--json"_s}}) {
        INFO(read.join(u' ').toStdString());
        QProcess full;
        full.setStandardOutputFile(u"/dev/full"_s);
        full.setProcessChannelMode(QProcess::SeparateChannels);
        full.start(QStringLiteral(PODIUM_BINARY), at + read);
        REQUIRE(full.waitForFinished(30000));
        CHECK(full.exitCode() == 1);
        CHECK(full.readAllStandardError().contains("Could not write to the standard output"));
    }
}

// ctl printed the time left by its own machine's clock before the host's was known: against a
// host an hour ahead, the speaker had an hour more left.
TEST_CASE("podium ctl: state gives the time left by the host's clock, whatever this machine's") {
    // libfaketime, preloaded as the faketime command does (which forks: its child outlived the
    // test); the loader reads $LIB as this machine's library folder.
    const QString library = u"/usr/$LIB/faketime/libfaketime.so.1"_s;
    REQUIRE_FALSE(QStandardPaths::findExecutable(u"faketime"_s).isEmpty()); // scripts/deps.sh
    QTemporaryDir dir;
    Proc host({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
               u"--session"_s, dir.filePath(u"host.podium"_s)},
              {}, {{u"LD_PRELOAD"_s, library}, {u"FAKETIME"_s, u"+1h"_s}});
    const QString port = host.waitFor(u"listening on port (\\d+)"_s);
    const QString control = host.waitFor(u"control code: (\\S+)"_s);
    REQUIRE_FALSE(control.isEmpty());
    const QStringList at{u"ctl"_s, u"--join"_s, u"127.0.0.1:"_s + port, u"--code"_s, control};
    REQUIRE(runToEnd(at + QStringList{u"add"_s, u"3"_s}).exitCode == 0);
    // Nobody on the floor is a null floor, not a missing key.
    const QString before = runToEnd(at + QStringList{u"state"_s, u"--json"_s}).output;
    CHECK(before.contains(u"\"floor\": null"_s));
    // No segment running: no segment time left (0 read as time up), the session's whole.
    const QJsonObject left = QJsonDocument::fromJson(before.mid(before.indexOf(u'{')).toUtf8())
                                 .object()[u"remainingMs"_s]
                                 .toObject();
    CHECK(left.keys() == QStringList{u"session"_s});
    CHECK(left[u"session"_s].toInteger() == 5'400'000);
    REQUIRE(runToEnd(at + QStringList{u"next"_s}).exitCode == 0);
    const Ended state = runToEnd(at + QStringList{u"state"_s});
    INFO(state.output.toStdString());
    // Minutes of a speech's allotment left, not an hour and more.
    CHECK(
        QRegularExpression(u"On the floor: .+, \\d:\\d\\d left"_s).match(state.output).hasMatch());
    const Ended json = runToEnd(at + QStringList{u"state"_s, u"--json"_s});
    const QRegularExpressionMatch now = QRegularExpression(u"\"now\": (\\d+)"_s).match(json.output);
    REQUIRE(now.hasMatch());
    const qint64 hostNow = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
    CHECK(qAbs(now.captured(1).toLongLong() - hostNow) < 600'000); // the host's hour, not ours
    // The time left worked out for scripts, by the host's clock: the speaker's minutes.
    const QJsonObject parsed =
        QJsonDocument::fromJson(json.output.mid(json.output.indexOf(u'{')).toUtf8()).object();
    const qint64 speaker = qint64(parsed[u"remainingMs"_s][u"speaker"_s].toDouble());
    CHECK(speaker > 0);
    CHECK(speaker <= 10 * 60'000);
}

// The host's own full disk refused every command, and whoever ran it was told only by the
// sync's log, which scripts silence. (A file size limit stands in for the full disk.)
TEST_CASE("a headless host whose disk refuses the session's changes says so on its own output") {
    QTemporaryDir dir;
    const QString file = dir.filePath(u"host.podium"_s);
    // A file size limit stands in for a full disk: writes past it fail (SIGXFSZ ignored).
    Proc host({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
               u"--session"_s, file},
              {u"bash"_s, u"-c"_s, u"trap '' XFSZ; ulimit -f 200; exec \"$0\" \"$@\""_s});
    const QString port = host.waitFor(u"listening on port (\\d+)"_s);
    const QString control = host.waitFor(u"control code: (\\S+)"_s);
    REQUIRE_FALSE(control.isEmpty());
    TestSeat driver(u"driver"_s);
    driver.seat.join({u"127.0.0.1"_s, quint16(port.toUInt())}, control);
    REQUIRE(waitUntil([&] { return driver.live(); }));
    Result<bool> done = true;
    for (int i = 0; i < 500 && done; ++i) // each event takes a page or more of the file's log
        done = submitAndWait(driver, Action::SetStageMessage, {{u"text"_s, u"m%1"_s.arg(i)}});
    REQUIRE_FALSE(done);
    CHECK(done.error().contains(u"disk is full"_s));
    CHECK_FALSE(host.waitFor(u"(warning: the session file .*host.podium cannot be written: The "
                             "disk is full)"_s)
                    .isEmpty());
}

TEST_CASE("podium ctl: a join, code or timeout that cannot be right is refused at once, and a "
          "host that does not answer is named with the link's last words") {
    const QString nowhere = u"127.0.0.1:%1"_s.arg(freePort());
    const QList<std::pair<QStringList, QString>> cases{
        {{u"--join"_s, u"127.0.0.1:113636"_s, u"--code"_s, u"X"_s}, u"HOST:PORT"_s},
        {{u"--join"_s, u"127.0.0.1:"_s, u"--code"_s, u"X"_s}, u"HOST:PORT"_s},
        {{u"--join"_s, nowhere}, u"--code"_s},
        {{u"--join"_s, nowhere, u"--code"_s, u"X"_s, u"--timeout"_s, u"-1"_s}, u"--timeout"_s},
        {{u"--join"_s, nowhere, u"--code"_s, u"X"_s, u"--timeout"_s, u"0"_s}, u"--timeout"_s},
        {{u"--join"_s, nowhere, u"--code"_s, u"X"_s, u"--frobnicate"_s}, u"frobnicate"_s},
        // not sent to a host that can only refuse it
        {{u"--join"_s, nowhere, u"--code"_s, u"X"_s}, u"is not a join code"_s}};
    for (const auto& [args, named] : cases) {
        INFO(args.join(u' ').toStdString());
        const Ended ended = runToEnd(QStringList{u"ctl"_s} + args + QStringList{u"state"_s});
        CHECK(ended.exitCode == 2);
        CHECK(ended.output.contains(named));
    }
    const Ended unanswered =
        runToEnd({u"ctl"_s, u"--join"_s, nowhere, u"--code"_s, sync::generateJoinCode(),
                  u"--timeout"_s, u"1"_s, u"state"_s});
    CHECK(unanswered.exitCode == 3);
    CHECK(unanswered.output.contains(u"No answer from %1 in 1 s"_s.arg(nowhere)));
    CHECK(unanswered.output.contains(u"Connection refused"_s));
    CHECK_FALSE(unanswered.output.contains(u"podium.sync"_s)); // the outcome, not the log
    // A name that cannot resolve waited out the whole timeout, then said "No answer". (This one
    // fails before any DNS query: the test needs no network.)
    const Ended unnamed = runToEnd({u"ctl"_s, u"--join"_s, u"a..b:47999"_s, u"--code"_s,
                                    sync::generateJoinCode(), u"--timeout"_s, u"20"_s, u"state"_s});
    CHECK(unnamed.exitCode == 1);
    CHECK(unnamed.output.contains(u"Cannot find the host “a..b”"_s));
    // --json with a command that changes something was dropped without a word.
    const Ended jsonNext =
        runToEnd({u"ctl"_s, u"--join"_s, nowhere, u"--code"_s, u"X"_s, u"--json"_s, u"next"_s});
    CHECK(jsonNext.exitCode == 2);
    CHECK(jsonNext.output.contains(u"--json is for state and digest"_s));
}

// It printed the error and ran on: the refusal came before its event loop began, which missed it.
TEST_CASE("a headless seat given a code that cannot be one says so and exits") {
    QTemporaryDir dir;
    const Ended ended =
        runToEnd({u"--headless"_s, u"--join"_s, u"127.0.0.1:%1"_s.arg(freePort()), u"--code"_s,
                  u"bad"_s, u"--session"_s, dir.filePath(u"seat.podium"_s)});
    CHECK(ended.exitCode == 2);
    CHECK(ended.output.contains(u"is not a join code"_s));
}

// Ended by the desktop (SIGTERM), the cockpit died as if killed: its lock, -wal and -shm stayed
// beside the session file, and the next start said it had been left open.
TEST_CASE("the cockpit ended with SIGTERM closes its session file and leaves nothing beside it") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"session.podium"_s);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    for (const QString& name : {u"HOME"_s, u"XDG_CONFIG_HOME"_s, u"XDG_DATA_HOME"_s})
        env.insert(name, dir.filePath(u"home"_s)); // its settings and recent files, not ours
    QProcess cockpit;
    cockpit.setProcessEnvironment(env);
    cockpit.setProcessChannelMode(QProcess::MergedChannels);
    cockpit.start(QStringLiteral(PODIUM_BINARY), {u"--demo"_s, u"--session"_s, path});
    // The lock is taken after the handler is in place: a signal from then on is heard.
    REQUIRE(waitUntil([&] { return QFile::exists(path + u".lock"_s); }, 30000));
    ::kill(pid_t(cockpit.processId()), SIGTERM);
    REQUIRE(cockpit.waitForFinished(15000));
    const QString output = QString::fromUtf8(cockpit.readAll());
    INFO(output.toStdString());
    CHECK(cockpit.exitStatus() == QProcess::NormalExit);
    CHECK(cockpit.exitCode() == 0);
    CHECK(output.contains(u"stopping: asked to terminate"_s));
    CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{u"session.podium"_s});
    CHECK(checkFile(path).isEmpty());
}

// The rehearsal: the host's laptop started again with `--host` after a crash hosted the session
// again, but its voting page, ticked on by hand, stayed off, and the phones got nowhere.
TEST_CASE("the cockpit started again with --host after a crash serves its voting page again") {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"session.podium"_s);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    for (const QString& name : {u"HOME"_s, u"XDG_CONFIG_HOME"_s, u"XDG_DATA_HOME"_s})
        env.insert(name, dir.filePath(u"home"_s));
    const auto start = [&](QProcess& cockpit, const QStringList& extra) {
        cockpit.setProcessEnvironment(env);
        cockpit.setProcessChannelMode(QProcess::MergedChannels);
        cockpit.start(QStringLiteral(PODIUM_BINARY),
                      QStringList{u"--demo"_s, u"--session"_s, path, u"--host"_s, u"--port"_s,
                                  QString::number(freePort())} +
                          extra);
    };
    const QRegularExpression voting(u"voting page on port (\\d+)"_s);
    QString port;
    {
        QProcess first;
        start(first, {u"--web-voting"_s, u"0"_s});
        REQUIRE(waitUntil(
            [&] {
                first.waitForReadyRead(100);
                const auto m = voting.match(QString::fromUtf8(first.peek(1 << 20)));
                port = m.captured(1);
                return m.hasMatch();
            },
            30000));
        // Once its file says so (written as the page starts): then a crash, the file left open,
        // its lock behind.
        REQUIRE(waitUntil(
            [&] {
                const auto file = SessionFile::open(path, OpenMode::View);
                return file && file.value()->metadata(u"web_voting_port"_s) == port;
            },
            30000));
        first.kill();
        REQUIRE(first.waitForFinished(15000));
    }
    QProcess again;
    start(again, {}); // the moderator's usual command, without --web-voting
    QString output;
    REQUIRE(waitUntil(
        [&] {
            again.waitForReadyRead(100);
            output += QString::fromUtf8(again.readAll());
            return voting.match(output).hasMatch();
        },
        30000));
    CHECK(voting.match(output).captured(1) == port);
    again.kill();
    again.waitForFinished(15000);
}

TEST_CASE("a headless seat stopped with SIGTERM, Ctrl+C or a closed terminal closes its session "
          "file and leaves nothing beside it") {
    for (const int sig : {SIGTERM, SIGINT, SIGHUP}) {
        INFO(sig);
        // A signal this test runs ignoring (under nohup, or as a script's background job) the
        // seat inherits, and rightly leaves ignored.
        struct sigaction now {};
        if (::sigaction(sig, nullptr, &now) == 0 && now.sa_handler == SIG_IGN)
            continue;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"host.podium"_s);
        Proc host({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
                   u"--session"_s, path});
        REQUIRE_FALSE(host.waitFor(u"listening on port (\\d+)"_s).isEmpty());
        host.signal(sig);
        REQUIRE(host.process.waitForFinished(10000));
        host.out += QString::fromUtf8(host.process.readAllStandardOutput());
        CHECK(host.process.exitStatus() == QProcess::NormalExit);
        CHECK(host.process.exitCode() == 0);
        CHECK(host.out.contains(u"stopping:"_s));
        CHECK(QDir(dir.path()).entryList(QDir::Files) == QStringList{u"host.podium"_s});
        CHECK(checkFile(path).isEmpty());
    }
}

// `--session FILE` named where a joining cockpit keeps the host's session, as a headless seat's
// does: the cockpit made the demo session there, and kept the host's in a copy of its own.
TEST_CASE("a cockpit joining with a session file not yet made keeps the host's session there") {
    QTemporaryDir dir;
    Proc host({u"--headless"_s, u"--host"_s, u"--bind"_s, u"127.0.0.1"_s, u"--port"_s, u"0"_s,
               u"--session"_s, dir.filePath(u"host.podium"_s)});
    const QString session = host.waitFor(u"session: (\\S+)"_s);
    const QString control = host.waitFor(u"control code: (\\S+)"_s);
    const QString port = host.waitFor(u"listening on port (\\d+)"_s);
    REQUIRE_FALSE(port.isEmpty());
    const QString mine = dir.filePath(u"mine.podium"_s);
    const QString home = dir.filePath(u"home"_s);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    for (const QString& name : {u"HOME"_s, u"XDG_CONFIG_HOME"_s, u"XDG_DATA_HOME"_s})
        env.insert(name, home);
    QProcess cockpit;
    cockpit.setProcessEnvironment(env);
    cockpit.setProcessChannelMode(QProcess::MergedChannels);
    cockpit.start(QStringLiteral(PODIUM_BINARY), {u"--join"_s, u"127.0.0.1:"_s + port, u"--code"_s,
                                                  control, u"--session"_s, mine});
    const auto holdsHostsSession = [&] {
        if (!QFile::exists(mine))
            return false;
        const auto file = SessionFile::open(mine, OpenMode::View);
        return file && file.value()->state().sessionId == session;
    };
    CHECK(waitUntil(holdsHostsSession, 30000));
    ::kill(pid_t(cockpit.processId()), SIGTERM);
    REQUIRE(cockpit.waitForFinished(15000));
    INFO(QString::fromUtf8(cockpit.readAll()).toStdString());
    QDirIterator copies(home, {u"joined-*"_s}, QDir::Files, QDirIterator::Subdirectories);
    CHECK_FALSE(copies.hasNext());
    CHECK(checkFile(mine).isEmpty());
}
