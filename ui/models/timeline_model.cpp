#include "timeline_model.h"

#include "theme/timer_colours.h"

#include <QDateTime>
#include <QLocale>

namespace podium {

TimelineModel::TimelineModel(const SessionEngine& engine, QObject* parent)
    : MirrorTableModel(parent)
    , m_engine(engine) {
    m_rows = engine.state().speeches;
    connect(&engine, &SessionEngine::eventApplied, this, [this](const Event& e) {
        mirror(m_engine.state().speeches);
        if (e.action == Action::EditParticipant)
            allChanged();
    });
    connect(&engine, &SessionEngine::stateReset, this,
            [this] { resetTo(m_engine.state().speeches); });
}

int TimelineModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::display(const Speech& s, int column) const {
    const SessionState& state = m_engine.state();
    const Participant* p = state.participant(s.participantId);
    switch (column) {
    case Speaker:
        return p ? p->name : tr("(removed)");
    case Channel:
        return label(s.channel);
    case Group:
        return p ? label(p->group) : QString();
    case Kind:
        return label(s.kind);
    case Started:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(s.startedAt).time(),
                                  QLocale::ShortFormat);
    case Duration:
        return s.spokeMs > s.allottedMs
                   ? tr("%1 (+%2)")
                         .arg(formatElapsed(s.spokeMs), formatElapsed(s.spokeMs - s.allottedMs))
                   : formatElapsed(s.spokeMs);
    case Segment:
        return s.segment >= 0 && s.segment < state.segments.size() ? state.segments[s.segment].title
                                                                   : QString();
    default:
        return {};
    }
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return display(m_rows[index.row()], index.column());
    if (role == Qt::UserRole && index.column() == Duration)
        return m_rows[index.row()].spokeMs;
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole || o != Qt::Horizontal)
        return {};
    switch (section) {
    case Speaker:
        return tr("Speaker");
    case Channel:
        return tr("Where");
    case Group:
        return tr("Group");
    case Kind:
        return tr("Kind");
    case Started:
        return tr("Started");
    case Duration:
        return tr("Spoke");
    case Segment:
        return tr("Segment");
    default:
        return {};
    }
}

} // namespace podium
