#include "headless.h"

#include "voting_server.h"

#include "model/event_text.h"
#include "plan/plan.h"
#include "seat.h"
#include "session_journal.h"
#include "stop_on_signals.h"
#include "store/session_file.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>
#include <csignal>

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::headless", text);
}

QTextStream& out() {
    static QTextStream s(stdout);
    return s;
}

void say(const QString& line) {
    out() << line << Qt::endl; // flushed: scripts and tests read it as it comes
}

// A seat's own session file (the SQLite one the cockpit uses): opened if it exists, created
// if not (from the demo plan on a host; empty on a joining seat, which takes the host's state).
struct HeadlessSeat {
    SystemClock clock;
    SessionEngine engine{clock};
    Seat seat{engine, clock};
    web::VotingServer voting{engine};
    std::unique_ptr<SessionFile> file;
    std::unique_ptr<SessionFileJournal> journal;

    Result<bool> openFile(const QString& path, bool hosting) {
        auto opened = QFileInfo::exists(path) ? SessionFile::open(path)
                      : hosting               ? SessionFile::create(path, demoPlan(), clock.nowMs())
                                              : SessionFile::createReplica(path);
        if (!opened)
            return Result<bool>::failure(opened.error());
        file = std::move(opened).value();
        if (file->isReadOnly())
            return Result<bool>::failure(
                tr("%1 cannot be written: %2 A seat must keep the session on disk.")
                    .arg(path, file->readOnlyReason()));
        if (auto ok = restoreLog(seat.log(), *file); !ok)
            return ok;
        engine.reset(file->state());
        journal = std::make_unique<SessionFileJournal>(*file);
        seat.setDurableJournal(journal.get());
        return true;
    }

    // A file this run made that holds nothing of a session (a code refused, a port taken) goes:
    // left behind, `--check` showed it as a session with no title, mistaken for one.
    void removeIfUnused(const QString& path, bool made, bool failedEarly) {
        if (!made || !file || (!failedEarly && !file->sessionId().isEmpty()))
            return;
        seat.setDurableJournal(nullptr);
        journal.reset();
        file.reset();
        for (const QString& part : {path, path + u"-wal"_s, path + u"-shm"_s})
            QFile::remove(part);
    }
};

// Exit codes: 1 cannot host, 2 bad arguments or the seat failed (wrong code, versions),
// 4 the session file cannot be used (locked by another Podium, damaged, not writable).
constexpr int exitBadFile = 4;

int fail(const QString& why, int code = 1) {
    QTextStream(stderr) << why << Qt::endl;
    return code;
}

void reportSeat(HeadlessSeat& h) {
    // This seat's own disk refusing the session's changes: on a host, every command is refused,
    // and whoever runs it heard of it only from the seats, or the sync's log that scripts silence.
    QObject::connect(&h.engine, &SessionEngine::journalFailingChanged, [&h](bool failing) {
        const QString file = h.file ? h.file->path() : QString();
        say(failing ? u"warning: the session file %1 cannot be written: %2"_s.arg(
                          file, h.engine.journalError())
                    : u"status: the session file %1 is written again"_s.arg(file));
    });
    QObject::connect(&h.seat, &Seat::statusChanged,
                     [](const QString& s) { say(u"status: "_s + s); });
    QObject::connect(&h.seat, &Seat::failed, [](const QString& s) {
        say(u"error: "_s + s);
        QCoreApplication::exit(2);
    });
    QObject::connect(&h.seat, &Seat::orphaned, [&h](const QList<Event>& events) {
        say(u"orphaned: %1 events (seq %2..%3) of this seat never reached the session's host; "
            "kept apart in its file, not merged:"_s.arg(events.size())
                .arg(events.first().seq)
                .arg(events.last().seq));
        for (const Event& e : events) // the state they were made in is still the engine's
            say(u"  "_s + describeEvent(e, h.engine.state()));
    });
    QObject::connect(&h.seat, &Seat::superseded, [](const Endpoint& leader) {
        say(u"stepping down: the host at %1:%2 leads this session; joining it with control"_s
                .arg(leader.host)
                .arg(leader.port));
    });
}

