#include "notes_dock.h"

#include "store/session_file.h"

#include "main_window.h"
#include "note_refile.h"
#include "notes_model.h"
#include "theme/theme.h"
#include "undo/field_undo.h"
#include "view_focus.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QTreeView>
#include <QUndoCommand>
#include <QVBoxLayout>
#include <utility>

using namespace Qt::StringLiterals;

namespace podium {

NotesDock::NotesDock(Cockpit& cockpit, QWidget* parent)
    : SessionDock(cockpit, u"notesDock"_s, parent)
    , m_model(new NotesModel(cockpit.engine(), this)) {
    connect(&cockpit.engine(), &SessionEngine::eventApplied, this, &NotesDock::showCurrentSpeech);
    connect(&cockpit.engine(), &SessionEngine::stateReset, this, &NotesDock::showCurrentSpeech);
    connect(m_model, &NotesModel::notesMoved, this, &NotesDock::sayNotesMoved);
    buildActions();
    buildWhenShown();
    m_draftPause.setSingleShot(true);
    m_draftPause.setInterval(300);
    connect(&m_draftPause, &QTimer::timeout, this, [this] {
        if (m_draftDue)
            keepDraftSoon();
    });
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] {
        if (m_draftDue)
            keepDraft();
    });
    connect(&cockpit, &Cockpit::seatChanged, this, [this] { // the draft is kept per seat
        if (isBuilt() && !m_text->text().isEmpty())
            keepDraft();
    });
}

// A rapporteur writes through the whole session, often while looking at the speaker: the note
// field and the kind of note are a key away from wherever the focus is (the mouse alone before).
void NotesDock::buildActions() {
    m_takeNote = new QAction(this);
    m_takeNote->setObjectName(u"takeNoteAction"_s);
    m_takeNote->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_takeNote, &QAction::triggered, this, [this] {
        ensureBuilt();
        takeNote(NoteKind(m_kind->currentData().toInt()));
    });
    addAction(m_takeNote);
    m_kindActions = new QActionGroup(this);
    const Qt::Key keys[] = {Qt::Key_1, Qt::Key_2, Qt::Key_3};
    int i = 0;
    for (NoteKind k : {NoteKind::Note, NoteKind::KeyTakeaway, NoteKind::CallToAction}) {
        auto* a = m_kindActions->addAction(QString());
        a->setCheckable(true);
        a->setChecked(k == NoteKind::Note);
        a->setData(int(k));
        a->setShortcut(QKeySequence(Qt::CTRL | keys[i++]));
        connect(a, &QAction::triggered, this, [this, k] { fileAs(k); });
        addAction(a);
    }
    nameActions();
    enableActions();
}

// Named before the widgets are made: they are in the Session menu from the start.
void NotesDock::nameActions() {
    m_takeNote->setText(tr("Take a note"));
    for (QAction* a : m_kindActions->actions())
        a->setText(tr("Take a note: %1").arg(noteKindLabel(NoteKind(a->data().toInt()))));
}

void NotesDock::enableActions() {
    const bool canWrite = m_model->file() != nullptr;
    m_takeNote->setEnabled(canWrite);
    m_kindActions->setEnabled(canWrite);
    const QString why = canWrite ? QString() : tr("Open or save a session file to keep notes");
    m_takeNote->setToolTip(why);
    for (QAction* a : m_kindActions->actions())
        a->setToolTip(why);
}

// Typed first, then Ctrl+2 pressed, the takeaway stayed in the field as a plain note to be:
// with a line typed, the key files it as the kind it names; with none, the next line is one.
void NotesDock::fileAs(NoteKind kind) {
    const bool typed = isBuilt() && !m_text->text().trimmed().isEmpty();
    takeNote(kind);
    if (typed)
        addNote();
}

void NotesDock::takeNote(NoteKind kind) {
    ensureBuilt();
    show();
    raise();
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    m_text->setFocus(Qt::ShortcutFocusReason);
}

