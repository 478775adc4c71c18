#pragma once

#include "models/balance.h"
#include "session_dock.h"

#include <QElapsedTimer>

class QComboBox;
class QChartView;

namespace podium {

// Whose voices are heard: interventions or speaking time by stakeholder group, region,
// presence and gender, as bar charts that follow the session live.
class BalanceDock : public SessionDock {
    Q_OBJECT
public:
    explicit BalanceDock(Cockpit& cockpit, QWidget* parent = nullptr);

    enum class Measure { Interventions, Minutes };
    // The bar values currently shown for one dimension, in category order (for tests).
    QList<qreal> shownValues(BalanceDimension dimension) const;
    QStringList shownCategories(BalanceDimension dimension) const;

protected:
    QString title() const override;
    void retranslate() override;
    void build() override;
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void scheduleRefresh();
    void refreshChart(QChartView* view, BalanceDimension dimension, const QString& title);

    QComboBox* m_measure = nullptr;
    std::array<QChartView*, 4> m_charts{};
    QElapsedTimer m_sinceRefresh;
    bool m_refreshPending = false;
};

} // namespace podium
