#include "participant_dialog.h"

#include "models/name_search.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

template <typename E> QComboBox* comboFor(E current, const QString& name) {
    auto* box = new QComboBox;
    box->setObjectName(name);
    for (int i = 0; i < enumCount<E>(); ++i)
        box->addItem(label(enumAt<E>(i)), key(enumAt<E>(i)));
    box->setCurrentIndex(box->findData(key(current)));
    return box;
}

QLineEdit* edit(const QString& text, const QString& name) {
    auto* e = new QLineEdit(text);
    e->setObjectName(name);
    return e;
}

} // namespace

ParticipantDialog::ParticipantDialog(const Participant& start, const QStringList& roster,
                                     QWidget* parent)
    : QDialog(parent)
    , m_roster(roster)
    , m_nameHint(new QLabel)
    , m_name(edit(start.name, u"participantName"_s))
    , m_affiliation(edit(start.affiliation, u"participantAffiliation"_s))
    , m_gender(edit(start.gender, u"participantGender"_s))
    , m_group(comboFor(start.group, u"participantGroup"_s))
    , m_region(comboFor(start.region, u"participantRegion"_s))
    , m_presence(comboFor(start.presence, u"participantPresence"_s))
    , m_role(comboFor(start.role, u"participantRole"_s)) {
    setObjectName(u"participantDialog"_s);
    setWindowTitle(start.id ? tr("Edit participant") : tr("New participant"));
    m_gender->setPlaceholderText(tr("Optional, as the person describes it"));
    // The gender's hint and a long affiliation read whole (the hint was cut at its middle).
    m_gender->setMinimumWidth(
        m_gender->fontMetrics().horizontalAdvance(m_gender->placeholderText()) +
        4 * m_gender->fontMetrics().averageCharWidth());
    auto* form = new QFormLayout(this);
    form->addRow(tr("Name"), m_name);
    m_nameHint->setObjectName(u"participantNameHint"_s);
    m_nameHint->setWordWrap(true);
    m_nameHint->setTextFormat(Qt::PlainText);
    form->addRow(QString(), m_nameHint);
    form->addRow(tr("Affiliation"), m_affiliation);
    form->addRow(tr("Stakeholder group"), m_group);
    form->addRow(tr("Region"), m_region);
    form->addRow(tr("Gender"), m_gender);
    form->addRow(tr("Presence"), m_presence);
    form->addRow(tr("Role"), m_role);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &ParticipantDialog::checkName);
    checkName();
}

// Said here, before OK: a participant needs a name (the dialog used to close and only then say
// so, losing what was typed), and a name already on the roster is most often the same person.
void ParticipantDialog::checkName() {
    const QString name = m_name->text().trimmed();
    m_ok->setEnabled(!name.isEmpty());
    // "Zoe O'Brien" typed for the roster's "Zoë O'Brien" is most often her too.
    const QString key = searchKey(name.simplified());
    const auto known = std::find_if(m_roster.cbegin(), m_roster.cend(), [&](const QString& other) {
        return !key.isEmpty() && searchKey(other.simplified()) == key;
    });
    const bool onRoster = known != m_roster.cend();
    m_nameHint->setText(onRoster ? tr("“%1” is on the roster already: add them only if this is "
                                      "another person.")
                                       .arg(*known)
                                 : QString());
    m_nameHint->setVisible(onRoster);
    fitHeightToHint();
}

// A long name wrapped the hint onto lines the dialog had no room for: only its first words, not
// the warning, could be read. The room it took is given back when the hint goes.
void ParticipantDialog::fitHeightToHint() {
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height()) {
        m_grownBy += needed - height();
        resize(width(), needed);
    } else if (m_grownBy > 0 && needed < height()) {
        const int giveBack = qMin(m_grownBy, height() - needed);
        m_grownBy -= giveBack;
        resize(width(), height() - giveBack);
    }
}

QCborMap ParticipantDialog::fields() const {
    return {{u"name"_s, m_name->text().trimmed()},
            {u"affiliation"_s, m_affiliation->text().trimmed()},
            {u"gender"_s, m_gender->text().trimmed()},
            {u"group"_s, m_group->currentData().toString()},
            {u"region"_s, m_region->currentData().toString()},
            {u"presence"_s, m_presence->currentData().toString()},
            {u"role"_s, m_role->currentData().toString()}};
}

} // namespace podium
