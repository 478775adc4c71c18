#include "participants_dock.h"

#include "commands/decisions.h"

#include "save_path.h"

#include "model/codec.h"
#include "models/name_search.h"
#include "models/participants_model.h"
#include "participant_dialog.h"
#include "plan/plan.h"
#include "table_columns.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace podium {

ParticipantsDock::ParticipantsDock(Cockpit& cockpit, QWidget* parent)
    : SessionDock(cockpit, u"participantsDock"_s, parent)
    , m_model(new ParticipantsModel(cockpit.engine(), this)) {
    buildWhenShown();
}

void ParticipantsDock::build() {
    // A roster of 300 could be searched only by typing a name's start into the table: a name,
    // an affiliation, a group or a region typed here shows the rows that hold it; a click on a
    // column's header sorts by it, and a third click goes back to the roster's own order.
    m_shown = new NameSearchProxy(this);
    m_shown->setSourceModel(m_model);
    m_find = new QLineEdit;
    m_find->setObjectName(u"findParticipant"_s);
    m_find->setClearButtonEnabled(true);
    connect(m_find, &QLineEdit::textChanged, m_shown, &NameSearchProxy::setSearchText);
    m_view = new QTreeView;
    m_add = new QPushButton;
    m_edit = new QPushButton;
    m_remove = new QPushButton;
    m_import = new QPushButton;
    m_view->setObjectName(u"participantsView"_s);
    m_view->setModel(m_shown);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true); // one line per row: long lists are laid out quickly
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->header()->setSortIndicator(-1, Qt::AscendingOrder); // the roster's order
    m_view->header()->setSortIndicatorClearable(true);
    m_view->header()->setStretchLastSection(false);
    keepColumnReadable(m_view, ParticipantsModel::Name, 20);
    offerColumnChoice(m_view, ParticipantsModel::Name, {});
    m_add->setObjectName(u"addParticipant"_s);
    m_edit->setObjectName(u"editParticipant"_s);
    m_remove->setObjectName(u"removeParticipant"_s);
    m_import->setObjectName(u"importPlan"_s);

    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->addWidget(m_find);
    layout->addWidget(m_view, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_import);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    setWidget(body);

    connect(m_add, &QPushButton::clicked, this, &ParticipantsDock::addParticipant);
    connect(m_edit, &QPushButton::clicked, this, &ParticipantsDock::editSelected);
    connect(m_view, &QTreeView::doubleClicked, this, &ParticipantsDock::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &ParticipantsDock::removeSelected);
    // Whether the one selected may go changes as they join the queue or speak.
    connect(&cockpit().engine(), &SessionEngine::eventApplied, this,
            &ParticipantsDock::updateControls);
    connect(m_import, &QPushButton::clicked, this, &ParticipantsDock::chooseAndImport);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ParticipantsDock::updateControls);
}

QString ParticipantsDock::title() const {
    return tr("Participants");
}

void ParticipantsDock::retranslate() {
    m_view->setAccessibleName(tr("Participants"));
    m_find->setPlaceholderText(tr("Find: a name, affiliation, group or region"));
    m_find->setAccessibleName(tr("Find a participant"));
    m_view->header()->resizeSection(ParticipantsModel::Affiliation,
                                    20 * m_view->fontMetrics().averageCharWidth());
    sizeColumnsToLabels(m_view, {{ParticipantsModel::Group, labelsOf<StakeholderGroup>()},
                                 {ParticipantsModel::Region, labelsOf<Region>()},
                                 {ParticipantsModel::Gender, {}},
                                 {ParticipantsModel::Presence, labelsOf<Presence>()},
                                 {ParticipantsModel::Role, labelsOf<Role>()}});
    m_add->setText(tr("Add…"));
    m_edit->setText(tr("Edit…"));
    m_remove->setText(tr("Remove"));
    m_import->setText(tr("Import from plan…"));
}

void ParticipantsDock::updateControls() {
    const bool control = cockpit().canControl();
    m_add->setEnabled(control);
    m_import->setEnabled(control);
    m_edit->setEnabled(control && m_view->currentIndex().isValid());
    // Someone added by mistake (a name typed twice) could not be taken off the roster.
    const Participant* p = cockpit().state().participant(selectedId());
    const QString onRecord = p ? decisions::whyOnRecord(cockpit().state(), *p) : QString();
    m_remove->setEnabled(control && p && onRecord.isEmpty());
    m_remove->setToolTip(
        !onRecord.isEmpty() ? onRecord : cockpit().whyNotPermitted(Action::RemoveParticipant));
}

void ParticipantsDock::removeSelected() {
    const Participant* p = cockpit().state().participant(selectedId());
    if (!p)
        return;
    // Nobody is selected after: a double click on Remove took the next row's person too.
    m_view->setCurrentIndex({});
    cockpit().run(Action::RemoveParticipant, {{u"participant"_s, p->id}},
                  tr("Remove %1 from the roster").arg(p->name));
}

