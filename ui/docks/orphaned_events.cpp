#include "orphaned_events.h"

#include "model/cbor_input.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

QString tr(const char* text, int n = -1) {
    return QCoreApplication::translate("podium::OrphanedEvents", text, nullptr, n);
}

constexpr int linesShown = 40;

QString actionLabel(Action a) {
    switch (a) {
    case Action::CreateSession:
        return tr("Session created");
    case Action::AddParticipant:
        return tr("Participant added");
    case Action::EditParticipant:
        return tr("Participant edited");
    case Action::RemoveParticipant:
        return tr("Participant removed");
    case Action::AddEntry:
        return tr("Added to the queue");
    case Action::MoveEntry:
        return tr("Moved in the queue");
    case Action::WithdrawEntry:
        return tr("Withdrawn from the queue");
    case Action::RestoreEntry:
        return tr("Restored to the queue");
    case Action::EditEntry:
        return tr("Queue entry edited");
    case Action::RemoveEntry:
        return tr("Removed from the queue");
    case Action::Next:
        return tr("Given the floor");
    case Action::EndSpeech:
        return tr("Speech ended");
    case Action::RevertNext:
        return tr("Floor given back");
    case Action::StartTimer:
        return tr("Timer started");
    case Action::PauseTimer:
        return tr("Timer paused");
    case Action::AdjustTimer:
        return tr("Timer adjusted");
    case Action::SetWarning:
        return tr("Warning time set");
    case Action::StartSegment:
        return tr("Segment started");
    case Action::RestoreAgenda:
        return tr("Agenda restored");
    case Action::CreatePoll:
        return tr("Poll created");
    case Action::OpenPoll:
        return tr("Poll opened");
    case Action::ClosePoll:
        return tr("Poll closed");
    case Action::SetTally:
        return tr("Poll tally entered");
    case Action::RemovePoll:
        return tr("Poll removed");
    case Action::RestorePoll:
        return tr("Poll restored");
    case Action::EditSession:
        return tr("Session details edited");
    case Action::SetAllotments:
        return tr("Speaking times set");
    case Action::SetStageMessage:
        return tr("Stage message");
    case Action::EditAgenda:
        return tr("Agenda edited");
    }
    return actionKey(a);
}

// An event names its participant directly, by an id or a whole record, or through a queue
// entry (by id, or whole).
Id participantOf(const QCborMap& data, const SessionState& state) {
    const QCborValue participant = data.value(u"participant"_s);
    if (participant.isInteger())
        return participant.toInteger();
    if (participant.isMap())
        return integerOf(participant.toMap().value(u"id"_s));
    const QCborValue entry = data.value(u"entry"_s);
    if (entry.isMap())
        return integerOf(entry.toMap().value(u"participant"_s));
    if (const QueueEntry* e = entry.isInteger() ? state.entry(entry.toInteger()) : nullptr)
        return e->participantId;
    return 0;
}

QString detailOf(const Event& event, const SessionState& state) {
    if (const Participant* p = state.participant(participantOf(event.data, state)))
        return p->name;
    const QString text = event.data.value(u"text"_s).toString();
    return text.isEmpty() ? QString() : u"“%1”"_s.arg(text);
}

} // namespace

QStringList describeOrphans(const QList<Event>& events, const SessionState& before) {
    QStringList lines;
    for (const Event& e : events) {
        const QString when = QDateTime::fromMSecsSinceEpoch(e.at).toString(u"HH:mm:ss"_s);
        const QString detail = detailOf(e, before);
        lines << (detail.isEmpty() ? u"%1  %2"_s.arg(when, actionLabel(e.action))
                                   : u"%1  %2: %3"_s.arg(when, actionLabel(e.action), detail));
    }
    return lines;
}

void showOrphans(QWidget* parent, const QList<Event>& events, const SessionState& before) {
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Not in the shared session"),
                                tr("%n action(s) taken on this seat never reached the session's "
                                   "host, and are not in the session the others see. Nothing "
                                   "was merged: redo what still matters.",
                                   int(events.size())),
                                QMessageBox::Ok, parent);
    box->setObjectName(u"orphanedEvents"_s);
    // Names are shown as typed, never as markup.
    QStringList lines;
    for (const QString& line : describeOrphans(events.mid(0, linesShown), before))
        lines << line.toHtmlEscaped();
    if (events.size() > linesShown)
        lines << tr("…and %n more.", int(events.size() - linesShown));
    box->setInformativeText(u"<p>%1</p>"_s.arg(lines.join(u"<br>"_s)));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

} // namespace podium
