#include "displays/launch_options.h"
#include "docks/connection_dock.h"
#include "docks/notes_dock.h"
#include "docks/seat_session.h"
#include "docks/web_voting_row.h"
#include "engine/clock.h"
#include "engine/session_engine.h"
#include "headless.h"
#include "main_window.h"
#include "plan/plan.h"
#include "report/export_command.h"
#include "session_files.h"
#include "stop_on_signals.h"
#include "store/joined_copies.h"
#include "store/recent_files.h"
#include "store/session_check.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QMessageBox>
#include <QSet>
#include <QSettings>
#include <QTextStream>
#include <algorithm>
#include <memory>

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
        QCoreApplication::translate("main", "Moderator cockpit for hybrid panel sessions.\n"
                                            "podium ctl --help: the command-line client."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(
        {u"demo"_s, QCoreApplication::translate("main", "Open the built-in demo session.")});
    parser.addPositionalArgument(
        u"file"_s,
        QCoreApplication::translate(
            "main", "The session file to open (default: the most recent one, or the demo)."),
        u"[file]"_s);
    parser.addOption({u"check"_s,
                      QCoreApplication::translate(
                          "main", "Verify a session file, print a summary and exit (no window)."),
                      u"file"_s});
    parser.addOption(
        {u"salvage"_s,
         QCoreApplication::translate(
             "main", "Keep the sound part of a damaged session file in a new file (-o, default "
                     "beside it) and exit; the damaged file is left as it is."),
         u"file"_s});
    podium::addLaunchOptions(parser);
    // Modes that run without a window add their options here.
    parser.addOptions({
        {u"export-report"_s,
         QCoreApplication::translate("main", "Write the report of a session file and exit."),
         u"session"_s},
        {u"format"_s,
         QCoreApplication::translate(
             "main", "Report format: md, html, pdf or csv (default: the output file's suffix)."),
         u"format"_s},
        {{u"o"_s, u"output"_s},
         QCoreApplication::translate(
             "main", "Where to write the report (- for the standard output; csv also writes "
                     "<file>-polls.csv and <file>-notes.csv beside it), or the salvaged session."),
         u"file"_s},
    });
    podium::sync::addHeadlessOptions(parser);
}

int runReportExport(const QCommandLineParser& parser) {
    QTextStream out(stdout);
    QTextStream err(stderr);
    podium::report::ExportRequest request{parser.value(u"export-report"_s),
                                          parser.value(u"format"_s), parser.value(u"output"_s),
                                          podium::joined::copiesFolder()};
    if (request.format.isEmpty())
        request.format = QFileInfo(request.output).suffix();
    return podium::report::runExportReport(request, out, err);
}

// Modes that need no display (checks, exports, headless sync). Returns -1 when none was asked.
int runWithoutWindow(const QCommandLineParser& parser) {
    if (parser.isSet(u"export-report"_s))
        return runReportExport(parser);
    if (parser.isSet(u"check"_s)) {
        QTextStream out(stdout);
        return podium::runSessionCheck(parser.value(u"check"_s), out);
    }
    if (parser.isSet(u"salvage"_s)) {
        QTextStream out(stdout);
        QTextStream err(stderr);
        return podium::runSalvage(parser.value(u"salvage"_s), parser.value(u"output"_s), out, err);
    }
    return podium::sync::runHeadless(parser);
}

// `podium --format md`, without --export-report, opened the cockpit without a word.
QString strayOutputOptionError(const QCommandLineParser& parser) {
    if (parser.isSet(u"export-report"_s))
        return {};
    if (parser.isSet(u"format"_s))
        return QCoreApplication::translate("main", "--format is for --export-report.");
    if (parser.isSet(u"output"_s) && !parser.isSet(u"salvage"_s))
        return QCoreApplication::translate("main", "-o/--output is for --export-report and "
                                                   "--salvage.");
    return {};
}

// What the modes without a window would otherwise ignore without a word.
// One thing at a time, with only its own options: "--check A --salvage B" checked A, skipped
// the salvage and exited 0; "--check A --port 5" looked as if the port meant something.
QString fileModeError(const QCommandLineParser& parser) {
    const QList<std::pair<QString, QStringList>> modes{
        {u"export-report"_s, {u"format"_s, u"output"_s, u"o"_s}},
        {u"check"_s, {}},
        {u"salvage"_s, {u"output"_s, u"o"_s}}};
    const auto shown = [](const QString& name) {
        return (name.size() == 1 ? u"-"_s : u"--"_s) + name;
    };
    for (const auto& [mode, own] : modes) {
        if (!parser.isSet(mode))
            continue;
        if (parser.values(mode).size() > 1) // "--check A --check B" checked B alone
            return QCoreApplication::translate("main", "Give --%1 once: Podium does one file "
                                                       "at a time.")
                .arg(mode);
        for (const QString& name : parser.optionNames()) {
            if (name != mode && !own.contains(name))
                return QCoreApplication::translate("main", "%1 cannot go with --%2: give one "
                                                           "thing at a time, with its own "
                                                           "options.")
                    .arg(shown(name), mode);
        }
    }
    return {};
}

