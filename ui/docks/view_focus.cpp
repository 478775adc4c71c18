#include "view_focus.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QFocusEvent>
#include <QInputMethodEvent>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QTimer>

namespace podium {
namespace {

class KeyboardFocusSelects final : public QObject {
public:
    explicit KeyboardFocusSelects(QAbstractItemView* view)
        : QObject(view)
        , m_view(view) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == m_view && event->type() == QEvent::FocusIn) {
            const auto reason = static_cast<QFocusEvent*>(event)->reason();
            if (reason == Qt::TabFocusReason || reason == Qt::BacktabFocusReason)
                QTimer::singleShot(0, this, &KeyboardFocusSelects::selectCurrent); // after Qt's
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void selectCurrent() {
        QItemSelectionModel* selection = m_view->selectionModel();
        const QModelIndex current = m_view->currentIndex().isValid() ? m_view->currentIndex()
                                                                     : m_view->model()->index(0, 0);
        if (!selection || selection->hasSelection() || !current.isValid())
            return;
        m_view->setCurrentIndex(current); // selects it, as the view's behaviour says
    }

    QAbstractItemView* m_view;
};

class TypingGoesTo final : public QObject {
public:
    TypingGoesTo(QAbstractItemView* view, QWidget* field)
        : QObject(view)
        , m_view(view)
        , m_field(field) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == m_view && event->type() == QEvent::InputMethod)
            return composedText(static_cast<QInputMethodEvent*>(event));
        if (watched != m_view || event->type() != QEvent::KeyPress)
            return QObject::eventFilter(watched, event);
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool typed =
            !key->text().isEmpty() && key->text().at(0).isPrint() &&
            !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
        if (!typed || !m_field->isEnabled() || !m_field->isVisible())
            return QObject::eventFilter(watched, event);
        m_field->setFocus(Qt::OtherFocusReason);
        QKeyEvent again(QEvent::KeyPress, key->key(), key->modifiers(), key->text());
        QCoreApplication::sendEvent(m_field, &again);
        return true;
    }

private:
    // Chinese or Arabic typed through an input method comes as text composed, not keys: the
    // list's row search took it, as it had taken typed keys. Only once composed: the focus moved
    // in the middle of it would have the input method commit or drop what was half typed (Qt's
    // own views keep the focus until the commit for that reason).
    bool composedText(QInputMethodEvent* event) {
        if (event->commitString().isEmpty() || !m_field->isEnabled() || !m_field->isVisible())
            return false;
        m_field->setFocus(Qt::OtherFocusReason);
        QInputMethodEvent again;
        again.setCommitString(event->commitString());
        QCoreApplication::sendEvent(m_field, &again);
        return true;
    }

    QAbstractItemView* m_view;
    QWidget* m_field;
};

} // namespace

void typingGoesTo(QAbstractItemView* view, QWidget* field) {
    view->installEventFilter(new TypingGoesTo(view, field));
}

void selectCurrentOnKeyboardFocus(QAbstractItemView* view) {
    view->installEventFilter(new KeyboardFocusSelects(view));
}

} // namespace podium
