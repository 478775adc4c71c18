#include <catch2/catch.hpp>

#include "cockpit.h"
#include "file_menu.h"
#include "main_window.h"
#include "model/codec.h"
#include "plan/plan.h"
#include "report/report_menu.h"
#include "save_path.h"
#include "session_files.h"
#include "ui_support.h"

#include <QAction>
#include <QApplication>
#include <QCborArray>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <functional>
#include <memory>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

qsizetype eventsIn(const QString& path) {
    auto file = SessionFile::open(path, OpenMode::View);
    REQUIRE(file);
    auto events = file.value()->events();
    REQUIRE(events);
    return events->size();
}

Result<Event> say(SessionEngine& engine, const QString& text) {
    return engine.execute(Command{
        newCommandId(), {}, Authority::Moderator, Action::SetStageMessage, {{u"text"_s, text}}});
}

// 4 KiB of bytes that are no database.
void writeJunk(const QString& path) {
    QFile bad(path);
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write(QByteArray(4096, 'x'));
}

// The cockpit's window over a session file `name` of its own, in a temporary folder.
struct WindowOnFile {
    TemporarySettings settings;
    QTemporaryDir dir;
    SystemClock clock;
    SessionEngine engine{clock};
    SessionFiles files{engine};
    Cockpit cockpit{engine};
    std::unique_ptr<MainWindow> window; // made once the cockpit has its files, as in the app

    explicit WindowOnFile(const QString& name) {
        REQUIRE(files.createFromPlan(crowdPlan(), dir.filePath(name)));
        cockpit.setFiles(&files);
        window = std::make_unique<MainWindow>(cockpit);
    }
    FileMenu* menu() const { return window->findChild<FileMenu*>(); }
};

} // namespace

TEST_CASE("File menu sessions: new, save as and open switch the file every action is kept in") {
    useTemporarySettings();
    QTemporaryDir dir;
    const QString first = dir.filePath(u"first.podium"_s);
    const QString copy = dir.filePath(u"copy.podium"_s);
    FakeClock clock;
    SessionEngine engine(clock);
    SessionFiles files(engine);
    QSignalSpy switched(&files, &SessionFiles::fileChanged);

    REQUIRE(files.createFromPlan(crowdPlan(), first));
    CHECK(switched.size() == 1);
    CHECK(engine.state().info.title == crowdPlan().info.title);
    REQUIRE(say(engine, u"in the first file"_s));
    const qsizetype inFirst = eventsIn(first);

    // Save as: the copy holds everything so far, and work goes on in the copy only.
    REQUIRE(files.saveAs(copy));
    CHECK(files.current()->path() == copy);
    REQUIRE(say(engine, u"in the copy"_s));
    CHECK(eventsIn(copy) == inFirst + 1);
    CHECK(eventsIn(first) == inFirst);
    CHECK(files.recentFiles().value(0).endsWith(u"copy.podium"_s));

    // Open the first again: its state is shown, and it is first in the recent list.
    REQUIRE(files.open(first));
    CHECK(engine.state().stageMessage == u"in the first file"_s);
    CHECK(files.recentFiles().value(0).endsWith(u"first.podium"_s));

    // A new session never overwrites a file that exists.
    auto clash = files.createFromPlan(crowdPlan(), copy);
    REQUIRE_FALSE(clash);
    CHECK_FALSE(clash.error().isEmpty());
    CHECK(eventsIn(copy) == inFirst + 1);
    CHECK(files.current()->path() == first);
}

