#pragma once

#include "engine/session_engine.h"
#include "mirror_model.h"

#include <functional>

namespace podium {

// The speech log, one row per intervention: who, from where, which group, when, how long. The
// speech under way is the last row, counted up to the time `now` gives (the report's time).
class TimelineModel : public MirrorTableModel<Speech> {
    Q_OBJECT
public:
    enum Column { Speaker, Channel, Group, Kind, Started, Duration, Segment, ColumnCount };

    using TimeSource = std::function<qint64()>;
    TimelineModel(const SessionEngine& engine, TimeSource now, QObject* parent = nullptr);

    // Takes in the time the speech under way has run (the views call it as the clocks tick).
    void refresh();
    bool isUnderWay(int row) const;
    // The Spoke column's text: the time spoken, how far over, and whether still speaking.
    static QString spokeText(const Speech& s, bool underWay);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;

private:
    QVariant display(const Speech& s, int column, bool underWay) const;

    const SessionEngine& m_engine;
    TimeSource m_now;
};

} // namespace podium
