#include <catch2/catch.hpp>

#include "docks/participant_dialog.h"
#include "docks/participants_dock.h"
#include "main_window.h"
#include "models/name_search.h"
#include "models/queue_model.h"
#include "ui_support.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <algorithm>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

void quickAdd(MainWindow& w, const QString& text) {
    auto* input = child<QLineEdit>(w, u"quickAdd"_s);
    input->setText(text);
    QTest::keyClick(input, Qt::Key_Return);
    QCoreApplication::processEvents(); // what follows an add waits for the event loop
}

void select(MainWindow& w, int row) {
    auto* view = child<QTreeView>(w, u"queueView"_s);
    view->setCurrentIndex(view->model()->index(row, 0));
}

} // namespace

TEST_CASE("quick add puts a known participant in the queue") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    quickAdd(w, u"audience 2"_s); // type-ahead is case-insensitive
    CHECK(h.queueNames() == QStringList{u"Audience 2"_s});
    CHECK(child<QLineEdit>(w, u"quickAdd"_s)->text().isEmpty());
    CHECK(child<QLineEdit>(w, u"quickAdd"_s)->isClearButtonEnabled()); // set up with the text
    auto* view = child<QTreeView>(w, u"queueView"_s);
    CHECK(view->model()->rowCount() == 1);
    CHECK(view->model()->index(0, QueueModel::Channel).data().toString() ==
          label(Presence::Online));
}

// "amina diallo, ISOC Nigeria" queued the existing Amina Diallo of another organisation and
// dropped what was typed, without a word: a namesake was merged into her.
TEST_CASE("quick add of a known name with another affiliation queues them, and says so") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    for (const auto& [name, affiliation] :
         {std::pair{u"Amina Diallo"_s, u"Internet Society Nigeria"_s},
          std::pair{u"Kwame Mensah"_s, u"Ghana IXP"_s}})
        REQUIRE(h.cockpit.submit(Action::AddParticipant, {{u"name"_s, name},
                                                          {u"affiliation"_s, affiliation},
                                                          {u"role"_s, key(Role::Audience)}}));
    QString notice;
    QObject::connect(&h.cockpit, &Cockpit::notice, [&](const QString& t) { notice = t; });
    quickAdd(w, u"kwame mensah, ghana ixp"_s); // the same: nothing to say
    CHECK(h.queueNames() == QStringList{u"Kwame Mensah"_s});
    CHECK(notice.isEmpty());
    quickAdd(w, u"amina diallo, ISOC Nigeria"_s);
    CHECK(h.queueNames() == QStringList{u"Kwame Mensah"_s, u"Amina Diallo"_s});
    CHECK(notice.contains(u"on the roster already (Internet Society Nigeria)"_s));
}

// After a takeover the online moderator's seat becomes the moderator's: the people they then
// brought in (online, as before) were entered as in the room, which skewed the balance figures.
TEST_CASE("quick add presets the seat's usual presence, and keeps it for an online moderator who "
          "takes over hosting") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* presence = child<QComboBox>(w, u"newPresence"_s);
    CHECK(presence->currentData().toString() == key(Presence::Onsite)); // the moderator's
    h.cockpit.setSeat(Seat::OnlineModerator); // joined with the control code
    CHECK(presence->currentData().toString() == key(Presence::Online));
    h.cockpit.setSeat(Seat::Moderator); // hosting now, in place of the host that left
    CHECK(presence->currentData().toString() == key(Presence::Online));
    h.cockpit.setSeat(Seat::Rapporteur);
    h.cockpit.setSeat(Seat::Moderator); // a moderator's cockpit again
    CHECK(presence->currentData().toString() == key(Presence::Onsite));
}

TEST_CASE("quick add brings in someone new with group, region and presence") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* input = child<QLineEdit>(w, u"quickAdd"_s);
    input->setText(u"Lina Haddad, Digital Rights Lebanon"_s);
    auto* group = child<QComboBox>(w, u"newGroup"_s);
    CHECK_FALSE(group->isHidden()); // a new name shows the fields for a new participant
    group->setCurrentIndex(group->findData(key(StakeholderGroup::CivilSociety)));
    auto* presence = child<QComboBox>(w, u"newPresence"_s);
    presence->setCurrentIndex(presence->findData(key(Presence::Online)));
    QTest::keyClick(input, Qt::Key_Return);
    QCoreApplication::processEvents();

    const Participant* p = h.state().participant(h.participantNamed(u"Lina Haddad"_s));
    REQUIRE(p);
    CHECK(p->affiliation == u"Digital Rights Lebanon"_s);
    CHECK(p->group == StakeholderGroup::CivilSociety);
    CHECK(p->presence == Presence::Online);
    REQUIRE(h.queueNames() == QStringList{u"Lina Haddad"_s});
    CHECK(h.state().queue.first().channel == Presence::Online);
    // The region was left as offered: unspecified, not the first region of the list.
    CHECK(p->region == Region::Unspecified);
}

// Group and region picked with the mouse, the focus was on a list box, and Enter did nothing.
TEST_CASE("quick add takes Enter in the newcomer's list boxes too, once") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    auto* input = child<QLineEdit>(w, u"quickAdd"_s);
    input->setText(u"Lina Haddad, Digital Rights Lebanon"_s);
    auto* region = child<QComboBox>(w, u"newRegion"_s);
    region->setCurrentIndex(region->findData(key(Region::AsiaPacific)));
    region->setFocus();
    REQUIRE(QTest::qWaitFor([&] { return region->hasFocus(); }));
    QTest::keyClick(region, Qt::Key_Return);
    QCoreApplication::processEvents();
    REQUIRE(h.queueNames() == QStringList{u"Lina Haddad"_s});
    CHECK(h.state().participant(h.participantNamed(u"Lina Haddad"_s))->region ==
          Region::AsiaPacific);
    // In the name field, Enter adds once (a second add would be refused: she is waiting).
    int refusals = 0;
    QObject::connect(&h.engine, &SessionEngine::refused, [&] { ++refusals; });
    input->setFocus();
    REQUIRE(QTest::qWaitFor([&] { return input->hasFocus(); }));
    input->setText(u"Audience 1"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QCoreApplication::processEvents();
    CHECK(h.queueNames() == QStringList{u"Lina Haddad"_s, u"Audience 1"_s});
    CHECK(refusals == 0);
}

