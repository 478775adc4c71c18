#include "decisions.h"

#include "model/cbor_input.h"
#include "model/codec.h"
#include <algorithm>

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace podium::decisions {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::Floor", text);
}

Id floorEntryId(const SessionState& s) {
    return s.floor ? s.floor->entry.id : 0;
}

// Both moderators may press "next" at the same moment: each says whom it expects on the floor,
// and the host refuses the one that arrives second instead of skipping a speaker.
QString checkExpectedFloor(const SessionState& s, const Command& c) {
    if (!c.args.contains(u"expectFloor"_s))
        return {};
    const Id expected = integerOf(c.args.value(u"expectFloor"_s));
    if (expected == floorEntryId(s))
        return {};
    const bool spoke = std::any_of(s.speeches.cbegin(), s.speeches.cend(),
                                   [expected](const Speech& sp) { return sp.entryId == expected; });
    // An entry nowhere in the session is a script's mistake, not another seat's press. (One
    // whose call was undone waits in the queue again: the floor did change.)
    if (expected != 0 && !spoke && !s.entry(expected))
        return tr("Entry %1 is not in this session's queue or speeches: nothing was changed.")
            .arg(expected);
    // Say what happened: "called the next speaker" when another seat had ended the speech misled.
    if (!s.floor)
        return tr("The floor changed meanwhile (the speech was ended on another seat).");
    return tr("The floor changed meanwhile (someone else called the next speaker).");
}

// "Please wrap up" was for the speaker who leaves the floor: it is not shown to the next one.
// The event says so, so that sessions recorded before this rule replay as they ran.
QCborMap withStageMessageCleared(const SessionState& s, QCborMap data) {
    if (!s.stageMessage.isEmpty())
        data[u"clearStageMessage"_s] = true;
    return data;
}

Data next(const SessionState& s, const Command& c) {
    const Id wanted = integerOf(c.args.value(u"entry"_s));
    const QueueEntry* e = wanted ? s.entry(wanted) : s.firstWaiting();
    if (!e)
        return Data::failure(wanted ? tr("That entry is no longer in the queue.")
                                    : tr("Nobody is waiting in the queue."));
    if (e->withdrawn)
        return Data::failure(tr("That entry was withdrawn; restore it first."));
    const Participant* p = s.participant(e->participantId);
    const Role role = p ? p->role : Role::Audience;
    return withStageMessageCleared(
        s, QCborMap{{u"entry"_s, e->id}, {u"allottedMs"_s, s.allotments.forRole(role)}});
}

// Undoing the end of a speech takes it out of the log again: it must still be the last one, not
// one another seat ran meanwhile (from an empty floor the floor check alone cannot tell).
bool endedSpeechIsLast(const SessionState& s, const Command& c) {
    if (!c.args.value(u"dropSpeech"_s).toBool())
        return true;
    const Floor ended = codec::floor(c.args.value(u"previousFloor"_s).toMap());
    return !s.speeches.isEmpty() && s.speeches.last().entryId == ended.entry.id;
}

Data revertNext(const SessionState& s, const Command& c) {
    // Undoes a call (an entry goes back to the queue) or the end of a speech (no entry).
    const Id entry = codec::queueEntry(c.args.value(u"entry"_s).toMap()).id;
    if (floorEntryId(s) != entry || !endedSpeechIsLast(s, c))
        return Data::failure(tr("The floor has changed since; that cannot be undone."));
    QCborMap data = c.args;
    data[u"position"_s] = qBound<qint64>(0, integerOf(c.args.value(u"position"_s)), s.queue.size());
    return data;
}

} // namespace

Data floor(const SessionState& s, const Command& c) {
    if (const QString why = checkExpectedFloor(s, c); !why.isEmpty())
        return Data::failure(why);
    switch (c.action) {
    case Action::Next:
        return next(s, c);
    case Action::EndSpeech:
        if (!s.floor)
            return Data::failure(tr("Nobody has the floor."));
        return withStageMessageCleared(s, {});
    case Action::RevertNext:
        return revertNext(s, c);
    default:
        break;
    }
    return Data::failure(tr("Not a floor action."));
}

