#include "notes_model.h"

#include "engine/session_engine.h"
#include "model/time_text.h"
#include "store/session_file.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

// Group rows carry no parent; a note row's internal id is its group's index plus one.
constexpr quintptr groupRow = 0;

QString timeOf(qint64 ms) {
    return shortTime(QLocale(), ms);
}

// The last speech of the log begun by `at` (null: none yet).
const Speech* lastBegunBy(const SessionState& s, qint64 at) {
    for (auto sp = s.speeches.crbegin(); sp != s.speeches.crend(); ++sp) {
        if (sp->startedAt <= at)
            return &*sp;
    }
    return nullptr;
}

// Whose speech was under way at `at` (0: nobody's), by the host's times.
Id speechAt(const SessionState& s, qint64 at) {
    if (s.floor && s.floor->since <= at)
        return s.floor->entry.id;
    const Speech* sp = lastBegunBy(s, at);
    return sp && at < sp->endedAt ? sp->entryId : 0;
}

// The speech last begun by `at` (0: none yet): for a note written while nobody had the floor,
// the one it came after.
Id speechBefore(const SessionState& s, qint64 at) {
    if (s.floor && s.floor->since <= at)
        return s.floor->entry.id;
    const Speech* sp = lastBegunBy(s, at);
    return sp ? sp->entryId : 0;
}

} // namespace

QString noteKindLabel(NoteKind kind) {
    switch (kind) {
    case NoteKind::KeyTakeaway:
        return NotesModel::tr("Key takeaway");
    case NoteKind::CallToAction:
        return NotesModel::tr("Call to action");
    case NoteKind::Note:
        break;
    }
    return NotesModel::tr("Note");
}

NotesModel::NotesModel(const SessionEngine& engine, QObject* parent)
    : QAbstractItemModel(parent)
    , m_engine(engine) {
    // A speech's label changes when it ends ("speaking now" → its start time).
    connect(&m_engine, &SessionEngine::eventApplied, this, &NotesModel::relabelGroups);
    connect(&m_engine, &SessionEngine::stateReset, this, &NotesModel::relabelGroups);
    connect(&m_engine, &SessionEngine::eventApplied, this,
            [this](const Event& e) { settleNotes(&e); });
    // Later, not at once: a reset may come from another file being opened, which closed the one
    // these notes are in before this model is given the new one (and forgets these notes).
    connect(&m_engine, &SessionEngine::stateReset, this, [this] {
        QMetaObject::invokeMethod(
            this, [this] { settleNotes(nullptr); }, Qt::QueuedConnection);
    });
}

Result<bool> NotesModel::setFile(SessionFile* file) {
    beginResetModel();
    m_file = file;
    m_groups.clear();
    m_unsettled.clear();
    Result<QList<Note>> loaded = file ? file->notes() : Result<QList<Note>>(QList<Note>{});
    if (loaded) {
        // Written in an earlier run, or on a copy that no longer followed the session: their
        // speech is known for good only once the session's events past their time are here.
        // (A rapporteur restarted, wrote, rejoined: the note stayed under a speech long ended.)
        m_unsettledSession = file ? file->sessionId() : QString();
        for (const Note& n : loaded.value()) {
            insertNote(n);
            if (!n.filedByHand)
                m_unsettled.insert(n.id, 0);
        }
    }
    endResetModel();
    if (!loaded)
        return Result<bool>::failure(loaded.error());
    return true;
}

Id NotesModel::currentSpeech() const {
    const SessionState& s = m_engine.state();
    return s.floor ? s.floor->entry.id : 0;
}

Id NotesModel::speechAt(qint64 at) const {
    return podium::speechAt(m_engine.state(), at);
}

Result<Note> NotesModel::add(NoteKind kind, const QString& text, qint64 begunAt) {
    Note note;
    note.at = begunAt > 0 ? begunAt : m_engine.now();
    note.speechEntryId = begunAt > 0 ? speechAt(begunAt) : currentSpeech();
    note.kind = kind;
    note.text = text.trimmed();
    if (note.text.isEmpty())
        return Result<Note>::failure(tr("Write the note first."));
    Result<Note> saved = write(note);
    if (saved) {
        m_unsettled.insert(saved.value().id, m_engine.state().lastSeq);
        m_unsettledSession = m_engine.state().sessionId;
    }
    return saved;
}

