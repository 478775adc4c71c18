#include "session_command.h"

#include "commands/compensation.h"
#include "commands/expectation.h"
#include "model/cbor_input.h"

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

// Repeated ±30 s on one timer are one step; everything else stands alone.
constexpr int adjustTimerMergeId = 1;

} // namespace

SessionCommand::SessionCommand(SessionEngine& engine, Command command, const QString& text,
                               QUndoCommand* parent)
    : QUndoCommand(text, parent)
    , m_engine(engine)
    , m_command(std::move(command))
    , m_whole(dynamic_cast<SessionCommand*>(parent)) {
    static quint64 serials = 0;
    m_serial = ++serials;
    QObject::connect(&m_engine, &SessionEngine::eventApplied, &m_listener,
                     [this](const Event& e, const SessionState& before) { onEvent(e, before); });
    QObject::connect(&m_engine, &SessionEngine::refused, &m_listener,
                     [this](const QString& commandId, const QString&) { onRefused(commandId); });
}

// A copy of a step its stack deleted, taking up where it was; its own undo never outlives it.
SessionCommand::SessionCommand(const SessionCommand& waiting, QUndoCommand* parent)
    : SessionCommand(waiting.m_engine, waiting.m_command, waiting.text(), parent) {
    setObsolete(waiting.isObsolete());
    m_compensation = waiting.m_compensation;
    m_redoExpects = waiting.m_redoExpects;
    m_issued = waiting.m_issued;
    m_awaitingRedo = waiting.m_awaitingRedo;
    m_awaitedId = waiting.m_awaitedId;
    m_undoId = waiting.m_undoId;
    m_undoRefused = waiting.m_undoRefused;
    m_undoWhenPartsAnswered = waiting.m_undoWhenPartsAnswered;
    m_mergedPending = waiting.m_mergedPending;
    m_pressMs = waiting.m_pressMs;
    m_undoOutlivesStep = false;
    for (int i = 0; i < waiting.childCount(); ++i)
        if (const auto* part = dynamic_cast<const SessionCommand*>(waiting.child(i)))
            new SessionCommand(*part, this);
}

// QUndoStack deletes the undone steps when another is pushed: a step whose undo waited for the
// host (a round trip, longer on a weak link) then never sent it, and what the moderator had
// taken back stayed done, the screen saying it was undone.
SessionCommand::~SessionCommand() {
    if (m_undoWhenPartsAnswered && m_undoOutlivesStep && !m_whole)
        leaveUndoWaiting();
}

namespace {

const QString keeperName = u"undoLeftWaiting"_s;

} // namespace

void SessionCommand::leaveUndoWaiting() const {
    auto* keeper = new QObject(&m_engine);
    keeper->setObjectName(keeperName);
    auto* copy = new SessionCommand(*this, nullptr);
    copy->m_keeper = keeper;
    QObject::connect(keeper, &QObject::destroyed, [copy] { delete copy; });
}

void forgetWaitingUndos(QUndoStack& stack, SessionEngine& engine) {
    for (int i = 0; i < stack.count(); ++i)
        if (auto* step = dynamic_cast<const SessionCommand*>(stack.command(i)))
            const_cast<SessionCommand*>(step)->forgetWaitingUndo(); // the stack gives them const
    // And the copies of steps the stack deleted: they belong to the state left as well.
    for (QObject* keeper : engine.findChildren<QObject*>(keeperName, Qt::FindDirectChildrenOnly))
        delete keeper;
}

void SessionCommand::redo() {
    // A part that could not be undone is still done: issued again, it would be done twice.
    if (isObsolete())
        return;
    if (std::exchange(m_undoWhenPartsAnswered, false))
        return; // redone before its undo went out: nothing was undone

    // The host refused the undo: the step was never undone, and issuing it again would do it
    // twice (someone added to the queue again after they spoke). The stack drops it instead; so
    // too while the host has not yet answered the undo, whose fate is not known.
    if (m_undoRefused || !m_undoId.isEmpty()) {
        setObsolete(true);
        return;
    }
    issue();
    if (!isObsolete())
        QUndoCommand::redo(); // the parts, in their order (none on the first push)
}