// A seat that joins is told its role by the host after its window was made: the online
// moderator's newcomers were all recorded as onsite.
TEST_CASE("quick add offers online for the online moderator's newcomers, also after joining") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* presence = child<QComboBox>(w, u"newPresence"_s);
    CHECK(presence->currentData().toString() == key(Presence::Onsite));
    h.cockpit.setSeat(Seat::OnlineModerator);
    CHECK(presence->currentData().toString() == key(Presence::Online));

    quickAdd(w, u"Lena Remote, NGO Y"_s);
    const Participant* p = h.state().participant(h.participantNamed(u"Lena Remote"_s));
    REQUIRE(p);
    CHECK(p->presence == Presence::Online);
}

TEST_CASE("quick add: someone new added in a hurry is of no stated group or region") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    quickAdd(w, u"Tomás Ruiz, Universidad de Chile"_s);
    const Participant* p = h.state().participant(h.participantNamed(u"Tomás Ruiz"_s));
    REQUIRE(p);
    CHECK(p->group == StakeholderGroup::Unspecified); // not counted as a government speaker
    CHECK(p->region == Region::Unspecified);

    // One with a group chosen, then the next newcomer is unspecified again, not the same group.
    auto* input = child<QLineEdit>(w, u"quickAdd"_s);
    input->setText(u"Ana Pérez, Derechos Digitales"_s);
    auto* group = child<QComboBox>(w, u"newGroup"_s);
    group->setCurrentIndex(group->findData(key(StakeholderGroup::CivilSociety)));
    QTest::keyClick(input, Qt::Key_Return);
    QCoreApplication::processEvents();
    REQUIRE(h.state().participant(h.participantNamed(u"Ana Pérez"_s)));
    CHECK(h.state().participant(h.participantNamed(u"Ana Pérez"_s))->group ==
          StakeholderGroup::CivilSociety);
    CHECK(group->currentData().toString() == key(StakeholderGroup::Unspecified));
    // Side by side, the two boxes said "Unspecified" both: which was which?
    CHECK(group->currentText() == u"Unspecified group"_s);
    CHECK(child<QComboBox>(w, u"newRegion"_s)->currentText() == u"Unspecified region"_s);
}

// One online newcomer made the next one, in the room, online too: the balance said so for good.
TEST_CASE("quick add: after an online newcomer, the next is of the seat's usual presence again") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* input = child<QLineEdit>(w, u"quickAdd"_s);
    auto* presence = child<QComboBox>(w, u"newPresence"_s);
    input->setText(u"Ali Remote, NetOrg"_s);
    presence->setCurrentIndex(presence->findData(key(Presence::Online)));
    QTest::keyClick(input, Qt::Key_Return);
    QCoreApplication::processEvents();
    REQUIRE(h.state().participant(h.participantNamed(u"Ali Remote"_s)));
    CHECK(h.state().participant(h.participantNamed(u"Ali Remote"_s))->presence == Presence::Online);
    CHECK(presence->currentData().toString() == key(Presence::Onsite)); // the in-room seat's
}

// One Ctrl+Z took the newcomer out of the queue and left them on the roster, where the report
// counted them: a misspelt name stayed unless the moderator pressed it twice.
TEST_CASE("quick add: someone new is one undo step, the queue entry and the roster together") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    QUndoStack& undo = h.cockpit.undoStack();
    REQUIRE(h.cockpit.run(Action::SetStageMessage, {{u"text"_s, u"Welcome"_s}}, u"Message"_s));
    quickAdd(w, u"Lina Haddad, Digital Rights Lebanon"_s);
    REQUIRE(h.queueNames() == QStringList{u"Lina Haddad"_s});
    const auto onRoster = [&] {
        const auto& people = h.state().participants;
        return std::any_of(people.cbegin(), people.cend(),
                           [](const Participant& p) { return p.name == u"Lina Haddad"_s; });
    };
    CHECK(undo.undoText() == u"Add Lina Haddad to the queue"_s);
    undo.undo();
    CHECK(h.queueNames().isEmpty());
    CHECK_FALSE(onRoster()); // nothing is left behind
    CHECK(h.state().stageMessage == u"Welcome"_s);
    CHECK(undo.undoText() == u"Message"_s);

    // Redone, both come back: the queue entry names the person by the id they had.
    undo.redo();
    CHECK(onRoster());
    CHECK(h.queueNames() == QStringList{u"Lina Haddad"_s});
    CHECK_FALSE(undo.canRedo());
}

// The roster step of the online moderator's own quick add was offered in Edit → Undo and refused
// every time: "Only the in-room moderator can do that."
TEST_CASE("quick add on the online moderator's seat is undone whole") {
    useTemporarySettings();
    CockpitHarness h;
    h.cockpit.setSeat(Seat::OnlineModerator);
    MainWindow w(h.cockpit);
    QStringList notices;
    QObject::connect(&h.cockpit, &Cockpit::notice, [&](const QString& t) { notices << t; });
    quickAdd(w, u"Ali Remote, NetOrg"_s);
    REQUIRE(h.queueNames() == QStringList{u"Ali Remote"_s});
    QUndoStack& undo = h.cockpit.undoStack();
    undo.undo();
    CHECK(h.queueNames().isEmpty());
    CHECK_THROWS(h.participantNamed(u"Ali Remote"_s)); // off the roster
    CHECK(notices.isEmpty());
}

// The call, redone after the entry's own undo and redo, named the entry's old id: "That entry is
// no longer in the queue."
TEST_CASE("quick add and a call to the floor, undone and redone, call the newcomer again") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    quickAdd(w, u"Lina Haddad, Digital Rights Lebanon"_s);
    REQUIRE(h.state().queue.size() == 1);
    REQUIRE(h.cockpit.run(Action::Next, {{u"entry"_s, h.state().queue.first().id}},
                          u"Call Lina Haddad"_s));
    QUndoStack& undo = h.cockpit.undoStack();
    for (int i = 0; i < 2; ++i)
        undo.undo();
    REQUIRE_FALSE(h.state().floor);
    CHECK_THROWS(h.participantNamed(u"Lina Haddad"_s)); // the call, then the quick add whole
    for (int i = 0; i < 2; ++i)
        undo.redo();
    REQUIRE(h.state().floor);
    CHECK(h.state().participant(h.state().floor->entry.participantId)->name == u"Lina Haddad"_s);
}

