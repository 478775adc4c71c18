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

bool waitUntil(const std::function<bool()>& done, int timeoutMs = 20000) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    }
    return true;
}

struct Answer {
    int status = 0;
    QString body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
};

// A phone: a browser with its own cookies.
struct Phone {
    QNetworkAccessManager net;
    Phone() { net.setProxy(QNetworkProxy::NoProxy); }

    Answer ask(QNetworkReply* reply) {
        REQUIRE(waitUntil([reply] { return reply->isFinished(); }));
        Answer a{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                 QString::fromUtf8(reply->readAll()), reply->error()};
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

    const Answer counted = a.post(room.vote, room.ballot(1));
    CHECK(counted.status == 200);
    CHECK(counted.body.contains(u"Thank you: your vote is counted."_s));
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

TEST_CASE("a phone that votes twice in one poll is told so, and counted once") {
    VotingRoom room;
    Phone a;
    REQUIRE(a.get(room.page).status == 200);
    REQUIRE(a.post(room.vote, room.ballot(0)).status == 200);
    QSignalSpy refused(&room.server, &VotingServer::voteRefused);
    const Answer again = a.post(room.vote, room.ballot(1));
    CHECK(again.body.contains(u"This phone has voted in this poll already."_s));
    CHECK(room.webVotes(0) == 1);
    CHECK(room.webVotes(1) == 0);
    CHECK(refused.size() == 1);
    CHECK(room.server.votesRefused() == 1);
    // Reloaded, the page says the vote is in rather than offering the form again.
    CHECK(a.get(room.page).body.contains(u"Your vote in this poll is counted."_s));
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

TEST_CASE("a seat that follows a host counts no votes: the host's page does") {
    VotingRoom room;
    room.h.engine.setForwarder([](const Command&) {});
    Phone a;
    REQUIRE(a.get(room.page).status == 200);
    CHECK(a.post(room.vote, room.ballot(0)).body.contains(u"follows the session's host"_s));
    CHECK(room.webVotes(0) == 0);
}

TEST_CASE("the voting server answers only its page and its votes") {
    VotingRoom room;
    Phone a;
    CHECK(a.get(room.page.resolved(QUrl(u"/admin"_s))).status == 404);
    CHECK(a.get(room.vote).status == 405); // a vote is sent by the form, not opened
    CHECK(a.post(room.vote, "poll=abc&option=%FF%FE").body.contains(u"too late"_s));
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

TEST_CASE("connections from one address beyond the bound are closed at once") {
    VotingRoom room;
    std::vector<std::unique_ptr<QTcpSocket>> held;
    for (int i = 0; i < VotingServer::maxConnectionsPerAddress; ++i) {
        held.push_back(std::make_unique<QTcpSocket>());
        held.back()->setProxy(QNetworkProxy::NoProxy);
        held.back()->connectToHost(QHostAddress::LocalHost, room.server.port());
        REQUIRE(held.back()->waitForConnected(5000));
    }
    QTcpSocket extra;
    extra.setProxy(QNetworkProxy::NoProxy);
    extra.connectToHost(QHostAddress::LocalHost, room.server.port());
    REQUIRE(waitUntil([&] { return extra.state() == QAbstractSocket::UnconnectedState; }));
    // Those held open are still served.
    held.front()->write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE(waitUntil([&] { return held.front()->bytesAvailable() > 0; }));
    CHECK(held.front()->readAll().startsWith("HTTP/1.1 200"));
}

TEST_CASE("stopped, the voting page is gone, and started again on a taken port it says why") {
    VotingRoom room;
    const quint16 port = room.server.port();
    room.server.stop();
    CHECK_FALSE(room.server.isRunning());
    Phone a;
    CHECK(a.get(room.page).error == QNetworkReply::ConnectionRefusedError);

    QTcpServer squatter;
    REQUIRE(squatter.listen(QHostAddress::LocalHost, port));
    const auto again = room.server.start(port, QHostAddress::LocalHost);
    REQUIRE_FALSE(again);
    CHECK(again.error().contains(u"could not listen on port %1"_s.arg(port)));
}
