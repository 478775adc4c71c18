#include "agenda_model.h"

#include "report/report.h"
#include "theme/theme.h"

#include <QFont>

namespace podium {

AgendaModel::AgendaModel(const SessionEngine& engine, QObject* parent)
    : MirrorTableModel(parent)
    , m_engine(engine)
    , m_active(engine.state().activeSegment) {
    m_rows = engine.state().segments;
    connect(&engine, &SessionEngine::eventApplied, this, [this] {
        mirror(m_engine.state().segments);
        if (m_active != m_engine.state().activeSegment) {
            m_active = m_engine.state().activeSegment;
            allChanged();
        }
    });
    connect(&engine, &SessionEngine::stateReset, this, [this] {
        m_active = m_engine.state().activeSegment;
        resetTo(m_engine.state().segments);
    });
}

int AgendaModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

void AgendaModel::refreshRunning() {
    if (m_active >= 0 && m_active < m_rows.size())
        emit dataChanged(index(m_active, Actual), index(m_active, Status),
                         {Qt::DisplayRole, Qt::ForegroundRole});
}

// A segment past its time said "Running", in plain text: the overrun was easy to miss. Counted
// from its first whole second: "0:00 over", in red, came at the very moment the time ran out.
qint64 AgendaModel::activeOverrunMs() const {
    const Countdown& clock = m_engine.state().segmentClock;
    const qint64 over = clock.overtimeMs(m_engine.now());
    return over >= 1000 ? over : 0;
}

QVariant AgendaModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Segment& s = m_rows[index.row()];
    const bool running = index.row() == m_active;
    if (role == Qt::FontRole) {
        QFont f;
        f.setBold(running);
        return f;
    }
    if (role == Qt::ForegroundRole && running && index.column() == Status && activeOverrunMs() > 0)
        return problemColour(); // the overtime colour was 2.6:1 on the dark theme's window
    if (role == Qt::ToolTipRole && index.column() == Title)
        return s.title; // whole, where the column cuts it
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Title:
        return s.title;
    case Planned:
        return formatDuration(s.plannedMs);
    case Actual:
        if (!s.startedAt)
            return QString();
        return formatElapsed(
            report::segmentActualMs(m_engine.state(), index.row(), m_engine.now()));
    case Status:
        if (running && activeOverrunMs() > 0)
            return tr("%1 over").arg(formatElapsed(activeOverrunMs()));
        if (running)
            return m_engine.state().segmentClock.running ? tr("Running") : tr("Paused");
        if (s.endedAt)
            return tr("Done");
        return m_engine.state().segmentPassedOver(index.row()) ? tr("Not held") : tr("To come");
    default:
        return {};
    }
}

QVariant AgendaModel::headerData(int section, Qt::Orientation o, int role) const {
    if (role != Qt::DisplayRole || o != Qt::Horizontal)
        return {};
    switch (section) {
    case Title:
        return tr("Segment");
    case Planned:
        return tr("Planned");
    case Actual:
        return tr("Actual");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace podium
