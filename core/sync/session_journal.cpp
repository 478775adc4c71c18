#include "session_journal.h"

#include "store/session_file.h"

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {

const QString sequencersKey = u"sync_sequencers"_s;

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

} // namespace

Result<bool> SessionFileJournal::append(const Event& event) {
    return m_file.append(event);
}

Result<bool> SessionFileJournal::appendSnapshot(const SessionState& state) {
    return m_file.adoptState(state);
}

Result<bool> SessionFileJournal::recordSequencers(const QMap<qint32, QString>& sequencers) {
    QStringList lines;
    for (auto it = sequencers.cbegin(); it != sequencers.cend(); ++it)
        lines.append(QString::number(it.key()) + u' ' + it.value());
    return m_file.writeMetadata(sequencersKey, lines.join(u'\n'));
}

Result<bool> restoreLog(ReplicaLog& log, const SessionFile& file) {
    auto events = file.events();
    if (!events)
        return Result<bool>::failure(events.error());
    log.restoreSequencers(sequencersIn(file));
    const SessionState& state = file.state();
    if (events->isEmpty()) {
        log.restore(state.lastSeq, state.epoch, {});
        return true;
    }
    const Event& first = events->first();
    if (first.action == Action::CreateSession) {
        log.restore(first.seq - 1, first.epoch, events.value());
        return true;
    }
    // A joined seat's file starts after the host's snapshot, whose epoch it does not keep: the
    // log starts at its first event, whose (epoch, seq) it knows for sure.
    log.restore(first.seq, first.epoch, events->mid(1));
    return true;
}

} // namespace podium::sync
