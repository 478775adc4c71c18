#pragma once

#include "model/state.h"

#include <QChartView>

class QBarSet;
class QBarCategoryAxis;
class QValueAxis;
class QHorizontalStackedBarSeries;

namespace podium {

// A poll's results as horizontal bars, one per option, stacked by source (onsite, online, web)
// so the combined total and where the votes came from read at a glance.
class PollChart : public QChartView {
    Q_OBJECT
public:
    explicit PollChart(QWidget* parent = nullptr);

    void showPoll(const Poll* poll);
    // The value shown for an option from one source (for tests and the audience display).
    qreal value(TallySource source, int option) const;
    QColor colourOf(TallySource source) const;
    int optionCount() const;
    // The options' labels as the bars show them, from the top.
    QStringList optionsTopDown() const;
    void retranslate();

protected:
    void changeEvent(QEvent* event) override;

private:
    void followDirection();

    QHorizontalStackedBarSeries* m_series;
    QBarCategoryAxis* m_options;
    QValueAxis* m_votes;
    std::array<QBarSet*, 3> m_sets{};
};

} // namespace podium