QString windowlessArgumentsError(const QCommandLineParser& parser) {
    if (const QString error = podium::launchValuesError(parser); !error.isEmpty())
        return error;
    if (const QString error = fileModeError(parser); !error.isEmpty())
        return error;
    if (const QString error = strayOutputOptionError(parser); !error.isEmpty())
        return error;
    if (!parser.isSet(u"headless"_s) && !parser.positionalArguments().isEmpty())
        return QCoreApplication::translate("main", "Unexpected argument “%1”: --check, --salvage "
                                                   "and --export-report take their file right "
                                                   "after them.")
            .arg(parser.positionalArguments().first());
    return {};
}

// "--check=FILE" is "--check FILE".
bool hasOption(const QStringList& args, const QStringList& names) {
    return std::any_of(args.cbegin(), args.cend(),
                       [&](const QString& a) { return names.contains(a.section(u'=', 0, 0)); });
}

bool wantsNoWindow(const QStringList& args) {
    return hasOption(args, {u"--help"_s, u"-h"_s, u"--help-all"_s, u"--version"_s, u"-v"_s,
                            u"--export-report"_s, u"--check"_s, u"--salvage"_s, u"--headless"_s});
}

// A PDF report lays out text, which needs fonts and so a QGuiApplication: the export runs on the
// offscreen platform (unless QT_QPA_PLATFORM says otherwise), so it works without a display.
// Other window-less modes need only Qt Core.
std::unique_ptr<QCoreApplication> windowlessApplication(int& argc, char** argv,
                                                        const QStringList& args) {
    if (!hasOption(args, {u"--export-report"_s})) // "--export-report=FILE" too: it said a PDF
        return std::make_unique<QCoreApplication>(argc, argv); // needed the graphical application
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

// `--host` (the README's demo command uses it) opens the session to the other seats at once;
// the join codes then show in the connection dock, or why hosting could not start.
// The voting page with it when `--web-voting` says so, or when it was on as Podium stopped there
// (as the page does after a crash on a plain start).
void hostAtLaunch(podium::MainWindow& window, const QCommandLineParser& parser,
                  const podium::SessionFile* file) {
    if (auto* connection = window.findChild<podium::ConnectionDock*>())
        connection->hostOn(quint16(parser.value(u"port"_s).toUInt()));
    auto* voting = window.findChild<podium::WebVotingRow*>();
    if (voting && parser.isSet(u"web-voting"_s))
        voting->start(quint16(parser.value(u"web-voting"_s).toUInt()));
    else if (voting && file)
        voting->resumeAfterCrash(*file);
}

// `--bind ADDR` (checked already): the cockpit listened on every address whatever it said.
void bindAtLaunch(podium::MainWindow& window, const QCommandLineParser& parser) {
    if (!parser.isSet(u"bind"_s))
        return;
    const QHostAddress bind(parser.value(u"bind"_s));
    if (auto* connection = window.findChild<podium::ConnectionDock*>())
        connection->seatSession().setBindAddress(bind);
    if (auto* voting = window.findChild<podium::WebVotingRow*>())
        voting->setBindAddress(bind); // the LAN the session is on, and no other
}

// `--join HOST:PORT --code CODE` opens the cockpit joined to that host, as the join form would.
// `copyPath`: where the seat keeps the host's session (empty: in Podium's own folder).
void joinAtLaunch(podium::MainWindow& window, const QCommandLineParser& parser,
                  const QString& copyPath) {
    auto* connection = window.findChild<podium::ConnectionDock*>();
    if (!connection)
        return;
    if (!copyPath.isEmpty())
        connection->seatSession().keepNextJoinIn(QFileInfo(copyPath).absoluteFilePath());
    connection->joinHost(parser.value(u"join"_s), parser.value(u"code"_s),
                         quint16(parser.value(u"takeover-port"_s).toUInt()));
}

// Qt's process() ends the program with 1 on an unknown option or a missing value, the code
// `--check` gives for a damaged file: a command line that cannot be right is 2, as everywhere.
bool parseCommandLine(QCommandLineParser& parser, const QCoreApplication& app) {
    if (!parser.parse(app.arguments())) {
        QTextStream(stderr) << parser.errorText() << '\n'
                            << QCoreApplication::translate("main", "Try 'podium --help'.") << '\n';
        return false;
    }
    parser.process(app); // --help, --help-all and --version are printed there, and end here
    return true;
}

QtMessageHandler qtMessageHandler = nullptr;

// Qt Multimedia says this at every start on a machine without a sound server. The Sound menu
// says so in words ("No sound output found: cues are shown as flashes"), so the terminal is spared
// a line that reads like an error.
// Qt says "OpenType support missing for "DejaVu Sans", script 11" for each run of text in a script
// no installed font can shape (Devanagari, there): some 18 times a report, twice a second on a
// stage display. Said once a script, with what it means.
void quietQtMessages(QtMsgType type, const QMessageLogContext& context, const QString& text) {
    if (type == QtWarningMsg && text == u"PulseAudioService: pa_context_connect() failed"_s)
        return;
    if (type == QtWarningMsg && text.contains(u"OpenType support missing for"_s)) {
        static QSet<QString> scriptsSaid;
        const QString script = text.section(u"script "_s, -1);
        if (scriptsSaid.contains(script))
            return;
        scriptsSaid.insert(script);
        qtMessageHandler(type, context,
                         text.trimmed() + QCoreApplication::translate(
                                              "main",
                                              " (no font here draws this script: its text may show "
                                              "as boxes; a font such as Debian's fonts-noto-core "
                                              "would draw it)"));
        return;
    }
    qtMessageHandler(type, context, text);
}

// `--scene`: the demo scene, made afresh.
podium::Result<podium::StartupSession> openDemoScene(qint64 now) {
    auto scene = podium::openFreshDemoScene(now);
    if (!scene)
        return podium::Result<podium::StartupSession>::failure(scene.error());
    return podium::StartupSession{std::move(scene).value(), podium::demoScenePath(), {}};
}

// What the window holds when the file it was to open could not be.
QString insteadOfStartup(const QCommandLineParser& parser, const podium::SessionFile* held,
                         const QString& startupPath) {
    if (parser.isSet(u"join"_s))
        return QCoreApplication::translate("main", "This window joins the host's session instead.");
    if (held && held->path() == QFileInfo(startupPath).absoluteFilePath())
        return QCoreApplication::translate("main",
                                           "This window shows it for viewing only, as it was "
                                           "when opened: work on it in the other window.");
    return QCoreApplication::translate("main", "The demo session is open instead; File → Open "
                                               "recent lists your sessions.");
}

int runCockpit(int argc, char** argv) {
    const QStringList sessionOption = podium::takeSessionOption(argc, argv);
    QApplication app(argc, argv);
    describeApplication(app);
    // Ended by the desktop or `kill`: closed as from its windows (the layout and the note being
    // typed kept, the file closed, no lock left), not cut off mid-way. From the start: a signal
    // that comes before the event loop runs is acted on once it does.
    const podium::sync::StopOnSignals stop([](int signal) {
        QTextStream(stderr) << "stopping: " << podium::sync::StopOnSignals::reason(signal)
                            << Qt::endl;
        QApplication::closeAllWindows();
        QApplication::quit(); // a display closed first may not have been the last window
    });
    // Lets the desktop match windows to the launcher (and its icon) installed by the package.
    QGuiApplication::setDesktopFileName(u"io.github.podium.Podium"_s);
    QCommandLineParser parser;
    addOptions(parser);
    if (!parseCommandLine(parser, app))
        return 2;
    for (const QString& error :
         {podium::launchOptionsError(parser), strayOutputOptionError(parser)}) {
        if (!error.isEmpty()) {
            QTextStream(stderr) << error << '\n';
            return 2;
        }
    }

    const auto fileArgument = podium::sessionFileArgument(sessionOption, parser);
    if (!fileArgument) {
        QTextStream(stderr) << fileArgument.error() << '\n';
        return 2;
    }

    podium::SystemClock clock;
    podium::SessionEngine engine(clock);
    QSettings settings;
    podium::RecentFiles recent(settings);
    // A joining cockpit keeps the host's session in the file named when there is none yet, as a
    // headless seat does; it made the demo session there, and kept the host's elsewhere.
    const QString joinedCopy =
        parser.isSet(u"join"_s) && !fileArgument->isEmpty() && !QFileInfo::exists(*fileArgument)
            ? *fileArgument
            : QString();
    const QString toOpen = joinedCopy.isEmpty() ? *fileArgument : QString();
    auto opened =
        parser.isSet(u"scene"_s)
            ? openDemoScene(clock.nowMs())
            : podium::openCockpitSession(toOpen, parser.isSet(u"demo"_s), recent, clock.nowMs());
    if (!opened) {
        QTextStream(stderr) << opened.error() << '\n';
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "Podium"),
                              opened.error());
        return 1;
    }
    podium::StartupSession startup = std::move(opened).value();
    const QString notOpened = startup.notOpened;
    const QString startupPath = startup.asked;
    // Joining, whatever this window held before is the host's session soon: another Podium
    // having the last file open (a second seat on this laptop) is nothing to be told about. (Only
    // that: a damaged file is still said, with its salvage offer.)
    const bool joinsAnyway =
        parser.isSet(u"join"_s) && toOpen.isEmpty() && QFileInfo::exists(startupPath + u".lock"_s);
    if (!notOpened.isEmpty() && !joinsAnyway)
        QTextStream(stderr) << notOpened << '\n';
    podium::SessionFiles files(engine); // owns the open file; File → Open switches it
    files.adopt(std::move(startup.file), !startup.heldElsewhere);
    if (files.current()->isReadOnly())
        QTextStream(stderr) << files.current()->readOnlyReason() << '\n';
    podium::Cockpit cockpit(engine);
    cockpit.setFiles(&files);
    podium::MainWindow window(cockpit);
    // Rendering the SVG icon loads Qt's SVG plugin: not worth delaying the window for, as the
    // desktop shows the icon from the launcher meanwhile (X11 takes a later icon as well).
    QObject::connect(&window, &podium::MainWindow::firstPainted, &window,
                     [] { QApplication::setWindowIcon(QIcon(u":/podium/podium.svg"_s)); });
    podium::attachNotes(window, files.current());
    QObject::connect(&files, &podium::SessionFiles::fileChanged, &window,
                     [&window](podium::SessionFile* file) { podium::attachNotes(window, file); });
    podium::attachConnection(window, files.current());
    QObject::connect(
        &files, &podium::SessionFiles::fileChanged, &window,
        [&window](podium::SessionFile* file) { podium::attachConnection(window, file); });
    window.show();
    if (!notOpened.isEmpty() && !joinsAnyway)
        podium::sayWhyNotOpened(window, files, startupPath, notOpened,
                                insteadOfStartup(parser, files.current(), startupPath));
    if (!podium::applyLaunchOptions(parser, window, engine))
        return 2;
    bindAtLaunch(window, parser);
    if (parser.isSet(u"host"_s))
        hostAtLaunch(window, parser, files.current());
    else if (parser.isSet(u"join"_s))
        joinAtLaunch(window, parser, joinedCopy);
    else
        podium::resumeAfterCrash(window, files.current());
    return app.exec();
}

