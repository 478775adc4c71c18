#include <catch2/catch.hpp>

#include "report_fixture.h"
#include "store/session_file.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// `wrapper`: a command that starts podium with its arguments as "$0" "$@".
Run runPodium(const QStringList& args, const QStringList& wrapper = {},
              const QString& dataHome = {}) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"QT_QPA_PLATFORM"_s); // the export must find its own way without a display
    env.remove(u"DISPLAY"_s);
    if (!dataHome.isEmpty())
        env.insert(u"XDG_DATA_HOME"_s, dataHome);
    p.setProcessEnvironment(env);
    if (wrapper.isEmpty())
        p.start(QStringLiteral(PODIUM_BINARY), args);
    else
        p.start(wrapper.first(),
                wrapper.mid(1) + QStringList{QStringLiteral(PODIUM_BINARY)} + args);
    if (!p.waitForFinished(60'000))
        return {};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

// The scripted session, journalled into a real session file with the rapporteur's notes.
QString writeSessionFile(const QTemporaryDir& dir) {
    const QString path = dir.filePath(u"workshop.podium"_s);
    FakeClock clock;
    auto file = SessionFile::create(path, scriptedPlan(), clock.nowMs());
    REQUIRE(file);
    SessionEngine engine(clock);
    file.value()->attach(engine);
    SessionScript script(engine, clock);
    script.play();
    for (const Note& n : script.notes)
        REQUIRE(file.value()->addNote(n));
    return path;
}

QString readAll(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

TEST_CASE("podium --export-report writes every format from a session file") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString session = writeSessionFile(dir);

    const Run md = runPodium(
        {u"--export-report"_s, session, u"--format"_s, u"md"_s, u"-o"_s, dir.filePath(u"r.md"_s)});
    REQUIRE(md.exitCode == 0);
    const QString text = readAll(dir.filePath(u"r.md"_s));
    CHECK(text.startsWith(u"# Securing the Internet for all"_s));
    CHECK(text.contains(u"| Government | 2 | "_s));               // figures from the file
    CHECK(text.contains(u"Volunteer for the IoT work stream"_s)); // notes from the file

    // The format may also come from the output file's suffix.
    CHECK(runPodium({u"--export-report"_s, session, u"-o"_s, dir.filePath(u"r.html"_s)}).exitCode ==
          0);
    CHECK(readAll(dir.filePath(u"r.html"_s)).contains(u"&lt;b&gt;Ana&lt;/b&gt;"_s));

    const Run pdf = runPodium({u"--export-report"_s, session, u"--format"_s, u"pdf"_s, u"-o"_s,
                               dir.filePath(u"r.pdf"_s)});
    INFO(pdf.err.toStdString());
    REQUIRE(pdf.exitCode == 0);
    CHECK(readAll(dir.filePath(u"r.pdf"_s)).startsWith(u"%PDF-"_s));
    // "--export-report=FILE" said a PDF needed the graphical application.
    const Run joined =
        runPodium({u"--export-report="_s + session, u"-o"_s, dir.filePath(u"r2.pdf"_s)});
    INFO(joined.err.toStdString());
    CHECK(joined.exitCode == 0);
    CHECK(readAll(dir.filePath(u"r2.pdf"_s)).startsWith(u"%PDF-"_s));

    const Run csv = runPodium({u"--export-report"_s, session, u"--format"_s, u"csv"_s, u"-o"_s,
                               dir.filePath(u"r.csv"_s)});
    REQUIRE(csv.exitCode == 0);
    CHECK(csv.out.contains(dir.filePath(u"r-polls.csv"_s)));
    CHECK(csv.out.contains(dir.filePath(u"r-notes.csv"_s)));
    CHECK(readAll(dir.filePath(u"r.csv"_s)).count(u"\r\n"_s) >= 8);
    CHECK(readAll(dir.filePath(u"r-polls.csv"_s)).contains(u"Yes, fully"_s));
}

TEST_CASE("podium --export-report -o - prints the report itself, for a pipe") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString session = writeSessionFile(dir);

    for (const QString& to : {u"-"_s, u"/dev/stdout"_s}) {
        INFO(to.toStdString());
        const Run md =
            runPodium({u"--export-report"_s, session, u"--format"_s, u"md"_s, u"-o"_s, to});
        INFO(md.err.toStdString());
        CHECK(md.exitCode == 0);
        CHECK(md.out.startsWith(u"# Securing the Internet for all"_s)); // no "Wrote" line first
        CHECK_FALSE(md.out.contains(u"Wrote"_s));
    }
    CHECK_FALSE(QFile::exists(dir.filePath(u"-"_s)));

    const Run pdf =
        runPodium({u"--export-report"_s, session, u"--format"_s, u"pdf"_s, u"-o"_s, u"-"_s});
    CHECK(pdf.exitCode == 0);
    CHECK(pdf.out.startsWith(u"%PDF-"_s));

    // Two tables do not make one CSV: the user is asked for a file name instead.
    const Run csv =
        runPodium({u"--export-report"_s, session, u"--format"_s, u"csv"_s, u"-o"_s, u"-"_s});
    CHECK(csv.exitCode == 2);
    CHECK(csv.err.contains(u"file name"_s));
    CHECK(csv.out.isEmpty());
}

// `> report.csv`: the standard output was a file, the CSV went ahead, and its polls were written
// to "/dev/stdout-polls.csv".
TEST_CASE("podium --export-report -o - into a file the shell opened: the report goes there, and "
          "CSV asks for a file name") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString session = writeSessionFile(dir);
    const auto intoFile = [&](const QString& format, const QString& file,
                              const QString& to = u"-"_s) {
        QProcess p;
        p.setStandardOutputFile(dir.filePath(file));
        p.start(QStringLiteral(PODIUM_BINARY),
                {u"--export-report"_s, session, u"--format"_s, format, u"-o"_s, to});
        REQUIRE(p.waitForFinished(60'000));
        return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardError())};
    };
    const auto [mdExit, mdErr] = intoFile(u"md"_s, u"report.md"_s);
    CHECK(mdExit == 0);
    CHECK(readAll(dir.filePath(u"report.md"_s)).startsWith(u"# Securing the Internet for all"_s));
    for (const QString& to : {u"-"_s, u"/dev/stdout"_s, u"/dev/fd/1"_s, u"/proc/self/fd/1"_s}) {
        INFO(to.toStdString());
        const auto [csvExit, csvErr] = intoFile(u"csv"_s, u"report.csv"_s, to);
        CHECK(csvExit == 2);
        CHECK(csvErr.contains(u"file name"_s));
        CHECK(readAll(dir.filePath(u"report.csv"_s)).isEmpty());
    }
}

