#include "stop_on_signals.h"

#include <cerrno>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace podium::sync {

StopOnSignals::StopOnSignals(std::function<void(int signal)> stop)
    : m_stop(std::move(stop)) {
    Q_ASSERT(s_pair[0] < 0);
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, s_pair) != 0)
        return;
    m_heard = std::make_unique<QSocketNotifier>(s_pair[1], QSocketNotifier::Read);
    QObject::connect(m_heard.get(), &QSocketNotifier::activated, [this] {
        char signal = 0;
        if (::read(s_pair[1], &signal, 1) != 1)
            return;
        restore(); // a second Ctrl+C stops a stop that hangs
        m_stop(signal);
    });
    struct sigaction action {};
    action.sa_handler = [](int signal) {
        const int saved = errno;
        const char byte = char(signal);
        (void)!::write(s_pair[0], &byte, 1);
        errno = saved;
    };
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (size_t i = 0; i < std::size(handled); ++i) {
        ::sigaction(handled[i], nullptr, &m_before[i]);
        if (m_before[i].sa_handler != SIG_IGN)
            ::sigaction(handled[i], &action, nullptr);
    }
}

StopOnSignals::~StopOnSignals() {
    restore();
    m_heard.reset();
    if (s_pair[0] >= 0) {
        ::close(s_pair[0]);
        ::close(s_pair[1]);
        s_pair[0] = s_pair[1] = -1;
    }
}

QString StopOnSignals::reason(int signal) {
    return signal == SIGINT   ? u"interrupted"_s
           : signal == SIGHUP ? u"its terminal closed"_s
                              : u"asked to terminate"_s;
}

void StopOnSignals::restore() {
    for (size_t i = 0; i < std::size(handled); ++i)
        ::sigaction(handled[i], &m_before[i], nullptr);
}

} // namespace podium::sync
