#pragma once

#include <QObject>

class QWidget;

namespace podium {

// A text field claims some keys for editing; on X11, Ctrl+E moves to the end of the line, so it
// ended no speech while the moderator typed in the quick-add field. In the cockpit's window its
// actions' keys belong to the actions, whatever has the focus, except the editing keys every
// field is expected to keep (undo, cut, copy, paste, select all).
class WindowKeys : public QObject {
public:
    explicit WindowKeys(QWidget* window); // watches the application's events while it lives

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool isWindowAction(const QKeySequence& keys) const;

    QWidget* m_window;
};

} // namespace podium
