#include <catch2/catch.hpp>

#include "cockpit.h"
#include "commands/compensation.h"
#include "docks/notes_dock.h"
#include "docks/notes_model.h"
#include "fixtures.h"
#include "main_window.h"
#include "store/session_file.h"
#include "ui_support.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QFont>
#include <QInputMethodEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// A session kept in a real session file, with a notes dock over it.
struct NotesHarness {
    TemporarySettings settings; // the note being typed is kept there
    QTemporaryDir dir;
    FakeClock clock;
    SessionEngine engine{clock};
    std::unique_ptr<SessionFile> file;
    std::unique_ptr<Cockpit> cockpit;
    std::unique_ptr<NotesDock> dock;

    NotesHarness() {
        auto created = SessionFile::create(path(), crowdPlan(), clock.nowMs());
        REQUIRE(created);
        file = std::move(created).value();
        file->attach(engine);
        cockpit = std::make_unique<Cockpit>(engine);
        dock = std::make_unique<NotesDock>(*cockpit);
        dock->ensureBuilt();
        dock->setSessionFile(file.get());
    }
    QString path() const { return dir.filePath(u"notes.podium"_s); }
    // The dock on its own, shown and active: keys go where the focus is.
    void showActive() {
        dock->show();
        dock->activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(dock.get()));
    }

    Id call(const QString& name) {
        const Participant* p = nullptr;
        for (const Participant& x : engine.state().participants) {
            if (x.name == name)
                p = &x;
        }
        REQUIRE(p);
        REQUIRE(cockpit->submit(Action::AddEntry, {{u"participant"_s, p->id}}));
        REQUIRE(cockpit->submit(Action::Next));
        return engine.state().floor->entry.id;
    }
    QLineEdit* field() const { return child<QLineEdit>(*dock, u"noteText"_s); }
    QComboBox* kindBox() const { return child<QComboBox>(*dock, u"noteKind"_s); }
    QLabel* speechLabel() const { return child<QLabel>(*dock, u"noteSpeech"_s); }
    void type(const QString& text) {
        QLineEdit* edit = field();
        edit->setText(text);
        QTest::keyClick(edit, Qt::Key_Return);
        clock.advance(20'000); // a rapporteur's next line comes a while later
    }
};

// The cockpit's window over the harness's file, shown and active, as the rapporteur has it.
struct NotesWindow {
    TemporarySettings settings;
    NotesHarness h;
    MainWindow w{*h.cockpit};

    NotesWindow() {
        attachNotes(w, h.file.get());
        w.show();
        REQUIRE(QTest::qWaitForWindowExposed(&w));
        w.activateWindow();
    }
};

} // namespace

