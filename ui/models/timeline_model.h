#pragma once

#include "engine/session_engine.h"
#include "mirror_model.h"

namespace podium {

// The speech log, one row per intervention: who, from where, which group, when, how long.
class TimelineModel : public MirrorTableModel<Speech> {
    Q_OBJECT
public:
    enum Column { Speaker, Channel, Group, Kind, Started, Duration, Segment, ColumnCount };

    explicit TimelineModel(const SessionEngine& engine, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    QVariant display(const Speech& s, int column) const;

    const SessionEngine& m_engine;
};

} // namespace podium
