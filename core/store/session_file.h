#pragma once

#include "engine/session_engine.h"
#include "model/event.h"
#include "model/note.h"
#include "model/result.h"
#include "model/state.h"
#include "plan/plan.h"

#include <QSqlDatabase>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

class QLockFile;
class QSqlError;
class QTemporaryDir;
class QSqlQuery;
namespace podium::store {
struct TransactionStatements;
}

// One session = one SQLite file: the event log (the autosave), periodic snapshots, metadata and
// the rapporteur's notes. How to use it:
//
//   auto file = SessionFile::create(path, plan, clock.nowMs());   // a new session from a plan
//   auto file = SessionFile::open(path);                          // an existing one
//   if (!file) { show(file.error()); return; }                    // a sentence for the user
//   file.value()->attach(engine);   // engine.reset(file state) + engine.setJournal(file)
//
// From then on every event the engine accepts is committed to the file (fsync'd) before it is
// applied; a failed write (full disk) refuses the event with a sentence and changes nothing.
// Save As: saveCopyAs(target) writes a consistent copy (VACUUM INTO), never a raw file copy.
// Reports read events() and notes(); open(path, OpenMode::View) never writes and takes no lock.
// A file open for editing is locked (FILE.lock beside it) against a second Podium; a lock left
// by a crashed process is taken over. Not thread-safe: use a file from one thread.
namespace podium {

enum class OpenMode {
    Edit, // read and append; falls back to read-only (and says why) when the file is read-only
    View, // read only, never writes, no lock: checks, reports, a second window
    // As View, but a damaged or missing event ends the session there instead of failing the
    // open: the part before it is what --check describes and saveSoundPartAs() keeps.
    UpToDamage,
};

// Where the log of a file opened UpToDamage stops being usable.
struct LogDamage {
    qint64 seq = 0; // the first event the state lacks
    QString why;    // "event 37 does not match its checksum"
};

class SessionFile final : public EventJournal {
public:
    // A new file (refused if `path` exists) holding the session created from `plan` at `at`.
    static Result<std::unique_ptr<SessionFile>> create(const QString& path, const Plan& plan,
                                                       qint64 at, const QString& author = {});
    // A new file with no events yet, for a joined seat: the host's state arrives by adoptState().
    static Result<std::unique_ptr<SessionFile>> createReplica(const QString& path);
    // FILE.lock, against a second Podium editing `path`; one whose process is gone is taken over.
    static Result<std::unique_ptr<QLockFile>> lockAgainstOthers(const QString& path);
    static Result<std::unique_ptr<SessionFile>> open(const QString& path,
                                                     OpenMode mode = OpenMode::Edit);
    // Opens `path`, or creates it from `plan` when it does not exist (the demo session).
    static Result<std::unique_ptr<SessionFile>> openOrCreate(const QString& path, const Plan& plan,
                                                             qint64 at);
    ~SessionFile() override;
    SessionFile(const SessionFile&) = delete;
    SessionFile& operator=(const SessionFile&) = delete;

    const QString& path() const { return m_path; }
    bool isReadOnly() const { return !m_readOnlyReason.isEmpty(); }
    // The last Podium to have this file open never closed it (it crashed, or the computer went
    // down): it found that one's lock left behind.
    bool wasLeftOpen() const { return m_leftOpen; }
    const QString& readOnlyReason() const { return m_readOnlyReason; }
    // Why a journal beside it, which holds its latest changes, could not be read (read-only, and
    // no room for a copy); empty when there was none or it was read.
    const QString& journalUnread() const { return m_journalUnread; }
    // The state after the last committed event.
    const SessionState& state() const { return m_state; }
    QString sessionId() const { return metadata(QStringLiteral("session_id")); }
    QString metadata(const QString& key) const;
    int schemaVersion() const { return m_schemaVersion; }
    // Things noticed while opening that cost nothing (a damaged snapshot rebuilt from events).
    const QStringList& warnings() const { return m_warnings; }
    // Opened UpToDamage: where the usable log ends (none when the file is whole).
    const std::optional<LogDamage>& damage() const { return m_damage; }

    // Shows this file's session in `engine` and journals every later event here.
    void attach(SessionEngine& engine);

