#pragma once

#include "action.h"

#include <QCborMap>
#include <QString>
#include <optional>

namespace podium {

// An accepted change, stamped by the host. `data` holds everything the reducer needs, fully
// resolved (ids assigned, positions chosen), so applying it never has to decide anything.
struct Event {
    qint64 seq = 0;
    qint32 epoch = 1;
    qint64 at = 0; // host clock, ms since the Unix epoch
    QString author;
    QString commandId;
    Action action = Action::CreateSession;
    QCborMap data;

    QCborMap toCbor() const;
    static std::optional<Event> fromCbor(const QCborMap& map, QString* error = nullptr);
    bool operator==(const Event&) const = default;
};

} // namespace podium
