#include "balance.h"

#include <QCoreApplication>

namespace podium {
namespace {

template <typename E> QList<BalanceRow> emptyRows() {
    QList<BalanceRow> rows;
    for (int i = 0; i < enumCount<E>(); ++i)
        rows.append({label(enumAt<E>(i)), 0, 0});
    return rows;
}

QString genderOf(const Participant* p) {
    const QString g = p ? p->gender.trimmed() : QString();
    return g.isEmpty() ? QCoreApplication::translate("podium::Balance", "Not stated") : g;
}

int rowFor(QList<BalanceRow>& rows, const SessionState& s, const Speech& sp,
           BalanceDimension dimension) {
    const Participant* p = s.participant(sp.participantId);
    switch (dimension) {
    case BalanceDimension::Group:
        return int(p ? p->group : StakeholderGroup::Unspecified);
    case BalanceDimension::Region:
        return int(p ? p->region : Region::Unspecified);
    case BalanceDimension::Presence:
        return int(sp.channel);
    case BalanceDimension::Gender:
        break;
    }
    const QString g = genderOf(p);
    for (int i = 0; i < rows.size(); ++i) {
        if (rows[i].label.compare(g, Qt::CaseInsensitive) == 0)
            return i;
    }
    rows.append({g, 0, 0});
    return int(rows.size()) - 1;
}

// "Unspecified" at zero tells nothing, and would cost each chart a line.
void dropIfUnheard(QList<BalanceRow>& rows, int unspecified) {
    if (rows[unspecified].interventions == 0)
        rows.removeAt(unspecified);
}

} // namespace

QList<BalanceRow> balanceBy(const SessionState& s, qint64 now, BalanceDimension dimension) {
    QList<BalanceRow> rows;
    switch (dimension) {
    case BalanceDimension::Group:
        rows = emptyRows<StakeholderGroup>();
        break;
    case BalanceDimension::Region:
        rows = emptyRows<Region>();
        break;
    case BalanceDimension::Presence:
        rows = emptyRows<Presence>();
        break;
    case BalanceDimension::Gender:
        break;
    }
    for (const Speech& sp : s.speechesSoFar(now)) {
        BalanceRow& row = rows[rowFor(rows, s, sp, dimension)];
        ++row.interventions;
        row.spokeMs += sp.spokeMs;
    }
    if (dimension == BalanceDimension::Group)
        dropIfUnheard(rows, int(StakeholderGroup::Unspecified));
    else if (dimension == BalanceDimension::Region)
        dropIfUnheard(rows, int(Region::Unspecified));
    return rows;
}

} // namespace podium
