#include "headless.h"
#include "model/codec.h"
#include "seat.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::ctl", text);
}

int fail(const QString& why, int code = 1) {
    QTextStream(stderr) << why << Qt::endl;
    return code;
}

std::optional<TimerId> timerNamed(const QString& name) {
    return fromKey<TimerId>(name.isEmpty() ? u"speaker"_s : name);
}

// The command a ctl verb stands for, with the preconditions a moderator's button would send.
Result<Command> commandFor(const QStringList& words, const SessionState& s) {
    using R = Result<Command>;
    const QString verb = words.value(0);
    const QString arg = words.value(1);
    Command c;
    c.id = newCommandId();
    const qint64 floorId = s.floor ? s.floor->entry.id : 0;
    if (verb == u"next"_s) {
        c.action = Action::Next;
        c.args = {{u"expectFloor"_s, floorId}};
    } else if (verb == u"end"_s) {
        c.action = Action::EndSpeech;
        c.args = {{u"expectFloor"_s, floorId}};
    } else if (verb == u"add"_s) {
        bool ok = false;
        const qint64 id = arg.toLongLong(&ok);
        if (!ok)
            return R::failure(tr("add wants a participant id"));
        c.action = Action::AddEntry;
        c.args = {{u"participant"_s, id}};
    } else if (verb == u"start"_s || verb == u"pause"_s) {
        const auto timer = timerNamed(arg);
        if (!timer)
            return R::failure(tr("unknown timer (session, segment or speaker)"));
        c.action = verb == u"start"_s ? Action::StartTimer : Action::PauseTimer;
        c.args = {{u"timer"_s, key(*timer)}};
    } else if (verb == u"adjust"_s) {
        const auto timer = timerNamed(arg);
        if (!timer)
            return R::failure(tr("unknown timer (session, segment or speaker)"));
        bool ok = false;
        const qint64 delta = words.value(2).toLongLong(&ok);
        if (!ok)
            return R::failure(
                tr("adjust wants a timer and milliseconds, e.g. adjust speaker -30000"));
        c.action = Action::AdjustTimer;
        c.args = {{u"timer"_s, key(*timer)}, {u"deltaMs"_s, delta}};
    } else if (verb == u"message"_s) {
        c.action = Action::SetStageMessage;
        c.args = {{u"text"_s, words.mid(1).join(u' ')}};
    } else {
        return R::failure(tr("unknown command: %1").arg(verb));
    }
    return c;
}

// Who has the floor after a command, so that a script sees what its "next" did.
QString onTheFloor(const SessionState& s) {
    if (!s.floor)
        return tr(": nobody has the floor");
    const Participant* p = s.participant(s.floor->entry.participantId);
    return tr(": %1 has the floor (entry %2)")
        .arg(p ? p->name : tr("someone"))
        .arg(s.floor->entry.id);
}

void printState(const SessionState& s, bool json) {
    QTextStream out(stdout);
    if (json) {
        QJsonObject o = codec::toCbor(s).toJsonObject();
        o[u"digest"_s] = QString::fromLatin1(codec::digest(s));
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        out << "seq " << s.lastSeq << " epoch " << s.epoch << " digest " << codec::digest(s)
            << Qt::endl;
    }
}

} // namespace

int runCtl(const QStringList& arguments) {
    QCommandLineParser p;
    p.setApplicationDescription(tr("Drive a Podium session from the command line."));
    p.addHelpOption();
    p.addOptions({{u"join"_s, tr("The host, HOST:PORT."), u"host:port"_s},
                  {u"code"_s, tr("A join code (control, or read-only for 'state')."), u"code"_s},
                  {u"json"_s, tr("Print the state as JSON.")},
                  {u"timeout"_s, tr("Seconds to wait for the host."), u"s"_s, u"20"_s},
                  {u"expect-floor"_s,
                   tr("For next and end: the queue entry you saw on the floor (0: nobody), as "
                      "'state --json' shows it; refused if the floor changed meanwhile."),
                   u"entry"_s}});
    // "adjust speaker -30000": what follows the command is its own, minus signs included.
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    p.addPositionalArgument(u"command"_s, tr("state | digest | next | end | add ID | start "
                                             "[TIMER] | pause [TIMER] | adjust TIMER MS | "
                                             "message TEXT"));
    p.process(arguments.mid(1)); // skips "ctl"
    const QString where = p.value(u"join"_s);
    const qsizetype colon = where.lastIndexOf(u':');
    if (colon <= 0 || p.positionalArguments().isEmpty())
        return fail(tr("usage: podium ctl --join HOST:PORT --code CODE <command>"), 2);
    const QStringList words = p.positionalArguments();
    // A command that cannot be right is refused here, not after a wait for the host.
    const bool reads = words.first() == u"state"_s || words.first() == u"digest"_s;
    if (auto dryRun = commandFor(words, SessionState{}); !reads && !dryRun)
        return fail(dryRun.error(), 2);
    bool expects = false;
    const qint64 expectedFloor = p.value(u"expect-floor"_s).toLongLong(&expects);
    if (p.isSet(u"expect-floor"_s) && !expects)
        return fail(tr("--expect-floor wants a queue entry id (0: nobody on the floor)"), 2);
    SystemClock clock;
    SessionEngine engine(clock);
    Seat seat(engine, clock);
    seat.setSeatName(u"ctl"_s);
    int result = -1;
    QObject::connect(&seat, &Seat::failed, [&](const QString& why) { result = fail(why); });
    QTimer::singleShot(p.value(u"timeout"_s).toInt() * 1000,
                       [&] { result = fail(tr("No answer from the host in time."), 3); });
    seat.join({where.left(colon), quint16(where.mid(colon + 1).toUInt())}, p.value(u"code"_s));
    while (result < 0 && seat.syncPeer()->state() != SyncPeer::State::Live)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (result >= 0)
        return result;
    if (reads) {
        printState(engine.state(), p.isSet(u"json"_s));
        return 0;
    }
    auto made = commandFor(words, engine.state());
    if (!made)
        return fail(made.error());
    Command command = made.value();
    // Two scripts pressing "next" at once: the floor each saw when it joined may already be the
    // other's doing. The floor the caller saw, when given, is what the host checks against.
    if (p.isSet(u"expect-floor"_s) && command.args.contains(u"expectFloor"_s))
        command.args[u"expectFloor"_s] = expectedFloor;
    QObject::connect(&engine, &SessionEngine::refused, [&](const QString& id, const QString& why) {
        if (id == command.id)
            result = fail(tr("Refused: %1").arg(why), 2);
    });
    QObject::connect(
        &engine, &SessionEngine::eventApplied, [&](const Event& e, const SessionState&) {
            if (e.commandId == command.id) {
                QTextStream(stdout) << "ok seq " << e.seq << onTheFloor(engine.state()) << Qt::endl;
                result = 0;
            }
        });
    (void)engine.submit(command); // the outcome arrives as a signal
    while (result < 0)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return result;
}

} // namespace podium::sync
