#include "action.h"

#include <array>

namespace podium {
namespace {

constexpr std::array<const char*, lastAction> keys = {
    "create-session", "add-participant", "edit-participant",  "remove-participant", "add-entry",
    "move-entry",     "withdraw-entry",  "restore-entry",     "edit-entry",         "remove-entry",
    "next",           "end-speech",      "revert-next",       "start-timer",        "pause-timer",
    "adjust-timer",   "set-warning",     "start-segment",     "restore-agenda",     "create-poll",
    "open-poll",      "close-poll",      "set-tally",         "remove-poll",        "restore-poll",
    "edit-session",   "set-allotments",  "set-stage-message", "edit-agenda",        "edit-poll",
};

} // namespace

QString actionKey(Action a) {
    return QString::fromLatin1(keys[std::size_t(int(a) - firstAction)]);
}

std::optional<Action> actionFromKey(const QString& key) {
    for (std::size_t i = 0; i < keys.size(); ++i) {
        if (key == QLatin1String(keys[i]))
            return Action(int(i) + firstAction);
    }
    return std::nullopt;
}

std::optional<Action> actionFromInt(qint64 value) {
    if (value < firstAction || value > lastAction)
        return std::nullopt;
    return Action(int(value));
}

} // namespace podium
