#include "timeline_model.h"

#include "model/time_text.h"
#include "theme/timer_colours.h"

#include <QDateTime>
#include <QLocale>

namespace podium {

TimelineModel::TimelineModel(const SessionEngine& engine, TimeSource now, QObject* parent)
    : MirrorTableModel(parent)
    , m_engine(engine)
    , m_now(std::move(now)) {
    m_rows = engine.state().speechesSoFar(m_now());
    connect(&engine, &SessionEngine::eventApplied, this, [this](const Event& e) {
        refresh();
        if (e.action == Action::EditParticipant)
            allChanged();
    });
    connect(&engine, &SessionEngine::stateReset, this,
            [this] { resetTo(m_engine.state().speechesSoFar(m_now())); });
}

void TimelineModel::refresh() {
    const SessionState& s = m_engine.state();
    // A speech that ends as the next one begins: its row changes in place, then the next one's
    // row is added (all at once, that would have been a reset, losing the selection).
    if (s.speeches.size() == m_rows.size())
        mirror(s.speeches);
    mirror(s.speechesSoFar(m_now()));
}

bool TimelineModel::isUnderWay(int row) const {
    return m_engine.state().floor && row == m_rows.size() - 1;
}

int TimelineModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString TimelineModel::spokeText(const Speech& s, bool underWay) {
    const QString spoke = formatElapsed(s.spokeMs);
    if (s.spokeMs <= s.allottedMs)
        return underWay ? tr("%1 (speaking)").arg(spoke) : spoke;
    const QString over = formatElapsed(s.spokeMs - s.allottedMs);
    return underWay ? tr("%1 (+%2, speaking)").arg(spoke, over) : tr("%1 (+%2)").arg(spoke, over);
}

QVariant TimelineModel::display(const Speech& s, int column, bool underWay) const {
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
        return shortTime(QLocale(), s.startedAt);
    case Duration:
        return spokeText(s, underWay);
    case Segment: {
        const int segment = state.segmentMostOf(s);
        return segment >= 0 && segment < state.segments.size() ? state.segments[segment].title
                                                               : QString();
    }
    default:
        return {};
    }
}

QVariant TimelineModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return display(m_rows[index.row()], index.column(), isUnderWay(index.row()));
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
