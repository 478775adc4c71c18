#pragma once

#include "commands/command.h"
#include "engine/session_engine.h"

#include <QObject>
#include <QUndoCommand>
#include <QUndoStack>
#include <optional>

namespace podium {

// One undoable step: a command issued through the engine. Undo issues the compensating command
// (core/commands/compensation.h), so it syncs like any other; redo issues the original again
// with a fresh id. On a joined seat the event comes back later, and the compensation is taken
// from it then. A refused or irreversible command makes itself obsolete, so the stack drops it.
class SessionCommand : public QUndoCommand {
public:
    // With a `parent` step, it is a part of that step (QUndoCommand's children): issued at
    // once by whoever adds it, undone before the parent and redone after it.
    SessionCommand(SessionEngine& engine, Command command, const QString& text,
                   QUndoCommand* parent = nullptr);
    ~SessionCommand() override;

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    const Command& command() const { return m_command; }
    // Names this step for as long as it lives; never that of another (an address can be).
    quint64 serial() const { return m_serial; }
    bool isPending() const { return !m_awaitedId.isEmpty() || !m_mergedPending.isEmpty(); }
    bool canUndo() const { return m_compensation.has_value(); }
    bool undoRefused() const { return m_undoRefused; }
    // What `commandId` was, if this step sent it.
    enum class Sent { No, First, Redo, Undo };
    Sent sent(const QString& commandId) const;
    // A stack emptied for another state (Cockpit): an undo still waiting goes with the step.
    void forgetWaitingUndo() { m_undoOutlivesStep = false; }

private:
    // Goes on, on no stack, with the step's progress: its undo waits for the host's answers.
    SessionCommand(const SessionCommand& waiting, QUndoCommand* parent);
    void leaveUndoWaiting() const;
    void undoWhole();
    QCborValue speechExpected() const;
    void takeInMergedEvent(const Event& event, const SessionState& before);
    void settleMergedPresses();
    bool partsPending() const;
    void partAnswered();
    void issue();
    void onEvent(const Event& event, const SessionState& before);
    void onRefused(const QString& commandId);

    SessionEngine& m_engine;
    Command m_command;
    std::optional<Command> m_compensation;
    std::optional<QCborValue> m_redoExpects; // what the undo puts back, which a redo expects
    bool m_issued = false;                   // issued once: issuing again is a redo
    bool m_awaitingRedo = false;             // m_awaitedId is a redo's
    QString m_awaitedId;
    QString m_undoId;                  // the compensation sent, until the host takes or refuses it
    bool m_undoRefused = false;        // it refused it: the step is still done
    QObject m_listener;                // scopes the engine connections to this command's life
    SessionCommand* m_whole = nullptr; // the step this is a part of
    bool m_undoWhenPartsAnswered = false;
    bool m_undoOutlivesStep = true;
    QObject* m_keeper = nullptr; // owns a step left waiting (leaveUndoWaiting), with the engine
    // Presses of ±30 s merged into this step before the host answered them (a joined seat): the
    // step is undone once they are answered, by what the host applied.
    struct MergedPress {
        QString id;
        qint64 deltaMs = 0;
    };
    QList<MergedPress> m_mergedPending;
    QList<MergedPress>::iterator mergedPress(const QString& id);
    qint64 m_pressMs = 0; // ±30 s: the time m_awaitedId asks for, before any press merged in
    quint64 m_serial;
};

// Each step's waiting undo, if any, goes when the stack is emptied; so do those of steps the
// stack deleted (SessionCommand::leaveUndoWaiting), which the engine holds.
void forgetWaitingUndos(QUndoStack& stack, SessionEngine& engine);

} // namespace podium
