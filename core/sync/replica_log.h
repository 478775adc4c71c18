#pragma once

#include "engine/session_engine.h"
#include "join_code.h"

#include <QList>
#include <QMap>
#include <optional>

namespace podium::sync {

// Where a seat's durable copy goes (a session file): events, plus the snapshot a peer takes
// when it joins or had to be realigned with the host.
class DurableJournal : public EventJournal {
public:
    // `orphansFrom` (> 0): this copy's events from that seq on were never the session's.
    // `lastEventEpoch`: the epoch of the event the state ends with (its own is its host's; 0: not
    // known).
    [[nodiscard]] virtual Result<bool> appendSnapshot(const SessionState& state, qint64 orphansFrom,
                                                      qint32 lastEventEpoch) = 0;
    // Which sequencer (a run of hosting: docs/PROTOCOL.md, "Epochs and sequencers") stamped
    // the events of an epoch, kept so that a restarted seat still knows whose events it holds.
    [[nodiscard]] virtual Result<bool> recordSequencers(const QMap<qint32, QString>& sequencers) {
        Q_UNUSED(sequencers);
        return true;
    }
    // The codes and port this copy is hosted with (also after a takeover), so that a host
    // restarted after a crash hosts again there with them and the seats, still trying, come back
    // by themselves; and the offset of the session's time to this laptop's clock (not 0 after a
    // takeover), so that its timers do not jump either. `hostedAs`: the role this seat had when it
    // began hosting (the in-room moderator's, unless it took over as the online moderator), the
    // one it asks for again when it gives way.
    [[nodiscard]] virtual Result<bool> recordHosting(const JoinCodes& codes, quint16 port,
                                                     qint64 clockOffsetMs, Authority hostedAs) {
        Q_UNUSED(codes);
        Q_UNUSED(port);
        Q_UNUSED(clockOffsetMs);
        Q_UNUSED(hostedAs);
        return true;
    }
    virtual Authority hostedAs() const { return Authority::Moderator; }
    // The offset of the session's time to this laptop's clock, as hosting it (above) or as the
    // host's clock estimated (recordClockOffset): a seat restarted that takes over, or works
    // alone, goes on in the session's time.
    [[nodiscard]] virtual Result<bool> recordClockOffset(qint64 clockOffsetMs) {
        Q_UNUSED(clockOffsetMs);
        return true;
    }
    virtual qint64 clockOffset() const { return 0; }
    // This copy is no longer hosted (its host gave way to another): a crash must not make it
    // host again.
    [[nodiscard]] virtual Result<bool> forgetHosting() { return true; }
    // Whether this copy was being hosted (by this seat, or by the run before it that crashed).
    virtual bool hostingRecorded() const { return false; }
    // The session's codes, as a seat with control learns them in a host's welcome: a backup seat
    // restarted while its host is away can take over with them (the read-only key comes with
    // nothing else). sessionCodes(): those, and the hosting record's when this copy was hosted.
    [[nodiscard]] virtual Result<bool> recordSessionCodes(const JoinCodes& codes) {
        Q_UNUSED(codes);
        return true;
    }
    virtual QList<JoinCodes> sessionCodes() const { return {}; }
};

// A seat's own log of the session since its base state: what the host serves resuming peers
// from, what a peer resumes with, and what a moderator who takes over hosting starts from.
// Installed as the engine's journal; passes everything on to the durable journal first.
class ReplicaLog final : public EventJournal {
public:
    void setDurable(DurableJournal* durable) { m_durable = durable; }

    Result<bool> append(const Event& event) override;
    // Starts again from a state (a snapshot): what came before is no longer served.
    // `lastEventEpoch`: the epoch of the event the state ends with (0: the state's own).
    Result<bool> rebase(const SessionState& state, qint64 orphansFrom = 0,
                        qint32 lastEventEpoch = 0);
    // Replaces contents without writing (loading a file).
    void restore(const SessionState& base, const QList<Event>& events);
    void restore(qint64 baseSeq, qint32 baseEpoch, const QList<Event>& events);

    qint64 baseSeq() const { return m_baseSeq; }
    qint64 lastSeq() const { return m_events.isEmpty() ? m_baseSeq : m_events.last().seq; }
    qint32 lastEpoch() const { return m_events.isEmpty() ? m_baseEpoch : m_events.last().epoch; }
    // The epoch of the event with this seq, if this log still knows it.
    std::optional<qint32> epochAt(qint64 seq) const;
    // The first seq of this log whose epoch is above `epoch` (lastSeq() + 1 if none).
    qint64 firstSeqAfterEpoch(qint32 epoch) const;
    bool covers(qint64 seq) const { return seq >= m_baseSeq && seq <= lastSeq(); }
    // Events after `seq` (empty when not covered).
    QList<Event> after(qint64 seq) const;
    const QList<Event>& events() const { return m_events; }

    // The sequencer of an epoch's events in this log ("" when unknown); setting it is durable.
    QString sequencer(qint32 epoch) const { return m_sequencers.value(epoch); }
    Result<bool> setSequencers(const QMap<qint32, QString>& sequencers);
    Result<bool> recordHosting(const JoinCodes& codes, quint16 port, qint64 clockOffsetMs,
                               Authority hostedAs) {
        return m_durable ? m_durable->recordHosting(codes, port, clockOffsetMs, hostedAs)
                         : Result<bool>(true);
    }
    Authority hostedAs() const { return m_durable ? m_durable->hostedAs() : Authority::Moderator; }
    Result<bool> recordClockOffset(qint64 clockOffsetMs) {
        return m_durable ? m_durable->recordClockOffset(clockOffsetMs) : Result<bool>(true);
    }
    qint64 clockOffset() const { return m_durable ? m_durable->clockOffset() : 0; }
    Result<bool> forgetHosting() {
        return m_durable ? m_durable->forgetHosting() : Result<bool>(true);
    }
    bool hostingRecorded() const { return m_durable && m_durable->hostingRecorded(); }
    Result<bool> recordSessionCodes(const JoinCodes& codes) {
        return m_durable ? m_durable->recordSessionCodes(codes) : Result<bool>(true);
    }
    QList<JoinCodes> sessionCodes() const {
        return m_durable ? m_durable->sessionCodes() : QList<JoinCodes>{};
    }
    const QMap<qint32, QString>& sequencers() const { return m_sequencers; }
    void restoreSequencers(const QMap<qint32, QString>& sequencers) { m_sequencers = sequencers; }

private:
    DurableJournal* m_durable = nullptr;
    QList<Event> m_events;
    qint64 m_baseSeq = 0;
    qint32 m_baseEpoch = 1;
    QMap<qint32, QString> m_sequencers;
};

} // namespace podium::sync
