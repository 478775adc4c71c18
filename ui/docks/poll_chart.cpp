#include "poll_chart.h"

#include "report/chart.h"
#include "theme/chart_style.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QEvent>
#include <QGraphicsLayout>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace podium {

PollChart::PollChart(QWidget* parent)
    : QChartView(parent)
    , m_series(new QHorizontalStackedBarSeries)
    , m_options(new QBarCategoryAxis)
    , m_votes(new QValueAxis) {
    setObjectName(u"pollChart"_s);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
    auto* c = new QChart;
    // No title (the poll's question is in the dock just above) and thin margins: the room goes
    // to the bars, so that each option's label fits beside its bar instead of turning into "…".
    c->setMargins(QMargins(2, 2, 2, 2));
    c->layout()->setContentsMargins(0, 0, 0, 0);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setAnimationOptions(QChart::NoAnimation);
    c->setBackgroundVisible(false);
    // The report's colours for onsite, online and web: the PDF's chart reads as the panel's.
    for (int i = 0; i < 3; ++i) {
        m_sets[i] = new QBarSet(label(TallySource(i)));
        m_sets[i]->setColor(QColor(report::seriesColour(i)));
        m_series->append(m_sets[i]);
    }
    c->addSeries(m_series);
    c->addAxis(m_options, Qt::AlignLeft);
    c->addAxis(m_votes, Qt::AlignBottom);
    m_series->attachAxis(m_options);
    m_series->attachAxis(m_votes);
    m_votes->setLabelFormat(u"%d"_s);
    setChart(c);
    followPalette(c, palette());
    followDirection();
}

// Right to left, the options stand on the right and the bars grow leftwards, as the tally table
// above reads (Qt Charts does not mirror by itself).
void PollChart::followDirection() {
    const bool rightToLeft = layoutDirection() == Qt::RightToLeft;
    const Qt::Alignment side = rightToLeft ? Qt::AlignRight : Qt::AlignLeft;
    if (m_options->alignment() != side) {
        chart()->removeAxis(m_options);
        chart()->addAxis(m_options, side);
        m_series->attachAxis(m_options);
    }
    m_votes->setReverse(rightToLeft);
}

void PollChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        followPalette(chart(), palette());
    if (event->type() == QEvent::LayoutDirectionChange)
        followDirection();
    QChartView::changeEvent(event);
}

void PollChart::retranslate() {
    for (int i = 0; i < 3; ++i)
        m_sets[i]->setLabel(label(TallySource(i)));
}

// Qt draws the first category at the bottom: the options go in from the last, so that the
// chart reads from the top down like the tally table above it.
void PollChart::showPoll(const Poll* poll) {
    const int options = poll ? int(poll->options.size()) : 0;
    for (int i = 0; i < 3; ++i) {
        QList<qreal> values;
        for (int o = options - 1; o >= 0; --o)
            values.append(qreal(poll->tallies[o][std::size_t(i)]));
        m_sets[i]->remove(0, m_sets[i]->count());
        m_sets[i]->append(values);
    }
    qint64 most = 0;
    QStringList bottomUp;
    for (int o = options - 1; o >= 0; --o) {
        most = qMax(most, poll->combined(o));
        bottomUp.append(poll->options[o].toHtmlEscaped()); // labels are read as rich text
    }
    m_options->setCategories(bottomUp);
    // Room for each option's label beside its bar, or Qt Charts shows "…" for every one (from
    // four options up at the height that suits three).
    setMinimumHeight(std::max(180, 100 + options * int(std::ceil(fontMetrics().height() * 1.8))));
    m_votes->setRange(0, qMax<qint64>(5, most + most / 10 + 1));
    m_votes->applyNiceNumbers();
    setVisible(options > 0); // no empty axes before the first poll
}

QColor PollChart::colourOf(TallySource source) const {
    return m_sets[int(source)]->color();
}

qreal PollChart::value(TallySource source, int option) const {
    const QBarSet* set = m_sets[std::size_t(source)];
    const int bar = int(set->count()) - 1 - option;
    return option >= 0 && bar >= 0 ? set->at(bar) : -1;
}

QStringList PollChart::optionsTopDown() const {
    QStringList labels = m_options->categories();
    std::reverse(labels.begin(), labels.end());
    return labels;
}

int PollChart::optionCount() const {
    return int(m_sets[0]->count());
}

} // namespace podium