Result<Note> NotesModel::restore(const Note& note) {
    return write(note);
}

// Groups stay in the order of their first note, and notes in their own time order, so a note
// written back by undo is where it was.
Result<Note> NotesModel::write(const Note& note) {
    if (!m_file)
        return Result<Note>::failure(tr("Notes are kept in the session file, and none is open."));
    Result<Note> saved = m_file->addNote(note);
    if (saved)
        place(saved.value());
    return saved;
}

void NotesModel::place(const Note& n) {
    const auto laterThan = [&n](const Note& other) {
        return other.at > n.at;
    };
    int group = groupOf(n);
    if (group < 0) {
        group = int(std::find_if(m_groups.cbegin(), m_groups.cend(),
                                 [&](const Group& g) { return laterThan(g.notes.first()); }) -
                    m_groups.cbegin());
        beginInsertRows({}, group, group);
        m_groups.insert(group, newGroup(n));
        endInsertRows();
        return;
    }
    QList<Note>& notes = m_groups[group].notes;
    const int row = int(std::find_if(notes.cbegin(), notes.cend(), laterThan) - notes.cbegin());
    beginInsertRows(index(group, 0), row, row);
    notes.insert(row, n);
    endInsertRows();
    if (row == 0)
        keepGroupInOrder(group); // its first note is now earlier
}

// Moves a group up past those whose first note came later than its own.
void NotesModel::keepGroupInOrder(int group) {
    const qint64 first = m_groups[group].notes.first().at;
    int to = group;
    while (to > 0 && m_groups[to - 1].notes.first().at > first)
        --to;
    if (to == group)
        return;
    beginMoveRows({}, group, group, {}, to);
    m_groups.move(group, to);
    endMoveRows();
}

Result<bool> NotesModel::remove(Id noteId) {
    const QList<Note> all = notes();
    if (std::none_of(all.cbegin(), all.cend(), [&](const Note& n) { return n.id == noteId; }))
        return Result<bool>::failure(tr("That note is gone already."));
    if (auto removed = m_file->removeNote(noteId); !removed)
        return removed;
    unplace(noteId);
    m_unsettled.remove(noteId);
    return true;
}

QList<Id> NotesModel::speechesNewestFirst() const {
    const SessionState& s = m_engine.state();
    QList<Id> ids;
    if (s.floor)
        ids << s.floor->entry.id;
    for (auto it = s.speeches.crbegin(); it != s.speeches.crend(); ++it) {
        if (!ids.contains(it->entryId))
            ids << it->entryId;
    }
    return ids;
}

Result<Note> NotesModel::refile(Id noteId, NoteKind kind, Id speechEntryId, bool filedByHand) {
    const Note* now = noteAt(indexOf(noteId));
    if (!now || !m_file)
        return Result<Note>::failure(tr("That note is gone already."));
    Note refiled = *now;
    refiled.kind = kind;
    refiled.speechEntryId = speechEntryId;
    refiled.filedByHand = filedByHand;
    if (refiled == *now)
        return refiled;
    if (auto saved = m_file->editNote(refiled); !saved)
        return Result<Note>::failure(saved.error());
    unplace(noteId);
    place(refiled);
    if (filedByHand)
        m_unsettled.remove(noteId);
    return refiled;
}

std::optional<qint64> NotesModel::unsettledSince(Id noteId) const {
    const auto found = m_unsettled.constFind(noteId);
    return found == m_unsettled.cend() ? std::nullopt : std::optional(found.value());
}

void NotesModel::unplace(Id noteId) {
    for (int g = 0; g < m_groups.size(); ++g) {
        for (int r = 0; r < m_groups[g].notes.size(); ++r) {
            if (m_groups[g].notes[r].id != noteId)
                continue;
            if (m_groups[g].notes.size() == 1) {
                beginRemoveRows({}, g, g);
                m_groups.removeAt(g);
            } else {
                beginRemoveRows(index(g, 0), r, r);
                m_groups[g].notes.removeAt(r);
            }
            endRemoveRows();
            return;
        }
    }
}