// To step down for another host of this session that leads.
void hearRivals(HeadlessSeat& h) {
    if (!h.seat.listenForRivals())
        say(u"warning: cannot hear other hosts on UDP port %1"_s.arg(defaultBeaconPort));
}

// A host that announces itself also hears the others.
void announce(HeadlessSeat& h) {
    h.seat.announce();
    hearRivals(h);
}

int host(HeadlessSeat& h, const QCommandLineParser& p) {
    if (h.engine.state().sessionId.isEmpty()) {
        if (auto created = h.engine.create(demoPlan()); !created)
            return fail(created.error());
    }
    // The codes of a run that ended without stopping, and its port unless another is asked
    // for, so that the seats come back by themselves (a seat that had taken over on 48302 came
    // back on 47600, where none looked).
    const quint16 kept = h.file && wasHosted(*h.file) ? hostedPort(*h.file) : 0;
    const quint16 port =
        p.isSet(u"port"_s) || kept == 0 ? quint16(p.value(u"port"_s).toUInt()) : kept;
    // Every address, IPv6 as well (as the cockpit hosts): "0.0.0.0" left out a seat that
    // reached the host by an IPv6 address.
    const QHostAddress bind =
        p.isSet(u"bind"_s) ? QHostAddress(p.value(u"bind"_s)) : QHostAddress(QHostAddress::Any);
    const JoinCodes codes = codesToHostWith(h.file.get());
    if (auto ok = h.seat.host(port, bind, codes); !ok)
        return fail(tr("%1 (--port and --bind choose where to host; port 0 takes a free one)")
                        .arg(ok.error()));
    say(u"session: "_s + h.engine.state().sessionId);
    say(u"control code: "_s + h.seat.controlCode());
    say(u"read-only code: "_s + h.seat.readOnlyCode());
    say(u"listening on port %1 epoch %2"_s.arg(h.seat.syncHost()->port())
            .arg(h.seat.syncHost()->epoch()));
    if (p.isSet(u"announce"_s))
        announce(h);
    if (p.isSet(u"web-voting"_s)) {
        // Who voted before a restart; and the seats are told where the page is in the beacons.
        const auto log = h.file ? h.file->events() : Result<QList<Event>>(QList<Event>());
        const auto voting = h.voting.start(quint16(p.value(u"web-voting"_s).toUInt()), bind,
                                           log ? *log : QList<Event>());
        if (!voting) // the seats are served all the same
            say(u"voting page not served: "_s + voting.error());
        else
            say(u"voting page on port %1"_s.arg(*voting));
        h.seat.setVotingPort(voting ? *voting : 0);
    }
    return -1;
}