// A newcomer typed as "Avi" was queued as David Huberman: any part of a name was taken for it.
TEST_CASE("quick add: the start of a word of one name is that participant, of several it asks "
          "which, and a part within a word is someone new") {
    useTemporarySettings();
    CockpitHarness h;
    for (const QString& name : {u"Adiel Akplogan"_s, u"David Huberman"_s})
        REQUIRE(h.run(Action::AddParticipant, {{u"name"_s, name}}));
    MainWindow w(h.cockpit);
    const int roster = int(h.state().participants.size());
    quickAdd(w, u"akp"_s); // only Adiel Akplogan has a word that begins so
    CHECK(h.queueNames() == QStringList{u"Adiel Akplogan"_s});
    quickAdd(w, u"Avi"_s); // within "David": someone new
    CHECK(h.queueNames() == QStringList{u"Adiel Akplogan"_s, u"Avi"_s});
    CHECK(int(h.state().participants.size()) == roster + 1);
    QCoreApplication::processEvents(); // a newcomer's field is emptied a turn later
    QString notice;
    QObject::connect(&h.cockpit, &Cockpit::notice, [&](const QString& t) { notice = t; });
    quickAdd(w, u"audience"_s); // every "Audience n" does: nobody new is made up
    CHECK(h.queueNames() == QStringList{u"Adiel Akplogan"_s, u"Avi"_s});
    CHECK(notice.contains(u"Several participants"_s));
    CHECK(int(h.state().participants.size()) == roster + 1);
    CHECK(child<QLineEdit>(w, u"quickAdd"_s)->text() == u"audience"_s); // kept, to pick one
}

// "李华，清华大学" became one participant of that whole name, with no affiliation.
TEST_CASE("quick add: someone new's affiliation follows the comma of their script") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    quickAdd(w, u"李华，清华大学"_s);
    quickAdd(w, u"سارة أحمد، منظمة المجتمع المدني"_s);
    quickAdd(w, u"Ana Silva, NIC.br, São Paulo"_s); // the first comma only
    // Typed decomposed (as some keyboards and pastes give it): added in the roster's composed
    // form, and queued; it was added, not queued, and Enter again added another.
    quickAdd(w, u"Jose\u0301 Ruiz, LACNIC"_s);
    const auto affiliationOf = [&h](const QString& name) {
        return h.state().participant(h.participantNamed(name))->affiliation;
    };
    CHECK(affiliationOf(u"李华"_s) == u"清华大学"_s);
    CHECK(affiliationOf(u"سارة أحمد"_s) == u"منظمة المجتمع المدني"_s);
    CHECK(affiliationOf(u"Ana Silva"_s) == u"NIC.br, São Paulo"_s);
    CHECK(h.queueNames() == QStringList{u"李华"_s, u"سارة أحمد"_s, u"Ana Silva"_s, u"José Ruiz"_s});
    CHECK(child<QLineEdit>(w, u"quickAdd"_s)->text().isEmpty());
}

TEST_CASE("quick add: Ctrl+Z in the emptied field undoes the last step, not the typing") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    auto* input = child<QLineEdit>(w, u"quickAdd"_s);
    input->setFocus();
    QTest::keyClicks(input, u"Audience 2"_s);
    QTest::keyClick(input, Qt::Key_Return);
    QCoreApplication::processEvents();
    REQUIRE(h.queueNames() == QStringList{u"Audience 2"_s});
    REQUIRE(input->text().isEmpty());
    QTest::keySequence(input, QKeySequence::Undo);
    CHECK(h.queueNames().isEmpty());   // the session's step
    CHECK(input->text().isEmpty());    // the name did not come back to be added twice
    QTest::keyClicks(input, u"Aud"_s); // while typing, Ctrl+Z is the field's own
    QTest::keySequence(input, QKeySequence::Undo);
    CHECK(input->text().size() < 3);
}

TEST_CASE("a reply relates to the selected entry") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    quickAdd(w, u"Audience 1"_s);
    quickAdd(w, u"Audience 2"_s);
    select(w, 0);
    auto* kind = child<QComboBox>(w, u"entryKind"_s);
    kind->setCurrentIndex(kind->findData(key(EntryKind::Reply)));
    quickAdd(w, u"Audience 3"_s);
    CHECK(h.queueNames() == QStringList{u"Audience 1"_s, u"Audience 3"_s, u"Audience 2"_s});
    CHECK(h.state().queue[1].relatesTo == h.state().queue[0].id);
    // The queue says whose point it answers, also once that one has the floor.
    auto* view = child<QAbstractItemView>(w, u"queueView"_s);
    CHECK(view->model()->index(1, QueueModel::Kind).data().toString() == u"Reply to Audience 1"_s);
    CHECK(view->model()->index(1, QueueModel::Kind).data(Qt::ToolTipRole).toString() ==
          u"Reply to Audience 1"_s);
    child<QAction>(w, u"nextSpeakerAction"_s)->trigger();
    CHECK(view->model()->index(0, QueueModel::Kind).data().toString() == u"Reply to Audience 1"_s);
    CHECK(view->model()->index(1, QueueModel::Kind).data().toString() == u"New point"_s);
}

// A selection left on a queue row after moving it made a reply to someone who had not spoken:
// the kind box said "Reply", to nobody in particular.
TEST_CASE("the kind box names whose point a reply or question would answer") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* kind = child<QComboBox>(w, u"entryKind"_s);
    const auto offered = [kind](EntryKind k) {
        return kind->itemText(kind->findData(key(k)));
    };
    CHECK(offered(EntryKind::Reply) == u"Reply"_s); // nobody to answer yet
    quickAdd(w, u"Audience 1"_s);
    quickAdd(w, u"Audience 2"_s);
    child<QAction>(w, u"nextSpeakerAction"_s)->trigger();
    CHECK(offered(EntryKind::Reply) == u"Reply to Audience 1"_s); // the speaker
    CHECK(offered(EntryKind::ClarifyingQuestion) == u"Question to Audience 1"_s);
    select(w, 0);
    CHECK(offered(EntryKind::Reply) == u"Reply to Audience 2"_s); // the row selected
    child<QAbstractItemView>(w, u"queueView"_s)->clearSelection();
    CHECK(offered(EntryKind::Reply) == u"Reply to Audience 1"_s);
    kind->setCurrentIndex(kind->findData(key(EntryKind::Reply)));
    CHECK(kind->toolTip() == u"Reply to Audience 1"_s); // whole, should the box cut it
}

