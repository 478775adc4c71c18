#include "state.h"

#include <limits>

#include <QTime>
#include <algorithm>

namespace podium {

bool isStartTime(const QString& hhmm) {
    return hhmm.size() == 5 && QTime::fromString(hhmm, QStringLiteral("HH:mm")).isValid();
}

qint64 Poll::combined(int option) const {
    if (option < 0 || option >= tallies.size())
        return 0;
    const Tally& t = tallies[option];
    return t[0] + t[1] + t[2];
}

qint64 Poll::totalVotes() const {
    qint64 sum = 0;
    for (int i = 0; i < tallies.size(); ++i)
        sum += combined(i);
    return sum;
}

qint64 segmentWarningMs(qint64 plannedMs) {
    return qMin<qint64>(2 * 60'000, plannedMs / 5);
}

double Poll::percentage(int option) const {
    const qint64 total = totalVotes();
    return total == 0 ? 0.0 : 100.0 * double(combined(option)) / double(total);
}

// Rounded one by one, 54.5 + 31.8 + 13.6 read 99.9 %, and on the projector 63 % + 38 % read 101 %.
// Counted in whole points of the last place shown, so that no floating-point error decides.
QList<double> Poll::sharesAsShown(int decimals) const {
    Q_ASSERT(decimals >= 0 && decimals <= 6); // points of 10^-6 % still fit in 64 bits
    const qint64 total = totalVotes();
    QList<double> shown(options.size(), 0.0);
    if (total == 0)
        return shown;
    qint64 perPercent = 1;
    for (int d = 0; d < decimals; ++d)
        perPercent *= 10;
    QList<qint64> points(options.size());
    QList<int> byRemainder(options.size());
    qint64 given = 0;
    for (int i = 0; i < options.size(); ++i) {
        points[i] = combined(i) * 100 * perPercent / total;
        given += points[i];
        byRemainder[i] = i;
    }
    const auto remainder = [&](int i) {
        return combined(i) * 100 * perPercent % total;
    };
    std::stable_sort(byRemainder.begin(), byRemainder.end(),
                     [&](int a, int b) { return remainder(a) > remainder(b); });
    for (int i = 0; given < 100 * perPercent && i < byRemainder.size(); ++i, ++given)
        ++points[byRemainder[i]];
    for (int i = 0; i < options.size(); ++i)
        shown[i] = double(points[i]) / double(perPercent);
    return shown;
}

qint64 Allotments::forRole(Role role) const {
    switch (role) {
    case Role::Panelist:
        return panelistMs;
    case Role::Moderator:
    case Role::OnlineModerator:
    case Role::Rapporteur:
        return moderatorMs;
    case Role::Audience:
        break;
    }
    return audienceMs;
}

template <typename List, typename T = typename List::value_type>
static const T* findById(const List& list, Id id) {
    auto it = std::find_if(list.begin(), list.end(), [id](const T& x) { return x.id == id; });
    return it == list.end() ? nullptr : &*it;
}

template <typename List> static int indexById(const List& list, Id id) {
    for (int i = 0; i < list.size(); ++i) {
        if (list[i].id == id)
            return i;
    }
    return -1;
}

// Looked up for every row and speech on every event of a long session: a binary search, not a
// scan, over the roster the reducer keeps sorted by id.
const Participant* findParticipant(const QList<Participant>& sortedById, Id id) {
    auto it = std::lower_bound(sortedById.begin(), sortedById.end(), id,
                               [](const Participant& p, Id wanted) { return p.id < wanted; });
    return it != sortedById.end() && it->id == id ? &*it : nullptr;
}

Speech Floor::speechUntil(qint64 at) const {
    Speech speech;
    speech.entryId = entry.id;
    speech.participantId = entry.participantId;
    speech.kind = entry.kind;
    speech.channel = entry.channel;
    speech.startedAt = since;
    speech.endedAt = at;
    speech.spokeMs = countdown.elapsedMs(at);
    speech.allottedMs = countdown.allottedMs;
    speech.segment = segment;
    speech.relatesTo = entry.relatesTo;
    return speech;
}

int SessionState::segmentMostOf(const Speech& speech) const {
    const auto overlap = [&](int i) {
        const Segment& seg = segments.at(i);
        if (seg.startedAt == 0)
            return qint64(0);
        const qint64 end = seg.endedAt ? seg.endedAt : std::numeric_limits<qint64>::max();
        return qMax<qint64>(0, qMin(end, speech.endedAt) - qMax(seg.startedAt, speech.startedAt));
    };
    int most = speech.segment;
    qint64 mostMs = most >= 0 && most < segments.size() ? overlap(most) : 0;
    for (int i = 0; i < segments.size(); ++i) {
        if (const qint64 ms = overlap(i); ms > mostMs) {
            most = i;
            mostMs = ms;
        }
    }
    return most;
}

QList<Speech> SessionState::speechesSoFar(qint64 now) const {
    QList<Speech> all = speeches;
    // A clock behind the one that called the speaker does not make the speech end before it began.
    if (floor)
        all.append(floor->speechUntil(std::max(now, floor->since)));
    return all;
}

int SessionState::nextSegmentToCome() const {
    // After the end of the agenda, only a segment added after the last one that ran: one
    // skipped on the way is started by choice.
    const int from = activeSegment >= 0 ? activeSegment + 1 : segmentsBegun();
    for (int i = from; i < segments.size(); ++i) {
        if (segments[i].startedAt == 0)
            return i;
    }
    return activeSegment >= 0 ? int(segments.size()) : -1;
}

std::optional<qint64> SessionState::msToNextSecond(qint64 now) const {
    std::optional<qint64> soonest;
    for (const Countdown* c : {&sessionClock, &segmentClock, floor ? &floor->countdown : nullptr}) {
        const auto next = c ? c->msToNextSecond(now) : std::nullopt;
        if (next && (!soonest || *next < *soonest))
            soonest = next;
    }
    return soonest;
}

int SessionState::segmentsBegunIn(const QList<Segment>& agenda) {
    for (qsizetype i = agenda.size(); i > 0; --i) {
        if (agenda[i - 1].startedAt != 0)
            return int(i);
    }
    return 0;
}

bool SessionState::segmentPassedOver(int index) const {
    return index >= 0 && index < segmentsBegun() && segments[index].startedAt == 0;
}

const Participant* SessionState::participant(Id id) const {
    return findParticipant(participants, id);
}

void sortById(QList<Participant>& participants) {
    std::stable_sort(participants.begin(), participants.end(),
                     [](const Participant& a, const Participant& b) { return a.id < b.id; });
}

bool SessionState::isFreeOldId(Id id) const {
    const bool spoke = std::any_of(speeches.cbegin(), speeches.cend(),
                                   [id](const Speech& sp) { return sp.entryId == id; });
    return id > 0 && id < nextId && !participant(id) && !entry(id) && !poll(id) &&
           !(floor && floor->entry.id == id) && !spoke;
}

const QueueEntry* SessionState::entry(Id id) const {
    return findById(queue, id);
}

const QueueEntry* SessionState::firstWaiting() const {
    for (const QueueEntry& e : queue) {
        if (!e.withdrawn)
            return &e;
    }
    return nullptr;
}
Id SessionState::participantOfEntry(Id id) const {
    if (const QueueEntry* e = entry(id))
        return e->participantId;
    if (floor && floor->entry.id == id)
        return floor->entry.participantId;
    for (const Speech& s : speeches) {
        if (s.entryId == id)
            return s.participantId;
    }
    return 0;
}
int SessionState::entryIndex(Id id) const {
    return indexById(queue, id);
}
QList<Id> SessionState::entriesAfter(Id id) const {
    QList<Id> after;
    for (int i = entryIndex(id) + 1; i > 0 && i < queue.size(); ++i)
        after.append(queue[i].id);
    return after;
}
QList<Id> SessionState::entriesBefore(Id id) const {
    QList<Id> before;
    for (int i = 0; i < entryIndex(id); ++i)
        before.append(queue[i].id);
    return before;
}
const Poll* SessionState::poll(Id id) const {
    return findById(polls, id);
}
int SessionState::pollIndex(Id id) const {
    return indexById(polls, id);
}

const Countdown* SessionState::timer(TimerId id) const {
    return const_cast<SessionState*>(this)->timer(id);
}

Countdown* SessionState::timer(TimerId id) {
    switch (id) {
    case TimerId::Session:
        return &sessionClock;
    case TimerId::Segment:
        return &segmentClock;
    case TimerId::Speaker:
        return floor ? &floor->countdown : nullptr;
    }
    return nullptr;
}

} // namespace podium