void NotesDock::build() {
    m_speech = new QLabel;
    m_kind = new QComboBox;
    m_text = new QLineEdit;
    m_add = new QPushButton;
    m_remove = new QPushButton;
    m_view = new QTreeView;
    m_problem = new QLabel;
    m_speech->setObjectName(u"noteSpeech"_s);
    m_speech->setTextFormat(Qt::PlainText); // speakers' names are shown as typed
    m_kind->setObjectName(u"noteKind"_s);
    // Its items get their text after it is made (retranslate): sized then, not to the empty
    // items it started with (it showed "N").
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_text->setObjectName(u"noteText"_s);
    handSpentUndoToWindow(m_text);
    m_add->setObjectName(u"addNote"_s);
    m_remove->setObjectName(u"removeNote"_s);
    // Clicked, it kept the focus, and the spaces of the next note typed, without a look at the
    // field, removed a note each.
    m_remove->setFocusPolicy(Qt::TabFocus);
    m_view->setObjectName(u"notesView"_s);
    m_problem->setObjectName(u"notesProblem"_s);
    m_problem->setWordWrap(true);
    // A long speaker's name and affiliation wrap, so they never widen the window; in two lines
    // at most, whole in the tooltip: a third line grew the panel and moved the note field up,
    // under the rapporteur's pointer.
    m_speech->setWordWrap(true);
    m_speech->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    showAsProblem(m_problem);
    for (NoteKind k : {NoteKind::Note, NoteKind::KeyTakeaway, NoteKind::CallToAction})
        m_kind->addItem(QString(), int(k));
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setSectionResizeMode(NotesModel::TextColumn, QHeaderView::Stretch);
    // "Key takeaway" and "Call to action" read whole (they were cut to "Key ta…").
    m_view->header()->setSectionResizeMode(NotesModel::KindColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(NotesModel::TimeColumn, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    typingGoesTo(m_view, m_text);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    auto* entry = new QHBoxLayout;
    entry->addWidget(m_kind);
    entry->addWidget(m_text, 1);
    entry->addWidget(m_add);
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->addWidget(m_speech);
    layout->addLayout(entry);
    layout->addWidget(m_problem);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_remove, 0, Qt::AlignRight);
    setWidget(body);

    // A note goes with the speech under way when it was begun: the moderator calling the next
    // speaker while the rapporteur typed put it under the wrong speech, for good.
    connect(m_text, &QLineEdit::textEdited, this, [this](const QString& text) {
        const qint64 before = m_begunAt;
        m_begunAt = text.trimmed().isEmpty() ? 0 : before > 0 ? before : cockpit().now();
        if (m_begunAt != before)
            showCurrentSpeech();
    });
    connect(m_text, &QLineEdit::textEdited, this, &NotesDock::keepDraftSoon);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        for (QAction* a : m_kindActions->actions())
            a->setChecked(a->data() == m_kind->currentData());
        if (!m_text->text().isEmpty())
            keepDraftSoon();
    });
    connect(m_text, &QLineEdit::returnPressed, this, &NotesDock::addNote);
    connect(m_add, &QPushButton::clicked, this, &NotesDock::addNote);
    connect(m_remove, &QPushButton::clicked, this, &NotesDock::removeSelected);
    connect(m_view, &QTreeView::customContextMenuRequested, this, [this](const QPoint& at) {
        if (QMenu* menu = menuFor(m_view->indexAt(at))) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_view->viewport()->mapToGlobal(at));
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &NotesDock::updateControls);
    connect(m_model, &QAbstractItemModel::modelReset, this, &NotesDock::updateControls);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &NotesDock::updateControls);
    connect(m_model, &QAbstractItemModel::rowsInserted, m_view, &QTreeView::expandAll);
    connect(m_model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    // A speech's heading ("Wout De Natris, 10:32") runs across the columns: in the narrow kind
    // column it read "Wout De …".
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex& parent, int first, int last) {
                if (!parent.isValid())
                    spanSpeechRows(first, last);
            });
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { spanSpeechRows(0, m_model->rowCount() - 1); });
    spanSpeechRows(0, m_model->rowCount() - 1);
    m_view->expandAll(); // the notes taken before the dock was first shown
    m_problem->setText(m_problemText);
    m_problem->setVisible(!m_problemText.isEmpty());
    takeUpDraft();
}

void NotesDock::spanSpeechRows(int first, int last) {
    for (int row = first; row <= last; ++row)
        m_view->setFirstColumnSpanned(row, {}, true);
}

