#include <catch2/catch.hpp>

#include "commands/authority.h"
#include "displays/audience_display.h"
#include "displays/display_windows.h"
#include "docks/balance_dock.h"
#include "docks/poll_chart.h"
#include "docks/polls_dock.h"
#include "docks/web_voting_row.h"
#include "file_menu.h"
#include "main_window.h"
#include "model/codec.h"
#include "models/tally_model.h"
#include "plan/plan.h"
#include "report/chart.h"
#include "session_details_dialog.h"
#include "shortcuts_dialog.h"
#include "ui_support.h"
#include "voting_server.h"

#include <QAbstractBarSeries>
#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>
#include <QValueAxis>
#include <cmath>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

void createPoll(MainWindow& w) {
    child<QPushButton>(w, u"newPollToggle"_s)->click();
    REQUIRE(w.findChild<QWidget*>(u"createPollBox"_s)->isVisibleTo(&w));
    child<QLineEdit>(w, u"pollQuestion"_s)->setText(u"Should the IGF mandate be permanent?"_s);
    child<QPlainTextEdit>(w, u"pollOptions"_s)->setPlainText(u"Yes\nNo\nUndecided\n"_s);
    child<QPushButton>(w, u"createPoll"_s)->click();
}

void enterTally(MainWindow& w, int option, int column, int count) {
    auto* view = child<QTableView>(w, u"tallyView"_s);
    REQUIRE(view->model()->flags(view->model()->index(option, column)) & Qt::ItemIsEditable);
    REQUIRE(view->model()->setData(view->model()->index(option, column), count, Qt::EditRole));
}

// The cockpit's window and its File menu, for the session details.
struct WindowAndMenu {
    TemporarySettings settings;
    CockpitHarness h;
    MainWindow w{h.cockpit};
    FileMenu* menu = w.findChild<FileMenu*>();
};

// The window shown, with a poll of three options created and open, for its tally table.
struct OpenPoll {
    TemporarySettings settings;
    CockpitHarness h;
    MainWindow w{h.cockpit};
    Id poll = 0;
    QTableView* view = nullptr;

    OpenPoll() {
        w.show();
        createPoll(w);
        child<QAction>(w, u"openClosePollAction"_s)->trigger();
        poll = h.state().polls.first().id;
        view = child<QTableView>(w, u"tallyView"_s);
    }
};

} // namespace

TEST_CASE("a poll is created, opened, tallied per source and charted") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    CHECK_FALSE(w.findChild<PollChart*>()); // no poll, no empty axes (and no start-up cost)
    createPoll(w);
    REQUIRE(h.state().polls.size() == 1);
    CHECK_FALSE(w.findChild<PollChart*>()); // a draft has no votes to chart
    const Poll& poll = h.state().polls.first();
    CHECK(poll.options == QStringList{u"Yes"_s, u"No"_s, u"Undecided"_s});
    CHECK(child<QLineEdit>(w, u"pollQuestion"_s)->text().isEmpty());
    CHECK_FALSE(w.findChild<QWidget*>(u"createPollBox"_s)->isVisibleTo(&w));

    child<QAction>(w, u"openClosePollAction"_s)->trigger();
    CHECK(h.state().polls.first().status == PollStatus::Open);
    CHECK(child<PollChart>(w, u"pollChart"_s)->isVisibleTo(&w));

    enterTally(w, 0, TallyModel::Onsite, 12);
    enterTally(w, 0, TallyModel::Online, 8);
    enterTally(w, 1, TallyModel::Web, 5);
    // Which cell Ctrl+Z takes back: "Undo Enter a tally" did not say, after seven of them.
    CHECK(h.cockpit.undoStack().undoText() ==
          u"Enter a tally: No, %1"_s.arg(label(TallySource::Web)));
    const Poll& tallied = h.state().polls.first();
    CHECK(tallied.combined(0) == 20);
    auto* view = child<QTableView>(w, u"tallyView"_s);
    CHECK(view->model()->index(0, TallyModel::Total).data().toLongLong() == 20);
    CHECK(view->model()->index(0, TallyModel::Share).data(Qt::EditRole).toDouble() == Approx(80.0));
    CHECK(child<QLabel>(w, u"pollTotals"_s)->text().contains(u"25"_s));

    auto* chart = child<PollChart>(w, u"pollChart"_s);
    CHECK(chart->optionCount() == 3);
    CHECK(chart->optionsTopDown() == tallied.options); // read from the top, as the table is
    CHECK(chart->value(TallySource::Onsite, 0) == 12);
    CHECK(chart->value(TallySource::Online, 0) == 8);
    CHECK(chart->value(TallySource::Web, 1) == 5);
    CHECK(chart->value(TallySource::Web, 2) == 0);
    // In the report's colours, so that its PDF reads as this chart (online was purple here and
    // orange there).
    for (int source = 0; source < 3; ++source)
        CHECK(chart->colourOf(TallySource(source)) == QColor(report::seriesColour(source)));

    child<QPushButton>(w, u"openClosePoll"_s)->click();
    CHECK(h.state().polls.first().status == PollStatus::Closed);
    // Still put right once closed (the chat's votes counted late), but said: it was silent.
    enterTally(w, 1, TallyModel::Web, 7);
    CHECK(h.state().polls.first().combined(1) == 7);
    CHECK(child<QLabel>(w, u"infoLine"_s)
              ->text()
              .contains(u"is closed: its results were corrected"_s));
    h.cockpit.undoStack().undo(); // the correction
    h.cockpit.undoStack().undo(); // reopen by undo
    CHECK(h.state().polls.first().status == PollStatus::Open);
}

// The online moderator put a closed poll's tally right: the in-room moderator, who had read the
// results out, saw them change with no word.
TEST_CASE("a closed poll corrected on another seat is told here, with what changed") {
    OpenPoll open;
    auto& [settings, h, w, poll, view] = open;
    enterTally(w, 1, TallyModel::Online, 5);
    child<QAction>(w, u"openClosePollAction"_s)->trigger();
    REQUIRE(h.state().polls.first().status == PollStatus::Closed);
    CHECK(h.state().polls.first().correctedAt == 0);
    const auto fromTheOtherSeat = [&](qint64 online) { // the "No" option's online votes
        REQUIRE(h.run(
            Action::SetTally,
            {{u"poll"_s, poll}, {u"option"_s, 1}, {u"source"_s, u"online"_s}, {u"count"_s, online}},
            Authority::OnlineModerator));
    };
    fromTheOtherSeat(6);
    CHECK(child<QLabel>(w, u"infoLine"_s)
              ->text()
              .contains(u"another seat corrected its results: No, Online, 5 → 6"_s));
    CHECK(child<QComboBox>(w, u"pollSelector"_s)->currentText().endsWith(u"(Closed, corrected)"_s));
    // and the report says the figures are not those read out
    CHECK(h.state().polls.first().correctedAt == h.clock.nowMs());
    // Put back as it closed (an undo there), it is said so, and no longer marked.
    fromTheOtherSeat(5);
    CHECK(child<QLabel>(w, u"infoLine"_s)
              ->text()
              .contains(u"another seat put its results back to those it closed with: No, Online, "
                        "6 → 5"_s));
    CHECK(child<QComboBox>(w, u"pollSelector"_s)->currentText().endsWith(u"(Closed)"_s));
    // Here too: corrected, then undone.
    enterTally(w, 0, TallyModel::Web, 2);
    CHECK(child<QLabel>(w, u"infoLine"_s)->text().contains(u"its results were corrected"_s));
    h.cockpit.undoStack().undo();
    CHECK(child<QLabel>(w, u"infoLine"_s)
              ->text()
              .contains(u"its results are back to those it closed with"_s));
}

