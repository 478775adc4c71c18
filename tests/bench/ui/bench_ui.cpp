// The cockpit's cost against plain Qt, measured in one run (see CMakeLists.txt).
#include "main_window.h"
#include "report/html.h"
#include "report/pages.h"
#include "ui_workload.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QBuffer>
#include <QDeadlineTimer>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QPdfWriter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextDocument>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ;

using namespace Qt::StringLiterals;
using namespace podium;

namespace {

struct RunCost {
    double firstPaintMs = 0; // from spawn to the end of the first paint, as the child reports it
    double wallMs = 0;       // from spawn to exit
    double maxRssMb = 0;
};

// The clock the children print their first paint on (CLOCK_MONOTONIC, shared by processes).
qint64 monotonicNs() {
    return QDeadlineTimer::current(Qt::PreciseTimer).deadlineNSecs();
}

// The "first-paint-ns" line a child prints with --quit-after-paint (same clock as ours).
qint64 firstPaintNs(const QString& output) {
    QFile f(output);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("first-paint-ns "))
            return line.mid(15).toLongLong();
    }
    return 0;
}

// One clean process: time to its first paint and to its exit, and its own peak resident memory.
RunCost spawnOnce(const QByteArray& program, const QList<QByteArray>& args,
                  const std::vector<QByteArray>& env) {
    std::vector<char*> argv{const_cast<char*>(program.constData())};
    for (const QByteArray& a : args)
        argv.push_back(const_cast<char*>(a.constData()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const QByteArray& e : env)
        envp.push_back(const_cast<char*>(e.constData()));
    envp.push_back(nullptr);
    QTemporaryDir dir;
    const QString output = dir.filePath(u"stdout"_s);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, QFile::encodeName(output).constData(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const qint64 start = monotonicNs();
    pid_t pid = 0;
    const int spawned =
        posix_spawn(&pid, program.constData(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        return {};
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    const double wallMs = double(monotonicNs() - start) / 1e6;
    const qint64 painted = firstPaintNs(output);
    return {painted > 0 ? double(painted - start) / 1e6 : 0, wallMs,
            double(usage.ru_maxrss) / 1024.0};
}

// The children get a private home (so the demo session file is theirs) and no display.
// A window is shown on a display server, so the children run on X11 when there is one (bench.sh
// starts Xvfb); without one, offscreen, which skips the server's round trips (and so makes the
// empty window's share of the start-up smaller).
QByteArray childPlatform() {
    return qEnvironmentVariableIsEmpty("DISPLAY") ? QByteArray("offscreen") : QByteArray("xcb");
}

std::vector<QByteArray> childEnvironment(const QString& home) {
    std::vector<QByteArray> env;
    for (char** e = environ; *e; ++e) {
        const QByteArray entry(*e);
        if (!entry.startsWith("HOME=") && !entry.startsWith("XDG_") &&
            !entry.startsWith("QT_QPA_PLATFORM="))
            env.push_back(entry);
    }
    env.push_back("HOME=" + home.toLocal8Bit());
    env.push_back("XDG_RUNTIME_DIR=" + home.toLocal8Bit());
    env.push_back("QT_QPA_PLATFORM=" + childPlatform());
    return env;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

double median(std::vector<double> v) {
    return percentile(std::move(v), 0.5);
}

// A measurement that failed (a start that never painted) prints as such: a ratio of 0 read as
// met.
void report(const char* name, double ours, double base, const char* unit, const char* target) {
    if (ours <= 0 || base <= 0)
        std::printf("%s: FAILED, nothing measured (ours %.2f %s, baseline %.2f %s)\n", name, ours,
                    unit, base, unit);
    else
        std::printf("%s: ours %.2f %s, baseline %.2f %s, ratio %.2f× (target %s)\n", name, ours,
                    unit, base, unit, ours / base, target);
}

// Start-up to the first painted window, and peak memory, of podium on the demo session vs an
// empty QMainWindow; runs interleaved so machine noise hits both alike.
void startupAndMemory() {
    QTemporaryDir home;
    const std::vector<QByteArray> env = childEnvironment(home.path());
    const QList<QByteArray> podiumArgs{"--demo", "--quit-after-paint"};
    spawnOnce(PODIUM_APP, podiumArgs, env); // creates the demo session file once
    std::vector<double> ours, base, oursExit, baseExit, oursRss, baseRss;
    constexpr int runs = 21; // a start-up varies by a few ms on a shared machine
    for (int i = 0; i < runs; ++i) {
        const RunCost b = spawnOnce(EMPTY_WINDOW_APP, {}, env);
        const RunCost o = spawnOnce(PODIUM_APP, podiumArgs, env);
        base.push_back(b.firstPaintMs);
        ours.push_back(o.firstPaintMs);
        baseExit.push_back(b.wallMs);
        oursExit.push_back(o.wallMs);
        baseRss.push_back(b.maxRssMb);
        oursRss.push_back(o.maxRssMb);
    }
    const QByteArray name = "start-up to first paint on " + childPlatform() + " (median of " +
                            QByteArray::number(runs) + ")";
    report(name.constData(), median(ours), median(base), "ms", "≤ 2×");
    report("  (for reference: spawn to exit, which adds saving the layout and closing the file)",
           median(oursExit), median(baseExit), "ms", "none");
    report("peak RSS", median(oursRss), median(baseRss), "MB", "≤ 2.5×");
}

// CPU ticks (user + system) a running process has used so far, from /proc.
long cpuTicks(pid_t pid) {
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    // Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
    const QList<QByteArray> f = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return f.value(11).toLong() + f.value(12).toLong();
}

// Share of one core a process uses over `seconds`, after it had `settle` seconds to start.
double cpuPercentOf(const QByteArray& program, const QList<QByteArray>& args,
                    const std::vector<QByteArray>& env, int settle, int seconds) {
    std::vector<char*> argv{const_cast<char*>(program.constData())};
    for (const QByteArray& a : args)
        argv.push_back(const_cast<char*>(a.constData()));
    argv.push_back(nullptr);
    std::vector<char*> envp;
    for (const QByteArray& e : env)
        envp.push_back(const_cast<char*>(e.constData()));
    envp.push_back(nullptr);
    pid_t pid = 0;
    if (posix_spawn(&pid, program.constData(), nullptr, nullptr, argv.data(), envp.data()) != 0)
        return -1;
    sleep(unsigned(settle));
    const long before = cpuTicks(pid);
    sleep(unsigned(seconds));
    const long used = cpuTicks(pid) - before;
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    return 100.0 * double(used) / double(sysconf(_SC_CLK_TCK) * seconds);
}

// A real cockpit with a countdown running and the stage display shown, in its own process,
// against an empty window that stays open.
void idleCpu() {
    QTemporaryDir home;
    const std::vector<QByteArray> env = childEnvironment(home.path());
    const double ours =
        cpuPercentOf(PODIUM_APP, {"--demo", "--scene", "live", "--stage"}, env, 3, 5);
    const double base = cpuPercentOf(EMPTY_WINDOW_APP, {"--stay"}, env, 3, 5);
    std::printf("idle CPU over 5 s, countdown running, cockpit and stage display shown: ours "
                "%.2f %% of a core, baseline (empty window) %.2f %% (target < 2 %%)\n",
                ours, base);
}

// Each event's time in ms: the engine's work, and with `withUi` the docks' repaints after it.
std::vector<double> eventTimesMs(bench::BigSession& s, bool withUi, int count) {
    std::vector<double> times;
    static int next = 0;
    for (int i = 0; i < count; ++i) {
        QElapsedTimer t;
        t.start();
        s.oneEvent(next++);
        if (withUi)
            QCoreApplication::processEvents(); // the docks' repaints, as the loop would
        times.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return times;
}

double medianEventMs(bench::BigSession& s, bool withUi, int count) {
    return median(eventTimesMs(s, withUi, count));
}

// The cost of one event in a big session: the engine's own work (no window) vs the same with
// every dock open and repainted; then each dock alone, to show where the time goes.
void updatePerEvent() {
    bench::BigSession bare(1000, 10'000);
    const double base = medianEventMs(bare, false, 300);
    bench::BigSession big(1000, 10'000);
    MainWindow window(*big.cockpit);
    window.resize(1500, 920); // as on a desktop screen (the offscreen one is 800×600)
    window.show();
    for (QDockWidget* d : window.docks())
        d->show();
    QCoreApplication::processEvents();
    const std::vector<double> times = eventTimesMs(big, true, 300);
    const double ours = median(times);
    std::printf("UI update per event (1,000 queued, 10,000 logged; median of 300): ours %.3f ms, "
                "baseline (engine alone) %.3f ms, ratio %.1f× (target ≤ 1 ms)\n",
                ours, base, base > 0 ? ours / base : 0.0);
    // The median hides the slower kind of event: a third of them move an entry in the queue,
    // and Qt's tree view answers a moved row by laying out and repainting every visible row
    // (about 2.5 ms here, on the loop's next pass). The spread, for reference.
    std::printf("  (the same, 75th and 90th percentiles: %.3f ms and %.3f ms)\n",
                percentile(times, 0.75), percentile(times, 0.9));
    for (QDockWidget* d : window.docks())
        d->hide();
    QCoreApplication::processEvents();
    std::printf("  every dock hidden (models only): %.3f ms\n", medianEventMs(big, true, 60));
    for (QDockWidget* shown : window.docks()) {
        shown->show();
        QCoreApplication::processEvents();
        std::printf("  only %s shown: %.3f ms\n", qPrintable(shown->objectName()),
                    medianEventMs(big, true, 60));
        shown->hide();
    }
}

// One PDF of `html` on A4 at 300 dpi, in ms: laid out with Podium's pagination, or as Qt lays it
// out on the same pages.
double pdfMs(const QString& html, bool ours, int* pages) {
    QElapsedTimer t;
    t.start();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    writer.setResolution(300);
    QTextDocument doc;
    doc.setHtml(html);
    if (ours) {
        report::layOutOnPages(doc, writer);
    } else {
        doc.documentLayout()->setPaintDevice(&writer);
        doc.setDocumentMargin(0);
        const qreal margin = 2 / 2.54 * writer.logicalDpiY(); // as layOutOnPages keeps
        doc.setPageSize(QSizeF(writer.width() - 2 * margin, writer.height() - 2 * margin));
    }
    report::printPages(doc, writer);
    *pages = doc.pageCount();
    return double(t.nsecsElapsed()) / 1e6;
}

// A long session's PDF report (250 speeches, a note under each): Podium's pagination, which
// moves each speech, heading, short table and chart a page's foot would cut to the next page and
// lays the document out again, vs Qt laying out and printing the same document once.
void pdfReport() {
    bench::BigSession s(0, 1000);
    const SessionState& state = s.engine.state();
    QList<Note> notes;
    for (const Speech& speech : state.speeches)
        notes.append(Note{Id(notes.size() + 1), speech.startedAt, speech.entryId, NoteKind::Note,
                          u"Stressed standards, capacity building and follow-up by the MAG"_s});
    const QString html = report::toHtml(report::buildReport(state, notes, s.clock.nowMs()),
                                        QLocale(QLocale::English), report::HtmlFlavor::RichText);
    std::vector<double> ours, base;
    int pages = 0, pagesOurs = 0;
    for (int i = 0; i < 3; ++i) {
        base.push_back(pdfMs(html, false, &pages));
        ours.push_back(pdfMs(html, true, &pagesOurs));
    }
    const QByteArray name = "PDF report of " + QByteArray::number(state.speeches.size()) +
                            " speeches with notes (" + QByteArray::number(pagesOurs) +
                            " pages; Qt alone " + QByteArray::number(pages) + "), median of 3";
    report(name.constData(), median(ours), median(base), "ms", "none: for reference");
}

} // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // layouts and sound settings not the user's
    // One part alone when named (startup, idle, update, pdf), e.g. to profile it.
    const QByteArray only = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    if (only.isEmpty() || only == "startup")
        startupAndMemory();
    if (only.isEmpty() || only == "idle")
        idleCpu();
    if (only.isEmpty() || only == "update" || only == "pdf") {
        QApplication app(argc, argv);
        if (only != "pdf")
            updatePerEvent();
        if (only != "update")
            pdfReport();
    }
    return 0;
}
