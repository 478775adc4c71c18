#pragma once

#include "session_dock.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace podium {

class MainWindow;
class NotesModel;
class SessionFile;

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

protected:
    void retranslate() override;
    void updateControls() override;

private:
    void addNote();
    void removeSelected();
    void showCurrentSpeech();
    void showProblem(const QString& text);

    NotesModel* m_model;
    QLabel* m_speech;
    QComboBox* m_kind;
    QLineEdit* m_text;
    QPushButton* m_add;
    QPushButton* m_remove;
    QTreeView* m_view;
    QLabel* m_problem;
};

// Gives the notes dock of `window` (when it has one) the session file of this seat.
void attachNotes(MainWindow& window, SessionFile* file);

} // namespace podium
