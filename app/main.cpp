#include "engine/clock.h"
#include "engine/session_engine.h"
#include "main_window.h"
#include "plan/plan.h"

#include <QApplication>
#include <QCommandLineParser>

using namespace Qt::StringLiterals;

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Podium"_s);
    QApplication::setOrganizationName(u"Podium"_s);
    QApplication::setApplicationVersion(QStringLiteral(PODIUM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Moderator cockpit for hybrid panel sessions"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({u"demo"_s, QApplication::translate("main", "Open the built-in demo session.")});
    parser.process(app);

    podium::SystemClock clock;
    podium::SessionEngine engine(clock);
    if (!engine.create(podium::demoPlan()))
        return 1;
    podium::MainWindow window(engine);
    window.show();
    return app.exec();
}
