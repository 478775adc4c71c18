#include "file_menu.h"

#include "model/codec.h"
#include "plan/plan.h"
#include "report/export.h"
#include "save_path.h"
#include "session_files.h"

#include <QAction>
#include <QCborArray>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace podium {

FileMenu::FileMenu(Cockpit& cockpit, QMenu& menu, QWidget* window)
    : QObject(window)
    , m_cockpit(cockpit)
    , m_window(window) {
    m_newEmpty = add(u"newSessionAction"_s, QKeySequence::New, &FileMenu::newSession);
    m_new = add(u"newFromPlanAction"_s, {}, &FileMenu::newFromPlan);
    m_startOver = add(u"startOverAction"_s, {}, &FileMenu::startOver);
    m_open = add(u"openAction"_s, QKeySequence::Open, &FileMenu::openFile);
    m_recent = new QMenu(window);
    m_recent->setObjectName(u"recentMenu"_s);
    // Qt's generic desktop defines no Save As key (GNOME and KDE do): Ctrl+Shift+S there.
    const QKeySequence saveAsKeys = QKeySequence(QKeySequence::SaveAs).isEmpty()
                                        ? QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)
                                        : QKeySequence(QKeySequence::SaveAs);
    m_saveAs = add(u"saveAsAction"_s, saveAsKeys, &FileMenu::saveAs);
    m_exportPlan = add(u"exportPlanAction"_s, {}, &FileMenu::exportPlanAs);
    m_details = add(u"sessionDetailsAction"_s, {}, &FileMenu::editDetails);
    m_quit = add(u"quitAction"_s, QKeySequence::Quit, nullptr);
    connect(m_quit, &QAction::triggered, this, &FileMenu::quitAsked);
    menu.addAction(m_newEmpty);
    menu.addAction(m_new);
    menu.addAction(m_startOver);
    menu.addAction(m_open);
    menu.addMenu(m_recent);
    menu.addAction(m_saveAs);
    menu.addSeparator();
    menu.addAction(m_exportPlan);
    menu.addAction(m_details);
    menu.addSeparator();
    menu.addAction(m_quit);
    connect(m_recent, &QMenu::aboutToShow, this, &FileMenu::fillRecent);
    connect(&menu, &QMenu::aboutToShow, this, &FileMenu::updateActions);
    menu.setToolTipsVisible(true); // why an item is greyed
    // An action's key works as its menu item was last set: a joined seat's Ctrl+O left the
    // session. Kept up to date as the seat joins and leaves, and as the session shown changes.
    connect(&cockpit.engine(), &SessionEngine::forwardingChanged, this, &FileMenu::updateActions);
    connect(&cockpit.engine(), &SessionEngine::stateReset, this, &FileMenu::updateActions);
    retranslate();
    updateActions();
}

QAction* FileMenu::add(const QString& name, const QKeySequence& keys, void (FileMenu::*slot)()) {
    auto* a = new QAction(this);
    a->setObjectName(name);
    a->setShortcut(keys);
    if (slot)
        connect(a, &QAction::triggered, this, slot);
    return a;
}

void FileMenu::retranslate() {
    m_newEmpty->setText(tr("&New session…"));
    m_new->setText(tr("New session from &plan…"));
    m_startOver->setText(tr("S&tart over from this session's plan…"));
    m_open->setText(tr("&Open…"));
    m_recent->setTitle(tr("Open &recent"));
    m_saveAs->setText(tr("Save &as…"));
    m_exportPlan->setText(tr("&Export plan…"));
    m_details->setText(tr("Session &details…"));
    m_quit->setText(tr("&Quit"));
}

bool FileMenu::canSwitchFiles() const {
    // A joined seat shows the host's session: it cannot switch to another file under it.
    return m_cockpit.files() && !m_cockpit.engine().isForwarding();
}

bool FileMenu::showsWindowFile() const {
    // After a join the session shown is kept in the seat's own copy, not in the window's file:
    // "Save as" would copy the wrong session.
    const SessionFile* file = m_cockpit.files() ? m_cockpit.files()->current() : nullptr;
    return canSwitchFiles() && file && file->sessionId() == m_cockpit.engine().state().sessionId;
}

