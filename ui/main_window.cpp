#include "main_window.h"

#include "displays/display_setup.h"
#include "docks/agenda_dock.h"
#include "docks/balance_dock.h"
#include "docks/connection_dock.h"
#include "docks/floor_dock.h"
#include "docks/notes_dock.h"
#include "docks/participants_dock.h"
#include "docks/polls_dock.h"
#include "docks/queue_dock.h"
#include "docks/seat_session.h"
#include "docks/session_dock.h"
#include "docks/timeline_dock.h"
#include "file_menu.h"
#include "model/time_text.h"
#include "quit_question.h"
#include "report/report_menu.h"
#include "session_files.h"
#include "shortcuts_dialog.h"
#include "store/recent_files.h"
#include "store/session_file.h"
#include "theme/theme.h"
#include "theme/theme_menu.h"
#include "window_keys.h"

#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTime>
#include <QTimer>
#include <QToolButton>
#include <QWindow>
#include <utility>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

const QString geometryKey = u"window/geometry"_s;

// The docks a seat works in come first on their side (see resetLayout). The rapporteur writes
// and follows who speaks: the report and the notes in front, the timeline under the floor, where
// the queue and the agenda, which only the moderators act on, had them tabbed away.
int frontRank(Seat seat, const QDockWidget* dock) {
    static const QStringList rapporteurFront{u"floorDock"_s, u"timelineDock"_s, u"ReportDock"_s,
                                             u"notesDock"_s};
    const qsizetype rank =
        seat == Seat::Rapporteur ? rapporteurFront.indexOf(dock->objectName()) : -1;
    return rank < 0 ? int(rapporteurFront.size()) : int(rank);
}

} // namespace

MainWindow::MainWindow(Cockpit& cockpit, QWidget* parent)
    : QMainWindow(parent)
    , m_cockpit(cockpit)
    , m_layoutSeat(cockpit.seat()) {
    setObjectName(u"MainWindow"_s);
    applyTheme(ThemeMenu::savedTheme()); // before any widget is made in another style
    setDockNestingEnabled(true);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks | GroupedDragging);
    createMenus();
    createSessionDocks();
    // The actions' keys reach them while a text field has the focus; a greyed one's says why.
    new WindowKeys(this, [this](const QString& why) { showNotice(why); });
    retranslate();
    resize(startSize());
    restoreGeometry(QSettings().value(geometryKey).toByteArray()); // where the user left it
    keepWithinScreen();
    resetLayout();
    connect(&m_cockpit, &Cockpit::seatChanged, this, &MainWindow::onSeatChanged);
    // Made now, not by the first notice: the docks would jump up a line when it appeared.
    statusBar();
    showReadOnlyNotice();
    if (SessionFiles* files = m_cockpit.files())
        connect(files, &SessionFiles::fileChanged, this, &MainWindow::showReadOnlyNotice);
    connect(&m_cockpit, &Cockpit::notice, this, [this](const QString& text) {
        showNotice(text);
        m_noticeIsRefusal = true; // of a step: the next step taken puts it behind
    });
    connect(&m_cockpit, &Cockpit::info, this, &MainWindow::showInfo);
    connect(&m_cockpit, &Cockpit::stepTaken, this, &MainWindow::dropNoticeActedPast);
    connect(&m_cockpit.engine(), &SessionEngine::journalFailingChanged, this,
            &MainWindow::noteSaving);
    connect(&m_cockpit.engine(), &SessionEngine::eventApplied, this, &MainWindow::updateTitle);
    connect(&m_cockpit.engine(), &SessionEngine::stateReset, this, &MainWindow::updateTitle);
    connect(&m_cockpit.engine(), &SessionEngine::stateReset, this,
            &MainWindow::dropNoticeOfAnotherSession);
    updateTitle();
}

// Another session opened: what the notice said (in red) was of the one before, and stayed.
void MainWindow::dropNoticeOfAnotherSession() {
    if (m_notice && m_cockpit.state().sessionId != m_noticeSessionId)
        m_notice->parentWidget()->hide();
}

