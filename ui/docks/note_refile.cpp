#include "note_refile.h"

#include "notes_model.h"
#include "store/session_file.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QUndoCommand>
#include <QUndoStack>

namespace podium {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::NotesDock", text);
}

class NoteRefiled final : public QUndoCommand {
public:
    NoteRefiled(NotesModel& model, const Note& before, const Note& after,
                std::function<void(const QString&)> problem)
        : QUndoCommand(before.kind != after.kind
                           ? tr("File a note as %1").arg(noteKindLabel(after.kind))
                           : tr("Move a note to %1").arg(model.speechLabel(after.speechEntryId)))
        , m_model(model)
        , m_session(model.file() ? model.file()->sessionId() : QString())
        , m_before(before)
        , m_after(after)
        , m_unsettledSince(model.unsettledSince(before.id))
        , m_problem(std::move(problem)) {}

    void redo() override { fileAs(m_after); }
    void undo() override {
        if (fileAs(m_before) && m_unsettledSince)
            m_model.unsettle(m_before.id, *m_unsettledSince); // late events may move it again
    }

private:
    bool fileAs(const Note& note) {
        const bool here = m_model.file() && m_model.file()->sessionId() == m_session;
        followRewrite();
        Id speech = note.speechEntryId;
        bool byHand = note.filedByHand;
        // A change of kind only: the note's speech is where late events took it since, not
        // where it was when the step was taken.
        if (const Note* now = m_model.noteAt(m_model.indexOf(m_after.id));
            now && m_before.speechEntryId == m_after.speechEntryId) {
            speech = now->speechEntryId;
            byHand = now->filedByHand;
        }
        auto done = here ? m_model.refile(m_after.id, note.kind, speech, byHand)
                         : Result<Note>::failure(tr("The note was in another session file."));
        if (done)
            return true;
        m_problem(done.error());
        setObsolete(true);
        return false;
    }

    // Removed and written back by undo and redo (NoteStep), the note has a new id: found again by
    // its time and text, which stay.
    void followRewrite() {
        if (m_model.indexOf(m_after.id).isValid())
            return;
        for (const Note& n : m_model.notes()) {
            if (n.at == m_after.at && n.text == m_after.text) {
                m_before.id = m_after.id = n.id;
                return;
            }
        }
    }

    NotesModel& m_model;
    QString m_session;
    Note m_before;
    Note m_after;
    std::optional<qint64> m_unsettledSince;
    std::function<void(const QString&)> m_problem;
};

} // namespace

QMenu* refileMenu(NotesModel& model, const Note& note, QUndoStack& stack, QWidget* parent,
                  const std::function<void(const QString&)>& problem) {
    auto* menu = new QMenu(parent);
    const auto refile = [&model, &stack, note, problem](NoteKind kind, Id speech) {
        Note after = note;
        after.kind = kind;
        after.speechEntryId = speech;
        after.filedByHand = note.filedByHand || speech != note.speechEntryId;
        if (after != note)
            stack.push(new NoteRefiled(model, note, after, problem));
    };
    auto* kinds = new QActionGroup(menu);
    for (NoteKind k : {NoteKind::Note, NoteKind::KeyTakeaway, NoteKind::CallToAction}) {
        QAction* a = menu->addAction(tr("File as: %1").arg(noteKindLabel(k)));
        a->setCheckable(true);
        a->setChecked(k == note.kind);
        a->setActionGroup(kinds);
        QObject::connect(a, &QAction::triggered, menu,
                         [refile, k, speech = note.speechEntryId] { refile(k, speech); });
    }
    QMenu* speeches = menu->addMenu(tr("Goes with"));
    speeches->setObjectName(QStringLiteral("noteSpeechMenu"));
    auto* choices = new QActionGroup(speeches);
    constexpr int listed = 20; // the speeches a late note is about are the last few
    QList<Id> ids = model.speechesNewestFirst().mid(0, listed);
    ids << 0;
    for (const Id speech : std::as_const(ids)) {
        QAction* a = speeches->addAction(model.speechLabel(speech));
        a->setCheckable(true);
        a->setChecked(speech == note.speechEntryId);
        a->setActionGroup(choices);
        QObject::connect(a, &QAction::triggered, menu,
                         [refile, speech, kind = note.kind] { refile(kind, speech); });
    }
    return menu;
}

} // namespace podium
