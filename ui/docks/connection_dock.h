#pragma once

#include "session_dock.h"

#include <QSet>
#include <optional>

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
struct JoinedCopy;
class SessionFile;
namespace sync {
struct PeerInfo;
class SyncPeer;
} // namespace sync

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
    // `takeoverPort`: where this seat would host should it take over (0: the host's own port).
    // False when it could not start; the panel is then brought forward, saying why in red.
    bool joinHost(const QString& address, const QString& code, quint16 takeoverPort = 0);
    // As if the port were set and Host pressed (`podium --host`; 0: any free port, as headless
    // takes it): false when it could not start; the panel is then brought forward, saying why in
    // red.
    bool hostOn(quint16 port);
    // After hostOn() failed at a restart of a hosted session: the window says so in red.
    // Then, a host of this session heard on the LAN is joined with the control code kept.
    void sayCouldNotHostAgain();
    // A joined session's own file opened again (after a restart): the seat is the one the host
    // gave, and it says it no longer follows the session until it joins again.
    void takeUpJoinedCopy(const JoinedCopy& copy);
    // The window's file changed: what the last one brought goes, and what this one brings is
    // taken up (a joined copy's seat, a hosted file's port).
    void takeUpFile(const SessionFile* file);
    void takeUpHostedCopy(quint16 port);
    void forgetOrphans();
    quint16 offeredPort() const;
    // What the whole window should show while this seat does not follow the session: the host
    // out of reach, or a joined copy opened on its own; empty while all is well.
    QString alert() const;
    static QString notReachingHost(const sync::SyncPeer& peer);
    // "Hosting on 192.168.1.20:47600. Give each seat …", or that no network reaches this laptop.
    static QString hostingLine(const QStringList& lanAddresses, quint16 port, bool tookOver);
    QString hostStopped(const sync::SyncPeer& peer, bool atFoot) const;
    QString notReachedYet(const sync::SyncPeer& peer) const;
    // The joined seat's link to its host: not (or not yet) live, or live.
    bool hostOutOfReach() const;
    std::optional<qint64> hostLastHeardAt() const; // by the joined seat, on a link closed since
    bool followingHost() const;
    // Where the joined copy opened on its own here was joined ("192.168.1.20:47600"); empty when
    // the window's file is not such a copy, or while it follows its host again.
    QString copyNotFollowing() const;
    QString stillUnanswered(const sync::SyncPeer& peer) const;

signals:
    void alertChanged(const QString& alert);
    // The seat's mode or its link's state may have changed (hostOutOfReach(), followingHost()).
    void linkChanged();

protected:
    QString title() const override;
    void retranslate() override;
    void updateControls() override;
    void build() override;

private:
    void takeUpSeat(Seat seat);
    std::optional<bool> joinedLinkLive() const; // none: the seat has not joined a host
    QWidget* makeCodes();
    QWidget* makeJoin();
    bool host(); // on the port in the box
    bool hostAt(quint16 port);
    bool join(quint16 takeoverPort = 0);
    bool broughtForward(bool started);
    void takeOver();
    void refresh();
    void joinWhereSessionWentOn();
    void refreshPeers();
    void addPeerRow(const QString& name, const QString& role, const QString& address, qint64 rttMs);
    static QString peerLabel(const sync::PeerInfo& p);
    void showKeptIn();
    void refreshDiscovered();
    void showHostVotingPage();
    void pickDiscovered();
    void forgetOwnBeaconsOnceStopped();
    void showStatus(const QString& text, bool problem = false);
    void showStatusLine();
    void showHostingLine();
    void updateAlert();
    void showOrphansButton();
    void sayControlSeatLeft(const sync::PeerInfo& seat, const QString& reason);
    void sayControlSeatBack(const sync::PeerInfo& seat);

    SeatSession* m_session;
    QLabel* m_state = nullptr;
    QSpinBox* m_port = nullptr;
    quint16 m_hostedPort = 0; // the port this file was last hosted on, offered again
    QPushButton* m_host = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_takeOver = nullptr;
    // The last actions this seat had that the session never got, shown again on request: the box
    // that told of them is gone once read.
    QPushButton* m_showOrphans = nullptr;
    QList<Event> m_orphans;
    SessionState m_orphansTakenOn;
    QWidget* m_codes = nullptr;
    QLabel* m_controlCaption = nullptr;
    QLabel* m_controlCode = nullptr;
    QLabel* m_readOnlyCaption = nullptr;
    QLabel* m_readOnlyCode = nullptr;
    QWidget* m_joinBox = nullptr;
    DiscoveredHosts* m_discovered;
    QSet<QString> m_controlSeatsGone; // seats said to have left, to say when they are back
    QString m_hostedAs; // this laptop's sequencer while it hosts, to forget its own beacons after
    QLabel* m_foundCaption = nullptr;
    QListWidget* m_found = nullptr;
    QLineEdit* m_address = nullptr;
    QLineEdit* m_code = nullptr;
    QPushButton* m_join = nullptr;
    QTreeWidget* m_peers = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_keptIn = nullptr;           // where a joined seat keeps its copy of the session
    QString m_rejoinAddress;              // where a joined copy's host was, for the join form
    std::optional<Seat> m_seatBeforeCopy; // this window's seat before a join or a copy set another
    QString m_rejoinCode;                 // and the code it joined with, while it still followed it
    QString m_failure;                    // why the last join or hosting failed, until the next one
    QString m_hostError;                  // why the last hosting failed
    QString m_failureSession;             // the session m_failure was said of
    bool m_hostAgainFailed = false;       // sayCouldNotHostAgain: joinWhereSessionWentOn, once
    qint64 m_seqWhenHostAgainFailed = 0;  // acted on alone since: it goes on alone
    QString m_alert;
    QString m_statusText;
    bool m_statusIsProblem = false;
};

// Gives the connection dock of `window` the window's session file (call again when it changes),
// and moves the notes to a joined session's replica file when the seat joins one.
void attachConnection(MainWindow& window, SessionFile* file);
// Podium stopped while it hosted `file` (a crash, a power cut): it hosts it again at once, with
// the same codes and port, so the seats still trying come back without anyone doing anything.
// Stopped while `file` was a joined copy following its host: it joins that host again.
void resumeAfterCrash(MainWindow& window, SessionFile* file);

} // namespace podium