// The docks go before the cockpit: nothing they do on the way (a seat leaving its host) may
// come back to a window half taken down.
MainWindow::~MainWindow() {
    m_cockpit.disconnect(this);
}

// The cockpit's comfortable size, but never larger than the screen's free area less the window's
// frame: on a 1366×768 laptop the right-hand docks were off the screen.
namespace {
const QSize windowFrame(16, 48); // borders and title bar, which the window manager adds outside
}

QSize MainWindow::startSize() const {
    const QSize comfortable(1500, 920);
    const QScreen* s = screen();
    if (!s)
        return comfortable;
    return comfortable.boundedTo(s->availableGeometry().size() - windowFrame);
}

// Left larger on an office monitor, the window came back that size on the laptop's own screen:
// Qt's restoreGeometry() keeps a size that does not fit, and the foot line was below the edge.
void MainWindow::keepWithinScreen() {
    const QScreen* s = screen();
    if (!s || isMaximized() || isFullScreen())
        return;
    const QRect free = s->availableGeometry();
    resize(size().boundedTo(free.size() - windowFrame));
    const QPoint last = free.bottomRight() - QPoint(width(), height()) -
                        QPoint(windowFrame.width(), windowFrame.height());
    move(qMax(free.left(), qMin(x(), last.x())), qMax(free.top(), qMin(y(), last.y())));
}

int MainWindow::roomOnScreen() const {
    const QScreen* s = screen();
    return s ? s->availableGeometry().height() - windowFrame.height() : QWIDGETSIZE_MAX;
}

// The docks first ask for all the height they need, which a desktop screen gives; should that
// make the window taller than its screen, they settle for less and scroll (see DockBody in
// session_dock.cpp).
void MainWindow::fitScreen() {
    if (property(crampedScreenProperty).toBool()) // a larger screen may give them all again
        setCramped(false);
    if (minimumSizeHint().height() > roomOnScreen())
        setCramped(true);
}

void MainWindow::setCramped(bool cramped) {
    setProperty(crampedScreenProperty, cramped);
    for (QDockWidget* d : std::as_const(m_docks)) {
        if (QWidget* body = d->widget())
            body->updateGeometry();
    }
    layout()->invalidate();
    if (!cramped)
        return;
    layout()->activate(); // the window's minimum size follows the docks' new needs
    if (height() > roomOnScreen())
        resize(width(), qMax(minimumSizeHint().height(), roomOnScreen()));
}

void MainWindow::createMenus() {
    for (MenuId id : {MenuId::File, MenuId::Edit, MenuId::View, MenuId::Session, MenuId::Help}) {
        m_menus[id] = menuBar()->addMenu(QString());
    }
    m_menus[MenuId::File]->setObjectName(u"fileMenu"_s);
    m_menus[MenuId::Edit]->setObjectName(u"editMenu"_s);
    m_menus[MenuId::View]->setObjectName(u"viewMenu"_s);
    m_menus[MenuId::Session]->setObjectName(u"sessionMenu"_s);
    m_menus[MenuId::Help]->setObjectName(u"helpMenu"_s);

    auto* file = new FileMenu(m_cockpit, *m_menus[MenuId::File], this);
    connect(file, &FileMenu::quitAsked, this, [this] {
        if (mayQuit())
            close();
    });

    m_undo = m_cockpit.undoStack().createUndoAction(this);
    m_undo->setObjectName(u"undoAction"_s);
    m_undo->setShortcuts(QKeySequence::Undo);
    m_redo = m_cockpit.undoStack().createRedoAction(this);
    m_redo->setObjectName(u"redoAction"_s);
    m_redo->setShortcuts(QKeySequence::Redo);
    m_menus[MenuId::Edit]->addAction(m_undo);
    m_menus[MenuId::Edit]->addAction(m_redo);

    m_panelsMenu = m_menus[MenuId::View]->addMenu(QString());
    m_panelsMenu->setObjectName(u"panelsMenu"_s);
    m_resetLayout = m_menus[MenuId::View]->addAction(QString(), this, &MainWindow::resetLayout);
    m_resetLayout->setObjectName(u"resetLayoutAction"_s);
    new ThemeMenu(*m_menus[MenuId::View], this);

    m_shortcuts = m_menus[MenuId::Help]->addAction(QString(), this, [this] {
        ShortcutsDialog dialog(menuBar(), m_cockpit.canControl(), this);
        dialog.exec();
    });
    m_shortcuts->setObjectName(u"shortcutsAction"_s);
    m_shortcuts->setShortcut(QKeySequence::HelpContents);
    // The version to tell whoever helps, and where the rest of the help is (no web).
    m_about = m_menus[MenuId::Help]->addAction(
        QString(), this, [this] { QMessageBox::about(this, tr("About Podium"), aboutText()); });
    m_about->setObjectName(u"aboutAction"_s);
}

