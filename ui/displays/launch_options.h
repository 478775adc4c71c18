#pragma once

#include "model/result.h"

#include <QStringList>

class QCommandLineParser;

namespace podium {

class MainWindow;
class SessionEngine;

// Command-line options for the displays and for measuring start-up:
//   --stage, --audience      open a display full screen (on --display-screen N, 1 = first)
//   --scene NAME             play a demo scene into the session (see demo_scene.h)
//   --role SEAT, --theme NAME   open as moderator, online-moderator or rapporteur; a theme
//   --quit-after-paint       quit as soon as the cockpit has painted once (benchmarks)
void addLaunchOptions(QCommandLineParser& parser);
// Why the options cannot be used (an unknown seat, theme or scene), or empty; checked before any
// window shows, so a typo never flashes a window up.
QString launchOptionsError(const QCommandLineParser& parser);
// The values of --role, --theme, --scene and --display-screen, checked whatever the mode: a
// mistyped one was ignored by --headless and the other modes without a window.
QString launchValuesError(const QCommandLineParser& parser);
// Takes every `--session FILE` (or `--session=FILE`) out of the command line, before QApplication
// sees it, and gives their files.
QStringList takeSessionOption(int& argc, char** argv);
// The session file the cockpit is asked to open: `--session FILE`, or its argument (one of them).
Result<QString> sessionFileArgument(const QStringList& sessionOptions,
                                    const QCommandLineParser& parser);
// Call after the window is shown. Returns false (having said why on stderr) for a bad option.
bool applyLaunchOptions(const QCommandLineParser& parser, MainWindow& window,
                        SessionEngine& engine);

} // namespace podium
