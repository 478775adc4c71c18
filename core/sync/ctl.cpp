#include "commands/decisions.h"
#include "headless.h"
#include "model/cbor_input.h"
#include "model/codec.h"
#include "model/event_text.h"
#include "seat.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::ctl", text);
}

constexpr int maxTimeoutSeconds = 3600;

int fail(const QString& why, int code = 1) {
    QTextStream(stderr) << why << Qt::endl;
    return code;
}

std::optional<TimerId> timerNamed(const QString& name) {
    return fromKey<TimerId>(name.isEmpty() ? u"speaker"_s : name);
}

// The words each verb takes after it ("message" takes any). An option after the verb was one
// of its words, and "next --expect-floor 10" went through without its check.
qsizetype wordsAfter(const QString& verb) {
    if (verb == u"add"_s || verb == u"start"_s || verb == u"pause"_s)
        return 1;
    if (verb == u"adjust"_s)
        return 2;
    return verb == u"message"_s ? std::numeric_limits<qsizetype>::max() : 0;
}

// The command a ctl verb stands for, with the preconditions a moderator's button would send.
// The speaker's time is the speech's, as in the cockpit: "adjust speaker 30000" sent as the other
// moderator called someone gave the 30 s to the new speaker.
void expectSpeaker(Command& c, TimerId timer, qint64 floorId) {
    if (timer == TimerId::Speaker)
        c.args[u"expectFloor"_s] = floorId;
}

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
        expectSpeaker(c, *timer, floorId);
    } else if (verb == u"adjust"_s) {
        const auto timer = timerNamed(arg);
        if (!timer)
            return R::failure(tr("unknown timer (session, segment or speaker)"));
        bool whole = false;
        const qint64 delta = words.value(2).toLongLong(&whole);
        bool number = false;
        const double value = words.value(2).toDouble(&number);
        // The host's own limit, said before the round trip it would refuse; a number too long
        // for a clock was taken for no number at all.
        if (number && (value == 0 || std::abs(value) > double(decisions::maxTimerAdjustMs)))
            return R::failure(tr("adjust takes a change of at most an hour (%1 ms) either way, "
                                 "and not 0; not %2")
                                  .arg(decisions::maxTimerAdjustMs)
                                  .arg(words.value(2)));
        if (!whole) // none, or a fraction ("30.5")
            return R::failure(
                tr("adjust wants a timer and whole milliseconds, e.g. adjust speaker -30000"));
        c.action = Action::AdjustTimer;
        c.args = {{u"timer"_s, key(*timer)}, {u"deltaMs"_s, delta}};
        expectSpeaker(c, *timer, floorId);
    } else if (verb == u"message"_s) {
        const QString text = words.mid(1).join(u' ');
        if (!decisions::stageMessageFits(decisions::stageMessageText(text)))
            return R::failure(tr("message can be %1 characters at most, the host's limit")
                                  .arg(decisions::maxStageMessage));
        c.action = Action::SetStageMessage;
        c.args = {{u"text"_s, text}};
    } else {
        return R::failure(tr("unknown command: %1 (the commands: next, end, add, start, pause, "
                             "adjust, message, state, digest; see podium ctl --help)")
                              .arg(verb));
    }
    if (words.size() - 1 > wordsAfter(verb))
        return R::failure(tr("%1 takes no more words than that, not “%2”; options such as "
                             "--expect-floor go before the command.")
                              .arg(verb, words.mid(1 + wordsAfter(verb)).join(u' ')));
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

QString nameOf(const SessionState& s, Id participant) {
    const Participant* p = s.participant(participant);
    return p ? p->name : tr("someone");
}

QString leftOrOver(const Countdown& c, qint64 now) {
    const qint64 left = c.remainingMs(now);
    // As the cockpit: over from the first whole second, not "0:00 over" the moment it runs out.
    const QString time = left > -1000 ? tr("%1 left").arg(formatDuration(qMax<qint64>(0, left)))
                                      : tr("%1 over").arg(formatElapsed(-left));
    return c.running ? time : tr("%1, paused").arg(time);
}