QString MainWindow::aboutText() {
    return tr("<p><b>Podium %1</b>: a moderator cockpit for hybrid panel sessions.</p>"
              "<p>Help: <code>man podium</code> in a terminal, and Help → Keyboard shortcuts. "
              "Everything works on the local network alone; nothing goes to the internet.</p>"
              "<p>Free software under the GNU General Public License, version 3 or later.</p>")
        .arg(QStringLiteral(PODIUM_VERSION));
}

void MainWindow::createSessionDocks() {
    auto* floor = new FloorDock(m_cockpit, this);
    auto* queue = new QueueDock(m_cockpit, this);
    addDock(floor, Qt::LeftDockWidgetArea);
    addDock(queue, Qt::RightDockWidgetArea);
    addDock(new AgendaDock(m_cockpit, this), Qt::LeftDockWidgetArea);
    addDock(new TimelineDock(m_cockpit, this), Qt::LeftDockWidgetArea);
    addDock(new PollsDock(m_cockpit, this), Qt::RightDockWidgetArea);
    addDock(new ParticipantsDock(m_cockpit, this), Qt::RightDockWidgetArea,
            {Seat::Moderator, Seat::OnlineModerator});
    addDock(new BalanceDock(m_cockpit, this), Qt::RightDockWidgetArea,
            {Seat::Moderator, Seat::Rapporteur});
    addDock(new NotesDock(m_cockpit, this), Qt::RightDockWidgetArea, {Seat::Rapporteur});
    installReport(*this, m_cockpit); // the report preview and File → Export report
    auto* connection = new ConnectionDock(m_cockpit, this);
    addDock(connection, Qt::RightDockWidgetArea);
    showConnectionAlerts(*connection);
    connect(&connection->seatSession(), &SeatSession::sessionFileChanged, this,
            &MainWindow::showReadOnlyNotice);
    // Said where it is seen: only the Connection panel, behind a tab, said it, and the window
    // looked as before to a moderator who no longer hosted.
    SeatSession* seat = &connection->seatSession();
    connect(seat, &SeatSession::gaveWay, this, [this](const QString& to) {
        m_keepPanels = true;
        showNotice(tr("The seat at %1 went on hosting this session while it and this laptop were "
                      "out of touch: this laptop no longer hosts, and follows it with control.")
                       .arg(to));
        m_noticeWhileGivenWay = true;
    });
    // Said no longer once this laptop hosts again (it takes over, say): the notice stayed.
    connect(seat, &SeatSession::changed, this, [this, seat, was = seat->mode()]() mutable {
        const bool hostsAgain = seat->mode() == sync::Seat::Mode::Hosting && was != seat->mode();
        was = seat->mode();
        if (!hostsAgain)
            return;
        // "Not connected to the host" is not true of the host either (a takeover).
        const bool gaveWay = std::exchange(m_noticeWhileGivenWay, false);
        if (gaveWay || std::exchange(m_noticeWhileOutOfReach, false))
            amendNotice(gaveWay ? tr("This laptop hosts the session again since %1.")
                                : tr("This laptop hosts the session since %1."));
    });
    addSessionActions(floor);
    addSessionActions(queue);
    m_menus[MenuId::Session]->addSeparator();
    addSessionActions(dock(u"pollsDock"_s));
    m_menus[MenuId::Session]->addSeparator();
    addSessionActions(dock(u"agendaDock"_s));
    m_menus[MenuId::Session]->addSeparator();
    addSessionActions(dock(u"notesDock"_s));
    installDisplaysAndCues(*this, m_cockpit);
}

