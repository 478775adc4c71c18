#pragma once

#include "model/note.h"

#include <functional>

class QMenu;
class QUndoStack;
class QWidget;

namespace podium {

class NotesModel;

// A note filed again, as a step of Edit → Undo: a takeaway typed as a plain note, or a note on
// Amina's point written during Carlos's speech ("(late, about Amina) …") and filed under his in
// the report, could only be removed and typed again, losing its time.
// The menu offers the note's kind and the speech it goes with (the current one, those before,
// newest first, and "between speeches"); `problem` says why one could not be done.
QMenu* refileMenu(NotesModel& model, const Note& note, QUndoStack& stack, QWidget* parent,
                  const std::function<void(const QString&)>& problem);

} // namespace podium
