#include "queue_dock.h"
#include "shortcuts_dialog.h"

#include "commands/advice.h"
#include "models/queue_model.h"
#include "quick_add.h"
#include "table_columns.h"
#include "view_focus.h"

#include <QAction>
#include <QCborArray>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace podium {

QueueDock::QueueDock(Cockpit& cockpit, QWidget* parent)
    : SessionDock(cockpit, u"queueDock"_s, parent)
    , m_model(new QueueModel(cockpit.engine(), this))
    , m_quickAdd(new QuickAdd(cockpit))
    , m_view(new QTreeView)
    , m_suggestion(new QLabel)
    , m_callSuggested(new QPushButton)
    , m_callSelected(new QPushButton)
    , m_withdraw(new QPushButton) {
    m_view->setObjectName(u"queueView"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    // One line per row: a long queue is laid out without measuring each row.
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    selectCurrentOnKeyboardFocus(m_view);
    m_view->setDragDropMode(QAbstractItemView::InternalMove);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDropIndicatorShown(true);
    // The other columns hold labels from short fixed lists, so their widths come from those
    // lists (sizeColumns) rather than from measuring rows on every change of the queue.
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->header()->setStretchLastSection(false);
    keepColumnReadable(m_view, QueueModel::Name, 24); // a name and a short affiliation
    offerColumnChoice(m_view, QueueModel::Name, {});  // e.g. Region, on a small screen
    m_suggestion->setObjectName(u"suggestion"_s);
    m_suggestion->setWordWrap(true);
    m_callSuggested->setObjectName(u"callSuggested"_s);
    m_callSelected->setObjectName(u"callSelected"_s);
    m_withdraw->setObjectName(u"withdrawButton"_s);
    m_quickAdd->setRelatedEntryProvider([this] { return relatedEntry(); });

    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->addWidget(m_quickAdd);
    layout->addWidget(m_view, 1);
    auto* suggestionRow = new QHBoxLayout;
    suggestionRow->addWidget(m_suggestion, 1);
    suggestionRow->addWidget(m_callSuggested);
    layout->addLayout(suggestionRow);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_callSelected);
    buttons->addWidget(m_withdraw);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    setWidget(body);

    connect(m_model, &QueueModel::moveRequested, this, &QueueDock::moveEntry);
    connect(m_callSelected, &QPushButton::clicked, this, &QueueDock::callSelected);
    connect(m_callSuggested, &QPushButton::clicked, this, &QueueDock::callSuggested);
    connect(m_withdraw, &QPushButton::clicked, this, &QueueDock::toggleWithdrawn);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueueDock::updateControls);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, m_quickAdd,
            &QuickAdd::showKindTargets);
    connect(m_view, &QTreeView::doubleClicked, this, &QueueDock::callSelected);
    connect(&cockpit.engine(), &SessionEngine::eventApplied, this, &QueueDock::refreshSuggestion);
    connect(&cockpit.engine(), &SessionEngine::stateReset, this, &QueueDock::refreshSuggestion);
    buildActions();
    finishSetup(); // which suggests the next speaker
}

void QueueDock::sizeColumns() {
    sizeColumnsToLabels(m_view, {{QueueModel::Kind, labelsOf<EntryKind>()},
                                 {QueueModel::Channel, labelsOf<Presence>()},
                                 {QueueModel::Group, labelsOf<StakeholderGroup>()},
                                 {QueueModel::Region, labelsOf<Region>()}});
}

void QueueDock::buildActions() {
    m_focusAdd = new QAction(this);
    m_focusAdd->setObjectName(u"focusQuickAddAction"_s);
    m_focusAdd->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_focusAdd->setProperty(shortcutNeedsControlProperty, true);
    connect(m_focusAdd, &QAction::triggered, this, [this] {
        show();
        raise();
        m_quickAdd->focusInput();
    });
    addAction(m_focusAdd);
    // The queue was reordered by dragging only: no way by the keyboard. On the queue itself
    // only: Alt+Down elsewhere opens a combo box's list.
    m_moveUp = new QAction(this);
    m_moveUp->setObjectName(u"moveUpAction"_s);
    m_moveUp->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_moveUp->setShortcutContext(Qt::WidgetShortcut);
    m_moveUp->setProperty(shortcutNeedsControlProperty, true);
    connect(m_moveUp, &QAction::triggered, this, [this] { moveSelected(-1); });
    m_view->addAction(m_moveUp);
    m_moveDown = new QAction(this);
    m_moveDown->setObjectName(u"moveDownAction"_s);
    m_moveDown->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_moveDown->setShortcutContext(Qt::WidgetShortcut);
    m_moveDown->setProperty(shortcutNeedsControlProperty, true);
    connect(m_moveDown, &QAction::triggered, this, [this] { moveSelected(1); });
    m_view->addAction(m_moveDown);
}

QString QueueDock::title() const {
    return tr("Queue");
}

void QueueDock::retranslate() {
    m_view->setAccessibleName(tr("Queue"));
    m_callSuggested->setText(tr("Call suggested"));
    m_callSelected->setText(tr("Call selected"));
    m_focusAdd->setText(tr("Add to the queue…"));
    m_moveUp->setText(tr("Move the selected speaker up"));
    m_moveDown->setText(tr("Move the selected speaker down"));
    m_view->setToolTip(tr("Drag a row, or Alt+Up / Alt+Down, to move a speaker in the queue"));
    m_quickAdd->retranslate();
    sizeColumns();
    m_suggestedFrom.reset(); // for the reason in the new language
    refreshSuggestion();
}

