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

// The room's voting page over HTTP on the LAN: phones on the venue's network open it, and each
// vote counts in the open poll's "web" tally, through the session engine, as a SetTally event
// every seat gets (docs/WEB_VOTING.md). Plain HTTP: a phone would refuse a certificate of this
// laptop's own with a warning page, and nothing here is participant data: the page shows the
// session's title and its open poll, and a vote is an anonymous choice.
//
// Only a seat that decides commands itself counts votes (the host, or a seat alone); one that
// follows a host refuses them with a word, as the host's page is where the room votes.
class VotingServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit VotingServer(SessionEngine& engine, QObject* parent = nullptr);
    ~VotingServer() override;

    // Listens on `port` (0: any free one); the port it got, or why it could not.
    Result<quint16> start(quint16 port = defaultVotingPort,
                          const QHostAddress& address = QHostAddress::Any);
    void stop();
    bool isRunning() const;
    quint16 port() const;

    // Since it started.
    int votesCounted() const { return m_counted; }
    int votesRefused() const { return m_refused; }

    // Limits on what a phone (or anything on the LAN) may send: checked as the bytes arrive.
    static constexpr qint64 maxRequestBytes = 16 * 1024; // a vote is well under 1 KiB
    static constexpr int maxConnections = 256;
    static constexpr int maxConnectionsPerAddress = 16;
    static constexpr int connectionDeadlineMs = 30'000;

signals:
    void runningChanged(bool running);
    // A vote counted, or refused (with the reason the phone was shown).
    void voteCounted(podium::Id poll);
    void voteRefused(const QString& reason);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    QHttpServerResponse page(const QString& voter, const PageNotice& notice = {}) const;
    QHttpServerResponse vote(const QHttpServerRequest& request, const QString& voter);
    QString countedRefusal(const Ballot& ballot);

    SessionEngine& m_engine;
    BallotBox m_box;
    QPointer<GuardedTcpServer> m_tcp;
    int m_counted = 0;
    int m_refused = 0;
};

} // namespace podium::web
