#pragma once

#include "engine/session_engine.h"
#include "mirror_model.h"

namespace podium {

// The queue as rows, in calling order. It mirrors the engine's state and turns each change
// into the smallest model change (a move here; insert, remove, data changed in the base), so a view
// keeps its selection and scroll position while the queue moves under it. Drops ask to move an
// entry; they never change the model directly: the change comes back as an event.
class QueueModel : public MirrorTableModel<QueueEntry> {
    Q_OBJECT
public:
    enum Column { Name, Kind, Channel, Group, Region, ColumnCount };
    enum DataRole { EntryIdRole = Qt::UserRole + 1, WithdrawnRole, ChannelRole };

    explicit QueueModel(const SessionEngine& engine, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;

    Id entryAt(int row) const;
    int rowOf(Id entry) const;

signals:
    void moveRequested(podium::Id entry, int to);

private:
    void sync();
    bool syncMove(const QList<QueueEntry>& now);
    QString answeredBy(const QueueEntry& e) const;
    QVariant display(const QueueEntry& e, int column) const;

    const SessionEngine& m_engine;
    QList<Participant> m_people;
};

} // namespace podium
