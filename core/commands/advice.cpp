#include "advice.h"

#include <QCoreApplication>
#include <QHash>
#include <array>

namespace podium {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::Advice", text);
}

template <typename Pred> int countSpeeches(const SessionState& s, Pred pred) {
    int n = 0;
    for (const Speech& sp : s.speeches) {
        if (pred(sp, s.participant(sp.participantId)))
            ++n;
    }
    return n;
}

struct Candidate {
    const QueueEntry* entry = nullptr;
    double score = -1;
    QStringList reasons;
};

// A share under the fair share (one over the number of values) earns weight and a reason.
void weigh(Candidate& c, int heard, int total, int values, double weight, const QString& what) {
    const double share = total == 0 ? 0.0 : double(heard) / total;
    c.score += weight * (1.0 - share);
    if (total > 0 && share < 1.0 / values)
        c.reasons << tr("%1 had %2 of %3 interventions").arg(what).arg(heard).arg(total);
}

// Who has been heard so far, counted once per suggestion: assessing each waiting entry against
// the whole speech log again would cost queue × log × roster on every event of a long session.
struct Heard {
    QHash<Id, const Participant*> people;
    QHash<Id, int> byParticipant;
    std::array<int, 8> byGroup{};
    std::array<int, 8> byRegion{};
    std::array<int, 2> byChannel{};
    int total = 0;

    explicit Heard(const SessionState& s)
        : total(int(s.speeches.size())) {
        for (const Participant& p : s.participants)
            people.insert(p.id, &p);
        for (const Speech& sp : s.speeches) {
            ++byParticipant[sp.participantId];
            ++byChannel[std::size_t(sp.channel)];
            if (const Participant* p = people.value(sp.participantId)) {
                ++byGroup[std::size_t(p->group)];
                ++byRegion[std::size_t(p->region)];
            }
        }
    }
};

Candidate assess(const Heard& h, const QueueEntry& e) {
    Candidate c{&e, 0, {}};
    const Participant* p = h.people.value(e.participantId);
    if (h.byParticipant.value(e.participantId) == 0) {
        c.score += 4;
        c.reasons << tr("has not spoken yet");
    }
    if (p) {
        weigh(c, h.byGroup[std::size_t(p->group)], h.total, enumCount<StakeholderGroup>() - 1, 2,
              label(p->group));
        weigh(c, h.byRegion[std::size_t(p->region)], h.total, enumCount<Region>() - 1, 1,
              label(p->region));
    }
    weigh(c, h.byChannel[std::size_t(e.channel)], h.total, 2, 2,
          e.channel == Presence::Online ? tr("online voices") : tr("onsite voices"));
    return c;
}

} // namespace

int speechesBy(const SessionState& s, StakeholderGroup g) {
    return countSpeeches(s,
                         [g](const Speech&, const Participant* p) { return p && p->group == g; });
}

int speechesBy(const SessionState& s, Region r) {
    return countSpeeches(s,
                         [r](const Speech&, const Participant* p) { return p && p->region == r; });
}

int speechesBy(const SessionState& s, Presence channel) {
    return countSpeeches(
        s, [channel](const Speech& sp, const Participant*) { return sp.channel == channel; });
}

int speechesBy(const SessionState& s, Id participant) {
    return countSpeeches(s, [participant](const Speech& sp, const Participant*) {
        return sp.participantId == participant;
    });
}

std::optional<Suggestion> suggestNext(const SessionState& s) {
    Candidate best;
    const Heard heard(s);
    for (const QueueEntry& e : s.queue) {
        if (e.withdrawn)
            continue;
        if (e.kind == EntryKind::PointOfOrder)
            return Suggestion{e.id, tr("A point of order goes first.")};
        Candidate c = assess(heard, e);
        if (c.score > best.score) // ties keep queue order: first come, first served
            best = c;
    }
    if (!best.entry)
        return std::nullopt;
    QString reason = best.reasons.isEmpty() ? tr("Next in the queue; the floor is balanced so far")
                                            : best.reasons.join(QStringLiteral("; "));
    reason[0] = reason[0].toUpper();
    return Suggestion{best.entry->id, reason + QLatin1Char('.')};
}

Forecast forecast(const SessionState& s, qint64 now) {
    Forecast f;
    const Countdown& clock = s.activeSegment >= 0 ? s.segmentClock : s.sessionClock;
    f.remainingMs = clock.remainingMs(now);
    if (s.floor)
        f.remainingMs -= qMax<qint64>(0, s.floor->countdown.remainingMs(now));
    f.remainingMs = qMax<qint64>(0, f.remainingMs);
    bool stillFits = true;
    for (const QueueEntry& e : s.queue) {
        if (e.withdrawn)
            continue;
        const Participant* p = s.participant(e.participantId);
        f.neededMs += s.allotments.forRole(p ? p->role : Role::Audience);
        ++f.waiting;
        stillFits = stillFits && f.neededMs <= f.remainingMs;
        if (stillFits)
            ++f.fitting;
    }
    return f;
}

} // namespace podium
