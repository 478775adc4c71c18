#include <catch2/catch.hpp>

#include "fixtures.h"
#include "model/codec.h"
#include "model/reducer.h"

#include <QRandomGenerator>
#include <QSet>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// Mostly plausible arguments, sometimes nonsense, so both accepted and refused paths run.
class RandomCommands {
public:
    explicit RandomCommands(quint32 seed)
        : m_rng(seed) {}

    Command next(const SessionState& s) {
        Command c;
        c.id = newCommandId();
        c.author = u"fuzz"_s;
        c.authority = pick({Authority::Moderator, Authority::Moderator, Authority::OnlineModerator,
                            Authority::ReadOnly});
        c.action = Action(bounded(firstAction + 1, lastAction + 1));
        c.args = {{u"participant"_s, someId(s, s.participants)},
                  {u"entry"_s, someEntry(s)},
                  {u"relatesTo"_s, someEntry(s)},
                  {u"kind"_s, key(EntryKind(bounded(0, 4)))},
                  {u"to"_s, bounded(-1, int(s.queue.size()) + 1)},
                  {u"timer"_s, key(TimerId(bounded(0, 3)))},
                  {u"deltaMs"_s, bounded(-4, 5) * 30'000},
                  {u"ms"_s, bounded(0, 120) * 1000},
                  {u"index"_s, bounded(-1, int(s.segments.size()) + 2)},
                  {u"poll"_s, someId(s, s.polls)},
                  {u"option"_s, bounded(-1, 4)},
                  {u"source"_s, key(TallySource(bounded(0, 3)))},
                  {u"count"_s, bounded(-3, 200)},
                  {u"question"_s, u"Q"_s},
                  {u"options"_s, QCborArray{u"a"_s, u"b"_s, u"c"_s}},
                  {u"name"_s, bounded(0, 5) ? u"Someone"_s : QString()},
                  {u"text"_s, u"Please wrap up"_s},
                  {u"agenda"_s, editedAgenda(s, bounded(0, 2) == 0, bounded(1, 30))}};
        if (bounded(0, 3) == 0)
            c.args[u"expectFloor"_s] = s.floor && bounded(0, 2) ? s.floor->entry.id : 0;
        return c;
    }

private:
    int bounded(int lo, int hi) { return int(m_rng.bounded(lo, hi)); }
    template <typename T> T pick(std::initializer_list<T> xs) {
        return xs.begin()[bounded(0, int(xs.size()))];
    }
    template <typename List> Id someId(const SessionState&, const List& list) {
        if (list.isEmpty() || bounded(0, 10) == 0)
            return bounded(0, 1000);
        return list[bounded(0, int(list.size()))].id;
    }
    Id someEntry(const SessionState& s) {
        if (s.floor && bounded(0, 4) == 0)
            return s.floor->entry.id;
        return someId(s, s.queue);
    }

    QRandomGenerator m_rng;
};

void checkInvariants(const SessionState& s) {
    QSet<Id> queued;
    for (const QueueEntry& e : s.queue) {
        REQUIRE_FALSE(queued.contains(e.id)); // an entry is queued at most once
        queued.insert(e.id);
        REQUIRE(s.participant(e.participantId) != nullptr);
    }
    // One person at most on the floor, and never both queued and speaking.
    if (s.floor)
        REQUIRE_FALSE(queued.contains(s.floor->entry.id));
    for (const Poll& p : s.polls) {
        REQUIRE(p.tallies.size() == p.options.size());
        for (const Tally& t : p.tallies) {
            for (qint64 n : t)
                REQUIRE(n >= 0);
        }
    }
    REQUIRE(s.activeSegment < s.segments.size());
}

} // namespace

TEST_CASE("10,000 random commands keep every invariant, and replay matches the live state") {
    const quint32 seed = QRandomGenerator::global()->generate();
    INFO("seed " << seed);
    Harness h;
    SessionState replica = h.state(); // a peer applying the same events
    QList<Event> log;
    QObject::connect(&h.engine, &SessionEngine::eventApplied,
                     [&](const Event& e, const SessionState&) {
                         log.append(e);
                         replica = apply(replica, e);
                     });
    RandomCommands random(seed);
    QRandomGenerator clockSteps(seed + 1);
    int accepted = 0;
    for (int i = 0; i < 10'000; ++i) {
        const QByteArray before = codec::digest(h.state());
        const auto result = h.engine.execute(random.next(h.state()));
        if (result)
            ++accepted;
        else
            REQUIRE(codec::digest(h.state()) == before); // a refusal changes nothing
        checkInvariants(h.state());
        if (i % 250 == 0)
            REQUIRE(codec::digest(replica) == codec::digest(h.state()));
        h.clock.advance(clockSteps.bounded(0, 20'000));
    }
    CHECK(accepted > 1000); // the generator is not just producing refusals
    SessionState replayed = Harness(crowdPlan()).state();
    for (const Event& e : log)
        replayed = apply(replayed, e);
    CHECK(codec::digest(replayed) == codec::digest(h.state()));
    CHECK(codec::digest(replica) == codec::digest(h.state()));
}