// Set only when the menu was shown, the actions' keys stayed live: a joined seat's Ctrl+O left
// the host's session without a word.
TEST_CASE("File → New, Open and Save As are greyed, keys included, while the seat follows a host") {
    WindowOnFile w(u"own.podium"_s);
    auto& [settings, dir, clock, engine, files, cockpit, shown] = w;
    MainWindow& window = *shown;
    auto* open = window.findChild<QAction*>(u"openAction"_s);
    auto* saveAs = window.findChild<QAction*>(u"saveAsAction"_s);
    REQUIRE(open);
    REQUIRE(saveAs);
    CHECK(open->isEnabled());
    CHECK(saveAs->isEnabled());

    engine.setForwarder([](const Command&) {}); // joined
    CHECK_FALSE(open->isEnabled());
    CHECK_FALSE(window.findChild<QAction*>(u"newFromPlanAction"_s)->isEnabled());
    CHECK_FALSE(window.findChild<QAction*>(u"newSessionAction"_s)->isEnabled());
    CHECK_FALSE(saveAs->isEnabled());
    CHECK(open->toolTip().contains(u"Disconnect first"_s)); // said at the foot for its key

    // Left alone in the joined session's copy: another file may be opened, but Save As would
    // copy the window's file, not the session shown.
    engine.setForwarder({});
    SessionState joined = engine.state();
    joined.sessionId = u"the host's session"_s;
    engine.reset(joined);
    CHECK(open->isEnabled());
    CHECK(open->toolTip() == open->text().remove(u'&'));
    CHECK_FALSE(saveAs->isEnabled());
    CHECK(saveAs->toolTip().contains(u"Open recent lists it"_s));
}

// After Disconnect the window shows the joined session's copy: opening its own file, which is
// still open behind it, did nothing.
TEST_CASE("opening the window's own file shows it again when a joined session is shown instead") {
    useTemporarySettings();
    QTemporaryDir dir;
    FakeClock clock;
    SessionEngine engine(clock);
    SessionFiles files(engine);
    const QString own = dir.filePath(u"own.podium"_s);
    REQUIRE(files.createFromPlan(crowdPlan(), own));
    REQUIRE(say(engine, u"mine"_s));
    SessionState joined = engine.state();
    joined.sessionId = u"the host's session"_s;
    joined.stageMessage = u"the host's"_s;
    engine.reset(joined);
    QSignalSpy switched(&files, &SessionFiles::fileChanged);
    REQUIRE(files.open(own));
    CHECK(engine.state().stageMessage == u"mine"_s);
    CHECK(switched.size() == 1);
    REQUIRE(files.open(own)); // already shown: nothing to do
    CHECK(switched.size() == 1);
}

// Save As is the same session in a new file, work going on: Undo was greyed out after it.
TEST_CASE("Save As keeps the steps to undo, and they are undone in the copy") {
    useTemporarySettings();
    QTemporaryDir dir;
    FakeClock clock;
    SessionEngine engine(clock);
    SessionFiles files(engine);
    Cockpit cockpit(engine);
    REQUIRE(files.createFromPlan(crowdPlan(), dir.filePath(u"first.podium"_s)));
    cockpit.run(Action::SetStageMessage, {{u"text"_s, u"Please wrap up"_s}}, u"message"_s);
    REQUIRE(engine.state().stageMessage == u"Please wrap up"_s);

    const QString copy = dir.filePath(u"copy.podium"_s);
    REQUIRE(files.saveAs(copy));
    REQUIRE(cockpit.undoStack().canUndo());
    cockpit.undoStack().undo();
    CHECK(engine.state().stageMessage.isEmpty());
    CHECK(eventsIn(copy) == eventsIn(dir.filePath(u"first.podium"_s)) + 1);

    // Another session is another story: its steps start afresh.
    REQUIRE(cockpit.undoStack().canRedo());
    REQUIRE(files.open(dir.filePath(u"first.podium"_s)));
    CHECK_FALSE(cockpit.undoStack().canRedo());
    CHECK_FALSE(cockpit.undoStack().canUndo());
}

