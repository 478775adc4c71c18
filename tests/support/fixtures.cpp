#include "fixtures.h"

#include "model/codec.h"

#include <stdexcept>

using namespace Qt::StringLiterals;

namespace podium::test {

Plan crowdPlan(int audience) {
    Plan plan;
    plan.info.title = u"Test session"_s;
    plan.info.plannedMs = 90 * 60'000;
    auto person = [](const QString& name, Role role, StakeholderGroup g, Region r, Presence p) {
        Participant x;
        x.name = name;
        x.role = role;
        x.group = g;
        x.region = r;
        x.presence = p;
        return x;
    };
    plan.participants << person(u"Moderator"_s, Role::Moderator, StakeholderGroup::Government,
                                Region::African, Presence::Onsite)
                      << person(u"Panelist A"_s, Role::Panelist,
                                StakeholderGroup::TechnicalCommunity, Region::WesternEuropeanOthers,
                                Presence::Onsite)
                      << person(u"Panelist B"_s, Role::Panelist, StakeholderGroup::CivilSociety,
                                Region::African, Presence::Onsite);
    for (int i = 0; i < audience; ++i) {
        plan.participants << person(u"Audience %1"_s.arg(i + 1), Role::Audience,
                                    StakeholderGroup(i % 5), Region(i % 5),
                                    i % 2 ? Presence::Online : Presence::Onsite);
    }
    plan.segments << Segment{u"Opening"_s, 5 * 60'000, 0, 0, {}}
                  << Segment{u"Discussion"_s, 20 * 60'000, 0, 0, {}}
                  << Segment{u"Wrap-up"_s, 10 * 60'000, 0, 0, {}};
    return plan;
}

Harness::Harness(const Plan& plan) {
    engine.setAuthor(u"tester"_s);
    if (!engine.create(plan, u"test-session"_s))
        throw std::runtime_error("cannot create the test session");
}

Result<Event> Harness::run(Action action, QCborMap args, Authority authority) {
    Command c;
    c.id = newCommandId();
    c.author = u"tester"_s;
    c.authority = authority;
    c.action = action;
    c.args = std::move(args);
    return engine.execute(c);
}

Id Harness::participantNamed(const QString& name) const {
    for (const Participant& p : state().participants) {
        if (p.name == name)
            return p.id;
    }
    throw std::runtime_error("no such participant");
}

Id Harness::add(const QString& name, EntryKind kind, Id relatesTo) {
    auto e = run(Action::AddEntry, {{u"participant"_s, participantNamed(name)},
                                    {u"kind"_s, key(kind)},
                                    {u"relatesTo"_s, relatesTo}});
    if (!e)
        throw std::runtime_error(e.error().toStdString());
    return e->data.value(u"entry"_s).toMap().value(u"id"_s).toInteger();
}

QStringList Harness::queueNames() const {
    QStringList names;
    for (const QueueEntry& e : state().queue)
        names << state().participant(e.participantId)->name;
    return names;
}

QCborArray editedAgenda(const SessionState& s, bool grow, int addedMinutes) {
    QList<Segment> agenda = s.segments;
    if (grow || agenda.size() < 2)
        agenda.append(Segment{u"Added"_s, addedMinutes * 60'000LL, 0, 0, {}});
    else
        agenda.removeLast();
    return codec::toCborArray(agenda);
}

} // namespace podium::test
