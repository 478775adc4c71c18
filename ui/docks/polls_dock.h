#pragma once

#include "session_dock.h"

class QAction;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QVBoxLayout;

namespace podium {

class PollChart;
class TallyModel;
class WebVotingRow;

// Polls: create one (question, options, single or multiple choice), open and close it, enter
// the tallies per source, and watch the combined result as a bar chart.
class PollsDock : public SessionDock {
    Q_OBJECT
public:
    explicit PollsDock(Cockpit& cockpit, QWidget* parent = nullptr);
    TallyModel* model() const { return m_tallies; }
    // Under the tallies: the poll's votes, or answers where several are allowed.
    static QString totalsText(const Poll* poll);

protected:
    QString title() const override;
    void retranslate() override;
    void updateControls() override;

private:
    QWidget* buildCreateForm();
    void createPoll();
    void clearForm();
    const Poll* correctedPoll(const Event& event, const SessionState& before) const;
    void sayCorrected(const Event& event, const SessionState& before);
    void editDraft();
    void removeDraft();
    void giveBackFormsRoom(bool formShown);
    void showForm();
    void toggleOpen(bool byKey);
    void refreshPolls();
    Id pollToShowFirst() const;
    void showSelected();
    PollChart* chartFor(const Poll* poll);
    void fitTallyTable();
    void onEvent(const Event& event, const SessionState& before);
    void showPoll(Id poll);
    void showPollOpenedWhileTyping();
    void bringForwardForTallies(Id poll);
    void setTally(Id poll, int option, TallySource source, qint64 count);
    const Poll* selectedPoll() const;

    TallyModel* m_tallies;
    QComboBox* m_selector;
    QGroupBox* m_createBox;
    QPushButton* m_newPoll;
    QLineEdit* m_question;
    QPlainTextEdit* m_options;
    QCheckBox* m_multiple;
    QPushButton* m_create;
    QPushButton* m_openClose;
    QPushButton* m_editDraft;
    QPushButton* m_removeDraft;
    Id m_replacing = 0; // the draft the form's poll replaces, once saved
    QTableView* m_table;
    PollChart* m_chart = nullptr;
    QVBoxLayout* m_layout = nullptr;
    QLabel* m_totals;
    WebVotingRow* m_webVoting;
    QAction* m_openCloseAction;
    QString m_creating;         // the question of a poll this seat asked to create, until its event
    QString m_shownSession;     // whose polls the selector lists
    Id m_openedWhileTyping = 0; // shown once the tally being typed is entered or given up
    QByteArray m_layoutWithoutForm; // the window's, while the form for a new poll is open
};

} // namespace podium
