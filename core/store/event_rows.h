#pragma once

#include "model/event.h"

#include <QSqlQuery>
#include <QString>
#include <optional>

// How an event is laid out in the events table: plain columns for what is searched, the
// action's data as a CBOR blob, and (since format 3) a checksum of the whole event, because
// damage inside a row that still decodes would otherwise open as a different session.
namespace podium::store {

constexpr int firstVersionWithChecksums = 3;

QString insertEventSql();
// One bound value: events after this seq, in order. Files before format 3 have no checksums.
QString selectEventsSql(int schemaVersion);
// Empty rather than null, for NOT NULL text columns.
QString notNull(const QString& text);
void bindEvent(QSqlQuery& insert, const Event& event);
// The event in the current row of a query made with selectEventsSql().
std::optional<Event> eventFromRow(const QSqlQuery& row, QString* error);

// Reads the rows of one query, in seq order. Rows written before format 3 have no checksum, but
// every row from `checksumsFrom` on must have one (0: not kept; then every row after the first
// that has one): damage that turned a checksum into NULL passed as an old row, unchecked.
class EventRowReader {
public:
    explicit EventRowReader(qint64 checksumsFrom)
        : m_checksumsFrom(checksumsFrom) {}
    std::optional<Event> read(const QSqlQuery& row, QString* error);

private:
    qint64 m_checksumsFrom;
    bool m_checksumSeen = false;
};

} // namespace podium::store
