#include "resume_plan.h"

namespace podium::sync {

ResumePlan planResume(const ReplicaLog& log, qint32 hostEpoch, bool sameSession, qint64 peerSeq,
                      qint32 peerEpoch) {
    ResumePlan plan;
    if (!sameSession || peerSeq <= 0)
        return plan; // a fresh seat (or another session's file): just the state
    if (peerEpoch > hostEpoch) {
        plan.kind = ResumePlan::Stale;
        return plan;
    }
    if (peerSeq <= log.lastSeq()) {
        const auto ours = log.epochAt(peerSeq);
        if (ours && *ours == peerEpoch) {
            plan.kind = ResumePlan::Resume;
        } else if (ours) {
            plan.divergedAt = log.firstSeqAfterEpoch(peerEpoch);
        }
        return plan;
    }
    // The peer is ahead of this log.
    if (log.lastEpoch() == peerEpoch) {
        plan.kind = ResumePlan::Fill;
        plan.fillFrom = log.lastSeq() + 1;
    } else if (log.lastEpoch() > peerEpoch) {
        plan.divergedAt = log.firstSeqAfterEpoch(peerEpoch);
    } else {
        plan.divergedAt = log.lastSeq() + 1;
    }
    return plan;
}

} // namespace podium::sync
