#pragma once

#include "model/result.h"
#include "session_dock.h"

class QLineEdit;
class QPushButton;
class QTreeView;

namespace podium {

class NameSearchProxy;
class ParticipantsModel;

// The roster: name, affiliation, group, region, gender, presence and role; add, edit, and
// import the people of a session plan.
class ParticipantsDock : public SessionDock {
    Q_OBJECT
public:
    explicit ParticipantsDock(Cockpit& cockpit, QWidget* parent = nullptr);
    ParticipantsModel* model() const { return m_model; }

    // Adds the plan's people whose names are not on the roster yet; returns how many.
    [[nodiscard]] Result<int> importPlan(const QString& path);

protected:
    QString title() const override;
    void retranslate() override;
    void updateControls() override;
    void build() override;

private:
    void addParticipant();
    QStringList rosterNames(Id except) const;
    void editSelected();
    void removeSelected();
    void chooseAndImport();
    Id selectedId() const;

    ParticipantsModel* m_model;
    NameSearchProxy* m_shown = nullptr; // the roster as found and sorted in the view
    QLineEdit* m_find = nullptr;
    QTreeView* m_view = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_import = nullptr;
};

} // namespace podium
