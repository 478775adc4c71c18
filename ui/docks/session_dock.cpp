#include "session_dock.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QLayout>
#include <QResizeEvent>
#include <QScreen>
#include <QScrollArea>
#include <QStyle>
#include <utility>

namespace podium {
namespace {

// The frame of a dock's widgets. It keeps the window's layout out of changes that leave the
// widgets' needs as they were (a label's new text mostly fits the same room): Qt otherwise lays
// out every dock of the window again, and did so on most events of a session.
//
// It is a frameless scroll area that asks for all the room its widgets need, as if it did not
// scroll. When it may scroll, and the window says its screen is too small for that
// (crampedScreenProperty), it asks for 45 % of the screen's height at most (two docks above each
// other, the menus and the tabs then fit a 600-pixel screen) and scrolls.
//
// It sizes its widgets itself, to their minimum: QScrollArea's own resizing wants the preferred
// height of widgets with wrapped text (the queue's suggestion), and scrolled the queue's
// buttons out of sight in a dock that had room for them.
class DockBody final : public QScrollArea {
public:
    DockBody(QWidget* body, bool mayScroll, std::function<int()> mostAsked)
        : m_mayScroll(mayScroll)
        , m_mostAsked(std::move(mostAsked)) {
        setFrameShape(QFrame::NoFrame);
        setFocusPolicy(Qt::NoFocus); // a Tab stop that showed nothing, between the dock's controls
        setWidgetResizable(false);
        if (!mayScroll) {
            setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        }
        setWidget(body);
        body->installEventFilter(this); // its needs change as its widgets do (a poll's chart)
    }

    // Its dock's QDockWidget::visibilityChanged: shown, or put behind another tab (or closed).
    void setOnScreen(bool onScreen) {
        if (std::exchange(m_onScreen, onScreen) != onScreen)
            updateGeometry();
    }

    QSize sizeHint() const override {
        if (m_mayScroll && behindTab()) // see minimumSizeHint()
            return {QScrollArea::sizeHint().width(), 0};
        return m_mayScroll ? QScrollArea::sizeHint() : widget()->sizeHint();
    }

    QSize minimumSizeHint() const override {
        // Behind another tab, it asks for no height: its group of tabs took the most any of them
        // needed, and a poll opened in Polls, unseen behind Notes, shrank the rapporteur's
        // report preview above for good. Brought to the front, it asks again (setOnScreen).
        if (m_mayScroll && behindTab())
            return {QScrollArea::minimumSizeHint().width(), 0};
        if (!m_mayScroll)
            return {widget()->minimumSizeHint().width(), neededHeight(viewport()->width())};
        // Widgets wider than the dock scroll sideways: the scroll bar's height is needed too.
        const bool sideways = widget()->minimumSizeHint().width() > viewport()->width();
        const int bar = sideways ? style()->pixelMetric(QStyle::PM_ScrollBarExtent) : 0;
        const int needed = neededHeight(viewport()->width()) + bar + 2 * frameWidth();
        const QScreen* s = screen();
        const bool cramped = s && window()->property(crampedScreenProperty).toBool();
        int most = cramped ? s->availableGeometry().height() * 45 / 100 : needed;
        if (m_mostAsked)
            most = qMin(most, m_mostAsked() + bar + 2 * frameWidth());
        return {QScrollArea::minimumSizeHint().width(), qMin(needed, most)};
    }

protected:
    void resizeEvent(QResizeEvent* event) override {
        QScrollArea::resizeEvent(event);
        fitBody();
    }

    bool eventFilter(QObject* watched, QEvent* event) override {
        if (watched == widget() && event->type() == QEvent::LayoutRequest) {
            // A label's new text mostly fits the same room; telling the window then would lay
            // out every dock again, on every event of the session.
            const std::pair needs{sizeHint(), minimumSizeHint()};
            if (needs != m_toldNeeds) {
                m_toldNeeds = needs;
                updateGeometry();
            }
            fitBody();
        }
        return QScrollArea::eventFilter(watched, event);
    }

    // QScrollArea answers its widgets' every layout change by measuring them all again (with
    // each wrapped label's text) for its scroll bars; here their needs go through eventFilter()
    // and their size through fitBody(), whose resizing sets the scroll bars.
    bool viewportEvent(QEvent* event) override {
        return event->type() == QEvent::LayoutRequest || QScrollArea::viewportEvent(event);
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

    // Its dock is off the screen while open (QDockWidget::visibilityChanged): a tab behind another.
    bool behindTab() const {
        const auto* dock = qobject_cast<const QDockWidget*>(parentWidget());
        return dock && !m_onScreen && dock->toggleViewAction()->isChecked() && !dock->isFloating();
    }

    bool m_onScreen = true;
    const bool m_mayScroll;
    const std::function<int()> m_mostAsked; // see SessionDock::askAtMost
    std::pair<QSize, QSize> m_toldNeeds;    // the size hints the dock's layout last heard of
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
    wrapBody(cramped);
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
    wrapBody(WhenCramped::Scroll);
    retranslate();
    updateControls();
}

// Should the widgets need more room than the dock's place has (a small screen), they scroll
// there instead of making the window taller than the screen, or, for a dock made after the
// window was laid out, grow under the user's eyes. With room enough the scroll area is
// invisible.
void SessionDock::wrapBody(WhenCramped cramped) {
    QWidget* body = widget();
    if (!body)
        return;
    auto* frame = new DockBody(body, cramped == WhenCramped::Scroll, m_mostAsked);
    connect(this, &QDockWidget::visibilityChanged, frame, &DockBody::setOnScreen);
    // Made behind a tab of a window shown already (the panels made while the window idles): it
    // hears of no visibility change until it is brought to the front. (A window yet to be shown
    // says which of its panels are behind tabs as it shows.)
    if (window()->isVisible() && visibleRegion().isEmpty())
        frame->setOnScreen(false);
    setWidget(frame);
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
