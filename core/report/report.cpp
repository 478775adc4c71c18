#include "report.h"

#include "balance.h"
#include "format.h"

#include <QSet>
#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

namespace podium::report {
namespace {

Participant speakerOf(const SessionState& s, Id id) {
    if (const Participant* p = s.participant(id))
        return *p;
    Participant removed;
    removed.id = id;
    removed.name = tr("(removed participant)");
    return removed;
}

// A note belongs to the speech of its entry; should an entry have spoken twice, to the
// speech that was going on when the note was written.
int speechForNote(const QList<SpeechRow>& rows, const Note& note) {
    int found = -1;
    for (int i = 0; i < rows.size(); ++i) {
        const Speech& sp = rows[i].speech;
        if (note.speechEntryId == 0 || sp.entryId != note.speechEntryId)
            continue;
        found = i;
        if (note.at >= sp.startedAt && note.at <= sp.endedAt)
            return i;
    }
    return found;
}

QList<SpeechRow> speechRows(const SessionState& s, qint64 now) {
    QList<SpeechRow> rows;
    const QList<Speech> speeches = s.speechesSoFar(now);
    for (int i = 0; i < speeches.size(); ++i) {
        SpeechRow row;
        row.number = i + 1;
        row.speech = speeches[i];
        row.speaker = speakerOf(s, row.speech.participantId);
        row.speech.segment = s.segmentMostOf(row.speech);
        const int seg = row.speech.segment;
        row.segmentTitle = seg >= 0 && seg < s.segments.size() ? s.segments[seg].title : QString();
        row.ongoing = s.floor && i == speeches.size() - 1;
        if (const Id to = row.speech.relatesTo; to != 0)
            row.answers = speakerOf(s, s.participantOfEntry(to)).name;
        rows.append(row);
    }
    return rows;
}

void placeNotes(Report& r, QList<Note> notes) {
    std::stable_sort(notes.begin(), notes.end(),
                     [](const Note& a, const Note& b) { return a.at < b.at; });
    for (const Note& n : notes) {
        if (n.kind == NoteKind::KeyTakeaway)
            r.keyTakeaways.append(n);
        else if (n.kind == NoteKind::CallToAction)
            r.callsToAction.append(n);
        const int i = speechForNote(r.speeches, n);
        if (i >= 0)
            r.speeches[i].notes.append(n);
        else
            r.otherNotes.append(n);
    }
}

QList<AgendaRow> agendaRows(const SessionState& s, qint64 now) {
    QList<AgendaRow> rows;
    for (int i = 0; i < s.segments.size(); ++i) {
        const Segment& seg = s.segments[i];
        AgendaRow row;
        row.title = seg.title;
        row.plannedMs = seg.plannedMs;
        row.startedAt = seg.startedAt;
        row.passedOver = s.segmentPassedOver(i);
        row.running = seg.startedAt != 0 && seg.endedAt == 0;
        row.paused = row.running && i == s.activeSegment && !s.segmentClock.running;
        if (seg.startedAt != 0)
            row.actualMs = segmentActualMs(s, i, now);
        rows.append(row);
    }
    return rows;
}

void sortPeople(const SessionState& s, Report& r) {
    for (const Participant& p : s.participants) {
        if (p.role == Role::Moderator || p.role == Role::OnlineModerator)
            r.moderators.append(p);
        else if (p.role == Role::Rapporteur)
            r.rapporteurs.append(p);
        else if (p.role == Role::Panelist)
            r.panelists.append(p);
    }
}

Attendance attendanceOf(const SessionState& s, const QList<SpeechRow>& speeches) {
    Attendance a;
    for (const Participant& p : s.participants)
        ++(p.presence == Presence::Online ? a.registeredOnline : a.registeredOnsite);
    QSet<Id> all, onsite, online;
    for (const SpeechRow& row : speeches) {
        all.insert(row.speech.participantId);
        (row.speech.channel == Presence::Online ? online : onsite).insert(row.speech.participantId);
    }
    a.speakers = int(all.size());
    a.speakersOnsite = int(onsite.size());
    a.speakersOnline = int(online.size());
    return a;
}

qint64 firstActivity(const Report& r) {
    qint64 first = 0;
    auto consider = [&first](qint64 at) {
        if (at != 0 && (first == 0 || at < first))
            first = at;
    };
    for (const AgendaRow& a : r.agenda)
        consider(a.startedAt);
    for (const SpeechRow& sp : r.speeches)
        consider(sp.speech.startedAt);
    return first;
}

} // namespace

qint64 segmentActualMs(const SessionState& s, int segment, qint64 now) {
    const Segment& seg = s.segments.at(segment);
    if (seg.startedAt == 0)
        return 0;
    if (seg.endedAt == 0)
        return segmentSoFar(s, segment, now);
    return seg.ranMs ? *seg.ranMs : seg.endedAt - seg.startedAt;
}

qint64 segmentSoFar(const SessionState& s, int segment, qint64 now) {
    const Segment& seg = s.segments.at(segment);
    if (segment == s.activeSegment)
        return s.segmentClock.elapsedMs(now);
    return std::max<qint64>(0, now - seg.startedAt); // not the active one: no clock of its own
}

Report buildReport(const SessionState& state, const QList<Note>& notes, qint64 now) {
    Report r;
    r.info = state.info;
    r.generatedAt = now;
    r.figuresAt = now;
    r.clocksRan = state.sessionClock.running || state.segmentClock.running ||
                  (state.floor && state.floor->countdown.running);
    r.sessionElapsedMs = state.sessionClock.elapsedMs(now);
    sortPeople(state, r);
    r.agenda = agendaRows(state, now);
    r.speeches = speechRows(state, now);
    r.sessionStartedAt = firstActivity(r);
    r.attendance = attendanceOf(state, r.speeches);
    r.balance = balanceOf(r.speeches);
    for (const SpeechRow& row : r.speeches) {
        ++r.totalInterventions;
        r.totalSpeakingMs += spokenAsShown(row.speech);
    }
    for (const Poll& p : state.polls) {
        if (p.status != PollStatus::Draft || p.totalVotes() > 0)
            r.polls.append(p);
    }
    // In the order they were asked, as the log reads: the moderator prepares polls ahead and
    // asks them as the debate goes (a rehearsal's report listed them as they were written). One
    // never opened (its tallies typed in) or from a file that kept no times stays in the order it
    // was written, after those asked.
    std::stable_sort(r.polls.begin(), r.polls.end(), [](const Poll& a, const Poll& b) {
        const auto asked = [](const Poll& p) {
            return p.openedAt > 0 ? p.openedAt : std::numeric_limits<qint64>::max();
        };
        return asked(a) < asked(b);
    });
    placeNotes(r, notes);
    return r;
}

void keepLatestSpeeches(Report& report, int count) {
    const qsizetype leftOut = report.speeches.size() - qMax(0, count);
    if (leftOut <= 0)
        return;
    report.speeches.remove(0, leftOut);
    report.earlierSpeechesLeftOut += int(leftOut);
}

const SpeechRow* speechBefore(const Report& report, const Note& note) {
    const SpeechRow* before = nullptr;
    for (const SpeechRow& row : report.speeches) {
        if (row.speech.startedAt > note.at)
            break;
        before = &row;
    }
    return before;
}

} // namespace podium::report