// A poll written ahead with a typo could be neither put right nor dropped.
TEST_CASE("a draft poll is edited or deleted until it opens, and back by undo") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    createPoll(w);
    REQUIRE(h.state().polls.size() == 1);
    const Id draft = h.state().polls.first().id;
    auto* edit = child<QPushButton>(w, u"editDraftPoll"_s);
    auto* remove = child<QPushButton>(w, u"removeDraftPoll"_s);
    CHECK(edit->isVisible());
    CHECK(remove->isVisible());

    edit->click();
    auto* question = child<QLineEdit>(w, u"pollQuestion"_s);
    CHECK(question->text() == u"Should the IGF mandate be permanent?"_s);
    CHECK(child<QPlainTextEdit>(w, u"pollOptions"_s)->toPlainText() == u"Yes\nNo\nUndecided"_s);
    question->setText(u"Should the IGF mandate be made permanent?"_s);
    child<QPushButton>(w, u"createPoll"_s)->click();
    REQUIRE(h.state().polls.size() == 1); // put right, not added
    CHECK(h.state().polls.first().id == draft);
    CHECK(h.state().polls.first().question == u"Should the IGF mandate be made permanent?"_s);
    CHECK(h.state().polls.first().status == PollStatus::Draft);
    h.cockpit.undoStack().undo(); // one step
    REQUIRE(h.state().polls.size() == 1);
    CHECK(h.state().polls.first().question == u"Should the IGF mandate be permanent?"_s);

    remove->click();
    CHECK(h.state().polls.isEmpty());
    h.cockpit.undoStack().undo();
    REQUIRE(h.state().polls.size() == 1);

    // Opened on the other seat while it is being edited here: Save is refused, nothing is added,
    // and what was typed stays.
    edit->click();
    CHECK_FALSE(edit->isEnabled()); // not while the form holds a poll
    question->setText(u"Too late"_s);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, draft}}, Authority::OnlineModerator));
    child<QPushButton>(w, u"createPoll"_s)->click();
    REQUIRE(h.state().polls.size() == 1);
    CHECK(h.state().polls.first().question == u"Should the IGF mandate be permanent?"_s);
    CHECK(child<QLabel>(w, u"noticeLine"_s)->text().contains(u"was opened meanwhile"_s));
    CHECK(question->text() == u"Too late"_s);
    child<QPushButton>(w, u"newPollToggle"_s)->click(); // the form closed: given up
    CHECK(question->text().isEmpty());
    CHECK(h.state().polls.first().status == PollStatus::Open);
    // Opened, its results stand: neither is offered.
    REQUIRE(h.state().polls.first().status == PollStatus::Open);
    CHECK_FALSE(edit->isVisible());
    CHECK_FALSE(remove->isVisible());
}

// Qt Charts reads its labels as rich text: "Email auth <DMARC>" was labelled "Email auth" on
// every seat, and "R&D" lost its ampersand.
TEST_CASE("a poll option's label reads on the chart as it was typed") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.resize(1400, 900);
    w.show();
    child<QPushButton>(w, u"newPollToggle"_s)->click();
    child<QLineEdit>(w, u"pollQuestion"_s)->setText(u"Which to fund first?"_s);
    child<QPlainTextEdit>(w, u"pollOptions"_s)->setPlainText(u"Email auth <DMARC>\nR&D\n"_s);
    child<QPushButton>(w, u"createPoll"_s)->click();
    child<QAction>(w, u"openClosePollAction"_s)->trigger(); // charted once it runs
    auto* chart = child<PollChart>(w, u"pollChart"_s);
    QCoreApplication::processEvents();
    QStringList shown;
    for (QGraphicsItem* item : chart->scene()->items())
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item))
            shown << text->toPlainText();
    INFO(shown.join(u" | "_s).toStdString());
    CHECK(shown.contains(u"Email auth <DMARC>"_s));
    CHECK(shown.contains(u"R&D"_s));
}

TEST_CASE("a tally is typed as a count: no letters, no minus sign") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    createPoll(w);
    child<QAction>(w, u"openClosePollAction"_s)->trigger();
    auto* view = child<QTableView>(w, u"tallyView"_s);
    const QModelIndex cell = view->model()->index(0, TallyModel::Online);
    std::unique_ptr<QWidget> editor(
        view->itemDelegateForIndex(cell)->createEditor(view->viewport(), {}, cell));
    auto* box = qobject_cast<QSpinBox*>(editor.get());
    REQUIRE(box);
    CHECK(box->minimum() == 0);
    CHECK(box->maximum() == maxVotesPerTally);
    box->setValue(42);
    view->itemDelegateForIndex(cell)->setModelData(box, view->model(), cell);
    CHECK(h.state().polls.first().tallies[0][std::size_t(TallySource::Online)] == 42);
}

// Ctrl+P on a poll just written opened it beside the one running: the moderators' panels showed
// one, the projector the other, and online votes went into whichever a panel showed.
TEST_CASE("a poll just created is the one shown, and Ctrl+P opens it once the one running is "
          "closed") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    createPoll(w);
    auto* key = child<QAction>(w, u"openClosePollAction"_s);
    key->trigger(); // the first poll is open
    REQUIRE(h.state().polls.first().status == PollStatus::Open);
    createPoll(w);
    REQUIRE(h.state().polls.size() == 2);
    key->trigger();
    CHECK(h.state().polls.first().status == PollStatus::Open); // left as it was
    CHECK(h.state().polls.last().status == PollStatus::Draft);
    CHECK(child<QLabel>(w, u"noticeLine"_s)->text().contains(u"is still open: close it first"_s));

    auto* selector = child<QComboBox>(w, u"pollSelector"_s);
    selector->setCurrentIndex(selector->findData(h.state().polls.first().id));
    key->trigger(); // closes the first
    REQUIRE(h.state().polls.first().status == PollStatus::Closed);
    selector->setCurrentIndex(selector->findData(h.state().polls.last().id));
    key->trigger();
    CHECK(h.state().polls.last().status == PollStatus::Open); // the new one opened
}

// Ctrl+P twice closed the poll and opened it again, for the projector to show "voting is open".
TEST_CASE("Ctrl+P reopens a closed poll only when the moderator says so") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    createPoll(w);
    auto* key = child<QAction>(w, u"openClosePollAction"_s);
    key->trigger(); // open
    key->trigger(); // close
    REQUIRE(h.state().polls.first().status == PollStatus::Closed);
    CHECK(key->text() == u"Reopen the poll"_s);
    for (const auto answer : {QMessageBox::No, QMessageBox::Yes}) {
        QTimer::singleShot(0, [answer] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            REQUIRE(box);
            box->button(answer)->click();
        });
        key->trigger();
        CHECK(h.state().polls.first().status ==
              (answer == QMessageBox::Yes ? PollStatus::Open : PollStatus::Closed));
    }
}

// The online moderator's dock stayed on the first poll, closed, with "Reopen poll" beside it,
// while the room voted on the poll the host had just opened.
TEST_CASE("a poll opened on any seat is the one shown, for its tallies") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    for (const QString& question : {u"First?"_s, u"Second?"_s})
        REQUIRE(
            h.cockpit.submit(Action::CreatePoll, {{u"question"_s, question},
                                                  {u"options"_s, QCborArray{u"Yes"_s, u"No"_s}}}));
    auto* selector = child<QComboBox>(w, u"pollSelector"_s);
    selector->setCurrentIndex(0);
    REQUIRE(selector->currentText().startsWith(u"First?"_s));
    const Id second = h.state().polls.last().id;
    REQUIRE(h.cockpit.submit(Action::OpenPoll, {{u"poll"_s, second}})); // as the host would
    CHECK(selector->currentText().startsWith(u"Second?"_s));
    CHECK(selector->currentData().toLongLong() == second);

    // Not while a tally is being typed into the poll shown: switching would drop it.
    w.show();
    selector->setCurrentIndex(0);
    REQUIRE(h.cockpit.submit(Action::ClosePoll, {{u"poll"_s, second}}));
    auto* view = child<QTableView>(w, u"tallyView"_s);
    view->edit(view->model()->index(0, TallyModel::Online));
    REQUIRE(view->viewport()->findChild<QWidget*>(u"tallyEditor"_s));
    REQUIRE(h.cockpit.submit(Action::OpenPoll, {{u"poll"_s, second}}));
    CHECK(selector->currentText().startsWith(u"First?"_s));
    // Once the figure is in, the poll opened meanwhile is shown: the online moderator was left
    // on the closed one for good.
    auto* box = view->viewport()->findChild<QSpinBox*>(u"tallyEditor"_s);
    box->setValue(9);
    // Enter, as the delegate signals it to the view
    emit view->itemDelegate()->commitData(box);
    emit view->itemDelegate()->closeEditor(box, QAbstractItemDelegate::SubmitModelCache);
    CHECK(h.state().polls.first().tallies[0][std::size_t(TallySource::Online)] == 9);
    REQUIRE(QTest::qWaitFor([&] { return selector->currentData().toLongLong() == second; }));
}

// Both moderators type tallies at the same moment: the other seat's figure (or anything else
// that happens meanwhile) wiped the one being typed here, and Enter then saved nothing.
TEST_CASE("a tally being typed keeps its figure while other seats change the poll") {
    OpenPoll open;
    CockpitHarness& h = open.h;
    const Id poll = open.poll;
    QTableView* view = open.view;
    const QModelIndex cell = view->model()->index(0, TallyModel::Onsite);
    view->edit(cell);
    auto* box = view->viewport()->findChild<QSpinBox*>(u"tallyEditor"_s);
    REQUIRE(box);
    box->setValue(3); // typed, not yet entered

    REQUIRE(h.cockpit.submit(
        Action::SetTally,
        {{u"poll"_s, poll}, {u"option"_s, 1}, {u"source"_s, u"online"_s}, {u"count"_s, 7}}));
    REQUIRE(h.cockpit.submit(Action::AddParticipant, {{u"name"_s, u"Someone"_s}}));
    REQUIRE(view->viewport()->findChild<QSpinBox*>(u"tallyEditor"_s) == box);
    CHECK(box->value() == 3);
    CHECK(view->model()->index(1, TallyModel::Online).data().toLongLong() == 7);
    CHECK(view->model()->index(1, TallyModel::Share).data(Qt::EditRole).toDouble() ==
          Approx(100.0));
    view->itemDelegateForIndex(cell)->setModelData(box, view->model(), cell); // Enter
    CHECK(h.state().polls.first().tallies[0][std::size_t(TallySource::Onsite)] == 3);
}

