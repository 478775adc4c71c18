#pragma once

#include <QCollator>
#include <QCompleter>
#include <QSortFilterProxyModel>
#include <QString>

namespace podium {

// A name as a search sees it: without case or accents, so "zoe" finds "Zoë" and "nguyen" finds
// "Nguyễn" (a moderator types a name from a badge on whatever keyboard is at hand).
QString searchKey(const QString& text);

// Names in the alphabet's order, case aside: "Ólafur" among the Os, not after "Zoë". Where the
// locale is "C" (no language chosen), in Unicode's common order rather than the code points'.
QCollator nameCollator();

// Rows holding what is typed in any column, compared by searchKey; sorted by nameCollator.
class NameSearchProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setSearchText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    QString m_key;
    QCollator m_collator = nameCollator();
};

// A completer matching what is typed anywhere in an item's `keyRole` (set with searchKey), and
// putting the item's `textRole` into the field.
class NameSearchCompleter : public QCompleter {
public:
    NameSearchCompleter(QAbstractItemModel* model, int keyRole, int textRole, QObject* parent);
    QStringList splitPath(const QString& path) const override;
    QString pathFromIndex(const QModelIndex& index) const override;

private:
    int m_textRole;
};

} // namespace podium
