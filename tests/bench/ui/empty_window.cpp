// The baseline for start-up and memory: an empty QMainWindow that quits once it has painted,
// exactly as `podium --quit-after-paint` does (or stays, with --stay, for idle CPU).
#include <QApplication>
#include <QEvent>
#include <QMainWindow>
#include <QTimer>

namespace {

class QuitAfterPaint : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
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
    window.resize(1500, 920);
    QuitAfterPaint quit;
    if (!app.arguments().contains(QStringLiteral("--stay")))
        window.installEventFilter(&quit);
    window.show();
    return app.exec();
}