// A seat that does not follow the session says so on the window itself, in red: the Connection
// panel alone, behind a tab, left an online moderator acting for minutes on a host long gone.
void MainWindow::showConnectionAlerts(ConnectionDock& connection) {
    if (auto* floor = findChild<FloorDock*>())
        connect(&connection, &ConnectionDock::linkChanged, floor, [floor, &connection] {
            if (const QString from = connection.copyNotFollowing(); !from.isEmpty())
                floor->showCopyNotFollowing(from);
            else
                floor->showHostOutOfReach(connection.hostOutOfReach(),
                                          connection.hostLastHeardAt());
        });
    auto* alert = new QLabel(this);
    alert->setObjectName(u"connectionAlert"_s);
    alert->setTextFormat(Qt::PlainText);
    showAsProblem(alert);
    alert->hide();
    // Sharing the foot with the notice line: at its natural width it squeezed a refusal there
    // down to its "×". Each is cut, whole in its tooltip.
    alert->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    statusBar()->addPermanentWidget(alert, 3); // as the notice: the info line gives way to both
    connect(&connection, &ConnectionDock::alertChanged, alert, [alert](const QString& text) {
        alert->setText(text);
        alert->setToolTip(text);
        alert->setVisible(!text.isEmpty());
    });
    connect(&connection, &ConnectionDock::linkChanged, this,
            [this, &connection] { noteLinkState(connection); });
}

// A refusal while the host was out of reach ("Not connected to the host right now… Try again in
// a moment") stayed, minutes after the link was back, as if it still held. Only a link that is
// up again says so: a takeover, or a join given up, is no reconnection.
void MainWindow::noteLinkState(const ConnectionDock& connection) {
    const bool wasOutOfReach = std::exchange(m_hostOutOfReach, connection.hostOutOfReach());
    if (!wasOutOfReach || m_hostOutOfReach)
        return;
    if (m_noticeWhileOutOfReach && connection.followingHost()) {
        m_noticeWhileOutOfReach = false;
        amendNotice(tr("Connected again at %1."));
    }
}

// What is true now (`sentence`, given the time), added to the notice shown, rather than replacing
// what it said.
void MainWindow::amendNotice(const QString& sentence) {
    if (!m_notice || m_notice->parentWidget()->isHidden())
        return;
    const QString line =
        tr("%1 %2").arg(m_notice->text(), sentence.arg(shortTime(QLocale(), QTime::currentTime())));
    m_notice->setText(line);
    m_notice->setToolTip(line);
}

// A dock's own QActions go into the Session menu, so their shortcuts work wherever the focus
// is, even while the dock is hidden or floating.
void MainWindow::addSessionActions(QWidget* from) {
    if (!from)
        return;
    for (QAction* a : from->actions())
        m_menus[MenuId::Session]->addAction(a);
}

// View → Panels brings a panel to the front, and closes it when it is there: Qt's own toggle hid
// a panel that was behind another's tab, which then could not be reached without the mouse.
// Ticked: the panel can be seen.
QAction* MainWindow::panelAction(QDockWidget* dock) {
    auto* action = new QAction(this);
    action->setObjectName(dock->objectName() + u"Panel"_s);
    action->setCheckable(true);
    connect(dock, &QDockWidget::visibilityChanged, action, &QAction::setChecked);
    connect(action, &QAction::triggered, dock, [dock](bool bringToFront) {
        dock->setVisible(bringToFront);
        if (bringToFront)
            dock->raise();
    });
    // Named after the dock's title, where "&" would mark a shortcut letter ("Floor & timer"
    // showed as "Floor _timer").
    const auto name = [dock, action] {
        action->setText(dock->windowTitle().replace(u'&', u"&&"_s));
    };
    connect(dock, &QWidget::windowTitleChanged, action, name);
    name();
    return action;
}

