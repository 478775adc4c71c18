#pragma once

#include "commands/command.h"
#include "engine/clock.h"
#include "engine/session_engine.h"
#include "store/session_file.h"

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

// Helpers for the session file tests: temporary folders, raw access to a file (to damage it as
// a failing disk would), and the child process (store_child) the crash tests kill.
namespace podium::test {

struct Folder {
    QTemporaryDir dir;
    QString file(const QString& name) const { return dir.filePath(name); }
};

QByteArray fileBytes(const QString& path);
void writeBytes(const QString& path, const QByteArray& bytes);

// Through a separate plain connection, as another program (or a bad sector) would.
bool rawExec(const QString& path, const QStringList& statements);
QVariant rawValue(const QString& path, const QString& sql);
QString integrityCheck(const QString& path); // "ok" when sound

Command command(Action action, QCborMap args = {});

// An engine on a fake clock wired to a session file.
struct Seat {
    FakeClock clock;
    SessionEngine engine{clock};
    std::unique_ptr<SessionFile> file;

    explicit Seat(std::unique_ptr<SessionFile> f);
    Result<Event> run(Action action, QCborMap args = {});
};

std::unique_ptr<SessionFile> createOrFail(const QString& path);
std::unique_ptr<SessionFile> openOrFail(const QString& path, OpenMode mode = OpenMode::Edit);

// store_child, started with the given arguments; lines are its stdout, one fact each.
class Child {
public:
    explicit Child(const QStringList& args);
    ~Child();
    QString readLine(int timeoutMs = 10'000); // empty when it ended or timed out
    QStringList readAllLines();               // after it ended
    void kill();                              // SIGKILL, then reaps it
    bool finish(int timeoutMs = 20'000);
    QProcess& process() { return m_process; }

private:
    QProcess m_process;
};

} // namespace podium::test
