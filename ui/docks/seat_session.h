#pragma once

#include "model/result.h"
#include "sync/seat.h"
#include "sync/session_journal.h"

#include <QObject>
#include <memory>

namespace podium {

class SessionEngine;
class SessionFile;

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
    // Where replica files of joined sessions go (default: the application's data folder).
    void setReplicaFolder(const QString& folder) { m_replicaFolder = folder; }
    // Whether a host announces itself on the LAN (UDP broadcast) for the join dialog.
    void setAnnouncing(bool announce) { m_announce = announce; }
    // How the other seats list this one ("Online moderator on laptop-3").
    void setSeatName(const QString& name);

    [[nodiscard]] Result<bool> host(quint16 port, const QHostAddress& address = QHostAddress::Any);
    [[nodiscard]] Result<bool> join(const sync::Endpoint& host, const QString& code,
                                    quint16 takeoverPort);
    [[nodiscard]] Result<bool> takeOver(quint16 port);
    void stop();

    sync::Seat* seat() const { return m_seat.get(); }
    sync::Seat::Mode mode() const;

signals:
    void changed();
    void status(const QString& text);
    void failed(const QString& reason);
    // The file notes now belong in (a joined session's replica).
    void sessionFileChanged(podium::SessionFile* file);

private:
    [[nodiscard]] Result<bool> ensureSeat();
    Result<bool> bindTo(SessionFile& file);

    SessionEngine& m_engine;
    SessionFile* m_file = nullptr;
    std::unique_ptr<SessionFile> m_replica;
    std::unique_ptr<sync::SessionFileJournal> m_durable;
    std::unique_ptr<sync::Seat> m_seat;
    QString m_replicaFolder;
    bool m_announce = true;
    QString m_seatName;
};

} // namespace podium