bool MainWindow::addDock(QDockWidget* dock, Qt::DockWidgetArea area, const QList<Seat>& shownFor) {
    if (!dock || dock->objectName().isEmpty() || m_docks.contains(dock)) {
        qWarning("MainWindow::addDock: a dock needs a unique objectName to keep its layout.");
        return false;
    }
    m_docks.append(dock);
    m_areas.insert(dock, area);
    m_shownFor.insert(dock, shownFor);
    addDockWidget(area, dock);
    m_panelsMenu->addAction(panelAction(dock));
    if (m_layoutRestored)
        resetLayout();
    return true;
}

QDockWidget* MainWindow::dock(const QString& objectName) const {
    for (QDockWidget* d : m_docks) {
        if (d->objectName() == objectName)
            return d;
    }
    return nullptr;
}

QString MainWindow::layoutKey(Seat seat) {
    return u"layout/"_s + seatKey(seat);
}

// The default arrangement: per side, the first dock on top and the others tabbed below it.
void MainWindow::resetLayout() {
    const Seat seat = m_cockpit.seat();
    const bool animated = isAnimated();
    setAnimated(false);
    QMap<Qt::DockWidgetArea, QList<QDockWidget*>> bySide;
    for (QDockWidget* d : m_docks) {
        removeDockWidget(d);
        d->setFloating(false);
        const QList<Seat> seats = m_shownFor.value(d);
        d->setVisible(seats.isEmpty() || seats.contains(seat));
        bySide[m_areas.value(d)].append(d);
    }
    for (QList<QDockWidget*>& side : bySide) {
        std::stable_sort(side.begin(), side.end(),
                         [seat](const QDockWidget* a, const QDockWidget* b) {
                             return frontRank(seat, a) < frontRank(seat, b);
                         });
    }
    for (auto it = bySide.cbegin(); it != bySide.cend(); ++it) {
        const QList<QDockWidget*>& list = it.value();
        for (int i = 0; i < list.size(); ++i) {
            if (i == 0)
                addDockWidget(it.key(), list[i]);
            else if (i == 1)
                splitDockWidget(list[0], list[1], Qt::Vertical);
            else
                tabifyDockWidget(list[1], list[i]);
        }
        if (list.size() > 1)
            list[1]->raise();
    }
    arrangeSizes(bySide);
    setAnimated(animated);
    m_defaultArrangedFor = seat;
    hideEmptyTabBars();
}

// Rearranging the docks, Qt 6.4 leaves a tab bar it no longer uses shown, empty, over the one
// it made in its place: it took the clicks meant for the tabs below (the online moderator could
// not open Connection after joining).
void MainWindow::hideEmptyTabBars() {
    for (QTabBar* bar : findChildren<QTabBar*>(Qt::FindDirectChildrenOnly)) {
        if (bar->count() == 0)
            bar->hide();
    }
}

// The big countdown and the queue on top, a little more than half the height; the queue's side
// gets the wider share, since names need room. The rapporteur's sides share alike: the
// timeline's five columns, under the countdown, scrolled sideways at 1366×768 in two fifths.
void MainWindow::arrangeSizes(const QMap<Qt::DockWidgetArea, QList<QDockWidget*>>& bySide) {
    const QList<QDockWidget*> left = bySide.value(Qt::LeftDockWidgetArea);
    const QList<QDockWidget*> right = bySide.value(Qt::RightDockWidgetArea);
    const int leftTenths = m_cockpit.seat() == Seat::Rapporteur ? 5 : 4;
    if (!left.isEmpty() && !right.isEmpty())
        resizeDocks({left.first(), right.first()},
                    {width() * leftTenths / 10, width() * (10 - leftTenths) / 10}, Qt::Horizontal);
    for (const QList<QDockWidget*>& side : {left, right}) {
        if (side.size() > 1)
            resizeDocks({side[0], side[1]}, {height() * 11 / 20, height() * 9 / 20}, Qt::Vertical);
    }
}