// The other seat's figure for the same cell replaced the one being typed under the cursor; and
// Enter in a cell nothing was typed in sent its old figure back over the other seat's.
TEST_CASE("a tally being typed keeps its figure when the other seat sets the same cell") {
    OpenPoll open;
    CockpitHarness& h = open.h;
    const Id poll = open.poll;
    QTableView* view = open.view;
    const auto setOnOtherSeat = [&](qint64 count) {
        REQUIRE(h.run(Action::SetTally, {{u"poll"_s, poll},
                                         {u"option"_s, 0},
                                         {u"source"_s, u"online"_s},
                                         {u"count"_s, count}}));
    };
    const auto tally = [&] {
        return h.state().polls.first().tallies[0][std::size_t(TallySource::Online)];
    };
    const QModelIndex cell = view->model()->index(0, TallyModel::Online);
    view->setCurrentIndex(cell);
    view->edit(cell);
    auto* box = view->viewport()->findChild<QSpinBox*>(u"tallyEditor"_s);
    REQUIRE(box);
    box->setValue(8); // typed, not yet entered
    setOnOtherSeat(6);
    CHECK(box->value() == 8);
    QTest::keyClick(box, Qt::Key_Return);
    QCoreApplication::processEvents(); // entered (queued by the delegate)
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // the editor closes
    CHECK(tally() == 8);

    view->edit(cell);
    box = view->viewport()->findChild<QSpinBox*>(u"tallyEditor"_s);
    REQUIRE(box);
    setOnOtherSeat(4); // nothing typed here: the editor follows
    CHECK(box->value() == 4);
    const qint64 seq = h.state().lastSeq;
    // The figure followed is selected whole: a digit typed then replaces it ("345", with "34"
    // selected, and 9 typed, made 95).
    setOnOtherSeat(345);
    QTest::keyClick(box, Qt::Key_9);
    QTest::keyClick(box, Qt::Key_Return);
    QCoreApplication::processEvents();
    CHECK(tally() == 9);
    CHECK(h.state().lastSeq == seq + 2); // the other seat's 345, then this 9
}

// "5, Down, 8, Down" stepped the figure typed down by one and replaced it with the next digit.
TEST_CASE("Down in a tally cell keeps the figure typed and moves to the next option") {
    OpenPoll open;
    QTableView* view = open.view;
    view->setCurrentIndex(view->model()->index(0, TallyModel::Online));
    view->edit(view->currentIndex());
    auto* box = view->viewport()->findChild<QSpinBox*>(u"tallyEditor"_s);
    REQUIRE(box);
    QTest::keyClicks(box, u"5"_s);
    QTest::keyClick(box, Qt::Key_Down);
    CHECK(view->model()->index(0, TallyModel::Online).data().toLongLong() == 5);
    CHECK(view->currentIndex() == view->model()->index(1, TallyModel::Online));
}

// Before the first poll the selector was an empty box, which read like something broken.
TEST_CASE("before the first poll the selector says there is none, and who may write one") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* selector = child<QComboBox>(w, u"pollSelector"_s);
    REQUIRE(selector->count() == 0);
    CHECK(selector->placeholderText().contains(u"New poll"_s));
    h.cockpit.setSeat(Seat::Rapporteur);
    CHECK(selector->placeholderText().startsWith(u"No poll yet"_s));
    CHECK_FALSE(selector->placeholderText().contains(u"New poll"_s)); // no such button here
    h.cockpit.setSeat(Seat::Moderator);
    createPoll(w);
    CHECK(selector->currentText().startsWith(u"Should the IGF mandate be permanent?"_s));
}

TEST_CASE("every option of a poll shows in the tally table without scrolling") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    createPoll(w);
    // The online moderator types the tallies in; in that seat's layout the polls dock shares the
    // right-hand column with a taller queue.
    h.engine.setAuthority(Authority::OnlineModerator);
    w.resize(1500, 920);
    w.show();
    QCoreApplication::processEvents();
    auto* view = child<QTableView>(w, u"tallyView"_s);
    REQUIRE(view->isVisible());
    REQUIRE(view->model()->rowCount() == 3);
    CHECK(view->rowViewportPosition(2) + view->rowHeight(2) <= view->viewport()->height());
    CHECK(view->verticalScrollBar()->maximum() == 0);
}

TEST_CASE("right to left, the poll chart mirrors like the tally table") {
    PollChart chart;
    const auto optionsAxis = [&] {
        return chart.chart()->axes(Qt::Vertical).value(0);
    };
    const auto votesAxis = [&] {
        return qobject_cast<QValueAxis*>(chart.chart()->axes(Qt::Horizontal).value(0));
    };
    REQUIRE(optionsAxis());
    REQUIRE(votesAxis());
    CHECK(optionsAxis()->alignment() == Qt::AlignLeft);
    CHECK_FALSE(votesAxis()->isReverse());
    chart.setLayoutDirection(Qt::RightToLeft);
    CHECK(optionsAxis()->alignment() == Qt::AlignRight); // the labels on the right
    CHECK(votesAxis()->isReverse());                     // the bars grow leftwards
    chart.setLayoutDirection(Qt::LeftToRight);
    CHECK(optionsAxis()->alignment() == Qt::AlignLeft);
}

TEST_CASE("the balance charts follow the session") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    auto* balance = w.findChild<BalanceDock*>();
    REQUIRE(balance);
    balance->ensureBuilt(); // behind another tab, it waits to be shown
    CHECK(balance->shownValues(BalanceDimension::Presence) == QList<qreal>{0, 0});
    h.add(u"Audience 2"_s); // online
    REQUIRE(h.run(Action::Next));
    h.clock.advance(120'000);
    REQUIRE(h.run(Action::EndSpeech));
    QCoreApplication::processEvents(); // the charts redraw once per burst of events
    CHECK(balance->shownValues(BalanceDimension::Presence) == QList<qreal>{0, 1});
    CHECK(balance->shownCategories(BalanceDimension::Presence) ==
          QStringList{label(Presence::Onsite), label(Presence::Online)});
    // A screen reader is told the same in words.
    auto* presence = child<QChartView>(*balance, u"balanceByPresence"_s);
    CHECK(presence->accessibleName() == u"Onsite and online, Interventions"_s);
    CHECK(presence->accessibleDescription() ==
          u"%1: 0; %2: 1"_s.arg(label(Presence::Onsite), label(Presence::Online)));
}

namespace {

QStringList listedShortcuts(const MainWindow& w, bool canControl = true) {
    QStringList texts;
    for (const auto& [text, keys] : ShortcutsDialog::shortcutsIn(w.menuBar(), canControl))
        texts.append(text);
    return texts;
}

// As the list names it: by its shortcut label, else by its text.
QString listedAs(const QAction* a) {
    const QString label = a->property(shortcutLabelProperty).toString();
    return label.isEmpty() ? QString(a->text()).remove(u'&') : label;
}

} // namespace

TEST_CASE("Help → Keyboard shortcuts lists the real actions and their keys") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    const QStringList texts = listedShortcuts(w);
    for (const QString& name :
         {u"nextSpeakerAction"_s, u"startPauseAction"_s, u"plus30Action"_s, u"minus30Action"_s,
          u"focusQuickAddAction"_s, u"openClosePollAction"_s, u"undoAction"_s, u"redoAction"_s,
          u"moveUpAction"_s, u"moveDownAction"_s}) { // the last two work on the queue only
        auto* a = child<QAction>(w, name);
        INFO(name.toStdString());
        CHECK_FALSE(a->shortcut().isEmpty());
        CHECK(texts.contains(listedAs(a)));
    }
    // What is greyed just now is greyed in the list too, with why (a joined seat's Ctrl+O was
    // listed as if it worked there).
    ShortcutsDialog dialog(w.menuBar(), h.cockpit.canControl());
    auto* list = child<QTreeWidget>(dialog, u"shortcutsList"_s);
    const auto rows =
        list->findItems(listedAs(child<QAction>(w, u"nextSpeakerAction"_s)), Qt::MatchExactly);
    REQUIRE(rows.size() == 1);
    CHECK(rows.first()->isDisabled());
    CHECK(rows.first()->toolTip(0) == u"Nobody is waiting in the queue"_s);
    CHECK_FALSE(list->findItems(u"Keyboard shortcuts"_s, Qt::MatchExactly).first()->isDisabled());
    // a toggle is listed for both things it does, not for what its button reads just now
    CHECK(texts.contains(u"Start or pause the speaker's timer"_s));
    CHECK(texts.contains(u"Open or close the poll"_s));
    CHECK(texts.contains(u"Undo the last step"_s)); // not the step it would undo just now
    CHECK_FALSE(texts.contains(u"Start"_s));

    // Qt gives Undo the Sun keyboard's F14 as well on X11: "F14" in the list puzzled.
    QMenuBar bar;
    QAction* undo = bar.addMenu(u"Edit"_s)->addAction(u"Undo"_s);
    undo->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Z), QKeySequence(Qt::Key_F14)});
    const auto keys = ShortcutsDialog::shortcutsIn(&bar);
    REQUIRE(keys.size() == 1);
    CHECK(keys.first().second ==
          QKeySequence(Qt::CTRL | Qt::Key_Z).toString(QKeySequence::NativeText));
}

