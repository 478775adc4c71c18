#include "event.h"
#include "model/cbor_input.h"

using namespace Qt::StringLiterals;

namespace podium {

QCborMap Event::toCbor() const {
    QCborMap m;
    m[u"seq"_s] = seq;
    m[u"epoch"_s] = epoch;
    m[u"at"_s] = at;
    m[u"author"_s] = author;
    m[u"cmd"_s] = commandId;
    m[u"action"_s] = int(action);
    m[u"data"_s] = data;
    return m;
}

std::optional<Event> Event::fromCbor(const QCborMap& m, QString* error) {
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const auto action = actionFromInt(integerOf(m.value(u"action"_s), -1));
    if (!action)
        return fail(
            QStringLiteral("unknown event action %1").arg(integerOf(m.value(u"action"_s), -1)));
    if (!m.value(u"seq"_s).isInteger() || !m.value(u"at"_s).isInteger())
        return fail(QStringLiteral("event without sequence number or time"));
    if (m.contains(u"epoch"_s) && !std::in_range<qint32>(integerOf(m.value(u"epoch"_s), 1)))
        return fail(QStringLiteral("event epoch out of range"));
    if (!m.value(u"data"_s).isMap())
        return fail(QStringLiteral("event without data"));
    Event e;
    e.seq = integerOf(m.value(u"seq"_s));
    e.epoch = integerIn<qint32>(m.value(u"epoch"_s), 1);
    e.at = integerOf(m.value(u"at"_s));
    e.author = m.value(u"author"_s).toString();
    e.commandId = m.value(u"cmd"_s).toString();
    e.action = *action;
    e.data = m.value(u"data"_s).toMap();
    return e;
}

} // namespace podium
