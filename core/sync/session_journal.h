#pragma once

#include "join_code.h"
#include "replica_log.h"

namespace podium {
class SessionFile;
}

namespace podium::sync {

// The SQLite session file (core/store) as the durable journal behind a seat's log: what the
// cockpit and the headless seats both keep a shared session in. Events are committed before
// they are applied; a snapshot from the host becomes the file's latest snapshot.
class SessionFileJournal final : public DurableJournal {
public:
    explicit SessionFileJournal(SessionFile& file)
        : m_file(file) {}
    Result<bool> append(const Event& event) override;
    Result<bool> appendSnapshot(const SessionState& state, qint64 orphansFrom,
                                qint32 lastEventEpoch) override;
    Result<bool> recordSequencers(const QMap<qint32, QString>& sequencers) override;
    Result<bool> recordHosting(const JoinCodes& codes, quint16 port, qint64 clockOffsetMs,
                               Authority hostedAs) override;
    Authority hostedAs() const override;
    Result<bool> recordClockOffset(qint64 clockOffsetMs) override;
    qint64 clockOffset() const override;
    Result<bool> forgetHosting() override;
    bool hostingRecorded() const override;
    Result<bool> recordSessionCodes(const JoinCodes& codes) override;
    QList<JoinCodes> sessionCodes() const override;

    SessionFile& file() const { return m_file; }

private:
    SessionFile& m_file;
};

// Puts the events `file` holds (and who sequenced them) into `log`, so that a host serves resuming
// seats from them and a peer resumes from its last one. Writes nothing.
[[nodiscard]] Result<bool> restoreLog(ReplicaLog& log, const SessionFile& file);

// A joined copy worked on alone, opened as a file (Seat::workAlone does it for a seat that
// leaves its host): the epoch after its last, with a sequencer of this seat's own, kept in
// `file`, for what is done on it from `epoch` (the state's) on. Done on the host's epoch, it
// was taken for the host's events of the same seqs when the seat joined again: the host sent
// nothing back over it, or took it in as its own. 0 when `epoch` is this seat's already.
[[nodiscard]] Result<qint64> takeOwnEpoch(SessionFile& file, qint32 epoch);

// The codes `file` is being hosted with (JoinCodes): kept while hosting, so that a host restarted
// after a crash hosts again with them. Stored in the file next to the session's own data, which
// its readers may see anyway.
// Those kept in `file`: its hosting's, else the session's as a seat with control was told them
// (a laptop that gave way, or the online moderator's, told to host: the seats have those); new
// ones when it keeps none (or no file is given).
JoinCodes codesToHostWith(const SessionFile* file);
// Those kept in `file` (as codesToHostWith takes them), if any.
std::optional<JoinCodes> keptCodes(const SessionFile& file);
[[nodiscard]] Result<bool> keepHostedCodes(SessionFile& file, const JoinCodes& codes);
// Its hosting is over (and the port and role kept with it); the session's codes stay.
[[nodiscard]] Result<bool> forgetHostedCodes(SessionFile& file);
// Hosting stopped on purpose ends the codes too, the session's as well: hosting again gives new
// ones.
[[nodiscard]] Result<bool> forgetAllCodes(SessionFile& file);
// Whether `file` was being hosted when the last run that had it open ended.
bool wasHosted(const SessionFile& file);
// The port it was hosted on then (0: not known), kept beside the codes.
quint16 hostedPort(const SessionFile& file);
// The role the seat had when it began that hosting (DurableJournal::recordHosting), kept beside
// the codes too: the in-room moderator's when none was kept.
Authority hostedAs(const SessionFile& file);

} // namespace podium::sync
