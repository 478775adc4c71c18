#include "session_details_dialog.h"

#include "model/codec.h"
#include "theme/theme.h"

#include <QCborArray>
#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimeEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace podium {

namespace {

constexpr int maxMinutes = 24 * 60;

// The keys of `edited` whose values differ from `opened`'s. A key the encoding leaves out when
// empty (the start time) and `opened` has was taken away: it goes as empty text.
QCborMap changedKeys(const QCborMap& opened, const QCborMap& edited) {
    QCborMap changed;
    for (auto it = edited.begin(); it != edited.end(); ++it) {
        if (opened.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    for (auto it = opened.begin(); it != opened.end(); ++it) {
        if (!edited.contains(it.key()))
            changed.insert(it.key(), QString());
    }
    return changed;
}

// What a field was given when the dialog opened, and what it showed of it: left showing that, it
// gives the value back exactly. 92.5 planned minutes showed as 92, and OK wrote 92; a plan's
// 15-minute warning showed as 600 s, the most the box takes, and OK wrote 10 minutes.
const char originalMsProperty[] = "podiumOriginalMs";
const char shownMsProperty[] = "podiumShownMs";
constexpr int originalRole = Qt::UserRole;

void keepOriginal(QWidget* field, qint64 originalMs, qint64 shownMs) {
    field->setProperty(originalMsProperty, originalMs);
    field->setProperty(shownMsProperty, shownMs);
}

qint64 originalUnlessChanged(const QWidget* field, qint64 shownMs) {
    return shownMs == field->property(shownMsProperty).toLongLong()
               ? field->property(originalMsProperty).toLongLong()
               : shownMs;
}

// An agenda segment's minutes, typed as a segment may last: a day at most (5000 was taken, and
// the whole edit of the agenda refused after OK), one minute at least (0 was saved as 1).
class MinutesDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&,
                          const QModelIndex&) const override {
        auto* box = new QSpinBox(parent);
        box->setRange(1, maxMinutes);
        box->setFrame(false);
        return box;
    }
};

} // namespace

