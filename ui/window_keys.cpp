#include "window_keys.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QLineEdit>
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

// Ctrl+Return submits a field to many people (chat, mail, forms): typed after a name in the quick
// add, it called the next speaker, and the name stayed unadded. While a field of this window
// (a floating panel's too) holds text, Ctrl+Return is the field's own Enter; F9 still calls the
// next speaker. Ctrl+Shift+Return (next segment) stays the window's: it has no other key.
bool isFieldsEnter(const QKeyEvent* key, const QWidget* window) {
    const auto* field = qobject_cast<const QLineEdit*>(QApplication::focusWidget());
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    return field && !field->text().isEmpty() && window->isAncestorOf(field) &&
           (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
           modifiers == Qt::ControlModifier;
}

} // namespace

WindowKeys::WindowKeys(QWidget* window, std::function<void(const QString&)> tellWhyNot)
    : QObject(window)
    , m_window(window)
    , m_tellWhyNot(std::move(tellWhyNot)) {
    qApp->installEventFilter(this);
}

// A key's override is offered to the focused widget and then to each parent up to the window;
// none of them may take it (each is told "not taken"), so the window's shortcut fires.
bool WindowKeys::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() != QEvent::ShortcutOverride)
        return false;
    auto* key = static_cast<QKeyEvent*>(event);
    // Before the window's own test: in a floating panel, or with the quick add's list open, the
    // key is offered to another top-level window first.
    if (isFieldsEnter(key, m_window)) {
        event->accept(); // a key press for the field, not the window's shortcut
        return true;
    }
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != m_window)
        return false;
    const QKeySequence keys(key->keyCombination());
    // Once per press: the override goes to the focused widget first, then up to the window.
    QWidget* first = QApplication::focusWidget() ? QApplication::focusWidget() : m_window;
    if (m_tellWhyNot && watched == first && !isEditingKey(key)) {
        if (const QString why = whyGreyed(keys); !why.isEmpty())
            m_tellWhyNot(why);
    }
    if (isEditingKey(key) || !isWindowAction(keys))
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

// The tooltip of a greyed button or action with these keys, when nothing enabled has them.
QString WindowKeys::whyGreyed(const QKeySequence& keys) const {
    if (isWindowAction(keys))
        return {};
    for (const QAction* action : m_window->findChildren<QAction*>()) {
        if (!action->isEnabled() && action->shortcuts().contains(keys) &&
            action->toolTip() != QString(action->text()).remove(u'&'))
            return action->toolTip();
    }
    for (const QAbstractButton* button : m_window->findChildren<QAbstractButton*>()) {
        if (!button->isEnabled() && button->shortcut() == keys && !button->toolTip().isEmpty())
            return button->toolTip();
    }
    return {};
}

} // namespace podium
