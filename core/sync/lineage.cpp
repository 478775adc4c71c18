#include "lineage.h"
#include "host_rank.h"

#include "model/cbor_input.h"
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {

const Segment* segmentAt(const Lineage& lineage, qint64 seq) {
    const Segment* found = nullptr;
    for (const Segment& s : lineage) {
        if (s.firstSeq > seq)
            break;
        found = &s;
    }
    return found;
}

bool sameSequencer(const Segment& a, const Segment& b) {
    return a.epoch == b.epoch &&
           (a.sequencer.isEmpty() || b.sequencer.isEmpty() || a.sequencer == b.sequencer);
}

} // namespace

QString newLocalSequencer() {
    return localSequencerPrefix + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Lineage lineageOf(const ReplicaLog& log) {
    Lineage lineage;
    if (log.events().isEmpty()) {
        if (log.baseSeq() > 0)
            lineage.append({log.lastEpoch(), log.baseSeq(), log.sequencer(log.lastEpoch())});
        return lineage;
    }
    for (const Event& e : log.events()) {
        if (lineage.isEmpty() || lineage.last().epoch != e.epoch)
            lineage.append({e.epoch, e.seq, log.sequencer(e.epoch)});
    }
    return lineage;
}

QStringList runsSinceLastEvent(const ReplicaLog& log) {
    QStringList runs;
    const auto& sequencers = log.sequencers();
    for (auto it = sequencers.lowerBound(log.lastEpoch()); it != sequencers.cend(); ++it) {
        if (!it.value().startsWith(localSequencerPrefix))
            runs << it.value();
    }
    return runsSaid(runs);
}

QCborArray toCbor(const Lineage& lineage) {
    QCborArray array;
    for (const Segment& s : lineage)
        array.append(QCborArray{s.epoch, s.firstSeq, s.sequencer});
    return array;
}

Lineage lineageFromCbor(const QCborArray& array) {
    Lineage lineage;
    for (const QCborValue& v : array) {
        const QCborArray s = v.toArray();
        if (s.size() < 3 || !s.at(0).isInteger() || !s.at(1).isInteger() ||
            !std::in_range<qint32>(s.at(0).toInteger()))
            continue;
        const Segment segment{qint32(s.at(0).toInteger()), s.at(1).toInteger(), s.at(2).toString()};
        if (!lineage.isEmpty() && segment.firstSeq <= lineage.last().firstSeq)
            continue; // out of order: not a lineage any log could have
        lineage.append(segment);
    }
    return lineage;
}

QCborMap sequencersToCbor(const QMap<qint32, QString>& sequencers) {
    QCborMap map;
    for (auto it = sequencers.cbegin(); it != sequencers.cend(); ++it)
        map.insert(qint64(it.key()), it.value());
    return map;
}

QMap<qint32, QString> sequencersFromCbor(const QCborMap& map) {
    QMap<qint32, QString> sequencers;
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (it.key().isInteger() && std::in_range<qint32>(it.key().toInteger()) &&
            it.value().isString())
            sequencers.insert(qint32(it.key().toInteger()), it.value().toString());
    }
    return sequencers;
}

qint64 firstDisagreement(const Lineage& a, qint64 aLast, const Lineage& b, qint64 bLast) {
    if (a.isEmpty() || b.isEmpty())
        return 0;
    const qint64 from = qMax(a.first().firstSeq, b.first().firstSeq);
    const qint64 to = qMin(aLast, bLast);
    // Both logs keep one sequencer between segment starts: checking each start is enough.
    QList<qint64> starts{from};
    for (const Lineage* l : {&a, &b}) {
        for (const Segment& s : *l) {
            if (s.firstSeq > from && s.firstSeq <= to)
                starts.append(s.firstSeq);
        }
    }
    std::sort(starts.begin(), starts.end());
    for (qint64 seq : std::as_const(starts)) {
        if (seq > to)
            break;
        if (!sameSequencer(*segmentAt(a, seq), *segmentAt(b, seq)))
            return seq;
    }
    return 0;
}

} // namespace podium::sync
