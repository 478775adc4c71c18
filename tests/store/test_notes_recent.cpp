#include <catch2/catch.hpp>

#include "plan/plan.h"
#include "store/recent_files.h"
#include "store/session_file.h"
#include "store_support.h"

#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <sys/stat.h>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

TEST_CASE("the rapporteur's notes are kept in the file, outside the event log") {
    Folder folder;
    const QString path = folder.file(u"notes.podium"_s);
    Id kept = 0;
    {
        auto file = createOrFail(path);
        auto first = file->addNote({0, 1000, 0, NoteKind::Note, u"Opening remarks"_s});
        REQUIRE(first);
        CHECK(first->id > 0);
        auto second = file->addNote({0, 2000, 3, NoteKind::KeyTakeaway, u"Trust needs data"_s});
        REQUIRE(second);
        kept = second->id;
        Note edited = second.value();
        edited.text = u"Trust needs open data"_s;
        edited.kind = NoteKind::CallToAction;
        REQUIRE(file->editNote(edited));
        REQUIRE(file->removeNote(first->id));
        CHECK(file->eventCount().value() == 1); // notes are never events
        Note gone = first.value();
        CHECK_FALSE(file->editNote(gone));
    }
    auto file = openOrFail(path);
    const auto notes = file->notes();
    REQUIRE(notes);
    REQUIRE(notes->size() == 1);
    CHECK(notes->first() ==
          Note{kept, 2000, 3, NoteKind::CallToAction, u"Trust needs open data"_s});
}

// Moved under another speech by the rapporteur, a note went back under the one it was typed in
// once the file was opened again: the file did not say it had been filed by hand.
TEST_CASE("a note filed by hand is kept so, a file of format 4 keeps its notes as filed, read "
          "or upgraded") {
    Folder folder;
    const QString path = folder.file(u"notes.podium"_s);
    {
        auto file = createOrFail(path);
        auto byTime = file->addNote({0, 1000, 2, NoteKind::Note, u"By its time"_s});
        REQUIRE(byTime);
        Note moved = byTime.value();
        moved.speechEntryId = 0;
        moved.filedByHand = true;
        REQUIRE(file->editNote(moved));
        REQUIRE(file->addNote({0, 2000, 3, NoteKind::Note, u"Filed by hand"_s, true}));
    }
    auto notes = openOrFail(path)->notes();
    REQUIRE(notes);
    REQUIRE(notes->size() == 2);
    CHECK(notes->at(0).filedByHand);
    CHECK(notes->at(0).speechEntryId == 0);
    CHECK(notes->at(1).filedByHand);

    // As an older Podium left it: no mark, and which were filed by hand is not known. Moved by
    // their times when opened, those would have gone back: all stay as filed.
    REQUIRE(rawExec(
        path, {u"ALTER TABLE notes DROP COLUMN filed_by_hand"_s, u"PRAGMA user_version = 4"_s}));
    notes = openOrFail(path, OpenMode::View)->notes();
    REQUIRE(notes);
    REQUIRE(notes->size() == 2);
    CHECK(notes->at(0).filedByHand);
    auto upgraded = openOrFail(path);
    CHECK(upgraded->schemaVersion() == 5);
    CHECK(upgraded->notes()->first().filedByHand);
    REQUIRE(upgraded->addNote({0, 3000, 0, NoteKind::Note, u"After the upgrade"_s}));
    CHECK_FALSE(upgraded->notes()->last().filedByHand);
}

TEST_CASE("recent files: newest first, once each, only those that still exist") {
    Folder folder;
    QSettings settings(folder.file(u"settings.ini"_s), QSettings::IniFormat);
    RecentFiles recent(settings, 3);
    QStringList paths;
    for (const QString& name : {u"a"_s, u"b"_s, u"c"_s, u"d"_s}) {
        paths << folder.file(name + u".podium"_s);
        writeBytes(paths.last(), "x");
    }
    CHECK(recent.mostRecent().isEmpty());
    CHECK(sessionPathToOpen({}, false, recent) == demoSessionPath());
    recent.add(paths[0]);
    recent.add(paths[1]);
    recent.add(paths[0]);
    CHECK(recent.files() == QStringList{paths[0], paths[1]});
    recent.add(paths[2]);
    recent.add(paths[3]);
    CHECK(recent.files() == QStringList{paths[3], paths[2], paths[0]});
    QFile::remove(paths[3]);
    CHECK(recent.mostRecent() == paths[2]);
    CHECK(sessionPathToOpen({}, false, recent) == paths[2]);
    CHECK(sessionPathToOpen({}, true, recent) == demoSessionPath());
    CHECK(sessionPathToOpen(paths[1], true, recent) == paths[1]);
    recent.remove(paths[2]);
    CHECK(recent.files() == QStringList{paths[0]});
}

TEST_CASE(
    "podium --demo FILE makes a new FILE the demo session, and a missing FILE alone is an error") {
    Folder folder;
    QSettings settings(folder.file(u"settings.ini"_s), QSettings::IniFormat);
    RecentFiles recent(settings, 3);
    const QString path = folder.file(u"mod.podium"_s);
    CHECK_FALSE(openStartupSession(path, false, recent, 1000));
    CHECK_FALSE(QFileInfo::exists(path));
    {
        auto created = openStartupSession(path, true, recent, 1000);
        REQUIRE(created);
        CHECK(created.value()->state().info.title == demoPlan().info.title);
    }
    CHECK(recent.mostRecent() == path);
    auto reopened = openStartupSession(path, false, recent, 2000);
    REQUIRE(reopened);
    CHECK(reopened.value()->state().lastSeq >= 1);
}

