#include "quick_add.h"

#include "models/name_search.h"
#include "undo/field_undo.h"

#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <algorithm>
#include <optional>
#include <utility>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

constexpr int nameRole = Qt::UserRole;    // of the completer's list: what goes into the field
constexpr int keyRole = Qt::UserRole + 1; // and what a search finds

// `preset`: chosen until the user picks another, which a retranslation keeps.
template <typename E> void fillCombo(QComboBox* box, E preset = enumAt<E>(0)) {
    const QVariant current = box->currentData();
    box->clear();
    for (int i = 0; i < enumCount<E>(); ++i)
        box->addItem(label(enumAt<E>(i)), key(enumAt<E>(i)));
    const int at = box->findData(current.isValid() ? current : QVariant(key(preset)));
    box->setCurrentIndex(at >= 0 ? at : 0);
}

QComboBox* combo(const QString& name, QWidget* parent) {
    auto* box = new QComboBox(parent);
    box->setObjectName(name);
    return box;
}

// "Name, Affiliation", with the comma of the writer's script: "،" in Arabic, "，" in Chinese (a
// whole "李华，清华大学" became one name). No affiliation without a comma. Composed, as the roster
// keeps names: a name typed decomposed was added, then not found to be queued.
std::pair<QString, std::optional<QString>> nameAndAffiliation(const QString& typed) {
    const QString text = typed.normalized(QString::NormalizationForm_C);
    const auto comma = std::find_if(text.cbegin(), text.cend(), [](QChar c) {
        return c == u',' || c == u'\u060C' || c == u'\uFF0C';
    });
    if (comma == text.cend())
        return {text.trimmed(), std::nullopt};
    const qsizetype at = comma - text.cbegin();
    return {text.left(at).trimmed(), text.mid(at + 1).trimmed()};
}

} // namespace

QuickAdd::QuickAdd(Cockpit& cockpit, QWidget* parent)
    : QWidget(parent)
    , m_cockpit(cockpit)
    , m_input(new QLineEdit(this))
    , m_kind(combo(u"entryKind"_s, this))
    , m_group(combo(u"newGroup"_s, this))
    , m_region(combo(u"newRegion"_s, this))
    , m_presence(combo(u"newPresence"_s, this))
    , m_newHint(new QLabel(this))
    , m_add(new QPushButton(this))
    , m_names(new QStandardItemModel(this)) {
    setObjectName(u"quickAddBar"_s);
    m_input->setObjectName(u"quickAdd"_s);
    handSpentUndoToWindow(m_input);
    // The clear button's icon is looked up in the desktop's icon theme, a search of the disk that
    // took a few milliseconds of start-up; the button shows only over text, so it comes then.
    connect(
        m_input, &QLineEdit::textChanged, m_input, [this] { m_input->setClearButtonEnabled(true); },
        Qt::SingleShotConnection);
    m_add->setObjectName(u"addButton"_s);
    // The list shows each name with its affiliation, and the name alone goes into the field: at
    // 300 on the roster, "Nadia Diallo" and "Nadia Diallo 183" could not be told apart. What is
    // typed is looked for in both, without regard to case or accents.
    m_input->setCompleter(new NameSearchCompleter(m_names, keyRole, nameRole, this));

    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_input, 0, 0, 1, 3);
    grid->addWidget(m_kind, 0, 3);
    grid->addWidget(m_add, 0, 4);
    grid->addWidget(m_newHint, 1, 0);
    grid->addWidget(m_group, 1, 1);
    grid->addWidget(m_region, 1, 2);
    grid->addWidget(m_presence, 1, 3);
    grid->setColumnStretch(0, 1);

    connect(m_input, &QLineEdit::returnPressed, this, &QuickAdd::add);
    connect(m_add, &QPushButton::clicked, this, &QuickAdd::add);
    connect(m_input, &QLineEdit::textChanged, this, &QuickAdd::onTextChanged);
    connect(&m_cockpit.engine(), &SessionEngine::eventApplied, this, &QuickAdd::onEvent);
    connect(&m_cockpit.engine(), &SessionEngine::stateReset, this, &QuickAdd::refreshNames);
    connect(&m_cockpit.engine(), &SessionEngine::stateReset, this, &QuickAdd::showKindTargets);
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_kind->setToolTip(m_kind->currentText()); });
    retranslate();
    refreshNames();
    presetPresence();
    // A seat that joins learns its role from the host, after the window was made.
    connect(&m_cockpit, &Cockpit::seatChanged, this, &QuickAdd::presetPresence);
}

// A newcomer's group and region picked with the mouse left the focus on a list box, where Enter
// did nothing: the online moderator adding someone from the chat had to find Add. (The name
// field's Enter, passed on after returnPressed, is not taken twice.)
void QuickAdd::keyPressEvent(QKeyEvent* event) {
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    auto* box = qobject_cast<QComboBox*>(QApplication::focusWidget());
    if (enter && box && isAncestorOf(box)) {
        add();
        return;
    }
    QWidget::keyPressEvent(event);
}

