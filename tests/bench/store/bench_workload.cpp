#include "bench_workload.h"

#include "engine/clock.h"
#include "engine/session_engine.h"
#include "plan/plan.h"

#include <QSet>
#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace podium::bench {

namespace {

Command command(Action action, QCborMap args = {}) {
    return Command{newCommandId(), u"bench"_s, Authority::Moderator, action, std::move(args)};
}

Id someoneNotQueued(const SessionState& s) {
    QSet<Id> queued;
    for (const QueueEntry& e : s.queue)
        queued.insert(e.participantId);
    for (qsizetype i = 0; i < s.participants.size(); ++i) {
        const Participant& p = s.participants[(s.lastSeq + i) % s.participants.size()];
        if (!queued.contains(p.id))
            return p.id;
    }
    return s.participants.first().id;
}

Command nextCommand(const SessionState& s) {
    switch (s.lastSeq % 4) {
    case 0:
        if (s.queue.size() < 5)
            return command(Action::AddEntry, {{u"participant"_s, someoneNotQueued(s)}});
        return command(Action::RemoveEntry, {{u"entry"_s, s.queue.first().id}});
    case 1:
        return command(
            Action::AdjustTimer,
            {{u"timer"_s, u"session"_s}, {u"deltaMs"_s, s.lastSeq % 8 == 1 ? 30'000 : -30'000}});
    case 2:
        return command(Action::SetStageMessage, {{u"text"_s, u"Message %1"_s.arg(s.lastSeq)}});
    default:
        return command(s.sessionClock.running ? Action::PauseTimer : Action::StartTimer,
                       {{u"timer"_s, u"session"_s}});
    }
}

} // namespace

Workload::Workload() {
    QObject::connect(&m_engine, &SessionEngine::eventApplied,
                     [this](const Event& e, const SessionState&) { m_last = e; });
    (void)m_engine.create(demoPlan(), u"bench"_s);
    m_creation = m_last;
}

Event Workload::next() {
    m_clock.advance(1'500);
    if (auto done = m_engine.execute(nextCommand(m_engine.state())); !done) {
        std::fprintf(stderr, "workload refused: %s\n", qPrintable(done.error()));
        std::exit(1);
    }
    return m_last;
}

} // namespace podium::bench
