#include "host_rank.h"

#include <QCborArray>

namespace podium::sync {

bool HostRank::startedBehind(const HostRank& other) const {
    if (!tookOver || !other.tookOver || *tookOver || startedAfter.isEmpty())
        return false;
    return startedAfter.contains(other.sequencer) ||
           (*other.tookOver && !other.startedAfter.isEmpty() &&
            startedAfter.contains(other.startedAfter.last()));
}

bool HostRank::leads(const HostRank& other) const {
    if (!sequencer.isEmpty() && sequencer == other.sequencer)
        return false; // the same host
    if ((seats > 0) != (other.seats > 0))
        return seats > 0;
    // Never both: a run starts after another that already exists, and only a start is behind.
    if (startedBehind(other) != other.startedBehind(*this))
        return other.startedBehind(*this);
    // Both by the epoch of their last event, or both by their hosting's: an older Podium does
    // not say the first, and compared one way on one side and the other way on the other, two
    // hosts could each give way.
    const bool bothSay = lastEpoch > 0 && other.lastEpoch > 0;
    const qint32 reached = bothSay ? lastEpoch : epoch;
    const qint32 otherReached = bothSay ? other.lastEpoch : other.epoch;
    if (reached != otherReached)
        return reached > otherReached;
    if (sequencer.isEmpty())
        return false;
    if (seq != other.seq)
        return seq > other.seq;
    return sequencer > other.sequencer;
}

QStringList runsSaid(const QStringList& runs) {
    if (runs.size() <= HostRank::maxRunsSaid)
        return runs;
    return QStringList{runs.first()} + runs.mid(runs.size() - (HostRank::maxRunsSaid - 1));
}

QStringList runsFromCbor(const QCborValue& value) {
    QStringList runs;
    for (const QCborValue& run : value.toArray()) {
        if (run.isString())
            runs << run.toString().left(100);
    }
    return runsSaid(runs);
}

} // namespace podium::sync
