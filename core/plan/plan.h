#pragma once

#include "model/event.h"
#include "model/result.h"
#include "model/state.h"

#include <QByteArray>

namespace podium {

// What a moderator prepares before the day: the session, speaking times, the people and the
// agenda. Stored as JSON so it can be written by hand or by other tools.
struct Plan {
    SessionInfo info;
    Allotments allotments;
    QList<Participant> participants; // ids are assigned when a session is created
    QList<Segment> segments;
    QList<Poll> polls; // written ahead: drafts, their question and options only

    bool operator==(const Plan&) const = default;
};

constexpr int planFormatVersion = 1;

// What a plan is read for: a new session needs its title; a roster to import (its people) does
// not, and a file of people alone is one.
enum class PlanUse { NewSession, Roster };

Result<Plan> parsePlan(const QByteArray& json, PlanUse use = PlanUse::NewSession);
Result<Plan> readPlanFile(const QString& path, PlanUse use = PlanUse::NewSession);
QByteArray planToJson(const Plan& plan);
Plan planOf(const SessionState& state);

// The first event of every session log: the plan, with ids given to its participants.
Event creationEvent(const Plan& plan, const QString& sessionId, qint64 at);

// The built-in demo session (an IGF workshop), embedded in the binary.
Plan demoPlan();

} // namespace podium