TEST_CASE("next speaker, withdraw and suggestion from the docks") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    quickAdd(w, u"Audience 1"_s);
    quickAdd(w, u"Audience 2"_s);
    child<QAction>(w, u"nextSpeakerAction"_s)->trigger();
    REQUIRE(h.state().floor);
    CHECK(h.state().participant(h.state().floor->entry.participantId)->name == u"Audience 1"_s);
    CHECK(child<QLabel>(w, u"speakerName"_s)->text() == u"Audience 1"_s);

    select(w, 0);
    child<QPushButton>(w, u"withdrawButton"_s)->click();
    CHECK(h.state().queue.first().withdrawn);
    CHECK(child<QLabel>(w, u"suggestion"_s)->text().contains(u"nobody"_s, Qt::CaseInsensitive));
    child<QPushButton>(w, u"withdrawButton"_s)->click();
    CHECK_FALSE(h.state().queue.first().withdrawn);
    CHECK(child<QLabel>(w, u"suggestion"_s)->text().contains(u"Audience 2"_s));
    child<QPushButton>(w, u"callSuggested"_s)->click();
    CHECK(h.state().participant(h.state().floor->entry.participantId)->name == u"Audience 2"_s);
}

// "Suggested next: Ana Souza" stood beside a Next speaker that called Lena Park, first in the
// queue, with nothing to say which did what.
TEST_CASE("a suggestion other than the first in the queue says whom Next speaker calls") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    quickAdd(w, u"Audience 1"_s);
    child<QAction>(w, u"nextSpeakerAction"_s)->trigger();
    child<QAction>(w, u"endSpeechAction"_s)->trigger();
    quickAdd(w, u"Audience 1"_s); // again: she has spoken, the next one has not
    quickAdd(w, u"Audience 2"_s);
    const QString line = child<QLabel>(w, u"suggestion"_s)->text();
    CHECK(line.startsWith(u"Suggested next: <b>Audience 2</b>"_s));
    CHECK(line.endsWith(u". (“Next speaker” calls Audience 1, first in the queue.)"_s));
    CHECK_FALSE(line.contains(u".."_s));
    child<QPushButton>(w, u"callSuggested"_s)->click();
    CHECK_FALSE(child<QLabel>(w, u"suggestion"_s)->text().contains(u"first in the queue"_s));
}

TEST_CASE("a second 'next' for the same floor is refused, not a skipped speaker") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    for (const QString& n : {u"Audience 1"_s, u"Audience 2"_s, u"Audience 3"_s})
        quickAdd(w, n);
    // Another moderator called Audience 1 a moment ago; this seat's view still saw nobody.
    const QCborMap stale{{u"expectFloor"_s, 0}};
    REQUIRE(h.run(Action::Next, stale));
    CHECK_FALSE(h.run(Action::Next, stale));
    CHECK(h.queueNames() == QStringList{u"Audience 2"_s, u"Audience 3"_s});
}

TEST_CASE("the queue model passes the model tester while the queue changes") {
    CockpitHarness h;
    QueueModel model(h.engine);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<int> moves;
    QObject::connect(&model, &QAbstractItemModel::rowsMoved, [&] { moves.append(1); });
    const Id a = h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    const Id c = h.add(u"Audience 3"_s);
    REQUIRE(h.run(Action::MoveEntry, {{u"entry"_s, c}, {u"to"_s, 0}}));
    CHECK(model.entryAt(0) == c);
    CHECK(moves.size() == 1); // a move, not a reset: the view keeps its selection
    REQUIRE(h.run(Action::MoveEntry, {{u"entry"_s, c}, {u"to"_s, 2}}));
    CHECK(model.entryAt(2) == c);
    REQUIRE(h.run(Action::WithdrawEntry, {{u"entry"_s, a}}));
    CHECK(model.index(0, 0).data(QueueModel::WithdrawnRole).toBool());
    REQUIRE(h.run(Action::RestoreEntry, {{u"entry"_s, a}}));
    REQUIRE(h.run(Action::Next));
    CHECK(model.rowCount() == 2);
    REQUIRE(h.run(Action::EditParticipant,
                  {{u"participant"_s, h.participantNamed(u"Audience 2"_s)}, {u"name"_s, u"B"_s}}));
    CHECK(model.index(0, QueueModel::Name).data().toString().startsWith(u"B"_s));
    h.engine.reset(h.state());
    CHECK(model.rowCount() == 2);
}

TEST_CASE("dropping a row asks for a move and leaves the rows to the event") {
    CockpitHarness h;
    QueueModel model(h.engine);
    h.add(u"Audience 1"_s);
    const Id b = h.add(u"Audience 2"_s);
    QList<std::pair<Id, int>> asked;
    QObject::connect(&model, &QueueModel::moveRequested, [&](Id e, int to) {
        asked.append({e, to});
    });
    std::unique_ptr<QMimeData> mime(model.mimeData({model.index(1, 0)}));
    CHECK_FALSE(model.dropMimeData(mime.get(), Qt::MoveAction, 0, 0, {}));
    REQUIRE(asked.size() == 1);
    CHECK(asked.first() == std::pair<Id, int>{b, 0});
    CHECK(model.rowCount() == 2);
}

// Someone added by mistake (a name typed twice) could not be taken off the roster.
TEST_CASE("a participant not yet in the queue is removed from the roster, and back by undo") {
    ShownWindow window;
    auto& [settings, h, w] = window;
    auto* view = participantsView(w);
    auto* remove = child<QPushButton>(w, u"removeParticipant"_s);
    const auto select = [&](const QString& name) {
        const QModelIndexList rows =
            view->model()->match(view->model()->index(0, 0), Qt::DisplayRole, name);
        REQUIRE(rows.size() == 1);
        view->setCurrentIndex(rows.first());
    };
    h.add(u"Audience 2"_s); // in the queue: stays
    select(u"Audience 2"_s);
    CHECK_FALSE(remove->isEnabled());
    CHECK(remove->toolTip().contains(u"stay on the roster"_s));

    select(u"Audience 4"_s);
    REQUIRE(remove->isEnabled());
    const qsizetype before = h.state().participants.size();
    remove->click();
    const auto onRoster = [&] {
        return std::any_of(h.state().participants.begin(), h.state().participants.end(),
                           [](const Participant& p) { return p.name == u"Audience 4"_s; });
    };
    CHECK(h.state().participants.size() == before - 1);
    CHECK_FALSE(onRoster());
    h.cockpit.undoStack().undo();
    CHECK(onRoster());

    select(u"Audience 4"_s);
    REQUIRE(remove->isEnabled());
    h.add(u"Audience 4"_s); // queued meanwhile, on any seat
    CHECK_FALSE(remove->isEnabled());
}

