#include "session_details_dialog.h"

#include "model/codec.h"

#include <QCborArray>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace podium {

namespace {

// What a field showed when the dialog opened: a value left alone goes back exactly as it came
// (92.5 planned minutes showed as 92, and OK wrote 92).
const char originalMsProperty[] = "podiumOriginalMs";
constexpr int originalRole = Qt::UserRole;
// The date box shows "Not set" at its earliest date: a session without a date keeps none.
const QDate noDate(2000, 1, 1);

} // namespace

QSpinBox* SessionDetailsDialog::minutes(qint64 ms, int max, const QString& name) {
    auto* box = new QSpinBox;
    box->setObjectName(name);
    box->setRange(1, max);
    box->setValue(int(ms / 60'000));
    box->setSuffix(tr(" min"));
    box->setProperty(originalMsProperty, ms);
    return box;
}

qint64 SessionDetailsDialog::minutesMs(const QSpinBox* box) {
    const qint64 original = box->property(originalMsProperty).toLongLong();
    return box->value() == int(original / 60'000) ? original : box->value() * 60'000LL;
}

// Speaking times to the second, as "2:30" (a 45-second turn showed as 1 minute, and was saved so).
QTimeEdit* SessionDetailsDialog::speakingTime(qint64 ms, const QString& name) {
    auto* edit = new QTimeEdit;
    edit->setObjectName(name);
    edit->setDisplayFormat(u"m:ss"_s);
    edit->setTimeRange(QTime(0, 0, 5), QTime(0, 59, 59));
    edit->setTime(QTime(0, 0).addMSecs(int(qBound(qint64(5'000), ms, qint64(3'599'000)))));
    edit->setProperty(originalMsProperty, ms);
    return edit;
}

qint64 SessionDetailsDialog::speakingTimeMs(const QTimeEdit* edit) {
    const qint64 original = edit->property(originalMsProperty).toLongLong();
    const qint64 shown = QTime(0, 0).msecsTo(edit->time());
    return shown / 1000 == original / 1000 ? original : shown;
}

SessionDetailsDialog::SessionDetailsDialog(const SessionState& s, bool editable, QWidget* parent)
    : QDialog(parent)
    , m_title(new QLineEdit(s.info.title))
    , m_date(new QDateEdit)
    , m_room(new QLineEdit(s.info.room))
    , m_format(new QLineEdit(s.info.format))
    , m_planned(minutes(s.info.plannedMs, 24 * 60, u"detailsPlanned"_s))
    , m_questions(new QPlainTextEdit(s.info.policyQuestions.join(u'\n')))
    , m_panelist(speakingTime(s.allotments.panelistMs, u"detailsPanelist"_s))
    , m_audience(speakingTime(s.allotments.audienceMs, u"detailsAudience"_s))
    , m_moderator(speakingTime(s.allotments.moderatorMs, u"detailsModerator"_s))
    , m_warning(new QSpinBox)
    , m_addSegment(new QPushButton(tr("Add segment")))
    , m_removeSegment(new QPushButton(tr("Remove")))
    , m_segmentUp(new QPushButton(tr("Move up")))
    , m_segmentDown(new QPushButton(tr("Move down")))
    , m_original(s.segments)
    , m_originalDate(s.info.date)
    , m_begun(s.segmentsBegun()) {
    setObjectName(u"sessionDetailsDialog"_s);
    setWindowTitle(tr("Session details"));
    m_title->setObjectName(u"detailsTitle"_s);
    m_date->setObjectName(u"detailsDate"_s);
    m_room->setObjectName(u"detailsRoom"_s);
    m_date->setCalendarPopup(true);
    m_date->setMinimumDate(noDate);
    m_date->setSpecialValueText(tr("Not set"));
    const QDate date = QDate::fromString(s.info.date, Qt::ISODate);
    m_date->setDate(date.isValid() && date > noDate ? date : noDate);
    m_warning->setObjectName(u"detailsWarning"_s);
    m_warning->setRange(0, 600);
    m_warning->setValue(int(s.allotments.warningMs / 1000));
    m_warning->setSuffix(tr(" s"));
    m_questions->setMaximumHeight(70);

    auto* form = new QFormLayout;
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Date"), m_date);
    form->addRow(tr("Room"), m_room);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Length"), m_planned);
    form->addRow(tr("Policy questions"), m_questions);
    form->addRow(tr("Agenda"), buildAgenda(s.segments));
    form->addRow(tr("Panelists speak"), m_panelist);
    form->addRow(tr("Audience speaks"), m_audience);
    form->addRow(tr("Moderator speaks"), m_moderator);
    form->addRow(tr("Warn before the end"), m_warning);
    auto* buttons = new QDialogButtonBox(editable ? QDialogButtonBox::Ok | QDialogButtonBox::Cancel
                                                  : QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    if (QPushButton* ok = buttons->button(QDialogButtonBox::Ok)) {
        // A session needs a title: OK with none applied the rest and dropped the title's edit.
        const auto needTitle = [this, ok] {
            ok->setEnabled(!m_title->text().trimmed().isEmpty());
        };
        connect(m_title, &QLineEdit::textChanged, this, needTitle);
        needTitle();
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (!editable)
        makeReadOnly();
}

// For the rapporteur: everything stays readable (and selectable, and scrollable), nothing can
// change. Disabled widgets were grey and cut long text off where it could not be scrolled.
void SessionDetailsDialog::makeReadOnly() {
    for (QLineEdit* edit : findChildren<QLineEdit*>())
        edit->setReadOnly(true); // also the spin boxes' own editors
    for (QAbstractSpinBox* box : findChildren<QAbstractSpinBox*>()) {
        box->setReadOnly(true);
        box->setButtonSymbols(QAbstractSpinBox::NoButtons);
    }
    m_date->setCalendarPopup(false);
    m_questions->setReadOnly(true);
    m_agenda->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (QPushButton* b : {m_addSegment, m_removeSegment, m_segmentUp, m_segmentDown})
        b->hide();
}

QWidget* SessionDetailsDialog::buildAgenda(const QList<Segment>& segments) {
    m_agenda = new QTableWidget(0, 2);
    m_agenda->setObjectName(u"detailsAgenda"_s);
    m_agenda->setHorizontalHeaderLabels({tr("Segment"), tr("Minutes")});
    m_agenda->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_agenda->verticalHeader()->hide();
    m_agenda->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_agenda->setSelectionMode(QAbstractItemView::SingleSelection);
    for (const Segment& segment : segments) {
        m_agenda->insertRow(m_agenda->rowCount());
        setAgendaRow(m_agenda->rowCount() - 1, segment.title, segment.plannedMs);
    }
    m_agenda->setMinimumHeight(140);
    m_addSegment->setObjectName(u"addSegment"_s);
    m_removeSegment->setObjectName(u"removeSegment"_s);
    m_segmentUp->setObjectName(u"segmentUp"_s);
    m_segmentDown->setObjectName(u"segmentDown"_s);
    connect(m_addSegment, &QPushButton::clicked, this, &SessionDetailsDialog::addSegment);
    connect(m_removeSegment, &QPushButton::clicked, this, &SessionDetailsDialog::removeSegment);
    connect(m_segmentUp, &QPushButton::clicked, this, [this] { moveSegment(-1); });
    connect(m_segmentDown, &QPushButton::clicked, this, [this] { moveSegment(1); });
    connect(m_agenda, &QTableWidget::currentCellChanged, this,
            &SessionDetailsDialog::updateAgendaButtons);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_addSegment, m_removeSegment, m_segmentUp, m_segmentDown})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto* box = new QWidget;
    auto* column = new QVBoxLayout(box);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(m_agenda);
    column->addLayout(buttons);
    updateAgendaButtons();
    return box;
}

void SessionDetailsDialog::setAgendaRow(int row, const QString& title, qint64 plannedMs) {
    auto* name = new QTableWidgetItem(title);
    name->setData(originalRole, title); // what a name cleared by mistake goes back to
    m_agenda->setItem(row, 0, name);
    auto* planned = new QTableWidgetItem;
    planned->setData(Qt::EditRole, int(plannedMs / 60'000));
    planned->setData(originalRole, plannedMs);
    m_agenda->setItem(row, 1, planned);
    if (row < m_begun) {
        const QString why = tr("This segment has begun: it keeps its place on the agenda.");
        m_agenda->item(row, 0)->setToolTip(why);
        m_agenda->item(row, 1)->setToolTip(why);
    }
}

// A new segment goes after the selected one (never among those that have begun), or at the end.
void SessionDetailsDialog::addSegment() {
    const int current = m_agenda->currentRow();
    const int row = qMax(m_begun, current < 0 ? m_agenda->rowCount() : current + 1);
    m_agenda->insertRow(row);
    setAgendaRow(row, tr("New segment"), 10 * 60'000);
    m_agenda->setCurrentCell(row, 0);
    m_agenda->editItem(m_agenda->item(row, 0));
}

void SessionDetailsDialog::removeSegment() {
    const int row = m_agenda->currentRow();
    if (row >= m_begun && m_agenda->rowCount() > 1)
        m_agenda->removeRow(row);
    updateAgendaButtons();
}

void SessionDetailsDialog::moveSegment(int by) {
    const int from = m_agenda->currentRow();
    const int to = from + by;
    if (from < m_begun || to < m_begun || to >= m_agenda->rowCount())
        return;
    for (int column = 0; column < m_agenda->columnCount(); ++column) {
        QTableWidgetItem* moving = m_agenda->takeItem(from, column);
        m_agenda->setItem(from, column, m_agenda->takeItem(to, column));
        m_agenda->setItem(to, column, moving);
    }
    m_agenda->setCurrentCell(to, m_agenda->currentColumn());
}

void SessionDetailsDialog::updateAgendaButtons() {
    const int row = m_agenda->currentRow();
    const bool movable = row >= m_begun;
    m_removeSegment->setEnabled(movable && m_agenda->rowCount() > 1);
    m_segmentUp->setEnabled(movable && row - 1 >= m_begun);
    m_segmentDown->setEnabled(movable && row >= 0 && row + 1 < m_agenda->rowCount());
}

QCborMap SessionDetailsDialog::info() const {
    QCborArray questions;
    for (const QString& q : m_questions->toPlainText().split(u'\n', Qt::SkipEmptyParts))
        questions.append(q.trimmed());
    return {{u"title"_s, m_title->text().trimmed()},
            // Left unset, a date the dialog could not read ("08/12/2026") stays as written.
            {u"date"_s,
             m_date->date() == noDate ? m_originalDate : m_date->date().toString(Qt::ISODate)},
            {u"room"_s, m_room->text().trimmed()},
            {u"format"_s, m_format->text().trimmed()},
            {u"plannedMs"_s, minutesMs(m_planned)},
            {u"policyQuestions"_s, questions}};
}

QCborMap SessionDetailsDialog::allotments() const {
    Allotments a;
    a.panelistMs = speakingTimeMs(m_panelist);
    a.audienceMs = speakingTimeMs(m_audience);
    a.moderatorMs = speakingTimeMs(m_moderator);
    a.warningMs = qint64(m_warning->value()) * 1000;
    return codec::toCbor(a);
}

QList<Segment> SessionDetailsDialog::segments() const {
    QList<Segment> out;
    for (int row = 0; row < m_agenda->rowCount(); ++row) {
        Segment segment = row < m_begun ? m_original.value(row) : Segment{};
        const QTableWidgetItem* name = m_agenda->item(row, 0);
        const QString title = name->text().trimmed();
        segment.title = title.isEmpty() ? name->data(originalRole).toString() : title;
        const QTableWidgetItem* planned = m_agenda->item(row, 1);
        const int shown = qMax(1, planned->data(Qt::EditRole).toInt());
        const qint64 original = planned->data(originalRole).toLongLong();
        segment.plannedMs = shown == int(original / 60'000) ? original : shown * 60'000LL;
        out << segment;
    }
    return out;
}

} // namespace podium
