#include "session_dock.h"

#include <QEvent>
#include <QScrollArea>

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
    scrollWhenCramped();
    retranslate();
    updateControls();
}

// The window was laid out before this dock had its widgets: should they need more room than its
// place has (a small screen), they scroll there instead of making the window grow under the
// user's eyes. With room enough the scroll area is invisible.
void SessionDock::scrollWhenCramped() {
    QWidget* body = widget();
    if (!body)
        return;
    auto* scroll = new QScrollArea;
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setWidget(body);
    setWidget(scroll);
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