// What a person at a terminal wants to know: who speaks, who waits (with the entry ids the
// other commands take), the open poll, the stage message.
void printSummary(const SessionState& s, qint64 now, QTextStream& out) {
    out << s.info.title << " (seq " << s.lastSeq << ", epoch " << s.epoch << ")\n";
    if (const Countdown* session = s.timer(TimerId::Session))
        out << tr("Session clock: %1").arg(leftOrOver(*session, now)) << '\n';
    if (s.activeSegment >= 0 && s.activeSegment < s.segments.size())
        if (const Countdown* segment = s.timer(TimerId::Segment))
            out << tr("Segment: %1, %2")
                       .arg(s.segments[s.activeSegment].title, leftOrOver(*segment, now))
                << '\n';
    if (s.floor) {
        out << tr("On the floor: %1 (entry %2), %3")
                   .arg(nameOf(s, s.floor->entry.participantId))
                   .arg(s.floor->entry.id)
                   .arg(leftOrOver(s.floor->countdown, now))
            << '\n';
    } else {
        out << tr("Nobody has the floor.") << '\n';
    }
    QStringList waiting;
    for (const QueueEntry& e : s.queue) {
        if (!e.withdrawn)
            waiting << u"%1 %2"_s.arg(e.id).arg(nameOf(s, e.participantId));
    }
    out << (waiting.isEmpty() ? tr("Nobody is waiting.")
                              : tr("Waiting (entry, name): %1").arg(waiting.join(u"; "_s)))
        << '\n';
    for (const Poll& poll : s.polls) {
        if (poll.status == PollStatus::Open)
            // One pass: a "%2" in the question is not taken for the count.
            out << tr("Poll open: %1 (%2 votes)")
                       .arg(poll.question, QString::number(poll.totalVotes()))
                << '\n';
    }
    if (!s.stageMessage.isEmpty())
        out << tr("Stage message: %1").arg(s.stageMessage) << '\n';
}

// `digest`: one line to compare seats; `state`: the summary; `state --json`: everything.
// False when it could not be written (a full disk under `> file`): a script read nothing.
bool printState(const SessionState& s, qint64 now, const QString& what, bool json) {
    QTextStream out(stdout);
    const QString digest = QString::fromLatin1(codec::sessionDigest(s));
    if (what == u"digest"_s && !json) {
        out << digest << Qt::endl;
    } else if (what == u"digest"_s) {
        out << QJsonDocument(QJsonObject{{u"digest"_s, digest}}).toJson(QJsonDocument::Compact)
            << Qt::endl;
    } else if (json) {
        QJsonObject o = codec::toCbor(s).toJsonObject();
        o[u"digest"_s] = digest;
        // The host's clock as this seat estimates it: the timers' startedAt and accumulatedMs
        // give the time left against it, on any machine.
        o[u"now"_s] = now;
        // Worked out for scripts, by that clock: negative is over. The floor is null when
        // nobody has it (left out, a script's "floor" key was missing).
        QJsonObject remaining;
        for (TimerId id : {TimerId::Session, TimerId::Segment, TimerId::Speaker}) {
            // The segment clock of no segment is no time left: a script read 0 as time up.
            const bool shown = id != TimerId::Segment || s.activeSegment >= 0;
            if (const Countdown* timer = s.timer(id); timer && shown)
                remaining[key(id)] = timer->remainingMs(now);
        }
        o[u"remainingMs"_s] = remaining;
        if (!o.contains(u"floor"_s))
            o[u"floor"_s] = QJsonValue::Null;
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        printSummary(s, now, out);
        out << "digest " << digest << Qt::endl;
    }
    out.flush(); // the JSON ends without endl: unflushed, its failure came after the check
    return out.status() == QTextStream::Ok;
}

QString outputFailure() {
    return tr("Could not write to the standard output (is the disk full?).");
}

} // namespace

