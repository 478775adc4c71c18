#pragma once

class QAbstractItemView;
class QWidget;

namespace podium {

// Tabbed into, a list marks its first row current without selecting it, and the first Down then
// selects the second: in the queue, "Call selected" would call someone the moderator never picked.
// Here a list reached with the keyboard, with nothing selected, selects the row it marks.
void selectCurrentOnKeyboardFocus(QAbstractItemView* view);

// Text typed while `view` has the focus goes into `field` (which takes the focus), not into the
// view's search for a row starting with it: a rapporteur whose click landed on the notes list,
// not on the note field above it, lost the note typed next without a sign.
void typingGoesTo(QAbstractItemView* view, QWidget* field);

} // namespace podium