void NotesDock::setSessionFile(SessionFile* file) {
    // A draft goes with the session it is written in, as of now. The same session again keeps
    // the speech it was begun in: a rejoin after a crash gives a new joined copy, empty at first,
    // and the note restored from before went with whoever spoke when the copy filled.
    const QString session = file ? file->sessionId() : QString();
    if (!session.isEmpty() && session != std::exchange(m_fieldSession, session))
        m_begunAt = 0;
    m_draftPause.stop();
    if (auto loaded = m_model->setFile(file); !loaded)
        showProblem(loaded.error());
    enableActions();
    if (isBuilt()) {
        updateControls();
        takeUpDraft();
    }
}

// The note being typed is kept as it is typed, in the settings under its session and seat: a
// crash or a flat battery lost it. Not in the session file: a rapporteur who restarts and joins
// again writes into a new joined copy, which the draft would not be in.
QString NotesDock::draftKey() const {
    const SessionFile* file = m_model->file();
    if (!file || file->isReadOnly() || file->sessionId().isEmpty())
        return {};
    return u"noteDrafts/%1-%2"_s.arg(file->sessionId(), seatKey(cockpit().seat()));
}

// Each keeping writes the settings file through to the disk: one at most every 300 ms while
// the rapporteur types, with the latest text each time.
void NotesDock::keepDraftSoon() {
    if (m_draftPause.isActive()) {
        m_draftDue = true;
        return;
    }
    keepDraft();
    m_draftPause.start();
}

void NotesDock::keepDraft() {
    m_draftDue = false;
    const QString key = draftKey();
    if (key.isEmpty())
        return;
    QSettings settings;
    // Where it was kept before (another session's file opened, another seat taken): it is this
    // one's now, and came back there once added here.
    if (!m_draftKeptUnder.isEmpty() && m_draftKeptUnder != key)
        settings.remove(m_draftKeptUnder);
    m_draftKeptUnder = m_text->text().isEmpty() ? QString() : key;
    settings.remove(key);
    if (!m_text->text().isEmpty()) {
        settings.beginGroup(key);
        settings.setValue(u"text"_s, m_text->text());
        settings.setValue(u"kind"_s, m_kind->currentData());
        settings.setValue(u"begunAt"_s, m_begunAt);
        settings.endGroup();
    }
    settings.sync();
    if (settings.status() != QSettings::NoError)
        showProblem(tr("The note being typed cannot be kept in %1 (is the disk full?): it is "
                       "still in the field, and is kept in the session once added.")
                        .arg(QDir::toNativeSeparators(settings.fileName())));
}

// What was being typed when Podium last stopped on this session, back in the field as it was.
// A field already holding text keeps it: that is the draft now, in this session.
void NotesDock::takeUpDraft() {
    const QString key = draftKey();
    if (key.isEmpty())
        return;
    if (!m_text->text().isEmpty())
        return keepDraft();
    QSettings settings;
    settings.beginGroup(key);
    const QString text = settings.value(u"text"_s).toString();
    if (text.isEmpty())
        return;
    m_text->setText(text);
    m_draftKeptUnder = key;
    m_begunAt = settings.value(u"begunAt"_s).toLongLong();
    if (const int kind = m_kind->findData(settings.value(u"kind"_s).toInt()); kind >= 0)
        m_kind->setCurrentIndex(kind);
    showCurrentSpeech();
}

// What a note's undo step asks of the dock: to say why it could not be done, and to give an
// added note's line back to the field or take it out again.
struct NoteStepHooks {
    std::function<void(QString)> problem;
    std::function<void(const Note&)> giveBack;
    std::function<void(const Note&)> takeBack;
};

namespace {

// The Edit menu names the step by the note's beginning.
QString shortened(const QString& text) {
    constexpr int shown = 30;
    return text.size() <= shown ? text : text.left(shown).trimmed() + u'…';
}

// Adding or removing a note is a step of Edit → Undo like the session's own: undo takes back a
// note just added (Ctrl+Z in the emptied field undid some earlier step of the session instead),
// or writes a removed one back as it was. Both act on the session's file (opening another file
// empties the stack anyway), known by its session: after Save As the note goes back into the
// copy (compared by pointer, it said "another session file", and a new file at the old address
// would have passed). Undoing an add gives the line back to the field, to be put right and added
// again (unless another is being typed there), as a mail program's "undo send" does; redoing it
// takes it out again.
class NoteStep final : public QUndoCommand {
public:
    enum class Kind { Added, Removed };

