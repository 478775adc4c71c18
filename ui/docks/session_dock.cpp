#include "session_dock.h"

#include <QEvent>

namespace podium {

SessionDock::SessionDock(Cockpit& cockpit, const QString& objectName, QWidget* parent)
    : QDockWidget(parent)
    , m_cockpit(cockpit) {
    setObjectName(objectName);
    connect(&m_cockpit, &Cockpit::seatChanged, this, [this] { updateControls(); });
}

void SessionDock::finishSetup() {
    retranslate();
    updateControls();
}

void SessionDock::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDockWidget::changeEvent(event);
}

} // namespace podium