int runCtl(const QStringList& arguments) {
    QCommandLineParser p;
    p.setApplicationDescription(tr("Drive a Podium session from the command line."));
    // Qt's help would name the program alone ("podium [options] command"), without "ctl".
    const QCommandLineOption help({u"h"_s, u"help"_s}, tr("Displays this help."));
    p.addOption(help);
    p.addOptions({{u"join"_s, tr("The host, HOST:PORT."), u"host:port"_s},
                  {u"code"_s, tr("A join code (control, or read-only for 'state' and 'digest')."),
                   u"code"_s},
                  {u"json"_s, tr("Print the state (or the digest) as JSON.")},
                  {u"timeout"_s, tr("Seconds to wait for the host (default 20)."), u"s"_s, u"20"_s},
                  {u"expect-floor"_s,
                   tr("For next, end, and start, pause or adjust of the speaker's time: the "
                      "queue entry you saw on the floor (0: nobody), as 'state --json' shows it; "
                      "refused if the floor changed meanwhile. Scripts that may run at once "
                      "need it: without it, two next sent at once may both move the floor, "
                      "skipping a speaker."),
                   u"entry"_s}});
    // "adjust speaker -30000": what follows the command is its own, minus signs included.
    p.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    p.addPositionalArgument(u"command"_s,
                            tr("state | digest | next | end | add PARTICIPANT | start [TIMER] | "
                               "pause [TIMER] | adjust TIMER MS | message TEXT. PARTICIPANT: an id "
                               "as 'state --json' lists them; TIMER: speaker (the default), "
                               "segment or session."));
    const QString usage = tr("usage: podium ctl --join HOST:PORT --code CODE <command>");
    if (!p.parse(arguments.mid(1))) // skips "ctl"
        return fail(p.errorText() + u'\n' + usage, 2);
    if (p.isSet(help)) {
        QTextStream(stdout) << tr("Usage: podium ctl [options] <command>") << '\n'
                            << p.helpText().section(u'\n', 1);
        return 0;
    }
    if (!p.isSet(u"join"_s) || p.positionalArguments().isEmpty())
        return fail(usage, 2);
    const auto where = parseEndpoint(p.value(u"join"_s));
    if (!where)
        return fail(tr("--join wants HOST:PORT ([ADDRESS]:PORT for IPv6), not “%1”.")
                        .arg(p.value(u"join"_s)),
                    2);
    if (p.value(u"code"_s).trimmed().isEmpty())
        return fail(tr("--code is missing: give one of the join codes the host shows."), 2);
    bool whole = false;
    const int timeout = p.value(u"timeout"_s).toInt(&whole);
    if (!whole || timeout < 1 || timeout > maxTimeoutSeconds)
        return fail(tr("--timeout wants whole seconds, 1 to %1.").arg(maxTimeoutSeconds), 2);
    const QStringList words = p.positionalArguments();
    // A command that cannot be right is refused here, not after a wait for the host.
    const bool reads = words.first() == u"state"_s || words.first() == u"digest"_s;
    // "state --json": after the command, the option is one of its words; nothing else is.
    const QStringList readWords{words.first(), u"--json"_s};
    if (reads && (words.size() > 2 || (words.size() == 2 && words != readWords)))
        return fail(tr("%1 takes nothing after it but --json, not “%2”.")
                        .arg(words.first(), words.mid(1).join(u' ')),
                    2);
    const auto dryRun = commandFor(words, SessionState{});
    if (!reads && !dryRun)
        return fail(dryRun.error(), 2);
    bool expects = false;
    const qint64 expectedFloor = p.value(u"expect-floor"_s).toLongLong(&expects);
    if (p.isSet(u"expect-floor"_s) && !expects)
        return fail(tr("--expect-floor wants a queue entry id (0: nobody on the floor)"), 2);
    if (p.isSet(u"json"_s) && !reads)
        return fail(tr("--json is for state and digest, not %1.").arg(words.first()), 2);
    if (p.isSet(u"expect-floor"_s) && (reads || !dryRun->args.contains(u"expectFloor"_s)))
        return fail(tr("--expect-floor is for next, end and the speaker's time, not %1.")
                        .arg(words.mid(0, 2).join(u' ')),
                    2);
    if (const QString why = SyncPeer::codeProblem(p.value(u"code"_s)); !why.isEmpty())
        return fail(u"--code: "_s + why, 2);
    // What the seat logs as it goes ("closing link … closed by its user") is not news to a
    // script: only the outcome is printed, with the last thing the link said when it failed.
    QLoggingCategory::setFilterRules(u"podium.sync.info=false"_s);
    // Before the seat: its last words, on the way out, still reach them.
    int result = -1;
    bool sent = false;
    QString lastStatus;
    Command command;
    SystemClock clock;
    SessionEngine engine(clock);
    Seat seat(engine, clock);
    seat.setSeatName(u"ctl"_s);
    seat.setClient(ctlClient.toString());
    QObject::connect(&seat, &Seat::statusChanged, [&](const QString& s) { lastStatus = s; });
    QObject::connect(&seat, &Seat::failed, [&](const QString& why) { result = fail(why); });
    const QString maybeDone = tr("The command was sent, but no answer came from the host: it may "
                                 "have been done. Check with 'state' before trying again.");
    QTimer::singleShot(timeout * 1000, &seat, [&] {
        result = sent ? fail(maybeDone, 5)
                      : fail(tr("No answer from %1:%2 in %3 s (%4).")
                                 .arg(where->host.contains(u':') ? u'[' + where->host + u']'
                                                                 : where->host)
                                 .arg(where->port)
                                 .arg(timeout)
                                 .arg(lastStatus),
                             3);
    });
    seat.join(*where, p.value(u"code"_s));
    // A script never takes over hosting: the seats must not keep its address as a place to look
    // for a new host once it is gone.
    seat.syncPeer()->setTakeoverPort(0);
    // Waits for events, not a time: the call with a time limit returns at once when nothing is
    // pending, and the loop spun a core while the host was out of reach.
    while (result < 0 && seat.syncPeer()->state() != SyncPeer::State::Live) {
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        // Waiting out the timeout would not make the name resolve.
        if (result < 0 && seat.syncPeer()->lastSocketError() == QAbstractSocket::HostNotFoundError)
            result = fail(tr("Cannot find the host “%1”: check the address the host shows.")
                              .arg(where->host));
    }
    if (result >= 0)
        return result;
    // The host would refuse it, whatever it is.
    if (!reads && seat.syncPeer()->role() == Authority::ReadOnly)
        return fail(tr("This is the read-only code: commands need the control code the host "
                       "shows."),
                    2);
    if (reads) {
        // Times left are the host's: until its first pong the seat's clock is this machine's (ctl
        // keeps no offset), and a host an hour ahead was an hour more left.
        while (result < 0 && words.first() == u"state"_s && !seat.syncPeer()->clockEstimated())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        if (result >= 0)
            return result;
        const bool json = p.isSet(u"json"_s) || words.size() == 2;
        if (!printState(engine.state(), engine.clock().nowMs(), words.first(), json))
            return fail(outputFailure());
        return 0;
    }
    auto made = commandFor(words, engine.state());
    if (!made)
        return fail(made.error());
    // The engine's refusal is the cockpit's ("Choose a participant"); a script wants to know
    // that this id is nobody's, and where ids are.
    if (const Command& c = made.value(); c.action == Action::AddEntry) {
        const qint64 id = integerOf(c.args.value(u"participant"_s));
        if (!engine.state().participant(id))
            return fail(tr("There is no participant %1 in this session; 'state --json' lists "
                           "them with their ids (queue entry ids are not participant ids).")
                            .arg(id),
                        2);
    }
    command = made.value();
    // Two scripts pressing "next" at once: the floor each saw when it joined may already be the
    // other's doing. The floor the caller saw, when given, is what the host checks against.
    if (p.isSet(u"expect-floor"_s) && command.args.contains(u"expectFloor"_s))
        command.args[u"expectFloor"_s] = expectedFloor;
    QObject::connect(seat.syncPeer(), &SyncPeer::outcomeUnknown, [&](const QString& id) {
        if (id == command.id && result < 0)
            result = fail(maybeDone, 5);
    });
    // Known not to have reached the host: not its refusal, and safe to send again (exit 3, as
    // when the host could not be reached before sending).
    QObject::connect(seat.syncPeer(), &SyncPeer::notDone,
                     [&](const QString& id, const QString& why) {
                         if (id == command.id && result < 0)
                             result = fail(tr("Not done: %1").arg(why), 3);
                     });
    QObject::connect(&engine, &SessionEngine::refused, [&](const QString& id, const QString& why) {
        if (id == command.id && result < 0)
            result = fail(tr("Refused by the host: %1").arg(why), 2);
    });
    QObject::connect(&engine, &SessionEngine::eventApplied,
                     [&](const Event& e, const SessionState&) {
                         if (e.commandId == command.id) {
                             // What it did, then the floor: after `add`, only the floor was named,
                             // as though the one added had been called.
                             QTextStream out(stdout);
                             out << "ok seq " << e.seq << " ("
                                 << describeAction(e.action, e.data, engine.state()) << ")"
                                 << onTheFloor(engine.state()) << Qt::endl;
                             // Done all the same: a failure here must not make a script send
                             // it again.
                             if (out.status() != QTextStream::Ok)
                                 fail(outputFailure() + u' ' + tr("The command was done."));
                             result = 0;
                         }
                     });
    (void)engine.submit(command); // the outcome arrives as a signal
    sent = true;
    while (result < 0)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return result;
}

} // namespace podium::sync
