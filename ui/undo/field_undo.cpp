#include "field_undo.h"

#include <QKeyEvent>
#include <QLineEdit>

namespace podium {
namespace {

// Redo goes where the undo before it went: after Ctrl+Z went on from the field's typing to a
// step of the session, Ctrl+Shift+Z brought the typing back and left the step undone.
class SpentUndoFilter final : public QObject {
public:
    explicit SpentUndoFilter(QLineEdit* field)
        : QObject(field) {
        connect(field, &QLineEdit::textEdited, this, [this] { m_windowUndos = 0; });
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        auto* field = qobject_cast<QLineEdit*>(watched);
        if (field && event->type() == QEvent::ShortcutOverride) {
            const auto* key = static_cast<QKeyEvent*>(event);
            bool toWindow = false;
            if (key->matches(QKeySequence::Undo) && !field->isUndoAvailable()) {
                toWindow = true;
                ++m_windowUndos;
            } else if (key->matches(QKeySequence::Redo) &&
                       (m_windowUndos > 0 || !field->isRedoAvailable())) {
                toWindow = true;
                m_windowUndos = qMax(0, m_windowUndos - 1);
            }
            if (toWindow) {
                event->ignore(); // the window's Undo/Redo shortcut takes it
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    int m_windowUndos = 0; // Ctrl+Z handed to the window since the field was last edited
};

} // namespace

void handSpentUndoToWindow(QLineEdit* field) {
    field->installEventFilter(new SpentUndoFilter(field));
}

void emptyField(QLineEdit* field) {
    field->setText({});
}

} // namespace podium
