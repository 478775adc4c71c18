#include "session_dock.h"

#include <QEvent>
#include <QScreen>
#include <QScrollArea>

namespace podium {
namespace {

// A frameless scroll area that asks for the room its widgets need, up to 45 % of the screen's
// height (two docks above each other, the menus and the tabs then fit a 600-pixel screen): on a
// desktop screen the dock is laid out as if it did not scroll, on a small one the window still
// fits and the dock scrolls.
class CrampedScroll final : public QScrollArea {
public:
    explicit CrampedScroll(QWidget* body) {
        setFrameShape(QFrame::NoFrame);
        setWidgetResizable(true);
        setWidget(body);
        body->installEventFilter(this); // its needs change as its widgets do (a poll's chart)
    }

    QSize minimumSizeHint() const override {
        const QScreen* s = screen();
        const int cap = s ? s->availableGeometry().height() * 45 / 100 : 0;
        const int needed = widget()->minimumSizeHint().height() + 2 * frameWidth();
        return {QScrollArea::minimumSizeHint().width(), qMin(needed, cap)};
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == widget() && event->type() == QEvent::LayoutRequest)
            updateGeometry();
        return QScrollArea::eventFilter(watched, event);
    }
};

} // namespace

SessionDock::SessionDock(Cockpit& cockpit, const QString& objectName, QWidget* parent)
    : QDockWidget(parent)
    , m_cockpit(cockpit) {
    setObjectName(objectName);
    connect(&m_cockpit, &Cockpit::seatChanged, this, [this] {
        if (m_built)
            updateControls();
    });
}

void SessionDock::finishSetup(WhenCramped cramped) {
    m_built = true;
    if (cramped == WhenCramped::Scroll)
        scrollWhenCramped();
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

// Should the widgets need more room than the dock's place has (a small screen), they scroll
// there instead of making the window taller than the screen, or, for a dock made after the
// window was laid out, grow under the user's eyes. With room enough the scroll area is
// invisible.
void SessionDock::scrollWhenCramped() {
    QWidget* body = widget();
    if (!body)
        return;
    setWidget(new CrampedScroll(body));
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
