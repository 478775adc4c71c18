#pragma once

#include "model/state.h"

#include <QCborMap>
#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace podium {

// Adds or edits one participant: every field the balance views count people by.
class ParticipantDialog : public QDialog {
    Q_OBJECT
public:
    // `roster`: the others' names, so that a name already there is pointed out before OK.
    ParticipantDialog(const Participant& start, const QStringList& roster,
                      QWidget* parent = nullptr);
    // The fields as command arguments (AddParticipant or EditParticipant).
    QCborMap fields() const;

private:
    void checkName();
    void fitHeightToHint();

    QStringList m_roster;
    QPushButton* m_ok = nullptr;
    QLabel* m_nameHint;
    int m_grownBy = 0; // pixels the hint has made the dialog taller (not the user's resizing)
    QLineEdit* m_name;
    QLineEdit* m_affiliation;
    QLineEdit* m_gender;
    QComboBox* m_group;
    QComboBox* m_region;
    QComboBox* m_presence;
    QComboBox* m_role;
};

} // namespace podium
