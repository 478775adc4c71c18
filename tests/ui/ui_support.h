#pragma once

#include "cockpit.h"
#include "fixtures.h"
#include "main_window.h"

#include <QImage>
#include <QMessageBox>
#include <QTreeView>
#include <QWidget>
#include <functional>
#include <memory>

// A cockpit over a test session on a fake clock, with settings kept out of the user's own.
namespace podium::test {

void useTemporarySettings();
// What a phone's camera reads off a display, through zbar's own reader (empty: no code).
QString qrCodeOn(const QImage& image);
// As a fixture's first member: its settings are kept apart before its window reads any.
struct TemporarySettings {
    TemporarySettings() { useTemporarySettings(); }
};

// Answers the question the next modal message box asks (`answer`), and keeps its text.
void answerNextQuestion(QMessageBox::StandardButton answer, QString* asked);
// The same with the button whose text is `answer`, if a question is asked at all.
void answerQuestionIfAsked(const QString& answer, QString* asked, QString* informative = nullptr);

struct CockpitHarness : Harness {
    Cockpit cockpit{engine};

    explicit CockpitHarness(const Plan& plan = crowdPlan())
        : Harness(plan) {}
    QByteArray digest() const;
};

// The cockpit as a joined seat: its commands go to a host this test plays. decideOnHost()
// decides one as the in-room moderator's would be, and sends its event back.
struct PlayedHost {
    explicit PlayedHost(CockpitHarness& h);
    void decideOnHost(const Command& asked);
    CockpitHarness& harness;
    QList<Command> forwarded; // what the seat sent, in order
};

// The cockpit's window on a joined seat whose host the test plays (settings kept apart first).
struct JoinedWindow {
    TemporarySettings settings;
    CockpitHarness h;
    MainWindow w{h.cockpit};
    PlayedHost host{h};
    QList<Command>& forwarded = host.forwarded;
};

// The cockpit's window over a test session, shown (settings kept apart first).
struct ShownWindow {
    TemporarySettings settings;
    CockpitHarness h;
    MainWindow w{h.cockpit};
    ShownWindow();
};

// The roster's table, its panel brought to the front.
QTreeView* participantsView(MainWindow& w);

// A session in full swing: someone speaks, people wait, a poll is open, a segment runs.
void fillSession(CockpitHarness& h);

// For each seat, its window over a session in full swing, in its default layout, shown with every
// panel made; `check` looks at it (INFO names the seat).
void forEachSeatWindow(const std::function<void(MainWindow&, Seat)>& check);

template <typename T> T* child(QWidget& root, const QString& name) {
    T* found = root.findChild<T*>(name);
    if (!found)
        throw std::runtime_error("no child named " + name.toStdString());
    return found;
}

} // namespace podium::test
