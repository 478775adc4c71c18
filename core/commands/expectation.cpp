#include "expectation.h"

#include "decisions.h"

#include "model/cbor_input.h"
#include "model/codec.h"

#include <QCborArray>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::Expectation", text);
}

const QString expectKey = u"expect"_s;

// An edit's fields, without what names the thing edited.
QCborMap fieldsOf(const Command& c) {
    QCborMap fields = c.args;
    for (const QString& ref : {u"participant"_s, u"entry"_s, expectKey})
        fields.remove(ref);
    return fields;
}

// Of `whole`, the fields `wanted` names.
QCborMap onlyFields(const QCborMap& whole, const QCborMap& wanted) {
    QCborMap picked;
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it)
        picked.insert(it.key(), whole.value(it.key()));
    return picked;
}

// Of `order`, the ids `other` holds too, in `order`'s order.
QList<qint64> inBoth(const QCborArray& order, const QCborArray& other) {
    QList<qint64> kept;
    for (const QCborValue& id : order) {
        if (other.contains(id))
            kept.append(id.toInteger());
    }
    return kept;
}

// Whether `now` is `wanted`: for an edit, in the fields `wanted` names, whatever else is set;
// integers as numbers (CBOR may bring them back in any width).
bool holds(const QCborValue& now, const QCborValue& wanted) {
    if (wanted.isArray() && now.isArray()) // a queue's order: of the entries in both, the same
        return inBoth(now.toArray(), wanted.toArray()) == inBoth(wanted.toArray(), now.toArray());
    if (wanted.isMap() && now.isMap())
        return onlyFields(now.toMap(), wanted.toMap()) == wanted.toMap();
    if (wanted.isInteger() && now.isInteger())
        return wanted.toInteger() == now.toInteger();
    return wanted == now;
}

std::optional<QCborValue> tallyNow(const SessionState& s, const Command& c) {
    const Poll* p = s.poll(integerOf(c.args.value(u"poll"_s)));
    const qint64 option = integerOf(c.args.value(u"option"_s), -1);
    const auto source = fromKey<TallySource>(c.args.value(u"source"_s).toString());
    if (!p || !source || option < 0 || option >= p->tallies.size())
        return std::nullopt;
    return QCborValue(p->tallies[option][std::size_t(*source)]);
}

QString nameOf(const SessionState& s, Id participant) {
    const Participant* p = s.participant(participant);
    return p ? p->name : tr("Someone");
}

QString changedMeanwhile(const SessionState& s, const Command& c) {
    switch (c.action) {
    case Action::SetTally: {
        const Poll* p = s.poll(integerOf(c.args.value(u"poll"_s)));
        const qint64 option = integerOf(c.args.value(u"option"_s));
        const QString name =
            p && option >= 0 && option < p->options.size() ? p->options[option] : QString();
        const auto source = fromKey<TallySource>(c.args.value(u"source"_s).toString());
        return tr("The tally for “%1” (%2) was changed on another seat since; it was left at %3.")
            .arg(name, source ? label(*source) : QString())
            .arg(tallyNow(s, c).value_or(QCborValue(0)).toInteger());
    }
    case Action::SetStageMessage:
        return tr("The message to the speaker was changed on another seat since; it was left as "
                  "it is.");
    case Action::MoveEntry: {
        const QueueEntry* e = s.entry(integerOf(c.args.value(u"entry"_s)));
        return tr("The queue was reordered on another seat since; %1 was left where they are.")
            .arg(nameOf(s, e ? e->participantId : 0));
    }
    case Action::EditParticipant:
    case Action::RemoveParticipant:
        return tr("%1's details were changed on another seat since; they were left as they are.")
            .arg(nameOf(s, integerOf(c.args.value(u"participant"_s))));
    case Action::EditEntry: {
        const QueueEntry* e = s.entry(integerOf(c.args.value(u"entry"_s)));
        return tr("%1's queue entry was changed on another seat since; it was left as it is.")
            .arg(nameOf(s, e ? e->participantId : 0));
    }
    default:
        return {};
    }
}

// What `c` changes, as the state holds it now: a number or a text, or for an edit every field
// of what it edits.
std::optional<QCborValue> thingNow(const SessionState& s, const Command& c) {
    switch (c.action) {
    case Action::SetTally:
        return tallyNow(s, c);
    case Action::SetStageMessage:
        return QCborValue(s.stageMessage);
    case Action::MoveEntry: { // the queue's order: a call or an addition meanwhile is no reorder
        if (!s.entry(integerOf(c.args.value(u"entry"_s))))
            return std::nullopt;
        QCborArray order;
        for (const QueueEntry& e : s.queue)
            order.append(e.id);
        return QCborValue(order);
    }
    case Action::EditParticipant:
    case Action::RemoveParticipant: {
        const Participant* p = s.participant(integerOf(c.args.value(u"participant"_s)));
        return p ? std::optional(QCborValue(codec::toCbor(*p))) : std::nullopt;
    }
    case Action::EditEntry: {
        const QueueEntry* e = s.entry(integerOf(c.args.value(u"entry"_s)));
        return e ? std::optional(QCborValue(codec::toCbor(*e))) : std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

} // namespace

std::optional<QCborValue> valueBefore(const SessionState& s, const Command& c) {
    const auto now = thingNow(s, c);
    if (now && now->isMap() && c.action != Action::RemoveParticipant) // an edit: its fields
        return QCborValue(onlyFields(now->toMap(), fieldsOf(c)));
    return now;
}

std::optional<QCborValue> valueSetBy(const Command& c) {
    switch (c.action) {
    case Action::SetTally:
        return c.args.value(u"count"_s);
    case Action::SetStageMessage:
        return QCborValue(decisions::stageMessageText(c.args.value(u"text"_s)));
    case Action::EditParticipant:
    case Action::EditEntry:
        return QCborValue(fieldsOf(c));
    default:
        return std::nullopt;
    }
}

Command expecting(Command c, const std::optional<QCborValue>& value) {
    if (value)
        c.args[expectKey] = *value;
    return c;
}

QString unmetExpectation(const SessionState& s, const Command& c) {
    if (!c.args.contains(expectKey))
        return {};
    const auto now = thingNow(s, c);
    if (!now) // the thing itself is gone: the action says so in its own words
        return {};
    // What it would set is there already (a message the next call cleared, a tally set back on
    // the other seat): nothing of anyone's is overwritten.
    if (const auto sets = valueSetBy(c); sets && holds(*now, *sets))
        return {};
    return holds(*now, c.args.value(expectKey)) ? QString() : changedMeanwhile(s, c);
}

} // namespace podium