TEST_CASE("notes dock: a note goes with the speech under way, stored in the session file") {
    NotesHarness h;
    QAbstractItemModelTester tester(h.dock->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    h.type(u"Opening remarks: agenda agreed"_s);
    const Id first = h.call(u"Panelist A"_s);
    h.type(u"Standards adoption is slow in SMEs"_s);
    h.type(u"Support MANRS adoption"_s);
    const Id second = h.call(u"Audience 2"_s);
    h.type(u"Online: asks about labelling schemes"_s);

    NotesModel& m = *h.dock->model();
    REQUIRE(m.rowCount() == 3); // between speeches, Panelist A, Audience 2
    CHECK(m.index(0, 0).data(NotesModel::SpeechEntryRole).toLongLong() == 0);
    CHECK(m.index(1, 0).data(NotesModel::SpeechEntryRole).toLongLong() == first);
    CHECK(m.index(2, 0).data(NotesModel::SpeechEntryRole).toLongLong() == second);
    CHECK(m.rowCount(m.index(1, 0)) == 2);
    CHECK(m.index(1, 0).data().toString().startsWith(u"\u2068Panelist A\u2069, "_s));
    CHECK(m.index(2, 0).data().toString() == u"\u2068Audience 2\u2069, speaking now"_s);
    // Each speech's heading runs across the columns, not cut off in the narrow first one.
    auto* view = h.dock->findChild<QTreeView*>(u"notesView"_s);
    REQUIRE(view);
    for (int row = 0; row < m.rowCount(); ++row)
        CHECK(view->visualRect(m.index(row, 0)).width() > view->columnWidth(0));

    auto stored = h.file->notes();
    REQUIRE(stored);
    REQUIRE(stored.value().size() == 4);
    CHECK(stored.value()[1].speechEntryId == first);
    CHECK(stored.value()[1].text == u"Standards adoption is slow in SMEs"_s);
    CHECK(stored.value()[3].speechEntryId == second);
    CHECK(h.dock->findChild<QLineEdit*>(u"noteText"_s)->text().isEmpty());
}

// The rapporteur typed while Adiel spoke, the moderator called the next speaker, and Enter put
// the note under the new speaker, for good.
TEST_CASE("notes dock: a note goes with the speech under way when it was begun, not when saved") {
    NotesHarness h;
    const Id first = h.call(u"Panelist A"_s);
    QLineEdit* edit = h.field();
    QLabel* speech = h.speechLabel();
    QTest::keyClicks(edit, u"Closing point: cooperation across regions"_s);
    h.clock.advance(5'000);
    h.call(u"Audience 2"_s);
    CHECK(speech->text().contains(u"Panelist A"_s)); // says where the note goes
    QTest::keyClick(edit, Qt::Key_Return);
    auto stored = h.file->notes();
    REQUIRE(stored);
    REQUIRE(stored.value().size() == 1);
    CHECK(stored.value().first().speechEntryId == first);
    // The next note, begun now, goes with the new speaker.
    CHECK(speech->text().contains(u"Audience 2"_s));
}

// Podium killed while the rapporteur typed a key takeaway lost the line: the field was the only
// place it was in.
TEST_CASE("notes dock: the note being typed is back in its field after a crash, and goes once "
          "added") {
    NotesHarness h;
    const Id first = h.call(u"Panelist A"_s);
    QLineEdit* edit = h.field();
    QComboBox* kind = h.kindBox();
    kind->setCurrentIndex(kind->findData(int(NoteKind::KeyTakeaway)));
    const QString line = u"Shared incident data builds trust"_s;
    QTest::keyClicks(edit, line);
    // This session's draft as written to the settings file: read from the disk, not through
    // Qt's cache of it, which shows what was never written.
    const QString session = h.file->sessionId();
    const auto draftText = [&session] {
        QFile file(QSettings().fileName());
        if (!file.open(QIODevice::ReadOnly))
            return QString();
        const QRegularExpression line(u"^%1-\\w+\\\\text=(.*)$"_s.arg(session),
                                      QRegularExpression::MultilineOption);
        return line.match(QString::fromUtf8(file.readAll())).captured(1);
    };
    QTRY_COMPARE(draftText(), line); // kept on disk as it is typed, a keeping at a time
    h.clock.advance(5'000);
    h.call(u"Audience 2"_s);

    // Podium starts again on the file: a new dock, and the old one gone without a word.
    h.dock = std::make_unique<NotesDock>(*h.cockpit);
    h.dock->ensureBuilt();
    h.dock->setSessionFile(h.file.get());
    edit = h.field();
    kind = h.kindBox();
    CHECK(edit->text() == line);
    CHECK(kind->currentData().toInt() == int(NoteKind::KeyTakeaway));
    CHECK(h.speechLabel()->text().contains(u"Panelist A"_s));
    // Joining again gives a new copy, empty until the host's session fills it: the note still
    // goes with the speech it was begun in.
    h.dock->setSessionFile(nullptr);
    h.dock->setSessionFile(h.file.get());
    CHECK(edit->text() == line);
    CHECK(h.speechLabel()->text().contains(u"Panelist A"_s));

    QTest::keyClick(edit, Qt::Key_Return);
    REQUIRE(h.file->notes()->size() == 1);
    const Note added = h.file->notes()->first();
    CHECK(added.text == line);
    CHECK(added.kind == NoteKind::KeyTakeaway);
    CHECK(added.speechEntryId == first); // with the speech it was begun in
    CHECK(draftText().isEmpty());        // added, it is no draft to bring back

    // Another session is not given this session's draft.
    QTest::keyClicks(edit, u"Half a thought"_s);
    QTRY_COMPARE(draftText(), u"Half a thought"_s);
    NotesHarness other;
    CHECK(other.field()->text().isEmpty());
}

// A long speaker's name and affiliation wrapped the line over the note field to three lines: the
// panel grew, the field moved up under the rapporteur's pointer, and a click meant for it landed
// in the list (the note typed then was lost).
TEST_CASE("notes dock: the note field stays put, however long the speaker's name") {
    NotesHarness h;
    h.dock->resize(420, 500);
    const int before = h.dock->widget()->minimumSizeHint().height();
    REQUIRE(h.cockpit->submit(
        Action::AddParticipant,
        {{u"name"_s, u"Manal Ismail (National Telecom Regulatory Authority of Egypt, NTRA, Cairo, "
                     "speaking for the Arab Group of regulators and its IGF coalition)"_s}}));
    const Participant& p = h.engine.state().participants.last();
    h.call(p.name);
    CHECK(h.dock->widget()->minimumSizeHint().height() == before);
    CHECK(h.dock->findChild<QLabel*>(u"noteSpeech"_s)->toolTip().contains(u"IGF coalition"_s));
}

// A rapporteur whose link was down wrote under the speech the dock still showed; the report
// then printed the note under a speech that had ended before it was written.
TEST_CASE("notes dock: a note written while the seat was behind goes with the speech under way at "
          "its time, once the seat knows") {
    NotesHarness h;
    QAbstractItemModelTester tester(h.dock->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    const Id first = h.call(u"Panelist A"_s);
    h.clock.advance(10'000);
    const qint64 hostCalledNext = h.clock.nowMs(); // at the host; this seat hears of it later
    h.clock.advance(5'000);
    h.type(u"Calls for a follow-up meeting"_s);
    NotesModel& m = *h.dock->model();
    REQUIRE(m.index(0, 0).data(NotesModel::SpeechEntryRole).toLongLong() == first);

    // The host's events come in: the next speaker had the floor when the note was written.
    h.clock.set(hostCalledNext);
    const Id second = h.call(u"Audience 2"_s);
    REQUIRE(m.rowCount() == 1);
    CHECK(m.index(0, 0).data(NotesModel::SpeechEntryRole).toLongLong() == second);
    auto stored = h.file->notes();
    REQUIRE(stored);
    REQUIRE(stored->size() == 1);
    CHECK(stored->first().speechEntryId == second);

    // Events after the note's time leave it where it now is.
    h.clock.advance(60'000);
    REQUIRE(h.cockpit->submit(Action::EndSpeech));
    CHECK(m.index(0, 0).data(NotesModel::SpeechEntryRole).toLongLong() == second);
    CHECK(h.file->notes()->first().speechEntryId == second);
}

// Filing a note as a key takeaway, or a move to another speech undone, froze it under the speech
// it was typed under: the host's late events no longer took it to the speech of its time.
TEST_CASE("notes dock: a note written while the seat was behind still goes with the speech of its "
          "time after its kind is changed, or a move of it is undone") {
    NotesHarness h;
    const Id first = h.call(u"Panelist A"_s);
    h.clock.advance(10'000);
    const qint64 hostCalledNext = h.clock.nowMs(); // at the host; this seat hears of it later
    h.clock.advance(5'000);
    const bool undoMove = GENERATE(false, true);
    h.type(u"Calls for a follow-up meeting"_s);
    NotesModel& m = *h.dock->model();
    const Note note = h.file->notes().value().first();
    REQUIRE(note.speechEntryId == first);
    std::unique_ptr<QMenu> menu(h.dock->menuFor(m.indexOf(note.id)));
    REQUIRE(menu);
    const QString pick = undoMove ? m.speechLabel(0) : u"File as: Key takeaway"_s;
    bool picked = false;
    for (QAction* a : menu->findChildren<QAction*>()) {
        if (!picked && a->text() == pick) {
            a->trigger();
            picked = true;
        }
    }
    REQUIRE(picked);
    if (undoMove) {
        REQUIRE(h.file->notes().value().first().speechEntryId == 0);
        h.cockpit->undoStack().undo();
        REQUIRE(h.file->notes().value().first().speechEntryId == first);
    }

    h.clock.set(hostCalledNext);
    const Id second = h.call(u"Audience 2"_s);
    CHECK(h.file->notes().value().first().speechEntryId == second);
    CHECK(m.index(0, 0).data(NotesModel::SpeechEntryRole).toLongLong() == second);
    if (!undoMove) {
        // The change of kind undone: the kind goes back, the note stays where events took it.
        h.cockpit->undoStack().undo();
        REQUIRE(h.file->notes().value().first().kind == NoteKind::Note);
        CHECK(h.file->notes().value().first().speechEntryId == second);
    }
}

// The rapporteur moved a note to another speech, quit, and started again: the note was back under
// the speech it was typed in, and the report filed it there.
TEST_CASE("notes dock: a note filed under another speech by hand stays there when the file is "
          "opened again") {
    NotesHarness h;
    const Id first = h.call(u"Panelist A"_s);
    h.type(u"Coffee break announced"_s);
    NotesModel& m = *h.dock->model();
    const Id noteId = h.file->notes().value().first().id;
    std::unique_ptr<QMenu> menu(h.dock->menuFor(m.indexOf(noteId)));
    REQUIRE(menu);
    bool picked = false;
    for (QAction* a : menu->findChildren<QAction*>()) {
        if (!picked && a->text() == m.speechLabel(0)) {
            a->trigger();
            picked = true;
        }
    }
    REQUIRE(picked);
    REQUIRE(h.file->notes().value().first().speechEntryId == 0);
    h.cockpit->undoStack().undo(); // undone, the note goes by its time again
    CHECK(h.file->notes().value().first().speechEntryId == first);
    CHECK_FALSE(h.file->notes().value().first().filedByHand);
    h.cockpit->undoStack().redo();
    REQUIRE(h.file->notes().value().first().speechEntryId == 0);

    const QString path = h.file->path();
    h.dock->setSessionFile(nullptr);
    h.file.reset();
    auto reopened = SessionFile::open(path);
    REQUIRE(reopened);
    h.file = std::move(reopened).value();
    h.file->attach(h.engine);
    h.dock->setSessionFile(h.file.get());
    h.call(u"Panelist B"_s); // the session goes on: later events settle unsettled notes
    const Note note = h.file->notes().value().first();
    CHECK(note.speechEntryId == 0);
    CHECK(note.filedByHand);
    CHECK(m.index(0, 0).data(NotesModel::SpeechEntryRole).toLongLong() != first);
}

// The host undid a call while the rapporteur wrote about that speaker: the note went under the
// speaker before, and the report with it, without a word.
TEST_CASE("notes dock: a note moved by a call undone on the host is said at the window's foot") {
    NotesHarness h;
    const Id first = h.call(u"Panelist A"_s);
    h.clock.advance(10'000);
    const Participant* b = nullptr;
    for (const Participant& p : h.engine.state().participants)
        if (p.name == u"Panelist B"_s)
            b = &p;
    REQUIRE(b);
    REQUIRE(h.cockpit->submit(Action::AddEntry, {{u"participant"_s, b->id}}));
    const SessionState beforeCall = h.engine.state();
    const auto call = h.cockpit->submit(Action::Next);
    REQUIRE(call);
    const Id second = h.engine.state().floor->entry.id;
    h.clock.advance(3'000);
    h.type(u"Panelist B on capacity building"_s);
    REQUIRE(h.file->notes().value().first().speechEntryId == second);
    QSignalSpy said(h.cockpit.get(), &Cockpit::info);

    // The call undone on the host: this seat hears of it.
    const auto undo = compensationFor(beforeCall, call.value());
    REQUIRE(undo);
    REQUIRE(h.cockpit->submit(undo->action, undo->args));
    REQUIRE(h.engine.state().floor);
    REQUIRE(h.engine.state().floor->entry.id == first);
    CHECK(h.file->notes().value().first().speechEntryId == first);
    REQUIRE(said.size() == 1);
    const QString text = said.first().first().toString();
    CHECK(text.contains(u"Panelist B on capacity building"_s));
    CHECK(text.contains(u"Panelist A"_s));
}

// The rapporteur's laptop restarted on its copy, which no longer followed the session; a note
// written then stayed, once the seat had joined again, under a speech that had ended before it.
TEST_CASE("notes dock: a note written before a restart goes with the speech under way at its time, "
          "once the seat knows") {
    NotesHarness h;
    const Id first = h.call(u"Panelist A"_s);
    h.clock.advance(10'000);
    const qint64 hostCalledNext = h.clock.nowMs();
    h.clock.advance(5'000);
    h.type(u"Calls for a follow-up meeting"_s);
    const qint64 written = h.file->notes()->first().at;
    REQUIRE(h.file->notes()->first().speechEntryId == first);

    // Podium starts again on the file: a new dock reads the notes from it.
    h.dock = std::make_unique<NotesDock>(*h.cockpit);
    h.dock->ensureBuilt();
    h.dock->setSessionFile(h.file.get());
    NotesModel& m = *h.dock->model();
    h.clock.set(hostCalledNext);
    const Id second = h.call(u"Audience 2"_s);
    h.clock.set(written + 1'000);
    REQUIRE(h.cockpit->submit(Action::SetStageMessage, {{u"text"_s, u"Please wrap up"_s}}));
    CHECK(h.file->notes()->first().speechEntryId == second);
    CHECK(m.index(0, 0).data(NotesModel::SpeechEntryRole).toLongLong() == second);
}

// An Arabic name turned its speech's heading right to left: "00:55:13 ,مريم العلي".
TEST_CASE("notes dock: a speech's heading reads name then time, whatever the name's script") {
    NotesHarness h;
    const QString arabic = u"مريم العلي"_s;
    REQUIRE(h.cockpit->submit(Action::AddParticipant, {{u"name"_s, arabic}}));
    h.call(arabic);
    h.type(u"Asks about capacity building"_s);
    REQUIRE(h.cockpit->submit(Action::EndSpeech));
    const QString heading = h.dock->model()->index(0, 0).data().toString();
    CHECK(heading.contains(arabic));
    CHECK_FALSE(heading.isRightToLeft()); // as a whole, in the cockpit's own direction
}

TEST_CASE("notes dock: key takeaways, editing, removing, and reopening the file") {
    NotesHarness h;
    QAbstractItemModelTester tester(h.dock->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    h.call(u"Panelist B"_s);
    NotesModel& m = *h.dock->model();
    REQUIRE(m.add(NoteKind::KeyTakeaway, u"Cooperation needs shared incident data"_s));
    REQUIRE(m.add(NoteKind::CallToAction, u"Regulators to publish adoption figures"_s));
    REQUIRE(m.add(NoteKind::Note, u"typo here"_s));
    CHECK_FALSE(m.add(NoteKind::Note, u"   "_s)); // nothing to keep

    const QModelIndex group = m.index(0, 0);
    CHECK(m.index(0, NotesModel::KindColumn, group).data().toString() == u"Key takeaway"_s);
    // Set apart in bold: an italic takeaway in Arabic was boxes (DejaVu's oblique has no Arabic).
    const QFont takeaway =
        m.index(0, NotesModel::TextColumn, group).data(Qt::FontRole).value<QFont>();
    CHECK(takeaway.bold());
    CHECK_FALSE(takeaway.italic());
    CHECK_FALSE(m.index(2, NotesModel::TextColumn, group).data(Qt::FontRole).isValid());
    REQUIRE(m.setData(m.index(2, NotesModel::TextColumn, group), u"fixed text"_s));
    const Id typo = m.index(2, 0, group).data(NotesModel::NoteIdRole).toLongLong();
    REQUIRE(m.remove(m.index(1, 0, group).data(NotesModel::NoteIdRole).toLongLong()));
    CHECK(m.rowCount(group) == 2);

    const QString path = h.path();
    h.dock->setSessionFile(nullptr);
    h.file.reset();
    auto reopened = SessionFile::open(path);
    REQUIRE(reopened);
    REQUIRE(m.setFile(reopened.value().get()));
    REQUIRE(m.rowCount() == 1);
    REQUIRE(m.rowCount(m.index(0, 0)) == 2);
    const QModelIndex g = m.index(0, 0);
    CHECK(m.index(0, NotesModel::TextColumn, g).data().toString() ==
          u"Cooperation needs shared incident data"_s);
    CHECK(m.index(1, NotesModel::TextColumn, g).data().toString() == u"fixed text"_s);
    CHECK(m.index(1, 0, g).data(NotesModel::NoteIdRole).toLongLong() == typo);
    REQUIRE(m.setFile(nullptr));
}

// The kind column was cut to "Key ta…" and "Call to…" in the rapporteur's layout.
TEST_CASE("notes dock: a note's kind reads whole beside its text") {
    NotesHarness h;
    h.call(u"Panelist B"_s);
    NotesModel& m = *h.dock->model();
    REQUIRE(m.add(NoteKind::CallToAction, u"Regulators to publish adoption figures"_s));
    h.dock->resize(420, 300);
    h.dock->show();
    auto* view = h.dock->findChild<QTreeView*>(u"notesView"_s);
    REQUIRE(view);
    QCoreApplication::processEvents();
    // The note's cell, past the tree's indentation, holds its kind and the style's margins: the
    // header's 100 px default held neither.
    const QModelIndex note = m.index(0, NotesModel::KindColumn, m.index(0, 0));
    const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    CHECK(view->visualRect(note).width() >=
          view->fontMetrics().horizontalAdvance(u"Call to action"_s) + 2 * margin);
    CHECK(view->columnWidth(NotesModel::TextColumn) > view->columnWidth(NotesModel::KindColumn));
}

TEST_CASE("notes dock: without a session file, notes cannot be taken and it says why") {
    Harness h;
    Cockpit cockpit(h.engine);
    NotesDock dock(cockpit);
    dock.ensureBuilt();
    CHECK_FALSE(dock.findChild<QLineEdit*>(u"noteText"_s)->isEnabled());
    CHECK_FALSE(dock.findChild<QPushButton*>(u"addNote"_s)->isEnabled());
    auto refused = dock.model()->add(NoteKind::Note, u"lost?"_s);
    REQUIRE_FALSE(refused);
    CHECK(refused.error().contains(u"session file"_s));
}

TEST_CASE("notes dock: Remove note is offered only over a note") {
    NotesHarness h;
    auto* remove = h.dock->findChild<QPushButton*>(u"removeNote"_s);
    auto* view = h.dock->findChild<QTreeView*>();
    REQUIRE(remove);
    REQUIRE(view);
    CHECK_FALSE(remove->isEnabled()); // no notes yet
    h.call(u"Panelist B"_s);
    h.type(u"Cooperation needs shared incident data"_s);
    const QModelIndex group = view->model()->index(0, 0);
    view->setCurrentIndex(group); // the speech, not a note
    CHECK_FALSE(remove->isEnabled());
    view->setCurrentIndex(view->model()->index(0, 0, group));
    REQUIRE(remove->isEnabled());
    remove->click();
    CHECK(view->model()->rowCount(group) == 0);
    CHECK_FALSE(remove->isEnabled());

    // With another note below it, the one removed leaves none chosen: a second click removed a
    // key takeaway nobody meant to.
    h.type(u"First"_s);
    h.kindBox()->setCurrentIndex(h.kindBox()->findData(int(NoteKind::KeyTakeaway)));
    h.type(u"A key takeaway"_s);
    const QModelIndex notes = view->model()->index(0, 0);
    REQUIRE(view->model()->rowCount(notes) == 2);
    view->setCurrentIndex(view->model()->index(0, 0, notes));
    remove->click();
    REQUIRE(view->model()->rowCount(notes) == 1);
    CHECK_FALSE(remove->isEnabled());
    remove->click();
    CHECK(view->model()->rowCount(notes) == 1);
}

TEST_CASE("notes dock: after a key takeaway, the next line is a plain note again") {
    NotesHarness h;
    auto* kind = h.dock->findChild<QComboBox*>(u"noteKind"_s);
    REQUIRE(kind);
    kind->setCurrentIndex(kind->findData(int(NoteKind::KeyTakeaway)));
    h.type(u"Cooperation needs shared incident data"_s);
    CHECK(NoteKind(kind->currentData().toInt()) == NoteKind::Note);
    auto stored = h.file->notes();
    REQUIRE(stored);
    REQUIRE(stored.value().size() == 1);
    CHECK(stored.value().first().kind == NoteKind::KeyTakeaway); // what was chosen was kept
}

TEST_CASE("notes dock: a removed note comes back where it was with Edit → Undo, and goes again "
          "with Redo") {
    NotesHarness h;
    QAbstractItemModelTester tester(h.dock->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto* view = h.dock->findChild<QTreeView*>();
    REQUIRE(view);
    h.call(u"Panelist A"_s);
    h.type(u"First point"_s);
    h.type(u"Second point, removed by mistake"_s);
    h.type(u"Third point"_s);
    h.call(u"Audience 2"_s);
    h.type(u"A question from online"_s);
    NotesModel& m = *h.dock->model();
    const QModelIndex panelist = m.index(0, 0);
    const auto texts = [&m](const QModelIndex& group) {
        QStringList t;
        for (int r = 0; r < m.rowCount(group); ++r)
            t << m.index(r, NotesModel::TextColumn, group).data().toString();
        return t;
    };
    const QStringList before = texts(panelist);

    view->setCurrentIndex(m.index(1, 0, panelist));
    h.dock->findChild<QPushButton*>(u"removeNote"_s)->click();
    CHECK(texts(panelist) == QStringList{u"First point"_s, u"Third point"_s});
    QUndoStack& undo = h.cockpit->undoStack();
    REQUIRE(undo.canUndo());
    CHECK(undo.undoText().startsWith(u"Remove note “Second point, removed by"_s));

    undo.undo();
    CHECK(texts(panelist) == before); // back in its place, under its speech
    auto stored = h.file->notes();
    REQUIRE(stored);
    CHECK(stored.value().size() == 4);
    CHECK(stored.value()[1].text == u"Second point, removed by mistake"_s);

    undo.redo();
    CHECK(texts(panelist) == QStringList{u"First point"_s, u"Third point"_s});
    CHECK(h.file->notes().value().size() == 3);

    // The only note of a speech: its speech's row comes back in its place too.
    view->setCurrentIndex(m.index(0, 0, m.index(1, 0)));
    h.dock->findChild<QPushButton*>(u"removeNote"_s)->click();
    REQUIRE(m.rowCount() == 1);
    undo.undo();
    REQUIRE(m.rowCount() == 2);
    CHECK(texts(m.index(1, 0)) == QStringList{u"A question from online"_s});
}

// After Save As the stack is kept (the session is the same), and undo said "another session file".
TEST_CASE("notes dock: a note removed before Save As comes back, into the copy") {
    NotesHarness h;
    auto* view = h.dock->findChild<QTreeView*>();
    REQUIRE(view);
    h.call(u"Panelist A"_s);
    h.type(u"Keep me"_s);
    NotesModel& m = *h.dock->model();
    view->setCurrentIndex(m.index(0, 0, m.index(0, 0)));
    h.dock->findChild<QPushButton*>(u"removeNote"_s)->click();
    REQUIRE(m.rowCount() == 0);

    const QString copy = h.dir.filePath(u"copy.podium"_s);
    REQUIRE(h.file->saveCopyAs(copy));
    auto reopened = SessionFile::open(copy);
    REQUIRE(reopened);
    h.file = std::move(reopened).value(); // the original closes, as File → Save As does
    h.dock->setSessionFile(h.file.get());
    h.cockpit->undoStack().undo();
    const auto notes = h.file->notes();
    REQUIRE(notes);
    REQUIRE(notes->size() == 1);
    CHECK(notes->first().text == u"Keep me"_s);
}

// All notes written while nobody had the floor stood in one group: those of a pause an hour in
// under "Between speeches" at the top, beside the opening's.
TEST_CASE("notes dock: notes between speeches are grouped by the speech they came after, and "
          "come back there when brought back") {
    NotesHarness h;
    QAbstractItemModelTester tester(h.dock->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    auto* view = h.dock->findChild<QTreeView*>();
    REQUIRE(view);
    NotesModel& m = *h.dock->model();
    CHECK(h.speechLabel()->text() == u"New notes go with: Before the first speech"_s);
    h.type(u"Before A"_s); // nobody speaks yet
    const Id a = h.call(u"Panelist A"_s);
    h.type(u"During A"_s);
    REQUIRE(h.cockpit->submit(Action::EndSpeech));
    CHECK(h.speechLabel()->text() ==
          u"New notes go with: Between speeches, after \u2068Panelist A\u2069"_s);
    h.type(u"After A"_s);
    h.type(u"Still after A"_s);
    const auto headings = [&m] {
        QStringList all;
        for (int row = 0; row < m.rowCount(); ++row)
            all << m.index(row, 0).data().toString();
        return all;
    };
    const QString speechOfA = m.speechLabel(a);
    const QStringList expected{u"Before the first speech"_s, speechOfA,
                               u"Between speeches, after \u2068Panelist A\u2069"_s};
    REQUIRE(headings() == expected);
    CHECK(m.rowCount(m.index(2, 0)) == 2);

    for (const int group : {2, 2, 0}) { // both notes after A, then the one before
        view->setCurrentIndex(m.index(0, 0, m.index(group, 0)));
        h.dock->findChild<QPushButton*>(u"removeNote"_s)->click();
    }
    REQUIRE(headings() == QStringList{speechOfA});
    for (int i = 0; i < 3; ++i)
        h.cockpit->undoStack().undo();
    CHECK(headings() == expected);
    CHECK(m.index(0, NotesModel::TextColumn, m.index(0, 0)).data().toString() == u"Before A"_s);
    CHECK(m.index(1, NotesModel::TextColumn, m.index(2, 0)).data().toString() ==
          u"Still after A"_s);
}

// The seat was behind: the host had meanwhile called another speaker, who had finished before
// the note was written. Taking the host's state, the note stood after the wrong speech.
TEST_CASE("notes dock: a note between speeches goes after the speech that came before it, once "
          "the seat knows") {
    NotesHarness h;
    const Id a = h.call(u"Panelist A"_s);
    REQUIRE(h.cockpit->submit(Action::EndSpeech));
    const qint64 aEnded = h.clock.nowMs();
    h.clock.advance(60'000);
    h.type(u"A long silence"_s);
    NotesModel& m = *h.dock->model();
    REQUIRE(m.index(0, 0).data().toString() == u"Between speeches, after \u2068Panelist A\u2069"_s);

    SessionState host = h.engine.state(); // where the host was: Audience 2 spoke meanwhile
    Speech b;
    b.entryId = a + 100;
    b.participantId = h.engine.state().participants.last().id;
    b.startedAt = aEnded + 10'000;
    b.endedAt = aEnded + 40'000;
    host.speeches << b;
    host.lastSeq += 3;
    h.engine.reset(host);
    QCoreApplication::processEvents();
    REQUIRE(m.rowCount() == 1);
    CHECK(m.index(0, 0).data().toString() ==
          u"Between speeches, after \u2068%1\u2069"_s.arg(host.participants.last().name));
    CHECK(h.file->notes()->first().speechEntryId == 0);
}

// A note's index named its group by row: kept while a group before it went (an editor open, the
// selection), it named the group below, and an edit went into another speech's note.
TEST_CASE("notes dock: a note kept in view is still that note after a group before it goes") {
    NotesHarness h;
    NotesModel& m = *h.dock->model();
    h.call(u"Panelist A"_s);
    h.type(u"During A"_s);
    h.call(u"Panelist B"_s);
    h.type(u"During B"_s);
    h.call(u"Audience 1"_s);
    h.type(u"During the audience"_s);
    REQUIRE(m.rowCount() == 3);
    const QPersistentModelIndex duringB = m.index(0, NotesModel::TextColumn, m.index(1, 0));
    REQUIRE(duringB.data().toString() == u"During B"_s);

    REQUIRE(h.dock->model()->remove(
        m.index(0, 0, m.index(0, 0)).data(NotesModel::NoteIdRole).toLongLong()));
    REQUIRE(m.rowCount() == 2);
    CHECK(duringB.data().toString() == u"During B"_s);
    REQUIRE(m.setData(duringB, u"During B, corrected"_s));
    const auto stored = h.file->notes();
    REQUIRE(stored);
    QStringList texts;
    for (const Note& n : stored.value())
        texts << n.text;
    CHECK(texts == QStringList{u"During B, corrected"_s, u"During the audience"_s});
}

TEST_CASE("notes dock: a key from anywhere in the window takes a note, of the kind it names") {
    // The rapporteur, looking at the speaker, had to find the note field and its kind list with
    // the mouse.
    NotesWindow window;
    auto& [settings, h, w] = window;
    auto* elsewhere = w.findChild<QLineEdit*>(u"stageMessage"_s);
    REQUIRE(elsewhere);
    h.call(u"Panelist B"_s);

    elsewhere->setFocus();
    REQUIRE(QTest::qWaitFor([&] { return elsewhere->hasFocus(); }));
    QTest::keyClick(elsewhere, Qt::Key_2, Qt::ControlModifier);
    auto* field = w.findChild<QLineEdit*>(u"noteText"_s); // the panel, hidden, is shown now
    REQUIRE(field);
    REQUIRE(QTest::qWaitFor([&] { return field->hasFocus(); }));
    QTest::keyClicks(field, u"Shared incident data"_s);
    QTest::keyClick(field, Qt::Key_Return);

    elsewhere->setFocus();
    REQUIRE(QTest::qWaitFor([&] { return elsewhere->hasFocus(); }));
    QTest::keyClick(elsewhere, Qt::Key_T, Qt::ControlModifier);
    REQUIRE(QTest::qWaitFor([&] { return field->hasFocus(); }));
    QTest::keyClicks(field, u"Funding is the bottleneck"_s);
    QTest::keyClick(field, Qt::Key_Return);

    auto stored = h.file->notes();
    REQUIRE(stored);
    REQUIRE(stored.value().size() == 2);
    CHECK(stored.value()[0].kind == NoteKind::KeyTakeaway);
    CHECK(stored.value()[0].text == u"Shared incident data"_s);
    CHECK(stored.value()[1].kind == NoteKind::Note); // a plain note again after a takeaway

    // Typed first, the key files the line as the kind it names.
    QTest::keyClicks(field, u"Publish the standards followed"_s);
    QTest::keyClick(field, Qt::Key_3, Qt::ControlModifier);
    stored = h.file->notes();
    REQUIRE(stored);
    REQUIRE(stored.value().size() == 3);
    CHECK(stored.value()[2].kind == NoteKind::CallToAction);
    CHECK(stored.value()[2].text == u"Publish the standards followed"_s);
    CHECK(field->text().isEmpty());
    CHECK(elsewhere->text().isEmpty()); // nothing typed went astray
}

// Ctrl+Z right after Enter brought the note just taken back into the field, and Enter then took
// it twice; then, handed to the window, it undid the session's step before the note, which a
// rapporteur had not asked for. Later it took the note back and its line with it, which had to
// be typed again to put a typo right.
TEST_CASE("notes dock: Ctrl+Z in the emptied note field takes back the note just added, and "
          "gives its line back to the field") {
    NotesWindow window;
    auto& [settings, h, w] = window;
    h.cockpit->run(Action::SetStageMessage, {{u"text"_s, u"Two minutes"_s}}, u"Message"_s);
    w.findChild<QAction*>(u"takeNoteAction"_s)->trigger();
    auto* field = w.findChild<QLineEdit*>(u"noteText"_s); // the panel, hidden, is shown now
    REQUIRE(field);
    REQUIRE(QTest::qWaitFor([&] { return field->hasFocus(); }));
    QTest::keyClicks(field, u"Shared incident data"_s);
    QTest::keyClick(field, Qt::Key_Return);
    REQUIRE(h.file->notes().value().size() == 1);
    REQUIRE(field->text().isEmpty());
    CHECK(h.cockpit->undoStack().undoText() == u"Add note “Shared incident data”"_s);

    QTest::keySequence(field, QKeySequence::Undo);
    CHECK(field->text() == u"Shared incident data"_s);
    CHECK(h.file->notes().value().isEmpty());
    CHECK(h.engine.state().stageMessage == u"Two minutes"_s); // the step before stays done

    QTest::keySequence(field, QKeySequence::Redo);
    REQUIRE(h.file->notes().value().size() == 1);
    CHECK(h.file->notes().value()[0].text == u"Shared incident data"_s);
    CHECK(field->text().isEmpty());

    // The note as edited since is the one that comes and goes.
    QAbstractItemModel* m = w.findChild<QTreeView*>(u"notesView"_s)->model();
    REQUIRE(m->setData(m->index(0, NotesModel::TextColumn, m->index(0, 0)),
                       u"Shared incident data (CERTs)"_s));
    QTest::keySequence(field, QKeySequence::Undo);
    CHECK(h.file->notes().value().isEmpty());
    CHECK(field->text() == u"Shared incident data (CERTs)"_s);
    QTest::keySequence(field, QKeySequence::Redo);
    REQUIRE(h.file->notes().value().size() == 1);
    CHECK(h.file->notes().value()[0].text == u"Shared incident data (CERTs)"_s);
    CHECK(field->text().isEmpty());

    QTest::keySequence(field, QKeySequence::Undo);
    QTest::keySequence(field, QKeySequence::Undo); // and then the session's last step
    CHECK(h.engine.state().stageMessage.isEmpty());
}

// The line given back is the note as it was: its kind, and the speech it went with, though the
// floor has moved on since; added again, it goes there once more.
TEST_CASE("notes dock: an added note taken back returns to the field with its kind and speech, "
          "unless another line is being typed") {
    NotesHarness h;
    const Id first = h.call(u"Panelist A"_s);
    h.kindBox()->setCurrentIndex(h.kindBox()->findData(int(NoteKind::KeyTakeaway)));
    h.type(u"Cooperation on CERTs"_s);
    h.call(u"Panelist B"_s);
    QUndoStack& undo = h.cockpit->undoStack();
    REQUIRE(undo.undoText().startsWith(u"Add note"_s));
    undo.undo();
    CHECK(h.file->notes().value().isEmpty());
    CHECK(h.field()->text() == u"Cooperation on CERTs"_s);
    CHECK(NoteKind(h.kindBox()->currentData().toInt()) == NoteKind::KeyTakeaway);
    CHECK(h.speechLabel()->text().contains(u"Panelist A"_s));
    QTest::keyClick(h.field(), Qt::Key_Return);
    REQUIRE(h.file->notes().value().size() == 1);
    CHECK(h.file->notes().value()[0].speechEntryId == first);
    CHECK(h.file->notes().value()[0].kind == NoteKind::KeyTakeaway);

    h.field()->setText(u"Half a line"_s);
    undo.undo();
    CHECK(h.file->notes().value().isEmpty());
    CHECK(h.field()->text() == u"Half a line"_s);
    undo.redo();
    CHECK(h.file->notes().value().size() == 1);
    CHECK(h.field()->text() == u"Half a line"_s);
}

TEST_CASE("notes dock: without a session file, the keys to take a note say why not") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* take = w.findChild<QAction*>(u"takeNoteAction"_s);
    REQUIRE(take);
    CHECK_FALSE(take->isEnabled());
    CHECK(take->toolTip().contains(u"session file"_s));
    CHECK(w.menu(MainWindow::MenuId::Session)->actions().contains(take));
}

TEST_CASE("notes dock: typing after Remove note goes into the note field, and removes nothing") {
    NotesHarness h;
    h.showActive();
    h.call(u"Panelist B"_s);
    h.type(u"First"_s);
    h.type(u"Second"_s);
    auto* view = h.dock->findChild<QTreeView*>();
    auto* remove = h.dock->findChild<QPushButton*>(u"removeNote"_s);
    auto* field = h.dock->findChild<QLineEdit*>(u"noteText"_s);
    const QModelIndex group = view->model()->index(0, 0);
    view->setCurrentIndex(view->model()->index(0, 0, group));
    QTest::mouseClick(remove, Qt::LeftButton);
    REQUIRE(view->model()->rowCount(group) == 1);
    view->setCurrentIndex(view->model()->index(0, 0, group)); // the other note, selected
    REQUIRE(QApplication::focusWidget());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    CHECK(view->model()->rowCount(group) == 1); // the space removed no note
    CHECK(field->hasFocus());
}

// A moderator's notes never reach the rapporteur's report: the moderator learnt it from that
// report, after the session.
TEST_CASE("notes dock: on a moderator's seat the note field says notes stay on this laptop") {
    NotesHarness h;
    auto* field = h.dock->findChild<QLineEdit*>(u"noteText"_s);
    REQUIRE(field);
    for (Seat seat : {Seat::Moderator, Seat::OnlineModerator}) {
        h.cockpit->setSeat(seat);
        CHECK(field->placeholderText().contains(u"kept on this laptop only"_s));
    }
    h.cockpit->setSeat(Seat::Rapporteur);
    CHECK_FALSE(field->placeholderText().contains(u"laptop"_s));
    CHECK(field->placeholderText().contains(u"Enter saves it"_s));
    // Between speeches it said "A note on this speech", beside "New notes go with: Between
    // speeches": which speech is told by that line alone.
    CHECK_FALSE(field->placeholderText().contains(u"speech"_s));
}

// Notes written between speeches share one group, where its first note stands: a wrap-up note of
// a long session went in at the top of the list, out of the rapporteur's sight.
TEST_CASE("notes dock: a note just added is in sight, wherever its group stands") {
    NotesHarness h;
    h.dock->resize(500, 300);
    h.dock->show();
    REQUIRE(QTest::qWaitForWindowExposed(h.dock.get()));
    h.type(u"Before we begin: the room is full"_s);
    for (int i = 1; i <= 30; ++i) {
        h.call(i % 2 ? u"Panelist A"_s : u"Audience 2"_s);
        h.type(u"Point %1"_s.arg(i));
    }
    REQUIRE(h.cockpit->submit(Action::EndSpeech));
    auto* view = h.dock->findChild<QTreeView*>();
    view->scrollToTop(); // the rapporteur read back what the opening said
    h.type(u"Wrap-up: three actions agreed"_s);
    NotesModel& m = *h.dock->model();
    const QModelIndex added = m.index(0, 0, m.index(m.rowCount() - 1, 0)); // a group of its own
    REQUIRE(added.siblingAtColumn(NotesModel::TextColumn).data().toString() ==
            u"Wrap-up: three actions agreed"_s);
    REQUIRE(view->verticalScrollBar()->maximum() > 0); // the list is longer than the view
    CHECK(view->viewport()->rect().intersects(view->visualRect(added)));
}

// A note put back by undo was given a new id, which the step that had added it did not know: a
// later Ctrl+Z removed another note, or said the note was gone and left it.
TEST_CASE("notes dock: adding and removing notes undone in turn takes back each its own note") {
    NotesHarness h;
    auto* view = h.dock->findChild<QTreeView*>(u"notesView"_s);
    REQUIRE(view);
    QAbstractItemModel* m = view->model();
    h.type(u"Note A"_s);
    h.type(u"Note B"_s);
    const auto texts = [&h] {
        QStringList t;
        const auto stored = h.file->notes();
        for (const Note& n : stored.value())
            t << n.text;
        return t;
    };
    REQUIRE(texts() == QStringList{u"Note A"_s, u"Note B"_s});
    for (int i = 0; i < 2; ++i) { // remove A, then B
        view->setCurrentIndex(m->index(0, 0, m->index(0, 0)));
        h.dock->findChild<QPushButton*>(u"removeNote"_s)->click();
    }
    REQUIRE(texts().isEmpty());
    QUndoStack& undo = h.cockpit->undoStack();
    undo.undo(); // B back
    undo.undo(); // A back
    REQUIRE(texts() == QStringList{u"Note A"_s, u"Note B"_s});
    undo.undo(); // "Add note B": B goes, not A
    CHECK(texts() == QStringList{u"Note A"_s});
    undo.undo(); // "Add note A"
    CHECK(texts().isEmpty());
    undo.redo();
    undo.redo();
    CHECK(texts() == QStringList{u"Note A"_s, u"Note B"_s});
}

// A click meant for the note field landed on the list: the note typed next went into the list's
// search for a matching row, and vanished without a sign (five notes in one rehearsal).
TEST_CASE("notes dock: a note typed while the list has the focus goes into the note field") {
    NotesHarness h;
    h.showActive();
    h.call(u"Panelist B"_s);
    h.type(u"First"_s);
    auto* view = h.dock->findChild<QTreeView*>();
    auto* field = h.dock->findChild<QLineEdit*>(u"noteText"_s);
    view->setFocus();
    REQUIRE(view->hasFocus());
    QTest::keyClicks(view, u"Fiber in Kenya"_s);
    CHECK(field->hasFocus());
    CHECK(field->text() == u"Fiber in Kenya"_s);
    QTest::keyClick(field, Qt::Key_Return);
    const QModelIndex group = view->model()->index(0, 0);
    CHECK(view->model()->rowCount(group) == 2);
}

// A rapporteur writing Chinese through an input method, the list having the focus: the
// composed text went into the list's search for a row, as typed keys once did.
TEST_CASE("notes dock: text composed by an input method while the list has the focus goes into "
          "the note field") {
    NotesHarness h;
    h.showActive();
    h.type(u"Opening"_s);
    auto* view = h.dock->findChild<QTreeView*>();
    auto* field = h.dock->findChild<QLineEdit*>(u"noteText"_s);
    view->setFocus();
    REQUIRE(view->hasFocus());
    QInputMethodEvent composing(u"nihao"_s, {});
    QCoreApplication::sendEvent(view, &composing);
    CHECK(view->hasFocus()); // not in the middle of it: the input method would drop it
    QInputMethodEvent composed;
    composed.setCommitString(u"你好，世界"_s);
    QCoreApplication::sendEvent(view, &composed);
    CHECK(field->hasFocus());
    CHECK(field->text() == u"你好，世界"_s);
}

// "(late, about Amina) …", written during Carlos's speech, went under Carlos in every report, and
// a takeaway typed as a plain note could only be removed and typed again, losing its time.
TEST_CASE("notes dock: a note is filed again under another speech or kind, one undo step each") {
    NotesHarness h;
    const Id first = h.call(u"Panelist A"_s);
    h.type(u"Fiber first"_s);
    const Id second = h.call(u"Panelist B"_s);
    h.type(u"(late, about A) community networks"_s);
    NotesModel& model = *h.dock->model();
    const auto late = [&] {
        const QList<Note> notes = h.file->notes().value();
        for (const Note& n : notes)
            if (n.text.startsWith(u"(late"_s))
                return n;
        return Note{};
    };
    REQUIRE(late().speechEntryId == second);
    const auto trigger = [](QMenu& menu, const QString& text) {
        for (QAction* a : menu.findChildren<QAction*>()) {
            if (a->text() == text) {
                a->trigger();
                return true;
            }
        }
        return false;
    };

    std::unique_ptr<QMenu> menu(h.dock->menuFor(model.indexOf(late().id)));
    REQUIRE(menu);
    REQUIRE(trigger(*menu, model.speechLabel(first)));
    CHECK(late().speechEntryId == first); // in the file, for the report
    CHECK(model.indexOf(late().id).parent().data(NotesModel::SpeechEntryRole).toLongLong() ==
          first);
    CHECK(h.cockpit->undoStack().undoText().startsWith(u"Move a note to "_s));
    CHECK(h.cockpit->undoStack().undoText().contains(u"Panelist A"_s));

    menu.reset(h.dock->menuFor(model.indexOf(late().id)));
    REQUIRE(trigger(*menu, u"File as: Key takeaway"_s));
    CHECK(late().kind == NoteKind::KeyTakeaway);
    CHECK(late().speechEntryId == first);

    h.cockpit->undoStack().undo();
    CHECK(late().kind == NoteKind::Note);
    h.cockpit->undoStack().undo();
    CHECK(late().speechEntryId == second);
    // Its adding undone and redone, the note is written back under a new id: the redo of its
    // filing still finds it.
    h.cockpit->undoStack().undo();
    REQUIRE(late().text.isEmpty());
    h.cockpit->undoStack().redo();
    h.cockpit->undoStack().redo();
    CHECK(late().speechEntryId == first);
    CHECK(h.cockpit->undoStack().canRedo());
    CHECK_FALSE(h.dock->menuFor(model.index(0, 0))); // a speech's row: nothing to file
}
