#include "resume_plan.h"

namespace podium::sync {
namespace {

// Whether the peer's last run (its segment ending at this log's base) is the one the base state
// ends in: the same epoch, and the same sequencer where both are known. An unknown base epoch
// (0, a file of an older Podium) cannot say.
bool sameRunAtBase(const ReplicaLog& log, qint32 baseEpoch, const Segment& theirs,
                   qint32 peerEpoch) {
    if (baseEpoch != peerEpoch)
        return false;
    const QString ours = log.sequencer(baseEpoch);
    return ours.isEmpty() || theirs.sequencer.isEmpty() || ours == theirs.sequencer;
}

} // namespace

ResumePlan planResume(const ReplicaLog& log, qint32 hostEpoch, bool sameSession, qint64 peerSeq,
                      qint32 peerEpoch, const Lineage& peerLineage, bool peerGaveWay,
                      std::optional<qint64> peerBaseSeq) {
    ResumePlan plan;
    if (!sameSession || peerSeq <= 0)
        return plan; // a fresh seat (or another session's file): just the state
    const Lineage theirs =
        peerLineage.isEmpty() ? Lineage{{peerEpoch, peerSeq, QString()}} : peerLineage;
    // Another host's run at this host's own epoch (a takeover and a restarted original both
    // started from the same state) that got further than this one: the session went on there.
    const QString ours = log.sequencer(hostEpoch);
    const QString rival = theirs.last().sequencer;
    const bool rivalAhead = peerEpoch == hostEpoch && !rival.isEmpty() && !ours.isEmpty() &&
                            rival != ours && peerSeq > log.lastSeq();
    if ((peerEpoch > hostEpoch || rivalAhead) && !rival.startsWith(localSequencerPrefix) &&
        !peerGaveWay) {
        plan.kind = ResumePlan::Stale;
        return plan;
    }
    const Lineage mine = lineageOf(log);
    if (qint64 split = firstDisagreement(mine, log.lastSeq(), theirs, peerSeq); split > 0) {
        // At the first seq the peer described, the fork may lie further back, where this log
        // left the peer's epoch there.
        if (split == theirs.first().firstSeq && split > mine.first().firstSeq)
            split = qMin(split, log.firstSeqAfterEpoch(theirs.first().epoch));
        plan.divergedAt = split;
        return plan;
    }
    if (peerSeq <= log.lastSeq()) {
        const std::optional<qint32> epoch = log.epochAt(peerSeq);
        if (!epoch)
            return plan; // this log no longer reaches back that far
        if (peerSeq == log.baseSeq() && !sameRunAtBase(log, *epoch, theirs.last(), peerEpoch)) {
            // This log has no event there, only the state its host sent: no lineage was compared
            // at that seq. The peer's last run is not the one that state ends in.
            if (*epoch > 0)
                plan.divergedAt = theirs.last().firstSeq;
            return plan;
        }
        plan.kind = ResumePlan::Resume;
        return plan;
    }
    // The peer is ahead of this log: its events after our last are the previous host's, which
    // this host (after a takeover) never got, or they belong to no lineage this host will take.
    const Segment last = theirs.last();
    const QString followed = log.sequencer(peerEpoch);
    const bool sameSequencer =
        last.epoch == peerEpoch &&
        (log.lastEpoch() == peerEpoch
             ? last.sequencer.isEmpty() || followed.isEmpty() || last.sequencer == followed
             // This log holds no event of that epoch, only the state its sequencer sent (a
             // seat that joined by a snapshot and took over): the peer's events continue it.
             : log.lastEpoch() < peerEpoch && !last.sequencer.isEmpty() &&
                   last.sequencer == followed);
    // A host that gave way (this session's host until it came back) is never asked to fill: what
    // it has beyond this log, nobody else got. It is shown on that seat, never merged.
    // A peer whose log starts after this one ends (it joined by a snapshot meanwhile) cannot
    // send the events in between: asked to, it sent none and took itself for up to date. A peer
    // that does not say where its log starts, and whose lineage is one run starting at its last
    // seq, may hold a bare snapshot there, or one event after a snapshot: it must reach back.
    const bool maybeBareSnapshot = theirs.size() == 1 && theirs.first().firstSeq == peerSeq;
    const bool canFill =
        peerBaseSeq ? *peerBaseSeq <= log.lastSeq()
                    : peerLineage.isEmpty() ||
                          theirs.first().firstSeq <= log.lastSeq() + (maybeBareSnapshot ? 0 : 1);
    if (sameSequencer && !peerGaveWay && canFill) {
        plan.kind = ResumePlan::Fill;
        plan.fillFrom = log.lastSeq() + 1;
        plan.fillEpoch = peerEpoch;
    } else if (log.lastEpoch() > peerEpoch) {
        plan.divergedAt = log.firstSeqAfterEpoch(peerEpoch);
    } else {
        plan.divergedAt = log.lastSeq() + 1;
    }
    return plan;
}

} // namespace podium::sync
