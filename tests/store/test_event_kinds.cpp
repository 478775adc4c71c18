#include <catch2/catch.hpp>

#include "commands/compensation.h"
#include "fixtures.h"
#include "model/codec.h"
#include "model/reducer.h"
#include "store_support.h"

#include <QRandomGenerator>
#include <QSet>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// Plausible commands with some nonsense in between, plus undo of recent events, so that every
// kind of event, compensations included, is produced by the engine itself.
class Moderator {
public:
    explicit Moderator(quint32 seed)
        : m_rng(seed) {}

    Command next(const SessionState& s) {
        Command c = command(Action(bounded(firstAction + 1, lastAction + 1)));
        c.args = {{u"participant"_s, someId(s.participants)},
                  {u"entry"_s, someEntry(s)},
                  {u"relatesTo"_s, someEntry(s)},
                  {u"kind"_s, key(EntryKind(bounded(0, 4)))},
                  {u"to"_s, bounded(0, int(s.queue.size()) + 1)},
                  {u"timer"_s, key(TimerId(bounded(0, 3)))},
                  {u"deltaMs"_s, bounded(-2, 5) * 30'000},
                  {u"ms"_s, bounded(1, 120) * 1000},
                  {u"index"_s, bounded(0, int(s.segments.size()))},
                  {u"poll"_s, someId(s.polls)},
                  {u"option"_s, bounded(0, 3)},
                  {u"source"_s, key(TallySource(bounded(0, 3)))},
                  {u"count"_s, bounded(0, 200)},
                  {u"question"_s, u"Q"_s},
                  {u"options"_s, QCborArray{u"a"_s, u"b"_s, u"c"_s}},
                  {u"name"_s, u"Someone"_s},
                  {u"title"_s, u"Renamed"_s},
                  {u"text"_s, u"Please wrap up"_s},
                  {u"agenda"_s, editedAgenda(s, bounded(0, 2) == 0, bounded(1, 30))}};
        return c;
    }
    bool undoNow() { return bounded(0, 4) == 0; }

private:
    int bounded(int lo, int hi) { return int(m_rng.bounded(lo, hi)); }
    template <typename List> Id someId(const List& list) {
        return list.isEmpty() ? 1 : list[bounded(0, int(list.size()))].id;
    }
    Id someEntry(const SessionState& s) {
        if (s.floor && bounded(0, 4) == 0)
            return s.floor->entry.id;
        return someId(s.queue);
    }
    QRandomGenerator m_rng;
};

} // namespace

TEST_CASE("every kind of event round-trips through the file, and replay equals the live state") {
    Folder folder;
    const QString path = folder.file(u"kinds.podium"_s);
    Seat seat(createOrFail(path));
    seat.file->setSnapshotInterval(97);
    QList<Event> log;
    QList<SessionState> before;
    QSet<int> kinds;
    const auto created = seat.file->events(1);
    REQUIRE(created);
    REQUIRE_FALSE(created->isEmpty());
    kinds.insert(int(created->first().action)); // the file's first event, before the engine's
    QObject::connect(&seat.engine, &SessionEngine::eventApplied,
                     [&](const Event& e, const SessionState& b) {
                         log.append(e);
                         before.append(b);
                         kinds.insert(int(e.action));
                     });
    Moderator moderator(20'261'128);
    for (int i = 0; i < 3000; ++i) {
        seat.clock.advance(3'000);
        if (!log.isEmpty() && moderator.undoNow()) {
            if (auto undo = compensationFor(before.last(), log.last())) {
                undo->id = newCommandId();
                undo->authority = Authority::Moderator;
                (void)seat.engine.execute(*undo);
            }
            continue;
        }
        (void)seat.engine.execute(moderator.next(seat.engine.state()));
    }
    for (int a = firstAction; a <= lastAction; ++a) {
        INFO("action " << actionKey(Action(a)).toStdString());
        CHECK(kinds.contains(a));
    }

    const SessionState live = seat.engine.state();
    seat.file.reset();
    auto file = openOrFail(path);
    CHECK(file->state() == live);
    CHECK(codec::digest(file->state()) == codec::digest(live));
    const auto stored = file->events(2);
    REQUIRE(stored);
    REQUIRE(stored->size() == log.size());
    for (int i = 0; i < log.size(); ++i) {
        INFO("event " << log[i].seq);
        REQUIRE(stored.value()[i] == log[i]);
    }
    SessionState replay;
    const auto all = file->events();
    REQUIRE(all);
    for (const Event& e : all.value())
        replay = apply(replay, e);
    CHECK(codec::digest(replay) == codec::digest(live));
}
