#include "decisions.h"
#include "model/cbor_input.h"
#include "model/codec.h"

#include <QCborArray>
#include <QCoreApplication>
#include <optional>

using namespace Qt::StringLiterals;

namespace podium::decisions {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::Queue", text);
}

int leadingPointsOfOrder(const SessionState& s) {
    int i = 0;
    while (i < s.queue.size() && s.queue[i].kind == EntryKind::PointOfOrder)
        ++i;
    return i;
}

// Follow-ups of `target` start at `from`; clarifying questions go before replies.
int afterFollowUps(const SessionState& s, int from, Id target, EntryKind kind) {
    int i = from;
    while (i < s.queue.size() && s.queue[i].relatesTo == target) {
        if (kind == EntryKind::ClarifyingQuestion &&
            s.queue[i].kind != EntryKind::ClarifyingQuestion)
            break;
        ++i;
    }
    return i;
}

Result<QueueEntry> entryFromArgs(const SessionState& s, const Command& c, qint64 now) {
    const Participant* p = s.participant(integerOf(c.args.value(u"participant"_s)));
    if (!p)
        return Result<QueueEntry>::failure(tr("Choose a participant to add to the queue."));
    QueueEntry e;
    // Back under the id it had: a redone call to the floor names it.
    const Id asked = integerOf(c.args.value(u"id"_s));
    e.id = s.isFreeOldId(asked) ? asked : s.nextId;
    e.participantId = p->id;
    e.kind = fromKey<EntryKind>(c.args.value(u"kind"_s).toString()).value_or(EntryKind::NewPoint);
    const bool followUp = e.kind == EntryKind::Reply || e.kind == EntryKind::ClarifyingQuestion;
    e.relatesTo = followUp ? integerOf(c.args.value(u"relatesTo"_s)) : 0;
    e.note = c.args.value(u"note"_s).toString().left(500);
    e.requestedAt = now;
    e.addedBy = c.author;
    e.channel = fromKey<Presence>(c.args.value(u"channel"_s).toString()).value_or(p->presence);
    return e;
}

// One new point per person waiting: a second one (restored, or made one by an edit) let one
// voice take two turns.
QString secondNewPoint(const SessionState& s, Id participant, Id except = 0) {
    for (const QueueEntry& q : s.queue) {
        if (q.id != except && q.participantId == participant && q.kind == EntryKind::NewPoint &&
            !q.withdrawn)
            return tr("%1 is already in the queue.").arg(s.participant(participant)->name);
    }
    return {};
}

QString checkNewEntry(const SessionState& s, const QueueEntry& e) {
    const bool followUp = e.kind == EntryKind::Reply || e.kind == EntryKind::ClarifyingQuestion;
    if (followUp) {
        if (e.relatesTo == 0)
            return tr("A reply or clarifying question needs the point it relates to.");
        const bool onFloor = s.floor && s.floor->entry.id == e.relatesTo;
        if (!onFloor && !s.entry(e.relatesTo))
            return tr("The point this relates to is no longer in the queue or on the floor.");
    }
    return e.kind == EntryKind::NewPoint ? secondNewPoint(s, e.participantId) : QString();
}

Result<const QueueEntry*> queuedEntry(const SessionState& s, const Command& c) {
    const QueueEntry* e = s.entry(integerOf(c.args.value(u"entry"_s)));
    if (!e)
        return Result<const QueueEntry*>::failure(tr("That entry is no longer in the queue."));
    return e;
}

Data addEntry(const SessionState& s, const Command& c, qint64 now) {
    auto entry = entryFromArgs(s, c, now);
    if (!entry)
        return Data::failure(entry.error());
    if (const QString why = checkNewEntry(s, *entry); !why.isEmpty())
        return Data::failure(why);
    return QCborMap{{u"entry"_s, codec::toCbor(*entry)},
                    {u"position"_s, queuePositionFor(s, *entry)}};
}