// OK sent every field of the dialog's copy: a gender set on the other seat while it was open was
// set back without a word.
TEST_CASE("editing a participant sends only what was changed in the dialog") {
    ShownWindow window;
    auto& [settings, h, w] = window;
    auto* view = participantsView(w);
    const Id who = h.participantNamed(u"Audience 4"_s);
    const QModelIndexList rows =
        view->model()->match(view->model()->index(0, 0), Qt::DisplayRole, u"Audience 4"_s);
    REQUIRE(rows.size() == 1);
    view->setCurrentIndex(rows.first());
    bool edited = false;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        REQUIRE(h.run(Action::EditParticipant, {{u"participant"_s, who}, {u"gender"_s, u"woman"_s}},
                      Authority::OnlineModerator)); // meanwhile, on the other seat
        dialog->findChild<QLineEdit*>(u"participantAffiliation"_s)->setText(u"Remote Org EU"_s);
        edited = true;
        dialog->accept();
    });
    child<QPushButton>(w, u"editParticipant"_s)->click();
    REQUIRE(edited);
    CHECK(h.state().participant(who)->affiliation == u"Remote Org EU"_s);
    CHECK(h.state().participant(who)->gender == u"woman"_s);
}

// The queue could only be reordered by dragging.
TEST_CASE("Alt+Up and Alt+Down move the selected speaker, who stays selected") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    h.add(u"Audience 3"_s);
    auto* view = child<QTreeView>(w, u"queueView"_s);
    view->setCurrentIndex(view->model()->index(0, 0));
    auto* down = child<QAction>(w, u"moveDownAction"_s);
    auto* up = child<QAction>(w, u"moveUpAction"_s);
    CHECK_FALSE(up->isEnabled()); // already first
    down->trigger();
    down->trigger();
    CHECK(h.queueNames() == QStringList{u"Audience 2"_s, u"Audience 3"_s, u"Audience 1"_s});
    CHECK_FALSE(down->isEnabled()); // now last
    up->trigger();
    CHECK(h.queueNames() == QStringList{u"Audience 2"_s, u"Audience 1"_s, u"Audience 3"_s});
    CHECK(up->shortcut() == QKeySequence(Qt::ALT | Qt::Key_Up));

    // Elsewhere Alt+Down is a combo box's: it moved the selected speaker instead.
    w.show();
    auto* kind = child<QComboBox>(w, u"entryKind"_s);
    kind->setFocus();
    const QStringList order = h.queueNames();
    QTest::keyClick(kind, Qt::Key_Down, Qt::AltModifier);
    kind->hidePopup();
    CHECK(h.queueNames() == order);
}

TEST_CASE("the participant dialog wants a name, and points out one already on the roster") {
    ParticipantDialog dialog(Participant{}, {u"Amina Diallo"_s, u"Kenji Watanabe"_s});
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    auto* name = dialog.findChild<QLineEdit*>(u"participantName"_s);
    auto* hint = dialog.findChild<QLabel*>(u"participantNameHint"_s);
    REQUIRE(ok);
    REQUIRE(name);
    REQUIRE(hint);
    CHECK_FALSE(ok->isEnabled()); // no name yet: OK cannot close it and lose the rest
    name->setText(u"   "_s);
    CHECK_FALSE(ok->isEnabled());
    name->setText(u"amina diallo"_s);
    CHECK(ok->isEnabled());        // two people may share a name...
    CHECK_FALSE(hint->isHidden()); // ...but it is said before OK
    name->setText(u"Lina Haddad"_s);
    CHECK(hint->isHidden());
}

// "Zoe O'Brien" typed for the roster's "Zoë O'Brien" was not pointed out; and after a long name
// the hint was cut to its first line, the warning itself never seen.
TEST_CASE("the participant dialog points out a name on the roster written without its accents, "
          "and grows to show the whole hint") {
    const QString longName = u"Maximiliano Alejandro Fernández de la Santísima Trinidad Orellana"_s;
    ParticipantDialog dialog(Participant{}, {u"Zoë O'Brien"_s, longName});
    auto* name = dialog.findChild<QLineEdit*>(u"participantName"_s);
    auto* hint = dialog.findChild<QLabel*>(u"participantNameHint"_s);
    REQUIRE(name);
    REQUIRE(hint);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    name->setText(u"zoe o'brien"_s);
    CHECK_FALSE(hint->isHidden());
    CHECK(hint->text().contains(u"“Zoë O'Brien”"_s)); // as the roster writes it
    const int before = dialog.height();
    name->setText(u"maximiliano alejandro fernandez de la santisima trinidad orellana"_s);
    QCoreApplication::processEvents();
    REQUIRE_FALSE(hint->isHidden());
    CHECK(hint->height() >= hint->heightForWidth(hint->width())); // every line of it
    CHECK(dialog.height() > before);
    name->setText(u"Lina Haddad"_s); // the hint goes, and the room it took
    QCoreApplication::processEvents();
    CHECK(hint->isHidden());
    CHECK(dialog.height() <= before);
}

TEST_CASE("quick add on a joined seat: a name the host never got stays in the field") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* input = child<QLineEdit>(w, u"quickAdd"_s);
    bool hostReachable = false;
    h.engine.setForwarder([&](const Command& c) { // a joined seat: commands go to the host
        if (!hostReachable)
            h.engine.reportRefusal(c.id, u"Not connected to the host right now."_s);
    });
    quickAdd(w, u"Audience 2"_s);
    CHECK(input->text() == u"Audience 2"_s); // to try again once the host is back
    hostReachable = true;
    quickAdd(w, u"Audience 2"_s);
    CHECK(input->text().isEmpty()); // sent: the event comes back from the host
}

namespace {

// A newcomer quick-added on a joined seat: the host takes them onto the roster, and the seat asks
// for their queue entry (forwarded, its event not yet back).
void quickAddOnJoinedSeat(JoinedWindow& joined, const QString& text) {
    const qsizetype before = joined.forwarded.size();
    quickAdd(joined.w, text);
    REQUIRE(joined.forwarded.size() == before + 1);
    joined.host.decideOnHost(joined.forwarded.last());
    REQUIRE(joined.forwarded.size() == before + 2);
}

// After one undo of that step: both undos went out, the entry's first; once the host has them,
// the newcomer is gone whole.
void checkUndoneWhole(JoinedWindow& joined, const QString& name) {
    QList<Command>& forwarded = joined.forwarded;
    REQUIRE(forwarded.size() == 4);
    CHECK(forwarded[2].action == Action::RemoveEntry);
    CHECK(forwarded[3].action == Action::RemoveParticipant);
    joined.host.decideOnHost(forwarded[2]);
    joined.host.decideOnHost(forwarded[3]);
    CHECK(joined.h.queueNames().isEmpty());
    CHECK_THROWS(joined.h.participantNamed(name));
}

} // namespace

