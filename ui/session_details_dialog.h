#pragma once

#include "model/state.h"

#include <QCborMap>
#include <QDialog>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;
class QTimeEdit;

namespace podium {

// What OK in the details dialog changes: only what was changed in it. The dialog sent every field
// as it showed them, and so undid what the other seat had changed while it was open.
struct DetailsEdit {
    QCborMap info;               // the keys changed, for EditSession
    QCborMap allotments;         // the keys changed, laid over the speaking times at OK
    QList<Segment> agendaOpened; // the agenda as the dialog opened with it
    QList<Segment> agenda;       // as the dialog left it
};

// The session's details: title, date, room, format, length, policy questions, the agenda's
// segments (titles and planned minutes; segments to come can be added, removed and moved, those
// that have begun stay in place) and the speaking times.
class SessionDetailsDialog : public QDialog {
    Q_OBJECT
public:
    SessionDetailsDialog(const SessionState& state, bool editable, QWidget* parent = nullptr);

    QCborMap info() const;       // EditSession's "info"
    QCborMap allotments() const; // SetAllotments's "allotments"
    QList<Segment> segments() const;
    DetailsEdit edit() const;
    // Read-only, says why at its top (the online moderator saw every field locked, unexplained).
    void sayWhyReadOnly(const QString& why);

private:
    QWidget* buildAgenda(const QList<Segment>& segments);
    void makeReadOnly();
    void setAgendaRow(int row, const QString& title, qint64 plannedMs);
    void addSegment();
    void removeSegment();
    void moveSegment(int by);
    void updateAgendaButtons();
    QSpinBox* minutes(qint64 ms, int max, const QString& name);
    QTimeEdit* speakingTime(qint64 ms, const QString& name);
    static qint64 minutesMs(const QSpinBox* box);
    static qint64 speakingTimeMs(const QTimeEdit* edit);

    QString date() const;
    QString start() const;
    void updateAgendaTotal();

    QLineEdit* m_title;
    QCheckBox* m_dated;
    QDateEdit* m_date;
    QCheckBox* m_timed;
    QTimeEdit* m_start;
    QLineEdit* m_room;
    QLineEdit* m_format;
    QSpinBox* m_planned;
    QPlainTextEdit* m_questions;
    QTimeEdit* m_panelist;
    QTimeEdit* m_audience;
    QTimeEdit* m_moderator;
    QSpinBox* m_warning;
    QTableWidget* m_agenda;
    QLabel* m_agendaTotal;
    QPushButton* m_addSegment;
    QPushButton* m_removeSegment;
    QPushButton* m_segmentUp;
    QPushButton* m_segmentDown;
    SessionInfo m_openedInfo;
    Allotments m_openedAllotments;
    QList<Segment> m_original;
    QString m_originalDate; // kept as it was when the date is left unticked
    int m_begun;            // rows that stay in place: segments up to the last one that has begun
};

} // namespace podium
