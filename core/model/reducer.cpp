#include "reducer.h"

#include "codec.h"
#include "model/cbor_input.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

qint64 integer(const QCborMap& m, QStringView key, qint64 fallback = 0) {
    return integerOf(m.value(key), fallback);
}

Id reserveId(SessionState& s, Id used) {
    if (used >= s.nextId)
        s.nextId = used + 1;
    return used;
}

void endSpeech(SessionState& s, qint64 at) {
    if (!s.floor)
        return;
    s.floor->countdown.pause(at);
    s.speeches.append(s.floor->speechUntil(at));
    s.floor.reset();
}

void createSession(SessionState& s, const QCborMap& d) {
    s = SessionState{};
    s.sessionId = d.value(u"sessionId"_s).toString();
    s.info = codec::sessionInfo(d.value(u"info"_s).toMap());
    s.allotments = codec::allotments(d.value(u"allotments"_s).toMap());
    s.participants =
        codec::fromCborArray<Participant>(d.value(u"participants"_s), codec::participant);
    for (const Participant& p : s.participants)
        reserveId(s, p.id);
    sortById(s.participants);
    s.segments = codec::fromCborArray<Segment>(d.value(u"segments"_s), codec::segment);
    s.polls = codec::fromCborArray<Poll>(d.value(u"polls"_s), codec::poll); // drafts of the plan
    for (const Poll& p : s.polls)
        reserveId(s, p.id);
    s.sessionClock.allottedMs = s.info.plannedMs;
}

void replaceParticipant(SessionState& s, const Participant& p) {
    for (Participant& x : s.participants) {
        if (x.id == p.id)
            x = p;
    }
}

void insertEntry(SessionState& s, const QueueEntry& e, qint64 position) {
    if (e.id == 0 || s.entry(e.id))
        return;
    reserveId(s, e.id);
    s.queue.insert(int(qBound<qint64>(0, position, s.queue.size())), e);
}

void moveEntry(SessionState& s, Id id, qint64 to) {
    const int from = s.entryIndex(id);
    if (from < 0)
        return;
    s.queue.move(from, int(qBound<qint64>(0, to, s.queue.size() - 1)));
}

void setWithdrawn(SessionState& s, Id id, bool withdrawn) {
    const int i = s.entryIndex(id);
    if (i >= 0)
        s.queue[i].withdrawn = withdrawn;
}

void giveFloor(SessionState& s, const QCborMap& d, qint64 at) {
    const int i = s.entryIndex(integer(d, u"entry"));
    if (i < 0)
        return;
    endSpeech(s, at);
    Floor f;
    f.entry = s.queue.takeAt(i);
    f.entry.withdrawn = false;
    f.since = at;
    f.countdown.allottedMs = integer(d, u"allottedMs");
    f.countdown.warningMs = s.allotments.warningMs;
    f.countdown.start(at);
    f.segment = s.activeSegment;
    s.floor = f;
}

void clearStageMessageIfSaid(SessionState& s, const QCborMap& d) {
    if (d.value(u"clearStageMessage"_s).toBool())
        s.stageMessage.clear();
}

void revertNext(SessionState& s, const QCborMap& d) {
    if (d.contains(u"stageMessage"_s))
        s.stageMessage = d.value(u"stageMessage"_s).toString();
    s.floor.reset();
    if (d.value(u"dropSpeech"_s).toBool() && !s.speeches.isEmpty())
        s.speeches.removeLast();
    if (d.contains(u"previousFloor"_s))
        s.floor = codec::floor(d.value(u"previousFloor"_s).toMap());
    insertEntry(s, codec::queueEntry(d.value(u"entry"_s).toMap()), integer(d, u"position"));
}

void applyTimer(SessionState& s, const Event& e) {
    const auto id = fromKey<TimerId>(e.data.value(u"timer"_s).toString());
    Countdown* c = id ? s.timer(*id) : nullptr;
    if (!c)
        return;
    switch (e.action) {
    // An undone pause runs from when it paused, an undone start stops when it started: as if
    // neither had been (`since`, `until`; decided against the clock as the undo found it).
    case Action::StartTimer:
        c->start(qMin(e.at, integer(e.data, u"since", e.at)));
        break;
    case Action::PauseTimer:
        c->pause(qMax(c->startedAt, qMin(e.at, integer(e.data, u"until", e.at))));
        break;
    case Action::AdjustTimer:
        c->adjust(integer(e.data, u"deltaMs"));
        break;
    case Action::SetWarning:
        c->warningMs = qMax<qint64>(0, integer(e.data, u"ms"));
        break;
    default:
        break;
    }
}