TEST_CASE("the window's title names the file being written, also after Save As") {
    // Both copies hold the same session under the same title: only the file tells them apart.
    useTemporarySettings();
    QTemporaryDir dir;
    FakeClock clock;
    SessionEngine engine(clock);
    SessionFiles files(engine);
    REQUIRE(files.createFromPlan(crowdPlan(), dir.filePath(u"first.podium"_s)));
    Cockpit cockpit(engine);
    cockpit.setFiles(&files);
    MainWindow w(cockpit);
    CHECK(w.windowTitle().contains(u"first.podium"_s));
    CHECK(w.windowTitle().contains(crowdPlan().info.title));
    REQUIRE(files.saveAs(dir.filePath(u"copy.podium"_s)));
    CHECK(w.windowTitle().contains(u"copy.podium"_s));
    CHECK_FALSE(w.windowTitle().contains(u"first.podium"_s));
}

TEST_CASE("opening a damaged file says why and keeps the session that was open") {
    useTemporarySettings();
    QTemporaryDir dir;
    const QString good = dir.filePath(u"good.podium"_s);
    const QString junk = dir.filePath(u"junk.podium"_s);
    writeJunk(junk);
    FakeClock clock;
    SessionEngine engine(clock);
    SessionFiles files(engine);
    REQUIRE(files.createFromPlan(crowdPlan(), good));
    REQUIRE(say(engine, u"still here"_s));
    const QByteArray before = codec::digest(engine.state());

    auto opened = files.open(junk);
    REQUIRE_FALSE(opened);
    CHECK_FALSE(opened.error().isEmpty());
    CHECK(files.current()->path() == good);
    CHECK(codec::digest(engine.state()) == before);
    REQUIRE(say(engine, u"and still kept"_s)); // the good file still takes every action
    CHECK(eventsIn(good) >= 3);
    QFile after(junk);
    REQUIRE(after.open(QIODevice::ReadOnly));
    CHECK(after.readAll() == QByteArray(4096, 'x')); // never overwritten
}