// Once an event later than a note's time has come, every event before it has (the host's order),
// and its speech is known for good.
void NotesModel::settleNotes(const Event* event) {
    if (m_unsettled.isEmpty())
        return;
    const SessionState& state = m_engine.state();
    if (state.sessionId != m_unsettledSession) {
        m_unsettled.clear(); // another session's times say nothing of these notes
        return;
    }
    const QList<Note> all = notes();
    QList<Note> movedNotes;
    for (const Note& note : all) {
        const auto unsettled = m_unsettled.find(note.id);
        if (unsettled == m_unsettled.end() || state.lastSeq <= unsettled.value())
            continue;
        if (const Id speech = podium::speechAt(state, note.at); speech != note.speechEntryId) {
            Note moved = note;
            moved.speechEntryId = speech;
            if (m_file && m_file->editNote(moved)) {
                unplace(note.id);
                place(moved);
                movedNotes << moved;
            }
        } else if (groupOf(note) != groupHolding(note.id)) { // between other speeches than it was
            unplace(note.id);
            place(note);
        }
        if (event && event->at > note.at)
            m_unsettled.erase(unsettled);
    }
    if (!movedNotes.isEmpty())
        emit notesMoved(movedNotes);
}

// Isolated (U+2068 … U+2069): an Arabic name took the comma and the time after it into its own
// direction, and the heading read "00:55:13 ,مريم العلي".
QString NotesModel::speakerName(Id participant) const {
    const Participant* p = m_engine.state().participant(participant);
    return QChar(0x2068) + (p ? p->name : tr("Unknown speaker")) + QChar(0x2069);
}

QString NotesModel::speechLabel(Id entryId) const {
    const SessionState& s = m_engine.state();
    if (entryId == 0)
        return tr("Between speeches");
    if (s.floor && s.floor->entry.id == entryId)
        return tr("%1, speaking now").arg(speakerName(s.floor->entry.participantId));
    for (const Speech& sp : s.speeches) {
        if (sp.entryId == entryId)
            return tr("%1, %2").arg(speakerName(sp.participantId), timeOf(sp.startedAt));
    }
    return tr("A speech no longer in the log");
}

QString NotesModel::betweenSpeechesLabel(Id after) const {
    const SessionState& s = m_engine.state();
    if (after == 0)
        return tr("Before the first speech");
    Id speaker = 0; // on the floor again, its end undone, or a note filed here while it spoke
    if (s.floor && s.floor->entry.id == after)
        speaker = s.floor->entry.participantId;
    for (const Speech& sp : s.speeches) {
        if (sp.entryId == after)
            speaker = sp.participantId;
    }
    return speaker ? tr("Between speeches, after %1").arg(speakerName(speaker))
                   : tr("Between speeches");
}

QString NotesModel::headingFor(Id speechEntryId, qint64 at) const {
    return speechEntryId ? speechLabel(speechEntryId)
                         : betweenSpeechesLabel(speechBefore(m_engine.state(), at));
}

QList<Note> NotesModel::notes() const {
    QList<Note> all;
    for (const Group& g : m_groups)
        all += g.notes;
    return all;
}

QModelIndex NotesModel::indexOf(Id noteId) const {
    for (int g = 0; g < m_groups.size(); ++g) {
        const QList<Note>& notes = m_groups[g].notes;
        for (int row = 0; row < notes.size(); ++row) {
            if (notes[row].id == noteId)
                return index(row, 0, index(g, 0));
        }
    }
    return {};
}

Id NotesModel::speechBeforeNote(const Note& note) const {
    return note.speechEntryId == 0 ? speechBefore(m_engine.state(), note.at) : 0;
}

int NotesModel::groupOf(const Note& note) const {
    const Id after = speechBeforeNote(note);
    for (int g = 0; g < m_groups.size(); ++g) {
        if (m_groups[g].speechEntryId == note.speechEntryId && m_groups[g].after == after)
            return g;
    }
    return -1;
}

int NotesModel::groupHolding(Id noteId) const {
    const QModelIndex at = indexOf(noteId);
    return at.isValid() ? at.parent().row() : -1;
}

