#include "session_file.h"
#include "session_file_text.h"

#include "event_rows.h"
#include "model/codec.h"
#include "model/reducer.h"
#include "sql_errors.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

// Writing to a session file: events (write-ahead), snapshots, a host's state, copies.
namespace podium {

using store::text::native;
using store::text::tr;

namespace {

// The seq of the last host's state taken wholesale (the sync layer reads it back to restore).
const QString adoptedSeqKey = u"sync_adopted_seq"_s;
const QString adoptedEpochKey = u"sync_adopted_epoch"_s;

template <typename T> Result<T> fail(const QString& why) {
    return Result<T>::failure(why);
}

bool syncToDisk(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && ::fsync(file.handle()) == 0;
}

} // namespace

void SessionFile::attach(SessionEngine& engine) {
    engine.reset(m_state);
    engine.setJournal(this);
}

Result<bool> SessionFile::checkWritable() const {
    if (!isReadOnly())
        return true;
    return fail<bool>(tr("This session is open read-only: %1 The action was not saved and not "
                         "applied; use Save As to continue in a copy.")
                          .arg(m_readOnlyReason));
}

Result<bool> SessionFile::append(const Event& event) {
    return appendBatch({event});
}

Result<bool> SessionFile::appendBatch(const QList<Event>& events) {
    if (auto ok = checkWritable(); !ok)
        return ok;
    SessionState next = m_state;
    store::Transaction transaction(*m_transactions);
    if (!transaction.isActive())
        return fail<bool>(writeFailure(transaction.error()));
    for (const Event& event : events) {
        if (event.seq != next.lastSeq + 1) {
            return fail<bool>(tr("Event %1 does not follow the last saved event (%2); it was not "
                                 "saved and not applied.")
                                  .arg(event.seq)
                                  .arg(next.lastSeq));
        }
        if (auto ok = insertEvent(event); !ok)
            return ok;
        next = apply(std::move(next), event);
    }
    if (next.lastSeq - m_lastSnapshotSeq >= m_snapshotInterval) {
        if (auto ok = writeSnapshot(next); !ok)
            return ok;
    }
    if (!transaction.commit())
        return fail<bool>(writeFailure(transaction.error()));
    if (next.lastSeq - m_lastSnapshotSeq >= m_snapshotInterval)
        m_lastSnapshotSeq = next.lastSeq;
    m_state = std::move(next);
    return true;
}

Result<bool> SessionFile::insertEvent(const Event& event) {
    store::bindEvent(*m_insertEvent, event);
    if (!m_insertEvent->exec())
        return fail<bool>(writeFailure(m_insertEvent->lastError()));
    return true;
}

// Keeps the latest three: opening needs one, and an older one covers a damaged latest.
Result<bool> SessionFile::writeSnapshot(const SessionState& state) {
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO snapshots(seq, state, digest) VALUES(?, ?, ?)"_s);
    q.addBindValue(state.lastSeq);
    q.addBindValue(QCborValue(codec::toCbor(state)).toCbor());
    q.addBindValue(codec::digest(state));
    if (!q.exec() || !q.exec(u"DELETE FROM snapshots WHERE seq NOT IN "
                             "(SELECT seq FROM snapshots ORDER BY seq DESC LIMIT 3)"_s))
        return fail<bool>(writeFailure(q.lastError()));
    return true;
}

qint64 SessionFile::adoptedSeq() const {
    return metadata(adoptedSeqKey).toLongLong();
}

// Kept as "seq epoch": a Podium that knows only sync_adopted_seq moves the seq alone.
qint32 SessionFile::adoptedEpoch() const {
    const QStringList parts = metadata(adoptedEpochKey).split(u' ');
    return parts.size() == 2 && parts[0].toLongLong() == adoptedSeq() ? parts[1].toInt() : 0;
}

Result<bool> SessionFile::adoptState(const SessionState& state, qint64 orphansFrom,
                                     qint32 lastEventEpoch) {
    if (auto ok = checkWritable(); !ok)
        return ok;
    const QString id = sessionId();
    if (!id.isEmpty() && id != state.sessionId)
        return fail<bool>(tr("This file holds another session; the host's session was not "
                             "saved here."));
    store::Transaction transaction(*m_transactions);
    if (!transaction.isActive())
        return fail<bool>(writeFailure(transaction.error()));
    // What the file says of itself (its session, the seq it adopted) stays as on disk when the
    // transaction does not commit (a full disk): a later restore reads it.
    const QMap<QString, QString> metadataBefore = m_metadata;
    auto adopted = writeAdoption(state, orphansFrom, lastEventEpoch);
    if (adopted && !transaction.commit())
        adopted = fail<bool>(writeFailure(transaction.error()));
    if (!adopted) {
        m_metadata = metadataBefore;
        return adopted;
    }
    m_state = state;
    m_lastSnapshotSeq = state.lastSeq;
    return true;
}

Result<bool> SessionFile::writeAdoption(const SessionState& state, qint64 orphansFrom,
                                        qint32 lastEventEpoch) {
    const qint64 notSession =
        orphansFrom > 0 ? qMin(orphansFrom, state.lastSeq + 1) : state.lastSeq + 1;
    QSqlQuery q(m_db);
    if (m_schemaVersion >= 4) {
        q.prepare(u"INSERT INTO orphaned_events SELECT seq, epoch, at, author, command_id, action, "
                  "data, checksum FROM events WHERE seq >= ?"_s);
        q.addBindValue(notSession);
        if (!q.exec())
            return fail<bool>(writeFailure(q.lastError()));
    }
    // A snapshot taken of the seat's own events, now kept apart, would otherwise outrank the
    // host's state when the file is next opened: the orphans would be back in the session.
    for (const QString& table : {u"events"_s, u"snapshots"_s}) {
        q.prepare(u"DELETE FROM %1 WHERE seq >= ?"_s.arg(table));
        q.addBindValue(notSession);
        if (!q.exec())
            return fail<bool>(writeFailure(q.lastError()));
    }
    if (auto ok = writeSnapshot(state); !ok)
        return ok;
    if (auto ok = setMetadata(u"session_id"_s, state.sessionId); !ok)
        return ok;
    if (auto ok = setMetadata(adoptedSeqKey, QString::number(state.lastSeq)); !ok)
        return ok;
    return setMetadata(adoptedEpochKey, u"%1 %2"_s.arg(state.lastSeq).arg(qMax(0, lastEventEpoch)));
}

Result<bool> SessionFile::writeMetadata(const QString& key, const QString& value) {
    if (auto ok = checkWritable(); !ok)
        return ok;
    return setMetadata(key, value);
}

Result<bool> SessionFile::writeMetadata(const QList<std::pair<QString, QString>>& entries) {
    if (auto ok = checkWritable(); !ok)
        return ok;
    store::Transaction transaction(*m_transactions);
    if (!transaction.isActive())
        return fail<bool>(writeFailure(transaction.error()));
    const QMap<QString, QString> metadataBefore = m_metadata;
    Result<bool> written = true;
    for (const auto& [key, value] : entries) {
        if (written)
            written = setMetadata(key, value);
    }
    if (written && !transaction.commit())
        written = fail<bool>(writeFailure(transaction.error()));
    if (!written)
        m_metadata = metadataBefore;
    return written;
}

Result<bool> SessionFile::setMetadata(const QString& key, const QString& value) {
    QSqlQuery q(m_db);
    q.prepare(u"INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)"_s);
    q.addBindValue(key);
    q.addBindValue(store::notNull(value));
    if (!q.exec())
        return fail<bool>(writeFailure(q.lastError()));
    m_metadata[key] = value;
    return true;
}

QString SessionFile::writeFailure(const QSqlError& error) const {
    return store::appendFailureMessage(error, store::lastSystemErrno(m_db));
}

QString SessionFile::metadata(const QString& key) const {
    return m_metadata.value(key);
}

Result<bool> SessionFile::saveCopyAs(const QString& target, bool overwrite) const {
    return writeCopy(target, overwrite);
}

Result<bool>
SessionFile::writeCopy(const QString& target, bool overwrite,
                       const std::function<Result<bool>(const QString&)>& amend) const {
    const QFileInfo info(target);
    if (info.absoluteFilePath() == m_path)
        return fail<bool>(tr("A copy cannot replace the session it is made from."));
    if (info.exists() && !overwrite)
        return fail<bool>(tr("%1 already exists.").arg(native(target)));
    // The file replaced may be another cockpit's open session: it is never taken from under it.
    // Its lock is held until the copy has the name.
    auto targetLock = lockAgainstOthers(info.absoluteFilePath());
    if (!targetLock)
        return fail<bool>(targetLock.error());
    // A copy to this name that a crash cut short is a whole session's size, hidden, and was never
    // cleared. Only one who holds the name's lock writes one, so any found now is such a leftover.
    const QDir folder(info.absolutePath());
    for (const QString& leftover :
         folder.entryList({u".%1.*.part"_s.arg(info.fileName())}, QDir::Hidden | QDir::Files))
        QFile::remove(folder.filePath(leftover));
    // VACUUM INTO refuses an existing file, and a rename makes the replacement atomic.
    const QString temporary = u"%1/.%2.%3.part"_s.arg(info.absolutePath(), info.fileName(),
                                                      QUuid::createUuid().toString(QUuid::Id128));
    QSqlQuery q(m_db);
    q.prepare(u"VACUUM INTO ?"_s);
    q.addBindValue(temporary);
    if (!q.exec()) {
        QFile::remove(temporary);
        return fail<bool>(tr("The copy could not be written to %1 (%2).")
                              .arg(native(target), q.lastError().databaseText()));
    }
    if (amend) {
        if (auto amended = amend(temporary); !amended) {
            for (const char* part : {"", "-wal", "-shm", "-journal"})
                QFile::remove(temporary + QLatin1StringView(part));
            return amended;
        }
    }
    // A journal left beside the file replaced (by a Podium that crashed) would be replayed into
    // the copy: it goes first.
    for (const char* leftover : {"-wal", "-shm"})
        QFile::remove(info.absoluteFilePath() + QLatin1StringView(leftover));
    // SQLite does not sync what VACUUM INTO writes: do it before the copy takes the name.
    if (!syncToDisk(temporary) ||
        ::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(target).constData())) {
        QFile::remove(temporary);
        return fail<bool>(tr("The copy could not be written to %1.").arg(native(target)));
    }
    return true;
}

} // namespace podium
