#include <catch2/catch.hpp>

#include "fixtures.h"
#include "voting_server.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

using namespace podium;
using namespace podium::test;
using namespace podium::web;
using namespace Qt::StringLiterals;

namespace {

struct Answer {
    int status = 0;
    QString body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString path; // where the phone ended, redirects followed
};

// A phone: a browser with its own cookies.
struct Phone {
    QNetworkAccessManager net;
    Phone() { net.setProxy(QNetworkProxy::NoProxy); }

    Answer ask(QNetworkReply* reply) {
        REQUIRE(waitUntil([reply] { return reply->isFinished(); }));
        Answer a{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                 QString::fromUtf8(reply->readAll()), reply->error(), reply->url().path()};
        reply->deleteLater();
        return a;
    }
    Answer get(const QUrl& url) { return ask(net.get(QNetworkRequest(url))); }
    Answer post(const QUrl& url, const QByteArray& form) {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
        return ask(net.post(request, form));
    }
};

struct VotingRoom {
    Harness h;
    VotingServer server{h.engine};
    QUrl page;
    QUrl vote;
    Id poll = 0;

    VotingRoom() {
        const auto port = server.start(0, QHostAddress::LocalHost);
        REQUIRE(port);
        page = QUrl(u"http://127.0.0.1:%1/"_s.arg(*port));
        vote = page.resolved(QUrl(u"/vote"_s));
        auto created = h.run(Action::CreatePoll, {{u"question"_s, u"Is the DNS secure enough?"_s},
                                                  {u"options"_s, QCborArray{u"Yes"_s, u"No"_s}}});
        REQUIRE(created);
        poll = created->data.value(u"poll"_s).toMap().value(u"id"_s).toInteger();
        REQUIRE(h.run(Action::OpenPoll, {{u"poll"_s, poll}}));
    }
    QByteArray ballot(int option) const {
        return u"poll=%1&option=%2"_s.arg(poll).arg(option).toUtf8();
    }
    qint64 webVotes(int option) const {
        return h.state().poll(poll)->tallies[option][std::size_t(TallySource::Web)];
    }
};

} // namespace

TEST_CASE("phones vote over HTTP: each vote is a SetTally event in the web tally") {
    VotingRoom room;
    QList<Event> applied;
    QObject::connect(&room.h.engine, &SessionEngine::eventApplied,
                     [&applied](const Event& e, const SessionState&) { applied.append(e); });
    Phone a, b;
    const Answer shown = a.get(room.page);
    CHECK(shown.status == 200);
    CHECK(shown.body.contains(u"Is the DNS secure enough?"_s));
    CHECK(a.net.cookieJar()->cookiesForUrl(room.page).size() == 1);

    // Answered with the page itself, by GET: reloading it, or its own reload, sends nothing again.
    const Answer counted = a.post(room.vote, room.ballot(1));
    CHECK(counted.status == 200);
    CHECK(counted.path == u"/"_s);
    CHECK(counted.body.contains(u"Your vote: No."_s));
    CHECK_FALSE(counted.body.contains(u"<form"_s));
    REQUIRE(applied.size() == 1);
    const Event& event = applied.first();
    CHECK(event.action == Action::SetTally);
    CHECK(event.data.value(u"source"_s).toString() == u"web"_s);
    CHECK(room.webVotes(1) == 1);

    REQUIRE(b.get(room.page).status == 200);
    REQUIRE(b.post(room.vote, room.ballot(1)).status == 200);
    CHECK(room.webVotes(1) == 2);
    CHECK(room.server.votesCounted() == 2);
}

TEST_CASE("a phone that votes twice in one poll is counted once, and shown what counted") {
    VotingRoom room;
    Phone a;
    REQUIRE(a.get(room.page).status == 200);
    REQUIRE(a.post(room.vote, room.ballot(0)).status == 200);
    // A double tap, or an answer the phone missed: no error for an honest voter.
    const Answer again = a.post(room.vote, room.ballot(1));
    CHECK(again.path == u"/"_s);
    CHECK(again.body.contains(u"Your vote: Yes."_s));
    CHECK(room.webVotes(0) == 1);
    CHECK(room.webVotes(1) == 0);
    CHECK(room.server.votesRefused() == 0);
    CHECK(a.get(room.page).body.contains(u"Your vote: Yes."_s));
    // Opened by its address, the vote's page is the voting page.
    const Answer opened = a.get(room.vote);
    CHECK(opened.path == u"/"_s);
    CHECK(opened.status == 200);
}

