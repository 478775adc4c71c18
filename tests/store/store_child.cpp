// A Podium seat in a child process, for the tests that kill it, lock against it, or fill its
// disk. It prints one line per fact the parent relies on, flushed at once.
#include "engine/clock.h"
#include "engine/session_engine.h"
#include "model/codec.h"
#include "plan/plan.h"
#include "store/session_file.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <csignal>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace podium;
using namespace Qt::StringLiterals;

namespace {

void say(const QString& line) {
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

int failWith(const QString& why) {
    say(u"error "_s + why);
    return 1;
}

Command command(Action action, QCborMap args = {}) {
    Command c;
    c.id = newCommandId();
    c.authority = Authority::Moderator;
    c.action = action;
    c.args = std::move(args);
    return c;
}

// Commands that are always accepted, chosen from the state: someone asks for the floor, gets
// it, their time is paused, resumed and extended, and they finish.
Command nextInCycle(const SessionState& s) {
    if (!s.floor) {
        for (const QueueEntry& e : s.queue) {
            if (!e.withdrawn)
                return command(Action::Next);
        }
        const Participant& p = s.participants[s.lastSeq % s.participants.size()];
        return command(Action::AddEntry, {{u"participant"_s, p.id}});
    }
    switch (s.lastSeq % 4) {
    case 0:
        return command(Action::EndSpeech);
    case 1:
        return command(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, 30'000}});
    default:
        return command(s.floor->countdown.running ? Action::PauseTimer : Action::StartTimer,
                       {{u"timer"_s, u"speaker"_s}});
    }
}

void blockUntilStdinCloses() {
    char c;
    while (::read(0, &c, 1) > 0) {
    }
}

// append FILE [COUNT]: appends events forever (or COUNT of them), printing each committed seq.
int appendEvents(const QString& path, qint64 count) {
    FakeClock clock;
    auto file = SessionFile::openOrCreate(path, demoPlan(), clock.nowMs());
    if (!file)
        return failWith(file.error());
    file.value()->setSnapshotInterval(25); // so that kills also land inside snapshot writes
    SessionEngine engine(clock);
    file.value()->attach(engine);
    clock.set(engine.state().lastSeq * 1000 + clock.nowMs());
    for (qint64 i = 0; count < 0 || i < count; ++i) {
        clock.advance(1000);
        auto done = engine.execute(nextInCycle(engine.state()));
        if (!done)
            return failWith(done.error());
        say(QString::number(done->seq));
    }
    return 0;
}

// hold FILE: keeps the file open for editing until stdin closes.
int hold(const QString& path) {
    auto file = SessionFile::open(path);
    if (!file)
        return failWith(file.error());
    say(u"locked %1"_s.arg(QCoreApplication::applicationPid()));
    blockUntilStdinCloses();
    return 0;
}

// countdown FILE START: a speaker gets the floor at START; prints the allotment, then waits.
int countdown(const QString& path, qint64 start) {
    FakeClock clock(start);
    auto file = SessionFile::create(path, demoPlan(), clock.nowMs());
    if (!file)
        return failWith(file.error());
    SessionEngine engine(clock);
    file.value()->attach(engine);
    const Id someone = engine.state().participants.last().id;
    if (!engine.execute(command(Action::AddEntry, {{u"participant"_s, someone}})) ||
        !engine.execute(command(Action::Next)))
        return failWith(u"cannot give the floor"_s);
    say(u"allotted %1"_s.arg(engine.state().floor->countdown.allottedMs));
    blockUntilStdinCloses();
    return 0;
}

bool setFileSizeLimit(rlim_t bytes) {
    rlimit limit{};
    getrlimit(RLIMIT_FSIZE, &limit);
    limit.rlim_cur = bytes;
    return setrlimit(RLIMIT_FSIZE, &limit) == 0;
}

// fill FILE LIMIT: appends under a file size limit until the disk is "full", tries once more,
// then lifts the limit and appends again. Prints "ok SEQ", "full DIGEST-UNCHANGED MESSAGE".
int fill(const QString& path, qint64 limit) {
    std::signal(SIGXFSZ, SIG_IGN); // writes fail with EFBIG instead of killing the process
    FakeClock clock;
    auto file = SessionFile::open(path);
    if (!file)
        return failWith(file.error());
    SessionEngine engine(clock);
    file.value()->attach(engine);
    setFileSizeLimit(rlim_t(limit));
    int failures = 0;
    for (int i = 0; i < 10'000 && failures < 2; ++i) {
        clock.advance(1000);
        const QByteArray before = codec::digest(engine.state());
        auto done = engine.execute(nextInCycle(engine.state()));
        if (done) {
            say(u"ok %1"_s.arg(done->seq));
            continue;
        }
        ++failures;
        const bool unchanged = codec::digest(engine.state()) == before &&
                               codec::digest(file.value()->state()) == before;
        say(u"full %1 %2"_s.arg(unchanged ? 1 : 0).arg(done.error()));
    }
    setFileSizeLimit(RLIM_INFINITY);
    for (int i = 0; i < 3; ++i) {
        auto done = engine.execute(nextInCycle(engine.state()));
        if (!done)
            return failWith(done.error());
        say(u"ok %1"_s.arg(done->seq));
    }
    return 0;
}

// adopt FILE: a joined seat's new file takes a host's state too large for its full disk, then
// again with space. Prints "refused SESSION-ID ADOPTED-SEQ" (what the file then says of itself)
// and "adopted SESSION-ID ADOPTED-SEQ".
int adopt(const QString& path) {
    std::signal(SIGXFSZ, SIG_IGN);
    FakeClock clock;
    SessionEngine host(clock);
    if (!host.create(demoPlan()))
        return failWith(u"no plan"_s);
    SessionState state = host.state();
    for (int i = 0; i < 2000; ++i) { // about 300 KB of snapshot
        Participant p;
        p.id = Id(10'000 + i);
        p.name = u"Participant %1 "_s.arg(i).repeated(8);
        state.participants.append(p);
    }
    auto file = SessionFile::createReplica(path);
    if (!file)
        return failWith(file.error());
    setFileSizeLimit(rlim_t(QFileInfo(path).size() + 48 * 1024));
    if (file.value()->adoptState(state))
        return failWith(u"the full disk took the state"_s);
    const auto describe = [&file] {
        return u"%1 %2"_s.arg(file.value()->sessionId().isEmpty() ? u"-"_s : u"set"_s)
            .arg(file.value()->adoptedSeq());
    };
    say(u"refused "_s + describe());
    setFileSizeLimit(RLIM_INFINITY);
    if (auto ok = file.value()->adoptState(state); !ok)
        return failWith(ok.error());
    say(u"adopted "_s + describe());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3)
        return failWith(u"usage: store_child append|hold|countdown|fill|adopt FILE [N]"_s);
    const QString mode = args[1];
    const QString path = args[2];
    const qint64 n = args.size() > 3 ? args[3].toLongLong() : -1;
    if (mode == u"append"_s)
        return appendEvents(path, n);
    if (mode == u"hold"_s)
        return hold(path);
    if (mode == u"countdown"_s)
        return countdown(path, n);
    if (mode == u"fill"_s)
        return fill(path, n);
    if (mode == u"adopt"_s)
        return adopt(path);
    return failWith(u"unknown mode"_s);
}
