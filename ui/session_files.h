#pragma once

#include "engine/session_engine.h"
#include "store/session_file.h"

#include <QObject>
#include <QSettings>
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

    // Makes `file` the current one: shown in the engine, journalled, first in the recent list.
    void adopt(std::unique_ptr<SessionFile> file);
    [[nodiscard]] Result<bool> open(const QString& path);
    // Never over an existing file, unless `replace` (the user chose to): that one goes to the
    // trash first.
    [[nodiscard]] Result<bool> createFromPlan(const Plan& plan, const QString& path,
                                              bool replace = false);
    // Writes a consistent copy at `path` and carries on in the copy, like any "Save as".
    [[nodiscard]] Result<bool> saveAs(const QString& path);

signals:
    void fileChanged(podium::SessionFile* file);

private:
    [[nodiscard]] Result<bool> moveToTrash(const QString& path);

    SessionEngine& m_engine;
    QSettings m_settings;
    std::unique_ptr<SessionFile> m_file;
};

// At start-up the session asked for (or the most recent one) could not be opened, and the demo
// opened instead: a box says why, without holding the window up.
void sayWhyNotOpened(QWidget& window, const QString& reason);

} // namespace podium
