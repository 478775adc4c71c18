#include "session_file.h"
#include "session_file_text.h"

#include "model/codec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

// Keeping the sound part of a damaged session file in a new one.
namespace podium {

using store::text::native;
using store::text::tr;

namespace {

// In the copy: the events from the damage on, and snapshots that would outrank the state before
// it, go; a record of where the copy came from stays.
Result<bool> cutAtDamage(QSqlDatabase db, const QString& source, qint64 firstLost) {
    if (!db.transaction())
        return Result<bool>::failure(db.lastError().text());
    QSqlQuery q(db);
    for (const QString& table : {u"events"_s, u"snapshots"_s}) {
        q.prepare(u"DELETE FROM %1 WHERE seq >= ?"_s.arg(table));
        q.addBindValue(firstLost);
        if (!q.exec())
            return Result<bool>::failure(q.lastError().text());
    }
    // Hosted again, the copy gets codes of its own: with the old ones, the seats that followed the
    // session came back by themselves to a log shorter than theirs.
    if (!q.exec(u"DELETE FROM meta WHERE key LIKE 'sync\\_hosted\\_%' ESCAPE '\\' "
                "OR key = 'sync_session_codes'"_s))
        return Result<bool>::failure(q.lastError().text());
    q.prepare(u"INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?), (?, ?), (?, ?)"_s);
    for (const QString& value :
         {u"salvaged_from"_s, QFileInfo(source).absoluteFilePath(), u"salvaged_up_to"_s,
          QString::number(firstLost - 1), u"salvaged_at"_s,
          QDateTime::currentDateTimeUtc().toString(Qt::ISODate)})
        q.addBindValue(value);
    if (!q.exec() || !db.commit())
        return Result<bool>::failure(q.lastError().isValid() ? q.lastError().text()
                                                             : db.lastError().text());
    // VACUUM INTO copies the rows as they are: damage to SQLite's own pages came along, and the
    // copy was called sound.
    if (!q.exec(u"PRAGMA integrity_check"_s) || !q.next() || q.value(0).toString() != u"ok"_s)
        return Result<bool>::failure(
            tr("the file's database is damaged too, and the copy would carry that damage"));
    return true;
}

Result<bool> cutCopyAtDamage(const QString& copyPath, const QString& source, qint64 firstLost) {
    const QString connection = u"podium-salvage-"_s + QUuid::createUuid().toString(QUuid::Id128);
    Result<bool> cut = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(copyPath);
        cut = db.open() ? cutAtDamage(db, source, firstLost)
                        : Result<bool>::failure(db.lastError().text());
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return cut;
}

} // namespace

Result<bool> SessionFile::saveSoundPartAs(const QString& target) const {
    if (!m_damage)
        return Result<bool>::failure(
            tr("%1 opens whole as it is, so there is nothing to salvage.").arg(native(m_path)));
    if (QFileInfo::exists(target))
        return Result<bool>::failure(
            tr("%1 already exists; choose another name.").arg(native(target)));
    const qint64 firstLost = m_damage->seq;
    if (firstLost <= 1)
        return Result<bool>::failure(
            tr("%1 has nothing sound to keep: its first event is damaged (%2).")
                .arg(native(m_path), m_damage->why));
    if (!QFileInfo(QFileInfo(target).absolutePath()).isDir())
        return Result<bool>::failure(
            tr("The folder of %1 does not exist; choose another place.").arg(native(target)));
    auto written = writeCopy(target, false, [&](const QString& copy) {
        auto cut = cutCopyAtDamage(copy, m_path, firstLost);
        if (!cut)
            return Result<bool>::failure(tr("The sound part could not be written to %1 (%2).")
                                             .arg(native(target), cut.error()));
        return cut;
    });
    if (!written)
        return written;
    // The copy must open whole, as the session this file held up to the damage: anything else
    // would hand the moderator a second damaged file.
    const auto reopened = open(target, OpenMode::View);
    if (!reopened || codec::digest(reopened.value()->state()) != codec::digest(m_state)) {
        QFile::remove(target);
        return Result<bool>::failure(
            tr("The sound part of %1 could not be kept: the copy did not open as the session up to "
               "event %2. Nothing was written.")
                .arg(native(m_path))
                .arg(firstLost - 1));
    }
    return true;
}

} // namespace podium