// A greyed action's tooltip says why, in the menu and at the window's foot when its key is
// pressed (WindowKeys): a joined seat's Ctrl+O did nothing and said nothing.
void FileMenu::updateActions() {
    const QString following =
        tr("This seat follows the host's session: Disconnect first (Connection panel).");
    for (QAction* a : {m_newEmpty, m_new, m_startOver, m_open}) {
        a->setEnabled(canSwitchFiles());
        a->setToolTip(canSwitchFiles() ? QString() : following);
    }
    m_recent->setEnabled(canSwitchFiles());
    m_recent->menuAction()->setToolTip(canSwitchFiles() ? QString() : following);
    m_saveAs->setEnabled(showsWindowFile());
    m_saveAs->setToolTip(showsWindowFile()                   ? QString()
                         : m_cockpit.engine().isForwarding() ? following
                                                             : tr("The session shown is the copy "
                                                                  "this seat kept of a session "
                                                                  "it joined, not this window's "
                                                                  "file: File → Open recent "
                                                                  "lists it."));
}

void FileMenu::report(const Result<bool>& done, const QString& title) {
    if (!done)
        QMessageBox::warning(m_window, title, done.error());
}

void FileMenu::newSession() {
    const QString target =
        askSavePath(m_window, tr("Save the new session as"), tr("New session") + u".podium"_s,
                    tr("Podium sessions (*.podium)"), u"podium"_s);
    if (!target.isEmpty())
        startSession(target);
}

// An organizer starting from nothing (no plan written yet): a session named after its file,
// whose details are asked for at once.
void FileMenu::startSession(const QString& path) {
    Plan plan;
    plan.info.title = QFileInfo(path).completeBaseName();
    // The save dialog asked before a file there is replaced.
    if (auto made = m_cockpit.files()->createFromPlan(plan, path, true); !made)
        return report(made, tr("New session"));
    editDetails();
}

void FileMenu::newFromPlan() {
    const QString planPath =
        askOpenPath(m_window, tr("New session from plan"), tr("Session plans (*.json)"));
    if (planPath.isEmpty())
        return;
    const auto plan = readPlanFile(planPath);
    if (!plan) {
        QMessageBox::warning(m_window, tr("New session from plan"), plan.error());
        return;
    }
    // Under the session's title (the plan file's name was often "plan.json"), in the folder the
    // plan was chosen in.
    const QString name = fileNameOf(plan->info.title, QFileInfo(planPath).completeBaseName());
    const QString target = askSavePath(m_window, tr("Save the new session as"), name + u".podium"_s,
                                       tr("Podium sessions (*.podium)"), u"podium"_s);
    if (!target.isEmpty())
        // The save dialog asked before a file there is replaced.
        report(m_cockpit.files()->createFromPlan(plan.value(), target, true), tr("New session"));
}

// After a rehearsal: the session again, as planned, in a new file (this one stays as it is).
void FileMenu::startOver() {
    const SessionFile* current = m_cockpit.files() ? m_cockpit.files()->current() : nullptr;
    const QString name = current ? QFileInfo(current->path()).completeBaseName() : tr("Session");
    const QString target =
        askSavePath(m_window, tr("Start over in a new file"), tr("%1 (again).podium").arg(name),
                    tr("Podium sessions (*.podium)"), u"podium"_s);
    if (!target.isEmpty())
        startOverIn(target);
}

void FileMenu::startOverIn(const QString& path) {
    // The save dialog asked before a file there is replaced.
    report(m_cockpit.files()->createFromPlan(planOf(m_cockpit.state()), path, true),
           tr("Start over"));
}

void FileMenu::openFile() {
    const QString path =
        askOpenPath(m_window, tr("Open session"), tr("Podium sessions (*.podium)"));
    if (!path.isEmpty())
        open(path);
}

void FileMenu::open(const QString& path) {
    if (auto opened = m_cockpit.files()->open(path); !opened)
        sayWhyNotOpened(*m_window, *m_cockpit.files(), path, opened.error());
}

void FileMenu::fillRecent() {
    m_recent->clear();
    const QStringList files = m_cockpit.files() ? m_cockpit.files()->recentFiles() : QStringList();
    for (const QString& path : files) {
        QAction* a = m_recent->addAction(QFileInfo(path).fileName());
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] { open(path); });
    }
    if (files.isEmpty())
        m_recent->addAction(tr("(none)"))->setEnabled(false);
}

