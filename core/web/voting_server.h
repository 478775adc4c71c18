#pragma once

#include "ballot_box.h"
#include "engine/session_engine.h"
#include "model/result.h"
#include "voting_page.h"

#include <QAbstractHttpServer>
#include <QHostAddress>
#include <QHttpServerResponse>
#include <QPointer>

namespace podium::web {

class GuardedTcpServer;

constexpr quint16 defaultVotingPort = 47602;

// The page's address as phones open it: http://192.168.1.20:47602/ (an IPv6 host in brackets).
QString votingPageUrl(const QString& host, quint16 port);

// The room's voting page over HTTP on the LAN: phones on the venue's network open it, and each
// vote counts in the open poll's "web" tally, through the session engine, as a SetTally event
// every seat gets (docs/WEB_VOTING.md). Plain HTTP: a phone would refuse a certificate of this
// laptop's own with a warning page, and nothing here is participant data: the page shows the
// session's title and its open poll, and a vote is an anonymous choice.
//
// Only a seat that decides commands itself counts votes (the host, or a seat alone): the page
// does not start on a seat that follows a host, and stops when its seat starts following one.
class VotingServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit VotingServer(SessionEngine& engine, QObject* parent = nullptr);
    ~VotingServer() override;

    // Listens on `port` (0: any free one); the port it got, or why it could not. `log`: the
    // session's events so far, whose phones' votes it remembers (BallotBox::recall): Podium
    // started again after a crash does not let the room vote a second time.
    Result<quint16> start(quint16 port = defaultVotingPort,
                          const QHostAddress& address = QHostAddress::Any,
                          const QList<Event>& log = {});
    void stop();
    bool isRunning() const;
    quint16 port() const;
    QHostAddress address() const; // where it listens (Any: every address)

    // The most votes counted from one network in one poll (BallotBox).
    void setVotesPerAddress(int most) { m_box.setVotesPerAddress(most); }
    // Who voted already in the polls of `log`, another session's events taken up while running.
    void recallBallots(const QList<Event>& log) { m_box.recall(log); }

    // Since it started.
    int votesCounted() const { return m_counted; }
    int votesRefused() const { return m_refused; }

    // Limits on what anything on the LAN may hold of this laptop, checked as the bytes arrive.
    // Each connection serves one request and is closed: a phone waiting for the next poll holds
    // none between its reloads.
    static constexpr qint64 maxRequestBytes = 16 * 1024; // a vote is well under 1 KiB
    static constexpr int maxConnections = 512;
    static constexpr int maxConnectionsPerNetwork = 16; // an IPv4 address, or an IPv6 /64
    static constexpr int requestDeadlineMs = 10'000;

signals:
    void runningChanged(bool running);
    // Its seat started following a host: the page stopped, as that host's page counts the votes.
    void stoppedForHost();
    // A vote counted, or refused (with the reason the phone was shown).
    void voteCounted(podium::Id poll);
    void voteRefused(const QString& reason);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    QHttpServerResponse answer(const QHttpServerRequest& request, const QString& voter);
    QHttpServerResponse page(const QString& voter, const PageNotice& notice = {}) const;
    QHttpServerResponse vote(const QHttpServerRequest& request, const QString& voter);
    QString countOrRefuse(const Ballot& ballot);

    SessionEngine& m_engine;
    BallotBox m_box;
    QPointer<GuardedTcpServer> m_tcp;
    int m_counted = 0;
    int m_refused = 0;
};

} // namespace podium::web