int join(HeadlessSeat& h, const QCommandLineParser& p) {
    const auto endpoint = parseEndpoint(p.value(u"join"_s));
    if (!endpoint)
        return fail(tr("--join wants HOST:PORT"));
    // Without --takeover-port, a takeover hosts on the host's own port, as the others expect.
    const quint16 takeoverPort = p.isSet(u"takeover-port"_s)
                                     ? quint16(p.value(u"takeover-port"_s).toUInt())
                                     : endpoint->port;
    h.seat.join(*endpoint, p.value(u"code"_s), takeoverPort);
    const int after = p.value(u"takeover-after"_s).toInt();
    if (after <= 0)
        return -1;
    // Takes over hosting when the host has been unreachable this long (the moderator's call,
    // made in advance for an unattended seat).
    auto* timer = new QTimer(&h.seat);
    timer->start(250);
    const bool listening = p.isSet(u"announce"_s);
    QObject::connect(
        timer, &QTimer::timeout,
        [&h, lost = QElapsedTimer(), after, takeoverPort, listening, toldReadOnly = false,
         toldNoKeys = false]() mutable {
            if (h.seat.mode() == Seat::Mode::Joined &&
                h.seat.syncPeer()->role() == Authority::ReadOnly &&
                h.seat.syncPeer()->state() == SyncPeer::State::Live &&
                !std::exchange(toldReadOnly, true))
                say(u"warning: this seat joined read-only: it cannot take over hosting "
                    "(--takeover-after needs the control code)"_s);
            // Not for this seat's own full disk: no reason to host the session a second time.
            if (h.seat.mode() != Seat::Mode::Joined ||
                h.seat.syncPeer()->state() == SyncPeer::State::Live ||
                h.seat.syncPeer()->troubleIsThisSeat()) {
                lost.invalidate();
                return;
            }
            if (!lost.isValid())
                lost.start();
            if (lost.elapsed() < after * 1000)
                return;
            if (!h.seat.canTakeOver()) {
                // Restarted while the host was away: the session's read-only key, which the
                // seats would need, comes only with a host's welcome. Silent, it looked like a
                // seat about to take over, while the session had no host.
                if (!h.seat.syncPeer()->everWelcomed() && !std::exchange(toldNoKeys, true))
                    say(u"warning: cannot take over hosting: no host has let this seat in since "
                        "it started, and the session's read-only key comes with that; it keeps "
                        "trying the host (to host this session here instead, start this seat "
                        "with --host on a file that hosted it)"_s);
                return;
            }
            // The timer goes on: a seat that took over and later gave way (the old host came back)
            // takes over again if that host goes too.
            lost.invalidate();
            if (auto ok = h.seat.takeOver(takeoverPort); !ok)
                return say(u"error: "_s + ok.error());
            say(u"took over hosting on port %1 epoch %2"_s.arg(takeoverPort)
                    .arg(h.seat.syncHost()->epoch()));
            say(u"control code: "_s + h.seat.controlCode());
            say(u"read-only code: "_s + h.seat.readOnlyCode());
            // Announced always, --announce or not: the beacon is how the old host, should it
            // wake (a lid opened), learns the session went on here and gives way. Unheard, it
            // served the scripts that still had its address, and the session split in two. Only
            // with --announce does this seat also listen, to give way in turn: the old host's
            // links, dead but not yet noticed, could make it look the one the seats follow.
            h.seat.announce();
            if (listening)
                hearRivals(h);
        });
    return -1;
}

} // namespace

void addHeadlessOptions(QCommandLineParser& parser) {
    parser.addOptions({
        {u"headless"_s, tr("Run without a window (with --host or --join).")},
        {u"host"_s, tr("Host the session for other seats.")},
        {u"port"_s, tr("Port to host on (default %1).").arg(defaultSyncPort), u"port"_s,
         QString::number(defaultSyncPort)},
        {u"bind"_s, tr("Address to host on (default: all)."), u"address"_s},
        {u"announce"_s,
         tr("Announce the hosted session on the LAN (headless; the cockpit always does).")},
        {u"session"_s,
         tr("This seat's session file (created if missing). In the cockpit, the file to open "
            "(created with --demo); with --join, a missing file is where the cockpit keeps the "
            "host's session (otherwise, in a copy of its own)."),
         u"file"_s},
        {u"join"_s, tr("Join the host at HOST:PORT."), u"host:port"_s},
        {u"code"_s, tr("The join code the host shows."), u"code"_s},
        {u"takeover-port"_s, tr("Port to host on if this seat takes over."), u"port"_s},
        {u"takeover-after"_s, tr("Take over hosting after the host was gone this long."),
         u"seconds"_s},
        {u"web-voting"_s,
         tr("With --host: serve the room's voting page, where phones vote in the open poll, on "
            "this port (%1 is usual; 0 takes a free one).")
             .arg(web::defaultVotingPort),
         u"port"_s},
    });
}

