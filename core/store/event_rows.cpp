#include "event_rows.h"
#include "model/cbor_input.h"

#include <QCborArray>
#include <QCborValue>
#include <QCryptographicHash>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace podium::store {

QString insertEventSql() {
    return u"INSERT INTO events(seq, epoch, at, author, command_id, action, data, checksum) "
           "VALUES(?, ?, ?, ?, ?, ?, ?, ?)"_s;
}

QString selectEventsSql(int schemaVersion) {
    return schemaVersion >= firstVersionWithChecksums
               ? u"SELECT seq, epoch, at, author, command_id, action, data, checksum FROM events "
                 "WHERE seq > ? ORDER BY seq"_s
               : u"SELECT seq, epoch, at, author, command_id, action, data, NULL FROM events "
                 "WHERE seq > ? ORDER BY seq"_s;
}

namespace {

// Of every column as stored (the data as its CBOR bytes), so any change to a row shows.
QByteArray rowChecksum(qint64 seq, qint64 epoch, qint64 at, const QString& author,
                       const QString& commandId, qint64 action, const QByteArray& data) {
    const QCborArray row{seq, epoch, at, author, commandId, action, data};
    return QCryptographicHash::hash(QCborValue(row).toCbor(), QCryptographicHash::Sha256).left(16);
}

} // namespace

QString notNull(const QString& text) {
    // Qt binds a null QString as SQL NULL; the columns want text, possibly empty.
    return text.isNull() ? QString(u""_s) : text;
}

void bindEvent(QSqlQuery& insert, const Event& event) {
    insert.bindValue(0, event.seq);
    insert.bindValue(1, event.epoch);
    insert.bindValue(2, event.at);
    insert.bindValue(3, notNull(event.author));
    insert.bindValue(4, notNull(event.commandId));
    insert.bindValue(5, int(event.action));
    const QByteArray data = QCborValue(event.data).toCbor();
    insert.bindValue(6, data);
    insert.bindValue(7, rowChecksum(event.seq, event.epoch, event.at, notNull(event.author),
                                    notNull(event.commandId), int(event.action), data));
}

std::optional<Event> eventFromRow(const QSqlQuery& row, QString* error) {
    const QByteArray bytes = row.value(6).toByteArray();
    const QVariant stored = row.value(7);
    if (!stored.isNull() &&
        stored.toByteArray() != rowChecksum(row.value(0).toLongLong(), row.value(1).toLongLong(),
                                            row.value(2).toLongLong(), row.value(3).toString(),
                                            row.value(4).toString(), row.value(5).toLongLong(),
                                            bytes)) {
        *error = u"event %1 does not match its checksum"_s.arg(row.value(0).toLongLong());
        return std::nullopt;
    }
    const auto data = decodeWholeCbor(bytes);
    if (!data) {
        *error =
            u"event %1 has damaged data (%2)"_s.arg(row.value(0).toLongLong()).arg(data.error());
        return std::nullopt;
    }
    // Through Event::fromCbor, so a row is checked exactly like an event from the wire.
    QCborMap m;
    m[u"seq"_s] = row.value(0).toLongLong();
    m[u"epoch"_s] = row.value(1).toLongLong();
    m[u"at"_s] = row.value(2).toLongLong();
    m[u"author"_s] = row.value(3).toString();
    m[u"cmd"_s] = row.value(4).toString();
    m[u"action"_s] = row.value(5).toLongLong();
    m[u"data"_s] = data.value();
    return Event::fromCbor(m, error);
}

std::optional<Event> EventRowReader::read(const QSqlQuery& row, QString* error) {
    const bool checksummed = !row.value(7).isNull();
    const bool due =
        m_checksumsFrom > 0 ? row.value(0).toLongLong() >= m_checksumsFrom : m_checksumSeen;
    if (!checksummed && due) {
        *error = u"event %1 has lost its checksum"_s.arg(row.value(0).toLongLong());
        return std::nullopt;
    }
    m_checksumSeen = m_checksumSeen || checksummed;
    return eventFromRow(row, error);
}

} // namespace podium::store
