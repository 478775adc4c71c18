#include "session_engine.h"

#include "commands/authority.h"
#include "model/reducer.h"

#include <QCoreApplication>
#include <QUuid>

namespace podium {

SessionEngine::SessionEngine(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(&clock) {}

void SessionEngine::setForwarder(Forwarder forwarder) {
    const bool was = isForwarding();
    m_forwarder = std::move(forwarder);
    if (was != isForwarding())
        emit forwardingChanged(isForwarding());
}

void SessionEngine::setAuthority(Authority authority) {
    if (authority == m_authority)
        return;
    m_authority = authority;
    emit authorityChanged(authority);
}

Result<Event> SessionEngine::create(const Plan& plan, const QString& sessionId) {
    const QString id =
        sessionId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : sessionId;
    Event e = creationEvent(plan, id, now());
    e.author = m_author;
    m_state = SessionState{};
    if (auto ok = commit(e); !ok)
        return Result<Event>::failure(ok.error());
    emit stateReset();
    return e;
}

void SessionEngine::reset(const SessionState& state) {
    m_state = state;
    emit stateReset();
}

Result<Event> SessionEngine::submit(Command command) {
    if (command.id.isEmpty())
        command.id = newCommandId();
    command.author = m_author;
    command.authority = m_authority;
    noteIssued(command.id);
    if (m_forwarder) {
        m_forwarder(command);
        return Result<Event>::failure({}); // not refused: the host answers later
    }
    auto result = execute(command);
    if (!result)
        emit refused(command.id, result.error());
    return result;
}

void SessionEngine::noteIssued(const QString& commandId) {
    m_issued.append(commandId);
    if (m_issued.size() > 64) // a host's answer comes within seconds: a few suffice
        m_issued.removeFirst();
}

Result<Event> SessionEngine::executeHere(const Command& command) {
    noteIssued(command.id);
    return execute(command);
}

Result<Event> SessionEngine::execute(const Command& command) {
    auto event = decide(m_state, command, now());
    if (!event)
        return event;
    if (auto ok = commit(event.value()); !ok)
        return Result<Event>::failure(ok.error());
    return event;
}

Result<bool> SessionEngine::receive(const Event& event) {
    if (event.seq != m_state.lastSeq + 1) {
        return Result<bool>::failure(
            QCoreApplication::translate("podium::SessionEngine",
                                        "Event %1 arrived out of order (expected %2).")
                .arg(event.seq)
                .arg(m_state.lastSeq + 1));
    }
    return commit(event);
}

void SessionEngine::reportRefusal(const QString& commandId, const QString& reason) {
    emit refused(commandId, reason);
}

Result<bool> SessionEngine::commit(const Event& event) {
    // Write-ahead: an event that could not be made durable is not applied either, so the
    // state on screen never runs ahead of what a crash would leave on disk.
    if (m_journal) {
        const auto ok = m_journal->append(event);
        m_journalError = ok ? QString() : ok.error();
        if (const bool failing = !ok; failing != m_journalFailing) { // once per change
            m_journalFailing = failing;
            emit journalFailingChanged(failing);
        }
        if (!ok)
            return ok;
    }
    const SessionState before = m_state;
    m_state = apply(m_state, event);
    emit eventApplied(event, before);
    return true;
}

} // namespace podium
