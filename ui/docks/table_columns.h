#pragma once

#include "model/types.h"

#include <QList>
#include <QMap>
#include <QStringList>

class QAbstractItemView;
class QHeaderView;

namespace podium {

// The header over a tree's or a table's columns.
QHeaderView* columnHeader(const QAbstractItemView* view);

// Every label of one of the session's fixed lists (groups, regions, kinds…), in the current
// language.
template <typename E> QStringList labelsOf() {
    QStringList labels;
    for (int i = 0; i < enumCount<E>(); ++i)
        labels << label(enumAt<E>(i));
    return labels;
}

// Sizes each listed column to its header or its widest possible value, whichever is wider:
// columns of short fixed lists need no measuring of rows on every change.
void sizeColumnsToLabels(QAbstractItemView* view, const QMap<int, QStringList>& columns);

// The name column stretches over the room the other columns leave, but never below `chars`
// average characters: with less room the table scrolls sideways instead of cutting every name
// to "A…".
void keepColumnReadable(QAbstractItemView* view, int column, int chars);

// Lets people hide and show the view's columns from its header's context menu (all but
// `keptColumn`, which names the row). Their choice is kept in the settings under the view's
// objectName; until they choose, `hiddenByDefault` are hidden.
void offerColumnChoice(QAbstractItemView* view, int keptColumn, const QList<int>& hiddenByDefault);

} // namespace podium