// Podium started again after a crash: the phones that voted, reloading the page every few
// seconds, were all shown the form again, and a second vote counted.
TEST_CASE("a voting page started again knows from the log which phones voted") {
    VotingRoom room;
    QList<Event> log;
    QObject::connect(&room.h.engine, &SessionEngine::eventApplied,
                     [&log](const Event& e, const SessionState&) { log.append(e); });
    Phone a;
    REQUIRE(a.get(room.page).status == 200);
    REQUIRE(a.post(room.vote, room.ballot(1)).status == 200);
    REQUIRE(log.size() == 1);
    // The log keeps a digest of the phone's cookie, never the cookie.
    const QString ballot = log.first().data.value(u"ballot"_s).toString();
    const auto cookies = a.net.cookieJar()->cookiesForUrl(room.page);
    REQUIRE(cookies.size() == 1);
    const QString cookie = QString::fromLatin1(cookies.first().value());
    CHECK(ballot == BallotBox::ballotOf(room.h.state().sessionId, room.poll, cookie));
    CHECK(ballot != BallotBox::ballotOf(room.h.state().sessionId, room.poll + 1, cookie));

    room.server.stop();
    VotingServer again(room.h.engine); // as after a restart: nothing in memory
    const auto port = again.start(0, QHostAddress::LocalHost, log);
    REQUIRE(port);
    // The phone's cookie is for the page's host name, whatever its port.
    const QUrl page(u"http://127.0.0.1:%1/"_s.arg(*port));
    CHECK(a.get(page).body.contains(u"Your vote: No."_s));
    REQUIRE(a.post(page.resolved(QUrl(u"/vote"_s)), room.ballot(0)).status == 200);
    CHECK(room.webVotes(0) == 0);
    CHECK(room.webVotes(1) == 1);
}

TEST_CASE("the phones' votes belong to their session: another one opened starts afresh") {
    VotingRoom room;
    Phone a;
    REQUIRE(a.get(room.page).status == 200);
    REQUIRE(a.post(room.vote, room.ballot(0)).status == 200);
    Harness rehearsalDone; // the real session, opened after the rehearsal: its poll 1 is new
    const Id poll = rehearsalDone
                        .run(Action::CreatePoll, {{u"question"_s, u"Ready?"_s},
                                                  {u"options"_s, QCborArray{u"Yes"_s, u"No"_s}}})
                        ->data.value(u"poll"_s)
                        .toMap()
                        .value(u"id"_s)
                        .toInteger();
    REQUIRE(poll == room.poll);
    REQUIRE(rehearsalDone.run(Action::OpenPoll, {{u"poll"_s, poll}}));
    SessionState next = rehearsalDone.state();
    next.sessionId = u"the-real-session"_s;
    room.h.engine.reset(next);
    const Answer shown = a.get(room.page);
    CHECK(shown.body.contains(u"<form"_s));
    REQUIRE(a.post(room.vote, room.ballot(1)).status == 200);
    CHECK(room.webVotes(1) == 1);
}

TEST_CASE("a vote sent after the poll closed is refused with the reason on the phone") {
    VotingRoom room;
    Phone a;
    REQUIRE(a.get(room.page).status == 200);
    REQUIRE(room.h.run(Action::ClosePoll, {{u"poll"_s, room.poll}}));
    const Answer late = a.post(room.vote, room.ballot(0));
    CHECK(late.body.contains(u"your vote came too late"_s));
    CHECK(late.body.contains(u"No poll is open right now."_s));
    CHECK(room.webVotes(0) == 0);
}

TEST_CASE("a phone whose first vote came without a cookie is given one, and its next vote counts") {
    VotingRoom room;
    Phone a; // never opened the page: no cookie yet
    const Answer refused = a.post(room.vote, room.ballot(0));
    CHECK(refused.body.contains(u"cookie"_s));
    CHECK(room.webVotes(0) == 0);
    CHECK(a.net.cookieJar()->cookiesForUrl(room.page).size() == 1);
    CHECK(a.post(room.vote, room.ballot(0)).body.contains(u"Your vote: Yes."_s));
    CHECK(room.webVotes(0) == 1);
}

TEST_CASE("a phone's form asks which poll is open, and learns when it closed") {
    VotingRoom room;
    Phone a;
    CHECK(a.get(room.page.resolved(QUrl(u"/poll"_s))).body == QString::number(room.poll));
    REQUIRE(room.h.run(Action::ClosePoll, {{u"poll"_s, room.poll}}));
    CHECK(a.get(room.page.resolved(QUrl(u"/poll"_s))).body == u"0"_s);
}

TEST_CASE("the voting server answers only its page and its votes") {
    VotingRoom room;
    Phone a;
    CHECK(a.get(room.page.resolved(QUrl(u"/admin"_s))).status == 404);
    CHECK(a.get(room.page.resolved(QUrl(u"/admin"_s))).body.contains(u"voting page is at /"_s));
    CHECK(
        a.post(room.vote, "poll=abc&option=%FF%FE").body.contains(u"not a vote from this page"_s));
    CHECK(room.webVotes(0) == 0);
}

