// The rapporteur's notes: rows of their own in the session file, never events, never synced.
#include "event_rows.h"
#include "session_file.h"
#include "sql_errors.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace podium {

namespace {

QString kindKey(NoteKind kind) {
    switch (kind) {
    case NoteKind::KeyTakeaway:
        return u"key-takeaway"_s;
    case NoteKind::CallToAction:
        return u"call-to-action"_s;
    case NoteKind::Note:
        break;
    }
    return u"note"_s;
}

NoteKind kindFromKey(const QString& key) {
    if (key == u"key-takeaway"_s)
        return NoteKind::KeyTakeaway;
    if (key == u"call-to-action"_s)
        return NoteKind::CallToAction;
    return NoteKind::Note;
}

// Files older than format 2 (opened read-only, so not upgraded) have no notes table, and older
// than format 5 no mark of a note filed by hand: their notes stay as filed, as an upgrade keeps
// them.
constexpr int firstVersionWithNotes = 2;
constexpr int firstVersionWithFiledByHand = 5;

} // namespace

Result<QList<Note>> SessionFile::notes() const {
    QList<Note> list;
    if (m_schemaVersion < firstVersionWithNotes)
        return list;
    QSqlQuery q(m_db);
    const QString byHand =
        m_schemaVersion >= firstVersionWithFiledByHand ? u"filed_by_hand"_s : u"1"_s;
    if (!q.exec(u"SELECT id, at, speech_entry, kind, text, %1 FROM notes ORDER BY at, id"_s.arg(
            byHand)))
        return Result<QList<Note>>::failure(store::readFailureMessage(m_path, q.lastError()));
    while (q.next()) {
        list.append(Note{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong(),
                         kindFromKey(q.value(3).toString()), q.value(4).toString(),
                         q.value(5).toBool()});
    }
    return list;
}

// A note written back (the undo of its removal) keeps its id where that is free: given a new one,
// the steps of Edit → Undo that named the old one removed another note, or none.
Result<Note> SessionFile::addNote(Note note) {
    if (auto ok = checkWritable(); !ok)
        return Result<Note>::failure(ok.error());
    const auto insert = [&](bool withId) {
        QSqlQuery q(m_db);
        q.prepare(withId ? u"INSERT INTO notes(at, speech_entry, kind, text, filed_by_hand, id) "
                           "VALUES(?, ?, ?, ?, ?, ?)"_s
                         : u"INSERT INTO notes(at, speech_entry, kind, text, filed_by_hand) "
                           "VALUES(?, ?, ?, ?, ?)"_s);
        q.addBindValue(note.at);
        q.addBindValue(note.speechEntryId);
        q.addBindValue(kindKey(note.kind));
        q.addBindValue(store::notNull(note.text));
        q.addBindValue(note.filedByHand);
        if (withId)
            q.addBindValue(note.id);
        return q;
    };
    if (note.id > 0) {
        if (QSqlQuery q = insert(true); q.exec())
            return note;
    }
    QSqlQuery q = insert(false);
    if (!q.exec())
        return Result<Note>::failure(writeFailure(q.lastError()));
    note.id = q.lastInsertId().toLongLong();
    return note;
}

Result<bool> SessionFile::editNote(const Note& note) {
    if (auto ok = checkWritable(); !ok)
        return ok;
    QSqlQuery q(m_db);
    q.prepare(u"UPDATE notes SET at = ?, speech_entry = ?, kind = ?, text = ?, filed_by_hand = ? "
              "WHERE id = ?"_s);
    q.addBindValue(note.at);
    q.addBindValue(note.speechEntryId);
    q.addBindValue(kindKey(note.kind));
    q.addBindValue(store::notNull(note.text));
    q.addBindValue(note.filedByHand);
    q.addBindValue(note.id);
    if (!q.exec())
        return Result<bool>::failure(writeFailure(q.lastError()));
    if (q.numRowsAffected() != 1)
        return Result<bool>::failure(
            QCoreApplication::translate("podium::SessionFile", "That note no longer exists."));
    return true;
}

Result<bool> SessionFile::removeNote(Id id) {
    if (auto ok = checkWritable(); !ok)
        return ok;
    QSqlQuery q(m_db);
    q.prepare(u"DELETE FROM notes WHERE id = ?"_s);
    q.addBindValue(id);
    if (!q.exec())
        return Result<bool>::failure(writeFailure(q.lastError()));
    return true;
}

} // namespace podium