    [[nodiscard]] Result<bool> append(const Event& event) override;
    // Many events in one transaction (a joined seat catching up): all or none.
    [[nodiscard]] Result<bool> appendBatch(const QList<Event>& events);
    // A joined seat took the host's state wholesale: it becomes this file's latest snapshot.
    // This file's events after it, and from `orphansFrom` on when given (where its log left the
    // host's), are not the session's: they move to orphaned_events.
    // `lastEventEpoch`: the epoch of the event that state ends with (0: not known), which the
    // state's own epoch (its host's, raised when it started hosting) may not be.
    [[nodiscard]] Result<bool> adoptState(const SessionState& state, qint64 orphansFrom = 0,
                                          qint32 lastEventEpoch = 0);
    // The seq of the last host's state taken wholesale (0: none): the events up to it are this
    // file's own history, not necessarily the session's.
    qint64 adoptedSeq() const;
    // The epoch of that state's last event (0: not known, as in files from before it was kept,
    // or when its host did not say).
    qint32 adoptedEpoch() const;
    // The first sound snapshot at or after `seq` (podium --check of a file that adopted a state).
    [[nodiscard]] std::optional<SessionState> snapshotFrom(qint64 seq) const;
    // The events of the snapshots after `seq`, in order (sound or not).
    QList<qint64> snapshotSeqsAfter(qint64 seq) const;
    // A metadata entry another layer keeps in the file (sync: "sync_sequencers"), committed.
    [[nodiscard]] Result<bool> writeMetadata(const QString& key, const QString& value);
    // Several entries that only mean something together: all of them, or none.
    [[nodiscard]] Result<bool> writeMetadata(const QList<std::pair<QString, QString>>& entries);

    [[nodiscard]] Result<QList<Event>> events(qint64 fromSeq = 1) const;
    [[nodiscard]] Result<qint64> eventCount() const;
    // When the state's last event happened (ms since the epoch); nullopt when the file does not
    // hold it (a state taken from a host's snapshot) or cannot be read.
    std::optional<qint64> lastEventAt() const;

    [[nodiscard]] Result<QList<Note>> notes() const;
    [[nodiscard]] Result<Note>
    addNote(Note note); // with its id: the one given where free, else a new one
    [[nodiscard]] Result<bool> editNote(const Note& note);
    [[nodiscard]] Result<bool> removeNote(Id id);

    // A consistent copy of the session at `target`; an existing target is replaced only when
    // `overwrite`, and then atomically (written beside it, then renamed).
    [[nodiscard]] Result<bool> saveCopyAs(const QString& target, bool overwrite = false) const;
    // Of a file opened UpToDamage: a new file at `target` (never replaced) holding the session
    // up to the damage, with all notes and metadata, marked as salvaged; this file is untouched.
    [[nodiscard]] Result<bool> saveSoundPartAs(const QString& target) const;

    static constexpr int defaultSnapshotInterval = 500;
    void setSnapshotInterval(int events) { m_snapshotInterval = qMax(1, events); }

    // The open connection, for read-only inspection (podium --check).
    QSqlDatabase database() const { return m_db; }

private:
    explicit SessionFile(QString path);
    static Result<std::unique_ptr<SessionFile>>
    createWith(const QString& path, const QString& sessionId, const QList<Event>& first);
    [[nodiscard]] Result<bool> connect(bool readOnly);
    bool connectAsOnDisk();
    bool connectToCopyWithJournal();
    bool openDatabase(const QString& name, const QString& options);
    void removeCompanionsMadeByReading();
    [[nodiscard]] Result<bool> lock();
    [[nodiscard]] Result<bool> prepareForWriting();
    [[nodiscard]] Result<bool> identify();
    [[nodiscard]] Result<bool> upgrade();
    [[nodiscard]] Result<bool> initialize(const QString& sessionId);
    [[nodiscard]] Result<bool> load();
    [[nodiscard]] Result<bool> loadMetadata();
    [[nodiscard]] Result<SessionState> loadSnapshot();
    [[nodiscard]] Result<bool> insertEvent(const Event& event);
    [[nodiscard]] Result<bool> writeSnapshot(const SessionState& state);
    [[nodiscard]] Result<bool> writeAdoption(const SessionState& state, qint64 orphansFrom,
                                             qint32 lastEventEpoch);
    [[nodiscard]] Result<bool> setMetadata(const QString& key, const QString& value);
    [[nodiscard]] Result<bool> checkWritable() const;
    QString writeFailure(const QSqlError& error) const;
    // VACUUM INTO a temporary file, `amend` it (given its path) when asked, then give it the
    // name, atomically.
    [[nodiscard]] Result<bool>
    writeCopy(const QString& target, bool overwrite,
              const std::function<Result<bool>(const QString&)>& amend = {}) const;
    void close();

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QTemporaryDir> m_readCopy; // the file and its journal, read where SQLite can
    bool m_leftOpen = false;
    bool m_companionsMadeByReading = false; // -wal and -shm were not there before it was read
    QString m_journalUnread;
    std::unique_ptr<QSqlQuery> m_insertEvent;
    std::unique_ptr<store::TransactionStatements> m_transactions;
    QString m_readOnlyReason;
    QMap<QString, QString> m_metadata;
    QStringList m_warnings;
    bool m_stopAtDamage = false;
    std::optional<LogDamage> m_damage;
    SessionState m_state;
    qint64 m_lastSnapshotSeq = 0;
    int m_snapshotInterval = defaultSnapshotInterval;
    int m_schemaVersion = 0;
};

} // namespace podium
