#include "ui_workload.h"

#include <QCborMap>

using namespace Qt::StringLiterals;

namespace podium::bench {
namespace {

Result<Event> run(SessionEngine& e, Action a, const QCborMap& args) {
    Command c;
    c.id = newCommandId();
    c.author = u"bench"_s;
    c.authority = Authority::Moderator;
    c.action = a;
    c.args = args;
    return e.execute(c);
}

Plan bigPlan(int people) {
    Plan plan;
    plan.info.title = u"Benchmark session"_s;
    for (int i = 0; i < people; ++i) {
        Participant p;
        p.name = u"Participant %1"_s.arg(i + 1);
        p.group = StakeholderGroup(i % 5);
        p.region = Region(i % 5);
        p.presence = i % 2 ? Presence::Online : Presence::Onsite;
        p.role = i < 3 ? Role::Panelist : Role::Audience;
        plan.participants << p;
    }
    plan.segments << Segment{u"Discussion"_s, 60 * 60'000, 0, 0, {}};
    return plan;
}

} // namespace

BigSession::BigSession(int queued, int loggedEvents) {
    (void)engine.create(bigPlan(queued + 50));
    const QList<Participant> people = engine.state().participants;
    int events = 1;
    // Speeches first, so the timeline and balance have history to show.
    for (int i = 0; events < loggedEvents / 2; ++i, events += 2) {
        (void)run(engine, Action::AddEntry, {{u"participant"_s, people[i % 50].id}});
        (void)run(engine, Action::Next, {});
    }
    for (int i = 0; i < queued; ++i, ++events)
        (void)run(engine, Action::AddEntry, {{u"participant"_s, people[50 + i].id}});
    for (int i = 0; events < loggedEvents; ++i, ++events)
        oneEvent(i);
    cockpit = std::make_unique<Cockpit>(engine);
}

void BigSession::oneEvent(int i) {
    switch (i % 3) {
    case 0:
        (void)run(engine, Action::AdjustTimer,
                  {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, i % 2 ? 1000 : -1000}});
        break;
    case 1:
        (void)run(engine, Action::SetStageMessage, {{u"text"_s, u"Message %1"_s.arg(i)}});
        break;
    default: {
        const QList<QueueEntry>& q = engine.state().queue;
        if (q.size() > 2)
            (void)run(engine, Action::MoveEntry,
                      {{u"entry"_s, q[q.size() - 1].id}, {u"to"_s, qint64(q.size() - 2)}});
        break;
    }
    }
}

} // namespace podium::bench
