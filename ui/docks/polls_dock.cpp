#include "polls_dock.h"

#include "shortcuts_dialog.h"

#include "commands/expectation.h"

#include "models/tally_model.h"
#include "poll_chart.h"
#include "table_columns.h"
#include "web_voting_row.h"

#include <QAction>
#include <QApplication>
#include <QCborArray>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

// Up and Down go to the next option, as in a spreadsheet, and the wheel scrolls the table: in a
// spin box they stepped the figure being typed, and the next digit replaced it.
class TallyBox : public QSpinBox {
public:
    using QSpinBox::QSpinBox;

protected:
    void keyPressEvent(QKeyEvent* event) override {
        switch (event->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
            event->ignore(); // to the table, which moves to that cell and keeps the figure
            return;
        default:
            QSpinBox::keyPressEvent(event);
        }
    }
    void wheelEvent(QWheelEvent* event) override { event->ignore(); }

public:
    // The figure the cell held when last shown here: what is typed is what differs from it.
    int shown = -1;
};

// Counts only: a box from 0 to the most a tally may hold, so that letters or a minus sign cannot
// be typed (they used to be dropped without a word when the cell was left).
class TallyDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&,
                          const QModelIndex&) const override {
        auto* box = new TallyBox(parent);
        box->setObjectName(u"tallyEditor"_s);
        box->setRange(0, int(maxVotesPerTally));
        box->setFrame(false);
        box->setButtonSymbols(QAbstractSpinBox::NoButtons);
        box->setAlignment(Qt::AlignRight | Qt::AlignVCenter); // where the figure stands shown
        return box;
    }
    // The other seat's figure arriving while one is typed here replaced it under the cursor; an
    // editor nothing was typed in follows it, so that Return does not send the old one back.
    void setEditorData(QWidget* editor, const QModelIndex& index) const override {
        auto* box = static_cast<TallyBox*>(editor);
        if (box->shown >= 0 && box->value() != box->shown)
            return;
        box->shown = index.data(Qt::EditRole).toInt();
        box->setValue(box->shown);
        box->selectAll(); // whole: a digit typed next replaces it, not part of it
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override {
        auto* box = static_cast<TallyBox*>(editor);
        box->interpretText();
        if (box->value() == box->shown) // nothing typed: nothing to enter
            return;
        model->setData(index, box->value(), Qt::EditRole);
        box->shown = box->value(); // entered: what the cell holds from now on
    }
};

} // namespace

