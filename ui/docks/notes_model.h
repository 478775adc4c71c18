#pragma once

#include "model/note.h"
#include "model/result.h"

#include <QAbstractItemModel>
#include <QHash>
#include <optional>

namespace podium {

class SessionEngine;
class SessionFile;
struct Event;

// The rapporteur's notes grouped by the speech during which each was written: one top-level row
// per speech (in the order notes were first taken), its notes below. Notes live in this seat's
// session file, never in the session state, so taking one changes nothing for the others.
// A note goes with whoever had the floor at its time. This seat may learn that late (its link to
// the host was down): a note is moved to the right speech when the events before its time come.
class NotesModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { KindColumn, TextColumn, TimeColumn, ColumnCount };
    enum { NoteIdRole = Qt::UserRole + 1, SpeechEntryRole };

    explicit NotesModel(const SessionEngine& engine, QObject* parent = nullptr);

    // Where notes are read and written; null: none can be taken. Reloads the notes.
    [[nodiscard]] Result<bool> setFile(SessionFile* file);
    SessionFile* file() const { return m_file; }

    // A note tied to whoever had the floor when it was begun (`begunAt`, the session's time; 0:
    // now), 0 when nobody did, written to the file first: a speaker called while the rapporteur
    // typed does not take the note.
    [[nodiscard]] Result<Note> add(NoteKind kind, const QString& text, qint64 begunAt = 0);
    // The speech a note begun at `at` goes with (0: nobody's).
    Id speechAt(qint64 at) const;
    // A removed note written back as it was (its time, speech, kind and text; a new id).
    [[nodiscard]] Result<Note> restore(const Note& note);
    [[nodiscard]] Result<bool> remove(Id noteId);
    // The note filed again, as another kind or with another speech (0: between speeches); its
    // time stays that of its writing. Filed by hand, it is no longer moved by the events to come,
    // now or when the file is opened again: the rapporteur's word stands.
    [[nodiscard]] Result<Note> refile(Id noteId, NoteKind kind, Id speechEntryId, bool filedByHand);
    // Whether late events may still move the note (see m_unsettled), and from which seq; a
    // refiling undone gives it that back.
    std::optional<qint64> unsettledSince(Id noteId) const;
    void unsettle(Id noteId, qint64 since) { m_unsettled.insert(noteId, since); }
    // "Adiel Akplogan, 10:32" for a speech, "Between speeches" for 0.
    QString speechLabel(Id speechEntryId) const;
    // "Between speeches, after Adiel Akplogan"; "Before the first speech" for 0.
    QString betweenSpeechesLabel(Id after) const;
    // The heading a note of that speech (0: nobody's), written at `at`, stands under.
    QString headingFor(Id speechEntryId, qint64 at) const;
    Id currentSpeech() const;
    // The speech on the floor, then those before it, the latest first.
    QList<Id> speechesNewestFirst() const;
    QList<Note> notes() const;
    const Note* noteAt(const QModelIndex& index) const; // null for a speech's row
    QModelIndex indexOf(Id noteId) const;               // invalid for a note not here

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

signals:
    // Notes moved by the events come since to the speech under way at their time (a call undone
    // on the host, or one this seat learned of late), as they are now.
    void notesMoved(const QList<podium::Note>& moved);

private:
    // Notes written while nobody had the floor are grouped by the speech they came after: in one
    // group, those of the opening stood with those of a pause an hour later.
    struct Group {
        Id speechEntryId = 0;
        Id after = 0; // between speeches: the speech before (0: before the first)
        QList<Note> notes;
        quintptr key = 0; // its notes' indexes carry it: a group's row changes as groups come
    };
    Result<Note> write(const Note& note);
    void place(const Note& note);
    void unplace(Id noteId);
    void settleNotes(const Event* event); // null: the state was replaced
    void keepGroupInOrder(int group);
    QString speakerName(Id participant) const;
    Id speechBeforeNote(const Note& note) const; // 0 for a note on a speech
    int groupOf(const Note& note) const;         // the group it belongs in, -1: none yet
    int groupHolding(Id noteId) const;           // the group it is in
    int groupWithKey(quintptr key) const;
    Group newGroup(const Note& first);
    QVariant groupData(int group, int column, int role) const;
    QVariant noteData(const Note& note, int column, int role) const;
    void insertNote(const Note& note);
    void relabelGroups();

    const SessionEngine& m_engine;
    SessionFile* m_file = nullptr;
    QList<Group> m_groups;
    quintptr m_nextGroupKey = 1; // 0 marks a group's own index
    // Notes whose speech may still change: the seat had not yet had every event up to their time
    // (note id → the last seq it had when it wrote them; 0 for those the file brought).
    QHash<Id, qint64> m_unsettled;
    QString m_unsettledSession; // whose session they were written in
};

QString noteKindLabel(NoteKind kind);

} // namespace podium
