#pragma once

#include "session_dock.h"

#include <QTimer>

#include "model/note.h"

class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QModelIndex;
class QPushButton;
class QTreeView;

namespace podium {

class MainWindow;
class NotesModel;
class SessionFile;
struct NoteStepHooks;

// The rapporteur's notes, key takeaways and calls to action, each tied to the speech during
// which it was written and shown grouped by speech. Any seat may keep notes; they stay in this
// seat's session file and never change the session.
class NotesDock : public SessionDock {
    Q_OBJECT
public:
    explicit NotesDock(Cockpit& cockpit, QWidget* parent = nullptr);

    // The file notes are read from and written to (null: notes cannot be taken).
    void setSessionFile(SessionFile* file);
    NotesModel* model() const { return m_model; }
    // What a right click on the note at `index` offers: its kind, the speech it goes with (null
    // over a speech's row). The caller owns it.
    QMenu* menuFor(const QModelIndex& index);

protected:
    QString title() const override;
    void retranslate() override;
    void updateControls() override;
    void build() override;

private:
    void buildActions();
    void takeNote(NoteKind kind);
    void fileAs(NoteKind kind);
    void nameActions();
    void enableActions();
    void addNote();
    void removeSelected();
    NoteStepHooks stepHooks();
    void giveBackToField(const Note& note);
    void takeOutOfField(const Note& note);
    void showCurrentSpeech();
    void sayNotesMoved(const QList<Note>& moved);
    void showProblem(const QString& text);
    void spanSpeechRows(int first, int last);
    void keepDraftSoon();
    void keepDraft();
    void takeUpDraft();
    QString draftKey() const;

    NotesModel* m_model;
    QAction* m_takeNote = nullptr;
    QActionGroup* m_kindActions = nullptr;
    QLabel* m_speech = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_text = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_problem = nullptr;
    QString m_problemText;
    qint64 m_begunAt = 0;     // when the note being typed was begun (the session's time), 0: none
    QTimer m_draftPause;      // between two keepings of the note being typed
    bool m_draftDue = false;  // typed into since it was last kept
    QString m_draftKeptUnder; // its settings key, empty when none is kept
    QString m_fieldSession;   // the session the note being typed is written in
};

// Gives the notes dock of `window` (when it has one) the session file of this seat.
void attachNotes(MainWindow& window, SessionFile* file);

} // namespace podium
