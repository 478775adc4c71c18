#pragma once

#include "engine/session_engine.h"
#include "store/session_file.h"

#include <QObject>
#include <QSettings>
#include <functional>
#include <memory>

class QWidget;

namespace podium {

// The session file this window works on, and the switch to another (open, new from a plan,
// save as). Every accepted event goes to the current file before it is shown (write-ahead).
class SessionFiles : public QObject {
    Q_OBJECT
public:
    explicit SessionFiles(SessionEngine& engine, QObject* parent = nullptr);
    ~SessionFiles() override;

    SessionFile* current() const { return m_file.get(); }
    QStringList recentFiles() const;

    // Makes `file` the current one: shown in the engine, journalled, and (when `recent`) first
    // in the recent list.
    void adopt(std::unique_ptr<SessionFile> file, bool recent = true);
    [[nodiscard]] Result<bool> open(const QString& path);
    // A file open elsewhere in this window (a joined session's copy, still shown after leaving
    // it) is handed over by this instead of opened again, which its own lock refused.
    using Handover = std::function<std::unique_ptr<SessionFile>(const QString& path)>;
    void setHandover(Handover handover) { m_handover = std::move(handover); }
    // Never over an existing file, unless `replace` (the user chose to): that one goes to the
    // trash first.
    [[nodiscard]] Result<bool> createFromPlan(const Plan& plan, const QString& path,
                                              bool replace = false);
    // Writes a consistent copy at `path` and carries on in the copy, like any "Save as".
    [[nodiscard]] Result<bool> saveAs(const QString& path);
    // Of a file a damaged event keeps from opening: the session up to that event, with its notes,
    // goes to a new file beside it, which is then open here. The damaged file is left as it is.
    [[nodiscard]] Result<QString> salvage(const QString& damaged);

signals:
    void fileChanged(podium::SessionFile* file);

private:
    [[nodiscard]] Result<bool> moveToTrash(const QString& path);

    SessionEngine& m_engine;
    QSettings m_settings;
    std::unique_ptr<SessionFile> m_file;
    Handover m_handover;
};

// `path` could not be opened: a box says why and what is open `meanwhile`, without holding the
// window up. Where a damaged event was why, it offers to carry on in the sound part (salvage).
void sayWhyNotOpened(QWidget& window, SessionFiles& files, const QString& path,
                     const QString& reason, const QString& meanwhile = {});

} // namespace podium
