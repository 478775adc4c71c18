#include "session_journal.h"

#include "lineage.h"

#include "store/joined_copies.h"
#include "store/session_file.h"

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {

const QString sequencersKey = u"sync_sequencers"_s;
const QString hostedCodesKey = u"sync_hosted_codes"_s;
const QString hostedPortKey = u"sync_hosted_port"_s;
// (Named when only a host kept it; a seat that follows a host keeps its estimate there too.)
const QString& clockOffsetKey = joined::hostClockAheadKey;
const QString sessionCodesKey = u"sync_session_codes"_s;
const QString hostedAsKey = u"sync_hosted_as"_s;

QMap<qint32, QString> sequencersIn(const SessionFile& file) {
    QMap<qint32, QString> sequencers;
    const QStringList lines = file.metadata(sequencersKey).split(u'\n', Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        bool ok = false;
        const qint32 epoch = line.section(u' ', 0, 0).toInt(&ok);
        if (ok)
            sequencers.insert(epoch, line.section(u' ', 1));
    }
    return sequencers;
}

// The first snapshot after which every event reads (0 when none does). A damaged row spoils
// every read that starts at or before it, so it is found by halving.
qint64 firstSoundSnapshot(const SessionFile& file, qint64 after) {
    const QList<qint64> snapshots = file.snapshotSeqsAfter(after);
    qsizetype low = 0;
    qsizetype high = snapshots.size();
    while (low < high) {
        const qsizetype middle = (low + high) / 2;
        if (file.events(snapshots[middle] + 1))
            high = middle;
        else
            low = middle + 1;
    }
    return low < snapshots.size() ? snapshots[low] : 0;
}

// The log from the first sound snapshot on: from the snapshot's own event when it reads (its
// epoch is the log's base), else from the first event after it, whose (epoch, seq) is sure.
Result<bool> restoreFromFirstSoundSnapshot(ReplicaLog& log, const SessionFile& file, qint64 after) {
    const qint64 snapshot = firstSoundSnapshot(file, after);
    if (snapshot == 0)
        return Result<bool>::failure(file.events(after + 1).error());
    auto events = file.events(snapshot);
    if (!events || events->isEmpty())
        events = file.events(snapshot + 1);
    log.restoreSequencers(sequencersIn(file));
    if (!events->isEmpty())
        log.restore(events->first().seq, events->first().epoch, events->mid(1));
    else // the file's latest snapshot, its own row damaged and nothing after it
        log.restore(file.state().lastSeq, file.state().epoch, {});
    return true;
}

} // namespace

Result<qint64> takeOwnEpoch(SessionFile& file, qint32 epoch) {
    QMap<qint32, QString> sequencers = sequencersIn(file);
    if (sequencers.value(epoch).startsWith(localSequencerPrefix))
        return 0;
    // One taken at an earlier opening, or by Seat::workAlone, and never used since: a file opened
    // at every start took one more each time.
    if (!sequencers.isEmpty() && sequencers.lastKey() > epoch &&
        sequencers.last().startsWith(localSequencerPrefix))
        return sequencers.lastKey();
    const qint32 own = qMax(epoch, sequencers.isEmpty() ? 0 : sequencers.lastKey()) + 1;
    sequencers.insert(own, newLocalSequencer());
    if (auto ok = SessionFileJournal(file).recordSequencers(sequencers); !ok)
        return Result<qint64>::failure(ok.error());
    return own;
}

Result<bool> SessionFileJournal::append(const Event& event) {
    return m_file.append(event);
}

// The file keeps the rows before the host's snapshot (its own history, and any orphans) and
// notes where the snapshot was (SessionFile::adoptedSeq): a restarted seat's log starts after it,
// in the host's lineage only.
Result<bool> SessionFileJournal::appendSnapshot(const SessionState& state, qint64 orphansFrom,
                                                qint32 lastEventEpoch) {
    return m_file.adoptState(state, orphansFrom, lastEventEpoch);
}

Result<bool> SessionFileJournal::recordSequencers(const QMap<qint32, QString>& sequencers) {
    QStringList lines;
    for (auto it = sequencers.cbegin(); it != sequencers.cend(); ++it)
        lines.append(QString::number(it.key()) + u' ' + it.value());
    return m_file.writeMetadata(sequencersKey, lines.join(u'\n'));
}

Result<bool> SessionFileJournal::recordHosting(const JoinCodes& codes, quint16 port,
                                               qint64 clockOffsetMs, Authority hostedAs) {
    // All or nothing: a file with the codes but not the port (a full disk between the two) was
    // hosted again, after a crash, on the default port.
    return m_file.writeMetadata({{hostedCodesKey, codes.toText()},
                                 {hostedAsKey, key(hostedAs)},
                                 {clockOffsetKey, QString::number(clockOffsetMs)},
                                 {hostedPortKey, QString::number(port)}});
}

