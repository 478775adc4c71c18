#include "display_windows.h"

#include "audience_display.h"
#include "stage_display.h"

#include <QAction>
#include <QEvent>
#include <QGuiApplication>
#include <QInputDialog>
#include <QMenu>
#include <QScreen>
#include <QSettings>
#include <QWidget>
#include <utility>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

// The cockpit keeps the keyboard: given it, the display took F9 and Ctrl+E from the moderator,
// with nothing said, until they clicked back into the cockpit (and on one screen it covers the
// floor's buttons).
void place(QWidget* display, QScreen* screen, bool fullScreen) {
    display->setAttribute(Qt::WA_ShowWithoutActivating);
    display->setScreen(screen);
    if (fullScreen) {
        display->setGeometry(screen->geometry());
        display->showFullScreen();
    } else {
        display->move(screen->availableGeometry().center() - display->rect().center());
        display->showNormal();
    }
    display->raise();
}

bool isQuit(const QAction* action) {
    return action->shortcuts() == QKeySequence::keyBindings(QKeySequence::Quit);
}

const QString stageKey = u"displays/stageOn"_s;
const QString audienceKey = u"displays/audienceOn"_s;

// Made a window by a double click (to see the slides behind it), a display came back full screen.
QString windowedKey(const QString& key) {
    return key + u"Windowed"_s;
}

void forget(const QString& key) {
    QSettings settings;
    settings.remove(key);
    settings.remove(windowedKey(key));
}

QScreen* screenNamed(const QString& name) {
    for (QScreen* s : QGuiApplication::screens()) {
        if (s->name() == name)
            return s;
    }
    return nullptr;
}

QString describe(const QScreen* screen, int index) {
    const QSize size = screen->size();
    return DisplayWindows::tr("Screen %1: %2 (%3 × %4)")
        .arg(index + 1)
        .arg(screen->name())
        .arg(size.width())
        .arg(size.height());
}

} // namespace

DisplayWindows::DisplayWindows(const SessionEngine& engine, QWidget* cockpitWindow)
    : QObject(cockpitWindow)
    , m_engine(engine)
    , m_window(cockpitWindow)
    , m_stageAction(new QAction(this))
    , m_audienceAction(new QAction(this)) {
    m_stageAction->setObjectName(u"StageDisplayAction"_s);
    m_audienceAction->setObjectName(u"AudienceDisplayAction"_s);
    connect(m_stageAction, &QAction::triggered, this, [this] {
        if (QScreen* s = chooseScreen(m_stageAction->text()))
            showStage(s, QGuiApplication::screens().size() > 1);
    });
    connect(m_audienceAction, &QAction::triggered, this, [this] {
        if (QScreen* s = chooseScreen(m_audienceAction->text()))
            showAudience(s, QGuiApplication::screens().size() > 1);
    });
    m_window->installEventFilter(this);
    retranslate();
}

// The displays are top-level windows of their own; they close with the cockpit.
DisplayWindows::~DisplayWindows() {
    delete m_stage;
    delete m_audience;
}

StageDisplay* DisplayWindows::stage() const {
    return m_stage;
}

AudienceDisplay* DisplayWindows::audience() const {
    return m_audience;
}

void DisplayWindows::addActionsTo(QMenu* menu) {
    menu->addAction(m_stageAction);
    menu->addAction(m_audienceAction);
}

// A display is a window of its own: Quit pressed while it had the focus did nothing.
void DisplayWindows::quitsWithCockpit(QWidget* display) {
    auto* quit = new QAction(display);
    quit->setObjectName(u"displayQuitAction"_s);
    quit->setShortcuts(QKeySequence::Quit);
    display->addAction(quit);
    connect(quit, &QAction::triggered, m_window, &QWidget::close);
}

// Clicked on (or given the keyboard by the desktop), a display took the cockpit's keys: the
// floor's F9 and Ctrl+E work there too. (Not Quit: the display has its own, the same keys.)
void DisplayWindows::takesCockpitKeys(QWidget* display) {
    for (QAction* action : m_window->findChildren<QAction*>()) {
        if (action->shortcutContext() == Qt::WindowShortcut && !action->shortcuts().isEmpty() &&
            !isQuit(action))
            display->addAction(action);
    }
}

