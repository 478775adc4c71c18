#pragma once

#include "engine/session_engine.h"
#include "mirror_model.h"

namespace podium {

// The agenda's segments: planned against actual time, and which one runs.
class AgendaModel : public MirrorTableModel<Segment> {
    Q_OBJECT
public:
    enum Column { Title, Planned, Actual, Status, ColumnCount };

    explicit AgendaModel(const SessionEngine& engine, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    // The running segment's actual time moves with the clock: called on every tick.
    void refreshRunning();

private:
    qint64 activeOverrunMs() const;
    const SessionEngine& m_engine;
    int m_active = -1;
};

} // namespace podium
