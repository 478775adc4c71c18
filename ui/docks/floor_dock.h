#pragma once

#include "double_press.h"
#include "session_dock.h"

#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;

namespace podium {

class WrappingRow;

// Who has the floor and how long they have left: a big countdown (amber at the warning, red
// from zero, overtime counting up), the controls to run it, the session and segment clocks, and
// a short message to the stage display.
class FloorDock : public SessionDock {
    Q_OBJECT
public:
    explicit FloorDock(Cockpit& cockpit, QWidget* parent = nullptr);

    QAction* nextAction() const { return m_next; }
    QAction* startPauseAction() const { return m_startPause; }
    QAction* minus30Action() const { return m_minus30; }
    QAction* plus30Action() const { return m_plus30; }
    QAction* endSpeechAction() const { return m_endSpeech; }

    // Repaints the figures from the clock (on every tick and every event).
    void refresh();
    // Whether this seat has lost touch with the host it follows (the host out of reach, or this
    // laptop's disk full): the clocks then run on as last heard, and say so (a rapporteur noted
    // times off a frozen session with nothing on them to tell). Not "out of reach": a full disk
    // here is no fault of the host's. `lastHeardAt`: when the host was last heard (the engine's
    // clock), if known.
    void showHostOutOfReach(bool outOfReach, std::optional<qint64> lastHeardAt = std::nullopt);
    // A joined seat's copy of the session opened on its own (joined at `joinedAt`); empty: not.
    void showCopyNotFollowing(const QString& joinedAt);

protected:
    QString title() const override;
    void retranslate() override;
    void changeEvent(QEvent* event) override;
    void updateControls() override;

private:
    QWidget* buildBody();
    void buildActions();
    QAction* makeAction(const QString& name, const QList<QKeySequence>& keys);
    void next();
    void toggleSpeakerTimer();
    void adjust(qint64 deltaMs);
    void endSpeech();
    void toggleSessionClock();
    void sendStageMessage();
    void emptySentMessage(const Event& event);
    void noteTimeFromBothSeats(const Event& event, const SessionState& before);
    void refreshSpeaker();
    void refreshClocks();

    QLabel* m_speaker;
    QLabel* m_details;
    QLabel* m_countdown;
    QLabel* m_countdownStatus;
    QLabel* m_asLastHeard;
    QString m_copyNotFollowing; // what m_asLastHeard says of a copy, when it does
    QLabel* m_sessionClock;
    QLabel* m_segmentClock;
    WrappingRow* m_controlsRow;
    QPushButton* m_sessionToggle;
    QWidget* m_messageRow;
    QLineEdit* m_message;
    QPushButton* m_sendMessage;
    QLabel* m_messageShown;
    QString m_messageSent; // until the host's event shows it (null: none awaited)
    QAction* m_next = nullptr;
    QAction* m_startPause = nullptr;
    QAction* m_minus30 = nullptr;
    QAction* m_plus30 = nullptr;
    QAction* m_endSpeech = nullptr;
    DoublePress m_nextPress;
    // The last change to the speaker's time from this seat, and from another
    // (noteTimeFromBothSeats).
    struct TimeChange {
        Id entry = 0;
        qint64 at = 0; // host clock
        qint64 deltaMs = 0;
    };
    TimeChange m_timeChangedHere;
    TimeChange m_timeChangedThere;
};

} // namespace podium