    NoteStep(Kind kind, NotesModel& model, const Note& note, NoteStepHooks dock)
        : QUndoCommand(kind == Kind::Added
                           ? NotesDock::tr("Add note “%1”").arg(shortened(note.text))
                           : NotesDock::tr("Remove note “%1”").arg(shortened(note.text)))
        , m_kind(kind)
        , m_model(model)
        , m_session(model.file() ? model.file()->sessionId() : QString())
        , m_note(note)
        , m_dock(std::move(dock)) {}

    void redo() override {
        if (m_kind == Kind::Removed)
            takeAway();
        else if (std::exchange(m_pushed, true) && putBack()) // pushed once the field had added it
            m_dock.takeBack(m_note);
    }

    void undo() override {
        if (m_kind == Kind::Removed)
            putBack();
        else if (takeAway())
            m_dock.giveBack(m_note);
    }

private:
    bool inItsSession() {
        if (m_model.file() && m_model.file()->sessionId() == m_session)
            return true;
        giveUp(NotesDock::tr("The note was in another session file."));
        return false;
    }

    bool takeAway() {
        if (!inItsSession())
            return false;
        // As it is now: edited since, it comes back edited.
        if (const Note* now = m_model.noteAt(m_model.indexOf(m_note.id)))
            m_note = *now;
        if (auto removed = m_model.remove(m_note.id); !removed)
            return giveUp(removed.error());
        return true;
    }

    bool putBack() {
        if (!inItsSession())
            return false;
        auto back = m_model.restore(m_note);
        if (!back)
            return giveUp(back.error());
        m_note.id = back.value().id;
        return true;
    }

    bool giveUp(const QString& why) {
        m_dock.problem(why);
        setObsolete(true); // the stack drops a step that cannot be done
        return false;
    }

    Kind m_kind;
    NotesModel& m_model;
    QString m_session;
    Note m_note;
    NoteStepHooks m_dock;
    bool m_pushed = false;
};

} // namespace

NoteStepHooks NotesDock::stepHooks() {
    return {[this](const QString& why) { showProblem(why); },
            [this](const Note& note) { giveBackToField(note); },
            [this](const Note& note) {
                takeOutOfField(note);
            }};
}

void NotesDock::addNote() {
    const auto kind = NoteKind(m_kind->currentData().toInt());
    auto added = m_model->add(kind, m_text->text(), m_begunAt);
    if (!added) {
        showProblem(added.error());
        return;
    }
    cockpit().undoStack().push(
        new NoteStep(NoteStep::Kind::Added, *m_model, added.value(), stepHooks()));
    m_problemText.clear();
    m_problem->hide();
    emptyField(m_text);
    m_begunAt = 0;
    showCurrentSpeech();
    // A key takeaway or a call to action is the exception: the next line is a plain note again.
    m_kind->setCurrentIndex(0);
    m_draftPause.stop();
    keepDraft(); // none now
    // Where it went: a note added while the rapporteur had scrolled back to read earlier ones
    // went out of sight at the foot of a long list.
    m_view->scrollTo(m_model->indexOf(added.value().id));
}

// An added note taken back: its line, to be put right and added again. A line being typed
// meanwhile stays; the note is gone all the same, as asked.
void NotesDock::giveBackToField(const Note& note) {
    if (!isBuilt() || !m_text->text().isEmpty())
        return;
    m_text->setText(note.text);
    m_begunAt = note.at;
    if (const int kind = m_kind->findData(int(note.kind)); kind >= 0)
        m_kind->setCurrentIndex(kind);
    showCurrentSpeech();
    keepDraft();
    m_text->setFocus();
}

void NotesDock::takeOutOfField(const Note& note) {
    if (!isBuilt() || m_text->text() != note.text)
        return;
    emptyField(m_text);
    m_begunAt = 0;
    m_kind->setCurrentIndex(0);
    showCurrentSpeech();
    keepDraft();
}

