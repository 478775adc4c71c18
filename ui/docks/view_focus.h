#pragma once

class QAbstractItemView;

namespace podium {

// Tabbed into, a list marks its first row current without selecting it, and the first Down then
// selects the second: in the queue, "Call selected" would call someone the moderator never picked.
// Here a list reached with the keyboard, with nothing selected, selects the row it marks.
void selectCurrentOnKeyboardFocus(QAbstractItemView* view);

} // namespace podium
