#pragma once

#include "model/note.h"
#include "session_dock.h"

#include <QElapsedTimer>
#include <QList>
#include <QTimer>
#include <functional>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace podium {

// The rapporteur's live preview of the session report: the same report the export writes,
// rebuilt shortly after each change (debounced, and only while the dock is visible).
class ReportDock : public SessionDock {
    Q_OBJECT
public:
    using NotesSource = std::function<QList<Note>()>;

    explicit ReportDock(Cockpit& cockpit, QWidget* parent = nullptr);

    // Where the rapporteur's notes come from (the notes dock's model); none: no notes shown.
    void setNotesSource(NotesSource source);
    QList<Note> notes() const { return m_notes ? m_notes() : QList<Note>{}; }

    void refreshSoon();
    void refreshNow();
    // The preview (made now if the dock waited for its first showing).
    QTextBrowser* preview();

    static constexpr int debounceMs = 400;
    static constexpr int liveRefreshMs = 5000;
    // The speech log shows the latest ones only (see report::keepLatestSpeeches).
    static constexpr int previewSpeeches = 200;

signals:
    void exportRequested();

protected:
    QString title() const override;
    void retranslate() override;
    void build() override;

private:
    Cockpit& m_cockpit;
    NotesSource m_notes;
    QTimer m_debounce;
    QElapsedTimer m_sinceRefresh;
    QTextBrowser* m_view = nullptr;
    QPushButton* m_export = nullptr;
    QLabel* m_hint = nullptr;
    bool m_stale = true;
};

} // namespace podium
