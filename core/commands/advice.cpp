#include "advice.h"

#include <QCoreApplication>
#include <QHash>
#include <array>

namespace podium {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::Advice", text);
}

// The speech under way counts as heard: the one speaking was suggested next as "has not spoken
// yet" for a second point in the queue. (Its length does not matter here.)
QList<Speech> heardSoFar(const SessionState& s) {
    return s.speechesSoFar(0);
}

template <typename Pred> int countSpeeches(const SessionState& s, Pred pred) {
    int n = 0;
    for (const Speech& sp : heardSoFar(s)) {
        if (pred(sp, s.participant(sp.participantId)))
            ++n;
    }
    return n;
}

// A share under the fair share (one over the number of values) adds a reason.
void explain(QStringList& reasons, int heard, int total, int values, const QString& what) {
    if (total <= 0 || double(heard) / total >= 1.0 / values)
        return;
    // "Civil society had 0 of 1 interventions" read like a machine on stage.
    reasons << (heard == 0 ? tr("%1 not heard yet").arg(what)
                           : tr("%1 had %2 of %3 interventions").arg(what).arg(heard).arg(total));
}

double weight(int heard, int total, double weight) {
    return weight * (1.0 - (total == 0 ? 0.0 : double(heard) / total));
}

// Who has been heard so far, counted once per suggestion: assessing each waiting entry against
// the whole speech log again would cost queue × log × roster on every event of a long session.
struct Heard {
    const SessionState& state;
    QHash<Id, int> byParticipant;
    std::array<int, 8> byGroup{};
    std::array<int, 8> byRegion{};
    std::array<int, 2> byChannel{};
    int total = 0;

    explicit Heard(const SessionState& s)
        : state(s) {
        const QList<Speech> heard = heardSoFar(s);
        total = int(heard.size());
        for (const Speech& sp : heard) {
            ++byParticipant[sp.participantId];
            ++byChannel[std::size_t(sp.channel)];
            if (const Participant* p = s.participant(sp.participantId)) {
                ++byGroup[std::size_t(p->group)];
                ++byRegion[std::size_t(p->region)];
            }
        }
    }
};

// The score alone is computed for every waiting entry; the reasons (translated strings) only
// for the chosen one, as building them for a long queue on every event is what would cost.
// A group or region nobody stated counts half: neither a voice the room is missing (it took the
// full credit of one never heard, and the moderator who added people quickly, without their
// details, had them suggested first) nor one heard.
double score(const Heard& h, const QueueEntry& e) {
    double score = h.byParticipant.value(e.participantId) == 0 ? 4 : 0;
    if (const Participant* p = h.state.participant(e.participantId)) {
        score += p->group == StakeholderGroup::Unspecified
                     ? 1
                     : weight(h.byGroup[std::size_t(p->group)], h.total, 2);
        score += p->region == Region::Unspecified
                     ? 0.5
                     : weight(h.byRegion[std::size_t(p->region)], h.total, 1);
    }
    return score + weight(h.byChannel[std::size_t(e.channel)], h.total, 2);
}

QStringList reasonsFor(const Heard& h, const QueueEntry& e) {
    QStringList reasons;
    if (h.byParticipant.value(e.participantId) == 0)
        reasons << tr("has not spoken yet");
    // "Unspecified had 0 of 4 interventions" (twice: group and region) told the moderator
    // nothing: an unstated group or region is no voice the room is missing.
    if (const Participant* p = h.state.participant(e.participantId)) {
        if (p->group != StakeholderGroup::Unspecified)
            explain(reasons, h.byGroup[std::size_t(p->group)], h.total,
                    enumCount<StakeholderGroup>() - 1, label(p->group));
        if (p->region != Region::Unspecified)
            explain(reasons, h.byRegion[std::size_t(p->region)], h.total, enumCount<Region>() - 1,
                    label(p->region));
    }
    explain(reasons, h.byChannel[std::size_t(e.channel)], h.total, 2,
            e.channel == Presence::Online ? tr("online voices") : tr("onsite voices"));
    return reasons;
}

// Why someone else than the first in the queue: "has not spoken yet" was said of the one
// suggested while the first had not spoken either, and the difference, the first's group and
// region not stated (counted as half heard), went unsaid. Reasons both share are left out.
QStringList reasonsOverFirst(const Heard& h, const QueueEntry& best, const QueueEntry& first) {
    QStringList reasons = reasonsFor(h, best);
    const QStringList shared = reasonsFor(h, first);
    reasons.removeIf([&shared](const QString& r) { return shared.contains(r); });
    const Participant* p = h.state.participant(first.participantId);
    const Participant* b = h.state.participant(best.participantId);
    if (!p || !b)
        return reasons;
    // Only where the one suggested stated theirs: that is then the difference.
    const bool noGroup =
        p->group == StakeholderGroup::Unspecified && b->group != StakeholderGroup::Unspecified;
    const bool noRegion = p->region == Region::Unspecified && b->region != Region::Unspecified;
    if (noGroup && noRegion)
        reasons << tr("%1's stakeholder group and region are not stated").arg(p->name);
    else if (noGroup)
        reasons << tr("%1's stakeholder group is not stated").arg(p->name);
    else if (noRegion)
        reasons << tr("%1's region is not stated").arg(p->name);
    return reasons;
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
    const QueueEntry* best = nullptr;
    double bestScore = -1;
    const Heard heard(s);
    for (const QueueEntry& e : s.queue) {
        if (e.withdrawn)
            continue;
        if (e.kind == EntryKind::PointOfOrder)
            return Suggestion{e.id, tr("A point of order goes first.")};
        // Ties keep queue order: first come, first served.
        if (const double sc = score(heard, e); sc > bestScore) {
            best = &e;
            bestScore = sc;
        }
    }
    if (!best)
        return std::nullopt;
    const QueueEntry* first = s.firstWaiting();
    QStringList reasons =
        first && first != best ? reasonsOverFirst(heard, *best, *first) : QStringList();
    if (reasons.isEmpty())
        reasons = reasonsFor(heard, *best);
    QString reason = reasons.isEmpty() ? tr("Next in the queue; the floor is balanced so far")
                                       : reasons.join(QStringLiteral("; "));
    reason[0] = reason[0].toUpper();
    return Suggestion{best->id, reason + QLatin1Char('.')};
}

Forecast forecast(const SessionState& s, qint64 now) {
    Forecast f;
    const Countdown& clock = s.activeSegment >= 0 ? s.segmentClock : s.sessionClock;
    f.clockRunning = clock.running;
    // As the clocks show them, in whole seconds rounded up: 1:30:00 and a speaker's 5:00 left
    // "1:25:01 after this speaker" when the two clocks' seconds turned apart.
    const auto shown = [](qint64 ms) {
        return ms > 0 ? (ms + 999) / 1000 * 1000 : ms;
    };
    f.remainingMs = shown(clock.remainingMs(now));
    if (s.floor)
        f.remainingMs -= qMax<qint64>(0, shown(s.floor->countdown.remainingMs(now)));
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
