#include <catch2/catch.hpp>

#include "fixtures.h"
#include "voting_page.h"

#include <QLocale>

using namespace podium;
using namespace podium::test;
using namespace podium::web;
using namespace Qt::StringLiterals;

namespace {

Id createPoll(Harness& h, const QString& question, const QCborArray& options, bool multiple) {
    auto created =
        h.run(Action::CreatePoll,
              {{u"question"_s, question}, {u"options"_s, options}, {u"multiple"_s, multiple}});
    REQUIRE(created);
    return created->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
}

QString page(const Harness& h, const QList<int>& votedFor = {}, const PageNotice& notice = {}) {
    return QString::fromUtf8(votingPage(h.state(), votedFor, notice));
}

} // namespace

TEST_CASE("the voting page shows the open poll as a form with one choice per option") {
    Harness h;
    const Id poll = createPoll(h, u"Who should secure routing?"_s,
                               QCborArray{u"Operators"_s, u"Regulators"_s}, false);
    CHECK(page(h).contains(u"No poll is open right now."_s)); // a draft is not voted on
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, poll}}));
    const QString html = page(h);
    CHECK(html.contains(u"Who should secure routing?"_s));
    CHECK(html.contains(u"name=\"poll\" value=\"%1\""_s.arg(poll)));
    CHECK(html.contains(
        u"<input type=\"radio\" name=\"option\" value=\"1\" required>Regulators</label>"_s));
    CHECK(html.contains(u"<form method=\"post\" action=\"/vote\">"_s));
    CHECK_FALSE(html.contains(u"http-equiv=\"refresh\""_s)); // a choice being made is kept
    CHECK_FALSE(html.contains(u"http://"_s));                // nothing from elsewhere
    // Its one script only asks which poll is open, and goes to it when nothing is chosen.
    CHECK(html.count(u"<script>"_s) == 1);
    CHECK(html.contains(u"fetch('/poll')"_s));
    CHECK(html.contains(u"if(t!=='%1')location.replace('/')"_s.arg(poll)));
}

TEST_CASE("a multiple-choice poll is voted with boxes to tick") {
    Harness h;
    const Id poll =
        createPoll(h, u"Which topics?"_s, QCborArray{u"DNS"_s, u"IoT"_s, u"Routing"_s}, true);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, poll}}));
    const QString html = page(h);
    CHECK(html.count(u"type=\"checkbox\""_s) == 3);
    CHECK(html.contains(u"Choose as many as you like."_s));
}

TEST_CASE("the voting page shows the session's texts as text, never as markup") {
    Harness h;
    REQUIRE(h.run(Action::EditSession, {{u"info"_s, QCborMap{{u"title"_s, u"DNS & <IoT>"_s}}}}));
    const Id poll = createPoll(h, u"<script>alert(1)</script> 100%1 sure?"_s,
                               QCborArray{u"\"Yes\" <b>"_s, u"No"_s}, false);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, poll}}));
    const QString html = page(h);
    CHECK_FALSE(html.contains(u"<script>alert"_s));
    CHECK(html.contains(u"&lt;script&gt;alert(1)&lt;/script&gt; 100%1 sure?"_s));
    CHECK(html.contains(u"&quot;Yes&quot; &lt;b&gt;"_s));
    CHECK(html.contains(u"<h1>DNS &amp; &lt;IoT&gt;</h1>"_s));
}

TEST_CASE("once a phone has voted, or with no poll open, the page waits for the next poll") {
    Harness h;
    const Id poll =
        createPoll(h, u"Which topics?"_s, QCborArray{u"DNS"_s, u"IoT"_s, u"Routing"_s}, true);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, poll}}));
    const QString voted = page(h, {0, 2});
    CHECK_FALSE(voted.contains(u"<form"_s));
    // What counted, not only that it did ("DNS and Routing" in English).
    CHECK(voted.contains(
        u"Your vote: %1."_s.arg(QLocale().createSeparatedList({u"DNS"_s, u"Routing"_s}))));
    CHECK(voted.contains(u"It is counted."_s));
    // Reloaded from the page itself: the answer to a vote is not a page to ask for again.
    CHECK(voted.contains(u"content=\"%1;url=/\""_s.arg(votingPageReloadSeconds)));

    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, poll}}));
    const QString none = page(h, {}, {u"That poll has closed."_s, true});
    CHECK(none.contains(u"No poll is open right now."_s));
    CHECK(none.contains(u"class=\"notice refused\""_s));
    CHECK(none.contains(u"content=\"%1;url=/\""_s.arg(votingPageReloadSeconds)));
}

TEST_CASE("one choice of a single-choice poll is asked for before the phone sends it") {
    Harness h;
    const Id single = createPoll(h, u"Ready?"_s, QCborArray{u"Yes"_s, u"No"_s}, false);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, single}}));
    CHECK(page(h).count(u" required>"_s) == 2);
    REQUIRE(h.run(Action::ClosePoll, {{u"poll"_s, single}}));
    const Id multiple = createPoll(h, u"Which?"_s, QCborArray{u"A"_s, u"B"_s}, true);
    REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, multiple}}));
    CHECK_FALSE(page(h).contains(u"required"_s)); // none ticked is said on return
}
