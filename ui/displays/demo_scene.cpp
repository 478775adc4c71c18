#include "demo_scene.h"

#include "engine/session_engine.h"
#include "model/cbor_input.h"

#include <QCborArray>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

struct Step {
    Action action;
    QCborMap args;
};

QCborMap person(const QString& name, const QString& affiliation, const QString& group,
                const QString& region, const QString& presence) {
    return {{u"name"_s, name},     {u"affiliation"_s, affiliation}, {u"group"_s, group},
            {u"region"_s, region}, {u"presence"_s, presence},       {u"role"_s, u"audience"_s}};
}

QList<QCborMap> audience() {
    return {person(u"Amina Diallo"_s, u"Digital Rights Sénégal"_s, u"civil-society"_s, u"african"_s,
                   u"online"_s),
            person(u"Kenji Watanabe"_s, u"Japan Network Operators"_s, u"technical-community"_s,
                   u"asia-pacific"_s, u"onsite"_s),
            person(u"Lucía Fernández"_s, u"Ministry of ICT, Uruguay"_s, u"government"_s,
                   u"latin-american-caribbean"_s, u"online"_s),
            person(u"Olena Kovalenko"_s, u"CERT-UA"_s, u"government"_s, u"eastern-european"_s,
                   u"onsite"_s),
            person(u"Rahul Mehta"_s, u"Internet Society Delhi"_s, u"civil-society"_s,
                   u"asia-pacific"_s, u"online"_s)};
}

Id idOf(const SessionState& s, const QString& name) {
    for (const Participant& p : s.participants) {
        if (p.name == name)
            return p.id;
    }
    return 0;
}

Result<Event> run(SessionEngine& engine, Action action, const QCborMap& args) {
    Command c;
    c.id = newCommandId();
    c.author = u"demo"_s;
    c.authority = Authority::Moderator;
    c.action = action;
    c.args = args;
    return engine.executeHere(c);
}

// Lucía's clarifying question follows Amina's point, as the queue rules place it.
Result<bool> fillQueue(SessionEngine& engine) {
    const QStringList names{u"Adiel Akplogan"_s,  u"Amina Diallo"_s,    u"Kenji Watanabe"_s,
                            u"Lucía Fernández"_s, u"Olena Kovalenko"_s, u"Rahul Mehta"_s,
                            u"Wout De Natris"_s};
    Id amina = 0;
    for (const QString& name : names) {
        QCborMap args{{u"participant"_s, idOf(engine.state(), name)}};
        if (name == u"Lucía Fernández"_s) {
            args[u"kind"_s] = u"clarifying-question"_s;
            args[u"relatesTo"_s] = amina;
        }
        auto added = run(engine, Action::AddEntry, args);
        if (!added)
            return Result<bool>::failure(added.error());
        if (name == u"Amina Diallo"_s)
            amina = integerOf(added->data.value(u"entry"_s).toMap().value(u"id"_s));
    }
    return true;
}

QList<Step> pollSteps(Id poll) {
    auto tally = [poll](int option, const char* source, int count) {
        return Step{Action::SetTally,
                    {{u"poll"_s, poll},
                     {u"option"_s, option},
                     {u"source"_s, QString::fromLatin1(source)},
                     {u"count"_s, count}}};
    };
    return {{Action::OpenPoll, {{u"poll"_s, poll}}},
            tally(0, "onsite", 21),
            tally(0, "online", 34),
            tally(0, "web", 9),
            tally(1, "onsite", 8),
            tally(1, "online", 17),
            tally(1, "web", 4),
            tally(2, "onsite", 12),
            tally(2, "online", 11),
            tally(2, "web", 6)};
}

qint64 adjustmentFor(const QString& scene) {
    // The first speaker is a panelist with 5 minutes.
    if (scene == u"warning"_s)
        return -(5 * 60'000 - 24'000);
    if (scene == u"overtime"_s)
        return -5 * 60'000; // all of it: an allotment is never less than nothing

    return -(5 * 60'000 - 80'000);
}

Result<bool> runAll(SessionEngine& engine, const QList<Step>& steps) {
    for (const Step& step : steps) {
        if (auto done = run(engine, step.action, step.args); !done)
            return Result<bool>::failure(done.error());
    }
    return true;
}

} // namespace

QStringList demoSceneNames() {
    return {u"live"_s, u"warning"_s, u"overtime"_s};
}

Result<bool> playDemoScene(SessionEngine& engine, const QString& scene) {
    if (!demoSceneNames().contains(scene))
        return Result<bool>::failure(
            QCoreApplication::translate("podium::DemoScene", "Unknown scene “%1”; try one of: %2.")
                .arg(scene, demoSceneNames().join(u", "_s)));
    QList<Step> setup{{Action::StartTimer, {{u"timer"_s, u"session"_s}}},
                      {Action::StartSegment, {{u"index"_s, 1}}}};
    for (const QCborMap& p : audience())
        setup.append({Action::AddParticipant, p});
    if (auto done = runAll(engine, setup); !done)
        return done;
    if (auto done = fillQueue(engine); !done)
        return done;
    auto poll = run(engine, Action::CreatePoll,
                    {{u"question"_s, u"Which step would most improve security where you live?"_s},
                     {u"options"_s, QCborArray{u"Open standards (DNSSEC, RPKI)"_s,
                                               u"Security labels for consumers"_s,
                                               u"Regional cooperation among CERTs"_s}}});
    if (!poll)
        return Result<bool>::failure(poll.error());
    const Id pollId = integerOf(poll->data.value(u"poll"_s).toMap().value(u"id"_s));
    QList<Step> floor = pollSteps(pollId);
    floor.append({Action::Next, {}});
    floor.append(
        {Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, adjustmentFor(scene)}}});
    if (scene == u"warning"_s)
        floor.append({Action::SetStageMessage,
                      {{u"text"_s, u"Please wrap up: one question is waiting online"_s}}});
    return runAll(engine, floor);
}

} // namespace podium