// Every start opens the most recent file and adds it to the list again: that must not rewrite
// the settings file, which QSettings replaces (a new file) and syncs to the disk.
TEST_CASE("recent files: opening the file that is first already leaves the settings file alone") {
    Folder folder;
    const QString ini = folder.file(u"settings.ini"_s);
    const QString session = folder.file(u"a.podium"_s);
    writeBytes(session, "x");
    const auto fileId = [&ini] {
        struct stat st {};
        return ::stat(QFile::encodeName(ini).constData(), &st) == 0 ? st.st_ino : ino_t(0);
    };
    {
        QSettings settings(ini, QSettings::IniFormat);
        RecentFiles(settings).add(session);
    }
    const ino_t written = fileId();
    REQUIRE(written != 0);
    {
        QSettings settings(ini, QSettings::IniFormat);
        RecentFiles recent(settings);
        recent.add(session);
        CHECK(recent.files() == QStringList{session});
    }
    CHECK(fileId() == written);
    {
        QSettings settings(ini, QSettings::IniFormat);
        RecentFiles(settings).add(folder.file(u"b.podium"_s)); // a change is written, of course
    }
    CHECK(fileId() != written);
}

// A scene played again on a used session found its timers running and stopped the program
// ("That timer is already running").
TEST_CASE("a demo scene starts on a fresh session each time, apart from the demo, and not "
          "while another Podium plays it") {
    QStandardPaths::setTestModeEnabled(true); // AppDataLocation under ~/.qttest, not the user's
    CHECK(demoScenePath() != demoSessionPath());
    {
        auto played = openFreshDemoScene(1000);
        REQUIRE(played);
        CHECK(played.value()->state().lastSeq == 1); // only its creation from the demo plan
        REQUIRE(played.value()->addNote({0, 1000, 0, NoteKind::Note, u"from that scene"_s}));
        auto meanwhile = openFreshDemoScene(2000);
        REQUIRE_FALSE(meanwhile);
        CHECK_FALSE(meanwhile.error().isEmpty());
        auto notes = played.value()->notes();
        REQUIRE(notes);
        CHECK(notes.value().size() == 1); // the refused start dropped nothing
    }
    auto again = openFreshDemoScene(3000);
    REQUIRE(again);
    CHECK(again.value()->state().lastSeq == 1);
    CHECK(again.value()->notes().value().isEmpty());

    // Never a recent file: a plain start would reopen a scene frozen mid-way.
    Folder folder;
    QSettings settings(folder.file(u"settings.ini"_s), QSettings::IniFormat);
    RecentFiles recent(settings);
    recent.add(demoScenePath());
    CHECK(recent.files().isEmpty());
}

// A second `podium` on a laptop whose Podium had the last file and the demo open ended with no
// window, its reason on a terminal a launcher never shows.
TEST_CASE("a second cockpit opens the last file for viewing when another has it and the demo "
          "open, and the demo when only the last file is taken") {
    QStandardPaths::setTestModeEnabled(true);
    Folder folder;
    QSettings settings(folder.file(u"settings.ini"_s), QSettings::IniFormat);
    RecentFiles recent(settings);
    const QString mine = folder.file(u"mine.podium"_s);
    auto first = openStartupSession(mine, true, recent, 1000); // made from the demo plan
    REQUIRE(first);
    REQUIRE(recent.mostRecent() == QFileInfo(mine).absoluteFilePath());
    {
        auto demo = openStartupSession({}, true, recent, 1000);
        REQUIRE(demo);
        recent.add(mine);
        auto second = openCockpitSession({}, false, recent, 2000);
        REQUIRE(second);
        CHECK(second->file->path() == QFileInfo(mine).absoluteFilePath());
        CHECK(second->asked == second->file->path());
        CHECK(second->file->isReadOnly());
        CHECK(second->notOpened.contains(u"already open in another Podium"_s));
    }
    recent.add(mine);
    {
        auto second = openCockpitSession({}, false, recent, 3000);
        REQUIRE(second);
        CHECK(second->file->path() == demoSessionPath());
        // What was asked for is named, not the demo that opened instead: the window offered
        // the demo "for viewing only", and the damaged file no salvage.
        CHECK(second->asked == QFileInfo(mine).absoluteFilePath());
        CHECK_FALSE(second->file->isReadOnly());
        CHECK_FALSE(second->notOpened.isEmpty());
        // And it is still the file the next start opens: after the second window, opened by
        // mistake, and closed, Podium came back to the demo.
        CHECK(recent.mostRecent() == QFileInfo(mine).absoluteFilePath());
        CHECK(second->heldElsewhere);
    }
    first = Result<std::unique_ptr<SessionFile>>::failure(u"closed"_s);
    recent.add(mine);
    auto alone = openCockpitSession({}, false, recent, 4000); // nothing taken: nothing to say
    REQUIRE(alone);
    CHECK(alone->file->path() == QFileInfo(mine).absoluteFilePath());
    CHECK_FALSE(alone->file->isReadOnly());
    CHECK(alone->notOpened.isEmpty());
}