QSpinBox* SessionDetailsDialog::minutes(qint64 ms, int max, const QString& name) {
    auto* box = new QSpinBox;
    box->setObjectName(name);
    box->setRange(1, max);
    box->setValue(int(qBound(qint64(1), ms / 60'000, qint64(max))));
    box->setSuffix(tr(" min"));
    keepOriginal(box, ms, minutesMs(box));
    return box;
}

qint64 SessionDetailsDialog::minutesMs(const QSpinBox* box) {
    return box->value() * 60'000LL;
}

// Speaking times to the second, as "2:30" (a 45-second turn showed as 1 minute, and was saved so).
QTimeEdit* SessionDetailsDialog::speakingTime(qint64 ms, const QString& name) {
    auto* edit = new QTimeEdit;
    edit->setObjectName(name);
    edit->setDisplayFormat(u"m:ss"_s);
    edit->setTimeRange(QTime(0, 0, 5), QTime(0, 59, 59));
    edit->setTime(QTime(0, 0).addMSecs(int(qBound(qint64(5'000), ms, qint64(3'599'000)))));
    keepOriginal(edit, ms, speakingTimeMs(edit));
    return edit;
}

qint64 SessionDetailsDialog::speakingTimeMs(const QTimeEdit* edit) {
    return QTime(0, 0).msecsTo(edit->time()) / 1000 * 1000;
}

SessionDetailsDialog::SessionDetailsDialog(const SessionState& s, bool editable, QWidget* parent)
    : QDialog(parent)
    , m_title(new QLineEdit(s.info.title))
    , m_dated(new QCheckBox)
    , m_date(new QDateEdit)
    , m_timed(new QCheckBox)
    , m_start(new QTimeEdit)
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
    , m_openedInfo(s.info)
    , m_openedAllotments(s.allotments)
    , m_original(s.segments)
    , m_originalDate(s.info.date)
    , m_begun(s.segmentsBegun()) {
    setObjectName(u"sessionDetailsDialog"_s);
    setWindowTitle(tr("Session details"));
    // Wide enough for a workshop's title and its agenda's names (they were cut at 420 px).
    setMinimumWidth(fontMetrics().averageCharWidth() * 100);
    m_title->setObjectName(u"detailsTitle"_s);
    m_date->setObjectName(u"detailsDate"_s);
    m_room->setObjectName(u"detailsRoom"_s);
    m_date->setCalendarPopup(true);
    // A session without a date keeps none, and a date can be taken away (the box could not be
    // emptied). Unticked, the box offers today (its popup opened in the year 2000).
    const QDate date = QDate::fromString(s.info.date, Qt::ISODate);
    m_dated->setObjectName(u"detailsDated"_s);
    m_dated->setAccessibleName(tr("The session has a date"));
    m_dated->setChecked(date.isValid());
    m_date->setDate(date.isValid() ? date : QDate::currentDate());
    m_date->setEnabled(date.isValid());
    connect(m_dated, &QCheckBox::toggled, m_date, &QWidget::setEnabled);
    // When the session is to begin, as the programme has it ("10:30"): the report sets it
    // beside when it began.
    const QTime start = QTime::fromString(s.info.start, u"HH:mm"_s);
    m_timed->setObjectName(u"detailsTimed"_s);
    m_timed->setAccessibleName(tr("The session has a start time"));
    m_timed->setChecked(start.isValid());
    m_start->setObjectName(u"detailsStart"_s);
    m_start->setDisplayFormat(u"HH:mm"_s);
    m_start->setTime(start.isValid() ? start : QTime(9, 0));
    m_start->setEnabled(start.isValid());
    connect(m_timed, &QCheckBox::toggled, m_start, &QWidget::setEnabled);
    m_warning->setObjectName(u"detailsWarning"_s);
    m_warning->setRange(0, 600);
    m_warning->setValue(int(qBound(qint64(0), s.allotments.warningMs / 1000, qint64(600))));
    m_warning->setSuffix(tr(" s"));
    keepOriginal(m_warning, s.allotments.warningMs, m_warning->value() * 1000LL);
    // Room for a few questions, each on its line (70 px showed two, cut at the foot).
    m_questions->setMinimumHeight(m_questions->fontMetrics().lineSpacing() * 4 + 12);

    auto* form = new QFormLayout;
    form->addRow(tr("Title"), m_title);
    auto* dateRow = new QHBoxLayout;
    dateRow->addWidget(m_dated);
    dateRow->addWidget(m_date, 1);
    dateRow->addSpacing(fontMetrics().averageCharWidth() * 2);
    dateRow->addWidget(new QLabel(tr("Starts at")));
    dateRow->addWidget(m_timed);
    dateRow->addWidget(m_start);
    form->addRow(tr("Date"), dateRow);
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
    m_dated->hide();
    if (!m_dated->isChecked()) { // not a greyed date that looks like one: none, or as written
        m_date->setMinimumDate(m_date->date());
        m_date->setSpecialValueText(m_originalDate.isEmpty() ? tr("None") : m_originalDate);
        m_date->setEnabled(true);
    }
    m_timed->hide();
    if (!m_timed->isChecked()) {
        m_start->setMinimumTime(m_start->time());
        m_start->setSpecialValueText(tr("Not said"));
        m_start->setEnabled(true);
    }
    m_questions->setReadOnly(true);
    m_agenda->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (QPushButton* b : {m_addSegment, m_removeSegment, m_segmentUp, m_segmentDown})
        b->hide();
}

QWidget* SessionDetailsDialog::buildAgenda(const QList<Segment>& segments) {
    m_agenda = new QTableWidget(0, 2);
    m_agendaTotal = new QLabel;
    m_agendaTotal->setObjectName(u"agendaTotal"_s);
    m_agendaTotal->setWordWrap(true);
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
    m_agenda->setItemDelegateForColumn(1, new MinutesDelegate(m_agenda));
    // Six segments in sight (140 px showed three of a workshop's five or six).
    m_agenda->setMinimumHeight(m_agenda->verticalHeader()->defaultSectionSize() * 6 +
                               m_agenda->horizontalHeader()->sizeHint().height() + 4);
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
    column->addWidget(m_agendaTotal);
    column->addLayout(buttons);
    updateAgendaButtons();
    connect(m_agenda->model(), &QAbstractItemModel::dataChanged, this,
            &SessionDetailsDialog::updateAgendaTotal);
    connect(m_agenda->model(), &QAbstractItemModel::rowsRemoved, this,
            &SessionDetailsDialog::updateAgendaTotal);
    connect(m_planned, &QSpinBox::valueChanged, this, &SessionDetailsDialog::updateAgendaTotal);
    updateAgendaTotal();
    return box;
}

// Said where the agenda is planned: the sum of its segments against the session's length.
void SessionDetailsDialog::updateAgendaTotal() {
    qint64 totalMs = 0;
    for (const Segment& segment : segments())
        totalMs += segment.plannedMs;
    const qint64 total = (totalMs + 30'000) / 60'000;
    const qint64 planned =
        (originalUnlessChanged(m_planned, minutesMs(m_planned)) + 30'000) / 60'000;
    m_agendaTotal->setText(
        total > planned ? tr("The agenda adds up to %1 min: %2 min more than the session's %3.")
                              .arg(total)
                              .arg(total - planned)
                              .arg(planned)
        : total < planned ? tr("The agenda adds up to %1 min: %2 of the session's %3 min are not "
                               "planned.")
                                .arg(total)
                                .arg(planned - total)
                                .arg(planned)
                          : tr("The agenda adds up to the session's %1 min.").arg(planned));
    showAsProblem(m_agendaTotal, total > planned);
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

QString SessionDetailsDialog::date() const {
    if (m_dated->isChecked())
        return m_date->date().toString(Qt::ISODate);
    // Left unticked, a date the dialog could not read ("08/12/2026") stays as written.
    const bool hadReadable = QDate::fromString(m_originalDate, Qt::ISODate).isValid();
    return hadReadable ? QString() : m_originalDate;
}

QString SessionDetailsDialog::start() const {
    return m_timed->isChecked() ? m_start->time().toString(u"HH:mm"_s) : QString();
}

QCborMap SessionDetailsDialog::info() const {
    QCborArray questions;
    for (const QString& q : m_questions->toPlainText().split(u'\n', Qt::SkipEmptyParts))
        questions.append(q.trimmed());
    return {{u"title"_s, m_title->text().trimmed()},
            {u"date"_s, date()},
            {u"start"_s, start()},
            {u"room"_s, m_room->text().trimmed()},
            {u"format"_s, m_format->text().trimmed()},
            {u"plannedMs"_s, originalUnlessChanged(m_planned, minutesMs(m_planned))},
            {u"policyQuestions"_s, questions}};
}

QCborMap SessionDetailsDialog::allotments() const {
    Allotments a;
    a.panelistMs = originalUnlessChanged(m_panelist, speakingTimeMs(m_panelist));
    a.audienceMs = originalUnlessChanged(m_audience, speakingTimeMs(m_audience));
    a.moderatorMs = originalUnlessChanged(m_moderator, speakingTimeMs(m_moderator));
    a.warningMs = originalUnlessChanged(m_warning, m_warning->value() * 1000LL);
    return codec::toCbor(a);
}

QList<Segment> SessionDetailsDialog::segments() const {
    QList<Segment> out;
    for (int row = 0; row < m_agenda->rowCount(); ++row) {
        const QTableWidgetItem* name = m_agenda->item(row, 0);
        const QTableWidgetItem* planned = m_agenda->item(row, 1);
        if (!name || !planned)
            continue; // a row being filled in, or moved
        Segment segment = row < m_begun ? m_original.value(row) : Segment{};
        const QString title = name->text().trimmed();
        segment.title = title.isEmpty() ? name->data(originalRole).toString() : title;
        const int shown = qMax(1, planned->data(Qt::EditRole).toInt());
        const qint64 original = planned->data(originalRole).toLongLong();
        segment.plannedMs = shown == int(original / 60'000) ? original : shown * 60'000LL;
        out << segment;
    }
    return out;
}

void SessionDetailsDialog::sayWhyReadOnly(const QString& why) {
    auto* label = new QLabel(why);
    label->setObjectName(u"detailsWhyReadOnly"_s);
    label->setWordWrap(true);
    qobject_cast<QVBoxLayout*>(layout())->insertWidget(0, label);
}

DetailsEdit SessionDetailsDialog::edit() const {
    // Read back through the codec, as the engine will: the policy questions as the list they are.
    return {changedKeys(codec::toCbor(m_openedInfo), codec::toCbor(codec::sessionInfo(info()))),
            changedKeys(codec::toCbor(m_openedAllotments), allotments()), m_original, segments()};
}

} // namespace podium