void SessionCommand::undo() {
    if (isObsolete())
        return; // nothing to take back (the stack drops it)
    // On a joined seat a part's event may be on its way (a newcomer's queue entry): undone now,
    // it would be left done, and the newcomer with it. The undo waits for the host's answer.
    if (partsPending()) {
        m_undoWhenPartsAnswered = true;
        return;
    }
    undoWhole();
}

bool SessionCommand::partsPending() const {
    if (!m_mergedPending.isEmpty())
        return true;
    for (int i = 0; i < childCount(); ++i) {
        const auto* part = dynamic_cast<const SessionCommand*>(child(i));
        if (part && part->isPending())
            return true;
    }
    return false;
}

void SessionCommand::partAnswered() {
    if (m_undoWhenPartsAnswered && !partsPending()) {
        m_undoWhenPartsAnswered = false;
        undoWhole();
    }
}

void SessionCommand::undoWhole() {
    if (m_keeper)
        m_keeper->deleteLater(); // a step left waiting has done its part
    if (isObsolete())
        return; // what the host did of its presses cancelled out: an undo of 0 s was refused
    QUndoCommand::undo(); // the parts first, the last one first (the queue entry, then its person)
    if (!m_compensation) {
        // Still waiting for the host, or nothing to take back: the step cannot be undone.
        setObsolete(true);
        return;
    }
    Command c = *m_compensation;
    c.id = newCommandId();
    m_undoId = c.id;
    m_undoRefused = false;
    const auto done = m_engine.submit(c);
    if (!done && !m_engine.isForwarding())
        setObsolete(true); // the engine has said why (SessionEngine::refused)
}

void SessionCommand::issue() {
    Command c = m_issued ? expecting(m_command, m_redoExpects) : m_command;
    m_awaitingRedo = m_issued;
    m_issued = true;
    c.id = newCommandId();
    m_awaitedId = c.id;
    m_pressMs = integerOf(c.args.value(u"deltaMs"_s));
    m_compensation.reset();
    const auto done = m_engine.submit(c);
    if (!done && !m_engine.isForwarding()) {
        m_awaitedId.clear();
        setObsolete(true);
    }
}

void SessionCommand::onEvent(const Event& event, const SessionState& before) {
    if (!m_undoId.isEmpty() && event.commandId == m_undoId) {
        m_undoId.clear();
        // Redone, it expects what its undo left: another seat's change since stays.
        m_redoExpects = valueBefore(m_engine.state(), m_command);
    }
    takeInMergedEvent(event, before);
    if (m_awaitedId.isEmpty() || event.commandId != m_awaitedId)
        return;
    m_awaitedId.clear();
    m_compensation = compensationFor(before, event);
    if (!m_compensation)
        setObsolete(true);
    // Redone, the participant or entry comes back under the same id, which later steps name
    // (the quick add's queue entry, a call to the floor, were refused on redo: they named an id
    // no one had any more).
    if (event.action == Action::AddParticipant)
        m_command.args[u"id"_s] = event.data.value(u"participant"_s).toMap().value(u"id"_s);
    if (event.action == Action::AddEntry)
        m_command.args[u"id"_s] = event.data.value(u"entry"_s).toMap().value(u"id"_s);
    m_command = asRedone(m_command, before, event);
    if (m_whole)
        m_whole->partAnswered();
}

QList<SessionCommand::MergedPress>::iterator SessionCommand::mergedPress(const QString& id) {
    return std::find_if(m_mergedPending.begin(), m_mergedPending.end(),
                        [&](const MergedPress& p) { return p.id == id; });
}

// A merged press the host applied: undoing the step takes back what it gave, as well.
void SessionCommand::takeInMergedEvent(const Event& event, const SessionState& before) {
    const auto press = mergedPress(event.commandId);
    if (press == m_mergedPending.end())
        return;
    m_mergedPending.erase(press);
    if (m_compensation) {
        const qint64 applied = integerOf(event.data.value(u"deltaMs"_s));
        m_compensation->args[u"deltaMs"_s] =
            integerOf(m_compensation->args.value(u"deltaMs"_s)) - applied;
    } else {
        m_compensation = compensationFor(before, event);
    }
    settleMergedPresses();
    partAnswered();
}