TEST_CASE("a file a damaged event keeps from opening is offered to carry on in its sound part, "
          "which is then the file open here") {
    useTemporarySettings();
    QTemporaryDir dir;
    const QString talk = dir.filePath(u"talk.podium"_s);
    FakeClock clock;
    SessionEngine engine(clock);
    SessionFiles files(engine);
    REQUIRE(files.createFromPlan(crowdPlan(), talk));
    for (const QString& text : {u"one"_s, u"two"_s, u"three"_s})
        REQUIRE(say(engine, text));
    REQUIRE(files.createFromPlan(crowdPlan(), dir.filePath(u"other.podium"_s)));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damage"_s);
        db.setDatabaseName(talk);
        REQUIRE(db.open());
        REQUIRE(QSqlQuery(db).exec(u"UPDATE events SET at = at + 1 WHERE seq = 4"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"damage"_s);

    QWidget window;
    const auto opened = files.open(talk);
    REQUIRE_FALSE(opened);
    sayWhyNotOpened(window, files, talk, opened.error());
    auto* box = window.findChild<QMessageBox*>(u"notOpenedBox"_s);
    REQUIRE(box);
    CHECK(box->informativeText().contains(u"talk-salvaged.podium"_s));
    auto* carryOn = box->findChild<QPushButton*>(u"salvageButton"_s);
    REQUIRE(carryOn);
    // Joined meanwhile (podium --join): not while this seat follows a host.
    engine.setForwarder([](const Command&) {});
    const auto whileJoined = files.salvage(talk);
    REQUIRE_FALSE(whileJoined);
    CHECK(whileJoined.error().contains(u"Disconnect first"_s));
    CHECK_FALSE(QFileInfo::exists(dir.filePath(u"talk-salvaged.podium"_s)));
    engine.setForwarder({});
    carryOn->click();
    CHECK(files.current()->path() == dir.filePath(u"talk-salvaged.podium"_s));
    CHECK(engine.state().lastSeq == 3);
    CHECK(engine.state().stageMessage == u"two"_s);
    REQUIRE(say(engine, u"goes on"_s)); // the new file takes every action
    CHECK(eventsIn(files.current()->path()) == 4);
}

TEST_CASE("a file that is not a session is not offered for salvage") {
    useTemporarySettings();
    QTemporaryDir dir;
    const QString junk = dir.filePath(u"junk.podium"_s);
    writeJunk(junk);
    FakeClock clock;
    SessionEngine engine(clock);
    SessionFiles files(engine);
    QWidget window;
    sayWhyNotOpened(window, files, junk, files.open(junk).error());
    auto* box = window.findChild<QMessageBox*>(u"notOpenedBox"_s);
    REQUIRE(box);
    CHECK(box->text().contains(u"not a Podium session file"_s));
    CHECK_FALSE(box->findChild<QPushButton*>(u"salvageButton"_s));
}

TEST_CASE("a session that can only be viewed says so from the start") {
    useTemporarySettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"kept.podium"_s);
    FakeClock clock;
    {
        SessionEngine engine(clock);
        SessionFiles files(engine);
        REQUIRE(files.createFromPlan(crowdPlan(), path));
    }
    QFile(path).setPermissions(QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    SessionEngine engine(clock);
    SessionFiles files(engine);
    REQUIRE(files.open(path));
    REQUIRE(files.current()->isReadOnly());
    Cockpit cockpit(engine);
    cockpit.setFiles(&files);
    MainWindow w(cockpit);
    auto* notice = w.findChild<QLabel*>(u"readOnlyNotice"_s);
    REQUIRE(notice);
    CHECK_FALSE(notice->isHidden()); // before any action was refused
    CHECK(notice->text().contains(u"read-only"_s));
    CHECK(w.windowTitle().contains(u"(read-only)"_s));
    // Its controls are disabled, not refused one by one in the status bar.
    CHECK_FALSE(cockpit.canControl());
    CHECK_FALSE(w.findChild<QLineEdit*>(u"quickAdd"_s)->isVisibleTo(&w)); // as the rapporteur's
    CHECK_FALSE(w.findChild<QLineEdit*>(u"stageMessage"_s)->isEnabled());
    // A key that still acts (F9, the session clock) is refused by the file, in red...
    w.show();
    QTest::keyClick(&w, Qt::Key_F9);
    auto* refused = w.findChild<QLabel*>(u"noticeLine"_s);
    REQUIRE(refused);
    CHECK(refused->isVisibleTo(&w));
    CHECK(refused->text().contains(u"read-only"_s));
    // Save As to a folder that can be written continues in a writable copy...
    QTemporaryDir writable;
    REQUIRE(files.saveAs(writable.filePath(u"copy.podium"_s)));
    CHECK(cockpit.canControl());
    // ...where that refusal is no longer true: it stayed through a whole joined session.
    CHECK_FALSE(refused->isVisibleTo(&w));
    CHECK(w.findChild<QLineEdit*>(u"quickAdd"_s)->isVisibleTo(&w));
    CHECK(w.findChild<QLineEdit*>(u"stageMessage"_s)->isEnabled());
    QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

// After space was freed and later changes were saved, "The disk is full: the latest change was
// not saved" stood alone: the moderator could believe those lost too.
TEST_CASE("a refusal for a full disk says when the session is saved again") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    FillingJournal disk;
    disk.full = true;
    h.engine.setJournal(&disk);
    CHECK_FALSE(h.cockpit.run(Action::SetStageMessage, {{u"text"_s, u"Wrap up"_s}}, u"Msg"_s));
    auto* notice = w.findChild<QLabel*>(u"noticeLine"_s);
    REQUIRE(notice);
    CHECK(notice->text().contains(u"The disk is full"_s));
    CHECK_FALSE(notice->text().contains(u"Saved again"_s));
    disk.full = false; // space freed
    REQUIRE(h.cockpit.run(Action::SetStageMessage, {{u"text"_s, u"Wrap up"_s}}, u"Msg"_s));
    CHECK(notice->text().contains(u"The disk is full"_s)); // kept, with what is now
    CHECK(notice->text().contains(u"Saved again from"_s));
    h.engine.setJournal(nullptr);
}

// Save As and Open started wherever Podium was launched from (from a terminal, the source tree;
// from the launcher, the home folder).
TEST_CASE("file dialogs start where the last file was chosen, else in the documents folder") {
    useTemporarySettings();
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString first = usualFolder();
    CHECK((first == documents || first == QDir::homePath()));
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    rememberFolderOf(dir.filePath(u"workshop.podium"_s));
    CHECK(usualFolder() == dir.path());
    rememberFolderOf(dir.filePath(u"mistyped/new.podium"_s)); // refused: no such folder
    CHECK(usualFolder() == dir.path());
    dir.remove(); // a folder since removed (a stick taken out) is not offered
    CHECK(usualFolder() == first);
}

TEST_CASE("a file name typed without its suffix gets it") {
    CHECK(withFileSuffix(u"/tmp/copy"_s, u"podium"_s) == u"/tmp/copy.podium"_s);
    CHECK(withFileSuffix(u"/tmp/copy.podium"_s, u"podium"_s) == u"/tmp/copy.podium"_s);
    CHECK(withFileSuffix(u"/tmp/Copy.PODIUM"_s, u"podium"_s) == u"/tmp/Copy.PODIUM"_s);
    CHECK(withFileSuffix(u"/tmp/plan.v2"_s, u"json"_s) == u"/tmp/plan.v2.json"_s);
    CHECK(withFileSuffix(QString(), u"json"_s).isEmpty()); // a cancelled dialog stays cancelled
}

// A name typed without its suffix got it after the dialog had checked for a file to replace:
// NAME.podium was replaced without a question.
TEST_CASE("a save dialog asks before replacing NAME.podium when NAME is typed") {
    QTemporaryDir dir;
    const QString victim = dir.filePath(u"victim.podium"_s);
    QFile(victim).open(QIODevice::WriteOnly);
    QString asked;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        CHECK(dialog);
        if (!dialog)
            return;
        dialog->setOption(QFileDialog::DontUseNativeDialog);
        dialog->selectFile(dir.filePath(u"victim"_s));
        answerNextQuestion(QMessageBox::No, &asked);
        QMetaObject::invokeMethod(dialog, "accept"); // asks, and stays open on No
        dialog->reject();
    });
    const QString chosen = askSavePath(nullptr, u"Save session as"_s, dir.path(),
                                       u"Podium sessions (*.podium)"_s, u"podium"_s);
    CHECK(asked.contains(u"victim.podium"_s));
    CHECK(chosen.isEmpty());
}

