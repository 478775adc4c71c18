#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;

namespace podium {

class Cockpit;

// Under the polls: turns on the room's voting page (phones on this network vote in the open
// poll; docs/WEB_VOTING.md) and says where phones open it and how many votes came. Only a seat
// that decides the session's commands runs it: the host, or a seat working alone.
// `beside` (the poll's totals) shares the box's line, so the row costs the queue above no height
// while the page is off; on, one more line says where phones vote.
class WebVotingRow : public QWidget {
    Q_OBJECT
public:
    WebVotingRow(Cockpit& cockpit, QWidget* beside, QWidget* parent = nullptr);

    void retranslate();
    void updateControls();
    // Turns the page on at `port` (0: any free one), or says in red why it could not.
    void start(quint16 port);

private:
    void setRunning(bool on);
    void showStatus();

    Cockpit& m_cockpit;
    QCheckBox* m_toggle;
    QLabel* m_status;
    QString m_problem; // why it could not start, or stopped by itself
};

} // namespace podium