// `keepsRun`: the event asks for the ending segment's clock time to be kept. Events from before
// it was kept do not, so that their replay gives the states saved then, digests included.
void startSegment(SessionState& s, qint64 index, qint64 at, bool keepsRun) {
    if (index < 0 || index > s.segments.size())
        return;
    if (s.activeSegment >= 0 && s.activeSegment < s.segments.size()) {
        s.segments[s.activeSegment].endedAt = at;
        if (keepsRun)
            s.segments[s.activeSegment].ranMs = s.segmentClock.elapsedMs(at);
    }
    s.segmentClock = Countdown{};
    s.activeSegment = -1;
    if (index == s.segments.size())
        return; // past the last segment: the agenda is done
    Segment& seg = s.segments[index];
    seg.startedAt = at;
    seg.endedAt = 0;
    s.activeSegment = int(index);
    s.segmentClock.allottedMs = seg.plannedMs;
    s.segmentClock.warningMs = segmentWarningMs(seg.plannedMs);
    s.segmentClock.start(at);
}

// The agenda as the event resolved it: its segments, the running one and that one's clock.
void setAgenda(SessionState& s, const QCborMap& d) {
    s.segments = codec::fromCborArray<Segment>(d.value(u"segments"_s), codec::segment);
    s.activeSegment = int(qBound<qint64>(-1, integer(d, u"active", -1), s.segments.size() - 1));
    s.segmentClock = codec::countdown(d.value(u"segmentClock"_s).toMap());
}

// A speech given in a segment that, undone, was never held belongs to the segment running again.
void relabelUnheldSegments(SessionState& s) {
    const auto relabel = [&s](int& segment) {
        if (segment >= 0 && (segment >= s.segments.size() || s.segments[segment].startedAt == 0))
            segment = s.activeSegment;
    };
    if (s.floor)
        relabel(s.floor->segment);
    for (Speech& speech : s.speeches)
        relabel(speech.segment);
}

Poll* pollFor(SessionState& s, const QCborMap& d) {
    const int i = s.pollIndex(integer(d, u"poll"));
    return i < 0 ? nullptr : &s.polls[i];
}

void setTally(SessionState& s, const QCborMap& d) {
    Poll* p = pollFor(s, d);
    const qint64 option = integer(d, u"option", -1);
    const auto source = fromKey<TallySource>(d.value(u"source"_s).toString());
    if (!p || !source || option < 0 || option >= p->tallies.size())
        return;
    // Bounded as the command is: an event from a crafted file or peer overflowed the totals.
    p->tallies[option][std::size_t(*source)] =
        qBound<qint64>(0, integer(d, u"count"), maxVotesPerTally);
}

void insertPoll(SessionState& s, const Poll& p, qint64 position) {
    if (p.id == 0 || s.poll(p.id))
        return;
    reserveId(s, p.id);
    s.polls.insert(int(qBound<qint64>(0, position, s.polls.size())), p);
}

// Only events that ask (`keepsTimes`, decided since protocol 4): older ones, replayed, must give
// the states their files' snapshots kept. A poll opened by mistake and sent back to the drafts
// never ran; reopened, it ran from the first opening; closed again by the undo of a reopening,
// it closed when it had.
void keepWhenItRan(Poll& p, const Event& e) {
    if (!e.data.value(u"keepsTimes"_s).toBool())
        return;
    if (p.status == PollStatus::Draft) {
        p.openedAt = p.closedAt = 0;
    } else if (p.status == PollStatus::Open) {
        p.openedAt = p.openedAt ? p.openedAt : e.at;
        p.closedAt = 0;
    } else {
        const qint64 closedAt = integer(e.data, u"closedAt");
        p.closedAt = closedAt > 0 ? closedAt : e.at;
    }
}

void applyPoll(SessionState& s, const Event& e) {
    const QCborMap& d = e.data;
    switch (e.action) {
    case Action::CreatePoll:
        insertPoll(s, codec::poll(d.value(u"poll"_s).toMap()), s.polls.size());
        break;
    case Action::RestorePoll:
        insertPoll(s, codec::poll(d.value(u"poll"_s).toMap()), integer(d, u"position"));
        break;
    case Action::OpenPoll:
    case Action::ClosePoll:
        if (Poll* p = pollFor(s, d)) {
            p->status = e.action == Action::OpenPoll     ? PollStatus::Open
                        : d.value(u"toDraft"_s).toBool() ? PollStatus::Draft
                                                         : PollStatus::Closed;
            if (e.action == Action::OpenPoll) { // voted again: read out again when it closes
                p->readOut.clear();
                p->correctedAt = 0;
            } else if (d.contains(u"readOut"_s)) { // a reopening undone: as read out before
                p->readOut = codec::tallies(d.value(u"readOut"_s), p->options.size());
                p->correctedAt = integer(d, u"correctedAt");
            }
            keepWhenItRan(*p, e);
        }
        break;
    case Action::SetTally:
        setTally(s, d);
        // Only events that say so (decided since protocol 3): older ones, replayed, must give
        // the states their files' snapshots kept.
        // Kept only while they differ: as read out again, the poll is as if never corrected.
        if (Poll* p = pollFor(s, d); p && d.contains(u"readOut"_s)) {
            const QList<Tally> readOut = codec::tallies(d.value(u"readOut"_s), p->options.size());
            const bool differs = p->tallies != readOut;
            p->readOut = differs ? readOut : QList<Tally>{};
            p->correctedAt = differs ? e.at : 0;
        }
        break;
    case Action::RemovePoll:
        if (const int i = s.pollIndex(integer(d, u"poll")); i >= 0)
            s.polls.removeAt(i);
        break;
    case Action::EditPoll: {
        const Poll edited = codec::poll(d.value(u"poll"_s).toMap());
        if (const int i = s.pollIndex(edited.id); i >= 0)
            s.polls[i] = edited; // in its place, under its id
        break;
    }
    default:
        break;
    }
}

