#pragma once

#include "model/state.h"

#include <QList>
#include <QString>

namespace podium {

// Who has been heard, counted along one dimension; the speech on the floor counts too.
enum class BalanceDimension { Group, Region, Presence, Gender };

struct BalanceRow {
    QString label;
    int interventions = 0;
    qint64 spokeMs = 0;

    bool operator==(const BalanceRow&) const = default;
};

// One row per category (every group, region and channel, even at zero, so an unheard one
// shows as an empty bar, but "Unspecified" only once heard; genders as people described them,
// unstated ones together).
QList<BalanceRow> balanceBy(const SessionState& s, qint64 now, BalanceDimension dimension);

} // namespace podium