// The rapporteur's list had the moderators' keys, whose actions were greyed as if "not now".
TEST_CASE("Help → Keyboard shortcuts on the rapporteur's seat leaves the moderators' keys out") {
    useTemporarySettings();
    CockpitHarness h;
    h.cockpit.setSeat(Seat::Rapporteur);
    MainWindow w(h.cockpit);
    const QStringList texts = listedShortcuts(w, false);
    for (const QString& name :
         {u"nextSpeakerAction"_s, u"plus30Action"_s, u"focusQuickAddAction"_s,
          u"openClosePollAction"_s, u"advanceSegmentAction"_s, u"moveUpAction"_s}) {
        INFO(name.toStdString());
        CHECK_FALSE(texts.contains(listedAs(child<QAction>(w, name))));
    }
    CHECK(texts.contains(u"Undo the last step"_s)); // a note's
    CHECK(texts.contains(listedAs(child<QAction>(w, u"takeNoteAction"_s))));
    ShortcutsDialog dialog(w.menuBar(), h.cockpit.canControl());
    CHECK(child<QLabel>(dialog, u"shortcutsLeftOut"_s)->text().contains(u"moderators' keys"_s));
    CHECK(child<QTreeWidget>(dialog, u"shortcutsList"_s)->topLevelItemCount() == texts.size());
}

// The demo opened on its last draft: a plan's polls come in the order they are to be asked.
TEST_CASE("the polls panel opens on the poll under way, or else the first draft") {
    useTemporarySettings();
    CockpitHarness h(demoPlan());
    REQUIRE(h.state().polls.size() >= 2);
    const Id first = h.state().polls.first().id;
    const Id second = h.state().polls.at(1).id;
    {
        MainWindow w(h.cockpit);
        CHECK(child<QComboBox>(w, u"pollSelector"_s)->currentData().toLongLong() == first);
    }
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, second}}));
    MainWindow w(h.cockpit);
    CHECK(child<QComboBox>(w, u"pollSelector"_s)->currentData().toLongLong() == second);
}

// Poll ids start again from 1 in each session: after File → Open the panel showed the new
// session's poll with the id shown before, not the one under way.
TEST_CASE("another session opened shows its poll under way, not the one with the id shown before") {
    useTemporarySettings();
    CockpitHarness h(demoPlan());
    const Id first = h.state().polls.first().id;
    const Id second = h.state().polls.at(1).id;
    SessionState other = h.state();
    MainWindow w(h.cockpit);
    auto* selector = child<QComboBox>(w, u"pollSelector"_s);
    REQUIRE(selector->currentData().toLongLong() == first);
    other.sessionId = u"another session"_s;
    other.polls[1].status = PollStatus::Open;
    h.engine.reset(other);
    CHECK(selector->currentData().toLongLong() == second);
    // The same session again (a join that resumes it): what is shown stays.
    selector->setCurrentIndex(selector->findData(first));
    h.engine.reset(other);
    CHECK(selector->currentData().toLongLong() == first);
}

TEST_CASE("session details left as they were leave no undo step") {
    useTemporarySettings();
    CockpitHarness h(demoPlan()); // the demo session has every detail filled in
    MainWindow w(h.cockpit);
    SessionDetailsDialog dialog(h.state(), true);
    auto* menu = w.findChild<FileMenu*>();
    REQUIRE(menu);
    const int steps = h.cockpit.undoStack().count();
    menu->applyDetails(dialog.edit()); // OK, unchanged
    CHECK(h.cockpit.undoStack().count() == steps);
}

// Both moderators had the details open: OK on one seat wrote back every field as it had shown
// them, and undid the other seat's edit.
TEST_CASE("OK in the session details keeps what the other seat changed while they were open") {
    WindowAndMenu fixture;
    auto& [settings, h, w, menu] = fixture;
    REQUIRE(menu);
    SessionDetailsDialog dialog(h.state(), true);
    child<QLineEdit>(dialog, u"detailsTitle"_s)->setText(u"Renamed here"_s);
    child<QTimeEdit>(dialog, u"detailsPanelist"_s)->setTime(QTime(0, 4, 0));

    // Meanwhile, on the other seat:
    REQUIRE(h.run(Action::EditSession, {{u"info"_s, QCborMap{{u"room"_s, u"Room 7"_s}}}}));
    Allotments theirs = h.state().allotments;
    theirs.audienceMs = 90'000;
    REQUIRE(h.run(Action::SetAllotments, {{u"allotments"_s, codec::toCbor(theirs)}}));

    menu->applyDetails(dialog.edit());
    CHECK(h.state().info.title == u"Renamed here"_s);
    CHECK(h.state().info.room == u"Room 7"_s);
    CHECK(h.state().allotments.panelistMs == 240'000);
    CHECK(h.state().allotments.audienceMs == 90'000);

    h.cockpit.undoStack().undo(); // this seat's OK, and only it
    CHECK(h.state().info.title == u"Test session"_s);
    CHECK(h.state().info.room == u"Room 7"_s);
    CHECK(h.state().allotments.audienceMs == 90'000);
}

TEST_CASE("an agenda changed elsewhere while the details were open is replaced only when asked") {
    WindowAndMenu fixture;
    auto& [settings, h, w, menu] = fixture;
    REQUIRE(menu);
    SessionDetailsDialog dialog(h.state(), true);
    child<QTableWidget>(dialog, u"detailsAgenda"_s)->item(2, 0)->setText(u"Summing up"_s);
    child<QLineEdit>(dialog, u"detailsRoom"_s)->setText(u"Room 9"_s);

    QList<Segment> theirs = h.state().segments;
    theirs[1].title = u"Open floor"_s; // renamed on the other seat meanwhile
    REQUIRE(h.run(Action::EditAgenda, {{u"agenda"_s, codec::toCborArray(theirs)}}));

    QString asked;
    answerNextQuestion(QMessageBox::No, &asked);
    menu->applyDetails(dialog.edit());
    CHECK(asked.contains(u"changed on the other seat"_s));
    CHECK(h.state().segments[1].title == u"Open floor"_s);
    CHECK(h.state().segments[2].title == u"Wrap-up"_s);
    CHECK(h.state().info.room == u"Room 9"_s); // the rest of the OK stands

    asked.clear();
    answerNextQuestion(QMessageBox::Yes, &asked);
    menu->applyDetails(dialog.edit());
    CHECK_FALSE(asked.isEmpty());
    CHECK(h.state().segments[1].title == u"Discussion"_s);
    CHECK(h.state().segments[2].title == u"Summing up"_s);
}

// Yes after a segment had begun gave the segment begun another's title: the rows the dialog
// moved were positions from before.
TEST_CASE("an agenda edit is not applied over a segment begun while the details were open") {
    WindowAndMenu fixture;
    auto& [settings, h, w, menu] = fixture;
    REQUIRE(menu);
    SessionDetailsDialog dialog(h.state(), true);
    auto* agenda = child<QTableWidget>(dialog, u"detailsAgenda"_s);
    agenda->setCurrentCell(0, 0);
    child<QPushButton>(dialog, u"segmentDown"_s)->click(); // "Discussion" first
    child<QSpinBox>(dialog, u"detailsPlanned"_s)->setValue(100);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}})); // "Opening" begins meanwhile

    QString told;
    answerNextQuestion(QMessageBox::Ok, &told);
    menu->applyDetails(dialog.edit());
    CHECK(told.contains(u"A segment began"_s));
    CHECK(h.state().segments[0].title == u"Opening"_s);
    CHECK(h.state().segments[0].startedAt != 0);
    CHECK(h.state().info.plannedMs == 100 * 60'000); // the rest of the OK stands

    // Only begun since, with the same segments planned: taken without a question.
    SessionDetailsDialog again(h.state(), true);
    child<QTableWidget>(again, u"detailsAgenda"_s)->item(2, 0)->setText(u"Summing up"_s);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 3}})); // the end of the agenda
    menu->applyDetails(again.edit());
    CHECK(h.state().segments[2].title == u"Summing up"_s);
}