// On a joined seat the queue entry is asked for only once the host's roster event has come: it
// still goes into the newcomer's step, and its undo is sent first.
TEST_CASE(
    "quick add on a joined seat is one undo step, the entry's undo sent before the roster's") {
    JoinedWindow joined;
    auto& [settings, h, w, host, forwarded] = joined;
    quickAddOnJoinedSeat(joined, u"Ruth Okafor, Kenya ICT Authority"_s);
    CHECK(forwarded[1].action == Action::AddEntry);
    host.decideOnHost(forwarded[1]);
    REQUIRE(h.queueNames() == QStringList{u"Ruth Okafor"_s});

    QUndoStack& undo = h.cockpit.undoStack();
    CHECK(undo.count() == 1);
    CHECK(undo.undoText() == u"Add Ruth Okafor to the queue"_s);
    undo.undo();
    checkUndoneWhole(joined, u"Ruth Okafor"_s);
}

// Ctrl+Z in the round trip between the newcomer's roster event and their entry's: the entry
// had no undo yet, only the roster's was sent, and the host refused it (they were queued).
TEST_CASE("quick add on a joined seat undone before the host has answered the entry waits for it") {
    JoinedWindow joined;
    auto& [settings, h, w, host, forwarded] = joined;
    quickAddOnJoinedSeat(joined, u"Yan Beta, ACME"_s); // its entry's event still on its way

    QUndoStack& undo = h.cockpit.undoStack();
    undo.undo();
    CHECK(forwarded.size() == 2);    // nothing sent yet
    host.decideOnHost(forwarded[1]); // the entry's event arrives: now both undos go, in order
    checkUndoneWhole(joined, u"Yan Beta"_s);

    // Another step pushed meanwhile deletes the undone one from the stack: its undo still goes.
    forwarded.clear();
    quickAddOnJoinedSeat(joined, u"Xia Delta, ACME"_s);
    undo.undo();
    undo.push(new QUndoCommand(u"a note"_s));
    CHECK(forwarded.size() == 2);
    host.decideOnHost(forwarded[1]);
    checkUndoneWhole(joined, u"Xia Delta"_s);

    // Redone before its undo went out, it was never undone: nothing is sent.
    forwarded.clear();
    quickAddOnJoinedSeat(joined, u"Zoe Gamma, ACME"_s);
    undo.undo();
    undo.redo();
    host.decideOnHost(forwarded[1]);
    CHECK(forwarded.size() == 2);
    CHECK(h.queueNames() == QStringList{u"Zoe Gamma"_s});
}

// After "Call selected" the selection fell on the row below: a second press called someone else.
TEST_CASE("Call selected calls the selected entry once, and leaves nothing selected") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    const Id first = h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    auto* view = child<QAbstractItemView>(w, u"queueView"_s);
    auto* call = child<QPushButton>(w, u"callSelected"_s);
    view->setCurrentIndex(view->model()->index(0, 0));
    REQUIRE(call->isEnabled());
    call->click();
    REQUIRE(h.state().floor);
    CHECK(h.state().floor->entry.id == first);
    CHECK_FALSE(view->selectionModel()->hasSelection());
    CHECK_FALSE(view->currentIndex().isValid()); // on a joined seat the row goes later
    CHECK_FALSE(call->isEnabled());
}

namespace {

// A disk with room for `room` more events.
struct DiskFillingUp final : EventJournal {
    int room = 0;
    Result<bool> append(const Event&) override {
        if (room-- > 0)
            return true;
        return Result<bool>::failure(u"The disk is full."_s);
    }
};

QString writePlan(const QTemporaryDir& dir, const QStringList& names) {
    QJsonArray people;
    for (const QString& name : names)
        people.append(QJsonObject{{u"name"_s, name}});
    // People alone, as a roster for import is written: no session, no title.
    const QJsonObject plan{{u"podiumPlan"_s, 1}, {u"participants"_s, people}};
    const QString path = dir.filePath(u"plan.json"_s);
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(plan).toJson());
    return path;
}

ParticipantsDock& participantsDock(MainWindow& w) {
    auto* dock = qobject_cast<ParticipantsDock*>(w.dock(u"participantsDock"_s));
    REQUIRE(dock);
    dock->ensureBuilt();
    return *dock;
}

} // namespace

// A plan naming someone twice, or someone on the roster with another case or spacing, added them
// again: the report counted them twice.
TEST_CASE("importing participants adds each newcomer once, in one undo step") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    QTemporaryDir dir;
    const int roster = int(h.state().participants.size());
    const auto added = participantsDock(w).importPlan(
        writePlan(dir, {u"Zed New"_s, u"zed  new"_s, u"panelist   a"_s, u"Ana Nueva"_s,
                        u"Ana N\u00FAeva"_s /* another person */,
                        u"Ana Nu\u0301eva"_s /* her again, decomposed */}));
    REQUIRE(added);
    CHECK(added.value() == 3); // a name in another Unicode form is the same name
    CHECK(int(h.state().participants.size()) == roster + 3);
    CHECK(h.participantNamed(u"Zed New"_s) != 0);
    CHECK(h.cockpit.undoStack().undoText() == u"Import participants"_s);
    h.cockpit.undoStack().undo();
    CHECK(int(h.state().participants.size()) == roster);

    QFile notJson(dir.filePath(u"people.csv"_s));
    REQUIRE(notJson.open(QIODevice::WriteOnly));
    notJson.write("name\nZed New\n");
    notJson.close();
    const auto refused = participantsDock(w).importPlan(notJson.fileName());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().startsWith(u"No participant was added: the plan cannot be read."_s));
}

// With the disk full, the import said "New participants added: 3." and added none, leaving an
// undo step that held nothing.
TEST_CASE("an import the disk has no room for says what was added, and leaves no empty step") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    QTemporaryDir dir;
    DiskFillingUp disk;
    disk.room = 1;
    h.engine.setJournal(&disk);
    REQUIRE(h.cockpit.run(Action::SetStageMessage, {{u"text"_s, u"Welcome"_s}}, u"Message"_s));
    const int roster = int(h.state().participants.size());
    const QString plan = writePlan(dir, {u"Full One"_s, u"Full Two"_s, u"Full Three"_s});

    const auto none = participantsDock(w).importPlan(plan);
    REQUIRE_FALSE(none);
    CHECK(none.error() == u"No participant was added: The disk is full."_s);
    CHECK(int(h.state().participants.size()) == roster);
    CHECK(h.cockpit.undoStack().undoText() == u"Message"_s); // the step before, still there
    CHECK_FALSE(h.cockpit.undoStack().canRedo());            // and no empty one to redo
    CHECK(h.state().stageMessage == u"Welcome"_s);

    disk.room = 1;
    const auto some = participantsDock(w).importPlan(plan);
    REQUIRE_FALSE(some);
    CHECK(some.error() == u"Only 1 of the 3 new participants were added. Not added: Full Two "
                          u"(The disk is full.); Full Three (The disk is full.)"_s);
    CHECK(int(h.state().participants.size()) == roster + 1);
    CHECK(h.cockpit.undoStack().undoText() == u"Import participants"_s);
    h.engine.setJournal(nullptr);

    // One newcomer refused kept out everyone after them.
    const QString tooLong(201, u'x');
    const auto oneBad =
        participantsDock(w).importPlan(writePlan(dir, {u"Ana Uno"_s, tooLong, u"Ana Tres"_s}));
    REQUIRE_FALSE(oneBad);
    CHECK(oneBad.error().startsWith(u"Only 2 of the 3 new participants were added. Not added: "_s +
                                    tooLong + u" ("_s));
    CHECK(h.participantNamed(u"Ana Tres"_s) != 0);
}