PollsDock::PollsDock(Cockpit& cockpit, QWidget* parent)
    : SessionDock(cockpit, u"pollsDock"_s, parent)
    , m_tallies(new TallyModel(cockpit.engine(), this))
    , m_selector(new QComboBox)
    , m_createBox(new QGroupBox)
    , m_newPoll(new QPushButton)
    , m_question(new QLineEdit)
    , m_options(new QPlainTextEdit)
    , m_multiple(new QCheckBox)
    , m_create(new QPushButton)
    , m_openClose(new QPushButton)
    , m_editDraft(new QPushButton)
    , m_removeDraft(new QPushButton)
    , m_table(new QTableView)
    , m_totals(new QLabel)
    , m_webVoting(new WebVotingRow(cockpit, m_totals))
    , m_openCloseAction(new QAction(this)) {
    m_selector->setObjectName(u"pollSelector"_s);
    // A long question must not make the panel wider than a small screen: it is cut instead.
    m_selector->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_selector->setMinimumContentsLength(20);
    m_openClose->setObjectName(u"openClosePoll"_s);
    m_editDraft->setObjectName(u"editDraftPoll"_s);
    m_removeDraft->setObjectName(u"removeDraftPoll"_s);
    m_table->setObjectName(u"tallyView"_s);
    m_totals->setObjectName(u"pollTotals"_s);
    m_openCloseAction->setObjectName(u"openClosePollAction"_s);
    m_openCloseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_openCloseAction->setProperty(shortcutNeedsControlProperty, true);
    addAction(m_openCloseAction);
    m_table->setModel(m_tallies);
    m_table->setItemDelegate(new TallyDelegate(m_table));
    // After the view is done with the editor (its figure is in by then, or given up).
    connect(m_table->itemDelegate(), &QAbstractItemDelegate::closeEditor, this,
            &PollsDock::showPollOpenedWhileTyping, Qt::QueuedConnection);
    m_table->horizontalHeader()->setStretchLastSection(false);
    keepColumnReadable(m_table, TallyModel::Option, 20);
    m_table->verticalHeader()->hide();
    // Rows of the style's 30 px took the queue's room above, with a poll of four options open, down
    // to four rows; a figure typed in a cell needs only its line.
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    connect(m_tallies, &QAbstractItemModel::modelReset, this, &PollsDock::fitTallyTable);
    connect(m_tallies, &QAbstractItemModel::rowsInserted, this, &PollsDock::fitTallyTable);
    connect(m_tallies, &QAbstractItemModel::rowsRemoved, this, &PollsDock::fitTallyTable);
    m_tallies->setTallySetter([this](Id poll, int option, TallySource source, qint64 count) {
        setTally(poll, option, source, count);
    });

    auto* body = new QWidget;
    m_layout = new QVBoxLayout(body);
    auto* top = new QHBoxLayout;
    top->addWidget(m_selector, 1);
    top->addWidget(m_openClose);
    top->addWidget(m_editDraft);
    top->addWidget(m_removeDraft);
    top->addWidget(m_newPoll);
    m_layout->addLayout(top);
    m_layout->addWidget(m_table);
    m_layout->addWidget(m_webVoting); // with the totals; the chart comes below, with the first poll
    m_layout->addWidget(buildCreateForm());
    // Takes the room the chart leaves (none yet, or a draft shown): the totals stood apart from
    // their table. A shown chart's stretch takes it first.
    m_layout->addStretch();
    setWidget(body);

    connect(m_selector, &QComboBox::currentIndexChanged, this, &PollsDock::showSelected);
    connect(m_openClose, &QPushButton::clicked, this, [this] { toggleOpen(false); });
    connect(m_editDraft, &QPushButton::clicked, this, &PollsDock::editDraft);
    connect(m_removeDraft, &QPushButton::clicked, this, &PollsDock::removeDraft);
    connect(m_openCloseAction, &QAction::triggered, this, [this] { toggleOpen(true); });
    connect(&cockpit.engine(), &SessionEngine::eventApplied, this, &PollsDock::onEvent);
    // Another session (a file opened, a join): its polls' ids start again from 1, and the id shown
    // before named one of them, not the one under way.
    m_shownSession = cockpit.state().sessionId;
    connect(&cockpit.engine(), &SessionEngine::stateReset, this, [this] {
        if (m_shownSession != this->cockpit().state().sessionId)
            m_selector->setCurrentIndex(-1);
        m_shownSession = this->cockpit().state().sessionId;
        refreshPolls();
    });
    finishSetup(); // which shows the polls
    fitTallyTable();
}

// The tallies are what the online moderator types in and the room hears read out: the table
// asks for the height of all its options (up to a dozen) and never takes more, and the chart
// takes the rest; on a small screen it may shrink to four rows and scroll. Left to the layout,
// it got a fixed share of the height and cut the last row by a few pixels.
void PollsDock::fitTallyTable() {
    constexpr int mostRowsShown = 12;
    constexpr int fewestRowsShown = 4;
    const int rows = m_tallies->rowCount();
    const auto heightFor = [this](int shown) {
        return m_table->horizontalHeader()->sizeHint().height() +
               shown * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth();
    };
    m_table->setMinimumHeight(heightFor(qMin(rows, fewestRowsShown)));
    m_table->setMaximumHeight(heightFor(qMin(rows, mostRowsShown)));
}

