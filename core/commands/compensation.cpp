#include "compensation.h"

#include "expectation.h"
#include "model/cbor_input.h"
#include "model/codec.h"
#include "model/reducer.h"

#include <QCborArray>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

Command make(Action a, QCborMap args) {
    Command c;
    c.action = a;
    c.args = std::move(args);
    return c;
}

QCborArray idArray(const QList<Id>& ids) {
    QCborArray array;
    for (const Id id : ids)
        array.append(id);
    return array;
}

// Of `old`, the fields an edit may set that `edited` holds otherwise.
QCborMap changedFields(const QCborMap& old, const QCborMap& edited) {
    QCborMap changed;
    for (const QString& field : {u"name"_s, u"affiliation"_s, u"group"_s, u"region"_s, u"gender"_s,
                                 u"presence"_s, u"role"_s, u"kind"_s, u"note"_s, u"channel"_s}) {
        if (old.contains(field) && old.value(field) != edited.value(field))
            changed.insert(field, old.value(field));
    }
    return changed;
}

std::optional<Command> forParticipant(const SessionState& before, const Event& e) {
    const QCborMap p = e.data.value(u"participant"_s).toMap();
    switch (e.action) {
    case Action::AddParticipant:
        return make(Action::RemoveParticipant, {{u"participant"_s, p.value(u"id"_s)}});
    case Action::EditParticipant: {
        const Participant* old = before.participant(integerOf(p.value(u"id"_s)));
        if (!old)
            return std::nullopt;
        // Only what this edit changed: the rest may be the other moderator's since.
        QCborMap args = changedFields(codec::toCbor(*old), p);
        if (args.isEmpty())
            return std::nullopt;
        args[u"participant"_s] = old->id;
        return make(Action::EditParticipant, args);
    }
    case Action::RemoveParticipant: {
        const Participant* old = before.participant(integerOf(e.data.value(u"participant"_s)));
        return old ? std::optional(make(Action::AddParticipant, codec::toCbor(*old)))
                   : std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

std::optional<Command> forQueue(const SessionState& before, const Event& e) {
    const bool carriesEntry = e.data.value(u"entry"_s).isMap();
    const Id id = carriesEntry ? integerOf(e.data.value(u"entry"_s).toMap().value(u"id"_s))
                               : integerOf(e.data.value(u"entry"_s));
    const QCborMap ref{{u"entry"_s, id}};
    switch (e.action) {
    case Action::AddEntry:
        return make(Action::RemoveEntry, ref);
    case Action::MoveEntry: // back before the one it stood before (a call meanwhile shifts places)
        return make(Action::MoveEntry, {{u"entry"_s, id},
                                        {u"to"_s, before.entryIndex(id)},
                                        {u"before"_s, idArray(before.entriesAfter(id))},
                                        {u"after"_s, idArray(before.entriesBefore(id))}});
    case Action::WithdrawEntry:
        return make(Action::RestoreEntry, ref);
    case Action::RestoreEntry:
        return make(Action::WithdrawEntry, ref);
    case Action::EditEntry: {
        const QueueEntry* old = before.entry(id);
        if (!old || !carriesEntry)
            return std::nullopt;
        QCborMap args = changedFields(codec::toCbor(*old), e.data.value(u"entry"_s).toMap());
        if (args.isEmpty())
            return std::nullopt;
        args[u"entry"_s] = id;
        return make(Action::EditEntry, args);
    }
    default:
        return std::nullopt;
    }
}

std::optional<Command> forFloor(const SessionState& before, const Event& e) {
    QCborMap args{{u"dropSpeech"_s, before.floor.has_value()}};
    if (before.floor)
        args[u"previousFloor"_s] = codec::toCbor(*before.floor);
    if (e.data.value(u"clearStageMessage"_s).toBool())
        args[u"stageMessage"_s] = before.stageMessage;
    if (e.action == Action::Next) {
        const Id id = integerOf(e.data.value(u"entry"_s));
        const QueueEntry* called = before.entry(id);
        if (!called)
            return std::nullopt;
        args[u"entry"_s] = codec::toCbor(*called);
        args[u"position"_s] = before.entryIndex(id);
    }
    return make(Action::RevertNext, args);
}

// When the event started or paused the clock: a redo, or the undo of an undo, carries the moment
// of the first (`since`, `until`), as the reducer applies it.
qint64 clockMoment(const Countdown& old, const Event& e) {
    if (e.action == Action::StartTimer)
        return qMin(e.at, integerOf(e.data.value(u"since"_s), e.at));
    return qMax(old.startedAt, qMin(e.at, integerOf(e.data.value(u"until"_s), e.at)));
}

std::optional<Command> forTimer(const SessionState& before, const Event& e) {
    const QString timer = e.data.value(u"timer"_s).toString();
    const auto id = fromKey<TimerId>(timer);
    const Countdown* old = id ? before.timer(*id) : nullptr;
    QCborMap args{{u"timer"_s, timer}};
    // The speaker's time is the speech's: once another speaker has the floor, undoing 30 s
    // given to the last one would take them from the new one.
    if (id == TimerId::Speaker && before.floor)
        args[u"expectFloor"_s] = before.floor->entry.id;
    switch (e.action) {
    // As if it had not been: stopped when it started, run on from when it paused (decided
    // against the clock as this left it: DecideFloor's withUndoneMoment).
    case Action::StartTimer:
        if (old)
            args[u"until"_s] = clockMoment(*old, e);
        return make(Action::PauseTimer, args);
    case Action::PauseTimer:
        if (old) {
            const qint64 paused = clockMoment(*old, e);
            args[u"since"_s] = paused;
            args[u"asLeft"_s] = old->elapsedMs(paused); // the time run, as the pause kept it
        }
        return make(Action::StartTimer, args);
    case Action::AdjustTimer:
        args[u"deltaMs"_s] = -integerOf(e.data.value(u"deltaMs"_s));
        return make(Action::AdjustTimer, args);
    case Action::SetWarning:
        if (!old)
            return std::nullopt;
        args[u"ms"_s] = old->warningMs;
        return make(Action::SetWarning, args);
    default:
        return std::nullopt;
    }
}

std::optional<Command> forPoll(const SessionState& before, const Event& e) {
    const bool carriesPoll = e.data.value(u"poll"_s).isMap();
    const Id id = carriesPoll ? integerOf(e.data.value(u"poll"_s).toMap().value(u"id"_s))
                              : integerOf(e.data.value(u"poll"_s));
    const QCborMap ref{{u"poll"_s, id}};
    const Poll* old = before.poll(id);
    switch (e.action) {
    case Action::CreatePoll:
        return make(Action::RemovePoll, ref);
    case Action::OpenPoll: {
        // A poll opened by mistake goes back to the drafts, not to the polls that were run.
        // One closed before and reopened by mistake is as it was closed: when, and what was read
        // out then (the report said it closed at the undo, and forgot its correction).
        QCborMap args = ref;
        if (old && old->status == PollStatus::Draft)
            args[u"toDraft"_s] = true;
        if (old && old->status == PollStatus::Closed && old->closedAt > 0)
            args[u"closedAt"_s] = old->closedAt;
        if (old && old->status == PollStatus::Closed && !old->readOut.isEmpty()) {
            args[u"readOut"_s] = codec::toCbor(old->readOut);
            args[u"correctedAt"_s] = old->correctedAt;
        }
        return make(Action::ClosePoll, args);
    }
    case Action::ClosePoll:
        return make(Action::OpenPoll, ref);
    case Action::EditPoll:
        if (!old)
            return std::nullopt;
        return make(Action::EditPoll, {{u"poll"_s, id},
                                       {u"question"_s, old->question},
                                       {u"options"_s, QCborArray::fromStringList(old->options)},
                                       {u"multiple"_s, old->multipleChoice}});
    case Action::RemovePoll:
        if (!old)
            return std::nullopt;
        return make(Action::RestorePoll,
                    {{u"poll"_s, codec::toCbor(*old)}, {u"position"_s, before.pollIndex(id)}});
    case Action::SetTally: {
        const qint64 option = integerOf(e.data.value(u"option"_s));
        const auto source = fromKey<TallySource>(e.data.value(u"source"_s).toString());
        if (!old || !source || option < 0 || option >= old->tallies.size())
            return std::nullopt;
        QCborMap args = e.data;
        args[u"count"_s] = old->tallies[option][std::size_t(*source)];
        args.remove(u"ballot"_s); // a correction, not a phone's vote
        return make(Action::SetTally, args);
    }
    default:
        return std::nullopt;
    }
}

std::optional<Command> takingBack(const SessionState& before, const Event& e) {
    switch (e.action) {
    case Action::AddParticipant:
    case Action::EditParticipant:
    case Action::RemoveParticipant:
        return forParticipant(before, e);
    case Action::AddEntry:
    case Action::MoveEntry:
    case Action::WithdrawEntry:
    case Action::RestoreEntry:
    case Action::EditEntry:
        return forQueue(before, e);
    case Action::Next:
    case Action::EndSpeech:
        return forFloor(before, e);
    case Action::StartTimer:
    case Action::PauseTimer:
    case Action::AdjustTimer:
    case Action::SetWarning:
        return forTimer(before, e);
    case Action::StartSegment:
        return make(Action::RestoreAgenda,
                    {{u"segments"_s, codec::toCborArray(before.segments)},
                     {u"active"_s, before.activeSegment},
                     {u"segmentClock"_s, codec::toCbor(before.segmentClock)}});
    case Action::CreatePoll:
    case Action::OpenPoll:
    case Action::ClosePoll:
    case Action::SetTally:
    case Action::RemovePoll:
    case Action::EditPoll:
        return forPoll(before, e);
    case Action::EditSession:
        return make(Action::EditSession, {{u"info"_s, codec::toCbor(before.info)}});
    case Action::EditAgenda:
        return make(Action::EditAgenda, {{u"agenda"_s, codec::toCborArray(before.segments)}});
    case Action::SetAllotments:
        return make(Action::SetAllotments, {{u"allotments"_s, codec::toCbor(before.allotments)}});
    case Action::SetStageMessage:
        return make(Action::SetStageMessage, {{u"text"_s, before.stageMessage}});
    case Action::CreateSession:
    case Action::RemoveEntry:
    case Action::RevertNext:
    case Action::RestoreAgenda:
    case Action::RestorePoll:
        break;
    }
    return std::nullopt;
}

} // namespace

std::optional<Command> compensationFor(const SessionState& before, const Event& e) {
    const auto undo = takingBack(before, e);
    if (!undo)
        return undo;
    // It expects what the event set: another seat's change since is not overwritten.
    return expecting(*undo, valueBefore(apply(before, e), *undo));
}

Command asRedone(Command command, const SessionState& before, const Event& e) {
    const auto id = fromKey<TimerId>(e.data.value(u"timer"_s).toString());
    const Countdown* old = id ? before.timer(*id) : nullptr;
    if (!old)
        return command;
    // As the undo left the clock, which the host checks (DecideFloor's withUndoneMoment).
    if (e.action == Action::StartTimer) {
        command.args[u"since"_s] = clockMoment(*old, e);
        command.args[u"asLeft"_s] = old->accumulatedMs;
    } else if (e.action == Action::PauseTimer) {
        command.args[u"until"_s] = clockMoment(*old, e);
    }
    return command;
}

} // namespace podium