Id QueueDock::selectedEntry() const {
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : m_model->entryAt(rows.first().row());
}

Id QueueDock::relatedEntry() const {
    if (const Id selected = selectedEntry())
        return selected;
    const auto& floor = cockpit().state().floor;
    return floor ? floor->entry.id : 0;
}

void QueueDock::updateControls() {
    const bool control = cockpit().canControl();
    m_quickAdd->setVisible(control);
    m_focusAdd->setEnabled(control);
    m_view->setDragEnabled(control);
    m_view->setAcceptDrops(control);
    const QueueEntry* e = cockpit().state().entry(selectedEntry());
    m_callSelected->setEnabled(control && e && !e->withdrawn);
    m_withdraw->setEnabled(control && e);
    const int at = e ? cockpit().state().entryIndex(e->id) : -1;
    m_moveUp->setEnabled(control && at > 0);
    m_moveDown->setEnabled(control && at >= 0 && at + 1 < cockpit().state().queue.size());
    m_withdraw->setText(e && e->withdrawn ? tr("Restore") : tr("Withdraw"));
    m_callSuggested->setVisible(control);
    m_callSuggested->setEnabled(control && m_suggested != 0);
}

QCborMap QueueDock::expectingFloor(QCborMap args) const {
    // Two moderators pressing "next" at once: the host keeps the first and refuses the second.
    args[u"expectFloor"_s] = cockpit().floorAsSeen();
    return args;
}

void QueueDock::callSelected() {
    // The selection fell on the row below: a second press called someone else. The current
    // row goes too, or the view selects the next one when the host's event takes the row away.
    if (const Id id = selectedEntry();
        id && cockpit().canControl() &&
        cockpit().run(Action::Next, expectingFloor({{u"entry"_s, id}}),
                      tr("Call the next speaker"))) {
        m_view->selectionModel()->clearCurrentIndex();
        m_view->clearSelection();
    }
}

void QueueDock::callSuggested() {
    if (m_suggested)
        cockpit().run(Action::Next, expectingFloor({{u"entry"_s, m_suggested}}),
                      tr("Call the suggested speaker"));
}

void QueueDock::toggleWithdrawn() {
    const QueueEntry* e = cockpit().state().entry(selectedEntry());
    if (!e)
        return;
    const Participant* p = cockpit().state().participant(e->participantId);
    const QString name = p ? p->name : QString();
    if (e->withdrawn)
        cockpit().run(Action::RestoreEntry, {{u"entry"_s, e->id}}, tr("Restore %1").arg(name));
    else
        cockpit().run(Action::WithdrawEntry, {{u"entry"_s, e->id}}, tr("Withdraw %1").arg(name));
}

// Sent with the entry it goes before, as the moderator sees the queue: by its place alone, a
// move made as the other moderator called someone landed one place off.
void QueueDock::moveEntry(Id entry, int to) {
    const QList<QueueEntry>& queue = cockpit().state().queue;
    const int from = cockpit().state().entryIndex(entry);
    if (!cockpit().canControl() || from < 0 || to < 0 || to >= queue.size())
        return;
    QList<Id> order;
    for (const QueueEntry& e : queue)
        order.append(e.id);
    order.move(from, to);
    QCborArray leaders, followers; // the nearest of them still queued when the host decides
    for (qsizetype i = 0; i < order.size(); ++i) {
        if (i != to)
            (i < to ? leaders : followers).append(order[i]);
    }
    cockpit().run(
        Action::MoveEntry,
        {{u"entry"_s, entry}, {u"to"_s, to}, {u"before"_s, followers}, {u"after"_s, leaders}},
        tr("Move in the queue"));
}

void QueueDock::moveSelected(int by) {
    if (const Id id = selectedEntry())
        moveEntry(id, cockpit().state().entryIndex(id) + by);
}

void QueueDock::refreshSuggestion() {
    const SessionState& state = cockpit().state();
    SuggestedFrom from{state.queue, state.speeches, state.participants};
    if (from != m_suggestedFrom) { // also when there was none yet
        m_suggestedFrom = std::move(from);
        suggestAgain();
    }
    updateControls();
}

void QueueDock::suggestAgain() {
    const auto s = suggestNext(cockpit().state());
    m_suggested = s ? s->entryId : 0;
    const QueueEntry* e = cockpit().state().entry(m_suggested);
    const Participant* p = e ? cockpit().state().participant(e->participantId) : nullptr;
    if (!p)
        return m_suggestion->setText(tr("No suggestion: nobody is waiting."));
    const QString suggested = tr("Suggested next: <b>%1</b> — %2")
                                  .arg(p->name.toHtmlEscaped(), s->reason.toHtmlEscaped());
    // Two people named "next" side by side (F9 calls the first in the queue) invited a wrong call
    // under time pressure: the line says which is which.
    const QueueEntry* first = cockpit().state().firstWaiting();
    const Participant* firstIn = first && first->id != m_suggested
                                     ? cockpit().state().participant(first->participantId)
                                     : nullptr;
    m_suggestion->setText(firstIn ? tr("%1 (“Next speaker” calls %2, first in the queue.)")
                                        .arg(suggested, firstIn->name.toHtmlEscaped())
                                  : suggested);
}

} // namespace podium