bool MainWindow::restoreLayout() {
    m_layoutRestored = true;
    m_layoutSeat = m_cockpit.seat();
    const QByteArray saved = QSettings().value(layoutKey(m_layoutSeat)).toByteArray();
    // Docks the saved state does not mention keep their default place, so the default comes
    // first, unless the window shows it already (at the first show after construction).
    if (m_defaultArrangedFor != m_layoutSeat)
        resetLayout();
    if (saved.isEmpty())
        return false;
    const bool animated = isAnimated();
    setAnimated(false); // docks jump to their saved places; animating them costs start-up time
    // restoreState checks the version and the stream's own marker; on a mismatch it should
    // change nothing, but a damaged stream is not trusted: the default is arranged again.
    const bool restored = restoreState(saved, layoutVersion);
    setAnimated(animated);
    if (!restored) {
        resetLayout();
        return false;
    }
    m_defaultArrangedFor.reset();
    hideEmptyTabBars();
    return true;
}

void MainWindow::saveLayout() const {
    QSettings settings;
    settings.setValue(layoutKey(m_layoutSeat), saveState(layoutVersion));
}

void MainWindow::onSeatChanged() {
    arrangeForSeat();
    updateTitle(); // after: a takeover's title names the seat whose panels stayed
}

void MainWindow::arrangeForSeat() {
    // The online moderator who takes over hosting keeps the panels where they were, and so does
    // a host that gives way to the one that took over: rearranged at that moment, they would
    // cost their bearings in a crisis. Joining with a code, or starting as another seat, brings
    // that seat's layout.
    const bool takingOver = takesOver(m_layoutSeat, m_cockpit.seat()) && m_layoutRestored;
    const bool givingWay = std::exchange(m_keepPanels, false) && m_layoutRestored;
    if (takingOver || givingWay)
        return;
    if (m_layoutRestored)
        saveLayout();
    restoreLayout();
}

void MainWindow::showEvent(QShowEvent* event) {
    if (!m_layoutRestored)
        restoreLayout();
    fitScreen();
    if (QWindow* handle = windowHandle()) // moved to another screen: fit that one
        connect(handle, &QWindow::screenChanged, this, &MainWindow::fitScreen,
                Qt::UniqueConnection);
    QMainWindow::showEvent(event);
}

bool MainWindow::event(QEvent* event) {
    // A dock that grew (a poll's chart appeared) may make the window too tall after all.
    if (event->type() == QEvent::LayoutRequest && !property(crampedScreenProperty).toBool() &&
        minimumSizeHint().height() > roomOnScreen())
        setCramped(true);
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        QTimer::singleShot(0, this, [this] {
            emit firstPainted();
            buildNextWaitingDock();
        });
    }
    return QMainWindow::event(event);
}

SessionDock* MainWindow::nextWaitingDock() const {
    for (QDockWidget* d : std::as_const(m_docks)) {
        auto* dock = qobject_cast<SessionDock*>(d);
        if (dock && !dock->isBuilt())
            return dock;
    }
    return nullptr;
}

// One dock per pass of the event loop, so that a key pressed meanwhile is not kept waiting.
void MainWindow::buildNextWaitingDock() {
    if (SessionDock* dock = nextWaitingDock()) {
        dock->ensureBuilt();
        QTimer::singleShot(0, this, &MainWindow::buildNextWaitingDock);
    }
}

void MainWindow::buildAllDocks() {
    while (SessionDock* dock = nextWaitingDock())
        dock->ensureBuilt();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (event->spontaneous() && !mayQuit()) { // the window's close button
        event->ignore();
        return;
    }
    saveLayout();
    QSettings().setValue(geometryKey, saveGeometry());
    QMainWindow::closeEvent(event);
}

