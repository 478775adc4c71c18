#include "balance_dock.h"

#include "theme/chart_style.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QGraphicsLayout>
#include <QGridLayout>
#include <QHorizontalBarSeries>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

constexpr std::array dimensions{BalanceDimension::Group, BalanceDimension::Region,
                                BalanceDimension::Presence, BalanceDimension::Gender};

QChartView* makeChartView(const QString& name) {
    auto* view = new QChartView;
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumWidth(220);
    auto* chart = new QChart;
    // Room goes to the bars and their labels, not to margins.
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->hide();
    chart->setBackgroundVisible(false);
    chart->setAnimationOptions(QChart::NoAnimation);
    view->setChart(chart);
    return view;
}

// Qt Charts draws "…" for a category's label unless the label has its line of text, plus its
// padding, in a share of the axis' height cut in one more part than there are categories: the
// chart is as tall as that needs, besides its title and the axis below.
void fitHeightTo(QChartView* view, qsizetype categories) {
    const int line = view->fontMetrics().height();
    constexpr int labelPadding = 4; // Qt Charts' own, above and below each label
    view->setMinimumHeight(
        int(3 * line + 10 + (qMax<qsizetype>(categories, 2) + 1) * (line + 2 * labelPadding)));
}

const QBarSet* setOf(const QChartView* view) {
    const auto series = view->chart()->series();
    if (series.isEmpty())
        return nullptr;
    const auto* bars = qobject_cast<const QHorizontalBarSeries*>(series.first());
    return bars && bars->count() > 0 ? bars->barSets().first() : nullptr;
}

} // namespace

// Only who spoke, for how long, and who they are, moves the balance; queue and poll events
// do not. (A running speech's time is refreshed by the tick.)
static bool changesBalance(Action action) {
    switch (action) {
    case Action::StartTimer:
    case Action::PauseTimer:
    case Action::CreateSession:
    case Action::AddParticipant:
    case Action::EditParticipant:
    case Action::RemoveParticipant:
    case Action::Next:
    case Action::EndSpeech:
    case Action::RevertNext:
        return true;
    default:
        return false;
    }
}

BalanceDock::BalanceDock(Cockpit& cockpit, QWidget* parent)
    : SessionDock(cockpit, u"balanceDock"_s, parent) {
    connect(&cockpit.engine(), &SessionEngine::eventApplied, this, [this](const Event& event) {
        if (changesBalance(event.action))
            scheduleRefresh();
    });
    connect(&cockpit.engine(), &SessionEngine::stateReset, this, &BalanceDock::scheduleRefresh);
    // The current speech counts live, but redrawing four charts five times a second is waste.
    connect(&cockpit, &Cockpit::tick, this, [this] {
        if (m_sinceRefresh.hasExpired(5000))
            refresh();
    });
    buildWhenShown();
}

void BalanceDock::build() {
    m_measure = new QComboBox;
    m_measure->setObjectName(u"balanceMeasure"_s);
    const QStringList names{u"balanceByGroup"_s, u"balanceByRegion"_s, u"balanceByPresence"_s,
                            u"balanceByGender"_s};
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->addWidget(m_measure);
    auto* grid = new QGridLayout;
    for (int i = 0; i < 4; ++i) {
        m_charts[i] = makeChartView(names[i]);
        grid->addWidget(m_charts[i], i / 2, i % 2);
    }
    layout->addLayout(grid, 1);
    setWidget(body);
    // Its four charts needed 373 px, and once Balance had been looked at, the Polls panel tabbed
    // with it took that from the queue above for good (at 1366×768, from six rows waiting to
    // four): one row of charts is asked for, the other scrolls.
    askAtMost([this, layout] {
        const QMargins margins = layout->contentsMargins();
        return margins.top() + m_measure->sizeHint().height() + layout->spacing() +
               qMax(m_charts[0]->minimumHeight(), m_charts[1]->minimumHeight()) + margins.bottom();
    });
    m_measure->addItem(QString());
    m_measure->addItem(QString());
    connect(m_measure, &QComboBox::currentIndexChanged, this, &BalanceDock::refresh);
}

