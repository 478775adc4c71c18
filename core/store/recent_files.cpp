#include "recent_files.h"

#include "plan/plan.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace podium {

namespace {
const QString settingsKey = u"recentFiles"_s;
}

RecentFiles::RecentFiles(QSettings& settings, int maximum)
    : m_settings(settings)
    , m_maximum(maximum) {}

QStringList RecentFiles::stored() const {
    return m_settings.value(settingsKey).toStringList();
}

QStringList RecentFiles::files() const {
    QStringList existing;
    for (const QString& path : stored()) {
        if (QFileInfo::exists(path))
            existing << path;
    }
    return existing;
}

QString RecentFiles::mostRecent() const {
    const QStringList list = files();
    return list.isEmpty() ? QString() : list.first();
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    // A demo scene's session is made afresh at each start: reopened by a plain start, it was a
    // scene frozen mid-way, its timer still running.
    if (absolute == QFileInfo(demoScenePath()).absoluteFilePath())
        return;
    const QStringList before = stored();
    QStringList list = before;
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > m_maximum)
        list.removeLast();
    // Opening the file that is first already changes nothing: rewriting the settings file
    // (which QSettings syncs to the disk, twice) would only slow every start down.
    if (list != before)
        m_settings.setValue(settingsKey, list);
}

void RecentFiles::remove(const QString& path) {
    QStringList list = stored();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    m_settings.setValue(settingsKey, list);
}

namespace {

// Podium's own folder, made on first use (a session file is never given a folder that is not
// there: see SessionFile::create).
QString appDataFolder() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    return dir;
}

} // namespace

QString demoSessionPath() {
    const QString dir = appDataFolder();
    return QDir(dir).filePath(u"demo.podium"_s);
}

QString demoScenePath() {
    const QString dir = appDataFolder();
    return QDir(dir).filePath(u"demo-scene.podium"_s);
}

Result<std::unique_ptr<SessionFile>> openFreshDemoScene(qint64 now) {
    const QString path = demoScenePath();
    if (QFileInfo::exists(path)) {
        // Opened and closed again: its lock refuses while another Podium plays the scene.
        if (auto previous = SessionFile::open(path); !previous)
            return previous;
        for (const QString& part : {path, path + u"-wal"_s, path + u"-shm"_s})
            QFile::remove(part);
    }
    return SessionFile::create(path, demoPlan(), now);
}

QString sessionPathToOpen(const QString& fileArgument, bool demo, const RecentFiles& recent) {
    if (!fileArgument.isEmpty())
        return fileArgument;
    if (demo)
        return demoSessionPath();
    const QString last = recent.mostRecent();
    return last.isEmpty() ? demoSessionPath() : last;
}

Result<std::unique_ptr<SessionFile>> openStartupSession(const QString& fileArgument, bool demo,
                                                        RecentFiles& recent, qint64 now) {
    const QString path = sessionPathToOpen(fileArgument, demo, recent);
    // `podium --demo FILE` makes FILE the demo session when there is none yet.
    auto file = demo || path == demoSessionPath() ? SessionFile::openOrCreate(path, demoPlan(), now)
                                                  : SessionFile::open(path);
    if (file)
        recent.add(path);
    return file;
}

Result<StartupSession> openCockpitSession(const QString& fileArgument, bool demo,
                                          RecentFiles& recent, qint64 now) {
    // (Named before the demo, opened instead, becomes the most recent file.)
    const QString path = sessionPathToOpen(fileArgument, demo, recent);
    auto asked = openStartupSession(fileArgument, demo, recent, now);
    if (asked)
        return StartupSession{std::move(asked).value(), path, {}};
    auto fallback = openStartupSession({}, true, recent, now);
    if (!fallback) // another Podium has it open too: a window on the one asked for, to look at
        fallback = SessionFile::open(path, OpenMode::View);
    if (!fallback)
        return Result<StartupSession>::failure(asked.error());
    const bool held = QFileInfo::exists(path) && !SessionFile::lockAgainstOthers(path);
    if (held)
        recent.add(path);
    return StartupSession{std::move(fallback).value(), path, asked.error(), held};
}

} // namespace podium
