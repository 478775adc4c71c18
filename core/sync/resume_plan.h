#pragma once

#include "replica_log.h"

namespace podium::sync {

// What the host does for a peer that says "I have up to seq S of epoch E".
struct ResumePlan {
    enum Kind {
        Resume,   // send the events after S (or a snapshot if that is cheaper)
        Snapshot, // send the whole state
        Fill,     // the peer has events of this lineage the host lacks: ask for them first
        Stale,    // the peer has a newer epoch than this host: this host is stale
    };
    Kind kind = Snapshot;
    qint64 divergedAt = 0; // > 0: the peer's events from this seq on were never in this lineage
    qint64 fillFrom = 0;
};

// Within one epoch only one host sequences, so (epoch, seq) names one event: two logs agree up
// to S when their events at S have the same epoch.
ResumePlan planResume(const ReplicaLog& log, qint32 hostEpoch, bool sameSession, qint64 peerSeq,
                      qint32 peerEpoch);

} // namespace podium::sync
