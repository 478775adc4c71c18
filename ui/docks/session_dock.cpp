#include "session_dock.h"

#include <QEvent>

namespace podium {

SessionDock::SessionDock(Cockpit& cockpit, const QString& objectName, QWidget* parent)
    : QDockWidget(parent)
    , m_cockpit(cockpit) {
    setObjectName(objectName);
    connect(&m_cockpit, &Cockpit::seatChanged, this, [this] {
        if (m_built)
            updateControls();
    });
}

void SessionDock::finishSetup() {
    m_built = true;
    setWindowTitle(title());
    retranslate();
    updateControls();
}

void SessionDock::buildWhenShown() {
    setWindowTitle(title());
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            ensureBuilt();
    });
}

void SessionDock::ensureBuilt() {
    if (m_built)
        return;
    m_built = true;
    build();
    retranslate();
    updateControls();
    emit built();
}

void SessionDock::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        setWindowTitle(title());
        if (m_built)
            retranslate();
    }
    QDockWidget::changeEvent(event);
}

} // namespace podium
