#include "tally_model.h"

#include <QLocale>
#include <utility>

namespace podium {

TallyModel::TallyModel(const SessionEngine& engine, QObject* parent)
    : QAbstractTableModel(parent)
    , m_engine(engine) {
    connect(&engine, &SessionEngine::eventApplied, this, &TallyModel::sync);
    connect(&engine, &SessionEngine::stateReset, this, &TallyModel::sync);
}

const Poll* TallyModel::current() const {
    return m_engine.state().poll(m_poll);
}

void TallyModel::setPoll(Id poll) {
    beginResetModel();
    m_poll = poll;
    const Poll* p = current();
    m_shown = p ? *p : Poll{};
    m_rows = p ? int(p->options.size()) : 0;
    endResetModel();
}

// Only the cells whose figures changed: a view writes every changed cell into its open editor,
// and the tally a moderator was typing was wiped whenever the other seat entered one.
void TallyModel::sync() {
    const Poll* p = current();
    const int rows = p ? int(p->options.size()) : 0;
    if (rows != m_rows) {
        setPoll(p ? m_poll : 0);
        return;
    }
    if (!p || *p == m_shown)
        return;
    const Poll before = std::exchange(m_shown, *p);
    for (int row = 0; row < rows; ++row) {
        if (p->options[row] != before.options.value(row))
            emit dataChanged(index(row, Option), index(row, Option));
        for (int column = Onsite; column <= Web; ++column) {
            const auto source = std::size_t(column - Onsite);
            if (row >= before.tallies.size() ||
                p->tallies[row][source] != before.tallies[row][source])
                emit dataChanged(index(row, column), index(row, column));
        }
        emit dataChanged(index(row, Total), index(row, Share)); // every share moves with any vote
    }
}

int TallyModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows;
}

int TallyModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TallyModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Poll* p = current();
    if (!p || index.row() >= p->options.size())
        return {};
    const int option = index.row();
    const int column = index.column();
    if (role == Qt::TextAlignmentRole && column != Option)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (column) {
    case Option:
        return p->options[option];
    case Onsite:
    case Online:
    case Web:
        return p->tallies[option][std::size_t(column - Onsite)];
    case Total:
        return p->combined(option);
    case Share:
        return role == Qt::EditRole
                   ? QVariant(p->percentage(option))
                   : QVariant(QLocale().toString(p->sharesAsShown(1)[option], 'f', 1) +
                              QLocale().percent());
    default:
        return {};
    }
}

QVariant TallyModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole || o != Qt::Horizontal)
        return {};
    switch (section) {
    case Option:
        return tr("Option");
    case Onsite:
        return label(TallySource::Onsite);
    case Online:
        return label(TallySource::Online);
    case Web:
        return label(TallySource::Web);
    case Total:
        return tr("Total");
    case Share:
        return tr("Share");
    default:
        return {};
    }
}

Qt::ItemFlags TallyModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    const bool source = index.column() >= Onsite && index.column() <= Web;
    if (index.isValid() && source && m_editable)
        f |= Qt::ItemIsEditable;
    return f;
}

bool TallyModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable) || !m_setter)
        return false;
    bool ok = false;
    const qint64 count = value.toLongLong(&ok);
    if (!ok || count < 0)
        return false;
    m_setter(m_poll, index.row(), TallySource(index.column() - Onsite), count);
    return true;
}

} // namespace podium