QMenu* NotesDock::menuFor(const QModelIndex& index) {
    const Note* note = m_model->noteAt(index);
    if (!note || !m_model->file())
        return nullptr;
    return refileMenu(*m_model, *note, cockpit().undoStack(), this,
                      [this](const QString& why) { showProblem(why); });
}

void NotesDock::removeSelected() {
    const Note* note = m_model->noteAt(m_view->currentIndex());
    if (!note)
        return;
    cockpit().undoStack().push(new NoteStep(NoteStep::Kind::Removed, *m_model, *note, stepHooks()));
    // The row that took its place stayed current, and a second click removed a key takeaway
    // nobody meant to remove.
    m_view->setCurrentIndex({});
    m_text->setFocus(); // the next thing a rapporteur does is write
}

void NotesDock::showCurrentSpeech() {
    if (!isBuilt())
        return;
    if (m_begunAt > 0)
        m_speech->setText(tr("This note goes with: %1")
                              .arg(m_model->headingFor(m_model->speechAt(m_begunAt), m_begunAt)));
    else
        m_speech->setText(
            tr("New notes go with: %1")
                .arg(m_model->headingFor(m_model->currentSpeech(), cockpit().engine().now())));
    m_speech->setToolTip(m_speech->text());
}

// A call undone on the host took the rapporteur's notes on that speech elsewhere without a word:
// the report filed them under the speaker before.
void NotesDock::sayNotesMoved(const QList<Note>& moved) {
    if (moved.size() == 1) {
        const Note& note = moved.first();
        const QString text = fontMetrics().elidedText(note.text, Qt::ElideRight, 250);
        emit cockpit().info(tr("Your note “%1” now goes under “%2”: by the host's latest events, "
                               "that is where it was written. Right-click it to file it "
                               "elsewhere.")
                                .arg(text, m_model->headingFor(note.speechEntryId, note.at)));
        return;
    }
    emit cockpit().info(tr("%n of your notes now go under other speeches: by the host's latest "
                           "events, that is where they were written. Right-click one to file it "
                           "elsewhere.",
                           nullptr, int(moved.size())));
}

// Kept until the widgets are made, when the dock waits for its first showing.
void NotesDock::showProblem(const QString& text) {
    m_problemText = text;
    if (!isBuilt())
        return;
    m_problem->setText(text);
    m_problem->show();
}

void NotesDock::updateControls() {
    const bool canWrite = m_model->file() != nullptr;
    m_text->setEnabled(canWrite);
    m_add->setEnabled(canWrite);
    m_kind->setEnabled(canWrite);
    // Only over a note: group rows (the speeches) and an empty list have nothing to remove.
    m_remove->setEnabled(canWrite && m_view->currentIndex().data(NotesModel::NoteIdRole).isValid());
    // A moderator's notes stay on their laptop: the rapporteur's report never has them, which
    // a moderator learnt only from that report.
    const bool rapporteur = cockpit().seat() == Seat::Rapporteur;
    // (Which speech it goes with is the line beside: "A note on this speech" between speeches
    // said one thing, and that line another.)
    const QString note = rapporteur ? tr("A note; Enter saves it")
                                    : tr("A note, kept on this laptop only (not in the "
                                         "rapporteur's report); Enter saves it");
    m_text->setPlaceholderText(canWrite ? note : tr("Open or save a session file to keep notes"));
    m_text->setToolTip(canWrite && !rapporteur ? note : QString());
}

QString NotesDock::title() const {
    return tr("Notes");
}

void NotesDock::retranslate() {
    m_text->setAccessibleName(tr("Note"));
    m_kind->setAccessibleName(tr("Kind of note"));
    m_view->setAccessibleName(tr("Notes"));
    m_speech->setFixedHeight(2 * m_speech->fontMetrics().lineSpacing());
    for (int i = 0; i < m_kind->count(); ++i)
        m_kind->setItemText(i, noteKindLabel(NoteKind(m_kind->itemData(i).toInt())));
    m_add->setText(tr("Add"));
    nameActions();
    m_remove->setText(tr("Remove note"));
    showCurrentSpeech();
    updateControls();
}

void attachNotes(MainWindow& window, SessionFile* file) {
    if (auto* dock = qobject_cast<NotesDock*>(window.dock(u"notesDock"_s)))
        dock->setSessionFile(file);
}

} // namespace podium
