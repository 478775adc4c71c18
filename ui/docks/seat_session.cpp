#include "seat_session.h"

#include "cockpit.h"
#include "engine/session_engine.h"
#include "store/joined_copies.h"
#include "store/session_file.h"
#include "sync/session_journal.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

using joined::copiedAtKey;
using joined::copiedFromKey;
using joined::joinedAsKey;
using joined::originOf;

const QString joinedFromKey = u"joined_from"_s;
// Kept as the host keeps its codes in its own file: the join form offers it again.
const QString joinedCodeKey = u"joined_code"_s;
// Set while the seat follows the session, cleared however it stops (Disconnect, a refused join,
// another file, closing the window): found set at a start, Podium died while it followed, and the
// seat joins again by itself.
const QString followingKey = u"joined_following"_s;
// Save As gives the very log shared so far. A salvaged or older copy of the same session is
// shorter, or went on another way: hosting it gave the seats a second history under the numbers
// they held, and they took its events on top of their own.
bool holdsSharedLog(const SessionFile& file, const sync::ReplicaLog& log) {
    if (file.state().lastSeq != log.lastSeq())
        return false;
    if (log.events().isEmpty())
        return true;
    const auto last = file.events(log.lastSeq());
    return last && !last->isEmpty() && last->last().epoch == log.events().last().epoch &&
           last->last().commandId == log.events().last().commandId;
}

} // namespace

JoinedCopy joinedCopyOf(const SessionFile& file) {
    return {file.metadata(joinedAsKey), file.metadata(joinedFromKey), file.metadata(joinedCodeKey),
            !file.metadata(followingKey).isEmpty()};
}

