#pragma once

#include "session_dock.h"

#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QTreeView;

namespace podium {

class QueueModel;
class QuickAdd;

// Who speaks next: quick add, the queue in calling order (drag to reorder), withdraw/restore,
// and the suggested next speaker with its reason.
class QueueDock : public SessionDock {
    Q_OBJECT
public:
    explicit QueueDock(Cockpit& cockpit, QWidget* parent = nullptr);

    QueueModel* model() const { return m_model; }
    Id selectedEntry() const;

protected:
    QString title() const override;
    void retranslate() override;
    void updateControls() override;

private:
    void buildActions();
    void sizeColumns();
    void callSelected();
    void callSuggested();
    void toggleWithdrawn();
    void moveEntry(Id entry, int to);
    void moveSelected(int by);
    void refreshSuggestion();
    void suggestAgain();
    Id relatedEntry() const;
    QCborMap expectingFloor(QCborMap args) const;

    QueueModel* m_model;
    QuickAdd* m_quickAdd;
    QTreeView* m_view;
    QLabel* m_suggestion;
    QPushButton* m_callSuggested;
    QPushButton* m_callSelected;
    QPushButton* m_withdraw;
    QAction* m_focusAdd = nullptr;
    QAction* m_moveUp = nullptr;
    QAction* m_moveDown = nullptr;
    Id m_suggested = 0;
    // What the suggestion was worked out from: most events (a timer adjusted, a stage message)
    // change none of it, and with a long queue working it out again is what an event costs.
    struct SuggestedFrom {
        QList<QueueEntry> queue;
        QList<Speech> speeches;
        QList<Participant> participants;
        bool operator==(const SuggestedFrom&) const = default;
    };
    std::optional<SuggestedFrom> m_suggestedFrom;
};

} // namespace podium
