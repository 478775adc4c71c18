#pragma once

#include <QSocketNotifier>
#include <QString>
#include <csignal>
#include <functional>
#include <iterator>
#include <memory>

namespace podium::sync {

// SIGTERM (a service manager, a desktop session ending, kill), SIGINT (Ctrl+C) and SIGHUP (its
// terminal closed) call `stop` from the event loop, so that Podium leaves as on purpose and its
// session file is closed: no lock, -wal or -shm left beside it. Killed outright, it loses
// nothing either, and the next start takes the lock over. A signal Podium was started ignoring
// (SIGINT for a script's background job, SIGHUP under nohup) stays ignored, as Unix programs do.
// (A handler may only write to a descriptor; the event loop hears the socket: Qt's own pattern.)
// One at a time: the handler knows only one.
class StopOnSignals {
public:
    explicit StopOnSignals(std::function<void(int signal)> stop);
    ~StopOnSignals();
    StopOnSignals(const StopOnSignals&) = delete;
    StopOnSignals& operator=(const StopOnSignals&) = delete;

    // "interrupted", "its terminal closed" or "asked to terminate".
    static QString reason(int signal);

private:
    void restore();

    static constexpr int handled[] = {SIGTERM, SIGINT, SIGHUP};
    static inline int s_pair[2] = {-1, -1};
    struct sigaction m_before[std::size(handled)]{};
    std::unique_ptr<QSocketNotifier> m_heard;
    std::function<void(int)> m_stop;
};

} // namespace podium::sync
