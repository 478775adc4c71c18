#include "window_keys.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

namespace podium {
namespace {

bool isEditingKey(const QKeyEvent* key) {
    for (auto editing : {QKeySequence::Undo, QKeySequence::Redo, QKeySequence::Cut,
                         QKeySequence::Copy, QKeySequence::Paste, QKeySequence::SelectAll}) {
        if (key->matches(editing))
            return true;
    }
    return false;
}

} // namespace

WindowKeys::WindowKeys(QWidget* window)
    : QObject(window)
    , m_window(window) {
    qApp->installEventFilter(this);
}

// A key's override is offered to the focused widget and then to each parent up to the window;
// none of them may take it (each is told "not taken"), so the window's shortcut fires.
bool WindowKeys::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::ShortcutOverride)
        return false;
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != m_window)
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    if (isEditingKey(key) || !isWindowAction(QKeySequence(key->keyCombination())))
        return false;
    event->ignore();
    return true;
}

bool WindowKeys::isWindowAction(const QKeySequence& keys) const {
    const auto actions = m_window->findChildren<QAction*>();
    for (const QAction* action : actions) {
        if (action->isEnabled() && action->shortcuts().contains(keys))
            return true;
    }
    return false;
}

} // namespace podium
