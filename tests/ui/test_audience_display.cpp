#include <catch2/catch.hpp>

#include "displays/audience_display.h"
#include "fixtures.h"
#include "ui_support.h"

#include <QImage>

using namespace podium;
using namespace podium::test;
using namespace Qt::StringLiterals;

namespace {

Id createPoll(Harness& h, const QString& question) {
    auto e =
        h.run(Action::CreatePoll, {{u"question"_s, question},
                                   {u"options"_s, QCborArray{u"Yes"_s, u"No"_s, u"Unsure"_s}}});
    REQUIRE(e);
    return e->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
}

void tally(Harness& h, Id poll, int option, const QString& source, qint64 count) {
    REQUIRE(h.run(
        Action::SetTally,
        {{u"poll"_s, poll}, {u"option"_s, option}, {u"source"_s, source}, {u"count"_s, count}}));
}

QStringList names(const QList<AudienceSpeaker>& list) {
    QStringList out;
    for (const AudienceSpeaker& s : list)
        out << s.name;
    return out;
}

} // namespace

TEST_CASE("audience display: the speaker and the next speakers, onsite or online") {
    Harness h;
    AudienceDisplay d(h.engine);
    CHECK_FALSE(d.view().speaker.has_value());
    CHECK_FALSE(d.view().anyoneSpoke);
    CHECK(d.view().next.isEmpty());

    h.add(u"Panelist A"_s);
    const Id online = h.add(u"Audience 2"_s);
    h.add(u"Audience 3"_s, EntryKind::Reply, online);
    const Id withdrawn = h.add(u"Audience 4"_s);
    REQUIRE(h.run(Action::WithdrawEntry, {{u"entry"_s, withdrawn}}));
    REQUIRE(h.run(Action::Next));

    REQUIRE(d.view().speaker.has_value());
    CHECK(d.view().speaker->name == u"Panelist A"_s);
    CHECK(names(d.view().next) == QStringList{u"Audience 2"_s, u"Audience 3"_s});
    CHECK(d.view().next[0].channel == Presence::Online);
    CHECK(d.view().next[1].channel == Presence::Onsite);
    CHECK(d.view().next[1].kind == label(EntryKind::Reply));
    CHECK(d.view().next[0].kind.isEmpty());
    // Between speeches, the room is not told that nobody has spoken "yet".
    REQUIRE(h.run(Action::EndSpeech));
    CHECK_FALSE(d.view().speaker.has_value());
    CHECK(d.view().anyoneSpoke);
}

TEST_CASE("audience display: a long queue shows the first six and how many more") {
    Harness h;
    for (int i = 1; i <= 9; ++i)
        h.add(u"Audience %1"_s.arg(i));
    AudienceDisplay d(h.engine);
    CHECK(d.view().next.size() == AudienceView::maxNext);
    CHECK(d.view().moreWaiting == 3);
    CHECK(d.view().next.first().name == u"Audience 1"_s);
}

// "120 votes" under a poll with several answers allowed read as 120 people.
TEST_CASE("audience display: a poll with several answers allowed counts answers, not votes") {
    Harness h;
    AudienceDisplay d(h.engine);
    REQUIRE(h.run(Action::CreatePoll, {{u"question"_s, u"Which topics?"_s},
                                       {u"options"_s, QCborArray{u"DNS"_s, u"AI"_s}},
                                       {u"multiple"_s, true}}));
    const Id poll = h.state().polls.last().id;
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, poll}}));
    tally(h, poll, 0, u"onsite"_s, 12);
    tally(h, poll, 1, u"onsite"_s, 9);
    CHECK(d.view().multipleChoice);
    CHECK(AudienceDisplay::totalsText(d.view()).startsWith(u"21 answers (several allowed) · "_s));
}

TEST_CASE("audience display: poll results with percentages and combined totals") {
    Harness h;
    AudienceDisplay d(h.engine);
    const Id first = createPoll(h, u"Do you trust DNS?"_s);
    CHECK(d.view().pollId == 0); // a draft is not shown to the room

    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, first}}));
    tally(h, first, 0, u"onsite"_s, 12);
    tally(h, first, 0, u"online"_s, 18);
    tally(h, first, 1, u"web"_s, 6);
    tally(h, first, 2, u"online"_s, 4);
    REQUIRE(d.view().pollId == first);
    CHECK(d.view().pollOpen);
    CHECK(d.view().question == u"Do you trust DNS?"_s);
    REQUIRE(d.view().options.size() == 3);
    CHECK(d.view().options[0].votes == 30);
    CHECK(d.view().options[0].percent == Approx(75.0));
    CHECK(d.view().options[1].percent == Approx(15.0));
    CHECK(d.view().options[2].percent == Approx(10.0));
    CHECK(d.view().totalVotes == 40);
    CHECK(d.view().votesBySource == Tally{12, 22, 6});
    CHECK(AudienceDisplay::totalsText(d.view()).startsWith(u"40 votes · "_s));

    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, first}}));
    CHECK(d.view().pollId == first); // the results stay up once voting closes
    CHECK_FALSE(d.view().pollOpen);

    const Id second = createPoll(h, u"Should the IGF be permanent?"_s);
    CHECK(d.view().pollId == first);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, second}}));
    CHECK(d.view().pollId == second);
    CHECK(d.view().totalVotes == 0);
    CHECK(d.view().options[0].percent == Approx(0.0)); // no votes: no division by zero
    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, second}}));
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, first}}));
    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, first}}));
    CHECK(d.view().pollId == first); // the one closed last
}

