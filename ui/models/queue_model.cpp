#include "queue_model.h"

#include <QBrush>
#include <QFont>
#include <QIODevice>
#include <QMimeData>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

const QString entryMime = u"application/x-podium-queue-entry"_s;

QList<Id> idsOf(const QList<QueueEntry>& list) {
    QList<Id> ids;
    ids.reserve(list.size());
    for (const QueueEntry& e : list)
        ids.append(e.id);
    return ids;
}

// Most rows use the view's own font: answering with no font keeps the view's font cache
// working, where a new QFont per cell made every repaint of a long queue resolve fonts again.
QVariant fontFor(const QueueEntry& e) {
    if (!e.withdrawn && e.kind != EntryKind::PointOfOrder)
        return {};
    QFont f;
    f.setStrikeOut(e.withdrawn);
    f.setBold(e.kind == EntryKind::PointOfOrder);
    return f;
}

} // namespace

QueueModel::QueueModel(const SessionEngine& engine, QObject* parent)
    : MirrorTableModel<QueueEntry>(parent)
    , m_engine(engine)
    , m_people(engine.state().participants) {
    m_rows = engine.state().queue;
    connect(&engine, &SessionEngine::eventApplied, this, &QueueModel::sync);
    connect(&engine, &SessionEngine::stateReset, this, [this] {
        m_people = m_engine.state().participants;
        resetTo(m_engine.state().queue);
    });
}

int QueueModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

Id QueueModel::entryAt(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : 0;
}

int QueueModel::rowOf(Id entry) const {
    return int(idsOf(m_rows).indexOf(entry));
}

// Whose point a reply or clarifying question answers (empty: none).
QString QueueModel::answeredBy(const QueueEntry& e) const {
    const SessionState& s = m_engine.state();
    const Participant* p = e.relatesTo ? s.participant(s.participantOfEntry(e.relatesTo)) : nullptr;
    return p ? p->name : QString();
}

QVariant QueueModel::display(const QueueEntry& e, int column) const {
    const Participant* p = findParticipant(m_people, e.participantId);
    switch (column) {
    case Name:
        if (!p)
            return tr("(unknown)");
        return p->affiliation.isEmpty() ? p->name : tr("%1 (%2)").arg(p->name, p->affiliation);
    case Kind: {
        // A reply goes in after the entry selected: "Reply" alone left the moderator guessing
        // whose point it answers. (Short in the narrow column; whole in its tooltip.)
        const QString to = answeredBy(e);
        if (to.isEmpty())
            return label(e.kind);
        return e.kind == EntryKind::ClarifyingQuestion ? tr("Question to %1").arg(to)
                                                       : tr("Reply to %1").arg(to);
    }
    case Channel:
        return label(e.channel);
    case Group:
        return p ? label(p->group) : QString();
    case Region:
        return p ? label(p->region) : QString();
    default:
        return {};
    }
}

QVariant QueueModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueEntry& e = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Kind && !answeredBy(e).isEmpty())
            return tr("%1 to %2").arg(label(e.kind), answeredBy(e));
        return display(e, index.column());
    case EntryIdRole:
        return e.id;
    case WithdrawnRole:
        return e.withdrawn;
    case ChannelRole:
        return key(e.channel);
    case Qt::FontRole:
        return fontFor(e);
    case Qt::ForegroundRole:
        if (e.withdrawn)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    default:
        return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (o == Qt::Vertical)
        return section + 1;
    switch (section) {
    case Name:
        return tr("Speaker");
    case Kind:
        return tr("Kind");
    case Channel:
        return tr("Where");
    case Group:
        return tr("Group");
    case Region:
        return tr("Region");
    default:
        return {};
    }
}

Qt::ItemFlags QueueModel::flags(const QModelIndex& index) const {
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base | Qt::ItemIsDropEnabled;
}

Qt::DropActions QueueModel::supportedDropActions() const {
    return Qt::MoveAction;
}

QStringList QueueModel::mimeTypes() const {
    return {entryMime};
}

QMimeData* QueueModel::mimeData(const QModelIndexList& indexes) const {
    if (indexes.isEmpty())
        return nullptr;
    auto* mime = new QMimeData;
    mime->setData(entryMime, QByteArray::number(entryAt(indexes.first().row())));
    return mime;
}

bool QueueModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int,
                              const QModelIndex& parent) {
    if (action != Qt::MoveAction || !data || !data->hasFormat(entryMime))
        return false;
    const Id id = data->data(entryMime).toLongLong();
    const int from = rowOf(id);
    int to = row >= 0 ? row : (parent.isValid() ? parent.row() : int(m_rows.size()));
    if (from < 0)
        return false;
    if (to > from)
        --to; // the row is taken out before it is put back
    to = qBound(0, to, int(m_rows.size()) - 1);
    if (to != from)
        emit moveRequested(id, to);
    // Always "not done here": the view must not remove the dragged row itself; the move comes
    // back as an event and sync() moves the row.
    return false;
}

void QueueModel::sync() {
    const SessionState& s = m_engine.state();
    const bool peopleChanged = s.participants != m_people;
    m_people = s.participants;
    if (!syncMove(s.queue))
        mirror(s.queue);
    if (peopleChanged)
        allChanged();
}

bool QueueModel::syncMove(const QList<QueueEntry>& now) {
    if (now.size() != m_rows.size())
        return false;
    const QList<Id> before = idsOf(m_rows);
    const QList<Id> after = idsOf(now);
    int first = 0;
    while (first < before.size() && before[first] == after[first])
        ++first;
    if (first == before.size())
        return false; // same order: only data changed
    // One entry moved: either the one now at `first` came up, or the one that was there went down.
    for (const auto& [from, to] : {std::pair{int(before.indexOf(after[first])), first},
                                   std::pair{first, int(after.indexOf(before[first]))}}) {
        QList<Id> moved = before;
        moved.move(from, to);
        if (moved != after || from < 0 || to < 0)
            continue;
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        m_rows.move(from, to);
        endMoveRows();
        mirror(now); // the moved entry may have changed too
        return true;
    }
    resetTo(now);
    return true;
}

} // namespace podium