// Every press answered: none done (all refused), or what was done cancels out (+30 s applied,
// −30 s refused, −30 s applied), leaves nothing to undo; an undo of 0 s was refused.
void SessionCommand::settleMergedPresses() {
    if (m_command.action != Action::AdjustTimer || isPending())
        return;
    if (!m_compensation || integerOf(m_compensation->args.value(u"deltaMs"_s)) == 0)
        setObsolete(true);
}

void SessionCommand::onRefused(const QString& commandId) {
    if (!m_undoId.isEmpty() && commandId == m_undoId) {
        m_undoId.clear();
        m_undoRefused = true;
        return;
    }
    const auto press = mergedPress(commandId);
    if (press != m_mergedPending.end()) {
        // Never done: a redo does not ask for it.
        m_command.args[u"deltaMs"_s] =
            integerOf(m_command.args.value(u"deltaMs"_s)) - press->deltaMs;
        m_mergedPending.erase(press);
        settleMergedPresses();
        partAnswered();
        return;
    }
    if (m_awaitedId.isEmpty() || commandId != m_awaitedId)
        return;
    m_awaitedId.clear();
    // The first press refused, those merged into it may still be done: the step stays for them
    // (made obsolete, it went with them, and Ctrl+Z undid the step before).
    if (!m_mergedPending.isEmpty()) {
        m_command.args[u"deltaMs"_s] = integerOf(m_command.args.value(u"deltaMs"_s)) - m_pressMs;
        return;
    }
    setObsolete(true);
    if (m_whole)
        m_whole->partAnswered();
}

SessionCommand::Sent SessionCommand::sent(const QString& commandId) const {
    if (commandId.isEmpty())
        return Sent::No;
    if (commandId == m_undoId)
        return Sent::Undo;
    if (commandId == m_awaitedId)
        return m_awaitingRedo ? Sent::Redo : Sent::First;
    for (const MergedPress& press : m_mergedPending)
        if (press.id == commandId)
            return Sent::First;
    return Sent::No;
}

int SessionCommand::id() const {
    return m_command.action == Action::AdjustTimer ? adjustTimerMergeId : -1;
}

// The speaker the step's time was for: the host's answer says, or else what the press expected.
QCborValue SessionCommand::speechExpected() const {
    return m_compensation ? m_compensation->args.value(u"expectFloor"_s)
                          : m_command.args.value(u"expectFloor"_s);
}

// On a joined seat a press is merged before the host answers it (each was a step of its own
// there, three presses three Ctrl+Z); what the host does with it is taken in when it answers.
bool SessionCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const SessionCommand*>(other);
    if (!next || next->isObsolete() || isObsolete() || !m_undoId.isEmpty() ||
        m_undoWhenPartsAnswered)
        return false;
    if (!m_compensation && m_awaitedId.isEmpty())
        return false; // nothing to undo, and nothing awaited that would be
    const QString timer = m_command.args.value(u"timer"_s).toString();
    if (next->m_command.args.value(u"timer"_s).toString() != timer)
        return false;
    // One speech's time: +30 s for one speaker and +30 s for the next are two steps.
    const QCborValue speech = speechExpected();
    if (speech.isUndefined() || speech != next->speechExpected())
        return false;
    const qint64 total = integerOf(m_command.args.value(u"deltaMs"_s)) +
                         integerOf(next->m_command.args.value(u"deltaMs"_s));
    m_command.args[u"deltaMs"_s] = total;
    if (next->isPending())
        m_mergedPending.append(
            {next->m_awaitedId, integerOf(next->m_command.args.value(u"deltaMs"_s))});
    else if (m_compensation)
        m_compensation->args[u"deltaMs"_s] =
            integerOf(m_compensation->args.value(u"deltaMs"_s)) +
            integerOf(next->m_compensation->args.value(u"deltaMs"_s));
    else
        m_compensation = next->m_compensation;
    setText(next->text());
    // +30 s then −30 s: nothing left to undo, once the host has done both (settleMergedPresses).
    if (total == 0 && !isPending())
        setObsolete(true);
    return true;
}

} // namespace podium
