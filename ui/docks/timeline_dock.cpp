#include "timeline_dock.h"

#include "models/timeline_model.h"
#include "theme/timer_colours.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace podium {

TimelineDock::TimelineDock(Cockpit& cockpit, QWidget* parent)
    : SessionDock(cockpit, u"timelineDock"_s, parent)
    , m_model(new TimelineModel(cockpit.engine(), this)) {
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
    m_view->header()->setSectionResizeMode(TimelineModel::Speaker, QHeaderView::Stretch);
    m_view->header()->setStretchLastSection(false);
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
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::scrollToBottom);
    connect(m_model, &QAbstractItemModel::rowsInserted, m_view, &QTreeView::scrollToBottom);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TimelineDock::refreshSummary);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TimelineDock::refreshSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TimelineDock::refreshSummary);
}

QString TimelineDock::title() const {
    return tr("Timeline");
}

void TimelineDock::retranslate() {
    refreshSummary();
}

void TimelineDock::refreshSummary() {
    qint64 total = 0;
    for (const Speech& s : cockpit().state().speeches)
        total += s.spokeMs;
    m_summary->setText(
        tr("Interventions: %1, speaking %2 in all")
            .arg(QLocale().toString(cockpit().state().speeches.size()), formatElapsed(total)));
}

} // namespace podium
