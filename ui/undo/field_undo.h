#pragma once

class QLineEdit;

namespace podium {

// A text field where the moderator types what becomes a session step (a note, a message to the
// speaker, a newcomer's name): once the field has no undo of its own left, Ctrl+Z and
// Ctrl+Shift+Z there are the window's Edit → Undo and Redo, not the field's. Otherwise Ctrl+Z
// right after Enter brought back the text just sent instead of taking back the step.
void handSpentUndoToWindow(QLineEdit* field);

// Empties `field` leaving it no undo of its own (QLineEdit::clear() can be undone).
void emptyField(QLineEdit* field);

} // namespace podium