TEST_CASE("export plan writes a plan that opens again, details become commands") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"plan.json"_s);
    REQUIRE(FileMenu::exportPlan(h.state(), path));
    const auto plan = readPlanFile(path);
    REQUIRE(plan);
    CHECK(plan->participants.size() == h.state().participants.size());
    CHECK(plan->segments.size() == h.state().segments.size());

    auto* menu = w.findChild<FileMenu*>();
    REQUIRE(menu);
    QCborMap info{{u"title"_s, u"Renamed"_s}, {u"plannedMs"_s, 60 * 60'000}};
    Allotments a = h.state().allotments;
    a.audienceMs = 90'000;
    QList<Segment> segments = h.state().segments;
    segments[0].title = u"Welcome"_s;
    menu->applyDetails({info, codec::toCbor(a), h.state().segments, segments});
    CHECK(h.state().info.title == u"Renamed"_s);
    CHECK(h.state().allotments.audienceMs == 90'000);
    CHECK(h.state().segments[0].title == u"Welcome"_s);
    h.cockpit.undoStack().undo();
    CHECK(h.state().info.title == u"Test session"_s);
    CHECK(h.state().allotments.audienceMs == 120'000);
}

// OK after changing only the room wrote 45-second turns as 60, 92.5 planned minutes as 92 and
// no date as today.
TEST_CASE("the details dialog gives back exactly what was left alone") {
    useTemporarySettings();
    Plan plan = crowdPlan();
    plan.info.date.clear();
    plan.info.plannedMs = 92'500 * 60;
    plan.allotments.audienceMs = 45'000;
    plan.allotments.panelistMs = 150'000;
    plan.segments[0].plannedMs = 7'500 * 60;
    plan.allotments.warningMs = 15 * 60'000;    // more than the box takes (600 s)
    plan.allotments.moderatorMs = 2 * 3600'000; // likewise (59:59)
    CockpitHarness h(plan);
    SessionDetailsDialog dialog(h.state(), true);
    child<QLineEdit>(dialog, u"detailsRoom"_s)->setText(u"Room 7"_s);
    const SessionInfo info = codec::sessionInfo(dialog.info());
    CHECK(info.room == u"Room 7"_s);
    CHECK(info.date.isEmpty());
    CHECK(info.plannedMs == plan.info.plannedMs);
    CHECK(codec::allotments(dialog.allotments()) == h.state().allotments);
    CHECK(dialog.segments() == h.state().segments);

    auto* audience = child<QTimeEdit>(dialog, u"detailsAudience"_s);
    CHECK(audience->time() == QTime(0, 0, 45)); // shown to the second
    audience->setTime(QTime(0, 1, 30));
    CHECK(codec::allotments(dialog.allotments()).audienceMs == 90'000);
}

TEST_CASE("the details dialog sets, changes and takes away the session's date") {
    useTemporarySettings();
    Plan plan = crowdPlan();
    plan.info.date.clear();
    CockpitHarness undated(plan);
    SessionDetailsDialog none(undated.state(), true);
    auto* dated = child<QCheckBox>(none, u"detailsDated"_s);
    auto* date = child<QDateEdit>(none, u"detailsDate"_s);
    CHECK_FALSE(dated->isChecked());
    CHECK_FALSE(date->isEnabled());
    CHECK(date->date() == QDate::currentDate()); // its calendar opens on today, not in 2000
    CHECK(none.edit().info.isEmpty());
    dated->setChecked(true);
    CHECK(codec::sessionInfo(none.info()).date == QDate::currentDate().toString(Qt::ISODate));

    plan.info.date = u"2026-12-08"_s;
    CockpitHarness h(plan);
    SessionDetailsDialog dialog(h.state(), true);
    CHECK(child<QCheckBox>(dialog, u"detailsDated"_s)->isChecked());
    CHECK(child<QDateEdit>(dialog, u"detailsDate"_s)->date() == QDate(2026, 12, 8));
    child<QCheckBox>(dialog, u"detailsDated"_s)->setChecked(false); // taken away
    CHECK(dialog.edit().info.value(u"date"_s).toString().isEmpty());
    CHECK(dialog.edit().info.contains(u"date"_s));
}

TEST_CASE("the details dialog sets, changes and takes away the session's start time") {
    useTemporarySettings();
    Plan plan = crowdPlan();
    plan.info.start.clear();
    CockpitHarness h(plan);
    SessionDetailsDialog dialog(h.state(), true);
    auto* timed = child<QCheckBox>(dialog, u"detailsTimed"_s);
    auto* start = child<QTimeEdit>(dialog, u"detailsStart"_s);
    CHECK_FALSE(timed->isChecked());
    CHECK_FALSE(start->isEnabled());
    CHECK(dialog.edit().info.isEmpty());
    timed->setChecked(true);
    start->setTime(QTime(10, 30));
    REQUIRE(dialog.edit().info.value(u"start"_s).toString() == u"10:30"_s);
    REQUIRE(h.run(Action::EditSession, {{u"info"_s, dialog.edit().info}}));
    CHECK(h.state().info.start == u"10:30"_s);

    SessionDetailsDialog again(h.state(), true);
    CHECK(child<QCheckBox>(again, u"detailsTimed"_s)->isChecked());
    CHECK(child<QTimeEdit>(again, u"detailsStart"_s)->time() == QTime(10, 30));
    child<QCheckBox>(again, u"detailsTimed"_s)->setChecked(false); // taken away
    CHECK(again.edit().info.value(u"start"_s).toString().isEmpty());
    CHECK(again.edit().info.contains(u"start"_s));
    // Only as HH:MM: another seat's "half past ten" is refused with how to write it.
    const auto refused =
        h.engine.execute(Command{newCommandId(),
                                 {},
                                 Authority::Moderator,
                                 Action::EditSession,
                                 {{u"info"_s, QCborMap{{u"start"_s, u"10.30"_s}}}}});
    REQUIRE_FALSE(refused);
    CHECK(refused.error().contains(u"HH:MM"_s));
}

// 5000 minutes were taken, and the whole agenda edit refused after OK; with no word of the length.
TEST_CASE("the details dialog takes a segment's minutes as a segment may last, and adds them up") {
    useTemporarySettings();
    CockpitHarness h; // 5 + 20 + 10 minutes of a 90-minute session
    SessionDetailsDialog dialog(h.state(), true);
    auto* agenda = child<QTableWidget>(dialog, u"detailsAgenda"_s);
    QWidget parent;
    const QModelIndex minutes = agenda->model()->index(0, 1);
    std::unique_ptr<QWidget> editor(
        agenda->itemDelegateForColumn(1)->createEditor(&parent, {}, minutes));
    auto* box = qobject_cast<QSpinBox*>(editor.get());
    REQUIRE(box);
    CHECK(box->minimum() == 1);
    CHECK(box->maximum() == 24 * 60);

    auto* total = child<QLabel>(dialog, u"agendaTotal"_s);
    CHECK(total->text() ==
          u"The agenda adds up to 35 min: 55 of the session's 90 min are not planned."_s);
    agenda->item(1, 1)->setData(Qt::EditRole, 80);
    CHECK(total->text() == u"The agenda adds up to 95 min: 5 min more than the session's 90."_s);
    child<QSpinBox>(dialog, u"detailsPlanned"_s)->setValue(95);
    CHECK(total->text() == u"The agenda adds up to the session's 95 min."_s);
}

TEST_CASE(
    "the details dialog takes no OK without a title, and a segment's cleared name is its own") {
    useTemporarySettings();
    CockpitHarness h;
    SessionDetailsDialog dialog(h.state(), true);
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    REQUIRE(ok);
    CHECK(ok->isEnabled());
    child<QLineEdit>(dialog, u"detailsTitle"_s)->setText(u"  "_s);
    CHECK_FALSE(ok->isEnabled());
    child<QLineEdit>(dialog, u"detailsTitle"_s)->setText(u"Renamed"_s);
    CHECK(ok->isEnabled());

    auto* agenda = child<QTableWidget>(dialog, u"detailsAgenda"_s);
    agenda->setCurrentCell(0, 0);
    child<QPushButton>(dialog, u"addSegment"_s)->click(); // a new row after the first
    agenda->item(1, 0)->setText(QString());               // its name cleared by mistake
    const QList<Segment> segments = dialog.segments();
    REQUIRE(segments.size() == h.state().segments.size() + 1);
    CHECK(segments[1].title == u"New segment"_s);
    CHECK(segments[2].title == h.state().segments[1].title);
}

// Every field was locked on the online moderator's seat, and nothing said why.
TEST_CASE("the online moderator's session details say why they cannot be changed there") {
    useTemporarySettings();
    CockpitHarness h;
    h.cockpit.setSeat(Seat::OnlineModerator);
    MainWindow w(h.cockpit);
    QString said;
    QTimer::singleShot(0, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        auto* why = dialog->findChild<QLabel*>(u"detailsWhyReadOnly"_s);
        said = why ? why->text() : QString();
        dialog->reject();
    });
    child<QAction>(w, u"sessionDetailsAction"_s)->trigger();
    CHECK(said.startsWith(u"Only the in-room moderator changes the session's details"_s));
}

TEST_CASE("the rapporteur reads the session details in full and can change none of them") {
    useTemporarySettings();
    CockpitHarness h;
    SessionDetailsDialog dialog(h.state(), false);
    auto* title = child<QLineEdit>(dialog, u"detailsTitle"_s);
    CHECK(title->isEnabled()); // readable and scrollable, not greyed out
    CHECK(title->isReadOnly());
    QTest::keyClicks(title, u"x"_s);
    CHECK(title->text() == h.state().info.title);
    auto* questions = dialog.findChild<QPlainTextEdit*>();
    REQUIRE(questions);
    CHECK(questions->isEnabled());
    CHECK(questions->isReadOnly());
    auto* warning = child<QSpinBox>(dialog, u"detailsWarning"_s);
    CHECK(warning->isReadOnly());
    QTest::keyClick(warning, Qt::Key_Up);
    CHECK(warning->value() == int(h.state().allotments.warningMs / 1000));
    auto* agenda = child<QTableWidget>(dialog, u"detailsAgenda"_s);
    CHECK(agenda->isEnabled());
    CHECK(agenda->editTriggers() == QAbstractItemView::NoEditTriggers);
    for (const QString& name : {u"addSegment"_s, u"removeSegment"_s, u"segmentUp"_s})
        CHECK_FALSE(child<QPushButton>(dialog, name)->isVisibleTo(&dialog));
}

TEST_CASE("the details dialog adds, removes and moves agenda segments to come, not begun ones") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    REQUIRE(h.run(Action::StartSegment, {{u"index"_s, 0}})); // "Opening" has begun
    SessionDetailsDialog dialog(h.state(), true);
    auto* agenda = child<QTableWidget>(dialog, u"detailsAgenda"_s);
    auto* add = child<QPushButton>(dialog, u"addSegment"_s);
    auto* remove = child<QPushButton>(dialog, u"removeSegment"_s);
    auto* up = child<QPushButton>(dialog, u"segmentUp"_s);
    REQUIRE(agenda->rowCount() == 3);

    agenda->setCurrentCell(0, 0);
    CHECK_FALSE(remove->isEnabled()); // begun: it stays
    CHECK_FALSE(up->isEnabled());
    agenda->setCurrentCell(2, 0); // "Wrap-up"
    CHECK(up->isEnabled());
    up->click(); // before "Discussion"
    CHECK(agenda->item(1, 0)->text() == u"Wrap-up"_s);
    CHECK_FALSE(up->isEnabled()); // it may not go before the segment that has begun
    add->click();                 // after the selected one
    REQUIRE(agenda->rowCount() == 4);
    agenda->item(2, 0)->setText(u"Break-out groups"_s);
    agenda->item(2, 1)->setData(Qt::EditRole, 25);
    agenda->setCurrentCell(3, 0); // "Discussion"
    REQUIRE(remove->isEnabled());
    remove->click();

    auto* menu = w.findChild<FileMenu*>();
    REQUIRE(menu);
    menu->applyDetails(dialog.edit());
    const QList<Segment>& s = h.state().segments;
    REQUIRE(s.size() == 3);
    CHECK(s[0].title == u"Opening"_s);
    CHECK(s[0].startedAt != 0);
    CHECK(s[1].title == u"Wrap-up"_s);
    CHECK(s[2].title == u"Break-out groups"_s);
    CHECK(s[2].plannedMs == 25 * 60'000);
    h.cockpit.undoStack().undo();
    CHECK(h.state().segments.size() == 3);
    CHECK(h.state().segments[1].title == u"Discussion"_s);
}

// Qt Charts shows "…" for a category whose label has less than its line of text (plus 4 px
// above and below) in its share of the axis: with every group listed, all did.
TEST_CASE("each balance chart gives every category's label its line") {
    useTemporarySettings();
    CockpitHarness h;
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next)); // someone speaks: the gender chart has a category too
    MainWindow w(h.cockpit);
    w.resize(1500, 920);
    w.show();
    auto* balance = w.findChild<BalanceDock*>();
    REQUIRE(balance);
    balance->show();
    balance->raise();
    QCoreApplication::processEvents();
    const std::pair<BalanceDimension, QString> charts[]{
        {BalanceDimension::Group, u"balanceByGroup"_s},
        {BalanceDimension::Region, u"balanceByRegion"_s},
        {BalanceDimension::Presence, u"balanceByPresence"_s},
        {BalanceDimension::Gender, u"balanceByGender"_s}};
    for (const auto& [dimension, name] : charts) {
        const QStringList categories = balance->shownCategories(dimension);
        INFO(categories.join(u", "_s).toStdString());
        REQUIRE_FALSE(categories.isEmpty());
        auto* view = child<QChartView>(*balance, name);
        const qreal share = view->chart()->plotArea().height() / qreal(categories.size() + 1);
        CHECK(share - 2 * 4 >= view->fontMetrics().height());
    }
}

// The axis ran to 1.1× the largest bar with five ticks labelled as whole numbers: a bar of 5
// ended short of the "5", and the numbers read 0 1 2 4 5.
TEST_CASE("the balance charts' numbers stand where their values are") {
    useTemporarySettings();
    CockpitHarness h;
    MainWindow w(h.cockpit);
    w.show();
    auto* balance = w.findChild<BalanceDock*>();
    REQUIRE(balance);
    balance->ensureBuilt();
    for (int speeches : {1, 3, 5, 8, 13}) {
        while (h.state().speeches.size() < speeches) {
            h.add(u"Audience 1"_s);
            REQUIRE(h.run(Action::Next));
            REQUIRE(h.run(Action::EndSpeech));
        }
        QCoreApplication::processEvents(); // the charts redraw once per burst of events
        INFO(speeches << " speeches");
        const QList<qreal> values = balance->shownValues(BalanceDimension::Gender);
        REQUIRE(values == QList<qreal>{qreal(speeches)}); // all "not stated"
        auto* view = child<QChartView>(*balance, u"balanceByGender"_s);
        const auto axes = view->chart()->axes(Qt::Horizontal);
        REQUIRE(axes.size() == 1);
        const auto* axis = qobject_cast<QValueAxis*>(axes.first());
        REQUIRE(axis);
        CHECK(axis->max() >= speeches);
        REQUIRE(axis->tickCount() >= 2);
        const qreal step = (axis->max() - axis->min()) / (axis->tickCount() - 1);
        for (int i = 0; i < axis->tickCount(); ++i) {
            const qreal tick = axis->min() + i * step;
            CHECK(tick == std::round(tick));
        }
    }
}

// Qt Charts may shorten a long category at the axis; pointing at its bar names it in full.
TEST_CASE("pointing at a balance bar names its category in full, with its value") {
    useTemporarySettings();
    CockpitHarness h;
    h.add(u"Audience 2"_s); // asia-pacific
    REQUIRE(h.run(Action::Next));
    REQUIRE(h.run(Action::EndSpeech));
    MainWindow w(h.cockpit);
    w.show();
    auto* balance = w.findChild<BalanceDock*>();
    REQUIRE(balance);
    balance->ensureBuilt();
    balance->show();
    QCoreApplication::processEvents();
    const QStringList regions = balance->shownCategories(BalanceDimension::Region);
    const int asiaPacific = int(regions.indexOf(label(Region::AsiaPacific)));
    REQUIRE(asiaPacific >= 0);
    auto* view = child<QChartView>(*balance, u"balanceByRegion"_s);
    const auto* series = qobject_cast<QAbstractBarSeries*>(view->chart()->series().first());
    REQUIRE(series);
    emit series->barSets().first()->hovered(true, asiaPacific);
    CHECK(view->toolTip() == label(Region::AsiaPacific) + u": 1"_s);
    emit series->barSets().first()->hovered(false, asiaPacific);
    CHECK(view->toolTip().isEmpty()); // off the bars, no tooltip
}

namespace {

// What the chart's scene draws as text (its axis labels among it), as shown.
QStringList chartTexts(PollChart& chart) {
    QStringList texts;
    for (QGraphicsItem* item : chart.scene()->items()) {
        if (auto* text = dynamic_cast<QGraphicsTextItem*>(item); text && text->isVisible())
            texts << text->toPlainText();
        if (auto* simple = dynamic_cast<QGraphicsSimpleTextItem*>(item);
            simple && simple->isVisible())
            texts << simple->text();
    }
    return texts;
}

} // namespace

// In the default layout a four-option poll's chart showed "…" for every option: the chart kept
// the height that suits three.
TEST_CASE("a poll's chart names every option at the height it asks for, however many") {
    PollChart chart;
    chart.show();
    for (const QStringList& options :
         {QStringList{u"Yes, fully"_s, u"Partly"_s, u"No"_s, u"Don't know"_s},
          QStringList{u"One"_s, u"Two"_s, u"Three"_s, u"Four"_s, u"Five"_s, u"Six"_s, u"Seven"_s,
                      u"Eight"_s}}) {
        Poll poll;
        poll.id = 1;
        poll.question = u"Which?"_s;
        poll.options = options;
        poll.tallies = QList<Tally>(options.size(), Tally{12, 18, 3});
        chart.showPoll(&poll);
        chart.resize(760, chart.minimumHeight());
        QCoreApplication::processEvents();
        const QStringList texts = chartTexts(chart);
        INFO(texts.join(u" | "_s).toStdString());
        for (const QString& option : options)
            CHECK(texts.contains(option));
    }
}

// The in-room moderator opened a poll: on the online moderator's screen, whose job is its online
// tallies, nothing changed (the Polls panel sat behind Participants).
TEST_CASE("a poll opened on another seat brings the Polls panel forward, unless typing beside it") {
    useTemporarySettings();
    CockpitHarness h;
    h.engine.setAuthority(Authority::OnlineModerator);
    MainWindow w(h.cockpit);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    QApplication::setActiveWindow(&w);
    const auto draft = [&](const QString& question) {
        auto made =
            h.run(Action::CreatePoll,
                  {{u"question"_s, question}, {u"options"_s, QCborArray{u"Yes"_s, u"No"_s}}},
                  Authority::Moderator);
        REQUIRE(made);
        return made->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
    };
    const Id first = draft(u"First?"_s);
    const Id second = draft(u"Second?"_s);
    QDockWidget* polls = w.dock(u"pollsDock"_s);
    QDockWidget* participants = w.dock(u"participantsDock"_s);
    REQUIRE(w.tabifiedDockWidgets(polls).contains(participants)); // this seat's layout
    participants->raise();
    QCoreApplication::processEvents();
    REQUIRE(polls->visibleRegion().isEmpty());

    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, first}}, Authority::Moderator));
    QCoreApplication::processEvents();
    CHECK_FALSE(polls->visibleRegion().isEmpty());
    CHECK(
        child<QLabel>(w, u"infoLine"_s)
            ->text()
            .contains(u"The poll “First?” was opened on another seat: its tallies go in Polls."_s));

    // Typing in the panel it would cover: it stays behind, and the line says where it is.
    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, first}}, Authority::Moderator));
    QTreeView* people = participantsView(w);
    people->setFocus();
    QCoreApplication::processEvents();
    REQUIRE(people->hasFocus());
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, second}}, Authority::Moderator));
    QCoreApplication::processEvents();
    CHECK(polls->visibleRegion().isEmpty());
    CHECK(people->hasFocus());
    CHECK(child<QLabel>(w, u"infoLine"_s)->text().contains(u"“Second?”"_s));

    // Opened long before (a seat catching up on the host's events): nothing moves.
    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, second}}, Authority::Moderator));
    const Id third = draft(u"Third?"_s);
    people->clearFocus();
    Command late{
        newCommandId(), u"host"_s, Authority::Moderator, Action::OpenPoll, {{u"poll"_s, third}}};
    auto opened = decide(h.state(), late, h.clock.nowMs());
    REQUIRE(opened);
    h.clock.advance(60'000);
    REQUIRE(h.engine.receive(opened.value()));
    QCoreApplication::processEvents();
    CHECK(polls->visibleRegion().isEmpty());
    CHECK_FALSE(child<QLabel>(w, u"infoLine"_s)->text().contains(u"“Third?”"_s));

    // The in-room moderator runs polls: told, the panel they look at stays.
    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, third}}, Authority::Moderator));
    h.engine.setAuthority(Authority::Moderator);
    QCoreApplication::processEvents();
    participants->raise();
    const Id fourth = draft(u"Fourth?"_s);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, fourth}}, Authority::OnlineModerator));
    QCoreApplication::processEvents();
    CHECK(child<QLabel>(w, u"infoLine"_s)->text().contains(u"“Fourth?”"_s));
    if (w.tabifiedDockWidgets(polls).contains(participants)) // the moderator's layout
        CHECK(polls->visibleRegion().isEmpty());
}

