#pragma once

#include "engine/session_engine.h"

#include <QAbstractTableModel>
#include <functional>

namespace podium {

// One poll's options with their tallies per source (onsite, online, web), the combined total
// and the share of all votes. Editing a source cell asks for a SetTally; the shown figure
// changes when the event comes back.
class TallyModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Option, Onsite, Online, Web, Total, Share, ColumnCount };
    using TallySetter = std::function<void(Id poll, int option, TallySource source, qint64 count)>;

    explicit TallyModel(const SessionEngine& engine, QObject* parent = nullptr);

    void setPoll(Id poll);
    Id poll() const { return m_poll; }
    void setEditable(bool editable) { m_editable = editable; }
    void setTallySetter(TallySetter setter) { m_setter = std::move(setter); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;

private:
    void sync();
    const Poll* current() const;

    const SessionEngine& m_engine;
    Id m_poll = 0;
    Poll m_shown; // as the view last heard of it
    int m_rows = 0;
    bool m_editable = true;
    TallySetter m_setter;
};

} // namespace podium
