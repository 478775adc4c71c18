#pragma once

#include <QCompleter>
#include <QSortFilterProxyModel>
#include <QString>

namespace podium {

// A name as a search sees it: without case or accents, so "zoe" finds "Zoë" and "nguyen" finds
// "Nguyễn" (a moderator types a name from a badge on whatever keyboard is at hand).
QString searchKey(const QString& text);

// Rows holding what is typed in any column, compared by searchKey.
class NameSearchProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setSearchText(const QString& text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_key;
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
