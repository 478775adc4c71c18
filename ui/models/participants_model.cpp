#include "participants_model.h"

namespace podium {

ParticipantsModel::ParticipantsModel(const SessionEngine& engine, QObject* parent)
    : MirrorTableModel(parent) {
    m_rows = engine.state().participants;
    connect(&engine, &SessionEngine::eventApplied, this,
            [this, &engine] { mirror(engine.state().participants); });
    connect(&engine, &SessionEngine::stateReset, this,
            [this, &engine] { resetTo(engine.state().participants); });
}

int ParticipantsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

Id ParticipantsModel::idAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : 0;
}

QVariant ParticipantsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Participant& p = m_rows[index.row()];
    if (role == IdRole)
        return p.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name:
        return p.name;
    case Affiliation:
        return p.affiliation;
    case Group:
        return label(p.group);
    case Region:
        return label(p.region);
    case Gender:
        return p.gender;
    case Presence:
        return label(p.presence);
    case Role:
        return label(p.role);
    default:
        return {};
    }
}

QVariant ParticipantsModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole || o != Qt::Horizontal)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Affiliation:
        return tr("Affiliation");
    case Group:
        return tr("Stakeholder group");
    case Region:
        return tr("Region");
    case Gender:
        return tr("Gender");
    case Presence:
        return tr("Presence");
    case Role:
        return tr("Role");
    default:
        return {};
    }
}

} // namespace podium
