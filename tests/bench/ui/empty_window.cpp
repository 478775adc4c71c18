// The baseline for start-up and memory: an empty QMainWindow that quits once it has painted,
// exactly as `podium --quit-after-paint` does (or stays, with --stay, for idle CPU).
#include <QApplication>
#include <QDeadlineTimer>
#include <QEvent>
#include <QMainWindow>
#include <QScreen>
#include <QTimer>
#include <cstdio>

namespace {

class QuitAfterPaint : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            // Once this paint pass is done, the monotonic time goes to stdout, so a benchmark
            // measures start-up to the first pixels rather than to the end of the process.
            QTimer::singleShot(0, qApp, [] {
                std::printf("first-paint-ns %lld\n",
                            static_cast<long long>(
                                QDeadlineTimer::current(Qt::PreciseTimer).deadlineNSecs()));
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_done = false;
};

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QMainWindow window;
    // As podium sizes its window: 1500×920, or the screen's free area less a frame if smaller.
    window.resize(
        QSize(1500, 920).boundedTo(window.screen()->availableGeometry().size() - QSize(16, 48)));
    QuitAfterPaint quit;
    if (!app.arguments().contains(QStringLiteral("--stay")))
        window.installEventFilter(&quit);
    window.show();
    return app.exec();
}
