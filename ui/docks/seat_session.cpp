#include "seat_session.h"

#include "engine/session_engine.h"
#include "store/session_file.h"
#include "sync/session_journal.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace podium {

SeatSession::SeatSession(SessionEngine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_replicaFolder(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                      u"/joined"_s) {}

// Closing the window: the seat says goodbye to the others, but no view is left to hear it.
SeatSession::~SeatSession() {
    blockSignals(true);
    if (m_seat)
        m_seat->disconnect(this);
    m_seat.reset();
}

// The window switched files: "Save as" carries on with the same session, so a shared session
// stays shared (its log now backed by the copy); another session ends the sharing, since the
// others would be sent a different one.
void SeatSession::setSessionFile(SessionFile* file) {
    m_file = file;
    if (!m_seat || !file)
        return;
    const bool sameSession = file->sessionId() == m_engine.state().sessionId;
    if (mode() != sync::Seat::Mode::Alone && (!sameSession || m_replica)) {
        m_seat->stop();
        emit failed(tr("Disconnected: another session file was opened on this seat."));
    }
    if (m_replica && !sameSession)
        m_replica.reset();
    if (!m_replica) {
        if (auto bound = bindTo(*file); !bound)
            emit failed(bound.error());
    }
    emit changed();
}

void SeatSession::setSeatName(const QString& name) {
    m_seatName = name;
    if (m_seat)
        m_seat->setSeatName(name);
}

SessionFile* SeatSession::sessionFile() const {
    return m_replica ? m_replica.get() : m_file;
}

sync::Seat::Mode SeatSession::mode() const {
    return m_seat ? m_seat->mode() : sync::Seat::Mode::Alone;
}

// Made once and kept: after a stop the seat's log stays the engine's journal, with the file
// behind it, so nothing done alone afterwards is lost.
Result<bool> SeatSession::ensureSeat() {
    if (!m_file)
        return Result<bool>::failure(
            tr("Open or create a session file first: a shared session is always kept on disk."));
    if (!m_seat) {
        m_seat = std::make_unique<sync::Seat>(m_engine, m_engine.clock());
        m_seat->setSeatName(m_seatName);
        connect(m_seat.get(), &sync::Seat::modeChanged, this, &SeatSession::changed);
        connect(m_seat.get(), &sync::Seat::peersChanged, this, &SeatSession::changed);
        connect(m_seat.get(), &sync::Seat::statusChanged, this, &SeatSession::status);
        connect(m_seat.get(), &sync::Seat::failed, this, &SeatSession::failed);
    }
    if (m_replica && mode() == sync::Seat::Mode::Alone)
        return true; // carries on in the joined session's replica
    return bindTo(*m_file);
}

// The seat's log in front of `file`: it serves resuming peers the events the file holds.
Result<bool> SeatSession::bindTo(SessionFile& file) {
    if (auto restored = sync::restoreLog(m_seat->log(), file); !restored)
        return restored;
    m_durable = std::make_unique<sync::SessionFileJournal>(file);
    m_seat->setDurableJournal(m_durable.get());
    m_engine.setJournal(&m_seat->log());
    return true;
}

// With the codes this file was hosted with when the last run ended without stopping (a crash,
// a closed lid that never woke): the seats still trying then come back by themselves.
Result<bool> SeatSession::host(quint16 port, const QHostAddress& address) {
    if (auto ok = ensureSeat(); !ok)
        return ok;
    SessionFile* file = sessionFile();
    const sync::JoinCodes codes = sync::codesToHostWith(file);
    auto hosted = m_seat->host(port, address, codes);
    if (hosted && file) {
        if (auto kept = sync::keepHostedCodes(*file, codes); !kept)
            emit status(
                tr("Hosting, but the codes could not be kept for a restart: %1").arg(kept.error()));
    }
    if (hosted && m_announce)
        m_seat->announce();
    emit changed();
    return hosted;
}

Result<bool> SeatSession::join(const sync::Endpoint& host, const QString& code,
                               quint16 takeoverPort) {
    if (auto ok = ensureSeat(); !ok)
        return ok;
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    auto replica = SessionFile::createReplica(
        QDir(m_replicaFolder).filePath(u"joined-%1-%2.podium"_s.arg(stamp, host.host)));
    if (!replica)
        return Result<bool>::failure(replica.error());
    m_replica = std::move(replica).value();
    m_durable = std::make_unique<sync::SessionFileJournal>(*m_replica);
    m_seat->setDurableJournal(m_durable.get());
    m_seat->log().restore(SessionState{}, {});
    m_seat->log().restoreSequencers({}); // they come with the host's welcome
    m_seat->join(host, code.trimmed(), takeoverPort);
    emit sessionFileChanged(m_replica.get());
    emit changed();
    return true;
}

Result<bool> SeatSession::takeOver(quint16 port) {
    if (!m_seat)
        return Result<bool>::failure(tr("This seat has not joined a session."));
    auto taken = m_seat->takeOver(port);
    if (taken && m_announce)
        m_seat->announce();
    emit changed();
    return taken;
}

// Stopping on purpose ends the codes too: hosting again gives new ones.
void SeatSession::stop() {
    const bool wasHosting = mode() == sync::Seat::Mode::Hosting;
    if (m_seat)
        m_seat->stop();
    if (wasHosting && sessionFile()) {
        if (auto forgotten = sync::forgetHostedCodes(*sessionFile()); !forgotten)
            emit status(forgotten.error());
    }
    emit changed();
}

} // namespace podium