TEST_CASE("a suffix added after the dialog asks before it replaces a file") {
    QTemporaryDir dir;
    const QString plan = dir.filePath(u"plan.v2.json"_s);
    QFile(plan).open(QIODevice::WriteOnly);
    const QString typed = dir.filePath(u"plan.v2"_s); // the dialog adds nothing to "v2"
    QString asked;
    answerNextQuestion(QMessageBox::No, &asked);
    CHECK(confirmedSavePath(nullptr, typed, u"json"_s).isEmpty());
    CHECK(asked.contains(u"plan.v2.json"_s));
    answerNextQuestion(QMessageBox::Yes, &asked);
    CHECK(confirmedSavePath(nullptr, typed, u"json"_s) == plan);
    CHECK(confirmedSavePath(nullptr, dir.filePath(u"fresh"_s), u"json"_s) ==
          dir.filePath(u"fresh.json"_s)); // nothing to replace: no question
}

// A plan saved as "plan.json" proposed a session file "plan.podium": the title names it now.
TEST_CASE("a new session from a plan is proposed under the plan's title") {
    WindowOnFile w(u"own.podium"_s);
    Plan plan = crowdPlan();
    plan.info.title = u"WS #7: Open/Data"_s;
    const QString planPath = w.dir.filePath(u"plan.json"_s);
    QFile planFile(planPath);
    REQUIRE(planFile.open(QIODevice::WriteOnly));
    planFile.write(planToJson(plan));
    planFile.close();
    QString proposed;
    const auto answer = [&](const std::function<void(QFileDialog&)>& with) {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        CHECK(dialog); // no throwing out of the dialog's event loop
        if (dialog)
            with(*dialog);
    };
    QTimer::singleShot(0, [&] {
        answer([&](QFileDialog& open) {
            open.selectFile(planPath);
            QTimer::singleShot(0, [&] {
                answer([&](QFileDialog& save) {
                    proposed = QFileInfo(save.selectedFiles().value(0)).fileName();
                    save.reject();
                });
            });
            QMetaObject::invokeMethod(&open, "accept");
        });
    });
    w.window->findChild<QAction*>(u"newFromPlanAction"_s)->trigger();
    CHECK(proposed == u"WS 7 Open Data.podium"_s);
    CHECK(w.files.current()->path() == w.dir.filePath(u"own.podium"_s)); // cancelled: unchanged
}

