#pragma once

#include "commands/command.h"
#include "engine/clock.h"
#include "engine/session_engine.h"
#include "model/state.h"
#include "plan/plan.h"

#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <functional>
#include <memory>

// Helpers shared by the tests: a session on a fake clock, and quick ways to issue commands.
namespace podium::test {

// Runs the event loop until the condition holds or the (generous) timeout passes: tests wait on
// conditions, never on time.
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 20000) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

// A plan with a few panelists and an audience of every group, region and channel.
Plan crowdPlan(int audience = 12);

// The session's agenda with a segment added at the end (`grow`) or its last one dropped, as
// the session details dialog sends it with EditAgenda (refused when that segment has begun).
QCborArray editedAgenda(const SessionState& s, bool grow, int addedMinutes = 10);

// A journal on a disk that fills up, and is freed, when the test says.
struct FillingJournal : EventJournal {
    bool full = false;
    Result<bool> append(const Event&) override {
        return full ? Result<bool>::failure(QStringLiteral("The disk is full: not saved.")) : true;
    }
};

struct Harness {
    FakeClock clock;
    SessionEngine engine{clock};

    explicit Harness(const Plan& plan = crowdPlan());
    const SessionState& state() const { return engine.state(); }

    Result<Event> run(Action action, QCborMap args = {},
                      Authority authority = Authority::Moderator);
    Id participantNamed(const QString& name) const;
    Id add(const QString& name, EntryKind kind = EntryKind::NewPoint, Id relatesTo = 0);
    QStringList queueNames() const; // names in queue order
};

} // namespace podium::test