void applyQueue(SessionState& s, const Event& e) {
    const QCborMap& d = e.data;
    const Id entry = integer(d, u"entry");
    switch (e.action) {
    case Action::AddEntry:
        insertEntry(s, codec::queueEntry(d.value(u"entry"_s).toMap()), integer(d, u"position"));
        break;
    case Action::MoveEntry:
        moveEntry(s, entry, integer(d, u"to"));
        break;
    case Action::WithdrawEntry:
    case Action::RestoreEntry:
        setWithdrawn(s, entry, e.action == Action::WithdrawEntry);
        break;
    case Action::EditEntry: {
        const QueueEntry edited = codec::queueEntry(d.value(u"entry"_s).toMap());
        if (const int i = s.entryIndex(edited.id); i >= 0)
            s.queue[i] = edited;
        break;
    }
    case Action::RemoveEntry:
        if (const int i = s.entryIndex(entry); i >= 0)
            s.queue.removeAt(i);
        break;
    default:
        break;
    }
}

void applyParticipant(SessionState& s, const Event& e) {
    const QCborMap& d = e.data;
    switch (e.action) {
    case Action::AddParticipant: {
        const Participant p = codec::participant(d.value(u"participant"_s).toMap());
        if (p.id != 0 && !s.participant(p.id)) {
            reserveId(s, p.id);
            auto at = std::lower_bound(s.participants.begin(), s.participants.end(), p.id,
                                       [](const Participant& x, Id id) { return x.id < id; });
            s.participants.insert(at, p);
        }
        break;
    }
    case Action::EditParticipant:
        replaceParticipant(s, codec::participant(d.value(u"participant"_s).toMap()));
        break;
    case Action::RemoveParticipant:
        s.participants.removeIf(
            [id = integer(d, u"participant")](const Participant& p) { return p.id == id; });
        break;
    default:
        break;
    }
}

} // namespace

SessionState apply(SessionState s, const Event& e) {
    const QCborMap& d = e.data;
    switch (e.action) {
    case Action::CreateSession:
        createSession(s, d);
        break;
    case Action::AddParticipant:
    case Action::EditParticipant:
    case Action::RemoveParticipant:
        applyParticipant(s, e);
        break;
    case Action::AddEntry:
    case Action::MoveEntry:
    case Action::WithdrawEntry:
    case Action::RestoreEntry:
    case Action::EditEntry:
    case Action::RemoveEntry:
        applyQueue(s, e);
        break;
    case Action::Next:
        giveFloor(s, d, e.at);
        clearStageMessageIfSaid(s, d);
        break;
    case Action::EndSpeech:
        endSpeech(s, e.at);
        clearStageMessageIfSaid(s, d);
        break;
    case Action::RevertNext:
        revertNext(s, d);
        break;
    case Action::StartTimer:
    case Action::PauseTimer:
    case Action::AdjustTimer:
    case Action::SetWarning:
        applyTimer(s, e);
        break;
    case Action::StartSegment:
        startSegment(s, integer(d, u"index", -1), e.at, d.value(u"keepsRun"_s).toBool());
        break;
    case Action::RestoreAgenda:
        if (d.value(u"segments"_s).toArray().size() == s.segments.size()) {
            setAgenda(s, d);
            if (d.value(u"relabel"_s).toBool()) // (not in events from before it was said)
                relabelUnheldSegments(s);
        }
        break;
    case Action::EditAgenda:
        setAgenda(s, d);
        break;
    case Action::CreatePoll:
    case Action::OpenPoll:
    case Action::ClosePoll:
    case Action::SetTally:
    case Action::RemovePoll:
    case Action::RestorePoll:
    case Action::EditPoll:
        applyPoll(s, e);
        break;
    case Action::EditSession:
        s.info = codec::sessionInfo(d.value(u"info"_s).toMap());
        // (Events written before the decision said so reset the clock to the planned length.)
        s.sessionClock.allottedMs = integer(d, u"sessionAllottedMs", s.info.plannedMs);
        break;
    case Action::SetAllotments:
        s.allotments = codec::allotments(d.value(u"allotments"_s).toMap());
        break;
    case Action::SetStageMessage:
        s.stageMessage = d.value(u"text"_s).toString();
        break;
    }
    s.lastSeq = e.seq;
    s.epoch = e.epoch;
    return s;
}

} // namespace podium
