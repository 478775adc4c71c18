#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QScreen;
class QWidget;

namespace podium {

class AudienceDisplay;
class SessionEngine;
class StageDisplay;

// Opens the stage and audience displays, each on a screen the moderator picks (usually the
// projector or the confidence monitor), and keeps at most one of each.
class DisplayWindows : public QObject {
    Q_OBJECT
public:
    DisplayWindows(const SessionEngine& engine, QWidget* cockpitWindow);
    ~DisplayWindows() override;

    // "Stage display on screen…" and "Audience display on screen…".
    void addActionsTo(QMenu* menu);
    QAction* stageAction() const { return m_stageAction; }
    QAction* audienceAction() const { return m_audienceAction; }

    // Full screen on `screen`; windowed on the cockpit's own screen when it is the only one,
    // so the cockpit stays in reach.
    StageDisplay* showStage(QScreen* screen, bool fullScreen);
    AudienceDisplay* showAudience(QScreen* screen, bool fullScreen);
    StageDisplay* stage() const;
    AudienceDisplay* audience() const;
    // Where the room votes on phones (empty: nowhere), for the audience display, now or once open.
    void setVotingAddress(const QString& url);

private:
    QScreen* chooseScreen(const QString& title);
    void quitsWithCockpit(QWidget* display);
    void takesCockpitKeys(QWidget* display);
    void remember(const QString& name, QWidget* display, QScreen* screen, bool fullScreen);
    void showRemembered();
    void retranslate();
    bool eventFilter(QObject* watched, QEvent* event) override;

    const SessionEngine& m_engine;
    QWidget* m_window;
    QAction* m_stageAction;
    QAction* m_audienceAction;
    QPointer<StageDisplay> m_stage;
    QPointer<AudienceDisplay> m_audience;
    QString m_votingAddress;
    bool m_cockpitClosing = false; // its displays close with it, and open with it next time
    bool m_shownOnce = false;
};

} // namespace podium