QWidget* PollsDock::buildCreateForm() {
    m_createBox->setObjectName(u"createPollBox"_s);
    m_question->setObjectName(u"pollQuestion"_s);
    m_options->setObjectName(u"pollOptions"_s);
    m_options->setMaximumHeight(80);
    m_multiple->setObjectName(u"pollMultiple"_s);
    m_create->setObjectName(u"createPoll"_s);
    m_newPoll->setObjectName(u"newPollToggle"_s);
    m_newPoll->setCheckable(true);
    // The form takes room the results need: it shows only while a poll is being written.
    connect(m_newPoll, &QPushButton::toggled, this, &PollsDock::updateControls);
    connect(m_newPoll, &QPushButton::toggled, this, &PollsDock::giveBackFormsRoom);
    auto* form = new QFormLayout(m_createBox);
    form->addRow(m_question);
    form->addRow(m_options);
    auto* row = new QHBoxLayout;
    row->addWidget(m_multiple, 1);
    row->addWidget(m_create);
    form->addRow(row);
    connect(m_create, &QPushButton::clicked, this, &PollsDock::createPoll);
    return m_createBox;
}

// The form made the panel taller, out of the queue's room above it, and closed it left the queue
// short for the rest of the session (and in the saved layout): the panels go back to where they
// were before it opened.
void PollsDock::giveBackFormsRoom(bool formShown) {
    if (formShown)
        QTimer::singleShot(0, this, &PollsDock::showForm);
    auto* window = qobject_cast<QMainWindow*>(parentWidget());
    if (!window || isFloating())
        return;
    if (formShown) {
        m_layoutWithoutForm = window->saveState();
        return;
    }
    // Once the form is hidden and the window has laid the panels out again. Putting the layout
    // back gave the focus to a tab bar, from where typing went on into another panel: a space
    // pressed Disconnect in Connection, and the session stopped being hosted.
    QTimer::singleShot(0, this, [this, window, state = std::exchange(m_layoutWithoutForm, {})] {
        if (state.isEmpty())
            return;
        const QPointer<QWidget> focus = QApplication::focusWidget();
        window->restoreState(state);
        if (focus && focus->isVisible() && QApplication::focusWidget() != focus)
            focus->setFocus(Qt::OtherFocusReason);
    });
}

// The question is typed next, and the form is in sight: clicked open, it kept the focus on the
// button (typing went elsewhere), and below a poll's chart on a laptop screen it opened out of
// sight.
void PollsDock::showForm() {
    if (!m_createBox->isVisible())
        return;
    if (auto* body = qobject_cast<QScrollArea*>(widget())) // the dock's own (SessionDock)
        body->ensureWidgetVisible(m_createBox, 0, 0);
    if (!m_createBox->isAncestorOf(QApplication::focusWidget()))
        m_question->setFocus(Qt::OtherFocusReason);
}

QString PollsDock::title() const {
    return tr("Polls");
}