// The online moderator mostly brings in online participants, and still does once hosting in
// place of a host that left (reset to "onsite" then, the people they added went in as if they
// were in the room).
void QuickAdd::presetPresence() {
    const Seat seat = m_cockpit.seat();
    const bool tookOver = m_presetFor && takesOver(*m_presetFor, seat);
    m_presetFor = seat;
    if (!tookOver)
        m_usualPresence = seat == Seat::OnlineModerator ? Presence::Online : Presence::Onsite;
    m_presence->setCurrentIndex(m_presence->findData(key(m_usualPresence)));
}

void QuickAdd::retranslate() {
    // A screen reader gave a placeholder as a description only: the field had no name.
    m_input->setAccessibleName(tr("Add to the queue"));
    m_kind->setAccessibleName(tr("Kind of intervention"));
    m_input->setPlaceholderText(
        tr("Add to the queue: a name, or “Name, Affiliation” for someone new"));
    m_add->setText(tr("Add"));
    m_newHint->setText(tr("New participant:"));
    m_group->setToolTip(tr("Stakeholder group"));
    m_region->setToolTip(tr("Region"));
    m_presence->setToolTip(tr("Onsite or online"));
    fillCombo<EntryKind>(m_kind);
    showKindTargets();
    // Someone new added in a hurry is "Unspecified" until told otherwise, not counted as a
    // government speaker from Africa in the balance.
    fillCombo(m_group, StakeholderGroup::Unspecified);
    fillCombo(m_region, Region::Unspecified);
    fillCombo<Presence>(m_presence);
    // Two boxes side by side both read "Unspecified": which was the group, which the region?
    m_group->setItemText(m_group->findData(key(StakeholderGroup::Unspecified)),
                         tr("Unspecified group"));
    m_region->setItemText(m_region->findData(key(Region::Unspecified)), tr("Unspecified region"));
    onTextChanged();
}

void QuickAdd::focusInput() {
    m_input->setFocus(Qt::ShortcutFocusReason);
    m_input->selectAll();
}

// "adi" and Enter, with "Adiel Akplogan" offered below, means Adiel, not a new "adi": the start of
// a word of one name is taken for it, without regard to case or accents (so "zoe" is Zoë, "akp"
// Adiel Akplogan). Not any part of it: a newcomer typed as "Avi" was queued as David Huberman.
// Someone new whose name begins another's is typed with a comma.
const Participant* QuickAdd::matching(const QString& text, bool* ambiguous) const {
    const auto [name, affiliation] = nameAndAffiliation(text);
    const QString key = searchKey(name.simplified());
    const Participant* containing = nullptr;
    int contained = 0;
    for (const Participant& p : m_cockpit.state().participants) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return &p;
        // Names only: "Sam" and Enter queued Priya Nair (Samsung Research), with nothing to say
        // so. (The list also finds affiliations, for the moderator to pick from.)
        const QString candidate = searchKey(p.name.simplified());
        if (candidate.startsWith(key) || candidate.contains(u' ' + key)) {
            containing = &p;
            ++contained;
        }
    }
    if (affiliation || name.isEmpty())
        return nullptr;
    if (ambiguous)
        *ambiguous = contained > 1;
    return contained == 1 ? containing : nullptr;
}

void QuickAdd::clearInput() {
    emptyField(m_input);
}

void QuickAdd::onTextChanged() {
    const QString text = m_input->text().trimmed();
    bool ambiguous = false;
    const bool isNew = !text.isEmpty() && !matching(text, &ambiguous) && !ambiguous;
    for (QWidget* w : {static_cast<QWidget*>(m_newHint), static_cast<QWidget*>(m_group),
                       static_cast<QWidget*>(m_region), static_cast<QWidget*>(m_presence)})
        w->setVisible(isNew);
}

void QuickAdd::add() {
    const QString text = m_input->text().trimmed();
    if (text.isEmpty())
        return;
    bool ambiguous = false;
    if (const Participant* p = matching(text, &ambiguous)) {
        addEntryFor(p->id);
        // "Amina Diallo, ISOC Nigeria" queued the Amina Diallo of another organisation, the one
        // typed dropped without a word: a namesake was merged into her.
        const auto typed = nameAndAffiliation(text).second;
        if (typed && !typed->isEmpty() && searchKey(*typed) != searchKey(p->affiliation))
            emit m_cockpit.notice(
                tr("%1 is on the roster already (%2) and was queued as such. For someone else of "
                   "that name, add them in Participants.")
                    .arg(p->name,
                         p->affiliation.isEmpty() ? tr("no affiliation") : p->affiliation));
        return;
    }
    if (ambiguous) {
        emit m_cockpit.notice(tr("Several participants match “%1”: pick one from the list, or "
                                 "type “Name, Affiliation” for someone new.")
                                  .arg(text));
        return;
    }
    const auto [name, affiliation] = nameAndAffiliation(text);
    m_pendingName = name;
    m_pendingKind =
        fromKey<EntryKind>(m_kind->currentData().toString()).value_or(EntryKind::NewPoint);
    QCborMap args{{u"name"_s, m_pendingName},
                  {u"affiliation"_s, affiliation.value_or(QString())},
                  {u"group"_s, m_group->currentData().toString()},
                  {u"region"_s, m_region->currentData().toString()},
                  {u"presence"_s, m_presence->currentData().toString()},
                  {u"role"_s, key(Role::Audience)}};
    // The entry follows when the participant's event arrives (at once here, later on a peer),
    // as a part of the same step: one undo takes both back (the newcomer stayed on the roster
    // with one, and counted in the report).
    if (m_cockpit.run(Action::AddParticipant, args, tr("Add %1 to the roster").arg(m_pendingName)))
        m_pendingStep = m_cockpit.lastStep();
    else
        m_pendingName.clear(); // refused: another seat's newcomer of that name is not queued here
}

