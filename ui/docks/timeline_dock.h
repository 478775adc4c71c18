#pragma once

#include "session_dock.h"

class QLabel;
class QTreeView;

namespace podium {

class TimelineModel;

// The speech log as it grows: who spoke, from where, for how long, in which segment.
class TimelineDock : public SessionDock {
    Q_OBJECT
public:
    explicit TimelineDock(Cockpit& cockpit, QWidget* parent = nullptr);
    TimelineModel* model() const { return m_model; }

protected:
    QString title() const override;
    void retranslate() override;
    void build() override;

private:
    void sizeColumns();
    void refreshSummary();
    void keepNewestInView();

    TimelineModel* m_model;
    QTreeView* m_view = nullptr;
    QLabel* m_summary = nullptr;
    bool m_newestShown = false;
    bool m_newestInView = true;
};

} // namespace podium