namespace {

// Named: "That timer is not running" left the moderator guessing which, and why.
QString alreadyRunning(TimerId id) {
    switch (id) {
    case TimerId::Session:
        return tr("The session clock is already running (started on another seat, or by the "
                  "agenda).");
    case TimerId::Segment:
        return tr("The segment clock is already running.");
    case TimerId::Speaker:
        break;
    }
    return tr("The speaker's time is already running.");
}

QString alreadyPaused(TimerId id) {
    switch (id) {
    case TimerId::Session:
        return tr("The session clock is already paused.");
    case TimerId::Segment:
        return tr("The segment clock is already paused.");
    case TimerId::Speaker:
        break;
    }
    return tr("The speaker's time is already paused.");
}

// The undo of a pause asks the clock to run from when it paused (`since`), that of a start to
// stop when it started (`until`): an accidental pause undone twenty seconds later left the
// session clock twenty seconds behind. Only while the clock is as the step left it: its time run
// (`asLeft`), or its start; another seat's start and pause since would be counted twice.
QCborMap withUndoneMoment(QCborMap ref, const Countdown& t, const Command& c, qint64 now) {
    constexpr qint64 longestPauseUndoneMs = 12 * 60 * 60'000; // a session's day
    const QCborValue since = c.args.value(u"since"_s);
    const QCborValue asLeft = c.args.value(u"asLeft"_s);
    if (c.action == Action::StartTimer && since.isInteger() && asLeft.isInteger() &&
        asLeft.toInteger() == t.accumulatedMs && since.toInteger() <= now &&
        now - since.toInteger() <= longestPauseUndoneMs)
        ref[u"since"_s] = since.toInteger();
    const QCborValue until = c.args.value(u"until"_s);
    if (c.action == Action::PauseTimer && until.isInteger() && until.toInteger() == t.startedAt)
        ref[u"until"_s] = until.toInteger();
    return ref;
}

} // namespace

