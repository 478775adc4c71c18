#pragma once

#include "model/action.h"
#include "model/types.h"

#include <QCborMap>
#include <QString>
#include <optional>

namespace podium {

// A request to change the session. `authority` is what the issuer was granted (set by the
// host from the connection, never taken from the peer's word); `args` are the action's inputs.
struct Command {
    QString id;
    QString author;
    Authority authority = Authority::ReadOnly;
    Action action = Action::Next;
    QCborMap args;

    QCborMap toCbor() const; // without authority: the host decides that
    static std::optional<Command> fromCbor(const QCborMap& m, QString* error = nullptr);
};

// A fresh unique command id.
QString newCommandId();

} // namespace podium
