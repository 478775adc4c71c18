#pragma once

#include "engine/session_engine.h"
#include "mirror_model.h"

namespace podium {

// The roster: everyone who may take the floor, with what the balance views count them by.
class ParticipantsModel : public MirrorTableModel<Participant> {
    Q_OBJECT
public:
    enum Column { Name, Affiliation, Group, Region, Gender, Presence, Role, ColumnCount };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit ParticipantsModel(const SessionEngine& engine, QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation o, int role) const override;
    Id idAt(int row) const;
};

} // namespace podium
