// Opening a session: the latest sound snapshot plus the events after it, so the time to open
// depends on the state's size, not on the length of the log.
#include "event_rows.h"
#include "model/cbor_input.h"
#include "model/codec.h"
#include "model/reducer.h"
#include "session_file.h"
#include "session_file_text.h"
#include "sql_errors.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace podium {

using store::text::tr;

namespace {

// The snapshot in the current row, if it is whole: it decodes, and its digest and seq agree.
std::optional<SessionState> snapshotFromRow(const QSqlQuery& row) {
    const auto cbor = decodeWholeCbor(row.value(1).toByteArray());
    if (!cbor || !cbor.value().isMap())
        return std::nullopt;
    SessionState state = codec::sessionState(cbor.value().toMap());
    if (state.lastSeq != row.value(0).toLongLong() ||
        codec::digest(state) != row.value(2).toByteArray())
        return std::nullopt;
    return state;
}

} // namespace

Result<bool> SessionFile::loadMetadata() {
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT key, value FROM meta"_s))
        return Result<bool>::failure(store::readFailureMessage(m_path, q.lastError()));
    while (q.next())
        m_metadata[q.value(0).toString()] = q.value(1).toString();
    return true;
}

Result<SessionState> SessionFile::loadSnapshot() {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT seq, state, digest FROM snapshots ORDER BY seq DESC"_s))
        return Result<SessionState>::failure(store::readFailureMessage(m_path, q.lastError()));
    while (q.next()) {
        if (auto state = snapshotFromRow(q))
            return *state;
        m_warnings << tr("The snapshot at event %1 was damaged; the session was rebuilt from "
                         "its events instead.")
                          .arg(q.value(0).toLongLong());
    }
    if (q.lastError().isValid())
        return Result<SessionState>::failure(store::readFailureMessage(m_path, q.lastError()));
    return SessionState{};
}

std::optional<SessionState> SessionFile::snapshotFrom(qint64 seq) const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT seq, state, digest FROM snapshots WHERE seq >= ? ORDER BY seq"_s);
    q.addBindValue(seq);
    if (!q.exec())
        return std::nullopt;
    while (q.next()) {
        if (auto state = snapshotFromRow(q))
            return state;
    }
    return std::nullopt;
}

QList<qint64> SessionFile::snapshotSeqsAfter(qint64 seq) const {
    QList<qint64> seqs;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(u"SELECT seq FROM snapshots WHERE seq > ? ORDER BY seq"_s);
    q.addBindValue(seq);
    if (q.exec()) {
        while (q.next())
            seqs.append(q.value(0).toLongLong());
    }
    return seqs;
}

Result<bool> SessionFile::load() {
    auto base = loadSnapshot();
    if (!base)
        return Result<bool>::failure(base.error());
    m_state = base.value();
    m_lastSnapshotSeq = m_state.lastSeq;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(store::selectEventsSql(m_schemaVersion));
    q.addBindValue(m_state.lastSeq);
    if (!q.exec())
        return Result<bool>::failure(store::readFailureMessage(m_path, q.lastError()));
    store::EventRowReader reader(metadata(u"checksums_from"_s).toLongLong());
    while (q.next()) {
        QString why;
        const auto event = reader.read(q, &why);
        if (event && event->seq != m_state.lastSeq + 1)
            why = tr("event %1 is missing").arg(m_state.lastSeq + 1);
        if (!event || !why.isEmpty()) {
            if (!m_stopAtDamage)
                return Result<bool>::failure(store::damagedFileMessage(m_path, why));
            m_damage = LogDamage{m_state.lastSeq + 1, why};
            return true;
        }
        m_state = apply(std::move(m_state), *event);
    }
    if (q.lastError().isValid())
        return Result<bool>::failure(store::readFailureMessage(m_path, q.lastError()));
    return true;
}

Result<QList<Event>> SessionFile::events(qint64 fromSeq) const {
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(store::selectEventsSql(m_schemaVersion));
    q.addBindValue(fromSeq - 1);
    if (!q.exec())
        return Result<QList<Event>>::failure(store::readFailureMessage(m_path, q.lastError()));
    QList<Event> list;
    store::EventRowReader reader(metadata(u"checksums_from"_s).toLongLong());
    while (q.next()) {
        QString why;
        auto event = reader.read(q, &why);
        if (!event)
            return Result<QList<Event>>::failure(
                tr("%1 is damaged (%2).").arg(QDir::toNativeSeparators(m_path), why));
        list.append(std::move(*event));
    }
    if (q.lastError().isValid())
        return Result<QList<Event>>::failure(store::readFailureMessage(m_path, q.lastError()));
    return list;
}

std::optional<qint64> SessionFile::lastEventAt() const {
    const qint64 last = m_state.lastSeq;
    auto tail = events(qMax<qint64>(1, last));
    if (!tail || tail->isEmpty() || tail->last().seq != last)
        return std::nullopt;
    return tail->last().at;
}

Result<qint64> SessionFile::eventCount() const {
    QSqlQuery q(m_db);
    if (!q.exec(u"SELECT count(*) FROM events"_s) || !q.next())
        return Result<qint64>::failure(store::readFailureMessage(m_path, q.lastError()));
    return q.value(0).toLongLong();
}

} // namespace podium