Id ParticipantsDock::selectedId() const {
    return m_model->idAt(m_shown->mapToSource(m_view->currentIndex()).row());
}

// Everyone's name but `except`'s, for the dialog to point out a name that is there already.
QStringList ParticipantsDock::rosterNames(Id except) const {
    QStringList names;
    for (const Participant& p : cockpit().state().participants) {
        if (p.id != except)
            names.append(p.name);
    }
    return names;
}

void ParticipantsDock::addParticipant() {
    if (!cockpit().canControl())
        return;
    ParticipantDialog dialog(Participant{}, rosterNames(0), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QCborMap fields = dialog.fields();
    cockpit().run(Action::AddParticipant, fields,
                  tr("Add %1 to the roster").arg(fields.value(u"name"_s).toString()));
}

void ParticipantsDock::editSelected() {
    const Participant* p = cockpit().state().participant(selectedId());
    if (!p || !cockpit().canControl())
        return;
    // A copy: the state may change while the dialog is open (another seat's edit, a resync), and
    // `p` points into it.
    const Participant before = *p;
    ParticipantDialog dialog(before, rosterNames(before.id), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // Only what was changed here: the other fields may have been changed on another seat while
    // the dialog was open, and sent whole they were set back.
    const QCborMap shown = codec::toCbor(before);
    QCborMap args;
    const QCborMap fields = dialog.fields();
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (it.value() != shown.value(it.key()))
            args.insert(it.key(), it.value());
    }
    if (args.isEmpty())
        return;
    args[u"participant"_s] = before.id;
    cockpit().run(Action::EditParticipant, args, tr("Edit %1").arg(before.name));
}

namespace {

// "Manal  Ismail" and "manal ismail" are the roster's Manal Ismail, and so is a name written in
// another Unicode form (a decomposed "Nguyễn" from a Mac was imported a second time). Accents
// count: an import does not guess that "Jose" is "José".
QString comparable(const QString& name) {
    return name.simplified().normalized(QString::NormalizationForm_C).toCaseFolded();
}

} // namespace

Result<int> ParticipantsDock::importPlan(const QString& path) {
    const auto plan = readPlanFile(path, PlanUse::Roster);
    if (!plan) // the whole plan is checked, its people's part only imported
        return Result<int>::failure(
            tr("No participant was added: the plan cannot be read. %1").arg(plan.error()));
    QSet<QString> known;
    for (const Participant& q : cockpit().state().participants)
        known.insert(comparable(q.name));
    QList<Participant> newcomers;
    for (const Participant& p : plan->participants) {
        if (!known.contains(comparable(p.name))) {
            known.insert(comparable(p.name)); // the plan's own repeats, once
            newcomers.append(p);
        }
    }
    if (newcomers.isEmpty())
        return 0; // and no undo step that would do nothing
    QString refusal;
    const QMetaObject::Connection watch =
        connect(&cockpit().engine(), &SessionEngine::refused, this,
                [&refusal](const QString&, const QString& reason) { refusal = reason; });
    // Each newcomer is tried: one refused (a name too long) kept out everyone after them.
    QStringList refused;
    cockpit().undoStack().beginMacro(tr("Import participants"));
    for (const Participant& p : std::as_const(newcomers)) {
        QCborMap args = codec::toCbor(p);
        args.remove(u"id"_s);
        refusal.clear();
        if (!cockpit().run(Action::AddParticipant, args, tr("Add %1 to the roster").arg(p.name)))
            refused << tr("%1 (%2)").arg(p.name, refusal);
    }
    cockpit().undoStack().endMacro();
    disconnect(watch);
    const int added = int(newcomers.size() - refused.size());
    if (refused.isEmpty())
        return added;
    if (added == 0) {
        // The empty step goes: undone only, it stayed in Edit as "Redo Import participants".
        QUndoStack& stack = cockpit().undoStack();
        const_cast<QUndoCommand*>(stack.command(stack.index() - 1))->setObsolete(true);
        stack.undo();
        return Result<int>::failure(tr("No participant was added: %1").arg(refusal));
    }
    constexpr int named = 3;
    const QString whom = refused.size() <= named
                             ? refused.join(u"; "_s)
                             : tr("%1; and %2 more")
                                   .arg(refused.mid(0, named).join(u"; "_s),
                                        QLocale().toString(refused.size() - named));
    return Result<int>::failure(
        tr("Only %1 of the %2 new participants were added. Not added: %3")
            .arg(QLocale().toString(added), QLocale().toString(newcomers.size()), whom));
}

void ParticipantsDock::chooseAndImport() {
    const QString path =
        askOpenPath(this, tr("Import participants from a plan"), tr("Session plans (*.json)"));
    if (path.isEmpty())
        return;
    const auto added = importPlan(path);
    if (!added)
        QMessageBox::warning(this, tr("Import participants"), added.error());
    else
        QMessageBox::information(
            this, tr("Import participants"),
            tr("New participants added: %1.").arg(QLocale().toString(added.value())));
}

} // namespace podium