QString BalanceDock::title() const {
    return tr("Balance");
}

void BalanceDock::retranslate() {
    m_measure->setItemText(int(Measure::Interventions), tr("Interventions"));
    m_measure->setItemText(int(Measure::Minutes), tr("Speaking time (minutes)"));
    refresh();
}

// A burst of events (a session opened, a peer catching up) redraws the charts once.
void BalanceDock::scheduleRefresh() {
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, [this] {
        m_refreshPending = false;
        refresh();
    });
}

void BalanceDock::refresh() {
    if (!isBuilt())
        return; // the charts are drawn when first shown
    m_sinceRefresh.start();
    const QStringList titles{tr("By stakeholder group"), tr("By region"), tr("Onsite and online"),
                             tr("By gender")};
    for (int i = 0; i < 4; ++i)
        refreshChart(m_charts[i], dimensions[i], titles[i]);
}

void BalanceDock::refreshChart(QChartView* view, BalanceDimension dimension, const QString& title) {
    const auto rows = balanceBy(cockpit().state(), cockpit().now(), dimension);
    const bool minutes = m_measure->currentIndex() == int(Measure::Minutes);
    QChart* chart = view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis* axis : chart->axes())
        chart->removeAxis(axis);
    auto* set = new QBarSet(m_measure->currentText());
    set->setColor(QColor(0x3F, 0x6F, 0xB5));
    QStringList categories;
    qreal most = 0;
    for (const BalanceRow& r : rows) {
        const qreal v = minutes ? qreal(r.spokeMs) / 60'000.0 : qreal(r.interventions);
        set->append(v);
        categories.append(r.label);
        most = qMax(most, v);
    }
    // A long name can be shortened at the axis ("Western European and Ot…"): whole on a bar, as
    // the view's tooltip, which shows once the mouse rests and stays as long as tooltips do.
    connect(set, &QBarSet::hovered, view, [view, set, categories, minutes](bool on, int index) {
        view->setToolTip(
            on ? u"%1: %2"_s.arg(categories.value(index),
                                 QLocale().toString(set->at(index), 'f', minutes ? 1 : 0))
               : QString());
    });
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto* axisY = new QBarCategoryAxis;
    axisY->append(categories);
    auto* axisX = new QValueAxis;
    // Whole numbers at the ticks, each where its number says (a bar of 5 ends at the 5).
    axisX->setRange(0, qMax<qreal>(4, most));
    axisX->applyNiceNumbers();
    axisX->setLabelFormat(u"%.0f"_s);
    chart->addAxis(axisY, Qt::AlignLeft);
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);
    chart->setTitle(title);
    // A screen reader gets the bars in words: a chart is a picture to it.
    QStringList inWords;
    for (int i = 0; i < categories.size(); ++i)
        inWords << u"%1: %2"_s.arg(categories[i],
                                   QLocale().toString(set->at(i), 'f', minutes ? 1 : 0));
    view->setAccessibleName(u"%1, %2"_s.arg(title, m_measure->currentText()));
    view->setAccessibleDescription(inWords.join(u"; "_s));
    followPalette(chart, palette());
    fitHeightTo(view, categories.size());
}

void BalanceDock::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        scheduleRefresh();
    SessionDock::changeEvent(event);
}

QList<qreal> BalanceDock::shownValues(BalanceDimension dimension) const {
    QList<qreal> values;
    if (!isBuilt())
        return values;
    if (const QBarSet* set = setOf(m_charts[std::size_t(dimension)])) {
        for (int i = 0; i < set->count(); ++i)
            values.append(set->at(i));
    }
    return values;
}

QStringList BalanceDock::shownCategories(BalanceDimension dimension) const {
    if (!isBuilt())
        return {};
    const auto axes = m_charts[std::size_t(dimension)]->chart()->axes(Qt::Vertical);
    auto* axis = axes.isEmpty() ? nullptr : qobject_cast<QBarCategoryAxis*>(axes.first());
    return axis ? axis->categories() : QStringList();
}

} // namespace podium
