#pragma once

#include "clock.h"
#include "commands/command.h"
#include "model/event.h"
#include "model/result.h"
#include "model/state.h"
#include "plan/plan.h"

#include <QObject>
#include <functional>

namespace podium {

// Where accepted events are made durable before they are applied (the session file).
class EventJournal {
public:
    virtual ~EventJournal() = default;
    [[nodiscard]] virtual Result<bool> append(const Event& event) = 0;
};

// The live session of one seat: the state replica the UI observes and the one door through
// which it changes. On the host it decides commands itself; on a joined seat a forwarder sends
// them to the host and the host's events come back through receive().
class SessionEngine : public QObject {
    Q_OBJECT
public:
    explicit SessionEngine(const Clock& clock, QObject* parent = nullptr);

    const SessionState& state() const { return m_state; }
    const Clock& clock() const { return *m_clock; }
    qint64 now() const { return m_clock->nowMs(); }
    void setClock(const Clock& clock) { m_clock = &clock; }

    Authority authority() const { return m_authority; }
    void setAuthority(Authority authority);
    QString author() const { return m_author; }
    void setAuthor(const QString& author) { m_author = author; }

    void setJournal(EventJournal* journal) { m_journal = journal; }
    // Why the journal refused the last event (empty: it took it).
    const QString& journalError() const { return m_journalError; }
    using Forwarder = std::function<void(const Command&)>;
    void setForwarder(Forwarder forwarder);
    bool isForwarding() const { return bool(m_forwarder); }

    // Starts a new session from a plan: its first event is journalled and applied.
    Result<Event> create(const Plan& plan, const QString& sessionId = {});
    // Replaces the state wholesale (a session file opened, a snapshot from the host).
    void reset(const SessionState& state);

    // As this seat: fills in id, author and authority, then decides or forwards. A refusal is
    // also signalled, so every view can tell the moderator why. On a joined seat the command is
    // forwarded and the result is a failure with an empty reason: the host's answer arrives
    // later as eventApplied (with this command's id) or refused.
    Result<Event> submit(Command command);
    // As the host, for a command from anyone (authority already set by the caller).
    Result<Event> execute(const Command& command);
    // As execute(), for a command this seat made with an authority of its own (a demo's scene):
    // counted as issued here, as its views expect of what this laptop did.
    Result<Event> executeHere(const Command& command);
    // As a joined seat, for an event the host sequenced: journalled, then applied.
    Result<bool> receive(const Event& event);
    // A refusal that arrived from the host for one of this seat's commands.
    void reportRefusal(const QString& commandId, const QString& reason);
    // Whether a command was submitted on this seat (of its last few), not by another seat.
    bool issuedHere(const QString& commandId) const { return m_issued.contains(commandId); }
    // The id of the last command submitted here (empty: none yet).
    QString lastIssued() const { return m_issued.isEmpty() ? QString() : m_issued.last(); }

signals:
    void eventApplied(const podium::Event& event, const podium::SessionState& before);
    void stateReset();
    void authorityChanged(podium::Authority authority);
    void forwardingChanged(bool forwarding); // a seat joined a host, or stopped following it
    void refused(const QString& commandId, const QString& reason);
    // The journal refused an event (a full disk), or took one again after refusing: what it
    // refused stays undone, but the session is saved again from then on.
    void journalFailingChanged(bool failing);

private:
    void noteIssued(const QString& commandId);
    Result<bool> commit(const Event& event);

    const Clock* m_clock;
    SessionState m_state;
    EventJournal* m_journal = nullptr;
    Forwarder m_forwarder;
    Authority m_authority = Authority::Moderator;
    QString m_author;
    QList<QString> m_issued; // ids of the last commands submitted here
    bool m_journalFailing = false;
    QString m_journalError;
};

} // namespace podium
