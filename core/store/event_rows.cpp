#include "event_rows.h"

#include <QCborValue>
#include <QVariant>

using namespace Qt::StringLiterals;

namespace podium::store {

QString insertEventSql() {
    return u"INSERT INTO events(seq, epoch, at, author, command_id, action, data) "
           "VALUES(?, ?, ?, ?, ?, ?, ?)"_s;
}

QString selectEventsSql() {
    return u"SELECT seq, epoch, at, author, command_id, action, data FROM events "
           "WHERE seq > ? ORDER BY seq"_s;
}

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
    insert.bindValue(6, QCborValue(event.data).toCbor());
}

std::optional<Event> eventFromRow(const QSqlQuery& row, QString* error) {
    QCborParserError parse;
    const QCborValue data = QCborValue::fromCbor(row.value(6).toByteArray(), &parse);
    if (parse.error != QCborError::NoError) {
        *error = u"event %1 has damaged data (%2)"_s.arg(row.value(0).toLongLong())
                     .arg(parse.errorString());
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
    m[u"data"_s] = data;
    return Event::fromCbor(m, error);
}

} // namespace podium::store
