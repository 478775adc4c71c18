#include "authority.h"

#include "decisions.h"
#include "expectation.h"

#include <QCoreApplication>

namespace podium {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::Authority", text);
}

// What only the in-room moderator, who runs the session, may do.
bool isModeratorOnly(Action a) {
    switch (a) {
    case Action::StartSegment:
    case Action::RestoreAgenda:
    case Action::EditAgenda:
    case Action::CreatePoll:
    case Action::EditPoll:
    case Action::RemovePoll:
    case Action::RestorePoll:
    case Action::EditSession:
    case Action::SetAllotments:
        return true;
    default:
        return false;
    }
}

decisions::Data dataFor(const SessionState& s, const Command& c, qint64 now) {
    switch (c.action) {
    case Action::AddParticipant:
    case Action::EditParticipant:
    case Action::RemoveParticipant:
        return decisions::participants(s, c);
    case Action::AddEntry:
    case Action::MoveEntry:
    case Action::WithdrawEntry:
    case Action::RestoreEntry:
    case Action::EditEntry:
    case Action::RemoveEntry:
        return decisions::queue(s, c, now);
    case Action::Next:
    case Action::EndSpeech:
    case Action::RevertNext:
        return decisions::floor(s, c);
    case Action::StartTimer:
    case Action::PauseTimer:
    case Action::AdjustTimer:
    case Action::SetWarning:
        return decisions::timers(s, c, now);
    case Action::StartSegment:
    case Action::RestoreAgenda:
    case Action::EditAgenda:
        return decisions::agenda(s, c);
    case Action::CreatePoll:
    case Action::OpenPoll:
    case Action::ClosePoll:
    case Action::SetTally:
    case Action::RemovePoll:
    case Action::RestorePoll:
    case Action::EditPoll:
        return decisions::polls(s, c, now);
    case Action::EditSession:
    case Action::SetAllotments:
    case Action::SetStageMessage:
        return decisions::session(s, c);
    case Action::CreateSession:
        break;
    }
    return decisions::Data::failure(tr("A session is created from a plan, not by a command."));
}

} // namespace

bool isPermitted(Authority authority, Action action) {
    if (action == Action::CreateSession)
        return false;
    switch (authority) {
    case Authority::Moderator:
        return true;
    case Authority::OnlineModerator:
        return !isModeratorOnly(action);
    case Authority::ReadOnly:
        break;
    }
    return false;
}

QString notPermittedReason(Authority authority) {
    return authority == Authority::ReadOnly ? tr("This seat is read-only.")
                                            : tr("Only the in-room moderator can do that.");
}

Result<Event> decide(const SessionState& state, const Command& command, qint64 now) {
    if (!isPermitted(command.authority, command.action))
        return Result<Event>::failure(notPermittedReason(command.authority));
    if (const QString why = unmetExpectation(state, command); !why.isEmpty())
        return Result<Event>::failure(why);
    auto data = dataFor(state, command, now);
    if (!data)
        return Result<Event>::failure(data.error());
    Event e;
    e.seq = state.lastSeq + 1;
    e.epoch = state.epoch;
    e.at = now;
    e.author = command.author;
    e.commandId = command.id;
    e.action = command.action;
    e.data = std::move(data).value();
    return e;
}

} // namespace podium
