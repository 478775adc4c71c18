#include "session_journal.h"

#include "store/session_file.h"

namespace podium::sync {

Result<bool> SessionFileJournal::append(const Event& event) {
    return m_file.append(event);
}

Result<bool> SessionFileJournal::appendSnapshot(const SessionState& state) {
    return m_file.adoptState(state);
}

Result<bool> restoreLog(ReplicaLog& log, const SessionFile& file) {
    auto events = file.events();
    if (!events)
        return Result<bool>::failure(events.error());
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
