#pragma once

#include "cockpit.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QLabel;

namespace podium {

// One line to put someone in the queue: type-ahead over the roster, or "Name, Affiliation" for
// someone new (with group, region and presence chosen beside it), and the kind of intervention.
class QuickAdd : public QWidget {
    Q_OBJECT
public:
    explicit QuickAdd(Cockpit& cockpit, QWidget* parent = nullptr);

    void retranslate();
    void focusInput();
    // The entry a reply or clarifying question relates to, when one is asked for.
    void setRelatedEntryProvider(std::function<Id()> provider);
    // Names whose point a reply or a question would answer, in the kind box.
    void showKindTargets();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void add();
    // With the newcomer's step, the entry is a part of it (Cockpit::runAsPartOf).
    void addEntryFor(Id participant, quint64 newcomerStep = 0);
    void onTextChanged();
    void presetPresence();
    void onEvent(const Event& event);
    void refreshNames();
    // The participant the text names: the exact name, or else the one name that contains it
    // (without a comma). `ambiguous` is set when several names contain it.
    const Participant* matching(const QString& text, bool* ambiguous = nullptr) const;
    void clearInput();

    Cockpit& m_cockpit;
    QLineEdit* m_input;
    QComboBox* m_kind;
    QComboBox* m_group;
    QComboBox* m_region;
    QComboBox* m_presence;
    std::optional<Seat> m_presetFor;             // the seat the presence was last preset for
    Presence m_usualPresence = Presence::Onsite; // what a newcomer is, unless told otherwise
    QLabel* m_newHint;
    QPushButton* m_add;
    QStandardItemModel* m_names;
    std::function<Id()> m_related;
    QString m_pendingName; // a new participant whose event we wait for, to queue them
    EntryKind m_pendingKind = EntryKind::NewPoint;
    quint64 m_pendingStep = 0; // that newcomer's undo step (SessionCommand::serial())
};

} // namespace podium
