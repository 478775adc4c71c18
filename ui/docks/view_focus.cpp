#include "view_focus.h"

#include <QAbstractItemView>
#include <QFocusEvent>
#include <QItemSelectionModel>
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

} // namespace

void selectCurrentOnKeyboardFocus(QAbstractItemView* view) {
    view->installEventFilter(new KeyboardFocusSelects(view));
}

} // namespace podium
