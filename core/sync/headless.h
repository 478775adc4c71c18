#pragma once

#include <QCommandLineParser>

// `podium --headless --host ...` and `podium --headless --join ...`: a seat with no window, for
// scripts, tests and a display machine. Prints the join codes and what happens on stdout.
namespace podium::sync {

void addHeadlessOptions(QCommandLineParser& parser);
// What is wrong with the ports, address and code given to host or join (for the window too);
// empty when nothing is. "--port abc" hosted on a random port, "--bind nonsense" on none.
QString syncOptionsError(const QCommandLineParser& parser);
// Runs the headless seat until it is stopped; returns -1 when --headless was not asked.
int runHeadless(const QCommandLineParser& parser);

// `podium ctl --join HOST:PORT --code CODE <command> [args]`: one command, or the state.
int runCtl(const QStringList& arguments);

} // namespace podium::sync