// Tabbed into, the queue marked its first row without selecting it, and the first Down selected
// the second: "Call selected" then called someone the moderator had not picked.
TEST_CASE("the queue reached with Tab selects the row it marks, and Down goes on from there") {
    ShownWindow window;
    auto& [settings, h, w] = window;
    h.add(u"Audience 1"_s);
    h.add(u"Audience 2"_s);
    auto* view = child<QTreeView>(w, u"queueView"_s);
    QWidget* before = view->previousInFocusChain();
    while (before && !(before->focusPolicy() & Qt::TabFocus && before->isVisible()))
        before = before->previousInFocusChain();
    REQUIRE(before);
    before->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(before, Qt::Key_Tab);
    REQUIRE(QTest::qWaitFor([&] { return view->selectionModel()->hasSelection(); }));
    CHECK(view->hasFocus());
    CHECK(view->currentIndex().row() == 0);
    CHECK(child<QPushButton>(w, u"callSelected"_s)->isEnabled());
    QTest::keyClick(view, Qt::Key_Down);
    CHECK(view->selectionModel()->selectedRows().value(0).row() == 1);
}

// A dock's frame took a Tab stop of its own and showed nothing there (two Tabs "landed nowhere").
TEST_CASE("Tab never stops on a dock's frame") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.buildAllDocks();
    for (QDockWidget* dock : w.docks()) {
        INFO(dock->objectName().toStdString());
        REQUIRE(dock->widget());
        CHECK(dock->widget()->focusPolicy() == Qt::NoFocus);
    }
}

// A roster of 300 could be searched only by typing a name's start into the table, and not sorted.
TEST_CASE("the roster is found by any part of a name, affiliation or group, sorted by a header "
          "until clicked a third time, and edited as found") {
    ShownWindow window;
    auto& [settings, h, w] = window;
    auto* view = participantsView(w);
    const int everyone = int(h.state().participants.size());
    REQUIRE(view->model()->rowCount() == everyone);
    const auto shownNames = [view] {
        QStringList names;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            names << view->model()->index(row, 0).data().toString();
        return names;
    };

    auto* find = child<QLineEdit>(w, u"findParticipant"_s);
    find->setText(u"audience 3"_s); // any case
    CHECK(shownNames() == QStringList{u"Audience 3"_s});

    // The one found is the one edited, whatever its row on the whole roster.
    const Id who = h.participantNamed(u"Audience 3"_s);
    view->setCurrentIndex(view->model()->index(0, 0));
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        dialog->findChild<QLineEdit*>(u"participantAffiliation"_s)->setText(u"Found Org"_s);
        dialog->accept();
    });
    child<QPushButton>(w, u"editParticipant"_s)->click();
    CHECK(h.state().participant(who)->affiliation == u"Found Org"_s);
    find->setText(u"found org"_s); // by its affiliation
    CHECK(shownNames() == QStringList{u"Audience 3"_s});

    find->clear();
    REQUIRE(view->model()->rowCount() == everyone);
    QStringList roster;
    for (const Participant& p : h.state().participants)
        roster << p.name;
    CHECK(shownNames() == roster); // the roster's own order until a header is clicked
    QStringList ascending = roster;
    std::sort(ascending.begin(), ascending.end(), [](const QString& a, const QString& b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    REQUIRE(ascending != roster);
    QStringList descending = ascending;
    std::reverse(descending.begin(), descending.end());
    const auto clickNameHeader = [view] {
        QHeaderView* header = view->header();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          {header->sectionViewportPosition(0) + 5, header->height() / 2});
    };
    clickNameHeader();
    CHECK(shownNames() == ascending);
    clickNameHeader();
    CHECK(shownNames() == descending);
    clickNameHeader(); // a third click: the roster's order again, without restarting
    CHECK(shownNames() == roster);
}

// At 300 on the roster, "Nadia Diallo" and "Nadia Diallo 183" could not be told apart in the quick
// add's list: it showed names only.
TEST_CASE("the quick add's list shows each name with its affiliation, and puts the name alone") {
    useTemporarySettings();
    CockpitHarness h;
    REQUIRE(h.run(Action::AddParticipant,
                  {{u"name"_s, u"Nadia Diallo"_s}, {u"affiliation"_s, u"ICANN"_s}}));
    REQUIRE(h.run(Action::AddParticipant,
                  {{u"name"_s, u"Nadia Diallo 183"_s}, {u"affiliation"_s, u"Access Now"_s}}));
    MainWindow w(h.cockpit);
    QCompleter* completer = child<QLineEdit>(w, u"quickAdd"_s)->completer();
    REQUIRE(completer);
    completer->setCompletionPrefix(u"nadia"_s);
    QAbstractItemModel* shown = completer->completionModel();
    REQUIRE(shown->rowCount() == 2);
    CHECK(shown->index(0, 0).data().toString() == u"Nadia Diallo (ICANN)"_s);
    CHECK(shown->index(1, 0).data().toString() == u"Nadia Diallo 183 (Access Now)"_s);
    auto* found = qobject_cast<QAbstractProxyModel*>(shown);
    REQUIRE(found);
    CHECK(completer->pathFromIndex(found->mapToSource(shown->index(1, 0))) ==
          u"Nadia Diallo 183"_s); // what goes into the field
}

