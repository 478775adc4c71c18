#pragma once

#include "session_dock.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace podium {

class DiscoveredHosts;
class MainWindow;
class SeatSession;
class SessionFile;

// Hosting and joining: the two join codes shown large (one gives control to the online
// moderator, one a read-only view to the rapporteur), the seats connected with their role and
// latency, the connection's state, and "take over hosting" when the host is gone. The join form
// lists the hosts announcing a session on the LAN: picking one fills in its address.
class ConnectionDock : public SessionDock {
    Q_OBJECT
public:
    explicit ConnectionDock(Cockpit& cockpit, QWidget* parent = nullptr);

    SeatSession& seatSession() const { return *m_session; }
    // The hosts announcing themselves on the LAN, listed in the join form.
    DiscoveredHosts& discoveredHosts() const { return *m_discovered; }
    // As if typed into the join form and Join pressed (`podium --join HOST:PORT --code CODE`).
    void joinHost(const QString& address, const QString& code);
    // As if the port were set and Host pressed (`podium --host`): a failure shows here, in red.
    void hostOn(quint16 port);

protected:
    void retranslate() override;
    void updateControls() override;

private:
    QWidget* makeCodes();
    QWidget* makeJoin();
    void host();
    void join();
    void takeOver();
    void refresh();
    void refreshPeers();
    void refreshDiscovered();
    void pickDiscovered();
    void showStatus(const QString& text, bool problem = false);

    SeatSession* m_session;
    QLabel* m_state;
    QSpinBox* m_port;
    QPushButton* m_host;
    QPushButton* m_stop;
    QPushButton* m_takeOver;
    QWidget* m_codes;
    QLabel* m_controlCaption;
    QLabel* m_controlCode;
    QLabel* m_readOnlyCaption;
    QLabel* m_readOnlyCode;
    QWidget* m_joinBox;
    DiscoveredHosts* m_discovered;
    QLabel* m_foundCaption;
    QListWidget* m_found;
    QLineEdit* m_address;
    QLineEdit* m_code;
    QPushButton* m_join;
    QTreeWidget* m_peers;
    QLabel* m_status;
};

// Gives the connection dock of `window` the window's session file (call again when it changes),
// and moves the notes to a joined session's replica file when the seat joins one.
void attachConnection(MainWindow& window, SessionFile* file);

} // namespace podium
