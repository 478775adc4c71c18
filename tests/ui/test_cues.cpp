#include <catch2/catch.hpp>

#include "fixtures.h"
#include "sound/cue_flash.h"
#include "sound/cue_player.h"
#include "sound/cue_tones.h"
#include "sound/cue_watcher.h"
#include "ui_support.h"

#include <QSettings>
#include <QTest>
#include <QWidget>
#include <QtEndian>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

// Settings go to Qt's test location, never to the user's own preferences.
// A settings file of this process's own: in test mode alone, test processes run side by side
// shared one, and another's "volume 0" was read here now and then.
void isolateSettings() {
    useTemporarySettings();
    QSettings().remove(u"sound"_s);
}

struct CueLog {
    QList<std::pair<Cue, bool>> given;

    explicit CueLog(CuePlayer& p) {
        QObject::connect(&p, &CuePlayer::cueGiven, [this](Cue c, bool audible) {
            given.append({c, audible});
        });
    }
};

} // namespace

TEST_CASE("cue watcher: the warning once, time-up once, per speaker") {
    Harness h;
    CueWatcher w;
    h.add(u"Panelist A"_s);
    h.add(u"Panelist B"_s);
    REQUIRE(h.run(Action::Next));
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None);
    h.clock.advance(4 * 60'000);
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None); // a minute left
    h.clock.advance(30'000);
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::Warning);
    h.clock.advance(1'000);
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None);
    h.clock.advance(30'000);
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::TimeUp);
    for (int i = 0; i < 10; ++i) {
        h.clock.advance(5'000);
        CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None);
    }

    REQUIRE(h.run(Action::Next)); // a new speaker gets cues of their own
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None);
    h.clock.advance(4 * 60'000 + 45'000);
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::Warning);
}

TEST_CASE("cue watcher: time given back after time-up arms the cues again") {
    Harness h;
    CueWatcher w;
    h.add(u"Audience 1"_s); // 2 minutes, warning at 30 s
    REQUIRE(h.run(Action::Next));
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None);
    h.clock.advance(121'000);
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::TimeUp);
    REQUIRE(h.run(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, 30'000}}));
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None); // 29 s left: in the warning
    h.clock.advance(30'000);
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::TimeUp); // out of time again
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None);

    REQUIRE(h.run(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, 120'000}}));
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None); // well in time again
    h.clock.advance(90'000);
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::Warning);
}

TEST_CASE("cue watcher: a paused countdown never cues, a resumed one does") {
    Harness h;
    CueWatcher w;
    h.add(u"Audience 1"_s); // 2 minutes
    REQUIRE(h.run(Action::Next));
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None);
    h.clock.advance(60'000);
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}}));
    h.clock.advance(10 * 60'000);
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None);
    REQUIRE(h.run(Action::StartTimer, {{u"timer"_s, u"speaker"_s}}));
    h.clock.advance(40'000);
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::Warning);
    REQUIRE(h.run(Action::PauseTimer, {{u"timer"_s, u"speaker"_s}}));
    REQUIRE(h.run(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, -30'000}}));
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None); // over, but paused
}

TEST_CASE("cue watcher: a jump past zero gives only time-up, a late seat hears nothing old") {
    Harness h;
    CueWatcher w;
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None);
    h.clock.advance(30'000);
    REQUIRE(h.run(Action::AdjustTimer, {{u"timer"_s, u"speaker"_s}, {u"deltaMs"_s, -120'000}}));
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::TimeUp);
    CHECK(w.observe(h.state(), h.clock.nowMs()) == Cue::None);

    CueWatcher late; // a seat that joins during the overtime
    CHECK(late.observe(h.state(), h.clock.nowMs()) == Cue::None);
    h.clock.advance(60'000);
    CHECK(late.observe(h.state(), h.clock.nowMs()) == Cue::None);
}

TEST_CASE("cue player: cues are given once, and are silent when muted") {
    isolateSettings();
    Harness h;
    CuePlayer player(h.engine);
    CueLog log(player);
    h.add(u"Audience 1"_s);
    REQUIRE(h.run(Action::Next));
    player.check();
    h.clock.advance(95'000);
    player.check();
    player.check();
    REQUIRE(log.given.size() == 1);
    CHECK(log.given[0] == std::pair{Cue::Warning, true});

    player.setMuted(true);
    h.clock.advance(30'000);
    player.check();
    player.check();
    REQUIRE(log.given.size() == 2);
    CHECK(log.given[1] == std::pair{Cue::TimeUp, false}); // still shown, not heard

    player.setMuted(false);
    player.setVolume(0); // the quietest the menu offers: silence is Mute, which the menu shows
    CHECK(player.volume() == 25);
    player.give(Cue::Warning);
    CHECK(log.given.last() == std::pair{Cue::Warning, true});
}

TEST_CASE("cue player: mute and volume are remembered on this machine") {
    isolateSettings();
    Harness h;
    {
        CuePlayer player(h.engine);
        CHECK_FALSE(player.isMuted());
        CHECK(player.volume() == 75);
        player.setMuted(true);
        player.setVolume(250); // clamped
        CHECK(player.volume() == 100);
    }
    CuePlayer again(h.engine);
    CHECK(again.isMuted());
    CHECK(again.volume() == 100);
    for (const QVariant& damage :
         {QVariant(u"loud"_s), QVariant(-3), QVariant(0), QVariant(24), QVariant(101)}) {
        QSettings().setValue(u"sound/volume"_s, damage);
        CuePlayer damaged(h.engine);
        CHECK(damaged.volume() == 75); // the default, not silence
    }
}

TEST_CASE("cue sounds are short, valid WAV files") {
    for (Cue cue : {Cue::Warning, Cue::TimeUp}) {
        const QByteArray wav = cueWav(cue);
        REQUIRE(wav.size() > 44);
        CHECK(wav.left(4) == "RIFF");
        CHECK(wav.mid(8, 8) == "WAVEfmt ");
        const auto rate = qFromLittleEndian<quint32>(wav.constData() + 24);
        const auto dataBytes = qFromLittleEndian<quint32>(wav.constData() + 40);
        CHECK(dataBytes == quint32(wav.size() - 44));
        const double seconds = double(dataBytes) / (rate * 2);
        CHECK(seconds > 0.3);
        CHECK(seconds < 1.5);
    }
    CHECK(cueWav(Cue::None).isEmpty());
}

TEST_CASE("a cue flashes over the window, then goes") {
    QWidget window;
    window.resize(400, 300);
    CueFlash flash(&window);
    CHECK_FALSE(flash.isFlashing());
    flash.flash(Cue::TimeUp);
    CHECK(flash.isFlashing());
    CHECK(flash.currentCue() == Cue::TimeUp);
    CHECK(flash.geometry() == window.rect());
    CHECK(flash.testAttribute(Qt::WA_TransparentForMouseEvents));
    // Gone by itself: a flash left on the window would hide the next cue.
    REQUIRE(QTest::qWaitFor([&] { return !flash.isFlashing(); }, 20'000));
    CHECK(flash.currentCue() == Cue::None);
    CHECK(flash.isHidden());
}