Result<bool> SessionFileJournal::recordClockOffset(qint64 clockOffsetMs) {
    return m_file.writeMetadata(clockOffsetKey, QString::number(clockOffsetMs));
}

qint64 SessionFileJournal::clockOffset() const {
    return m_file.metadata(clockOffsetKey).toLongLong(); // 0 when none was kept
}

Result<bool> SessionFileJournal::forgetHosting() {
    return forgetHostedCodes(m_file);
}

Authority SessionFileJournal::hostedAs() const {
    return sync::hostedAs(m_file);
}

bool SessionFileJournal::hostingRecorded() const {
    return wasHosted(m_file);
}

Result<bool> SessionFileJournal::recordSessionCodes(const JoinCodes& codes) {
    if (m_file.metadata(sessionCodesKey) == codes.toText())
        return true; // a rejoin writes nothing
    return m_file.writeMetadata(sessionCodesKey, codes.toText());
}

QList<JoinCodes> SessionFileJournal::sessionCodes() const {
    QList<JoinCodes> kept;
    for (const QString& key : {sessionCodesKey, hostedCodesKey}) {
        if (auto codes = JoinCodes::fromText(m_file.metadata(key)))
            kept.append(*codes);
    }
    return kept;
}

Result<bool> restoreLog(ReplicaLog& log, const SessionFile& file) {
    const qint64 adopted = file.adoptedSeq();
    auto events = file.events(adopted + 1);
    if (!events) {
        // Damage in history a snapshot covers: the file opened from that snapshot, and the
        // log starts there; a seat resuming from before it takes the state instead.
        return restoreFromFirstSoundSnapshot(log, file, adopted);
    }
    log.restoreSequencers(sequencersIn(file));
    const SessionState& state = file.state();
    // After a host's snapshot, the log starts from it: its last event's epoch is kept beside it
    // (the state's own is its host's, raised when it started hosting, and taken for that it made
    // the session's own events look like orphans after a takeover).
    if (const qint32 epoch = file.adoptedEpoch(); adopted > 0 && epoch > 0) {
        log.restore(adopted, epoch, events.value());
        return true;
    }
    if (events->isEmpty()) { // nothing after the snapshot (or no event at all)
        log.restore(state.lastSeq, state.epoch, {});
        return true;
    }
    const Event& first = events->first();
    if (first.action == Action::CreateSession) {
        log.restore(first.seq - 1, first.epoch, events.value());
        return true;
    }
    // After a host's snapshot whose epoch the file does not keep (an older file): the log starts
    // at the first event after it, whose (epoch, seq) it knows for sure.
    log.restore(first.seq, first.epoch, events->mid(1));
    return true;
}

JoinCodes codesToHostWith(const SessionFile* file) {
    const auto kept = file ? keptCodes(*file) : std::nullopt;
    return kept ? *kept : JoinCodes::generate();
}

std::optional<JoinCodes> keptCodes(const SessionFile& file) {
    // Those it hosted with, else those of the session it had control of (the seats have them).
    for (const QString& key : {hostedCodesKey, sessionCodesKey}) {
        if (auto kept = JoinCodes::fromText(file.metadata(key)))
            return kept;
    }
    return std::nullopt;
}

Result<bool> keepHostedCodes(SessionFile& file, const JoinCodes& codes) {
    return file.writeMetadata(hostedCodesKey, codes.toText());
}

namespace {

// The hosting record, and with `sessionCodesToo` the codes a seat with control was told, emptied
// in one write.
Result<bool> forget(SessionFile& file, bool sessionCodesToo) {
    QList<std::pair<QString, QString>> emptied{
        {hostedPortKey, QString()}, {hostedAsKey, QString()}, {hostedCodesKey, QString()}};
    if (sessionCodesToo)
        emptied.append({sessionCodesKey, QString()});
    return file.writeMetadata(emptied);
}

} // namespace

Result<bool> forgetHostedCodes(SessionFile& file) {
    return forget(file, false);
}

Result<bool> forgetAllCodes(SessionFile& file) {
    return forget(file, true);
}

bool wasHosted(const SessionFile& file) {
    return JoinCodes::fromText(file.metadata(hostedCodesKey)).has_value();
}

Authority hostedAs(const SessionFile& file) {
    return fromKey<Authority>(file.metadata(hostedAsKey)).value_or(Authority::Moderator);
}

quint16 hostedPort(const SessionFile& file) {
    return quint16(qBound(0u, file.metadata(hostedPortKey).toUInt(), 65535u));
}

} // namespace podium::sync
