#pragma once

#include "model/note.h"
#include "model/state.h"

#include <QList>
#include <QLocale>
#include <QString>

// The rapporteur's session report as data: everything the Markdown, HTML, PDF and CSV writers
// show, computed once from a session state and the rapporteur's notes.
namespace podium::report {

// One line of a balance-of-voices table.
struct Share {
    QString label;
    int interventions = 0;
    qint64 speakingMs = 0;
    double interventionPercent = 0.0; // of all interventions
    double timePercent = 0.0;         // of all speaking time
};

struct Breakdown {
    QString title;
    QList<Share> shares;
    // The share of speakers the roster says nothing of ("Unspecified"), when that can be mended
    // in Participants (not a gender, which is self-described).
    QString unstated;
};

// Who was there, twice over: the roster as registered, and who actually took the floor.
struct Attendance {
    int registeredOnsite = 0;
    int registeredOnline = 0;
    int speakers = 0;       // distinct participants who spoke
    int speakersOnsite = 0; // distinct participants who spoke at least once from the room
    int speakersOnline = 0; // distinct participants who spoke at least once online
};

struct AgendaRow {
    QString title;
    qint64 plannedMs = 0;
    qint64 startedAt = 0; // 0 = not held (yet)
    qint64 actualMs = 0;
    bool running = false;
    bool paused = false;     // running, its clock stopped
    bool passedOver = false; // not started, and a later one was: skipped
};

// The time a segment under way has taken so far: its clock's, which stops while paused (from
// its start to now it grew on every seat and in every export after the session was paused).
qint64 segmentSoFar(const SessionState& s, int segment, qint64 now);
// A segment's time as the agenda shows it: its clock's, pauses left out, running or ended (the
// wall time of one ended before Podium kept its clock's time); 0 before it began.
qint64 segmentActualMs(const SessionState& s, int segment, qint64 now);

// A speech's time as the log shows it, whole seconds passed: totals and shares are worked out from
// these, so the log's rows add up to them (they were a few seconds apart).
inline qint64 spokenAsShown(const Speech& s) {
    return qMax<qint64>(0, s.spokeMs) / 1000 * 1000;
}

struct SpeechRow {
    int number = 0; // 1-based order in the log
    Speech speech;
    Participant speaker; // a placeholder when the participant was removed since
    QString segmentTitle;
    bool ongoing = false; // the current floor, when the report is made during the session
    QString answers;      // whose point a reply or clarifying question answered (empty: none)
    QList<Note> notes;    // written while this speech was going on
};

// Interventions and speaking time split five ways. Presence is the channel a speech came
// through (a registered onsite participant may speak online).
struct Balance {
    Breakdown group;
    Breakdown region;
    Breakdown presence;
    Breakdown gender;
    Breakdown role;

    QList<Breakdown> all() const { return {group, region, presence, gender, role}; }
};

struct Report {
    SessionInfo info;
    qint64 generatedAt = 0;
    // The time its figures are counted to (a file's last event, when exported from it), and
    // whether a clock still ran then: its times went on growing after.
    qint64 figuresAt = 0;
    bool clocksRan = false;
    qint64 sessionStartedAt = 0;   // first segment or speech; 0 when nothing happened yet
    qint64 sessionElapsedMs = 0;   // what the session clock ran
    QList<Participant> moderators; // in-room and online moderators
    QList<Participant> rapporteurs;
    QList<Participant> panelists;
    Attendance attendance;
    QList<AgendaRow> agenda;
    QList<SpeechRow> speeches;
    int earlierSpeechesLeftOut = 0; // by keepLatestSpeeches(), for the live preview
    int totalInterventions = 0;
    qint64 totalSpeakingMs = 0;
    Balance balance;
    QList<Poll> polls; // those that were run or have votes
    QList<Note> keyTakeaways;
    QList<Note> callsToAction;
    QList<Note> otherNotes; // notes of every kind written while nobody had the floor
};

// `now` closes a speech still going on and a segment still running (the live preview).
Report buildReport(const SessionState& state, const QList<Note>& notes, qint64 now);

// The speech in the log that last began before a note written while nobody had the floor (null:
// none, before the first), which the note is grouped after, as in the Notes panel.
const SpeechRow* speechBefore(const Report& report, const Note& note);

// Keeps only the latest `count` speeches in the log (totals and balance still count them all):
// the live preview of a session with thousands of speeches would take a quarter of a second to
// lay out at every refresh, freezing the cockpit meanwhile. The exported report keeps them all.
void keepLatestSpeeches(Report& report, int count);

} // namespace podium::report
