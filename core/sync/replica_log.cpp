#include "replica_log.h"

namespace podium::sync {

Result<bool> ReplicaLog::append(const Event& event) {
    if (m_durable) {
        if (auto ok = m_durable->append(event); !ok)
            return ok;
    }
    if (event.action == Action::CreateSession) {
        m_events.clear();
        m_baseSeq = event.seq - 1;
        m_baseEpoch = event.epoch;
    }
    m_events.append(event);
    return true;
}

Result<bool> ReplicaLog::rebase(const SessionState& state, qint64 orphansFrom,
                                qint32 lastEventEpoch) {
    if (m_durable) {
        // As it is (0: not known), for a restart to tell a known epoch from the state's own.
        if (auto ok = m_durable->appendSnapshot(state, orphansFrom, lastEventEpoch); !ok)
            return ok;
    }
    restore(state.lastSeq, lastEventEpoch > 0 ? lastEventEpoch : state.epoch, {});
    return true;
}

void ReplicaLog::restore(const SessionState& base, const QList<Event>& events) {
    m_events = events;
    m_baseSeq = base.lastSeq;
    m_baseEpoch = base.epoch;
}

void ReplicaLog::restore(qint64 baseSeq, qint32 baseEpoch, const QList<Event>& events) {
    m_events = events;
    m_baseSeq = baseSeq;
    m_baseEpoch = baseEpoch;
}

// Merges what is given in (it wins over what this log thought), durably first.
Result<bool> ReplicaLog::setSequencers(const QMap<qint32, QString>& sequencers) {
    QMap<qint32, QString> merged = m_sequencers;
    for (auto it = sequencers.cbegin(); it != sequencers.cend(); ++it) {
        if (!it.value().isEmpty())
            merged.insert(it.key(), it.value());
    }
    if (merged == m_sequencers)
        return true;
    if (m_durable) {
        if (auto ok = m_durable->recordSequencers(merged); !ok)
            return ok;
    }
    m_sequencers = merged;
    return true;
}

std::optional<qint32> ReplicaLog::epochAt(qint64 seq) const {
    if (seq == m_baseSeq)
        return m_baseEpoch;
    if (!covers(seq) || m_events.isEmpty())
        return std::nullopt;
    const qsizetype i = seq - m_events.first().seq;
    if (i < 0 || i >= m_events.size() || m_events[i].seq != seq)
        return std::nullopt;
    return m_events[i].epoch;
}

qint64 ReplicaLog::firstSeqAfterEpoch(qint32 epoch) const {
    for (const Event& e : m_events) {
        if (e.epoch > epoch)
            return e.seq;
    }
    return lastSeq() + 1;
}

QList<Event> ReplicaLog::after(qint64 seq) const {
    // From before the base: all this log holds from there on (the orphans of a seat whose log
    // left the host's before its snapshot; their rows are moved away all the same).
    if (seq > lastSeq() || m_events.isEmpty())
        return {};
    const qsizetype from = seq + 1 - m_events.first().seq;
    return m_events.mid(qMax<qsizetype>(0, from));
}

} // namespace podium::sync
