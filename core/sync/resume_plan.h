#pragma once

#include "lineage.h"
#include "replica_log.h"

#include <optional>

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
    qint32 fillEpoch = 0; // the epoch of the events asked for
};

// What the host does for a peer whose log ends at seq S of epoch E, with `peerLineage` (empty:
// a peer that sent none; only its last event is compared). Two logs agree up to S when every
// seq both hold came from the same sequencer (lineage.h); where they first differ, the peer's
// events are not the session's: they are reported as orphans and the peer takes a snapshot.
// A peer that gave way to this host (a host of the same session that found this one leads) is
// never a sign that this host is stale, whatever its epoch: what it has that this host lacks is
// its orphans. `peerBaseSeq` is where the peer's log starts (the snapshot it joined by; its
// events follow it), when it says.
ResumePlan planResume(const ReplicaLog& log, qint32 hostEpoch, bool sameSession, qint64 peerSeq,
                      qint32 peerEpoch, const Lineage& peerLineage = {}, bool peerGaveWay = false,
                      std::optional<qint64> peerBaseSeq = std::nullopt);

} // namespace podium::sync
