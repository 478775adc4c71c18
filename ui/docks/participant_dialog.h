#pragma once

#include "model/state.h"

#include <QCborMap>
#include <QDialog>

class QComboBox;
class QLineEdit;

namespace podium {

// Adds or edits one participant: every field the balance views count people by.
class ParticipantDialog : public QDialog {
    Q_OBJECT
public:
    explicit ParticipantDialog(const Participant& start, QWidget* parent = nullptr);
    // The fields as command arguments (AddParticipant or EditParticipant).
    QCborMap fields() const;

private:
    QLineEdit* m_name;
    QLineEdit* m_affiliation;
    QLineEdit* m_gender;
    QComboBox* m_group;
    QComboBox* m_region;
    QComboBox* m_presence;
    QComboBox* m_role;
};

} // namespace podium
