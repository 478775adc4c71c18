#pragma once

#include "fixtures.h"
#include "model/note.h"

#include <QList>
#include <QString>

// A short session scripted on a fake clock, so every figure in the report is known exactly.
// The timeline (seconds after the start) and the expected figures are in report_fixture.cpp.
namespace podium::test {

extern const QString awkwardName; // markup characters, a comma and quotes
extern const QString arabicName;
extern const QString chineseName;

// Plays the scripted session on an engine: a Harness's, or one journalling to a session file.
struct SessionScript {
    SessionScript(SessionEngine& e, FakeClock& c)
        : engine(e)
        , clock(c)
        , t0(c.nowMs()) {}

    SessionEngine& engine;
    FakeClock& clock;
    qint64 t0 = 0;
    Id manal = 0, adiel = 0, leila = 0; // entries that get notes
    QList<Note> notes;

    void play();
    qint64 at(int seconds) const { return t0 + seconds * 1000LL; }

private:
    Result<Event> run(Action action, QCborMap args = {});
    void go(Action action, QCborMap args = {});
    Id add(const QString& name, EntryKind kind = EntryKind::NewPoint, Id relatesTo = 0,
           const QString& channel = {});
    void speeches();
    void poll();
    void writeNotes();
};

struct ScriptedSession {
    Harness h;
    QList<Note> notes;
    qint64 t0 = 0;
    Id manal = 0, adiel = 0, leila = 0;

    ScriptedSession();
    qint64 at(int seconds) const { return t0 + seconds * 1000LL; }
};

Plan scriptedPlan();

} // namespace podium::test