namespace {

// A phone on the venue's network: it opens the page, then votes for `option`.
QString voteOnPhone(quint16 port, Id poll, int option) {
    QNetworkAccessManager phone;
    phone.setProxy(QNetworkProxy::NoProxy);
    const QUrl page(u"http://127.0.0.1:%1/"_s.arg(port));
    const auto finish = [](QNetworkReply* reply) {
        QElapsedTimer waited;
        waited.start();
        while (!reply->isFinished() && waited.elapsed() < 20000)
            QTest::qWait(10);
        REQUIRE(reply->isFinished());
        reply->deleteLater();
        return QString::fromUtf8(reply->readAll());
    };
    finish(phone.get(QNetworkRequest(page)));
    QNetworkRequest vote(page.resolved(QUrl(u"/vote"_s)));
    vote.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    return finish(phone.post(vote, u"poll=%1&option=%2"_s.arg(poll).arg(option).toUtf8()));
}

} // namespace

TEST_CASE("the Polls panel turns the room's voting page on, says where, and shows its votes") {
    OpenPoll room;
    QSettings().setValue(u"webVoting/port"_s, 0); // any free port: tests run side by side
    auto* toggle = child<QCheckBox>(room.w, u"webVotingToggle"_s);
    auto* status = child<QLabel>(room.w, u"webVotingStatus"_s);
    REQUIRE(toggle->isVisibleTo(&room.w));
    CHECK_FALSE(status->isVisibleTo(&room.w));
    toggle->setChecked(true);
    web::VotingServer& voting = room.h.cockpit.voting();
    REQUIRE(voting.isRunning());
    const QString where = u":%1/"_s.arg(voting.port());
    // Each of this laptop's networks (none on a machine without one: then it says so).
    CHECK((status->text().contains(where) || status->text().contains(u"on no network"_s)));
    CHECK(status->text().endsWith(u" · 0 counted"_s));

    CHECK(voteOnPhone(voting.port(), room.poll, 2).contains(u"Your vote: Undecided."_s));
    const QModelIndex web = room.view->model()->index(2, TallyModel::Web);
    CHECK(room.view->model()->data(web).toString() == u"1"_s);
    CHECK(status->text().endsWith(u" · 1 counted"_s));
    CHECK(room.h.cockpit.undoStack().count() == 2); // the moderator's steps only: create, open

    toggle->setChecked(false);
    CHECK_FALSE(voting.isRunning());
    CHECK_FALSE(status->isVisibleTo(&room.w));
}