TEST_CASE("podium --export-report explains what is wrong and exits non-zero") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString session = writeSessionFile(dir);

    const Run unknown = runPodium({u"--export-report"_s, session, u"--format"_s, u"docx"_s, u"-o"_s,
                                   dir.filePath(u"r.docx"_s)});
    CHECK(unknown.exitCode == 2);
    CHECK(unknown.err.contains(u"docx"_s));
    // It said "Unknown report format “”" for the standard output named without a format.
    const Run unnamed = runPodium({u"--export-report"_s, session, u"-o"_s, u"-"_s});
    CHECK(unnamed.exitCode == 2);
    CHECK(unnamed.err.contains(u"--format"_s));
    CHECK_FALSE(unnamed.err.contains(u"“”"_s));

    const QString missing = dir.filePath(u"nothing-here.podium"_s);
    const Run unreadable = runPodium(
        {u"--export-report"_s, missing, u"--format"_s, u"md"_s, u"-o"_s, dir.filePath(u"r.md"_s)});
    CHECK(unreadable.exitCode == 1);
    CHECK(unreadable.err.contains(missing));
    CHECK_FALSE(QFile::exists(missing)); // reading a report never creates a session

    QFile junk(dir.filePath(u"junk.podium"_s));
    REQUIRE(junk.open(QIODevice::WriteOnly));
    junk.write("this is not a session file");
    junk.close();
    const Run corrupt = runPodium({u"--export-report"_s, junk.fileName(), u"--format"_s, u"md"_s,
                                   u"-o"_s, dir.filePath(u"r.md"_s)});
    CHECK(corrupt.exitCode == 1);
    CHECK_FALSE(corrupt.err.isEmpty());

    const QString nowhere = dir.filePath(u"no/such/dir/r.md"_s);
    const Run unwritable =
        runPodium({u"--export-report"_s, session, u"--format"_s, u"md"_s, u"-o"_s, nowhere});
    CHECK(unwritable.exitCode == 1);
    CHECK(unwritable.err.contains(nowhere));

    const Run nowhereSaid = runPodium({u"--export-report"_s, session});
    CHECK(nowhereSaid.exitCode == 2);
    CHECK(nowhereSaid.err.contains(u"-o FILE"_s));

    // The session file itself was overwritten by its own report, and lost.
    const auto bytesOf = [](const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray sessionBytes = bytesOf(session);
    REQUIRE_FALSE(sessionBytes.isEmpty());
    const Run overItself =
        runPodium({u"--export-report"_s, session, u"--format"_s, u"md"_s, u"-o"_s, session});
    CHECK(overItself.exitCode == 2);
    CHECK(overItself.err.contains(u"itself"_s));
    CHECK(bytesOf(session) == sessionBytes);
}