void PollsDock::retranslate() {
    m_selector->setAccessibleName(tr("Poll"));
    m_table->setAccessibleName(tr("Tallies"));
    m_openCloseAction->setProperty(shortcutLabelProperty, tr("Open or close the poll"));
    m_createBox->setTitle(tr("New poll"));
    m_question->setPlaceholderText(tr("Question"));
    m_options->setPlaceholderText(tr("One option per line"));
    // Both were named after the box ("New poll") for a screen reader.
    m_question->setAccessibleName(m_question->placeholderText());
    m_options->setAccessibleName(tr("Options"));
    m_multiple->setText(tr("Several answers allowed"));
    m_create->setText(m_replacing ? tr("Save poll") : tr("Create poll"));
    m_editDraft->setText(tr("Edit…"));
    m_removeDraft->setText(tr("Delete"));
    m_newPoll->setText(tr("New poll…"));
    m_webVoting->retranslate();
    if (m_chart)
        m_chart->retranslate();
    // Counts as wide as a large room's (a cell holds up to ten million when edited), the share
    // as "100.0%"; the option's text takes the rest.
    const QLocale locale;
    const QString count = locale.toString(88'888);
    sizeColumnsToLabels(m_table,
                        {{TallyModel::Onsite, {count}},
                         {TallyModel::Online, {count}},
                         {TallyModel::Web, {count}},
                         {TallyModel::Total, {locale.toString(888'888)}},
                         {TallyModel::Share, {locale.toString(100.0, 'f', 1) + locale.percent()}}});
    refreshPolls();
}

const Poll* PollsDock::selectedPoll() const {
    return cockpit().state().poll(m_selector->currentData().toLongLong());
}

void PollsDock::updateControls() {
    const Poll* p = selectedPoll();
    const bool open = p && p->status == PollStatus::Open;
    const bool may = cockpit().permits(open ? Action::ClosePoll : Action::OpenPoll);
    m_openClose->setText(!p || p->status == PollStatus::Draft ? tr("Open poll")
                         : open                               ? tr("Close poll")
                                                              : tr("Reopen poll"));
    m_openCloseAction->setText(open                                   ? tr("Close the poll")
                               : p && p->status == PollStatus::Closed ? tr("Reopen the poll")
                                                                      : tr("Open the poll"));
    m_openClose->setEnabled(p && may);
    // The rapporteur's seat changes nothing: a greyed "Close poll" there looked like one it might
    // be given, as the floor's buttons are hidden on it.
    m_openClose->setVisible(cockpit().canControl());
    m_webVoting->updateControls();
    m_openCloseAction->setEnabled(p && may);
    m_openClose->setToolTip(cockpit().whyNotPermitted(Action::OpenPoll));
    const bool mayCreate = cockpit().permits(Action::CreatePoll);
    m_selector->setPlaceholderText(mayCreate ? tr("No poll yet: “New poll…” writes one")
                                   : cockpit().canControl()
                                       ? tr("No poll yet: the in-room moderator writes them")
                                       : tr("No poll yet"));
    m_newPoll->setVisible(mayCreate);
    const bool writing = mayCreate && m_newPoll->isChecked();
    m_createBox->setVisible(writing);
    // While a poll is written its form takes the chart's room (the table keeps the figures read
    // out): below the chart the form was out of sight on a laptop, and the panel grew into the
    // queue's room until the queue showed three rows.
    if (m_chart)
        m_chart->setVisible(p && p->status != PollStatus::Draft && !writing);
    if (!mayCreate) // another seat's layout now: the one saved with the form is not put back
        m_layoutWithoutForm.clear();
    m_createBox->setEnabled(mayCreate);
    // A poll written ahead is put right or dropped until it opens; after, its results stand.
    const bool draft = p && p->status == PollStatus::Draft;
    m_editDraft->setVisible(mayCreate && draft);
    m_removeDraft->setVisible(mayCreate && draft);
    // Closed, the form gives up the draft it was editing: its next poll is a new one, not a copy.
    if (!m_newPoll->isChecked() && std::exchange(m_replacing, 0) != 0) {
        m_create->setText(tr("Create poll"));
        clearForm();
    }
    // Not while the form holds a poll being written: Edit… would replace it.
    m_editDraft->setEnabled(!m_newPoll->isChecked());
    m_tallies->setEditable(cockpit().permits(Action::SetTally));
}

void PollsDock::refreshPolls() {
    const Id current = m_selector->currentData().toLongLong();
    const QSignalBlocker block(m_selector);
    m_selector->clear();
    for (const Poll& p : cockpit().state().polls)
        m_selector->addItem(p.correctedAt
                                ? tr("%1 (%2, corrected)").arg(p.question, label(p.status))
                                : tr("%1 (%2)").arg(p.question, label(p.status)),
                            p.id);
    const int at = m_selector->findData(current);
    m_selector->setCurrentIndex(at >= 0 ? at : m_selector->findData(pollToShowFirst()));
    showSelected();
}

// The one under way, or else the next to run: a plan's drafts come in the order they are to be
// asked, and the demo opened on its last.
Id PollsDock::pollToShowFirst() const {
    const QList<Poll>& polls = cockpit().state().polls;
    for (PollStatus wanted : {PollStatus::Open, PollStatus::Draft}) {
        for (const Poll& p : polls)
            if (p.status == wanted)
                return p.id;
    }
    return polls.isEmpty() ? 0 : polls.last().id;
}

// As the audience display counts them: a poll with several answers allowed counts answers, not
// people (the panel said "Votes in all: 398" of 138 phones while the display said answers).
QString PollsDock::totalsText(const Poll* p) {
    if (!p)
        return {};
    const QString total = QLocale().toString(p->totalVotes());
    return p->multipleChoice ? tr("Answers in all: %1 (several allowed)").arg(total)
                             : tr("Votes in all: %1").arg(total);
}

void PollsDock::showSelected() {
    const Poll* p = selectedPoll();
    if (m_tallies->poll() != (p ? p->id : 0))
        m_tallies->setPoll(p ? p->id : 0);
    if (PollChart* chart = chartFor(p))
        chart->showPoll(p);
    m_totals->setText(totalsText(p));
    updateControls();
}

// Made with the first poll that has run: Qt Charts costs milliseconds at start-up, for a chart
// that has nothing to show until then (empty axes are never shown; nor is a draft's chart, with
// no votes to show: the demo's drafts cost every start 15 ms).
PollChart* PollsDock::chartFor(const Poll* poll) {
    if (!m_chart && poll && !poll->options.isEmpty() && poll->status != PollStatus::Draft) {
        m_chart = new PollChart;
        m_layout->insertWidget(m_layout->indexOf(m_webVoting) + 1, m_chart, 1);
    }
    return m_chart;
}

void PollsDock::showPoll(Id poll) {
    const int at = m_selector->findData(poll);
    if (at >= 0 && at != m_selector->currentIndex())
        m_selector->setCurrentIndex(at);
}

void PollsDock::showPollOpenedWhileTyping() {
    const Id poll = std::exchange(m_openedWhileTyping, 0);
    const Poll* p = cockpit().state().poll(poll);
    if (p && p->status == PollStatus::Open)
        showPoll(poll);
}

void PollsDock::onEvent(const Event& event, const SessionState& before) {
    switch (event.action) {
    case Action::CreatePoll:
        refreshPolls();
        // The poll this seat just made is the one to open and tally next (not the one shown
        // before, which Ctrl+P would otherwise close).
        if (!m_creating.isEmpty() &&
            event.data.value(u"poll"_s).toMap().value(u"question"_s).toString() == m_creating) {
            m_creating.clear();
            m_selector->setCurrentIndex(m_selector->count() - 1);
        }
        break;
    case Action::OpenPoll: {
        refreshPolls();
        // The poll just opened (on any seat) is the one whose votes come in now: the online
        // moderator was left on the closed one, with "Reopen poll" beside it.
        // (Not while a tally is being typed here: switching would drop it. Once it is in: the
        // online moderator typing a late figure was left on the closed poll for good, and the
        // new poll's online votes could go into the old one.)
        const Id opened = event.data.value(u"poll"_s).toInteger();
        const auto* typing = m_table->viewport()->findChild<QWidget*>(u"tallyEditor"_s);
        if (typing && typing->isVisible())
            m_openedWhileTyping = opened;
        else
            showPoll(opened);
        // (Not for one opened long before: a joined seat catching up.)
        constexpr qint64 justNowMs = 10'000;
        if (!cockpit().engine().issuedHere(event.commandId) &&
            cockpit().now() - event.at < justNowMs)
            bringForwardForTallies(opened);
        break;
    }
    case Action::RemovePoll:
    case Action::RestorePoll:
    case Action::EditPoll:
    case Action::ClosePoll:
    case Action::CreateSession:
        refreshPolls();
        break;
    case Action::SetTally:
        if (correctedPoll(event, before)) {
            refreshPolls(); // its label says "corrected" from now on
            sayCorrected(event, before);
        } else {
            showSelected();
        }
        break;
    default:
        break;
    }
}

// Opened on another seat, the poll whose online votes this seat enters came with no sign: the
// Polls panel sat behind Participants. It comes to the front, unless the moderator is typing in
// the panel it would cover.
void PollsDock::bringForwardForTallies(Id poll) {
    const Poll* p = cockpit().state().poll(poll);
    if (!p || !cockpit().permits(Action::SetTally))
        return;
    const QWidget* focus = QApplication::focusWidget();
    const auto* window = qobject_cast<QMainWindow*>(parentWidget());
    const auto hasFocus = [focus](const QDockWidget* d) {
        return focus && d->isAncestorOf(focus);
    };
    const QList<QDockWidget*> beside =
        window ? window->tabifiedDockWidgets(this) : QList<QDockWidget*>{};
    // The online moderator's job is its online tallies; the in-room moderator, who runs polls,
    // keeps the panel they were looking at, told at the window's foot.
    if (cockpit().seat() == Seat::OnlineModerator &&
        std::none_of(beside.begin(), beside.end(), hasFocus))
        raise();
    emit cockpit().info(
        tr("The poll “%1” was opened on another seat: its tallies go in Polls.").arg(p->question));
}

// The draft's question and options go into the form; saved, they replace the draft.
void PollsDock::editDraft() {
    const Poll* p = selectedPoll();
    if (!p || p->status != PollStatus::Draft)
        return;
    m_question->setText(p->question);
    m_options->setPlainText(p->options.join(u'\n'));
    m_multiple->setChecked(p->multipleChoice);
    m_newPoll->setChecked(true);
    m_replacing = p->id;
    m_create->setText(tr("Save poll"));
    m_question->setFocus();
}

// Only while it is a draft, which the host checks too: opened on the other seat meanwhile, it
// has votes.
void PollsDock::removeDraft() {
    if (const Poll* p = selectedPoll(); p && p->status == PollStatus::Draft)
        cockpit().run(Action::RemovePoll, {{u"poll"_s, p->id}, {u"draftOnly"_s, true}},
                      tr("Delete the poll “%1”").arg(p->question));
}

// The form's poll, new or (after Edit…) the draft it was taken from, in its place and under its
// id.
void PollsDock::createPoll() {
    QCborArray options;
    for (const QString& line : m_options->toPlainText().split(u'\n', Qt::SkipEmptyParts))
        options.append(line.trimmed());
    const qint64 before = cockpit().state().lastSeq;
    const QString question = m_question->text().trimmed();
    QCborMap args{{u"question"_s, question},
                  {u"options"_s, options},
                  {u"multiple"_s, m_multiple->isChecked()}};
    if (const Poll* draft = cockpit().state().poll(m_replacing)) {
        args[u"poll"_s] = draft->id;
        cockpit().run(Action::EditPoll, args, tr("Edit the poll “%1”").arg(draft->question));
    } else {
        m_creating = question;
        cockpit().run(Action::CreatePoll, args, tr("Create the poll “%1”").arg(question));
    }
    if (cockpit().state().lastSeq == before && !cockpit().engine().isForwarding())
        return; // refused, and said why: what was typed stays
    clearForm();
    m_newPoll->setChecked(false);
}

void PollsDock::clearForm() {
    m_question->clear();
    m_options->clear();
    m_multiple->setChecked(false);
}

// Ctrl+P pressed twice closed the poll and opened it again, for the projector to show "voting
// is open" over results read out as final: reopening by key asks first (the button says
// "Reopen poll").
void PollsDock::toggleOpen(bool byKey) {
    const Poll* p = selectedPoll();
    if (!p)
        return;
    // Copied: another seat's event while the question is up may move the state's polls.
    const Id id = p->id;
    const bool open = p->status == PollStatus::Open;
    if (byKey && p->status == PollStatus::Closed &&
        QMessageBox::question(this, tr("Reopen the poll"),
                              tr("“%1” is closed. Open it again for more votes?").arg(p->question),
                              QMessageBox::Yes | QMessageBox::No,
                              QMessageBox::No) != QMessageBox::Yes)
        return;
    cockpit().run(open ? Action::ClosePoll : Action::OpenPoll, {{u"poll"_s, id}},
                  open ? tr("Close the poll") : tr("Open the poll"));
}

// A closed poll's tally may still be put right (the chat's votes counted after the room's), but
// not without a word: its results, read out as final, change on every screen (sayCorrected).
// Named by its cell: after seven tallies, "Undo Enter a tally" did not say which it would take
// back.
void PollsDock::setTally(Id poll, int option, TallySource source, qint64 count) {
    const Poll* p = cockpit().state().poll(poll);
    const QString cell = p && option >= 0 && option < p->options.size()
                             ? tr("Enter a tally: %1, %2").arg(p->options[option], label(source))
                             : tr("Enter a tally");
    QCborMap args{
        {u"poll"_s, poll}, {u"option"_s, option}, {u"source"_s, key(source)}, {u"count"_s, count}};
    // Phones' votes land in the Web column while a figure is typed over it: set over votes
    // counted meanwhile, it lost them. The host refuses it then, and says what the tally is now.
    if (source == TallySource::Web && p && option >= 0 && option < p->tallies.size())
        args = expecting(Command{{}, {}, {}, Action::SetTally, args},
                         QCborValue(p->tallies[option][std::size_t(source)]))
                   .args;
    cockpit().run(Action::SetTally, args, cell);
}

// A tally of a poll that was closed: its results, read out as final, change.
const Poll* PollsDock::correctedPoll(const Event& event, const SessionState& before) const {
    const Id poll = event.data.value(u"poll"_s).toInteger();
    const Poll* was = before.poll(poll);
    return was && was->status == PollStatus::Closed ? cockpit().state().poll(poll) : nullptr;
}

// Said once the host has taken it, on every seat: the in-room moderator, who had read the
// results out, saw them change with no word when the online moderator put a tally right. Put
// back as they were read out (an undo), they are said to be so, not corrected.
void PollsDock::sayCorrected(const Event& event, const SessionState& before) {
    const Poll* now = correctedPoll(event, before);
    const bool asReadOut = now->correctedAt == 0;
    if (cockpit().engine().issuedHere(event.commandId)) {
        emit cockpit().info(
            asReadOut ? tr("“%1” is closed: its results are back to those it closed with, on every "
                           "screen and in the report.")
                            .arg(now->question)
                      : tr("“%1” is closed: its results were corrected, on every screen and in "
                           "the report.")
                            .arg(now->question));
        return;
    }
    const Poll* was = before.poll(now->id);
    const auto option = event.data.value(u"option"_s).toInteger(-1);
    const auto source = fromKey<TallySource>(event.data.value(u"source"_s).toString());
    if (option < 0 || option >= was->tallies.size() || option >= now->tallies.size() || !source)
        return;
    const QString change = tr("%1, %2, %3 → %4")
                               .arg(now->options.value(option), label(*source))
                               .arg(was->tallies[option][std::size_t(*source)])
                               .arg(now->tallies[option][std::size_t(*source)]);
    emit cockpit().info(
        asReadOut ? tr("“%1” is closed, and another seat put its results back to those it closed "
                       "with: %2.")
                        .arg(now->question, change)
                  : tr("“%1” is closed, and another seat corrected its results: %2. They change "
                       "on every screen and in the report.")
                        .arg(now->question, change));
}

} // namespace podium
