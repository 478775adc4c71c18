#pragma once

#include "model/result.h"
#include "session_file.h"

#include <QSettings>
#include <QStringList>
#include <memory>

// The session files opened lately, newest first, kept in the user's settings.
namespace podium {

class RecentFiles {
public:
    explicit RecentFiles(QSettings& settings, int maximum = 10);

    QStringList files() const; // only those that still exist
    QString mostRecent() const;
    void add(const QString& path);
    void remove(const QString& path);

private:
    QStringList stored() const;
    QSettings& m_settings;
    int m_maximum;
};

// Where the demo session lives: <AppDataLocation>/demo.podium.
QString demoSessionPath();

// What `podium [FILE] [--demo]` opens: FILE; else the demo when asked; else the most recent
// file that still exists; else the demo.
QString sessionPathToOpen(const QString& fileArgument, bool demo, const RecentFiles& recent);

// Opens that session for the cockpit (creating the demo from its plan when it does not exist yet)
// and records it as the most recent file.
Result<std::unique_ptr<SessionFile>> openStartupSession(const QString& fileArgument, bool demo,
                                                        RecentFiles& recent, qint64 now);

// What the cockpit opens at start, which never keeps it from starting (from a launcher the
// terminal is never seen): `openStartupSession`'s file; when that cannot be opened (damaged,
// locked, on a read-only stick), the demo, and `notOpened` says why; when another Podium has both
// open (a second window), the first for viewing, as it is on the disk.
struct StartupSession {
    std::unique_ptr<SessionFile> file;
    QString asked;     // the file it was to open
    QString notOpened; // why that one is not, when it is not
    // It is only open in another Podium: it stays the file the next start opens, not the one
    // shown instead (a second window opened by mistake and closed made the demo the session
    // Podium came back to).
    bool heldElsewhere = false;
};
Result<StartupSession> openCockpitSession(const QString& fileArgument, bool demo,
                                          RecentFiles& recent, qint64 now);

// Where demo scenes play (`--scene`): <AppDataLocation>/demo-scene.podium, apart from the demo;
// never listed as a recent file.
QString demoScenePath();

// A demo scene's session, made afresh from the demo plan at each start (a scene played again on
// a used session would find its timers running). The previous one is dropped; not while another
// Podium has it open.
Result<std::unique_ptr<SessionFile>> openFreshDemoScene(qint64 now);

} // namespace podium
