#include "session_details_dialog.h"

#include "model/codec.h"

#include <QCborArray>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace podium {

QSpinBox* SessionDetailsDialog::minutes(qint64 ms, int max, const QString& name) {
    auto* box = new QSpinBox;
    box->setObjectName(name);
    box->setRange(1, max);
    box->setValue(int(ms / 60'000));
    box->setSuffix(tr(" min"));
    return box;
}

SessionDetailsDialog::SessionDetailsDialog(const SessionState& s, bool editable, QWidget* parent)
    : QDialog(parent)
    , m_title(new QLineEdit(s.info.title))
    , m_date(new QDateEdit)
    , m_room(new QLineEdit(s.info.room))
    , m_format(new QLineEdit(s.info.format))
    , m_planned(minutes(s.info.plannedMs, 24 * 60, u"detailsPlanned"_s))
    , m_questions(new QPlainTextEdit(s.info.policyQuestions.join(u'\n')))
    , m_panelist(minutes(s.allotments.panelistMs, 60, u"detailsPanelist"_s))
    , m_audience(minutes(s.allotments.audienceMs, 60, u"detailsAudience"_s))
    , m_moderator(minutes(s.allotments.moderatorMs, 60, u"detailsModerator"_s))
    , m_warning(new QSpinBox)
    , m_original(s.segments) {
    setObjectName(u"sessionDetailsDialog"_s);
    setWindowTitle(tr("Session details"));
    m_title->setObjectName(u"detailsTitle"_s);
    m_date->setObjectName(u"detailsDate"_s);
    m_date->setCalendarPopup(true);
    m_date->setDate(QDate::fromString(s.info.date, Qt::ISODate).isValid()
                        ? QDate::fromString(s.info.date, Qt::ISODate)
                        : QDate::currentDate());
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
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    for (QWidget* w : findChildren<QWidget*>()) {
        if (w != buttons && !buttons->isAncestorOf(w) && !editable)
            w->setEnabled(false);
    }
}

QWidget* SessionDetailsDialog::buildAgenda(const QList<Segment>& segments) {
    m_agenda = new QTableWidget(int(segments.size()), 2);
    m_agenda->setObjectName(u"detailsAgenda"_s);
    m_agenda->setHorizontalHeaderLabels({tr("Segment"), tr("Minutes")});
    m_agenda->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_agenda->verticalHeader()->hide();
    for (int i = 0; i < segments.size(); ++i) {
        m_agenda->setItem(i, 0, new QTableWidgetItem(segments[i].title));
        auto* planned = new QTableWidgetItem;
        planned->setData(Qt::EditRole, int(segments[i].plannedMs / 60'000));
        m_agenda->setItem(i, 1, planned);
    }
    m_agenda->setMinimumHeight(140);
    return m_agenda;
}

QCborMap SessionDetailsDialog::info() const {
    QCborArray questions;
    for (const QString& q : m_questions->toPlainText().split(u'\n', Qt::SkipEmptyParts))
        questions.append(q.trimmed());
    return {{u"title"_s, m_title->text().trimmed()},
            {u"date"_s, m_date->date().toString(Qt::ISODate)},
            {u"room"_s, m_room->text().trimmed()},
            {u"format"_s, m_format->text().trimmed()},
            {u"plannedMs"_s, qint64(m_planned->value()) * 60'000},
            {u"policyQuestions"_s, questions}};
}

QCborMap SessionDetailsDialog::allotments() const {
    Allotments a;
    a.panelistMs = qint64(m_panelist->value()) * 60'000;
    a.audienceMs = qint64(m_audience->value()) * 60'000;
    a.moderatorMs = qint64(m_moderator->value()) * 60'000;
    a.warningMs = qint64(m_warning->value()) * 1000;
    return codec::toCbor(a);
}

QList<Segment> SessionDetailsDialog::segments() const {
    QList<Segment> out = m_original;
    for (int i = 0; i < out.size(); ++i) {
        const QString title = m_agenda->item(i, 0)->text().trimmed();
        if (!title.isEmpty())
            out[i].title = title;
        out[i].plannedMs = qMax(1, m_agenda->item(i, 1)->data(Qt::EditRole).toInt()) * 60'000LL;
    }
    return out;
}

} // namespace podium