TEST_CASE("an oversized request is cut off as it arrives, and the page goes on for the others") {
    VotingRoom room;
    Phone flood, a;
    REQUIRE(flood.get(room.page).status == 200);
    const Answer cut = flood.post(
        room.vote, room.ballot(0) + "&pad=" + QByteArray(VotingServer::maxRequestBytes, 'x'));
    CHECK(cut.error != QNetworkReply::NoError);
    CHECK(room.webVotes(0) == 0);
    REQUIRE(a.get(room.page).status == 200);
    REQUIRE(a.post(room.vote, room.ballot(0)).status == 200);
    CHECK(room.webVotes(0) == 1);
}

// Qt's HTTP server drops every signal of a connection it cannot parse: the page's count of the
// address's connections never went down, and 16 of them locked the address out.
TEST_CASE("requests that are no HTTP do not lock their address out of the page") {
    VotingRoom room;
    for (int i = 0; i < VotingServer::maxConnectionsPerNetwork + 4; ++i) {
        QTcpSocket garbage;
        garbage.setProxy(QNetworkProxy::NoProxy);
        garbage.connectToHost(QHostAddress::LocalHost, room.server.port());
        REQUIRE(garbage.waitForConnected(5000));
        garbage.write("\x16\x03\x01 not http at all\r\n\r\n");
        REQUIRE(waitUntil([&] { return garbage.state() == QAbstractSocket::UnconnectedState; }));
    }
    Phone a;
    REQUIRE(waitUntil([&] { return a.get(room.page).status == 200; }));
    CHECK(a.post(room.vote, room.ballot(0)).body.contains(u"Your vote: Yes."_s));
}

TEST_CASE("connections from one address beyond the bound are closed at once, until some end") {
    VotingRoom room;
    const auto connectAll = [&](int count) {
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < count; ++i) {
            held.push_back(std::make_unique<QTcpSocket>());
            held.back()->setProxy(QNetworkProxy::NoProxy);
            held.back()->connectToHost(QHostAddress::LocalHost, room.server.port());
            REQUIRE(held.back()->waitForConnected(5000));
        }
        return held;
    };
    auto held = connectAll(VotingServer::maxConnectionsPerNetwork);
    QTcpSocket extra;
    extra.setProxy(QNetworkProxy::NoProxy);
    extra.connectToHost(QHostAddress::LocalHost, room.server.port());
    REQUIRE(waitUntil([&] { return extra.state() == QAbstractSocket::UnconnectedState; }));
    // Those held open are served, once each, and closed.
    held.front()->write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE(waitUntil([&] { return held.front()->state() == QAbstractSocket::UnconnectedState; }));
    CHECK(held.front()->readAll().startsWith("HTTP/1.1 200"));
    // Given back as they end: as many again are let in, and served.
    held.clear();
    Phone a;
    REQUIRE(waitUntil([&] { return a.get(room.page).status == 200; }));
    auto again = connectAll(VotingServer::maxConnectionsPerNetwork - 1);
    again.back()->write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE(waitUntil([&] { return again.back()->state() == QAbstractSocket::UnconnectedState; }));
    CHECK(again.back()->readAll().startsWith("HTTP/1.1 200"));
}

TEST_CASE("stopped, the voting page is gone, and started again on a taken port it says why") {
    VotingRoom room;
    const quint16 port = room.server.port();
    room.server.stop();
    CHECK_FALSE(room.server.isRunning());
    Phone a;
    CHECK(a.get(room.page).error == QNetworkReply::ConnectionRefusedError);

    {
        QTcpServer squatter;
        REQUIRE(squatter.listen(QHostAddress::LocalHost, port));
        const auto taken = room.server.start(port, QHostAddress::LocalHost);
        REQUIRE_FALSE(taken);
        CHECK(taken.error().contains(u"could not listen on port %1"_s.arg(port)));
    }
    // Free again: served again, where the phones knew it.
    REQUIRE(room.server.start(port, QHostAddress::LocalHost));
    CHECK(a.get(room.page).body.contains(u"Is the DNS secure enough?"_s));
}

TEST_CASE("a seat that starts following a host stops its voting page, and cannot start one") {
    VotingRoom room;
    QSignalSpy stopped(&room.server, &VotingServer::stoppedForHost);
    room.h.engine.setForwarder([](const Command&) {});
    CHECK_FALSE(room.server.isRunning());
    CHECK(stopped.size() == 1);
    const auto again = room.server.start(0, QHostAddress::LocalHost);
    REQUIRE_FALSE(again);
    CHECK(again.error().contains(u"follows the session's host"_s));
}