StageDisplay* DisplayWindows::showStage(QScreen* screen, bool fullScreen) {
    if (!m_stage) {
        m_stage = new StageDisplay(m_engine);
        quitsWithCockpit(m_stage);
    }
    takesCockpitKeys(m_stage);
    place(m_stage, screen, fullScreen);
    remember(stageKey, m_stage, screen, fullScreen);
    return m_stage;
}

AudienceDisplay* DisplayWindows::showAudience(QScreen* screen, bool fullScreen) {
    if (!m_audience) {
        m_audience = new AudienceDisplay(m_engine);
        m_audience->setVotingAddress(m_votingAddress);
        quitsWithCockpit(m_audience);
    }
    takesCockpitKeys(m_audience);
    place(m_audience, screen, fullScreen);
    remember(audienceKey, m_audience, screen, fullScreen);
    return m_audience;
}

void DisplayWindows::setVotingAddress(const QString& url) {
    m_votingAddress = url;
    if (m_audience)
        m_audience->setVotingAddress(url);
}

// After a crash (or a quit) mid-session the speakers' screen stayed dark until the moderator found
// View → Stage display again: a display on a screen of its own opens with the cockpit, on that
// screen and as it was (full screen or a window), while that screen is there; closed by the
// moderator, it does not.
void DisplayWindows::remember(const QString& key, QWidget* display, QScreen* screen,
                              bool fullScreen) {
    display->installEventFilter(this);
    if (screen == m_window->screen()) {
        forget(key); // shown elsewhere since: not on the screen it was
        return;
    }
    QSettings settings;
    settings.setValue(key, screen->name());
    settings.setValue(windowedKey(key), !fullScreen);
}

void DisplayWindows::showRemembered() {
    const QSettings settings;
    QScreen* stageOn = screenNamed(settings.value(stageKey).toString());
    QScreen* audienceOn = screenNamed(settings.value(audienceKey).toString());
    if (stageOn && stageOn != m_window->screen())
        showStage(stageOn, !settings.value(windowedKey(stageKey)).toBool());
    if (audienceOn && audienceOn != m_window->screen())
        showAudience(audienceOn, !settings.value(windowedKey(audienceKey)).toBool());
}

// With one screen there is nothing to choose; with several, the projector is offered first
// (any screen but the cockpit's).
QScreen* DisplayWindows::chooseScreen(const QString& title) {
    const QList<QScreen*> screens = QGuiApplication::screens();
    if (screens.size() <= 1)
        return screens.isEmpty() ? nullptr : screens.first();
    QStringList names;
    int preferred = 0;
    for (int i = 0; i < screens.size(); ++i) {
        names << describe(screens[i], i);
        if (screens[i] != m_window->screen() && preferred == 0)
            preferred = i;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(m_window, title, tr("Show it full screen on:"),
                                                 names, preferred, false, &ok);
    return ok ? screens.value(names.indexOf(chosen)) : nullptr;
}

void DisplayWindows::retranslate() {
    m_stageAction->setText(tr("Stage display on screen…"));
    m_stageAction->setToolTip(tr("The countdown for speakers, full screen (Esc closes it)"));
    m_audienceAction->setText(tr("Audience display on screen…"));
    m_audienceAction->setToolTip(tr("Next speakers and poll results for the room's projector"));
}

bool DisplayWindows::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    // The displays are windows of their own: left up, they kept Podium running (and hosting)
    // after Quit closed the cockpit.
    if (watched == m_window && event->type() == QEvent::Close) {
        m_cockpitClosing = true;
        for (QWidget* display : {static_cast<QWidget*>(m_stage), static_cast<QWidget*>(m_audience)})
            if (display)
                display->close();
        m_cockpitClosing = false;
    }
    if (watched == m_window && event->type() == QEvent::Show && !std::exchange(m_shownOnce, true))
        showRemembered();
    if (watched == m_stage || watched == m_audience) {
        const QString key = watched == m_stage ? stageKey : audienceKey;
        if (event->type() == QEvent::Close && !m_cockpitClosing)
            forget(key);
        if (QSettings settings;
            event->type() == QEvent::WindowStateChange && settings.contains(key))
            settings.setValue(windowedKey(key), !static_cast<QWidget*>(watched)->isFullScreen());
    }
    return QObject::eventFilter(watched, event);
}

} // namespace podium