Data timers(const SessionState& s, const Command& c, qint64 now) {
    if (const QString why = checkExpectedFloor(s, c); !why.isEmpty())
        return Data::failure(why);
    const auto id = fromKey<TimerId>(c.args.value(u"timer"_s).toString());
    if (!id)
        return Data::failure(tr("Unknown timer."));
    const Countdown* t = s.timer(*id);
    if (!t)
        return Data::failure(tr("Nobody has the floor."));
    if (*id == TimerId::Segment && s.activeSegment < 0)
        return Data::failure(tr("No agenda segment is running."));
    const QCborMap ref{{u"timer"_s, key(*id)}};
    switch (c.action) {
    case Action::StartTimer:
        if (t->running)
            return Data::failure(alreadyRunning(*id));
        return withUndoneMoment(ref, *t, c, now);
    case Action::PauseTimer:
        if (!t->running)
            return Data::failure(alreadyPaused(*id));
        return withUndoneMoment(ref, *t, c, now);
    case Action::AdjustTimer: {
        const qint64 delta = integerOf(c.args.value(u"deltaMs"_s));
        if (delta == 0 || qAbs(delta) > maxTimerAdjustMs)
            return Data::failure(tr("Add or remove between one second and one hour."));
        if (t->allottedMs + delta < 0) { // more taken than was ever given: false overtime
            const qint64 seconds = t->allottedMs / 1000;
            return Data::failure(
                tr("This timer was given %1:%2 in all: no more than that can be taken away.")
                    .arg(seconds / 60)
                    .arg(seconds % 60, 2, 10, QChar(u'0')));
        }
        return QCborMap{{u"timer"_s, key(*id)}, {u"deltaMs"_s, delta}};
    }
    case Action::SetWarning: {
        const qint64 ms = integerOf(c.args.value(u"ms"_s), -1);
        if (ms < 0 || ms > 60 * 60'000)
            return Data::failure(tr("The warning must be between zero and one hour."));
        return QCborMap{{u"timer"_s, key(*id)}, {u"ms"_s, ms}};
    }
    default:
        break;
    }
    return Data::failure(tr("Not a timer action."));
}

namespace {

constexpr int maxSegments = 100;

// The agenda edited in the session details: segments yet to come may be added, removed,
// renamed, re-timed and reordered; those that have begun (and any before them) stay in place
// with their actual times, and may only be renamed or re-timed.
Data editAgenda(const SessionState& s, const Command& c) {
    const QCborArray given = c.args.value(u"agenda"_s).toArray();
    if (given.isEmpty())
        return Data::failure(tr("An agenda needs at least one segment."));
    if (given.size() > maxSegments)
        return Data::failure(tr("An agenda holds at most %1 segments.").arg(maxSegments));
    QList<Segment> edited;
    for (const QCborValue& v : given) {
        Segment segment = codec::segment(v.toMap());
        segment.title = segment.title.trimmed();
        if (segment.title.isEmpty())
            return Data::failure(tr("Every agenda segment needs a title."));
        // A segment the agenda has already, as it is (a plan's half minute), is no change: it
        // blocked every edit of the agenda, a rename of another segment included. Its length
        // given to another segment is one.
        const bool kept = std::any_of(s.segments.begin(), s.segments.end(), [&](const Segment& x) {
            return x.plannedMs == segment.plannedMs && x.title.trimmed() == segment.title;
        });
        if (!kept && (segment.plannedMs < 60'000 || segment.plannedMs > 24 * 3600'000))
            return Data::failure(tr("A segment lasts between a minute and a day."));
        segment.startedAt = segment.endedAt = 0;
        segment.ranMs.reset(); // what ran is the state's to say, not the command's
        edited << segment;
    }
    const int fixed = s.segmentsBegun();
    if (edited.size() < fixed)
        return Data::failure(tr("Segments that have begun stay on the agenda."));
    for (int i = 0; i < fixed; ++i) {
        edited[i].startedAt = s.segments[i].startedAt;
        edited[i].endedAt = s.segments[i].endedAt;
        edited[i].ranMs = s.segments[i].ranMs;
    }
    // Time given to the running segment stays given: only a new length moves its clock, by as
    // much, and its usual warning with it.
    Countdown clock = s.segmentClock;
    if (const int active = s.activeSegment;
        active >= 0 && edited[active].plannedMs != s.segments[active].plannedMs) {
        clock.allottedMs = qMax<qint64>(0, clock.allottedMs + edited[active].plannedMs -
                                               s.segments[active].plannedMs);
        if (clock.warningMs ==
            segmentWarningMs(s.segments[active].plannedMs)) // not one set by hand
            clock.warningMs = segmentWarningMs(edited[active].plannedMs);
    }
    return QCborMap{{u"segments"_s, codec::toCborArray(edited)},
                    {u"active"_s, s.activeSegment},
                    {u"segmentClock"_s, codec::toCbor(clock)}};
}

} // namespace

Data agenda(const SessionState& s, const Command& c) {
    if (c.action == Action::EditAgenda)
        return editAgenda(s, c);
    if (c.action == Action::RestoreAgenda) {
        if (c.args.value(u"segments"_s).toArray().size() != s.segments.size())
            return Data::failure(tr("The agenda has changed since; that cannot be undone."));
        QCborMap data = c.args;
        data[u"relabel"_s] = true; // what was said meanwhile was said in the segment restored
        return data;
    }
    const qint64 index = integerOf(c.args.value(u"index"_s), -1);
    if (index < 0 || index > s.segments.size())
        return Data::failure(tr("There is no such agenda segment."));
    if (index == s.activeSegment)
        return Data::failure(tr("That segment is already running."));
    // Started again, it lost its first run: the report gave it the second one's time only.
    if (index < s.segments.size() && s.segments[index].endedAt != 0)
        return Data::failure(tr("“%1” has already run: the agenda goes forward. To come back to "
                                "its topic, add a segment for it to the agenda.")
                                 .arg(s.segments[index].title));
    if (c.args.contains(u"expectActive"_s) &&
        integerOf(c.args.value(u"expectActive"_s)) != s.activeSegment)
        return Data::failure(tr("The agenda moved on meanwhile."));
    // The segment that ends keeps its clock's time: its wall time counted its pauses, and the
    // agenda's "Actual" jumped when the next one began.
    return QCborMap{{u"index"_s, index}, {u"keepsRun"_s, true}};
}

} // namespace podium::decisions
