#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace podium {

// A table over a copy of one list from the session state. mirror() turns the difference to the
// new list into the smallest model change (one row inserted, one removed, rows changed), and
// resets only when the list changed in some other way, so views keep selection and scrolling.
template <typename T> class MirrorTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    const QList<T>& rows() const { return m_rows; }

protected:
    void mirror(const QList<T>& now) {
        if (now == m_rows)
            return;
        if (!mirrorInsert(now) && !mirrorRemove(now))
            mirrorChanged(now);
    }
    void resetTo(const QList<T>& now) {
        beginResetModel();
        m_rows = now;
        endResetModel();
    }
    void allChanged() {
        if (!m_rows.isEmpty())
            emit this->dataChanged(this->index(0, 0),
                                   this->index(int(m_rows.size()) - 1, columnCount() - 1));
    }

    QList<T> m_rows;

private:
    int firstDifference(const QList<T>& a, const QList<T>& b) const {
        int i = 0;
        while (i < a.size() && i < b.size() && a[i] == b[i])
            ++i;
        return i;
    }
    bool mirrorInsert(const QList<T>& now) {
        if (now.size() != m_rows.size() + 1)
            return false;
        const int i = firstDifference(m_rows, now);
        QList<T> expected = m_rows;
        expected.insert(i, now[i]);
        if (expected != now)
            return false;
        beginInsertRows({}, i, i);
        m_rows = now;
        endInsertRows();
        return true;
    }
    bool mirrorRemove(const QList<T>& now) {
        if (now.size() + 1 != m_rows.size())
            return false;
        const int i = firstDifference(m_rows, now);
        QList<T> expected = m_rows;
        expected.removeAt(i);
        if (expected != now)
            return false;
        beginRemoveRows({}, i, i);
        m_rows = now;
        endRemoveRows();
        return true;
    }
    void mirrorChanged(const QList<T>& now) {
        if (now.size() != m_rows.size()) {
            resetTo(now);
            return;
        }
        for (int i = 0; i < now.size(); ++i) {
            if (!(now[i] == m_rows[i])) {
                m_rows[i] = now[i];
                emit this->dataChanged(this->index(i, 0), this->index(i, columnCount() - 1));
            }
        }
    }
};

} // namespace podium