SeatSession::SeatSession(SessionEngine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_replicaFolder(joined::copiesFolder()) {}

// Closing the window: the seat says goodbye to the others, but no view is left to hear it.
SeatSession::~SeatSession() {
    blockSignals(true);
    if (m_seat)
        m_seat->disconnect(this);
    // Closed, not crashed: not joined again at the next start (no view is left to tell a failure).
    if (mode() == sync::Seat::Mode::Joined && sessionFile())
        (void)sessionFile()->writeMetadata(followingKey, {});
    m_seat.reset();
}

// The window switched files: "Save as" carries on with the same session, so a shared session
// stays shared (its log now backed by the copy); another session ends the sharing, since the
// others would be sent a different one.
// The engine shows `file` already when this is called, so the session shared until now is the
// one the previous file held, whose log the seat still has (compared with the engine's, a host
// that opened another session went on hosting it, on the same codes, to seats that kept the
// first). A joined session's copy is left whatever the file: the window shows the file now.
void SeatSession::setSessionFile(SessionFile* file) {
    const bool sameSession = file && m_file && file->sessionId() == m_fileSession &&
                             (!m_seat || holdsSharedLog(*file, m_seat->log()));
    m_file = file;
    m_fileSession = file ? file->sessionId() : QString();
    if (m_seat && file && mode() != sync::Seat::Mode::Alone && (!sameSession || m_replica)) {
        m_seat->stop();
        // Stopping gave the engine, which shows `file` already, an epoch for working alone
        // that only the file left behind records.
        m_engine.reset(file->state());
        emit failed(tr("Disconnected: another session file was opened on this seat."));
    }
    if (file && mode() == sync::Seat::Mode::Alone)
        workAloneOn(*file);
    if (m_seat && file) {
        if (auto bound = bindTo(*file); !bound)
            emit failed(bound.error());
        if (m_replica) {
            m_replica.reset(); // after bindTo, which takes the seat's journal off it
            m_leftCopy.reset();
            emit sessionFileChanged(m_file);
        }
    }
    emit changed();
}

// A joined copy opened to be worked on alone (sync::takeOwnEpoch). Also one marked as still
// following: it joins again at start, but that mark outlives a copy it rejoined from.
void SeatSession::workAloneOn(SessionFile& file) {
    if (joinedCopyOf(file).seat.isEmpty() || file.isReadOnly()) // (nothing is done on it)
        return;
    const auto own = sync::takeOwnEpoch(file, m_engine.state().epoch);
    if (!own)
        return emit status(own.error());
    if (own.value() == 0)
        return;
    SessionState s = m_engine.state();
    s.epoch = qint32(own.value());
    m_engine.reset(s);
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

std::unique_ptr<SessionFile> SeatSession::releaseJoinedCopy(const QString& path) {
    if (!m_replica || mode() != sync::Seat::Mode::Alone ||
        QFileInfo(m_replica->path()) != QFileInfo(path))
        return nullptr;
    // Nothing may journal into it from here until the window takes it (and this seat binds to
    // it again, as to any file the window opens).
    m_engine.setJournal(nullptr);
    if (m_seat)
        m_seat->setDurableJournal(nullptr);
    m_durable.reset();
    m_replicaIsCopy = false;
    return std::move(m_replica);
}

void SeatSession::setVotingPort(quint16 port) {
    m_votingPort = port;
    if (m_seat)
        m_seat->setVotingPort(port);
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
        m_seat->setClient(sync::cockpitClient.toString());
        m_seat->setVotingPort(m_votingPort);
        connect(m_seat.get(), &sync::Seat::modeChanged, this, &SeatSession::changed);
        connect(m_seat.get(), &sync::Seat::peersChanged, this, &SeatSession::changed);
        connect(m_seat.get(), &sync::Seat::statusChanged, this, &SeatSession::status);
        connect(m_seat.get(), &sync::Seat::seatLeft, this, &SeatSession::seatLeft);
        connect(m_seat.get(), &sync::Seat::seatJoined, this, &SeatSession::seatJoined);
        connect(m_seat.get(), &sync::Seat::hostsAnotherSession, this, [this] {
            if (!m_replicaIsCopy)
                return;
            m_joiningAgain = true;
            QMetaObject::invokeMethod(
                this, [this] { joinAgainWithEmptyCopy(); }, Qt::QueuedConnection);
        });
        connect(m_seat.get(), &sync::Seat::failed, this, [this](const QString& reason) {
            if (m_joiningAgain)
                return; // the copy's failure, not the join's
            emit failed(reason);
            // Later: the seat is in the middle of telling why, and stopping it ends its link.
            QMetaObject::invokeMethod(
                this, [this, reason] { abandonRefusedJoin(reason); }, Qt::QueuedConnection);
        });
        connect(m_seat.get(), &sync::Seat::orphaned, this, &SeatSession::orphaned);
        connect(m_seat.get(), &sync::Seat::superseded, this, [this](const sync::Endpoint& e) {
            m_joinedHost = e; // reaching it is no news ("Nothing answered at :0", it said)
            m_joinedFrom = addressOf(e);
            m_joinCode = m_seat->controlCode(); // what it joined with: the code it hosted with
            // Neither is to blame: either laptop may have been the one that lost the network.
            emit status(tr("The seat at %1 went on hosting this session while the two were out of "
                           "touch: this seat stopped hosting and joined it, with control.")
                            .arg(m_joinedFrom));
            emit gaveWay(m_joinedFrom);
        });
        connect(m_seat.get(), &sync::Seat::modeChanged, this, &SeatSession::rememberJoin);
        // After a takeover the copy says where the session went on, not the host that died.
        connect(m_seat.get(), &sync::Seat::hostReached, this, [this](const sync::Endpoint& e) {
            // Joined elsewhere than typed (a mistyped port; the session's host heard announcing
            // itself): the address changed on the panel with no word.
            if (!std::exchange(m_reachedSinceJoin, true) && !(e == m_joinedHost))
                emit status(tr("Nothing answered at %1: this seat joined the host of this "
                               "session it heard announcing itself, at %2.")
                                .arg(addressOf(m_joinedHost), addressOf(e)));
            m_joinedFrom = addressOf(e);
            rememberJoin();
            takeInJoinedSession(); // a copy the host resumed had no state reset
        });
        connect(&m_engine, &SessionEngine::authorityChanged, this, &SeatSession::rememberJoin);
        connect(&m_engine, &SessionEngine::stateReset, this, &SeatSession::takeInJoinedSession);
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

Result<bool> SeatSession::host(quint16 port) {
    return host(port, m_bind);
}

// With the codes this file was hosted with when the last run ended without stopping (a crash,
// a closed lid that never woke): the seats still trying then come back by themselves.
Result<bool> SeatSession::host(quint16 port, const QHostAddress& address) {
    if (auto ok = ensureSeat(); !ok)
        return ok;
    SessionFile* file = sessionFile();
    const sync::JoinCodes codes = sync::codesToHostWith(file);
    auto hosted = m_seat->host(port, address, codes);
    if (hosted)
        announce();
    emit changed();
    return hosted;
}

// A name of its own for each join, also for two joins within a second (the second failed with
// "already exists").
QString SeatSession::replicaPathFor(const QString& host) {
    if (!m_nextReplicaPath.isEmpty())
        return std::exchange(m_nextReplicaPath, {});
    const QString stamp = QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s);
    const QDir folder(m_replicaFolder);
    folder.mkpath(u"."_s); // Podium's own folder for the copies, made on first use
    QString path = folder.filePath(u"joined-%1-%2.podium"_s.arg(stamp, host));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = folder.filePath(u"joined-%1-%2-%3.podium"_s.arg(stamp, host).arg(n));
    return path;
}

// From a file of a session (its host's, one worked on alone, an earlier joined copy), the seat
// joins with a copy of it: the host compares their histories, resumes the copy, and shows what
// this seat did that it never got as orphans. An empty copy showed nothing: a cockpit that went
// on alone and then joined from the form had those actions only in its own file, unseen. The
// file itself stays as it was. (A host of another session: joinAgainWithEmptyCopy.)
Result<bool> SeatSession::join(const sync::Endpoint& host, const QString& code,
                               quint16 takeoverPort) {
    if (auto ok = ensureSeat(); !ok)
        return ok;
    if (joinPending()) { // one before, that never got in: this one starts where that one did
        m_seat->stop();
        dropUnfilledReplica();
    }
    m_seat->setWantedRole(Authority::OnlineModerator);
    SessionFile* from = sessionFile();
    if (from) {
        auto notes = from->notes();
        m_carried = {notes ? notes.value() : QList<Note>{}, from->sessionId(),
                     QFileInfo(from->path()).absoluteFilePath()};
        // Rejoining from the copy of a seat that was the in-room moderator, it is that again;
        // and so from the file it hosted (before the seat moves to the joined copy), unless it
        // hosted it as the online moderator, in place of a host that left.
        if (joinedCopyOf(*from).seat == seatKey(Seat::Moderator) ||
            (sync::wasHosted(*from) && sync::hostedAs(*from) == Authority::Moderator))
            m_seat->setWantedRole(Authority::Moderator, from->sessionId());
        m_seat->setHostedBefore(sync::wasHosted(*from));
    }
    // (The hello names the engine's session: it must be the copy's.)
    bool copy = from && !from->sessionId().isEmpty() && from->state().lastSeq > 0 &&
                from->sessionId() == m_engine.state().sessionId;
    // The joined copy it went on in after leaving (Disconnect): kept until the host's session is
    // in, to go back to if the join never gets in. The window showed its own file then, with
    // this copy's state, and refused whatever was done next.
    std::unique_ptr<SessionFile> leftCopy = std::move(m_replica);
    const QString path = replicaPathFor(host.host);
    auto replica = copy ? copyToJoinWith(*from, path) : SessionFile::createReplica(path);
    if (!replica && copy) { // the host only sends its whole state then, as to any new seat
        emit status(tr("This seat joins without comparing its file with the host's: %1")
                        .arg(replica.error()));
        copy = false;
        QFile::remove(path);
        replica = SessionFile::createReplica(path);
    }
    if (!replica) {
        m_replica = std::move(leftCopy);
        return Result<bool>::failure(replica.error());
    }
    if (copy) {
        m_carried.copiedAt = from->metadata(copiedAtKey).toLongLong();
        const QString now = QString::number(QDateTime::currentMSecsSinceEpoch());
        if (auto ok = replica.value()->writeMetadata(
                {{copiedFromKey, originOf(*from)}, {copiedAtKey, now}});
            !ok)
            emit status(ok.error()); // its notes may not come in at the next start: no more
    }
    m_leftCopy = std::move(leftCopy);
    if (auto used = useReplica(std::move(replica).value(), copy); !used) {
        dropUnfilledReplica();
        return used;
    }
    m_joinedHost = host;
    m_followedThereBefore = from && sync::parseEndpoint(joinedCopyOf(*from).from) == host;
    m_reachedSinceJoin = false;
    m_takeoverPort = takeoverPort;
    m_joinedFrom = addressOf(host);
    m_joinCode = code.trimmed();
    m_seat->join(host, m_joinCode, takeoverPort);
    emit sessionFileChanged(m_replica.get());
    emit changed();
    return true;
}

Result<std::unique_ptr<SessionFile>> SeatSession::copyToJoinWith(const SessionFile& from,
                                                                 const QString& path) {
    if (auto saved = from.saveCopyAs(path); !saved)
        return Result<std::unique_ptr<SessionFile>>::failure(saved.error());
    return SessionFile::open(path);
}

// The copy of this seat's file cannot take another session: the seat joins that host again, as
// any seat joins a session new to it. Its notes come along if it is one they were written on.
void SeatSession::joinAgainWithEmptyCopy() {
    m_joiningAgain = false;
    if (!m_replica || !m_replicaIsCopy || mode() != sync::Seat::Mode::Joined)
        return; // left meanwhile (Disconnect, another file)
    m_seat->stop();
    const QString path = m_replica->path();
    discardReplica();
    auto replica = SessionFile::createReplica(path);
    if (!replica) {
        backToOwnFile();
        emit failed(replica.error());
        emit changed();
        return;
    }
    (void)useReplica(std::move(replica).value(), false); // (an empty log is always taken)
    m_seat->join(m_joinedHost, m_joinCode, m_takeoverPort);
    emit sessionFileChanged(m_replica.get());
    emit changed();
}

// The seat's log in front of `replica`, a new one for a join: the copy's events, or none.
Result<bool> SeatSession::useReplica(std::unique_ptr<SessionFile> replica, bool isCopy) {
    m_replica = std::move(replica);
    m_replicaFilled = false;
    m_replicaIsCopy = isCopy;
    m_durable = std::make_unique<sync::SessionFileJournal>(*m_replica);
    m_seat->setDurableJournal(m_durable.get());
    if (isCopy)
        return sync::restoreLog(m_seat->log(), *m_replica);
    m_seat->log().restore(SessionState{}, {});
    m_seat->log().restoreSequencers({}); // they come with the host's welcome
    return true;
}

// The replica and its SQLite side files, gone: nothing in it was the session's.
void SeatSession::discardReplica() {
    const QString path = m_replica->path();
    m_durable.reset();
    m_seat->setDurableJournal(nullptr);
    m_replica.reset();
    m_replicaIsCopy = false;
    for (const QString& file : {path, path + u"-wal"_s, path + u"-shm"_s})
        QFile::remove(file);
}

// The join never brought the host's session in (refused, a host of another session, Disconnect
// before its state came): its copy goes, and the seat is on the file it joined from again.
void SeatSession::dropUnfilledReplica() {
    discardReplica();
    backToOwnFile();
}

// That file's state is shown again: stopping gave the engine an epoch of its own for working
// alone, recorded only in the copy that went, and the next events carried an epoch no file knew.
void SeatSession::backToOwnFile() {
    if (m_leftCopy) {
        m_replica = std::move(m_leftCopy);
        m_replicaFilled = true;
        m_engine.reset(m_replica->state());
        workAloneOn(*m_replica);
        if (auto bound = bindTo(*m_replica); !bound)
            emit status(bound.error());
        emit sessionFileChanged(m_replica.get());
        return;
    }
    if (m_file) {
        m_engine.reset(m_file->state());
        workAloneOn(*m_file);
        if (auto bound = bindTo(*m_file); !bound)
            emit status(bound.error());
    }
    emit sessionFileChanged(m_file);
}

// The replica keeps the seat the host gave, and where the host was: a restart opens it as that
// seat (a rapporteur restarted as a moderator could change the session, and even host it). A
// seat that took over hosting is its file's host from then on; one that left keeps the memory,
// no longer marked as following.
void SeatSession::rememberJoin() {
    SessionFile* file = sessionFile(); // the host's own, when it gave way to another (superseded)
    if (!file)
        return;
    const JoinedCopy kept = joinedCopyOf(*file);
    if (mode() == sync::Seat::Mode::Alone) {
        if (!kept.following)
            return;
        if (auto ok = file->writeMetadata(followingKey, {}); !ok)
            emit status(ok.error());
        return;
    }
    const bool joined = mode() == sync::Seat::Mode::Joined;
    const JoinedCopy now{joined ? seatKey(seatFor(m_engine.authority())) : QString(),
                         joined ? m_joinedFrom : QString(), joined ? m_joinCode : QString(),
                         joined};
    if (now.seat == kept.seat && now.from == kept.from && now.code == kept.code &&
        now.following == kept.following)
        return;
    const std::pair<QString, QString> entries[] = {
        {joinedAsKey, now.seat},
        {joinedFromKey, now.from},
        {joinedCodeKey, now.code},
        {followingKey, now.following ? u"yes"_s : QString()}};
    for (const auto& [key, value] : entries) {
        if (auto ok = file->writeMetadata(key, value); !ok)
            return emit status(ok.error());
    }
}

// The replica holds the host's session from its first state on: only then is it offered in Open
// recent (a join that never got in left an empty file there), and the notes written on that
// session before come in (the file they came from keeps them too).
void SeatSession::takeInJoinedSession() {
    if (!m_replica || m_replicaFilled || m_replica->sessionId().isEmpty())
        return;
    // A copy holds its session from the start: the host's only once in step with it.
    const sync::SyncPeer* peer = m_seat ? m_seat->syncPeer() : nullptr;
    if (m_replicaIsCopy && (!peer || peer->state() != sync::SyncPeer::State::Live))
        return;
    m_replicaFilled = true;
    m_leftCopy.reset();
    const QString session = m_replica->sessionId();
    if (m_replicaIsCopy) // a copy of the file joined from has its notes, but maybe not all:
        m_carried = notesOfLaterCopy(session, m_carried.copiedAt);
    else if (session != m_carried.session)
        m_carried = notesOfLastCopy(session);
    if (session == m_carried.session) {
        if (auto added = takeNotesOf(*m_replica, m_carried); !added)
            emit status(tr("Your earlier notes could not be copied into the joined session's "
                           "file: %1 They are still in %2.")
                            .arg(added.error(), QDir::toNativeSeparators(m_carried.from)));
    }
    m_carried = {};
    emit sessionFileChanged(m_replica.get());
}

// A seat started again on another file (one named with --session, the demo) left the notes it
// wrote on `session` in its last joined copy of it: a rapporteur who restarted lost them from
// the panel and the report. Only the newest copy is read: each join carries the notes of the
// one before, so the older copies hold nothing more, and notes removed since would come back.
// The copy must have been this seat's (another seat on this laptop keeps its own notes) and be
// closed (one still open belongs to a Podium running now).
SeatSession::CarriedNotes
SeatSession::notesOfLastCopy(const QString& session,
                             const std::function<bool(const SessionFile&)>& taken) const {
    const QString seat = seatKey(seatFor(m_engine.authority()));
    const joined::FoundCopy found = joined::newestCopy(
        m_replicaFolder, session, 20, // the GUI waits on these, and the newest comes first
        [&](const QString& path, const SessionFile& copy) {
            return !(m_replica && QFileInfo(path) == QFileInfo(m_replica->path())) &&
                   joinedCopyOf(copy).seat == seat && (!taken || taken(copy)) &&
                   // Only for the copy that matches: a lock is a file written and synced.
                   SessionFile::lockAgainstOthers(path);
        });
    if (!found.file)
        return {};
    const auto notes = found.file->notes();
    return {notes ? notes.value() : QList<Note>{}, session, found.path,
            found.file->metadata(copiedAtKey).toLongLong()};
}

// Started again with `--join … --session FILE` on the file it first joined in, the seat copied that
// file, not the copy it went on in since: the notes written there were lost from the panel and the
// report at each restart. They are in the newest copy made, one after the other, from that file,
// after the one joined from (`since`: when that was made; 0 for the first file).
SeatSession::CarriedNotes SeatSession::notesOfLaterCopy(const QString& session,
                                                        qint64 since) const {
    const QString origin = m_replica ? m_replica->metadata(copiedFromKey) : QString();
    return notesOfLastCopy(session, [&](const SessionFile& copy) {
        return joined::madeInLineAfter(copy, origin, since);
    });
}

// The notes as `later` kept them, in `file`, a copy of what `later` was copied from: each note
// once (known by its time and text), as filed there; one `file` has from before `later` was made
// (`copiedAt`) that `later` lacks was removed there. Notes added to `file` since stay.
Result<bool> SeatSession::takeNotesOf(SessionFile& file, const CarriedNotes& later) {
    const auto there = file.notes();
    if (!there)
        return Result<bool>::failure(there.error());
    const auto sameWriting = [](const Note& a, const Note& b) {
        return a.at == b.at && a.text == b.text;
    };
    for (const Note& kept : there.value()) {
        const auto it = std::find_if(later.notes.begin(), later.notes.end(),
                                     [&](const Note& n) { return sameWriting(n, kept); });
        Result<bool> done = true;
        if (it == later.notes.end() && later.copiedAt > 0 && kept.at < later.copiedAt)
            done = file.removeNote(kept.id);
        else if (it != later.notes.end() &&
                 (it->kind != kept.kind || it->speechEntryId != kept.speechEntryId ||
                  it->filedByHand != kept.filedByHand))
            done = file.editNote(
                Note{kept.id, kept.at, it->speechEntryId, it->kind, kept.text, it->filedByHand});
        if (!done)
            return done;
    }
    for (const Note& note : later.notes) {
        const auto same = [&](const Note& kept) {
            return sameWriting(kept, note);
        };
        if (std::none_of(there->begin(), there->end(), same)) {
            if (auto added = file.addNote(note); !added)
                return Result<bool>::failure(added.error());
        }
    }
    return true;
}

// A host that refuses this seat (a wrong code) is not tried again: the seat stops, so that the
// join form is back for another code, and the empty file made for the join goes (it said
// "reconnecting by itself" for ever, and left a file behind at each attempt).
void SeatSession::abandonRefusedJoin(const QString& reason) {
    const sync::SyncPeer* peer = m_seat ? m_seat->syncPeer() : nullptr;
    if (mode() != sync::Seat::Mode::Joined || !peer ||
        peer->state() != sync::SyncPeer::State::Failed)
        return;
    m_seat->stop();
    if (m_replica && !m_replicaFilled)
        dropUnfilledReplica();
    emit failed(reason); // stopping said "not connected", which is not the reason
    emit changed();
}

bool SeatSession::hostKnown() const {
    const sync::SyncPeer* peer = m_seat ? m_seat->syncPeer() : nullptr;
    return peer && (peer->everWelcomed() || m_followedThereBefore);
}

Result<bool> SeatSession::takeOver(quint16 port) {
    if (!m_seat)
        return Result<bool>::failure(tr("This seat has not joined a session."));
    if (!hostKnown())
        return Result<bool>::failure(
            tr("No host of this session has answered at %1 yet: check the address before taking "
               "over, or the session would have two hosts.")
                .arg(m_joinedFrom));
    auto taken = m_seat->takeOver(port, m_bind);
    if (taken)
        announce();
    emit changed();
    return taken;
}

// On the LAN, for the join form of the others; and hearing them, to give way to a host that
// went on with this session while this one was away.
void SeatSession::announce() {
    if (!m_announce)
        return;
    m_seat->announce();
    if (!m_seat->listenForRivals())
        emit status(tr("Other hosts of this session cannot be heard: UDP port %1 is not free.")
                        .arg(sync::defaultBeaconPort));
}

// Stopping on purpose ends the codes too: hosting again gives new ones.
void SeatSession::stop() {
    const bool wasHosting = mode() == sync::Seat::Mode::Hosting;
    if (m_seat)
        m_seat->stop(QString::fromUtf16(wasHosting ? sync::hostDisconnectedReason
                                                   : sync::hostStoppedReason));
    if (m_replica && !m_replicaFilled)
        dropUnfilledReplica();
    if (wasHosting && sessionFile()) {
        if (auto forgotten = sync::forgetAllCodes(*sessionFile()); !forgotten)
            emit status(forgotten.error());
    }
    emit changed();
}

} // namespace podium
