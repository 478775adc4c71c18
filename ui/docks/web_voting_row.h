#pragma once

#include <QHostAddress>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;

namespace podium {

class Cockpit;
class SessionFile;

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
    // Turns the page on at `port` (0: any free one), or says in red why it could not. The port
    // is the one offered next time.
    void start(quint16 port);
    // The address the page listens on, as the sync host's (`--bind`): every one by default.
    void setBindAddress(const QHostAddress& address) { m_bindAddress = address; }
    // Where the page's port is kept while it is on (null: nowhere), so that Podium started again
    // after a crash turns it on again, on the same port, as the phones expect. A file that was
    // closed properly keeps none: the page is off at every other start.
    void setSessionFile(SessionFile* file);
    // After a crash (`file` left open) with the page on: on again, after resumeDelayMs (not for
    // a seat that rejoins a host; its page would count nothing).
    void resumeAfterCrash(const SessionFile& file);
    static constexpr int resumeDelayMs = 5000; // beacons every 2 s: a rival is heard by then

private:
    void setRunning(bool on);
    void sayIfTheRoomWasVoting();
    void recallBallots();
    void showStatus();
    void offerAddresses(const QStringList& urls);
    void recordPortInFile(quint16 port); // 0: off

    Cockpit& m_cockpit;
    QCheckBox* m_toggle;
    QLabel* m_status;
    // On a laptop on two networks: which address the audience display's code gives the phones.
    QWidget* m_shownRow;
    QLabel* m_shownLabel;
    QComboBox* m_shownAt;
    QString m_problem;      // why it could not start, or stopped by itself (in red)
    QString m_pending;      // coming back after a crash
    QString m_hostPageSeen; // the followed host's page, as its beacons told
    SessionFile* m_file = nullptr;
    QHostAddress m_bindAddress = QHostAddress::Any;
    quint16 m_portBeforeCrash = 0; // kept in the file it was given, left open by a crash
};

} // namespace podium