QString syncOptionsError(const QCommandLineParser& p) {
    for (const QString& name : {u"port"_s, u"takeover-port"_s, u"web-voting"_s}) {
        bool number = false;
        const uint port = p.value(name).toUInt(&number);
        if (p.isSet(name) && (!number || port > 65535))
            return tr("--%1 wants a port number from 0 to 65535, not “%2”.")
                .arg(name, p.value(name));
    }
    // Before anything opens the session file: it was created (or locked) first.
    if (p.isSet(u"headless"_s) && !p.isSet(u"host"_s) && !p.isSet(u"join"_s))
        return tr("--headless needs --host or --join.");
    // Votes are counted where commands are decided: a joined seat's page would count nothing.
    if (p.isSet(u"web-voting"_s) && !p.isSet(u"host"_s))
        return tr("--web-voting serves the voting page of a host: use it with --host.");
    // A window's options do nothing without one: "--scene live" hosted an empty session.
    for (const QString& name :
         {u"scene"_s, u"stage"_s, u"audience"_s, u"display-screen"_s, u"role"_s, u"theme"_s}) {
        if (p.isSet(u"headless"_s) && p.optionNames().contains(name))
            return tr("--%1 is for the cockpit's window, not with --headless.").arg(name);
    }
    if (p.isSet(u"headless"_s) &&
        p.positionalArguments().size() + (p.isSet(u"session"_s) ? 1 : 0) > 1)
        return tr("Give the session file once: as an argument, or with --session.");
    if (p.isSet(u"bind"_s) && QHostAddress(p.value(u"bind"_s)).isNull())
        return tr("--bind wants an IP address of this machine, not “%1”.").arg(p.value(u"bind"_s));
    if (p.isSet(u"join"_s) && !parseEndpoint(p.value(u"join"_s)))
        return tr("--join wants HOST:PORT ([ADDRESS]:PORT for IPv6), not “%1”.")
            .arg(p.value(u"join"_s));
    if (p.isSet(u"join"_s) && p.value(u"code"_s).trimmed().isEmpty())
        return tr("--join needs --code: one of the codes the host shows.");
    // One seat either hosts or joins: with both, --join was ignored without a word.
    if (p.isSet(u"join"_s) && p.isSet(u"host"_s))
        return tr("--host and --join exclude each other: a seat hosts the session or joins it.");
    // An unattended backup that would never take over must say so before the session needs it.
    if (p.isSet(u"takeover-after"_s)) {
        bool number = false;
        const int seconds = p.value(u"takeover-after"_s).toInt(&number);
        if (!number || seconds < 1)
            return tr("--takeover-after wants a number of seconds, 1 or more, not “%1”.")
                .arg(p.value(u"takeover-after"_s));
        if (!p.isSet(u"join"_s))
            return tr("--takeover-after is for a seat that joins (--join) with the control code.");
    }
    return {};
}

int runHeadless(const QCommandLineParser& p) {
    if (!p.isSet(u"headless"_s))
        return -1;
    if (const QString error = syncOptionsError(p); !error.isEmpty())
        return fail(error, 2);
    std::signal(SIGPIPE, SIG_IGN);
    StopOnSignals stop([](int signal) {
        say(u"stopping: "_s + StopOnSignals::reason(signal));
        QCoreApplication::quit();
    });
    HeadlessSeat h;
    h.seat.setSeatName(p.isSet(u"host"_s) ? u"headless host"_s : u"headless seat"_s);
    // As in the cockpit, the file may be named without --session: it was ignored, and the
    // session went on in memory only.
    const QString file =
        p.isSet(u"session"_s) ? p.value(u"session"_s) : p.positionalArguments().value(0);
    const bool made = !file.isEmpty() && !QFileInfo::exists(file);
    if (!file.isEmpty()) {
        if (auto ok = h.openFile(file, p.isSet(u"host"_s)); !ok)
            return fail(tr("Cannot use the session file: %1").arg(ok.error()), exitBadFile);
    } else {
        say(tr("no session file (--session FILE): this seat keeps the session in memory only, "
               "and loses it when it stops"));
    }
    reportSeat(h);
    const int early = p.isSet(u"host"_s)   ? host(h, p)
                      : p.isSet(u"join"_s) ? join(h, p)
                                           : fail(tr("--headless needs --host or --join"), 2);
    if (early >= 0) {
        if (early != 0)
            h.removeIfUnused(file, made, true);
        return early;
    }
    QObject::connect(&h.engine, &SessionEngine::eventApplied,
                     [](const Event& e, const SessionState&) {
                         if (e.seq % 100 == 0)
                             say(u"seq %1"_s.arg(e.seq));
                     });
    const int code = QCoreApplication::exec();
    if (code != 0)
        h.removeIfUnused(file, made, false);
    return code;
}

} // namespace podium::sync
