#include "engine/clock.h"
#include "engine/session_engine.h"
#include "displays/launch_options.h"
#include "main_window.h"
#include "plan/plan.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

void describeApplication(QCoreApplication& app) {
    QCoreApplication::setApplicationName(u"podium"_s);
    QCoreApplication::setOrganizationName(u"Podium"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(PODIUM_VERSION));
    Q_UNUSED(app);
}

void addOptions(QCommandLineParser& parser) {
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Moderator cockpit for hybrid panel sessions."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {u"demo"_s, QCoreApplication::translate("main", "Open the built-in demo session.")});
    podium::addLaunchOptions(parser);
    // Modes that run without a window add their options here.
}

// Modes that need no display (checks, exports, headless sync). Returns -1 when none was asked.
int runWithoutWindow(const QCommandLineParser& parser) {
    Q_UNUSED(parser);
    return -1;
}

bool wantsNoWindow(const QStringList& args) {
    static const QStringList windowless = {u"--help"_s, u"-h"_s, u"--version"_s, u"-v"_s};
    for (const QString& a : args) {
        if (windowless.contains(a))
            return true;
    }
    return false;
}

int runCockpit(int argc, char** argv) {
    QApplication app(argc, argv);
    describeApplication(app);
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);

    podium::SystemClock clock;
    podium::SessionEngine engine(clock);
    if (auto created = engine.create(podium::demoPlan()); !created) {
        QTextStream(stderr) << created.error() << '\n';
        return 1;
    }
    podium::Cockpit cockpit(engine);
    podium::MainWindow window(cockpit);
    window.show();
    if (!podium::applyLaunchOptions(parser, window, engine))
        return 2;
    return app.exec();
}

} // namespace

int main(int argc, char** argv) {
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (!wantsNoWindow(args))
        return runCockpit(argc, argv);

    QCoreApplication app(argc, argv);
    describeApplication(app);
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    const int code = runWithoutWindow(parser);
    return code < 0 ? 0 : code;
}
