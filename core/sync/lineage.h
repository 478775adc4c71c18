#pragma once

#include "replica_log.h"

#include <QCborArray>
#include <QCborMap>
#include <QList>
#include <QString>

namespace podium::sync {

// Who sequenced which stretch of a log. A sequencer is one run of hosting, named by its epoch
// and a random id drawn when it starts: two seats that open the same epoch number (both took
// over at once, or a stale host restarted) are still two sequencers, and their events are
// never taken for one another's.
struct Segment {
    qint32 epoch = 1;
    qint64 firstSeq = 0;
    QString sequencer; // empty when this seat never learnt it (events sequenced alone)
    bool operator==(const Segment&) const = default;
};
using Lineage = QList<Segment>;

// The segments of the events `log` holds, in order (its base alone when it holds none).
Lineage lineageOf(const ReplicaLog& log);
QCborArray toCbor(const Lineage& lineage);
Lineage lineageFromCbor(const QCborArray& array);

// A sequencer that is a seat working alone after it left its host (Seat::stop): its epoch being
// above a host's does not make that host stale.
inline const QString localSequencerPrefix = QStringLiteral("alone:");
QString newLocalSequencer();

// The runs of hosting a log knew of from its last event's on, oldest first
// (HostRank::startedAfter): the run that numbered its last event, and later ones that numbered
// nothing in it. Not this seat's own runs alone after leaving a host (`alone:`): no other host took
// those over, and one kept above the host's epoch hid the host a seat took over from.
QStringList runsSinceLastEvent(const ReplicaLog& log);

// Which sequencer stamped each epoch of a log, as the welcome carries it: {epoch: id}.
QCborMap sequencersToCbor(const QMap<qint32, QString>& sequencers);
QMap<qint32, QString> sequencersFromCbor(const QCborMap& map);

// The first seq, among those both logs hold, whose events come from different sequencers
// (0 when they agree on every seq both hold). An unknown sequencer agrees with any other of
// the same epoch. Within one sequencer a seq names one event, so logs that agree at every seq
// of their overlap hold the same events there.
qint64 firstDisagreement(const Lineage& a, qint64 aLast, const Lineage& b, qint64 bLast);

} // namespace podium::sync
