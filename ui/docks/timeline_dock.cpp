#include "timeline_dock.h"

#include "model/time_text.h"
#include "models/timeline_model.h"
#include "report/report.h"
#include "table_columns.h"
#include "theme/timer_colours.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollBar>
#include <QTime>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace podium {

TimelineDock::TimelineDock(Cockpit& cockpit, QWidget* parent)
    : SessionDock(cockpit, u"timelineDock"_s, parent)
    , m_model(new TimelineModel(
          cockpit.engine(), [&cockpit] { return cockpit.reportTime(); }, this)) {
    connect(&cockpit, &Cockpit::tick, m_model, &TimelineModel::refresh);
    buildWhenShown();
}

void TimelineDock::build() {
    m_view = new QTreeView;
    m_summary = new QLabel;
    m_view->setObjectName(u"timelineView"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // one line per row: long lists are laid out quickly
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    // 16: "Adiel Akplogan" whole, and the five columns fit the rapporteur's timeline on a
    // 1500-pixel window (with 20 it scrolled sideways by a few pixels, empty).
    keepColumnReadable(m_view, TimelineModel::Speaker, 16);
    // Seven columns do not fit the dock's usual width: kind and segment are shown on request.
    offerColumnChoice(m_view, TimelineModel::Speaker,
                      {TimelineModel::Kind, TimelineModel::Segment});
    m_summary->setObjectName(u"timelineSummary"_s);
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);
    setWidget(body);
    // The newest speech is the one people ask about: in view when the timeline is first seen
    // (a joined session brings hundreds), after a resync, and as each new one comes.
    const auto showNewestOnce = [this](bool visible) {
        if (!visible || m_newestShown)
            return;
        m_newestShown = true;
        QTimer::singleShot(0, m_view, &QTreeView::scrollToBottom); // once it has its size
    };
    connect(this, &QDockWidget::visibilityChanged, m_view, showNewestOnce);
    showNewestOnce(isVisible());
    keepNewestInView();
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::scrollToBottom);
    connect(m_model, &QAbstractItemModel::rowsInserted, m_view, &QTreeView::scrollToBottom);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TimelineDock::refreshSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TimelineDock::refreshSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TimelineDock::refreshSummary);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TimelineDock::refreshSummary);
}

// Showing the newest, it goes on showing it as the panel's height changes: the floor's buttons
// going to two rows above it (a narrower window) left it two speeches short of the newest.
void TimelineDock::keepNewestInView() {
    QScrollBar* bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_newestInView = value == bar->maximum(); });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar](int, int maximum) {
        if (m_newestInView)
            bar->setValue(maximum);
    });
}

QString TimelineDock::title() const {
    return tr("Timeline");
}

void TimelineDock::retranslate() {
    m_view->setAccessibleName(tr("Timeline of speeches"));
    sizeColumns();
    refreshSummary();
}

// Short columns as wide as their longest possible value; the segment gets room for a short
// title, the speaker the rest.
void TimelineDock::sizeColumns() {
    const QLocale locale;
    const QString latest = shortTime(locale, QTime(23, 59));
    const QString afternoon = shortTime(locale, QTime(12, 59));
    Speech longOver;
    longOver.spokeMs = 59 * 60'000 + 59'000;
    sizeColumnsToLabels(m_view,
                        {{TimelineModel::Channel, labelsOf<Presence>()},
                         {TimelineModel::Group, labelsOf<StakeholderGroup>()},
                         {TimelineModel::Kind, labelsOf<EntryKind>()},
                         {TimelineModel::Started, {latest, afternoon}},
                         {TimelineModel::Duration, {TimelineModel::spokeText(longOver, true)}}});
    m_view->header()->resizeSection(TimelineModel::Segment, 24 * fontMetrics().averageCharWidth());
}

// As the rows show them, whole seconds (so they add up), and the speech under way counts.
void TimelineDock::refreshSummary() {
    qint64 total = 0;
    for (const Speech& s : m_model->rows())
        total += report::spokenAsShown(s);
    m_summary->setText(tr("Interventions: %1, speaking %2 in all")
                           .arg(QLocale().toString(m_model->rows().size()), formatElapsed(total)));
}

} // namespace podium
