#pragma once

#include "cockpit.h"

#include <QList>
#include <QMainWindow>
#include <QMap>
#include <QTimer>
#include <optional>

class QDockWidget;
class QLabel;
class QMenu;

namespace podium {

class ConnectionDock;
class SessionFile;

class SessionDock;

// Assembles the docks and menus around one session; holds no session logic of its own.
// Other parts register their docks (addDock) and actions (menu) here.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    enum class MenuId { File, Edit, View, Session, Help };

    explicit MainWindow(Cockpit& cockpit, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Adds a dock in `area`, its toggle to View → Panels, and remembers it for the layouts.
    // `shownFor` lists the seats whose default layout shows it (empty: every seat).
    // Refuses (returns false) a dock without an objectName: its layout could not be restored.
    bool addDock(QDockWidget* dock, Qt::DockWidgetArea area, const QList<Seat>& shownFor = {});
    QList<QDockWidget*> docks() const { return m_docks; }
    QDockWidget* dock(const QString& objectName) const;
    // Makes the widgets of every dock that still waits for its first showing. Without this,
    // they are made one by one once the window has painted, so start-up shows the window first.
    void buildAllDocks();

    QMenu* menu(MenuId id) const { return m_menus.value(id); }

    // Layouts: one saved state per seat, versioned; anything unreadable falls back to the default.
    static constexpr int layoutVersion = 1;
    static QString layoutKey(Seat seat);
    // Help → About Podium: the version, and where help is.
    static QString aboutText();
    void resetLayout();
    bool restoreLayout(); // false: nothing usable was saved, the default is shown
    void saveLayout() const;

signals:
    // The window's first paint is done: what is not needed to show it can be done now.
    void firstPainted();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    bool event(QEvent* event) override;

private:
    void createMenus();
    void createSessionDocks();
    void arrangeSizes(const QMap<Qt::DockWidgetArea, QList<QDockWidget*>>& bySide);
    void hideEmptyTabBars();
    void showConnectionAlerts(ConnectionDock& connection);
    QSize startSize() const;
    int roomOnScreen() const;
    void keepWithinScreen();
    void fitScreen();
    void setCramped(bool cramped);
    void addSessionActions(QWidget* from);
    QAction* panelAction(QDockWidget* dock);
    void retranslate();
    void onSeatChanged();
    void arrangeForSeat();
    QString seatTitle() const;
    void updateTitle();
    const SessionFile* sessionFile() const;
    void showReadOnlyNotice();
    void showNotice(const QString& text);
    void noteSaving(bool failing);
    void amendNotice(const QString& sentence);
    void dropNoticeOfAnotherSession();
    void dropNoticeActedPast();
    void showInfo(const QString& text);
    void noteLinkState(const ConnectionDock& connection);
    SessionDock* nextWaitingDock() const;
    void buildNextWaitingDock();
    bool mayQuit();

    Cockpit& m_cockpit;
    QList<QDockWidget*> m_docks;
    QMap<QDockWidget*, Qt::DockWidgetArea> m_areas;
    QMap<QDockWidget*, QList<Seat>> m_shownFor;
    QMap<MenuId, QMenu*> m_menus;
    QMenu* m_panelsMenu = nullptr;
    QAction* m_resetLayout = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QAction* m_shortcuts = nullptr;
    QAction* m_about = nullptr;
    QLabel* m_readOnlyNotice = nullptr;
    QLabel* m_notice = nullptr;
    QLabel* m_info = nullptr;             // a sentence that needs nothing done, for 20 s
    QTimer m_infoShown;                   // the last refusal or notice, until the next or dismissed
    bool m_hostOutOfReach = false;        // the connection alert is up
    bool m_noticeWhileOutOfReach = false; // m_notice was shown then
    bool m_noticeWhileReadOnly = false;   // and while the file was read-only
    bool m_noticeWhileUnsaved = false;    // and while the session file refused to save
    bool m_noticeWhileGivenWay = false;   // it says this laptop gave way to another host
    QString m_noticeSessionId;            // the session it was said of
    qint64 m_noticeShownAt = 0;           // the cockpit's clock
    bool m_noticeIsRefusal = false;       // from Cockpit::notice, not the window's own
    bool m_unsaved = false;               // the session file refuses to save
    Seat m_layoutSeat;
    QString m_fileName; // of the session file shown, for the title
    bool m_layoutRestored = false;
    bool m_keepPanels = false; // the next change of seat is this host giving way: panels stay
    bool m_painted = false;
    std::optional<Seat> m_defaultArrangedFor; // the seat whose default layout is shown, if so
};

} // namespace podium