// New from plan asked "replace?", and then refused with "already exists": the plan had to be
// picked again. The file replaced goes to the trash; never the session open, here or elsewhere.
TEST_CASE("a new session from a plan replaces a file the user chose to, by way of the trash") {
    useTemporarySettings();
    QTemporaryDir dir;
    const QString old = dir.filePath(u"old.podium"_s);
    QString oldSession;
    {
        auto made = SessionFile::create(old, crowdPlan(), 0);
        REQUIRE(made);
        oldSession = made.value()->sessionId();
    }
    FakeClock clock;
    SessionEngine engine(clock);
    SessionFiles files(engine);
    REQUIRE(files.createFromPlan(crowdPlan(), old, true));
    CHECK(files.current()->sessionId() != oldSession);
    // In the trash, with where it came from (the tests' own data folder: QStandardPaths test mode).
    QDir trash(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
               u"/Trash/info"_s);
    const QStringList trashed =
        trash.entryList({u"old.podium*.trashinfo"_s}, QDir::Files, QDir::Time);
    REQUIRE_FALSE(trashed.isEmpty());
    QFile info(trash.filePath(trashed.first()));
    CHECK(info.open(QIODevice::ReadOnly));
    CHECK(QString::fromUtf8(info.readAll()).contains(old));
    info.close();
    QString inTrash = trashed.first();
    inTrash.chop(qsizetype(sizeof(".trashinfo") - 1));
    QFile::remove(trash.filePath(u"../files/"_s + inTrash)); // the test leaves no trash behind
    QFile::remove(info.fileName());

    const auto here = files.createFromPlan(crowdPlan(), old, true); // the session open here
    REQUIRE_FALSE(here);
    CHECK(here.error().contains(u"open here"_s));

    const QString elsewhere = dir.filePath(u"elsewhere.podium"_s);
    auto open = SessionFile::create(elsewhere, crowdPlan(), 0); // another Podium has it open
    REQUIRE(open);
    const auto refused = files.createFromPlan(crowdPlan(), elsewhere, true);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().contains(u"already open in another Podium"_s));
    CHECK(QFile::exists(elsewhere));
}

