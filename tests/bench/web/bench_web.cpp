// The room's voting page: a phone's vote, made durable and answered, against a bare HTTP server
// on the same loopback that fdatasyncs the vote before it answers; each figure against a
// baseline measured in the same run, in the same rounds (the disk's speed drifts).
#include "plan/plan.h"
#include "store/session_file.h"
#include "voting_server.h"

#include "../bench_report.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <unistd.h>

using namespace podium;
using namespace Qt::StringLiterals;
using namespace podium::bench;

namespace {

QByteArray newVoter() {
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::global()->generate(bytes.begin(), bytes.end());
    return bytes.toHex();
}

// What a phone sends when it votes: a new connection, one request (the page closes each).
QByteArray voteRequest(Id poll, const QByteArray& voter) {
    const QByteArray form = "poll=" + QByteArray::number(poll) + "&option=1";
    return "POST /vote HTTP/1.1\r\nHost: podium\r\nCookie: podium_ballot=" + voter +
           "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
           QByteArray::number(form.size()) + "\r\n\r\n" + form;
}

// A phone's exchange with a server on `port`: connect, send, read the answer until the server
// closes. Started here, finished by the event loop; `done` gets the answer's first line.
class Exchange : public QObject {
public:
    Exchange(quint16 port, QByteArray request, std::function<void(QByteArray)> done)
        : m_request(std::move(request))
        , m_done(std::move(done)) {
        m_socket.setProxy(QNetworkProxy::NoProxy);
        connect(&m_socket, &QTcpSocket::connected, this, [this] { m_socket.write(m_request); });
        connect(&m_socket, &QTcpSocket::readyRead, this,
                [this] { m_answer += m_socket.readAll(); });
        connect(&m_socket, &QTcpSocket::disconnected, this, [this] {
            m_answer += m_socket.readAll();
            m_done(m_answer.left(m_answer.indexOf('\r')));
        });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

private:
    QTcpSocket m_socket;
    QByteArray m_request;
    QByteArray m_answer;
    std::function<void(QByteArray)> m_done;
};

// The baseline: reads a request whole (its header, then Content-Length bytes), appends it to a
// file and fdatasyncs it, answers a redirect and closes, as a bare durable vote counter would.
class BareVoteServer {
public:
    explicit BareVoteServer(const QString& journalPath)
        : m_journal(journalPath) {
        (void)m_journal.open(QIODevice::WriteOnly);
        m_server.setProxy(QNetworkProxy::NoProxy);
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    void serve(QTcpSocket* socket) {
        auto got = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, got] {
            *got += socket->readAll();
            const qsizetype end = got->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const qsizetype length = got->mid(got->indexOf("Content-Length: ") + 16).toInt();
            if (got->size() < end + 4 + length)
                return;
            m_journal.write(*got);
            m_journal.flush();
            ::fdatasync(m_journal.handle());
            socket->write("HTTP/1.1 303 See Other\r\nLocation: /\r\nConnection: close\r\n"
                          "Content-Length: 0\r\n\r\n");
            socket->disconnectFromHost();
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

    QFile m_journal;
    QTcpServer m_server;
};

// `count` phones voting, `atOnce` of them at a time; each vote's time in ms, and the whole
// run's in `totalMs`.
QList<double> vote(quint16 port, Id poll, int count, int atOnce, double* totalMs = nullptr) {
    QList<double> times;
    int started = 0;
    int finished = 0;
    bool allCounted = true;
    QElapsedTimer total;
    total.start();
    std::function<void()> startOne = [&] {
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        ++started;
        new Exchange(port, voteRequest(poll, newVoter()), [&, clock](const QByteArray& first) {
            times << clock->nsecsElapsed() / 1e6;
            allCounted = allCounted && first.startsWith("HTTP/1.1 303");
            ++finished;
            if (started < count)
                startOne();
        });
    };
    for (int i = 0; i < qMin(atOnce, count); ++i)
        startOne();
    waitUntil([&] { return finished == count; });
    if (totalMs)
        *totalMs = total.nsecsElapsed() / 1e6;
    if (!allCounted)
        return {}; // a refused vote measured nothing: reported as FAILED
    return times;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"podium.*=false"_s);
    QTemporaryDir dir;
    SystemClock clock;
    SessionEngine engine(clock);
    auto file = SessionFile::create(dir.filePath(u"host.podium"_s), demoPlan(), clock.nowMs());
    if (!file) {
        std::printf("bench_web: %s\n", qPrintable(file.error()));
        return 1;
    }
    file.value()->attach(engine);
    const Id poll = engine.state().polls.first().id;
    (void)engine.submit(
        {newCommandId(), {}, Authority::Moderator, Action::OpenPoll, {{u"poll"_s, poll}}});
    web::VotingServer server(engine);
    server.setVotesPerAddress(1'000'000);
    const auto port = server.start(0, QHostAddress::LocalHost);
    BareVoteServer bare(dir.filePath(u"bare"_s));
    if (!port) {
        std::printf("bench_web: %s\n", qPrintable(port.error()));
        return 1;
    }
    // Each vote from a new phone, so that each is counted, and the address's bound lifted for
    // the bench (every phone here is 127.0.0.1): votes beyond it would be refused, not counted.
    QList<double> ours, base;
    double oursCrowd = 0, baseCrowd = 0;
    for (int round = 0; round < 10; ++round) {
        ours += vote(*port, poll, 10, 1);
        base += vote(bare.port(), poll, 10, 1);
    }
    report("a phone's vote, durable and answered, p50 (vs a bare HTTP server that fdatasyncs it)",
           percentile(ours, 0.5), percentile(base, 0.5), 1.5, "ms");
    report("  the same, p99", percentile(ours, 0.99), percentile(base, 0.99), 3.0, "ms");
    // 15 at a time: the page lets one address hold 16 connections.
    if (vote(*port, poll, 300, 15, &oursCrowd).isEmpty())
        oursCrowd = 0;
    (void)vote(bare.port(), poll, 300, 15, &baseCrowd);
    report("300 phones voting, 15 at a time, until the last is answered", oursCrowd, baseCrowd, 1.5,
           "ms");
    std::printf("  (%.0f votes a second here; %lld counted in the Web tally)\n",
                300 / (oursCrowd / 1000), qlonglong(engine.state().poll(poll)->totalVotes()));
    engine.setJournal(nullptr);
    return 0;
}
