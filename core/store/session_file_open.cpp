#include "session_file.h"
#include "session_file_text.h"

#include "event_rows.h"
#include "schema.h"
#include "sql_errors.h"
#include "transaction.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QThread>
#include <QUrl>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <utility>

using namespace Qt::StringLiterals;

// Creating, opening and closing session files: identity and version checks, the lock, pragmas.
namespace podium {

using store::text::native;
using store::text::tr;

namespace {

template <typename T> Result<T> fail(const QString& why) {
    return Result<T>::failure(why);
}

QString uniqueConnectionName() {
    static QAtomicInt counter;
    return u"podium-session-%1-%2"_s.arg(counter.fetchAndAddRelaxed(1))
        .arg(QUuid::createUuid().toString(QUuid::Id128));
}

// Why this file can only be viewed, or empty when it can be written. Root may write anywhere,
// so the file's own permission bits count too: a file someone made read-only stays read-only.
QString readOnlyReasonFor(const QString& path) {
    const QFileInfo file(path);
    // Its permissions would allow it: the moderator is told where to look (a stick's lock
    // switch, a share mounted read-only), not to change them.
    if (QStorageInfo(file.absolutePath()).isReadOnly())
        return tr("The drive or share it is on is read-only.");
    constexpr auto anyWrite = QFile::WriteOwner | QFile::WriteGroup | QFile::WriteOther;
    if (!file.isWritable() || !(file.permissions() & anyWrite))
        return tr("The file is read-only.");
    // Asked of the folder itself: its permissions say "writable" to root on a read-only mount
    // or an immutable folder, and the lock file could then not be made.
    if (!QFileInfo(file.absolutePath()).isWritable() ||
        !QTemporaryFile(file.absolutePath() + u"/.podium-probe-XXXXXX"_s).open())
        return tr("Its folder is read-only.");
    return {};
}

void removeFileAndCompanions(const QString& path) {
    for (const QString& suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(path + suffix);
}

} // namespace

SessionFile::SessionFile(QString path)
    : m_path(std::move(path))
    , m_connection(uniqueConnectionName()) {}

SessionFile::~SessionFile() {
    close();
}

void SessionFile::close() {
    m_insertEvent.reset();
    m_transactions.reset();
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }
    removeCompanionsMadeByReading();
    if (m_lock)
        m_lock->unlock();
    m_lock.reset();
    m_readCopy.reset();
}

namespace {

// Whether a process holds the lock file's native lock (QLockFile takes one on Unix).
bool heldNatively(const QString& lockPath) {
    const int fd = ::open(QFile::encodeName(lockPath).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    ::close(fd); // also lets go of the probe's own lock
    return held;
}

// A lock file that names nobody and that no process holds was left half-written by a writer
// that died while creating it (kill -9, a power cut). A live writer names itself within
// microseconds, so after a moment's wait such a lock is known to be orphaned.
bool orphaned(const QLockFile& lock, const QString& lockPath) {
    QThread::msleep(150);
    qint64 pid = 0;
    QString host, app;
    return !lock.getLockInfo(&pid, &host, &app) && QFile::exists(lockPath) &&
           !heldNatively(lockPath);
}

} // namespace

Result<bool> SessionFile::lock() {
    const bool lockLeftBehind = QFileInfo::exists(m_path + u".lock"_s);
    auto taken = lockAgainstOthers(m_path);
    if (!taken)
        return fail<bool>(taken.error());
    m_lock = std::move(taken).value();
    m_leftOpen = lockLeftBehind; // taken all the same: its process was gone
    return true;
}

Result<std::unique_ptr<QLockFile>> SessionFile::lockAgainstOthers(const QString& path) {
    const QString lockPath = path + u".lock"_s;
    auto lock = std::make_unique<QLockFile>(lockPath);
    // A session stays open for hours: only a lock whose process is gone is stale, never an old one.
    lock->setStaleLockTime(0);
    if (lock->tryLock(0))
        return lock;
    qint64 pid = 0;
    QString host, app;
    bool known = lock->getLockInfo(&pid, &host, &app);
    if (!known && lock->error() == QLockFile::LockFailedError && orphaned(*lock, lockPath) &&
        lock->removeStaleLockFile() && lock->tryLock(0))
        return lock;
    known = lock->getLockInfo(&pid, &host, &app);
    using Failure = Result<std::unique_ptr<QLockFile>>;
    // Its process cannot be asked about from here: a stick or a copy brought from a laptop whose
    // lid never woke kept this one out for good, with no word of the way out.
    if (lock->error() == QLockFile::LockFailedError && known &&
        host != QSysInfo::machineHostName()) {
        return Failure::failure(
            tr("%1 is open in Podium on another computer, %2 (or was when it was copied from "
               "there). Close it there first. If you are sure no Podium runs there (that "
               "computer is off, or the file was copied from it), delete %3 beside it and open "
               "the file again.")
                .arg(native(path), host, QFileInfo(lockPath).fileName()));
    }
    // Taking over a dead process's lock writes the lock file anew, which a full disk refuses:
    // after a crash there, the session was "already open in another Podium" (the dead one), and
    // the cockpit went on in the demo.
    const bool holderGone = known && pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
    if (lock->error() == QLockFile::LockFailedError && holderGone) {
        return Failure::failure(
            store::diskFull(path)
                ? tr("%1 was left open by a Podium that stopped (process %2), and the "
                     "disk it is on is too full to clear that. Free some space and "
                     "open it again: nothing in it is lost.")
                      .arg(native(path))
                      .arg(pid)
                : tr("%1 was left open by a Podium that stopped (process %2), and that "
                     "could not be cleared. Delete %3 beside it and open the file "
                     "again.")
                      .arg(native(path))
                      .arg(pid)
                      .arg(QFileInfo(lockPath).fileName()));
    }
    if (lock->error() == QLockFile::LockFailedError) {
        return Failure::failure(
            tr("%1 is already open in another Podium (process %2 on %3). Close it there "
               "first.")
                .arg(native(path), known ? QString::number(pid) : u"?"_s, known ? host : u"?"_s));
    }
    // A full disk fails the lock file first: "read-only" sent the moderator to the wrong fix.
    if (store::diskFull(path)) {
        return Failure::failure(tr("%1 could not be locked for editing: the disk it is on is full. "
                                   "Free some space and try again.")
                                    .arg(native(path)));
    }
    return Failure::failure(
        tr("%1 could not be locked for editing (its folder may be read-only).").arg(native(path)));
}

bool SessionFile::openDatabase(const QString& name, const QString& options) {
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    m_db.setDatabaseName(name);
    m_db.setConnectOptions(options);
    return m_db.open();
}

Result<bool> SessionFile::connect(bool readOnly) {
    m_companionsMadeByReading = readOnly && !QFileInfo::exists(m_path + u"-wal"_s) &&
                                !QFileInfo::exists(m_path + u"-shm"_s);
    if (!openDatabase(m_path, readOnly ? u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s
                                       : u"QSQLITE_BUSY_TIMEOUT=2000"_s))
        return fail<bool>(store::readFailureMessage(m_path, m_db.lastError()));
    return true;
}

// Reading a session file makes the -wal and -shm SQLite reads it through, and a connection
// that may not write cannot remove them: every `--check` and `--export-report` left two files
// beside the session. They go once read, if they are still empty and no Podium has the file
// open (a writer holds its lock, and needs them).
void SessionFile::removeCompanionsMadeByReading() {
    if (!std::exchange(m_companionsMadeByReading, false))
        return;
    const QString journal = m_path + u"-wal"_s;
    if (QFileInfo(journal).size() > 0)
        return;
    // A lock left by a Podium that died stays: it tells the next one the session was not closed.
    const QString lockPath = m_path + u".lock"_s;
    QLockFile lock(lockPath);
    lock.setStaleLockTime(0);
    if (QFileInfo::exists(lockPath) || !lock.tryLock(0))
        return;
    QFile::remove(journal);
    QFile::remove(m_path + u"-shm"_s);
}

// A session on a stick or a share that cannot be written: SQLite cannot make the shared-memory
// file it reads a journaled file through, and nothing opened. With a journal beside it (copied
// while Podium had it open, or left by a crash), which holds the latest events, it is read from a
// private copy of both; otherwise as it is on the disk (`immutable`, which sees no journal).
bool SessionFile::connectAsOnDisk() {
    close(); // a read-only file holds no lock: this only ends the first connection
    const QString journal = m_path + u"-wal"_s;
    if (QFileInfo(journal).size() > 0) {
        if (connectToCopyWithJournal())
            return true;
        close();
        m_journalUnread = tr("The journal beside it (%1) could not be read: its latest events may "
                             "be missing here. Copy both files to a writable folder and open "
                             "the copy there.")
                              .arg(QFileInfo(journal).fileName());
        m_readOnlyReason += u' ' + m_journalUnread;
    }
    return openDatabase(QUrl::fromLocalFile(m_path).toString(QUrl::FullyEncoded) +
                            u"?immutable=1"_s,
                        u"QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_s);
}

bool SessionFile::connectToCopyWithJournal() {
    // A session is a few MB (100,000 events: 11 MB): a larger file is no session to copy whole.
    constexpr qint64 largestCopied = 512LL * 1024 * 1024;
    if (QFileInfo(m_path).size() + QFileInfo(m_path + u"-wal"_s).size() > largestCopied)
        return false;
    auto folder = std::make_unique<QTemporaryDir>();
    if (!folder->isValid())
        return false;
    const QString copy = folder->filePath(u"session.podium"_s);
    if (!QFile::copy(m_path, copy) || !QFile::copy(m_path + u"-wal"_s, copy + u"-wal"_s))
        return false;
    // Read only, in a folder where SQLite can make the shared-memory file it reads the journal
    // through.
    if (!openDatabase(copy, u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"_s))
        return false;
    m_readCopy = std::move(folder);
    return true;
}

// WAL with synchronous=FULL: every commit is on the disk before append() returns, so neither an
// application crash nor a power cut loses an acknowledged event (see docs/PERSISTENCE.md).
Result<bool> SessionFile::prepareForWriting() {
    QSqlQuery q(m_db);
    if (!q.exec(u"PRAGMA journal_mode = WAL"_s) || !q.next() ||
        q.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) != 0)
        return fail<bool>(store::readFailureMessage(m_path, q.lastError()));
    if (!q.exec(u"PRAGMA synchronous = FULL"_s))
        return fail<bool>(store::readFailureMessage(m_path, q.lastError()));
    // A short WAL, written back every 64 pages: once it restarts from its beginning, a commit
    // overwrites blocks the file already has, and syncing it costs about half as much as
    // syncing a WAL that grows by a page each time (the default lets it grow to 1,000 pages,
    // more than a whole session's events).
    if (!q.exec(u"PRAGMA wal_autocheckpoint = %1"_s.arg(store::walCheckpointPages)))
        return fail<bool>(store::readFailureMessage(m_path, q.lastError()));
    m_insertEvent = std::make_unique<QSqlQuery>(m_db);
    if (!m_insertEvent->prepare(store::insertEventSql()))
        return fail<bool>(store::readFailureMessage(m_path, m_insertEvent->lastError()));
    m_transactions = std::make_unique<store::TransactionStatements>(m_db);
    if (const QSqlError error = m_transactions->prepareError(); error.isValid())
        return fail<bool>(store::readFailureMessage(m_path, error));
    return true;
}

Result<std::unique_ptr<SessionFile>> SessionFile::create(const QString& path, const Plan& plan,
                                                         qint64 at, const QString& author) {
    Event first = creationEvent(plan, QUuid::createUuid().toString(QUuid::WithoutBraces), at);
    first.author = author;
    return createWith(path, first.data.value(u"sessionId"_s).toString(), {first});
}

Result<std::unique_ptr<SessionFile>> SessionFile::createReplica(const QString& path) {
    return createWith(path, {}, {});
}

// A new file is built under a temporary name and renamed into place once whole, so a crash while
// creating never leaves a half-made file under the name the user chose.
Result<std::unique_ptr<SessionFile>>
SessionFile::createWith(const QString& path, const QString& sessionId, const QList<Event>& first) {
    using R = Result<std::unique_ptr<SessionFile>>;
    const QFileInfo info(path);
    if (info.exists())
        return R::failure(tr("%1 already exists; choose another name.").arg(native(path)));
    // Not made here: a folder that is not there may be a stick that is not mounted, and the
    // session went to the empty mount point on the internal disk, unseen once it was mounted.
    if (!info.absoluteDir().exists())
        return R::failure(tr("The folder %1 does not exist.").arg(native(info.absolutePath())));
    const QString draftPath = u"%1/.%2.%3.part"_s.arg(info.absolutePath(), info.fileName(),
                                                      QUuid::createUuid().toString(QUuid::Id128));
    {
        SessionFile draft(draftPath);
        auto made = draft.connect(false);
        if (!made) // it named the hidden draft, and called a folder that takes no file unreadable
            made = Result<bool>::failure(
                tr("%1 could not be created: no new file can be made in %2 (it may be read-only).")
                    .arg(native(path), native(info.absolutePath())));
        if (made)
            made = draft.initialize(sessionId);
        if (made && !first.isEmpty())
            made = draft.appendBatch(first);
        draft.close();
        if (made && QFileInfo::exists(draftPath + u"-wal"_s))
            made = Result<bool>::failure(tr("%1 could not be written.").arg(native(path)));
        if (!made) {
            removeFileAndCompanions(draftPath);
            // SQLite's words named the hidden draft: "….part could not be set up (database or
            // disk is full)".
            if (store::diskFull(path))
                return R::failure(tr("%1 could not be created: the disk it is on is full. Free "
                                     "some space and try again.")
                                      .arg(native(path)));
            return R::failure(made.error());
        }
    }
    if (!QFile::rename(draftPath, path)) {
        removeFileAndCompanions(draftPath);
        return R::failure(
            tr("%1 could not be created (does it exist already?).").arg(native(path)));
    }
    return open(path);
}

Result<bool> SessionFile::initialize(const QString& sessionId) {
    if (auto ok = store::createSchema(m_db); !ok)
        return fail<bool>(tr("%1 could not be set up (%2).").arg(native(m_path), ok.error()));
    m_schemaVersion = store::currentSchemaVersion;
    if (auto ok = prepareForWriting(); !ok)
        return ok;
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    for (const auto& [key, value] :
         {std::pair{u"format"_s, u"podium-session"_s}, std::pair{u"session_id"_s, sessionId},
          std::pair{u"created_at"_s, now},
          std::pair{u"created_by"_s, QStringLiteral("Podium " PODIUM_VERSION)}}) {
        if (auto ok = setMetadata(key, value); !ok)
            return ok;
    }
    return true;
}

Result<std::unique_ptr<SessionFile>> SessionFile::open(const QString& path, OpenMode mode) {
    using R = Result<std::unique_ptr<SessionFile>>;
    const QFileInfo info(path);
    if (!info.exists())
        return R::failure(tr("%1 does not exist.").arg(native(path)));
    if (!info.isFile() || !info.isReadable())
        return R::failure(tr("%1 is not a readable file.").arg(native(path)));
    std::unique_ptr<SessionFile> file(new SessionFile(info.absoluteFilePath()));
    file->m_readOnlyReason =
        mode == OpenMode::Edit ? readOnlyReasonFor(path) : tr("Opened for viewing only.");
    file->m_stopAtDamage = mode == OpenMode::UpToDamage;
    Result<bool> ok = file->isReadOnly() ? Result<bool>(true) : file->lock();
    if (ok)
        ok = file->connect(file->isReadOnly());
    if (ok)
        ok = file->identify();
    if (!ok && file->isReadOnly() && file->connectAsOnDisk())
        ok = file->identify();
    if (ok)
        ok = file->loadMetadata();
    if (ok)
        ok = file->load();
    // Only once the file has proven whole is it written to: a damaged file was upgraded, or in
    // rollback mode switched to WAL (its header rewritten), before its damage was found.
    if (ok)
        ok = file->upgrade();
    if (ok && !file->isReadOnly())
        ok = file->prepareForWriting();
    if (!ok)
        return R::failure(ok.error());
    return R(std::move(file));
}

Result<std::unique_ptr<SessionFile>> SessionFile::openOrCreate(const QString& path,
                                                               const Plan& plan, qint64 at) {
    if (QFileInfo::exists(path))
        return open(path);
    return create(path, plan, at);
}

// Reads only until the file has proven to be a Podium session of a version we know: a foreign
// or damaged file is never written to.
Result<bool> SessionFile::identify() {
    QSqlError error;
    const auto id = store::identify(m_db, &error);
    if (!id)
        return fail<bool>(store::readFailureMessage(m_path, error));
    if (!id->isPodium() && QFileInfo(m_path).size() == 0) {
        return fail<bool>(
            tr("%1 is empty (0 bytes): not a Podium session file. It was left as it is.")
                .arg(native(m_path)));
    }
    if (!id->isPodium()) {
        return fail<bool>(tr("%1 is not a Podium session file (it is some other database). It "
                             "was left as it is.")
                              .arg(native(m_path)));
    }
    if (id->schemaVersion > store::currentSchemaVersion) {
        return fail<bool>(tr("%1 was saved by a newer version of Podium (file format %2; this "
                             "version reads up to %3). It was left as it is; open it with a newer "
                             "Podium.")
                              .arg(native(m_path))
                              .arg(id->schemaVersion)
                              .arg(store::currentSchemaVersion));
    }
    // Format 1 set the version in the same transaction as the application id: a Podium file
    // without one is damaged (upgrading it from there wrote over the file).
    if (id->schemaVersion < 1) {
        return fail<bool>(tr("%1 is damaged: its file format number (%2) is not one Podium ever "
                             "wrote. It was left as it is; open a copy saved earlier.")
                              .arg(native(m_path))
                              .arg(id->schemaVersion));
    }
    m_schemaVersion = id->schemaVersion;
    return true;
}

// Only once the file has been read whole (a damaged old file was upgraded over itself, with the
// message that it was left as it is).
Result<bool> SessionFile::upgrade() {
    if (isReadOnly() || m_schemaVersion == store::currentSchemaVersion)
        return true;
    // Upgrading changes the file in place: keep the original beside it first.
    const QString backup = u"%1.v%2-backup"_s.arg(m_path).arg(m_schemaVersion);
    if (!QFileInfo::exists(backup)) {
        if (auto saved = saveCopyAs(backup); !saved)
            return saved;
    }
    if (auto ok = store::migrate(m_db, m_schemaVersion, store::currentSchemaVersion); !ok) {
        return fail<bool>(tr("%1 could not be upgraded to this version's file format (%2). It "
                             "was left as it is.")
                              .arg(native(m_path), ok.error()));
    }
    m_schemaVersion = store::currentSchemaVersion;
    return true;
}

} // namespace podium
