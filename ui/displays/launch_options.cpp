#include "launch_options.h"

#include "cockpit.h"
#include "demo_scene.h"
#include "display_windows.h"
#include "engine/session_engine.h"
#include "headless.h"
#include "main_window.h"
#include "theme/theme.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QEvent>
#include <QGuiApplication>
#include <QScreen>
#include <QTextStream>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::LaunchOptions", text);
}

// Quits on the first paint of the window: start-up is measured up to pixels, not to show(). The
// panels that wait for their turn are made before it quits, so that the peak memory measured is
// that of the whole cockpit (it was of the few panels made before the first paint).
class QuitAfterPaint : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !m_quitting) {
            m_quitting = true;
            // Once this paint pass is done, the monotonic time goes to stdout, so a benchmark
            // measures start-up to the first pixels rather than to the end of the process.
            QTimer::singleShot(0, qApp, [window = qobject_cast<MainWindow*>(watched)] {
                std::printf("first-paint-ns %lld\n",
                            static_cast<long long>(
                                QDeadlineTimer::current(Qt::PreciseTimer).deadlineNSecs()));
                std::fflush(stdout);
                if (window)
                    window->buildAllDocks();
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_quitting = false;
};

QScreen* screenNumbered(const QString& value) {
    const QList<QScreen*> screens = QGuiApplication::screens();
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok && n >= 1 && n <= screens.size() ? screens[n - 1] : QGuiApplication::primaryScreen();
}

} // namespace

void addLaunchOptions(QCommandLineParser& parser) {
    parser.addOption({u"stage"_s, tr("Open the stage display full screen.")});
    parser.addOption({u"audience"_s, tr("Open the audience display full screen.")});
    parser.addOption({u"display-screen"_s,
                      tr("The screen for --stage and --audience (1 is the first)."), tr("n"),
                      u"1"_s});
    parser.addOption(
        {u"scene"_s,
         tr("Fill the session with a demo scene: %1.").arg(demoSceneNames().join(u", "_s)),
         tr("name")});
    parser.addOption({u"role"_s,
                      tr("Open the cockpit as this seat: moderator, online-moderator or "
                         "rapporteur."),
                      tr("seat")});
    parser.addOption(
        {u"theme"_s, tr("Use this theme: light, dark or high-contrast."), tr("theme")});
    QCommandLineOption quit(u"quit-after-paint"_s,
                            tr("Quit once the window has painted (for start-up measurements)."));
    quit.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(quit);
}

namespace {

// With a display, the screens are known; without one, only the number's form can be checked.
QString displayScreenError(const QCommandLineParser& parser) {
    if (!parser.isSet(u"display-screen"_s))
        return {};
    bool ok = false;
    const int n = parser.value(u"display-screen"_s).toInt(&ok);
    if (!ok || n < 1)
        return tr("--display-screen wants a screen number, 1 or more, not “%1”.")
            .arg(parser.value(u"display-screen"_s));
    const qsizetype screens = qobject_cast<QGuiApplication*>(QCoreApplication::instance())
                                  ? QGuiApplication::screens().size()
                                  : n;
    if (n > screens)
        return tr("There is no screen %1 (--display-screen): this computer has %2.")
            .arg(n)
            .arg(screens);
    return {};
}

} // namespace

QString launchValuesError(const QCommandLineParser& parser) {
    if (parser.isSet(u"role"_s) && !seatNamed(parser.value(u"role"_s)))
        return tr("Unknown seat “%1”: use moderator, online-moderator or rapporteur.")
            .arg(parser.value(u"role"_s));
    if (parser.isSet(u"theme"_s) && !themeNamed(parser.value(u"theme"_s)))
        return tr("Unknown theme “%1”: use light, dark or high-contrast.")
            .arg(parser.value(u"theme"_s));
    if (parser.isSet(u"scene"_s) && !demoSceneNames().contains(parser.value(u"scene"_s)))
        return tr("Unknown scene “%1”: use %2.")
            .arg(parser.value(u"scene"_s), demoSceneNames().join(u", "_s));
    return displayScreenError(parser);
}

QString launchOptionsError(const QCommandLineParser& parser) {
    if (const QString error = launchValuesError(parser); !error.isEmpty())
        return error;
    // A moderator decides when to take over; it was accepted, and ignored, in the cockpit.
    if (parser.isSet(u"takeover-after"_s))
        return tr("--takeover-after is for an unattended --headless seat: in the cockpit, "
                  "“Take over hosting” in the Connection panel does it.");
    return sync::syncOptionsError(parser);
}

// QGuiApplication takes `--session ID` for X11 session management, before any parser sees it: the
// cockpit opened the demo or the most recent file instead, without a word. (`-session`, the
// form session managers use, is left to Qt.)
// Each `--session` is taken, with its value; a value that is missing or is another option is
// taken as none ("", refused later), so that Qt gets neither.
QStringList takeSessionOption(int& argc, char** argv) {
    QStringList files;
    int kept = 0;
    for (int i = 0; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--session") {
            const bool valued = i + 1 < argc && argv[i + 1][0] != '-';
            files << (valued ? QString::fromLocal8Bit(argv[++i]) : QString());
        } else if (arg.startsWith("--session=")) {
            files << QString::fromLocal8Bit(arg.mid(int(qstrlen("--session="))));
        } else {
            argv[kept++] = argv[i];
        }
    }
    argc = kept;
    argv[argc] = nullptr; // as main() has it
    return files;
}

Result<QString> sessionFileArgument(const QStringList& sessionOptions,
                                    const QCommandLineParser& parser) {
    const QStringList positionals = parser.positionalArguments();
    if (positionals.size() > 1)
        return Result<QString>::failure(
            tr("Give one session file: “%1” is one too many.").arg(positionals[1]));
    const QString positional = positionals.value(0);
    if (sessionOptions.size() + (positional.isEmpty() ? 0 : 1) > 1)
        return Result<QString>::failure(
            tr("Give the session file once: as an argument, or with --session."));
    if (sessionOptions.size() == 1 && sessionOptions.first().isEmpty())
        return Result<QString>::failure(tr("--session wants a file: --session FILE."));
    return sessionOptions.isEmpty() ? positional : sessionOptions.first();
}

bool applyLaunchOptions(const QCommandLineParser& parser, MainWindow& window,
                        SessionEngine& engine) {
    if (parser.isSet(u"role"_s)) {
        const auto seat = seatNamed(parser.value(u"role"_s));
        if (!seat) {
            QTextStream(stderr) << tr("Unknown seat “%1”: use moderator, online-moderator or "
                                      "rapporteur.")
                                       .arg(parser.value(u"role"_s))
                                << '\n';
            return false;
        }
        engine.setAuthority(authorityFor(*seat));
    }
    if (parser.isSet(u"theme"_s))
        applyTheme(themeFromKey(parser.value(u"theme"_s)));
    if (parser.isSet(u"scene"_s)) {
        if (auto played = playDemoScene(engine, parser.value(u"scene"_s)); !played) {
            QTextStream(stderr) << played.error() << '\n';
            return false;
        }
    }
    auto* displays = window.findChild<DisplayWindows*>();
    QScreen* screen = screenNumbered(parser.value(u"display-screen"_s));
    if (displays && parser.isSet(u"stage"_s))
        displays->showStage(screen, true);
    if (displays && parser.isSet(u"audience"_s))
        displays->showAudience(screen, true);
    if (parser.isSet(u"quit-after-paint"_s))
        window.installEventFilter(new QuitAfterPaint(&window));
    return true;
}

} // namespace podium
