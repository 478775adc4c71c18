#include "command.h"
#include "model/cbor_input.h"

#include <QUuid>

using namespace Qt::StringLiterals;

namespace podium {

QCborMap Command::toCbor() const {
    return QCborMap{
        {u"id"_s, id}, {u"author"_s, author}, {u"action"_s, int(action)}, {u"args"_s, args}};
}

std::optional<Command> Command::fromCbor(const QCborMap& m, QString* error) {
    const auto action = actionFromInt(integerOf(m.value(u"action"_s), -1));
    if (!action || !m.value(u"args"_s).isMap()) {
        if (error)
            *error = QStringLiteral("malformed command");
        return std::nullopt;
    }
    Command c;
    c.id = m.value(u"id"_s).toString();
    c.author = m.value(u"author"_s).toString();
    c.action = *action;
    c.args = m.value(u"args"_s).toMap();
    return c;
}

QString newCommandId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace podium
