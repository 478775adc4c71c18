#pragma once

#include "timer.h"
#include "types.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

// The session state: a plain value. Only the reducer (reducer.h) changes it.
namespace podium {

using Id = qint64;

struct SessionInfo {
    QString title;
    QString date;  // ISO 8601 date of the session
    QString start; // when it is to begin, "HH:mm" in the room's time (empty: not said)
    QString room;
    QString format;
    qint64 plannedMs = 90 * 60'000;
    QStringList policyQuestions;

    bool operator==(const SessionInfo&) const = default;
};
// "09:30": a start time as SessionInfo keeps it.
bool isStartTime(const QString& hhmm);

struct Participant {
    Id id = 0;
    QString name;
    QString affiliation;
    StakeholderGroup group = StakeholderGroup::Unspecified;
    Region region = Region::Unspecified;
    QString gender; // self-described, optional
    Presence presence = Presence::Onsite;
    Role role = Role::Audience;

    bool operator==(const Participant&) const = default;
};

struct QueueEntry {
    Id id = 0;
    Id participantId = 0;
    EntryKind kind = EntryKind::NewPoint;
    Id relatesTo = 0; // the entry a reply or clarifying question answers
    QString note;
    qint64 requestedAt = 0;
    QString addedBy;
    Presence channel = Presence::Onsite;
    bool withdrawn = false;

    bool operator==(const QueueEntry&) const = default;
};

struct Speech {
    Id entryId = 0;
    Id participantId = 0;
    EntryKind kind = EntryKind::NewPoint;
    Presence channel = Presence::Onsite;
    qint64 startedAt = 0;
    qint64 endedAt = 0;
    qint64 spokeMs = 0; // time the countdown ran (pauses excluded)
    qint64 allottedMs = 0;
    int segment = -1;
    Id relatesTo = 0; // the entry a reply or clarifying question answered (0: none)

    bool operator==(const Speech&) const = default;
};

struct Floor {
    QueueEntry entry;
    qint64 since = 0;
    Countdown countdown;
    int segment = -1;

    // The speech as it stands at `at`: as the log keeps it once ended then.
    Speech speechUntil(qint64 at) const;

    bool operator==(const Floor&) const = default;
};

struct Segment {
    QString title;
    qint64 plannedMs = 0;
    qint64 startedAt = 0; // 0 = not started
    qint64 endedAt = 0;   // 0 = not ended
    // Its clock's time when it ended, pauses left out (none: not kept, as by Podium before it
    // was, and its wall time stands in).
    std::optional<qint64> ranMs;

    bool operator==(const Segment&) const = default;
};

// A segment's clock warns two minutes before its end, or at its last fifth when it is shorter.
qint64 segmentWarningMs(qint64 plannedMs);

using Tally = std::array<qint64, 3>; // indexed by TallySource

// The most one tally (one option, one source) may hold: far above any room or stream.
constexpr qint64 maxVotesPerTally = 10'000'000;

struct Poll {
    Id id = 0;
    QString question;
    QStringList options;
    bool multipleChoice = false;
    PollStatus status = PollStatus::Draft;
    QList<Tally> tallies; // one per option
    // The tallies as they were when it closed, as read out, kept while `tallies` differ from them
    // (empty otherwise, and once it reopens): its results were corrected since, last at
    // `correctedAt` (host clock; 0: not corrected).
    QList<Tally> readOut{};
    qint64 correctedAt = 0;
    // When it ran (host clock), for the report: first opened, and last closed (0 while open).
    // 0 in files from before they were kept.
    qint64 openedAt = 0;
    qint64 closedAt = 0;

    qint64 combined(int option) const;
    qint64 totalVotes() const;
    double percentage(int option) const; // of all votes cast; 0 when none
    // Each option's percentage as shown, to `decimals` places, adding up to 100 when any vote
    // was cast (the largest remainders get the last points; the first option on a tie).
    QList<double> sharesAsShown(int decimals) const;

    bool operator==(const Poll&) const = default;
};

struct Allotments {
    qint64 panelistMs = 5 * 60'000;
    qint64 audienceMs = 2 * 60'000;
    qint64 moderatorMs = 3 * 60'000;
    qint64 warningMs = 30'000;

    qint64 forRole(Role role) const;
    bool operator==(const Allotments&) const = default;
};

// Restores the order SessionState::participant relies on (after decoding or bulk changes).
void sortById(QList<Participant>& participants);
const Participant* findParticipant(const QList<Participant>& sortedById, Id id);

struct SessionState {
    QString sessionId;
    SessionInfo info;
    Allotments allotments;
    QList<Participant> participants; // sorted by id (the reducer keeps it so), for lookups
    QList<Segment> segments;
    int activeSegment = -1;
    QList<QueueEntry> queue; // in calling order; withdrawn entries keep their place
    std::optional<Floor> floor;
    QList<Speech> speeches;
    QList<Poll> polls;
    Countdown sessionClock;
    Countdown segmentClock;
    QString stageMessage;
    Id nextId = 1;
    qint64 lastSeq = 0;
    qint32 epoch = 1;

    // How long until a running clock's shown second turns (the speaker's, the segment's or the
    // session's, whichever first); nullopt while none runs.
    std::optional<qint64> msToNextSecond(qint64 now) const;
    // Segments up to the last one that has begun: they keep their place in an edited agenda.
    int segmentsBegun() const { return segmentsBegunIn(segments); }
    static int segmentsBegunIn(const QList<Segment>& agenda);
    // What "Next segment" starts: the first after the running one that has not run yet (the end
    // of the agenda, segments.size(), when none is left); -1 when nothing is left to start. After
    // the end of the agenda, a segment added after the last that ran (one skipped on the way is
    // started by choice).
    int nextSegmentToCome() const;
    // Never started, though a segment after it has begun.
    bool segmentPassedOver(int index) const;
    // The speech log, with the speech under way (if any) counted up to `now` as its last.
    QList<Speech> speechesSoFar(qint64 now) const;
    // The segment most of a speech was given in. A speech goes with the segment running when the
    // speaker was called (Speech::segment), and a moderator calls the speaker, then moves the
    // agenda on: the report put what was said on question 3 under question 2.
    int segmentMostOf(const Speech& speech) const;
    // An id given out before that nothing holds now (no participant, entry, speech or poll):
    // what is added again (undoing a removal, redoing an addition) may take it back, so that
    // the steps that name it work again.
    bool isFreeOldId(Id id) const;
    const Participant* participant(Id id) const;
    const QueueEntry* entry(Id id) const;
    // Whom "Next speaker" calls: the first entry in the queue not withdrawn (null: nobody).
    const QueueEntry* firstWaiting() const;
    // Whose an entry is, waiting, on the floor or spoken (0: none of these).
    Id participantOfEntry(Id entry) const;
    int entryIndex(Id id) const;
    // The entries that stand after `id` in the queue, in order (none: it is last, or not there).
    QList<Id> entriesAfter(Id id) const;
    // The entries that stand before `id` in the queue, in order (none: it is first, or not there).
    QList<Id> entriesBefore(Id id) const;
    const Poll* poll(Id id) const;
    int pollIndex(Id id) const;
    const Countdown* timer(TimerId id) const;
    Countdown* timer(TimerId id);

    bool operator==(const SessionState&) const = default;
};

} // namespace podium