// A rapporteur writing up the day after: the last speaker was left on the floor, and the report
// counted a 24-hour speech (every figure of the balance with it).
namespace {

// A session file left with a speaker on the floor (and the session clock running, if asked):
// when its last event happened.
qint64 leftSpeaking(const QString& path, FakeClock& clock, bool sessionClockRuns = false) {
    SessionEngine engine(clock);
    SessionFiles files(engine);
    REQUIRE(files.createFromPlan(crowdPlan(), path));
    const auto run = [&](Action action, const QCborMap& args) {
        REQUIRE(engine.execute(Command{newCommandId(), {}, Authority::Moderator, action, args}));
    };
    if (sessionClockRuns)
        run(Action::StartTimer, {{u"timer"_s, u"session"_s}});
    run(Action::AddEntry, {{u"participant"_s, engine.state().participants.first().id}});
    clock.advance(5'000);
    run(Action::Next, {});
    return clock.nowMs();
}

} // namespace

TEST_CASE("the report of a file opened after the session closes what still ran at its last event") {
    useTemporarySettings();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"session.podium"_s);
    FakeClock clock;
    const qint64 lastEvent = leftSpeaking(path, clock);
    clock.advance(24 * 60 * 60'000);
    SessionEngine engine(clock);
    SessionFiles files(engine);
    Cockpit cockpit(engine);
    cockpit.setFiles(&files);
    REQUIRE(files.open(path));
    REQUIRE(engine.state().floor);
    CHECK(cockpit.reportTime() == lastEvent);
    CHECK(currentReport(cockpit, {}).generatedAt == clock.nowMs()); // made now, all the same

    // Hosting or joined, the session goes on with the others: now, before any event comes.
    cockpit.setShared(true);
    CHECK(cockpit.reportTime() == clock.nowMs());
    cockpit.setShared(false);

    // The session goes on here: what runs, runs until now.
    REQUIRE(say(engine, u"Please wrap up"_s));
    CHECK(cockpit.reportTime() == clock.nowMs());
}

// Restarted mid-speech, the timeline and the report stood at the last action while the
// speaker's countdown ran on.
TEST_CASE("a session taken up again after a restart is reported up to now") {
    useTemporarySettings();
    QTemporaryDir dir;
    FakeClock clock;
    struct Reopened {
        SessionEngine engine;
        SessionFiles files{engine};
        Cockpit cockpit{engine};
        Reopened(FakeClock& clock, const QString& path)
            : engine(clock) {
            cockpit.setFiles(&files);
            REQUIRE(files.open(path));
        }
    };
    // How far past its last action the report counts, opened `ms` after it.
    const auto reopenedAfter = [&](const QString& name, qint64 ms, bool sessionClockRuns) {
        const QString path = dir.filePath(name);
        const qint64 lastEvent = leftSpeaking(path, clock, sessionClockRuns);
        clock.advance(ms);
        return Reopened(clock, path).cockpit.reportTime() - lastEvent;
    };
    CHECK(reopenedAfter(u"a.podium"_s, 2 * 60'000, false) == 2 * 60'000);
    // A long speech, with the session's time still running within its plan (crowdPlan: 90 min).
    CHECK(reopenedAfter(u"b.podium"_s, 40 * 60'000, true) == 40 * 60'000);
    // Past the plan, and long after: the session is over, however its clocks were left.
    CHECK(reopenedAfter(u"c.podium"_s, 120 * 60'000, true) == 0);
    CHECK(reopenedAfter(u"d.podium"_s, 40 * 60'000, false) == 0);

    // Decided once: an hour on with no action, it still counts to now (it went back to the
    // last action ten minutes after it).
    const QString path = dir.filePath(u"e.podium"_s);
    leftSpeaking(path, clock);
    clock.advance(60'000);
    Reopened again(clock, path);
    REQUIRE(again.cockpit.reportTime() == clock.nowMs());
    clock.advance(60 * 60'000);
    CHECK(again.cockpit.reportTime() == clock.nowMs());
}

// Only a plan made a session: an organizer with none yet had to write one by hand first.
TEST_CASE("File → New session makes an empty session named after its file, and asks its details") {
    WindowOnFile w(u"before.podium"_s);
    auto& [settings, dir, clock, engine, files, cockpit, shown] = w;
    MainWindow& window = *shown;
    FileMenu* menu = w.menu();
    REQUIRE(menu);
    const QKeySequence newKeys = QKeySequence::New;
    CHECK(child<QAction>(window, u"newSessionAction"_s)->shortcut() == newKeys);

    bool asked = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        asked = true;
        CHECK(dialog->findChild<QLineEdit*>(u"detailsTitle"_s)->text() == u"IGF workshop 42"_s);
        dialog->findChild<QLineEdit*>(u"detailsRoom"_s)->setText(u"Room C"_s);
        dialog->accept();
    });
    const QString path = dir.filePath(u"IGF workshop 42.podium"_s);
    menu->startSession(path);
    CHECK(asked);
    REQUIRE(files.current());
    CHECK(files.current()->path() == path);
    CHECK(engine.state().info.title == u"IGF workshop 42"_s);
    CHECK(engine.state().info.room == u"Room C"_s);
    CHECK(engine.state().participants.isEmpty());
    CHECK(engine.state().segments.isEmpty());
    auto reopened = SessionFile::open(path, OpenMode::View);
    REQUIRE(reopened);
    CHECK(reopened.value()->state().info.room == u"Room C"_s);
}

// A refusal said in red of one session stayed at the window's foot after another was opened.
TEST_CASE("a notice of one session goes when another session is opened, not when it is saved") {
    WindowOnFile w(u"before.podium"_s);
    auto& [settings, dir, clock, engine, files, cockpit, shown] = w;
    MainWindow& window = *shown;
    emit cockpit.notice(u"Not connected to the host right now"_s);
    auto* notice = child<QLabel>(window, u"noticeLine"_s);
    CHECK(notice->isVisibleTo(&window));
    REQUIRE(files.saveAs(dir.filePath(u"copy.podium"_s))); // the same session, on
    CHECK(notice->isVisibleTo(&window));
    REQUIRE(files.createFromPlan(crowdPlan(), dir.filePath(u"other.podium"_s)));
    CHECK_FALSE(notice->isVisibleTo(&window));
}

// A rehearsal's file held its speeches and queue: the real session began from an exported plan,
// two menus and two dialogs away.
TEST_CASE("File → Start over makes a new session of this one's plan, and leaves this one be") {
    WindowOnFile w(u"rehearsal.podium"_s);
    auto& [settings, dir, clock, engine, files, cockpit, shown] = w;
    MainWindow& window = *shown;
    FileMenu* menu = w.menu();
    REQUIRE(menu);
    CHECK(child<QAction>(window, u"startOverAction"_s)->isEnabled());
    const auto run = [&](Action action, const QCborMap& args) {
        return engine.execute(Command{newCommandId(), {}, Authority::Moderator, action, args});
    };
    REQUIRE(run(Action::AddEntry, {{u"participant"_s, engine.state().participants[0].id}}));
    REQUIRE(run(Action::Next, {}));
    REQUIRE(run(Action::CreatePoll,
                {{u"question"_s, u"Useful?"_s}, {u"options"_s, QCborArray{u"Yes"_s, u"No"_s}}}));
    REQUIRE(run(Action::OpenPoll, {{u"poll"_s, engine.state().polls[0].id}}));
    const SessionState rehearsed = engine.state();
    const QString rehearsal = files.current()->path();

    const QString path = dir.filePath(u"real.podium"_s);
    menu->startOverIn(path);
    REQUIRE(files.current());
    CHECK(files.current()->path() == path);
    const SessionState& fresh = engine.state();
    CHECK(fresh.sessionId != rehearsed.sessionId);
    CHECK(fresh.info == rehearsed.info);
    CHECK(fresh.participants.size() == rehearsed.participants.size());
    CHECK(fresh.segments.size() == rehearsed.segments.size());
    CHECK_FALSE(fresh.floor);
    CHECK(fresh.queue.isEmpty());
    CHECK(fresh.speeches.isEmpty());
    REQUIRE(fresh.polls.size() == 1);
    CHECK(fresh.polls[0].status == PollStatus::Draft); // to open again, on the day

    auto kept = SessionFile::open(rehearsal, OpenMode::View);
    REQUIRE(kept);
    CHECK(kept.value()->state().floor); // the rehearsal as it was
}
