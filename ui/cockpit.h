#pragma once

#include "commands/command.h"
#include "engine/session_engine.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUndoStack>
#include <functional>
#include <map>
#include <optional>

namespace podium {

// Which desk this window serves: decides the default layout and what may be changed.
enum class Seat { Moderator, OnlineModerator, Rapporteur };

QString seatKey(Seat seat);                        // stable, for settings
std::optional<Seat> seatNamed(const QString& key); // from seatKey
QString seatLabel(Seat seat);                      // translated, for people
Seat seatFor(Authority authority);
Authority authorityFor(Seat seat);
// The online moderator's seat becoming the moderator's: a takeover of hosting, the same person
// at the same laptop (who keeps their panels and their usual presence for new people).
inline bool takesOver(Seat from, Seat to) {
    return from == Seat::OnlineModerator && to == Seat::Moderator;
}

// What every dock shares: the session engine, its clock, the undo stack and the seat's role.
// Docks take it in their constructor; it holds no widgets.
class SessionFiles;
namespace web {
class VotingServer;
}

class Cockpit : public QObject {
    Q_OBJECT
public:
    explicit Cockpit(SessionEngine& engine, QObject* parent = nullptr);
    ~Cockpit() override;

    SessionEngine& engine() const { return m_engine; }
    const SessionState& state() const { return m_engine.state(); }
    const Clock& clock() const { return m_engine.clock(); }
    qint64 now() const { return m_engine.now(); }
    // What a report closes a speech, a segment or the session still running at: now while the
    // session goes on here, but the time of its last event on a file opened after it (a
    // rapporteur writing up the next day saw a 60-hour last speech).
    qint64 reportTime() const;
    // Hosting or joined: the session goes on with the others, also before any event comes.
    void setShared(bool shared) { m_shared = shared; }
    bool isShared() const { return m_shared; }
    QUndoStack& undoStack() { return m_undo; }
    // The room's voting page (off until a moderator turns it on): one per window, as the seat is.
    web::VotingServer& voting() const { return *m_voting; }
    // Where phones open it, one address per network this laptop is on; on a seat that follows a
    // host, the host's page, as its beacons tell (empty: none is known to be on).
    QStringList votingPageUrls() const { return m_votingUrls; }
    // The page of the host this seat follows (empty: none, or this seat follows no host).
    void setHostVotingPage(const QString& url);
    // The address the audience display shows (the first of votingPageUrls()): a laptop on two
    // networks (the venue's Wi-Fi and the AV desk's cable) showed the one phones could not
    // reach. Kept while the page is served there, and for the next time (QSettings).
    void showVotingPageAt(const QString& url);
    // Where this laptop's networks are looked up (sync::addressesOnLan; tests give others).
    void setNetworkLookup(std::function<QStringList(const QHostAddress&)> lookup);
    // The session file this seat works on; null when it runs without one (tests, a display).
    SessionFiles* files() const { return m_files; }
    void setFiles(SessionFiles* files) { m_files = files; }

    Seat seat() const { return seatFor(m_engine.authority()); }
    void setSeat(Seat seat);
    // Whether this seat may change the session at all: not the rapporteur, and nobody while the
    // session's file can only be viewed (a read-only stick: every action was refused).
    bool canControl() const {
        return m_engine.authority() != Authority::ReadOnly && !m_fileReadOnly;
    }
    void setFileReadOnly(bool readOnly);
    // Whether this seat may issue a given action (some are the in-room moderator's only).
    bool permits(Action action) const;
    // Why this seat may not (empty when it may): for the tooltip of a control greyed for it, which
    // said only the control's name, and the online moderator was left guessing.
    QString whyNotPermitted(Action action) const;

    // Issues a command as one undoable step named `text`; refused commands leave no step.
    // Whether it was done, or sent to the host (a view keeps what was typed when it was not).
    bool run(Action action, const QCborMap& args, const QString& text);
    // Issues a command as a part of `step`, a step still on the undo stack: undone with it, and
    // the step is then named `text`. (A newcomer quick-added and their place in the queue are one
    // step, though the place is asked for only once the newcomer's event has come.)
    // False, and nothing run, when the step is no longer on the undo side of the stack (refused,
    // undone, or cleared meanwhile).
    bool runAsPartOf(quint64 step, Action action, const QCborMap& args, const QString& text);
    // The serial of the step at the top of the undo stack (SessionCommand::serial(); 0 for none):
    // the one run() just pushed.
    quint64 lastStep() const;
    // Issues a command that is not undone from the stack (it is itself a correction).
    Result<Event> submit(Action action, const QCborMap& args = {});

    // The floor (its entry's id, 0 for none) as the moderator saw it when deciding to act: a
    // change another seat made a moment ago has not been taken in yet. The commands that name
    // the floor they expect carry this one.
    Id floorAsSeen() const;
    // Whether the timer ran as the moderator saw it when pressing its Start/Pause button: within
    // a moment of the other seat starting it, a press meant "start" too (both pressed Start, and
    // the second press paused the clock the first had started).
    bool runningAsSeen(TimerId timer) const;

signals:
    // About 5 times a second while a countdown runs; views read the clock when they repaint.
    void tick();
    void seatChanged(podium::Seat seat);
    // What this seat may do changed without the seat changing (the file became viewable only).
    void controlChanged();
    // A sentence for the status bar: why a command was refused, or why an undo could not be.
    void notice(const QString& text);
    // A sentence for the status bar that needs nothing done (another seat's change, a press taken
    // for a slip): shown for a while in the usual colour. In red, it read as an error, and stayed.
    void info(const QString& text);
    // The moderator took a step of Edit → Undo here (run(), done or sent to the host).
    void stepTaken();
    // The voting page started or stopped, or this laptop's networks changed under it.
    void votingPageUrlsChanged(const QStringList& urls);

private:
    bool issueStep(Action action, const QCborMap& args,
                   const std::function<void(const Command&)>& issue);
    void updateTicking();
    void keepOrClearUndo();
    void dropRefusedUndo();
    QString namingTheStep(const QString& commandId, const QString& reason) const;
    void noteFloorChange(const Event& event, const SessionState& before);
    void noteTimerChanges(const Event& event, const SessionState& before);
    bool takingInOthersChange() const;
    void updateVotingUrls();

    SessionEngine& m_engine;
    QUndoStack m_undo;
    SessionState m_stateSeen; // as of the last event or reset, to tell a new state from the same
    QTimer m_ticker;
    web::VotingServer* m_voting;
    QStringList m_votingUrls;
    QString m_hostVotingPage;
    std::function<QStringList(const QHostAddress&)> m_networkLookup;
    QTimer m_votingNetworks; // looks at the laptop's networks while the page is on
    SessionFiles* m_files = nullptr;
    bool m_fileReadOnly = false;
    Id m_floorBeforeOthers = 0;       // before the last change another seat made,
    bool m_eventsSinceOpened = false; // since the state was last replaced (a file opened, a join)
    // reportTime(), decided once per state: the file's last action, or nothing (up to now).
    mutable std::optional<std::optional<qint64>> m_reportUpTo;
    bool m_shared = false;
    qint64 m_othersChangedAt = -1; // at this time (engine's clock); -1: none lately
    struct TimerSeen {
        bool running = false;  // before another seat started or paused it,
        qint64 changedAt = -1; // at this time; -1: not lately
    };
    std::map<TimerId, TimerSeen> m_timersSeen;
};

} // namespace podium