Data editEntry(const SessionState& s, const QueueEntry& old, const Command& c) {
    QueueEntry e = old;
    if (c.args.contains(u"note"_s))
        e.note = c.args.value(u"note"_s).toString().left(500);
    if (c.args.contains(u"channel"_s)) {
        const auto channel = fromKey<Presence>(c.args.value(u"channel"_s).toString());
        if (!channel)
            return Data::failure(tr("Unknown channel."));
        e.channel = *channel;
    }
    if (c.args.contains(u"kind"_s)) {
        const auto kind = fromKey<EntryKind>(c.args.value(u"kind"_s).toString());
        if (!kind)
            return Data::failure(tr("Unknown kind of intervention."));
        if ((*kind == EntryKind::Reply || *kind == EntryKind::ClarifyingQuestion) &&
            e.relatesTo == 0)
            return Data::failure(tr("Only an entry that relates to a point can become a reply."));
        // A point of order goes first, which an edit in place would not do.
        if ((*kind == EntryKind::PointOfOrder) != (e.kind == EntryKind::PointOfOrder))
            return Data::failure(tr("A point of order is added as one: withdraw this entry and "
                                    "add it again."));
        if (*kind == EntryKind::NewPoint && e.kind != EntryKind::NewPoint && !e.withdrawn)
            if (const QString why = secondNewPoint(s, e.participantId, e.id); !why.isEmpty())
                return Data::failure(why);
        e.kind = *kind;
    }
    return QCborMap{{u"entry"_s, codec::toCbor(e)}};
}

} // namespace

qint64 queuePositionFor(const SessionState& s, const QueueEntry& e) {
    const int front = leadingPointsOfOrder(s);
    switch (e.kind) {
    case EntryKind::PointOfOrder:
        return front;
    case EntryKind::Reply:
    case EntryKind::ClarifyingQuestion: {
        const int target = s.entryIndex(e.relatesTo);
        const int from = target >= 0 ? qMax(target + 1, front) : front;
        return afterFollowUps(s, from, e.relatesTo, e.kind);
    }
    case EntryKind::NewPoint:
        break;
    }
    return s.queue.size();
}

namespace {

// Where the entry goes when it is to go before another, counted as the queue is once the entry
// is taken out. "before": one entry (0: the end), or the entries that are to follow it, in order:
// it goes before the first of them still queued (the undo of a move whose neighbour was called
// meanwhile went back to an old place). "after": the entries that are to stand before it, in
// order: with none of the followers left, it goes after the last of them still queued, or first
// when none is (it went to the end, behind people added since). Nothing when the one entry named
// has left the queue.
std::optional<qint64> placeBefore(const SessionState& s, Id moved, const Command& c) {
    if (!c.args.contains(u"before"_s))
        return std::nullopt;
    const QCborValue before = c.args.value(u"before"_s);
    QList<Id> others;
    for (const QueueEntry& q : s.queue) {
        if (q.id != moved)
            others.append(q.id);
    }
    for (const QCborValue& id : before.isArray() ? before.toArray() : QCborArray{before}) {
        const Id follower = integerOf(id);
        if (follower == 0)
            return others.size();
        if (const qsizetype at = others.indexOf(follower); at >= 0)
            return at;
    }
    if (!before.isArray())
        return std::nullopt;
    if (!c.args.contains(u"after"_s)) // from a seat of an earlier version
        return others.size();
    const QCborArray leaders = c.args.value(u"after"_s).toArray();
    for (qsizetype i = leaders.size() - 1; i >= 0; --i) {
        if (const qsizetype at = others.indexOf(integerOf(leaders[i])); at >= 0)
            return at + 1;
    }
    return 0;
}

} // namespace

Data queue(const SessionState& s, const Command& c, qint64 now) {
    if (c.action == Action::AddEntry)
        return addEntry(s, c, now);
    const auto found = queuedEntry(s, c);
    if (!found)
        return Data::failure(found.error());
    const QueueEntry& e = **found;
    const QCborMap ref{{u"entry"_s, e.id}};
    switch (c.action) {
    case Action::MoveEntry: {
        const qint64 to = placeBefore(s, e.id, c).value_or(integerOf(c.args.value(u"to"_s), -1));
        if (to < 0 || to >= s.queue.size())
            return Data::failure(tr("There is no such place in the queue."));
        return QCborMap{{u"entry"_s, e.id}, {u"to"_s, to}};
    }
    case Action::WithdrawEntry:
        if (e.withdrawn)
            return Data::failure(tr("That entry is already withdrawn."));
        return ref;
    case Action::RestoreEntry:
        if (!e.withdrawn)
            return Data::failure(tr("That entry is not withdrawn."));
        if (e.kind == EntryKind::NewPoint)
            if (const QString why = secondNewPoint(s, e.participantId, e.id); !why.isEmpty())
                return Data::failure(why);
        return ref;
    case Action::EditEntry:
        return editEntry(s, e, c);
    case Action::RemoveEntry:
        return ref;
    default:
        break;
    }
    return Data::failure(tr("Not a queue action."));
}

} // namespace podium::decisions
