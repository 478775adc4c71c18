#pragma once

#include "cockpit.h"
#include "session_details_dialog.h"

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace podium {

// File menu: new session (empty, or from a plan), open, open recent, save as, export the plan, the
// session's details, quit. Works on the cockpit's SessionFiles when there is one.
class FileMenu : public QObject {
    Q_OBJECT
public:
    FileMenu(Cockpit& cockpit, QMenu& menu, QWidget* window);

    // The session's plan (details, speaking times, people, agenda) as JSON at `path`.
    [[nodiscard]] static Result<bool> exportPlan(const SessionState& state, const QString& path);
    // Issues the commands for what was changed in the details dialog (one undo step), over what
    // the session holds now.
    void applyDetails(const DetailsEdit& edit);
    // A new, empty session at `path` (replacing a file there), then its details dialog.
    void startSession(const QString& path);
    // A new session at `path` from this one's plan: its details, people, agenda and polls (as
    // drafts), and nothing of what was done in it; a rehearsal's file stays as it was.
    void startOverIn(const QString& path);
    void retranslate();

signals:
    void quitAsked(); // File → Quit (Ctrl+Q): the window decides whether to ask first

private:
    QAction* add(const QString& name, const QKeySequence& keys, void (FileMenu::*slot)());
    void newSession();
    void newFromPlan();
    void startOver();
    void openFile();
    void open(const QString& path);
    void fillRecent();
    void saveAs();
    void exportPlanAs();
    void editDetails();
    bool replacesAgenda(const DetailsEdit& edit, const QList<Segment>& now);
    bool canSwitchFiles() const;
    bool showsWindowFile() const;
    void updateActions();
    void report(const Result<bool>& done, const QString& title);

    Cockpit& m_cockpit;
    QWidget* m_window;
    QMenu* m_recent;
    QAction* m_newEmpty;
    QAction* m_new;
    QAction* m_startOver;
    QAction* m_open;
    QAction* m_saveAs;
    QAction* m_exportPlan;
    QAction* m_details;
    QAction* m_quit;
};

} // namespace podium
