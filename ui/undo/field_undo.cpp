#include "field_undo.h"

#include <QKeyEvent>
#include <QLineEdit>

namespace podium {
namespace {

class SpentUndoFilter final : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        auto* field = qobject_cast<QLineEdit*>(watched);
        if (field && event->type() == QEvent::ShortcutOverride) {
            const auto* key = static_cast<QKeyEvent*>(event);
            if ((key->matches(QKeySequence::Undo) && !field->isUndoAvailable()) ||
                (key->matches(QKeySequence::Redo) && !field->isRedoAvailable())) {
                event->ignore(); // the window's Undo/Redo shortcut takes it
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void handSpentUndoToWindow(QLineEdit* field) {
    field->installEventFilter(new SpentUndoFilter(field));
}

void emptyField(QLineEdit* field) {
    field->setText({});
}

} // namespace podium