// A quota or a file size limit refused the report, and Podium said "Unknown error": its free-space
// check saw room on the disk. (The file size limit stands in for both.)
TEST_CASE("a report that no room is left for says so, and replaces nothing") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString session = writeSessionFile(dir);
    const QStringList oneKiB = {u"bash"_s, u"-c"_s,
                                u"trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\""_s};
    for (const QString& name : {u"r.html"_s, u"r.csv"_s}) {
        const QString out = dir.filePath(name);
        for (const QString& file : {out, dir.filePath(u"r-polls.csv"_s)}) {
            QFile earlier(file);
            REQUIRE(earlier.open(QIODevice::WriteOnly));
            earlier.write("an earlier export");
        }
        const Run refused = runPodium({u"--export-report"_s, session, u"-o"_s, out}, oneKiB);
        CHECK(refused.exitCode == 1);
        CHECK(refused.err.contains(u"Cannot write %1: there is no room for it"_s.arg(out)));
        CHECK_FALSE(refused.err.contains(u"Unknown error"_s));
        CHECK(readAll(out) == u"an earlier export"_s);
        CHECK(readAll(dir.filePath(u"r-polls.csv"_s)) == u"an earlier export"_s);
    }
}

// Started from a file manager or the launcher on a damaged file, Podium printed why to a
// terminal nobody sees and exited: the cockpit could not be started at all.
TEST_CASE(
    "a session that cannot be opened at start-up leaves the cockpit on the demo, saying why") {
    QTemporaryDir dir;
    QFile junk(dir.filePath(u"damaged.podium"_s));
    REQUIRE(junk.open(QIODevice::WriteOnly));
    junk.write("this is not a session file");
    junk.close();
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, dir.path());
    env.insert(u"XDG_RUNTIME_DIR"_s, dir.path());
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PODIUM_BINARY), {junk.fileName(), u"--quit-after-paint"_s});
    REQUIRE(p.waitForFinished(60'000));
    CHECK(p.exitCode() == 0);
    CHECK(QString::fromUtf8(p.readAllStandardOutput()).contains(u"first-paint-ns"_s));
    CHECK(QString::fromUtf8(p.readAllStandardError()).contains(junk.fileName()));
}

// Without a Devanagari font, Qt said "OpenType support missing…" some 18 times a report (and
// twice a second on a stage display): once now, with what it means. Where a font draws the script
// nothing is said at all.
TEST_CASE("a report in a script no font here draws says so once, not at every line") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(u"hindi.podium"_s);
    Harness h;
    auto created = SessionFile::create(path, scriptedPlan(), h.clock.nowMs());
    REQUIRE(created);
    std::unique_ptr<SessionFile> file = std::move(created).value();
    file->attach(h.engine);
    for (int i = 1; i <= 12; ++i) {
        const QString name = u"अनुराधा शर्मा %1"_s.arg(i);
        REQUIRE(h.run(Action::AddParticipant, {{u"name"_s, name}}));
        h.add(name);
        REQUIRE(h.run(Action::Next));
        h.clock.advance(30'000);
        REQUIRE(h.run(Action::EndSpeech));
    }
    file.reset(); // closed, as after the session
    const Run pdf = runPodium({u"--export-report"_s, path, u"-o"_s, dir.filePath(u"r.pdf"_s)});
    CHECK(pdf.exitCode == 0);
    CHECK(pdf.err.count(u"OpenType support missing"_s) <= 1);
}

TEST_CASE("a report of a rapporteur's file that a later join went on from names the newer copy") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString first = writeSessionFile(dir); // `--join … --session rap.podium`, first start
    const QString dataHome = dir.filePath(u"data"_s);
    const QString joined = dataHome + u"/Podium/podium/joined"_s;
    REQUIRE(QDir().mkpath(joined));
    const qint64 lastDone = SessionFile::open(first, OpenMode::View).value()->lastEventAt().value();
    const QString firstPath = QFileInfo(first).absoluteFilePath();
    const auto copyInLine = [&](const QString& name, const QString& origin, qint64 madeAt) {
        const QString path = joined + u"/"_s + name;
        auto from = SessionFile::open(first, OpenMode::View);
        REQUIRE(from);
        REQUIRE(from.value()->saveCopyAs(path));
        auto copy = SessionFile::open(path);
        REQUIRE(copy);
        REQUIRE(copy.value()->writeMetadata(
            {{u"joined_copied_from"_s, origin}, {u"joined_copied_at"_s, QString::number(madeAt)}}));
        REQUIRE(copy.value()->addNote(Note{0, 0, 0, NoteKind::Note, u"Written after a restart"_s}));
        return path;
    };
    const auto exportOf = [&](const QString& session) {
        return runPodium({u"--export-report"_s, session, u"-o"_s, dir.filePath(u"r.md"_s)}, {},
                         dataHome);
    };

    SECTION("a copy of another file's line is not named") {
        copyInLine(u"joined-20261205-100000-10.0.0.2.podium"_s, dir.filePath(u"other.podium"_s),
                   lastDone + 60'000);
        const Run run = exportOf(first);
        CHECK(run.exitCode == 0);
        CHECK_FALSE(run.err.contains(u"not the latest"_s));
    }
    SECTION("a copy made before the file went on is not named") {
        copyInLine(u"joined-20261205-100000-10.0.0.2.podium"_s, firstPath, lastDone - 60'000);
        const Run run = exportOf(first);
        CHECK(run.exitCode == 0);
        CHECK_FALSE(run.err.contains(u"not the latest"_s));
    }
    SECTION("the copy made from it at a later start is named, with what it holds") {
        const QString later =
            copyInLine(u"joined-20261205-100000-10.0.0.2.podium"_s, firstPath, lastDone + 60'000);
        const Run run = exportOf(first);
        CHECK(run.exitCode == 0); // the report asked for is written all the same
        CHECK(readAll(dir.filePath(u"r.md"_s)).startsWith(u"# Securing the Internet for all"_s));
        CHECK(run.err.contains(u"is not the latest of this session on this computer"_s));
        CHECK(run.err.contains(later));
        auto notesHere = SessionFile::open(first, OpenMode::View).value()->notes();
        REQUIRE(notesHere);
        CHECK(run.err.contains(u"%1 notes and"_s.arg(notesHere->size() + 1)));

        // The copy itself is the latest: its report says nothing more.
        const Run ofCopy = exportOf(later);
        CHECK(ofCopy.exitCode == 0);
        CHECK_FALSE(ofCopy.err.contains(u"not the latest"_s));
        CHECK(readAll(dir.filePath(u"r.md"_s)).contains(u"Written after a restart"_s));
    }
    SECTION("a host's clock an hour ahead of this computer's does not hide the later copy") {
        constexpr qint64 hostAhead = 3'600'000;
        REQUIRE(SessionFile::open(first).value()->writeMetadata(
            {{u"sync_hosted_clock_offset"_s, QString::number(hostAhead)}}));
        const QString later = copyInLine(u"joined-20261205-100000-10.0.0.2.podium"_s, firstPath,
                                         lastDone - hostAhead + 60'000);
        const Run run = exportOf(first);
        CHECK(run.err.contains(u"is not the latest of this session on this computer"_s));
        CHECK(run.err.contains(later));
    }
    SECTION("with a host's clock an hour behind, a copy made before the file went on is not "
            "named") {
        constexpr qint64 hostBehind = 3'600'000;
        REQUIRE(SessionFile::open(first).value()->writeMetadata(
            {{u"sync_hosted_clock_offset"_s, QString::number(-hostBehind)}}));
        copyInLine(u"joined-20261205-100000-10.0.0.2.podium"_s, firstPath,
                   lastDone + hostBehind - 60'000); // a minute before the last event, here
        const Run run = exportOf(first);
        CHECK(run.exitCode == 0);
        CHECK_FALSE(run.err.contains(u"not the latest"_s));
    }
}