// 20 and 12 votes read "63 % (20)" and "38 % (12)": 101 % on the projector.
TEST_CASE("audience display: the whole percents of a poll add up to 100") {
    Harness h;
    AudienceDisplay d(h.engine);
    const Id poll = createPoll(h, u"Do you trust DNS?"_s);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, poll}}));
    const auto shown = [&d] {
        QList<int> percents;
        for (const AudiencePollRow& row : d.view().options)
            percents << row.shownPercent;
        return percents;
    };
    CHECK(shown() == QList<int>{0, 0, 0}); // nobody voted: nothing to share out
    tally(h, poll, 0, u"onsite"_s, 20);
    tally(h, poll, 1, u"onsite"_s, 12);
    CHECK(shown() == QList<int>{63, 37, 0}); // 62.5 and 37.5: the tie goes to the first
    tally(h, poll, 2, u"onsite"_s, 1);
    CHECK(shown() == QList<int>{61, 36, 3}); // 60.6, 36.4 and 3.0
    tally(h, poll, 2, u"online"_s, 2);
    // 20, 12 and 3 of 35: 57.1, 34.3 and 8.6 round to 57, 34 and 9, which make 100 already.
    CHECK(shown() == QList<int>{57, 34, 9});
}

TEST_CASE("audience display paints its bars, left to right and right to left") {
    Harness h;
    h.add(u"Panelist A"_s);
    REQUIRE(h.run(Action::Next));
    const Id poll = createPoll(h, u"Do you trust DNS?"_s);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, poll}}));
    tally(h, poll, 0, u"onsite"_s, 10); // one option has every vote: one full bar
    const QColor barFill(0x4f, 0xc3, 0xf7);
    for (Qt::LayoutDirection direction : {Qt::LeftToRight, Qt::RightToLeft}) {
        AudienceDisplay d(h.engine);
        d.setLayoutDirection(direction);
        d.resize(1280, 720);
        const QImage image = d.grab().toImage();
        qint64 count = 0, sumX = 0;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); ++x) {
                if (image.pixelColor(x, y) == barFill) {
                    ++count;
                    sumX += x;
                }
            }
        }
        INFO("direction " << int(direction));
        REQUIRE(count > 1000);
        // The poll sits beside the speakers: on the right in LTR, on the left in RTL.
        const qint64 centre = sumX / count;
        if (direction == Qt::LeftToRight)
            CHECK(centre > image.width() / 2);
        else
            CHECK(centre < image.width() / 2);
    }
}

namespace {

// Lines of text in the left third of the display, as bands of rows that hold the ink colour:
// the title, the speaker's name and the waiting names (the channel badges lie further right).
int linesOfInk(const QImage& image) {
    const QColor ink(0xf1, 0xf3, 0xf4);
    int lines = 0;
    bool inLine = false;
    for (int y = 0; y < image.height(); ++y) {
        bool inked = false;
        for (int x = 0; x < image.width() / 3 && !inked; ++x)
            inked = image.pixelColor(x, y) == ink;
        lines += inked && !inLine;
        inLine = inked;
    }
    return lines;
}

} // namespace

TEST_CASE("audience display: a speaker's name too long for its line is wrapped, not cut") {
    const QString longName =
        u"María de la Santísima Trinidad Fernández-Castellanos y Villalobos Ortega"_s;
    const auto inkWhileSpeaking = [&](const QString& name) {
        Harness h;
        REQUIRE(h.run(Action::AddParticipant, {{u"name"_s, name}}));
        h.add(name);
        h.add(u"Panelist A"_s);
        REQUIRE(h.run(Action::Next));
        // An open poll takes the right half: the name has less than half the width.
        REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, createPoll(h, u"Do you trust DNS?"_s)}}));
        AudienceDisplay d(h.engine);
        d.resize(1280, 720);
        return linesOfInk(d.grab().toImage());
    };
    const int shortName = inkWhileSpeaking(u"Ana Ortega"_s);
    CHECK(shortName == 3); // title, speaker, the one waiting
    CHECK(inkWhileSpeaking(longName) >= shortName + 1);
}

TEST_CASE("audience display: an open poll shows where phones vote, in words and as a QR code") {
    Harness h;
    const Id poll = createPoll(h, u"Do you trust DNS?"_s);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, poll}}));
    const QString url = u"http://192.168.1.20:47602/"_s;
    AudienceDisplay d(h.engine);
    d.resize(1280, 720);
    CHECK(qrCodeOn(d.grab().toImage()).isEmpty()); // no voting page: no code
    d.setVotingAddress(url);
    CHECK(AudienceDisplay::pollHeading(true, url) ==
          u"Poll · vote on your phone at http://192.168.1.20:47602/"_s);
    CHECK(qrCodeOn(d.grab().toImage()) == url);
    d.setLayoutDirection(Qt::RightToLeft);
    CHECK(qrCodeOn(d.grab().toImage()) == url);

    // Closed, the poll's results stay up, and the code goes: there is nothing to vote on.
    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, poll}}));
    CHECK(AudienceDisplay::pollHeading(false, url) == u"Poll results"_s);
    CHECK(qrCodeOn(d.grab().toImage()).isEmpty());
}
