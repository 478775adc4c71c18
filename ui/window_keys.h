#pragma once

#include <QObject>
#include <functional>

class QWidget;

namespace podium {

// A text field claims some keys for editing; on X11, Ctrl+E moves to the end of the line, so it
// ended no speech while the moderator typed in the quick-add field. In the cockpit's window its
// actions' keys belong to the actions, whatever has the focus, except the editing keys every
// field is expected to keep (undo, cut, copy, paste, select all).
// The key of a control greyed for this seat is not lost silently either: `tellWhyNot` gets the
// control's tooltip, which says why (Ctrl+Shift+Return on the online moderator's seat did
// nothing, and said nothing).
class WindowKeys : public QObject {
public:
    // Watches the application's events while it lives.
    explicit WindowKeys(QWidget* window, std::function<void(const QString&)> tellWhyNot = {});

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool isWindowAction(const QKeySequence& keys) const;
    QString whyGreyed(const QKeySequence& keys) const;

    QWidget* m_window;
    std::function<void(const QString&)> m_tellWhyNot;
};

} // namespace podium