// The laptop on the venue's Wi-Fi and on the AV desk's cable: the audience display's code gave
// the phones the first address, the one they could not reach.
TEST_CASE("on a laptop on two networks, the moderator chooses the address the audience display's "
          "code gives the phones") {
    OpenPoll room;
    QSettings().setValue(u"webVoting/port"_s, 0);
    Cockpit& cockpit = room.h.cockpit;
    QStringList networks{u"10.20.0.5"_s, u"192.168.1.20"_s};
    cockpit.setNetworkLookup([&](const QHostAddress&) { return networks; });
    auto* shownAt = child<QComboBox>(room.w, u"webVotingShownAt"_s);
    CHECK_FALSE(shownAt->isVisibleTo(&room.w)); // off: nothing to show
    child<QCheckBox>(room.w, u"webVotingToggle"_s)->setChecked(true);
    const quint16 port = cockpit.voting().port();
    const auto page = [port](const QString& address) {
        return u"http://%1:%2/"_s.arg(address).arg(port);
    };
    REQUIRE(shownAt->isVisibleTo(&room.w));
    CHECK(shownAt->count() == 2);
    CHECK(shownAt->currentText() == page(u"10.20.0.5"_s));
    auto* displays = room.w.findChild<DisplayWindows*>();
    REQUIRE(displays);
    AudienceDisplay* audience = displays->showAudience(QGuiApplication::primaryScreen(), false);
    audience->resize(1280, 720);
    CHECK(qrCodeOn(audience->grab().toImage()) == page(u"10.20.0.5"_s));
    CHECK(child<QLabel>(room.w, u"webVotingStatus"_s)->text().contains(page(u"192.168.1.20"_s)));

    // Votes leave the list as it is: each one said in the status emptied and refilled it, which
    // closed it under the moderator's hand.
    QSignalSpy emptied(shownAt->model(), &QAbstractItemModel::rowsRemoved);
    CHECK(voteOnPhone(port, room.poll, 0).contains(u"Your vote: "_s));
    CHECK(child<QLabel>(room.w, u"webVotingStatus"_s)->text().endsWith(u" · 1 counted"_s));
    CHECK(emptied.isEmpty());

    shownAt->setFocus();
    QTest::keyClick(shownAt, Qt::Key_Down); // the moderator picks the Wi-Fi's
    CHECK(cockpit.votingPageUrls().first() == page(u"192.168.1.20"_s));
    CHECK(shownAt->currentText() == page(u"192.168.1.20"_s));
    CHECK(qrCodeOn(audience->grab().toImage()) == page(u"192.168.1.20"_s));

    // Kept as the laptop's networks come and go, and at the next start on them.
    networks = {u"10.20.0.5"_s, u"172.16.4.2"_s, u"192.168.1.20"_s};
    cockpit.setNetworkLookup([&](const QHostAddress&) { return networks; });
    CHECK(cockpit.votingPageUrls().first() == page(u"192.168.1.20"_s));
    Cockpit next(room.h.engine);
    next.setNetworkLookup([&](const QHostAddress&) { return networks; });
    REQUIRE(next.voting().start(0));
    CHECK(next.votingPageUrls().first().startsWith(u"http://192.168.1.20:"_s));
    // Gone from that network, the page is shown at the one it is on, with nothing to choose.
    networks = {u"10.20.0.5"_s};
    cockpit.setNetworkLookup([&](const QHostAddress&) { return networks; });
    CHECK(cockpit.votingPageUrls() == QStringList{page(u"10.20.0.5"_s)});
    CHECK_FALSE(shownAt->isVisibleTo(&room.w));
    CHECK(qrCodeOn(audience->grab().toImage()) == page(u"10.20.0.5"_s));
    QSettings().remove(u"webVoting/shownAddress"_s); // the settings folder is shared by the tests
}