void FileMenu::saveAs() {
    // Under its own name, in the folder files go to (the demo's own folder is hidden).
    const SessionFile* current = m_cockpit.files() ? m_cockpit.files()->current() : nullptr;
    const QString path = askSavePath(m_window, tr("Save session as"),
                                     current ? QFileInfo(current->path()).fileName() : QString(),
                                     tr("Podium sessions (*.podium)"), u"podium"_s);
    if (!path.isEmpty())
        report(m_cockpit.files()->saveAs(path), tr("Save session as"));
}

Result<bool> FileMenu::exportPlan(const SessionState& state, const QString& path) {
    return report::writeFileAtomically(path, planToJson(planOf(state)));
}

void FileMenu::exportPlanAs() {
    const QString path =
        askSavePath(m_window, tr("Export plan"), {}, tr("Session plans (*.json)"), u"json"_s);
    if (!path.isEmpty())
        report(exportPlan(m_cockpit.state(), path), tr("Export plan"));
}

void FileMenu::editDetails() {
    const bool editable = m_cockpit.permits(Action::EditSession);
    SessionDetailsDialog dialog(m_cockpit.state(), editable, m_window);
    if (!editable)
        dialog.sayWhyReadOnly(
            m_cockpit.canControl()
                ? tr("Only the in-room moderator changes the session's details; here they are "
                     "shown as they are.")
                : m_cockpit.whyNotPermitted(Action::EditSession));
    if (dialog.exec() == QDialog::Accepted && editable)
        applyDetails(dialog.edit());
}

namespace {

// The agenda as planned: titles and lengths, not what has run.
QList<Segment> asPlanned(QList<Segment> agenda) {
    for (Segment& segment : agenda)
        segment = Segment{segment.title, segment.plannedMs, 0, 0, {}};
    return agenda;
}

} // namespace

// The agenda is sent whole. Changed on the other seat meanwhile, it is replaced only when the
// moderator says so. Once a segment has begun meanwhile, never: the rows the dialog moved are
// no longer those to come, and the segment begun would take another's title.
bool FileMenu::replacesAgenda(const DetailsEdit& edit, const QList<Segment>& now) {
    if (edit.agenda == edit.agendaOpened || asPlanned(edit.agenda) == asPlanned(now))
        return false;
    if (SessionState::segmentsBegunIn(now) > SessionState::segmentsBegunIn(edit.agendaOpened)) {
        QMessageBox::information(m_window, tr("Edit the agenda"),
                                 tr("A segment began while the session details were open, so the "
                                    "agenda was left as it is now. Open Session details again to "
                                    "change it."));
        return false;
    }
    return asPlanned(now) == asPlanned(edit.agendaOpened) ||
           QMessageBox::question(
               m_window, tr("Edit the agenda"),
               tr("The agenda was changed on the other seat while the session details were open. "
                  "Replace it with the agenda as you left it? The other seat's change to it "
                  "would be undone."),
               QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
}

void FileMenu::applyDetails(const DetailsEdit& edit) {
    // Asked first: events go on arriving while a question is up, and what is compared and sent
    // is laid over the session as it is once answered.
    const bool agendaChanged = replacesAgenda(edit, m_cockpit.state().segments);
    const SessionState s = m_cockpit.state(); // as it is before these commands
    const auto laidOver = [](QCborMap now, const QCborMap& changes) {
        for (auto it = changes.begin(); it != changes.end(); ++it)
            now.insert(it.key(), it.value());
        return now;
    };
    const bool infoChanged =
        codec::sessionInfo(laidOver(codec::toCbor(s.info), edit.info)) != s.info;
    const bool allotmentsChanged =
        codec::allotments(laidOver(codec::toCbor(s.allotments), edit.allotments)) != s.allotments;
    if (!infoChanged && !allotmentsChanged && !agendaChanged)
        return; // OK with nothing changed: no undo step that would do nothing
    QUndoStack& undo = m_cockpit.undoStack();
    undo.beginMacro(tr("Edit the session details"));
    // Only the keys changed: the engine lays them over the details and times as they are.
    if (infoChanged)
        m_cockpit.run(Action::EditSession, {{u"info"_s, edit.info}},
                      tr("Edit the session details"));
    if (allotmentsChanged)
        m_cockpit.run(Action::SetAllotments, {{u"allotments"_s, edit.allotments}},
                      tr("Change the speaking times"));
    // The running segment keeps its clock, with its new planned time.
    if (agendaChanged)
        m_cockpit.run(Action::EditAgenda, {{u"agenda"_s, codec::toCborArray(edit.agenda)}},
                      tr("Edit the agenda"));
    undo.endMacro();
}

} // namespace podium