void QuickAdd::addEntryFor(Id participant, quint64 newcomerStep) {
    const auto kind =
        fromKey<EntryKind>(m_kind->currentData().toString()).value_or(EntryKind::NewPoint);
    QCborMap args{{u"participant"_s, participant}, {u"kind"_s, key(kind)}};
    if ((kind == EntryKind::Reply || kind == EntryKind::ClarifyingQuestion) && m_related)
        args[u"relatesTo"_s] = m_related();
    const Participant* p = m_cockpit.state().participant(participant);
    // A joined seat whose host is out of reach is refused at once: the name stays to try again.
    const QString text = tr("Add %1 to the queue").arg(p ? p->name : QString());
    // Without the newcomer's step (refused or undone meanwhile), the newcomer is not queued.
    if (newcomerStep ? m_cockpit.runAsPartOf(newcomerStep, Action::AddEntry, args, text)
                     : m_cockpit.run(Action::AddEntry, args, text)) {
        // After the event loop turns: a name picked from the list is written into the field
        // once the Return that added it has been handled.
        QMetaObject::invokeMethod(this, &QuickAdd::clearInput, Qt::QueuedConnection);
        m_kind->setCurrentIndex(0);
    }
}

void QuickAdd::setRelatedEntryProvider(std::function<Id()> provider) {
    m_related = std::move(provider);
    showKindTargets();
}

// "Reply" alone did not say to whom: a selection left on a queue row after moving it made a reply
// to someone who had not yet spoken, where the moderator meant the speaker. The box says whose
// point it answers, as the queue's Kind column does once it is added.
void QuickAdd::showKindTargets() {
    const SessionState& s = m_cockpit.state();
    const Id to = m_related ? m_related() : 0;
    const Participant* p = to ? s.participant(s.participantOfEntry(to)) : nullptr;
    for (const EntryKind kind : {EntryKind::Reply, EntryKind::ClarifyingQuestion}) {
        const QString text = !p                         ? label(kind)
                             : kind == EntryKind::Reply ? tr("Reply to %1").arg(p->name)
                                                        : tr("Question to %1").arg(p->name);
        m_kind->setItemText(m_kind->findData(key(kind)), text);
    }
    m_kind->setToolTip(m_kind->currentText()); // the box keeps its width: a long name is cut
}

void QuickAdd::onEvent(const Event& event) {
    showKindTargets();
    if (event.action == Action::AddParticipant || event.action == Action::EditParticipant ||
        event.action == Action::RemoveParticipant || event.action == Action::CreateSession)
        refreshNames();
    if (event.action != Action::AddParticipant || m_pendingName.isEmpty())
        return;
    const Participant added = [&] {
        for (const Participant& p : m_cockpit.state().participants) {
            if (p.name == m_pendingName)
                return p;
        }
        return Participant{};
    }();
    if (added.id == 0)
        return;
    m_pendingName.clear();
    // The next newcomer is of no stated group or region again, not the last one's, and of this
    // seat's usual presence: one online newcomer made the next, in the room, online too.
    m_group->setCurrentIndex(m_group->findData(key(StakeholderGroup::Unspecified)));
    m_region->setCurrentIndex(m_region->findData(key(Region::Unspecified)));
    m_presence->setCurrentIndex(m_presence->findData(key(m_usualPresence)));
    // Queued: here the roster's own undo step is still being pushed, and the queue's goes into
    // it once it is on the stack.
    QMetaObject::invokeMethod(
        this,
        [this, id = added.id] {
            m_kind->setCurrentIndex(m_kind->findData(key(m_pendingKind)));
            addEntryFor(id, std::exchange(m_pendingStep, 0));
        },
        Qt::QueuedConnection);
}

void QuickAdd::refreshNames() {
    QList<const Participant*> people;
    for (const Participant& p : m_cockpit.state().participants)
        people.append(&p);
    const QCollator alphabetical = nameCollator();
    std::sort(people.begin(), people.end(), [&](const Participant* a, const Participant* b) {
        return alphabetical.compare(a->name, b->name) < 0;
    });
    m_names->clear();
    for (const Participant* p : std::as_const(people)) {
        auto* item = new QStandardItem(
            p->affiliation.isEmpty() ? p->name : u"%1 (%2)"_s.arg(p->name, p->affiliation));
        item->setData(p->name, nameRole);
        item->setData(searchKey(item->text().simplified()), keyRole);
        m_names->appendRow(item);
    }
    onTextChanged();
}

} // namespace podium