// Without a display Qt cannot make the window: it aborts with a page about platform plugins, even
// for a mistyped option on a server where only --headless was meant. (Qt's own "-platform" picks
// another platform, offscreen say, that needs none.)
bool displayAvailable(const QStringList& args) {
    return !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
           !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || args.contains(u"-platform"_s);
}

// The command line is still checked first, so a typo is named as one (exit 2).
int refuseWithoutDisplay(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    describeApplication(app);
    QCommandLineParser parser;
    addOptions(parser);
    if (!parseCommandLine(parser, app))
        return 2;
    QTextStream(stderr) << QCoreApplication::translate(
                               "main", "No display to show the cockpit on (DISPLAY is not set). "
                                       "Start it from a desktop session, or run a seat without a "
                                       "window with --headless (see podium --help).")
                        << '\n';
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    qtMessageHandler = qInstallMessageHandler(quietQtMessages);
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (args.value(1) == u"ctl"_s) { // a one-shot client: no window, no GUI application
        QCoreApplication app(argc, argv);
        describeApplication(app);
        return podium::sync::runCtl(args);
    }
    if (!wantsNoWindow(args))
        return displayAvailable(args) ? runCockpit(argc, argv) : refuseWithoutDisplay(argc, argv);

    const std::unique_ptr<QCoreApplication> owner = windowlessApplication(argc, argv, args);
    QCoreApplication& app = *owner;
    describeApplication(app);
    QCommandLineParser parser;
    addOptions(parser);
    if (!parseCommandLine(parser, app))
        return 2;
    if (const QString error = windowlessArgumentsError(parser); !error.isEmpty()) {
        QTextStream(stderr) << error << '\n';
        return 2;
    }
    const int code = runWithoutWindow(parser);
    return code < 0 ? 0 : code;
}