// A moderator types a name from a badge on whatever keyboard is at hand: "zoe" found no "Zoë".
TEST_CASE("a name typed without its accents is found in the roster, the quick add's list and by "
          "the quick add") {
    ShownWindow window;
    auto& [settings, h, w] = window;
    for (const auto& [name, affiliation] :
         {std::pair{u"Zoë O'Brien-Ålesund"_s, u"Fundación Vía Libre"_s},
          std::pair{u"Nguyễn Thị Minh Khai"_s, u"VNNIC"_s}, std::pair{u"Łukasz Øberg"_s, u""_s},
          std::pair{u"محمد عبد الله"_s, u"ISOC"_s}})
        REQUIRE(
            h.run(Action::AddParticipant, {{u"name"_s, name}, {u"affiliation"_s, affiliation}}));
    CHECK(searchKey(u"Zoë O'Brien-Ålesund"_s) == u"zoe o'brien-alesund"_s);
    CHECK(searchKey(u"Łukasz Øberg"_s) == u"lukasz oberg"_s);
    CHECK(searchKey(u"محمد"_s) == u"محمد"_s); // a script without case or accents as it is
    CHECK(searchKey(u"مُحَمَّد"_s) == u"محمد"_s); // vowel points written or not
    // In Devanagari the marks are vowels: "सनील" (Sanil) is not "सुनील" (Sunil).
    CHECK_FALSE(searchKey(u"सुनील कुमार"_s).contains(searchKey(u"सनील"_s)));
    CHECK(searchKey(u"सुनील कुमार"_s).contains(searchKey(u"सुनील"_s)));

    auto* view = participantsView(w);
    auto* find = child<QLineEdit>(w, u"findParticipant"_s);
    const auto shownNames = [view] {
        QStringList names;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            names << view->model()->index(row, 0).data().toString();
        return names;
    };
    find->setText(u"zoe o'brien"_s);
    CHECK(shownNames() == QStringList{u"Zoë O'Brien-Ålesund"_s});
    find->setText(u"NGUYEN thi"_s);
    CHECK(shownNames() == QStringList{u"Nguyễn Thị Minh Khai"_s});
    find->setText(u"via libre"_s); // an affiliation too
    CHECK(shownNames() == QStringList{u"Zoë O'Brien-Ålesund"_s});
    find->setText(u"lukasz"_s);
    CHECK(shownNames() == QStringList{u"Łukasz Øberg"_s});
    find->setText(u"عبد"_s);
    CHECK(shownNames() == QStringList{u"محمد عبد الله"_s});
    find->setText(u"zoë"_s); // typed with the accent, found as well
    CHECK(shownNames() == QStringList{u"Zoë O'Brien-Ålesund"_s});
    REQUIRE(h.run(Action::AddParticipant, {{u"name"_s, u"Amal  Haddad"_s}}));
    find->setText(u"amal haddad"_s); // spaces count once, on the roster as in what is typed
    CHECK(shownNames() == QStringList{u"Amal  Haddad"_s});
    REQUIRE(h.run(Action::AddParticipant, {{u"name"_s, u"Seán O’Brien"_s}}));
    find->setText(u"sean o'brien"_s); // a typographic apostrophe, typed plain
    CHECK(shownNames() == QStringList{u"Seán O’Brien"_s});

    QCompleter* completer = child<QLineEdit>(w, u"quickAdd"_s)->completer();
    completer->setCompletionPrefix(u"nguyen"_s);
    QAbstractItemModel* listed = completer->completionModel();
    REQUIRE(listed->rowCount() == 1);
    CHECK(listed->index(0, 0).data().toString() == u"Nguyễn Thị Minh Khai (VNNIC)"_s);
    auto* found = qobject_cast<QAbstractProxyModel*>(listed);
    REQUIRE(found);
    CHECK(completer->pathFromIndex(found->mapToSource(listed->index(0, 0))) ==
          u"Nguyễn Thị Minh Khai"_s); // the name as written goes into the field

    // In the alphabet's order, in the list and in the roster sorted by name: "Łukasz" and
    // "Zoë" among the Ls and Zs, not after every Latin letter.
    REQUIRE(h.run(Action::AddParticipant, {{u"name"_s, u"Ólafur Ágústsson"_s}}));
    QStringList inList;
    for (int row = 0; row < completer->model()->rowCount(); ++row)
        inList << completer->model()->index(row, 0).data(Qt::UserRole).toString();
    const auto before = [&inList](const QString& a, const QString& b) {
        return inList.indexOf(a) >= 0 && inList.indexOf(a) < inList.indexOf(b);
    };
    CHECK(before(u"Łukasz Øberg"_s, u"Nguyễn Thị Minh Khai"_s));
    CHECK(before(u"Ólafur Ágústsson"_s, u"Panelist A"_s));
    CHECK(before(u"Panelist A"_s, u"Zoë O'Brien-Ålesund"_s));
    find->clear();
    view->sortByColumn(0, Qt::AscendingOrder);
    const QStringList sorted = shownNames();
    CHECK(sorted.indexOf(u"Ólafur Ágústsson"_s) < sorted.indexOf(u"Panelist A"_s));
    CHECK(sorted.indexOf(u"Łukasz Øberg"_s) < sorted.indexOf(u"Nguyễn Thị Minh Khai"_s));

    const qsizetype roster = h.state().participants.size();
    quickAdd(w, u"zoe"_s); // Zoë, not someone new called "zoe"
    CHECK(h.queueNames() == QStringList{u"Zoë O'Brien-Ålesund"_s});
    CHECK(h.state().participants.size() == roster);
    // Enter takes a part of a name, never of an affiliation: "Sam" queued Priya Nair (Samsung
    // Research), with nothing to say so.
    REQUIRE(h.run(Action::AddParticipant,
                  {{u"name"_s, u"Priya Nair"_s}, {u"affiliation"_s, u"Samsung Research"_s}}));
    quickAdd(w, u"Sam"_s);
    CHECK(h.queueNames() == QStringList{u"Zoë O'Brien-Ålesund"_s, u"Sam"_s});
    CHECK(h.state().participants.size() == roster + 2); // Priya, and Sam who is new
}

// Adding someone from the chat by keyboard: name, Tab through kind, group, region and presence,
// and on to Add, with no mouse (a rehearsal found Add past reach; it was not, and stays so).
TEST_CASE("quick add: Tab goes from the name through the newcomer's boxes to Add") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    w.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w));
    auto* input = child<QLineEdit>(w, u"quickAdd"_s);
    input->setFocus();
    QTest::keyClicks(input, u"Ana Perez, Derechos Digitales"_s);
    QStringList chain;
    for (int i = 0; i < 5; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        chain << QApplication::focusWidget()->objectName();
    }
    CHECK(chain == QStringList{u"entryKind"_s, u"newGroup"_s, u"newRegion"_s, u"newPresence"_s,
                               u"addButton"_s});
}