int NotesModel::groupWithKey(quintptr key) const {
    for (int g = 0; g < m_groups.size(); ++g) {
        if (m_groups[g].key == key)
            return g;
    }
    return -1;
}

NotesModel::Group NotesModel::newGroup(const Note& first) {
    return Group{first.speechEntryId, speechBeforeNote(first), {first}, m_nextGroupKey++};
}

void NotesModel::insertNote(const Note& note) {
    const int g = groupOf(note);
    if (g < 0)
        m_groups.append(newGroup(note));
    else
        m_groups[g].notes.append(note);
}

void NotesModel::relabelGroups() {
    if (!m_groups.isEmpty())
        emit dataChanged(index(0, 0), index(m_groups.size() - 1, ColumnCount - 1));
}

QModelIndex NotesModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, groupRow);
    // The group's key, not its row: an index kept while a group came before it (an editor
    // open, the selection) named the group below, and an edit went into another note.
    return createIndex(row, column, m_groups[parent.row()].key);
}

QModelIndex NotesModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == groupRow)
        return {};
    const int g = groupWithKey(child.internalId());
    return g < 0 ? QModelIndex() : createIndex(g, 0, groupRow);
}

int NotesModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return m_groups.size();
    if (parent.internalId() == groupRow && parent.column() == 0)
        return m_groups.value(parent.row()).notes.size();
    return 0;
}

int NotesModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

const Note* NotesModel::noteAt(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() == groupRow)
        return nullptr;
    const int g = groupWithKey(index.internalId());
    if (g < 0 || index.row() >= m_groups[g].notes.size())
        return nullptr;
    return &m_groups[g].notes[index.row()];
}

QVariant NotesModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (const Note* note = noteAt(index))
        return noteData(*note, index.column(), role);
    return groupData(index.row(), index.column(), role);
}

QVariant NotesModel::groupData(int group, int column, int role) const {
    const Group& g = m_groups[group];
    if (role == SpeechEntryRole)
        return g.speechEntryId;
    if (role == Qt::FontRole) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role != Qt::DisplayRole)
        return {};
    if (column == KindColumn)
        return g.speechEntryId ? speechLabel(g.speechEntryId) : betweenSpeechesLabel(g.after);
    if (column == TimeColumn)
        return g.notes.size() == 1 ? tr("1 note") : tr("%1 notes").arg(g.notes.size());
    return {};
}

QVariant NotesModel::noteData(const Note& note, int column, int role) const {
    switch (role) {
    case NoteIdRole:
        return note.id;
    case SpeechEntryRole:
        return note.speechEntryId;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        if (column == KindColumn)
            return noteKindLabel(note.kind);
        if (column == TimeColumn)
            return timeOf(note.at);
        return note.text;
    case Qt::EditRole:
        return column == TextColumn ? QVariant(note.text) : QVariant();
    case Qt::FontRole:
        // Bold, not italic: DejaVu Sans Oblique has no Arabic, and an Arabic takeaway was
        // shown as boxes. The kind beside it, sized to its plain text, stays plain.
        if (note.kind != NoteKind::Note && column == TextColumn) {
            QFont emphasis;
            emphasis.setBold(true);
            return emphasis;
        }
        return {};
    default:
        return {};
    }
}

QVariant NotesModel::headerData(int section, Qt::Orientation o, int role) const {
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn:
        return tr("Speech / kind");
    case TextColumn:
        return tr("Note");
    case TimeColumn:
        return tr("Time");
    default:
        return {};
    }
}

Qt::ItemFlags NotesModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
    if (noteAt(index) && index.column() == TextColumn)
        f |= Qt::ItemIsEditable;
    return f;
}

// Editing a note's text in place: written to the file first, shown only once saved.
bool NotesModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    const Note* current = noteAt(index);
    if (!current || role != Qt::EditRole || index.column() != TextColumn || !m_file)
        return false;
    Note edited = *current;
    edited.text = value.toString().trimmed();
    if (edited.text.isEmpty() || edited.text == current->text)
        return false;
    if (!m_file->editNote(edited))
        return false;
    m_groups[groupWithKey(index.internalId())].notes[index.row()] = edited;
    emit dataChanged(index, index);
    return true;
}

} // namespace podium
