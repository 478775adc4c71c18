#include "session_dock.h"

#include <QEvent>
#include <QLayout>
#include <QResizeEvent>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>

namespace podium {
namespace {

// A frameless scroll area that asks for all the room its widgets need, as if it did not scroll,
// unless the window says its screen is too small for that (crampedScreenProperty): then it asks
// for 45 % of the screen's height at most (two docks above each other, the menus and the tabs
// then fit a 600-pixel screen) and scrolls.
//
// It sizes its widgets itself, to their minimum: QScrollArea's own resizing wants the preferred
// height of widgets with wrapped text (the queue's suggestion), and scrolled the queue's
// buttons out of sight in a dock that had room for them.
class CrampedScroll final : public QScrollArea {
public:
    explicit CrampedScroll(QWidget* body) {
        setFrameShape(QFrame::NoFrame);
        setWidgetResizable(false);
        setWidget(body);
        body->installEventFilter(this); // its needs change as its widgets do (a poll's chart)
    }

    QSize minimumSizeHint() const override {
        // Widgets wider than the dock scroll sideways: the scroll bar's height is needed too.
        const bool sideways = widget()->minimumSizeHint().width() > viewport()->width();
        const int bar = sideways ? style()->pixelMetric(QStyle::PM_ScrollBarExtent) : 0;
        const int needed = neededHeight(viewport()->width()) + bar + 2 * frameWidth();
        const QScreen* s = screen();
        const bool cramped = s && window()->property(crampedScreenProperty).toBool();
        const int most = cramped ? s->availableGeometry().height() * 45 / 100 : needed;
        return {QScrollArea::minimumSizeHint().width(), qMin(needed, most)};
    }

protected:
    void resizeEvent(QResizeEvent* event) override {
        QScrollArea::resizeEvent(event);
        fitBody();
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == widget() && event->type() == QEvent::LayoutRequest) {
            updateGeometry();
            fitBody();
        }
        return QScrollArea::eventFilter(watched, event);
    }

private:
    // Wrapped text needs more lines in a narrower dock.
    int neededHeight(int width) const {
        const QLayout* layout = widget()->layout();
        const int least = widget()->minimumSizeHint().height();
        if (!layout || !layout->hasHeightForWidth())
            return least;
        return qMax(least, layout->minimumHeightForWidth(width));
    }

    void fitBody() {
        const int width = qMax(viewport()->width(), widget()->minimumSizeHint().width());
        widget()->resize(width, qMax(viewport()->height(), neededHeight(width)));
    }
};

} // namespace

SessionDock::SessionDock(Cockpit& cockpit, const QString& objectName, QWidget* parent)
    : QDockWidget(parent)
    , m_cockpit(cockpit) {
    setObjectName(objectName);
    const auto refresh = [this] {
        if (m_built)
            updateControls();
    };
    connect(&m_cockpit, &Cockpit::seatChanged, this, refresh);
    connect(&m_cockpit, &Cockpit::controlChanged, this, refresh);
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
