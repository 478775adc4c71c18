#include "report_fixture.h"

#include <stdexcept>

using namespace Qt::StringLiterals;

namespace podium::test {

const QString awkwardName = u"<b>Ana</b> & \"Bo\", R&D"_s;
const QString arabicName = u"ليلى حسن"_s;
const QString chineseName = u"王小明"_s;

namespace {

Participant person(const QString& name, Role role, StakeholderGroup g, Region r, Presence p,
                   const QString& gender) {
    Participant x;
    x.name = name;
    x.role = role;
    x.group = g;
    x.region = r;
    x.presence = p;
    x.gender = gender;
    return x;
}

} // namespace

Plan scriptedPlan() {
    using G = StakeholderGroup;
    Plan plan;
    plan.info.title = u"Securing the Internet for all"_s;
    plan.info.date = u"2027-01-15"_s;
    plan.info.room = u"Auditorium"_s;
    plan.info.format = u"Panel - Auditorium - 90 Min"_s;
    plan.info.policyQuestions = {u"How do standards secure the Internet for all users?"_s};
    // Roster: six onsite (Manal, David, Vera, Adiel, Hosein, Wang), three online (Ana, Leila,
    // Silent Listener).
    plan.participants << person(u"Manal Ismail"_s, Role::Moderator, G::Government, Region::African,
                                Presence::Onsite, u"female"_s)
                      << person(u"David Huberman"_s, Role::OnlineModerator, G::TechnicalCommunity,
                                Region::WesternEuropeanOthers, Presence::Onsite, u"male"_s)
                      << person(u"Vera Major"_s, Role::Rapporteur, G::TechnicalCommunity,
                                Region::WesternEuropeanOthers, Presence::Onsite, u"female"_s)
                      << person(u"Adiel Akplogan"_s, Role::Panelist, G::TechnicalCommunity,
                                Region::WesternEuropeanOthers, Presence::Onsite, u"male"_s)
                      << person(u"Hosein Badran"_s, Role::Panelist, G::CivilSociety,
                                Region::African, Presence::Onsite, u"male"_s)
                      << person(awkwardName, Role::Audience, G::PrivateSector,
                                Region::LatinAmericanCaribbean, Presence::Online, QString())
                      << person(arabicName, Role::Audience, G::CivilSociety, Region::AsiaPacific,
                                Presence::Online, u"Female"_s)
                      << person(chineseName, Role::Audience, G::Government, Region::AsiaPacific,
                                Presence::Onsite, u"male"_s)
                      << person(u"Silent Listener"_s, Role::Audience, G::Intergovernmental,
                                Region::EasternEuropean, Presence::Online, QString());
    plan.segments << Segment{u"Opening"_s, 5 * 60'000, 0, 0, {}}
                  << Segment{u"Discussion"_s, 20 * 60'000, 0, 0, {}}
                  << Segment{u"Wrap-up"_s, 10 * 60'000, 0, 0, {}};
    return plan;
}

Result<Event> SessionScript::run(Action action, QCborMap args) {
    Command c;
    c.id = newCommandId();
    c.author = u"tester"_s;
    c.authority = Authority::Moderator;
    c.action = action;
    c.args = std::move(args);
    return engine.execute(c);
}

void SessionScript::go(Action action, QCborMap args) {
    if (auto e = run(action, std::move(args)); !e)
        throw std::runtime_error(e.error().toStdString());
}

Id SessionScript::add(const QString& name, EntryKind kind, Id relatesTo, const QString& channel) {
    Id participant = 0;
    for (const Participant& p : engine.state().participants) {
        if (p.name == name)
            participant = p.id;
    }
    QCborMap args{
        {u"participant"_s, participant}, {u"kind"_s, key(kind)}, {u"relatesTo"_s, relatesTo}};
    if (!channel.isEmpty())
        args[u"channel"_s] = channel;
    auto e = run(Action::AddEntry, args);
    if (!e)
        throw std::runtime_error(e.error().toStdString());
    return e->data.value(u"entry"_s).toMap().value(u"id"_s).toInteger();
}

// Timeline, in seconds after t0:
//    0  session clock and "Opening" start; Manal speaks            (moderator)  → 180 s
//  180  Manal's speech ends
//  240  "Discussion" starts (Opening ran 240 s of 300); Adiel speaks (panelist)
//  340  Adiel's timer paused for 30 s; resumed at 370
//  570  Ana speaks, online (Adiel: 100 + 200 = 300 s spoken, 330 s on the wall)  → 90 s
//  660  Leila speaks, online                                                      → 120 s
//  780  Wang replies to Leila, onsite                                             → 60 s
//  840  "Wrap-up" starts (Discussion ran 600 s of 1200); Hosein speaks (panelist) → 240 s
// 1080  Ana speaks again, this time from the room (onsite channel)                → 30 s
// 1110  Ana's speech ends
// 1200  the agenda is closed (Wrap-up ran 360 s of 600); session clock paused at 1200 s
// Seven speeches, 180+300+90+120+60+240+30 = 1020 s of speaking time.
void SessionScript::speeches() {
    auto segment = [&](int index, int active) {
        go(Action::StartSegment, {{u"index"_s, index}, {u"expectActive"_s, active}});
    };
    auto until = [this](int seconds) {
        clock.set(at(seconds));
    };
    go(Action::StartTimer, {{u"timer"_s, u"session"_s}});
    segment(0, -1);
    manal = add(u"Manal Ismail"_s);
    go(Action::Next);
    until(180);
    go(Action::EndSpeech);
    until(240);
    segment(1, 0);
    adiel = add(u"Adiel Akplogan"_s);
    go(Action::Next);
    until(340);
    go(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}});
    until(370);
    go(Action::StartTimer, {{u"timer"_s, u"speaker"_s}});
    add(awkwardName);
    leila = add(arabicName);
    until(570);
    go(Action::Next);
    until(660);
    go(Action::Next);
    add(chineseName, EntryKind::Reply, leila);
    until(780);
    go(Action::Next);
    until(840);
    go(Action::EndSpeech);
    segment(2, 1);
    add(u"Hosein Badran"_s);
    go(Action::Next);
    until(1080);
    add(awkwardName, EntryKind::NewPoint, 0, u"onsite"_s);
    go(Action::Next);
    until(1110);
    go(Action::EndSpeech);
    until(1200);
    go(Action::StartSegment, {{u"index"_s, 3}, {u"expectActive"_s, 2}});
    go(Action::PauseTimer, {{u"timer"_s, u"session"_s}});
}

// Yes 12 onsite + 18 online = 30; No 5 onsite + 5 web = 10; Unsure 10 online = 10.
// 50 votes: 60 %, 20 %, 20 %. A draft poll that was never run stays out of the report.
void SessionScript::poll() {
    auto created =
        run(Action::CreatePoll,
            {{u"question"_s, u"Do you trust \"DNS\", really?"_s},
             {u"options"_s, QCborArray{u"Yes, fully"_s, u"No"_s, u"不确定 / غير متأكد"_s}}});
    if (!created)
        throw std::runtime_error("poll");
    const Id poll = created->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
    go(Action::OpenPoll, {{u"poll"_s, poll}});
    auto tally = [&](int option, const QString& source, qint64 n) {
        go(Action::SetTally,
           {{u"poll"_s, poll}, {u"option"_s, option}, {u"source"_s, source}, {u"count"_s, n}});
    };
    tally(0, u"onsite"_s, 12);
    tally(0, u"online"_s, 18);
    tally(1, u"onsite"_s, 5);
    tally(1, u"web"_s, 5);
    tally(2, u"online"_s, 10);
    clock.set(at(1260)); // open for a minute
    go(Action::ClosePoll, {{u"poll"_s, poll}});
    go(Action::CreatePoll,
       {{u"question"_s, u"Never asked"_s}, {u"options"_s, QCborArray{u"a"_s, u"b"_s}}});
}

void SessionScript::writeNotes() {
    notes << Note{1, at(60), manal, NoteKind::Note, u"Opening frames the policy question."_s}
          << Note{2, at(300), adiel, NoteKind::KeyTakeaway,
                  u"Standards work only when adopted: \"MANRS\" for routing, DNSSEC for names."_s}
          << Note{3, at(700), leila, NoteKind::CallToAction,
                  u"Volunteer for the IoT work stream,\nsign up by Friday."_s}
          << Note{4, at(1150), 0, NoteKind::Note, u"Room full; people stood at the back."_s}
          << Note{5, at(1160), 0, NoteKind::KeyTakeaway, u"Consumers need visible labels."_s};
}

void SessionScript::play() {
    speeches();
    poll();
    writeNotes();
}

ScriptedSession::ScriptedSession()
    : h(scriptedPlan()) {
    SessionScript script(h.engine, h.clock);
    script.play();
    notes = script.notes;
    t0 = script.t0;
    manal = script.manal;
    adiel = script.adiel;
    leila = script.leila;
}

} // namespace podium::test