// Quitting at the user's word (Ctrl+Q, the window's close button) asks first when it would cut
// something off in the room; closed by a signal (`kill`, the desktop ending), it does not ask.
bool MainWindow::mayQuit() {
    // A joined seat: the session goes on at its host. The rapporteur's seat: no countdown in the
    // room goes from it (it said one did). (A joined copy on its own may be the in-room
    // moderator's, after its host vanished: its stage display does go from it.)
    if (m_cockpit.engine().isForwarding() || !m_cockpit.canControl())
        return true;
    const auto* connection = qobject_cast<const ConnectionDock*>(dock(u"connectionDock"_s));
    const sync::Seat* seat = connection ? connection->seatSession().seat() : nullptr;
    const bool hosting = seat && seat->mode() == sync::Seat::Mode::Hosting;
    const int following = hosting ? int(seat->peers().size()) : 0;
    const SessionFile* file = sessionFile();
    const bool scene = file && QFileInfo(file->path()) == QFileInfo(demoScenePath());
    return confirmQuit(this, whatQuittingCutsOff(m_cockpit.state(), following), !scene);
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate() {
    // Their text names the step ("Undo Add X to the queue"); the shortcuts list names the key.
    m_undo->setProperty(shortcutLabelProperty, tr("Undo the last step"));
    m_redo->setProperty(shortcutLabelProperty, tr("Redo the step undone"));
    m_menus[MenuId::File]->setTitle(tr("&File"));
    m_menus[MenuId::Edit]->setTitle(tr("&Edit"));
    m_menus[MenuId::View]->setTitle(tr("&View"));
    m_menus[MenuId::Session]->setTitle(tr("&Session"));
    m_menus[MenuId::Help]->setTitle(tr("&Help"));
    m_panelsMenu->setTitle(tr("&Panels"));
    m_resetLayout->setText(tr("&Reset layout"));
    m_shortcuts->setText(tr("&Keyboard shortcuts"));
    m_about->setText(tr("&About Podium"));
    updateTitle();
}

// A file that can only be viewed says so from the start, not at the first refused action.
// Until the next one, or until dismissed: a refusal that went after 8 seconds ("the connection
// dropped before the host got this, so it was not done: …") was missed by a moderator looking at
// the room, and the action was never done again.
void MainWindow::showNotice(const QString& text) {
    if (!m_notice) {
        auto* box = new QWidget;
        auto* row = new QHBoxLayout(box);
        row->setContentsMargins(0, 0, 0, 0);
        m_notice = new QLabel;
        m_notice->setObjectName(u"noticeLine"_s);
        m_notice->setTextFormat(Qt::PlainText);
        // What is said here was not done (refused, not saved: a full disk), or cannot be:
        // in red, as errors are elsewhere.
        showAsProblem(m_notice);
        // However long the sentence, the window does not widen: it is cut, whole in the tooltip.
        m_notice->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        auto* dismiss = new QToolButton;
        dismiss->setObjectName(u"dismissNotice"_s);
        dismiss->setText(u"×"_s);
        dismiss->setAutoRaise(true);
        dismiss->setToolTip(tr("Dismiss"));
        connect(dismiss, &QToolButton::clicked, box, &QWidget::hide);
        row->addWidget(m_notice, 1);
        row->addWidget(dismiss);
        // Three quarters of the foot when both show: a refusal cut at "was changed on another
        // se" hid what was left as it was, beside a line that needed nothing done.
        statusBar()->addWidget(box, 3);
    }
    const QString line = tr("%1 %2").arg(shortTime(QLocale(), QTime::currentTime()), text);
    m_notice->setText(line);
    m_notice->setToolTip(line);
    m_notice->parentWidget()->show();
    m_noticeShownAt = m_cockpit.now();
    m_noticeIsRefusal = false;
    m_noticeWhileOutOfReach = m_hostOutOfReach;
    m_noticeWhileReadOnly = sessionFile() && sessionFile()->isReadOnly();
    m_noticeWhileUnsaved = m_unsaved;
    m_noticeWhileGivenWay = false;
    m_noticeSessionId = m_cockpit.state().sessionId;
}

// A line of its own, beside the notice: as a status bar message (showMessage) it hid a red
// refusal for as long as it showed.
void MainWindow::showInfo(const QString& text) {
    if (!m_info) {
        m_info = new QLabel;
        m_info->setObjectName(u"infoLine"_s);
        m_info->setTextFormat(Qt::PlainText);
        m_info->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred); // cut, as the notice
        statusBar()->addWidget(m_info, 1);
        m_infoShown.setSingleShot(true);
        connect(&m_infoShown, &QTimer::timeout, m_info, &QWidget::hide);
    }
    const QString line = tr("%1 %2").arg(shortTime(QLocale(), QTime::currentTime()), text);
    m_info->setText(line);
    m_info->setToolTip(line);
    m_info->show();
    m_infoShown.start(20'000);
}

// "Kwame Mensah is already in the queue." stayed in red through the moderator's next five actions,
// and a later refusal went unseen beside it. The next step the moderator takes here puts a
// refusal behind (not what the window says of itself: the host given way to, a full disk); not a
// step taken at the same moment, which may be what it was said of. (A step, not an event: on a
// joined seat the host's answer to an earlier step comes later.)
void MainWindow::dropNoticeActedPast() {
    constexpr qint64 readInMs = 2000;
    if (m_notice && m_noticeIsRefusal && !m_notice->parentWidget()->isHidden() &&
        m_cockpit.now() - m_noticeShownAt > readInMs)
        m_notice->parentWidget()->hide();
}

// "The disk is full: the latest change was not saved" stayed after space was freed and later
// changes were saved: the moderator could believe those lost too. Kept, with what is now.
void MainWindow::noteSaving(bool failing) {
    m_unsaved = failing;
    if (!failing && std::exchange(m_noticeWhileUnsaved, false))
        amendNotice(tr("Saved again from %1."));
}

void MainWindow::showReadOnlyNotice() {
    if (!m_readOnlyNotice) {
        m_readOnlyNotice = new QLabel(this);
        m_readOnlyNotice->setObjectName(u"readOnlyNotice"_s);
        statusBar()->addPermanentWidget(m_readOnlyNotice);
    }
    const SessionFile* file = sessionFile();
    const bool readOnly = file && file->isReadOnly();
    m_readOnlyNotice->setText(
        readOnly ? tr("Read-only: %1 Save As continues in a copy.").arg(file->readOnlyReason())
                 : QString());
    m_readOnlyNotice->setVisible(readOnly);
    // What the read-only file refused is not true of this one: after Save As, "This session is
    // open read-only" stayed in red through a whole joined session.
    if (m_noticeWhileReadOnly && !readOnly) {
        m_notice->parentWidget()->hide();
        m_noticeWhileReadOnly = false;
    }
    m_cockpit.setFileReadOnly(readOnly); // its controls are disabled, not refused one by one
    // Kept here, where the file changes: the title is redone on every event.
    m_fileName = file ? QFileInfo(file->path()).fileName() : QString();
    updateTitle();
}

// The file as well as the session: after Save As both copies hold the same session, under the
// same title, and only the file's name tells which one is being written.
void MainWindow::updateTitle() {
    const QString session = m_fileName.isEmpty()
                                ? m_cockpit.state().info.title
                                : tr("%1 (%2)").arg(m_cockpit.state().info.title, m_fileName);
    const QString title = tr("%1 — %2 — Podium").arg(session, seatTitle());
    setWindowTitle(m_readOnlyNotice && m_readOnlyNotice->isVisibleTo(this)
                       ? tr("%1 (read-only)").arg(title)
                       : title);
}

// The online moderator who took over hosts with the moderator's powers but is still at the online
// seat, with its panels: "Moderator" in the title sent people looking for the in-room laptop.
QString MainWindow::seatTitle() const {
    if (takesOver(m_layoutSeat, m_cockpit.seat()))
        return tr("%1 (hosting)").arg(seatLabel(m_layoutSeat));
    return seatLabel(m_cockpit.seat());
}

// A joined seat writes the host's session into a file of its own; otherwise the window's file.
const SessionFile* MainWindow::sessionFile() const {
    const auto* connection = qobject_cast<const ConnectionDock*>(dock(u"connectionDock"_s));
    const SessionFile* file = connection ? connection->seatSession().joinedCopy() : nullptr;
    if (!file && m_cockpit.files())
        file = m_cockpit.files()->current();
    return file;
}

} // namespace podium
