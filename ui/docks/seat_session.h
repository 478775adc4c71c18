#pragma once

#include "model/note.h"
#include "model/result.h"
#include "sync/seat.h"
#include "sync/session_journal.h"

#include <QObject>
#include <functional>
#include <memory>

namespace podium {

class SessionEngine;
class SessionFile;

// What a joined session's own file says of the join: the seat the host gave ("rapporteur") and
// where the host was ("192.168.1.20:47600"). Empty for a session of one's own, and for one this
// seat took over hosting.
struct JoinedCopy {
    QString seat;
    QString from;
    QString code;           // the code it joined with, for the join form
    bool following = false; // it followed the session when Podium last stopped (a crash)
};
JoinedCopy joinedCopyOf(const SessionFile& file);

// This seat's place among the others: the sync seat, made when hosting or joining first starts,
// with the session file kept behind its log so that every event is still on disk first. A
// joined seat keeps its own replica file, so the session it joins never mixes with the one that
// was open. Until hosting or joining, the session file is the engine's journal, as before.
class SeatSession : public QObject {
    Q_OBJECT
public:
    explicit SeatSession(SessionEngine& engine, QObject* parent = nullptr);
    ~SeatSession() override;

    void setSessionFile(SessionFile* file);
    SessionFile* sessionFile() const;
    SessionFile* joinedCopy() const { return m_replica.get(); } // a joined session's own file
    // A join under way whose copy does not hold the host's session yet.
    bool joinPending() const { return m_replica && !m_replicaFilled; }
    // The joined copy at `path`, handed over to be the window's file, once this seat no longer
    // follows the session (null otherwise): it is open and locked here.
    std::unique_ptr<SessionFile> releaseJoinedCopy(const QString& path);
    // Where replica files of joined sessions go (default: the application's data folder).
    void setReplicaFolder(const QString& folder) { m_replicaFolder = folder; }
    // The next join keeps the host's session at `path` (a new file), not in that folder:
    // `podium --join HOST:PORT --session FILE`.
    void keepNextJoinIn(const QString& path) { m_nextReplicaPath = path; }
    // Whether a host announces itself on the LAN (UDP broadcast) for the join dialog.
    void setAnnouncing(bool announce) { m_announce = announce; }
    // How the other seats list this one ("Online moderator on laptop-3").
    void setSeatName(const QString& name);
    // Where hosting listens, as `--bind` says (default: every address of this machine); also
    // after a takeover.
    void setBindAddress(const QHostAddress& address) { m_bind = address; }
    // The room's voting page's port (0: none), told in the beacons while this seat hosts.
    void setVotingPort(quint16 port);

    [[nodiscard]] Result<bool> host(quint16 port);
    [[nodiscard]] Result<bool> host(quint16 port, const QHostAddress& address);
    [[nodiscard]] Result<bool> join(const sync::Endpoint& host, const QString& code,
                                    quint16 takeoverPort);
    // Whether the host this seat joins let it in during this join, or is where its file followed
    // the session before (a restart, a rejoin): only then does silence there mean the host may be
    // gone. At an address typed anew, it may only be mistyped, and hosting in its place would
    // split a session whose host still runs.
    bool hostKnown() const;
    QString joinedFrom() const { return m_joinedFrom; } // "host:port" joined, or reached since
    bool mayTakeOver() const { return m_seat && m_seat->canTakeOver() && hostKnown(); }
    [[nodiscard]] Result<bool> takeOver(quint16 port);
    void stop();

    sync::Seat* seat() const { return m_seat.get(); }
    // The host this seat joined last (or follows after a takeover), as it was reached.
    const sync::Endpoint& joinedHost() const { return m_joinedHost; }
    sync::Seat::Mode mode() const;

signals:
    void changed();
    void status(const QString& text);
    void failed(const QString& reason);
    // The file notes now belong in (a joined session's replica).
    void sessionFileChanged(podium::SessionFile* file);
    // What this seat had that the session's host never got: to be shown, never merged.
    void orphaned(const QList<podium::Event>& events);
    // This host gave way to another, at `to`, that leads the session, and joins it (its seat
    // changes).
    void gaveWay(const QString& to);
    // A seat that followed this host left (see SyncHost), or one joined it.
    void seatLeft(const podium::sync::PeerInfo& seat, const QString& reason);
    void seatJoined(const podium::sync::PeerInfo& seat);

private:
    [[nodiscard]] Result<bool> ensureSeat();
    QString replicaPathFor(const QString& host);
    void rememberJoin();
    void takeInJoinedSession();
    struct CarriedNotes;
    CarriedNotes notesOfLastCopy(const QString& session,
                                 const std::function<bool(const SessionFile&)>& taken = {}) const;
    CarriedNotes notesOfLaterCopy(const QString& session, qint64 since) const;
    static Result<bool> takeNotesOf(SessionFile& file, const CarriedNotes& later);
    void abandonRefusedJoin(const QString& reason);
    void joinAgainWithEmptyCopy();
    void workAloneOn(SessionFile& file);
    Result<std::unique_ptr<SessionFile>> copyToJoinWith(const SessionFile& from,
                                                        const QString& path);
    Result<bool> useReplica(std::unique_ptr<SessionFile> replica, bool isCopy);
    void discardReplica();
    void dropUnfilledReplica();
    void backToOwnFile();
    void announce();
    Result<bool> bindTo(SessionFile& file);

    SessionEngine& m_engine;
    SessionFile* m_file = nullptr;
    QString m_fileSession; // the session m_file held when it was set
    std::unique_ptr<SessionFile> m_replica;
    std::unique_ptr<sync::SessionFileJournal> m_durable;
    std::unique_ptr<sync::Seat> m_seat;
    QString m_replicaFolder;
    QString m_nextReplicaPath;
    bool m_announce = true;
    QHostAddress m_bind{QHostAddress::Any};
    quint16 m_votingPort = 0;
    QString m_seatName;
    QString m_joinedFrom; // "host:port" of the host followed
    QString m_joinCode;
    bool m_replicaFilled = false; // the replica holds the host's session
    // The replica began as a copy of the file joined from, so that the host could compare their
    // histories; a host of another session has the seat join again with an empty one.
    bool m_replicaIsCopy = false;
    bool m_joiningAgain = false; // with an empty copy: the copy's failure is not the join's
    std::unique_ptr<SessionFile> m_leftCopy; // see join()
    sync::Endpoint m_joinedHost;
    bool m_followedThereBefore = false; // see hostKnown()
    bool m_reachedSinceJoin = false;    // a host let this seat in since join()
    quint16 m_takeoverPort = 0;
    // The notes of the file this seat joined from, and its session: they go into the replica
    // once it holds the same session (a rapporteur's notes were left behind at each rejoin).
    struct CarriedNotes {
        QList<Note> notes;
        QString session;
        QString from;        // the file they stay in
        qint64 copiedAt = 0; // when that file was made as a joined copy (0: it was not)
    } m_carried;
};

} // namespace podium