TEST_CASE("the voting page runs on the seat that decides: greyed where a host is followed") {
    JoinedWindow seat;
    seat.w.show();
    auto* toggle = child<QCheckBox>(seat.w, u"webVotingToggle"_s);
    CHECK(toggle->isVisibleTo(&seat.w));
    CHECK_FALSE(toggle->isEnabled());
    CHECK(toggle->toolTip().contains(u"host's laptop runs the voting page"_s));
    seat.h.cockpit.setSeat(Seat::Rapporteur);
    CHECK_FALSE(toggle->isVisibleTo(&seat.w));
    CHECK(child<QLabel>(seat.w, u"pollTotals"_s)->isVisibleTo(&seat.w)); // on its line, kept
}

TEST_CASE("a laptop that starts following a host stops its voting page, and says why") {
    OpenPoll room;
    QSettings().setValue(u"webVoting/port"_s, 0);
    auto* toggle = child<QCheckBox>(room.w, u"webVotingToggle"_s);
    toggle->setChecked(true);
    REQUIRE(room.h.cockpit.voting().isRunning());
    room.h.engine.setForwarder([](const Command&) {});
    CHECK_FALSE(room.h.cockpit.voting().isRunning());
    CHECK_FALSE(toggle->isChecked());
    CHECK(child<QLabel>(room.w, u"webVotingStatus"_s)
              ->text()
              .contains(u"this laptop now follows the session's host"_s));
}

TEST_CASE("a voting page that cannot listen says why in red, and stays off") {
    OpenPoll room;
    QTcpServer squatter;
    REQUIRE(squatter.listen(QHostAddress::Any, 0));
    QSettings().setValue(u"webVoting/port"_s, squatter.serverPort());
    auto* toggle = child<QCheckBox>(room.w, u"webVotingToggle"_s);
    toggle->setChecked(true);
    CHECK_FALSE(toggle->isChecked());
    CHECK_FALSE(room.h.cockpit.voting().isRunning());
    CHECK(child<QLabel>(room.w, u"webVotingStatus"_s)
              ->text()
              .contains(u"could not listen on port %1"_s.arg(squatter.serverPort())));
}

TEST_CASE("the voting page turned off and on again comes back where the phones knew it") {
    OpenPoll room;
    const quint16 port = []() {
        QTcpServer probe; // a port free just now
        REQUIRE(probe.listen(QHostAddress::LocalHost, 0));
        return probe.serverPort();
    }();
    auto* row = room.w.findChild<WebVotingRow*>();
    REQUIRE(row);
    row->start(port); // as `--web-voting PORT` does at launch
    REQUIRE(room.h.cockpit.voting().port() == port);
    auto* toggle = child<QCheckBox>(room.w, u"webVotingToggle"_s);
    CHECK(toggle->isChecked());
    toggle->setChecked(false);
    toggle->setChecked(true);
    CHECK(room.h.cockpit.voting().port() == port);
}

// The online moderator took over while the room voted on the host's page, gone with the host:
// nothing said the room had been voting, and the phones got nowhere.
TEST_CASE("a seat that stops following a host whose page the room voted on says so") {
    OpenPoll room;
    auto* status = child<QLabel>(room.w, u"webVotingStatus"_s);
    room.h.engine.setForwarder([](const Command&) {});             // following the host
    room.h.cockpit.setHostVotingPage(u"http://10.0.0.7:47602/"_s); // as its beacons tell
    CHECK(status->text() == u"Phones vote on the host's page at http://10.0.0.7:47602/."_s);
    room.h.engine.setForwarder({}); // the host gone: this seat goes on
    room.h.cockpit.setHostVotingPage({});
    CHECK(status->isVisibleTo(&room.w));
    CHECK(status->text().contains(
        u"The room was voting on phones at the host's page (http://10.0.0.7:47602/)"_s));
    CHECK(child<QCheckBox>(room.w, u"webVotingToggle"_s)->isEnabled());
}

// A host that served no page leaves nothing to say: Web figures typed by hand are no page.
TEST_CASE("a seat that stops following a host that served no voting page says nothing of it") {
    OpenPoll quiet;
    REQUIRE(quiet.h.run(
        Action::SetTally,
        {{u"poll"_s, quiet.poll}, {u"option"_s, 0}, {u"source"_s, u"web"_s}, {u"count"_s, 12}}));
    quiet.h.engine.setForwarder([](const Command&) {});
    quiet.h.engine.setForwarder({});
    CHECK_FALSE(child<QLabel>(quiet.w, u"webVotingStatus"_s)->isVisibleTo(&quiet.w));
}

// Typed over the Web column on a seat that follows the host, a figure set over the phones'
// votes counted meanwhile on the host, and they were lost.
TEST_CASE("a Web tally typed on a following seat is refused if phones voted meanwhile") {
    JoinedWindow seat;
    seat.w.show();
    const auto decideAll = [&] {
        const QList<Command> asked = std::exchange(seat.forwarded, {});
        for (const Command& c : asked)
            seat.host.decideOnHost(c);
    };
    createPoll(seat.w);
    decideAll();
    child<QAction>(seat.w, u"openClosePollAction"_s)->trigger();
    decideAll();
    const Id poll = seat.h.state().polls.first().id;
    enterTally(seat.w, 0, TallyModel::Web, 40);
    REQUIRE(seat.forwarded.size() == 1);
    const Command typed = seat.forwarded.takeFirst();
    // A phone's vote reaches the host first.
    seat.host.decideOnHost(
        {newCommandId(),
         {},
         Authority::OnlineModerator,
         Action::SetTally,
         {{u"poll"_s, poll}, {u"option"_s, 0}, {u"source"_s, u"web"_s}, {u"count"_s, 1}}});
    Command c = typed;
    c.authority = Authority::OnlineModerator;
    const auto decided = decide(seat.h.state(), c, seat.h.clock.nowMs());
    REQUIRE_FALSE(decided);
    CHECK(decided.error().contains(u"was changed on another seat since; it was left at 1"_s));
    // A show of hands has no phones racing it: typed as seen.
    enterTally(seat.w, 0, TallyModel::Onsite, 12);
    REQUIRE(seat.forwarded.size() == 1);
    CHECK_FALSE(seat.forwarded.first().args.contains(u"expect"_s));
}

// The rehearsal: 138 phones ticked 398 answers; the panel said "Votes in all: 398" while the
// audience display said answers.
TEST_CASE("the Polls panel counts a multiple-choice poll's answers as answers, as the display") {
    Poll single;
    single.options = {u"Yes"_s, u"No"_s};
    single.tallies = {Tally{3, 0, 2}, Tally{1, 0, 0}};
    CHECK(PollsDock::totalsText(&single) == u"Votes in all: 6"_s);
    Poll several = single;
    several.multipleChoice = true;
    CHECK(PollsDock::totalsText(&several) == u"Answers in all: 6 (several allowed)"_s);
    CHECK(PollsDock::totalsText(nullptr).isEmpty());
}
