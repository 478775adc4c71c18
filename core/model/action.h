#pragma once

#include <QString>
#include <optional>

namespace podium {

// Every change to a session is one of these. Commands ask for an action; events record one
// that the host accepted. New actions are only ever appended: the numbers are on the wire and
// in session files.
enum class Action {
    CreateSession = 1,
    AddParticipant,
    EditParticipant,
    RemoveParticipant,
    AddEntry,
    MoveEntry,
    WithdrawEntry,
    RestoreEntry,
    EditEntry,
    RemoveEntry,
    Next,
    EndSpeech,
    RevertNext,
    StartTimer,
    PauseTimer,
    AdjustTimer,
    SetWarning,
    StartSegment,
    RestoreAgenda,
    CreatePoll,
    OpenPoll,
    ClosePoll,
    SetTally,
    RemovePoll,
    RestorePoll,
    EditSession,
    SetAllotments,
    SetStageMessage,
    EditAgenda,
    EditPoll,
};

constexpr int firstAction = int(Action::CreateSession);
constexpr int lastAction = int(Action::EditPoll);

QString actionKey(Action a);
std::optional<Action> actionFromKey(const QString& key);
std::optional<Action> actionFromInt(qint64 value);

} // namespace podium
