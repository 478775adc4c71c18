#include "event_text.h"

#include "cbor_input.h"
#include "timer.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::EventText", text);
}

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
    case Action::EditPoll:
        return tr("Poll edited");
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
    return entry.isInteger() ? state.participantOfEntry(entry.toInteger()) : 0;
}

// "“Which work stream?”, Partly: online 7": which number went where.
QString tallyDetail(const QCborMap& data, const SessionState& state) {
    const Poll* poll = state.poll(integerOf(data.value(u"poll"_s)));
    if (!poll)
        return {};
    const QString option = poll->options.value(int(integerOf(data.value(u"option"_s))));
    const auto source = fromKey<TallySource>(data.value(u"source"_s).toString());
    // One arg() for all: a second one would fill a "%1" in the question itself.
    return u"“%1”, %2: %3 %4"_s.arg(poll->question, option,
                                    source ? label(*source).toLower() : QString(),
                                    QString::number(integerOf(data.value(u"count"_s))));
}

QString detailOf(Action action, const QCborMap& data, const SessionState& state) {
    if (action == Action::SetTally)
        return tallyDetail(data, state);
    // "Timer adjusted" did not say which, nor by how much, when it was not done.
    if (action == Action::AdjustTimer) {
        const qint64 delta = integerOf(data.value(u"deltaMs"_s));
        const auto timer = fromKey<TimerId>(data.value(u"timer"_s).toString());
        const QString which = timer == TimerId::Session   ? tr("session clock")
                              : timer == TimerId::Segment ? tr("segment clock")
                                                          : tr("speaker's time");
        return u"%1 %2%3"_s.arg(which, delta < 0 ? u"−"_s : u"+"_s, formatElapsed(qAbs(delta)));
    }
    if (const Participant* p = state.participant(participantOf(data, state)))
        return p->name;
    const QString text = data.value(u"text"_s).toString();
    if (action == Action::SetStageMessage && text.isEmpty())
        return tr("cleared"); // "Stage message" alone read as if one had been shown
    return text.isEmpty() ? QString() : u"“%1”"_s.arg(text);
}

} // namespace

QString describeEvent(const Event& event, const SessionState& state) {
    const QString when = QDateTime::fromMSecsSinceEpoch(event.at).toString(u"HH:mm:ss"_s);
    return u"%1  %2"_s.arg(when, describeAction(event.action, event.data, state));
}

QString describeAction(Action action, const QCborMap& data, const SessionState& state) {
    if (action == Action::ClosePoll && data.value(u"toDraft"_s).toBool())
        return tr("Poll back to draft (its opening undone)");
    const QString detail = detailOf(action, data, state);
    return detail.isEmpty() ? actionLabel(action) : u"%1: %2"_s.arg(actionLabel(action), detail);
}

} // namespace podium
