#include "voting_server.h"

#include "model/event.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QLoggingCategory>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcWeb, "podium.web")

namespace podium::web {

namespace {

const QByteArray ballotCookie = "podium_ballot";

// 128 random bits, as hex: what a phone keeps to be known as one voter.
QString newVoterId() {
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return QString::fromLatin1(bytes.toHex());
}

bool isVoterId(const QString& text) {
    if (text.size() != 32)
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

QString voterOf(const QHttpServerRequest& request) {
    for (const auto& [name, value] : request.headers()) {
        if (name.compare("cookie", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray& part : value.split(';')) {
            const QByteArray pair = part.trimmed();
            if (pair.startsWith(ballotCookie + '=')) {
                const QString id = QString::fromLatin1(pair.mid(ballotCookie.size() + 1));
                if (isVoterId(id))
                    return id;
            }
        }
    }
    return {};
}

// Where a request comes from, for the bounds per voter: an IPv4 address as phones show it (not
// "::ffff:192.168.1.7"), or an IPv6 /64, as one device may take any address in its network.
QString networkOf(const QHostAddress& address) {
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).toString();
    Q_IPV6ADDR bytes = address.toIPv6Address();
    std::fill(std::begin(bytes.c) + 8, std::end(bytes.c), quint8(0));
    return QHostAddress(bytes).toString() + u"/64"_s;
}

Ballot ballotFrom(const QHttpServerRequest& request, const QString& voter) {
    const QUrlQuery form(QString::fromUtf8(request.body()));
    Ballot ballot;
    bool ok = false;
    ballot.poll = form.queryItemValue(u"poll"_s).toLongLong(&ok);
    if (!ok)
        ballot.poll = 0;
    for (const QString& value : form.allQueryItemValues(u"option"_s)) {
        const int option = value.toInt(&ok);
        ballot.options.append(ok ? option : -1);
    }
    ballot.voter = voter;
    ballot.address = networkOf(request.remoteAddress());
    return ballot;
}

QHttpServerResponse textResponse(const QString& text, QHttpServerResponse::StatusCode status) {
    return QHttpServerResponse("text/plain; charset=utf-8", text.toUtf8(), status);
}

// To the page, by GET: after a vote (a reload would send it again), or for "/vote" opened.
QHttpServerResponse toPage() {
    QHttpServerResponse response(QHttpServerResponse::StatusCode::SeeOther);
    response.addHeader("Location", "/");
    return response;
}

} // namespace

// Bounds what anything on the LAN can hold of this laptop: connections in all and per network,
// bytes per connection (counted as they arrive, before Qt's parser keeps them), and how long a
// connection may take to send its request. The HTTP server is handed only connections within
// them.
class GuardedTcpServer : public QTcpServer {
public:
    using QTcpServer::QTcpServer;
    // Its connections first, while the counts their slots give back are still there.
    ~GuardedTcpServer() override {
        qDeleteAll(findChildren<QTcpSocket*>(Qt::FindDirectChildrenOnly));
    }

protected:
    void incomingConnection(qintptr descriptor) override {
        auto* socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        const QString network = networkOf(socket->peerAddress());
        if (m_open >= VotingServer::maxConnections ||
            m_openByNetwork.value(network) >= VotingServer::maxConnectionsPerNetwork) {
            if (!m_warned.contains(network)) { // once, until one of its connections ends
                m_warned.insert(network);
                qCWarning(lcWeb).noquote()
                    << u"voting page: too many connections; those from %1 are closed at once "
                       "for now"_s.arg(network);
            }
            socket->abort();
            socket->deleteLater();
            return;
        }
        track(socket, network);
        addPendingConnection(socket);
    }

private:
    // Counted out by a child of the socket: Qt's HTTP server disconnects every signal of a
    // socket whose request it cannot parse, and a count kept by a connection to `destroyed`
    // never went down (16 garbage requests locked an address out until the page restarted).
    class Slot : public QObject {
    public:
        Slot(GuardedTcpServer& server, QTcpSocket* socket, QString network)
            : QObject(socket)
            , m_server(server)
            , m_network(std::move(network)) {}
        ~Slot() override { m_server.release(m_network); }

    private:
        GuardedTcpServer& m_server;
        QString m_network;
    };

    void track(QTcpSocket* socket, const QString& network) {
        ++m_open;
        ++m_openByNetwork[network];
        new Slot(*this, socket, network);
        // Held by Qt's parser whatever becomes of the signals below.
        socket->setReadBufferSize(VotingServer::maxRequestBytes);
        // Connected before the HTTP server's own reading: the bytes are counted before it
        // buffers them.
        auto received = std::make_shared<qint64>(0);
        connect(socket, &QTcpSocket::readyRead, socket, [socket, received, network] {
            *received += socket->bytesAvailable();
            // At the read buffer's size, not above: a full buffer reads no more, and waited.
            if (*received >= VotingServer::maxRequestBytes) {
                qCWarning(lcWeb).noquote()
                    << u"voting page: %1 sent more than %2 bytes; closed"_s.arg(network).arg(
                           VotingServer::maxRequestBytes);
                // Nobody reads on: the HTTP server would warn of a closed device.
                QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
                socket->abort();
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // Not a signal of the socket: kept when its signals are disconnected.
        QTimer::singleShot(VotingServer::requestDeadlineMs, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
    }

    void release(const QString& network) {
        --m_open;
        m_warned.remove(network);
        if (--m_openByNetwork[network] <= 0)
            m_openByNetwork.remove(network);
    }

    int m_open = 0;
    QHash<QString, int> m_openByNetwork;
    QSet<QString> m_warned;
};

QString votingPageUrl(const QString& host, quint16 port) {
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(host);
    url.setPort(port);
    url.setPath(u"/"_s);
    return url.toString();
}

VotingServer::VotingServer(SessionEngine& engine, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_engine(engine) {
    connect(&engine, &SessionEngine::stateReset, this,
            [this] { m_box.useSession(m_engine.state().sessionId); });
    connect(&engine, &SessionEngine::forwardingChanged, this, [this](bool forwarding) {
        if (forwarding && isRunning()) {
            stop();
            emit stoppedForHost();
        }
    });
}

VotingServer::~VotingServer() = default;

Result<quint16> VotingServer::start(quint16 port, const QHostAddress& address,
                                    const QList<Event>& log) {
    stop();
    if (m_engine.isForwarding())
        return Result<quint16>::failure(
            tr("This laptop follows the session's host: the voting page runs there, where the "
               "votes are counted."));
    if (m_engine.authority() == Authority::ReadOnly)
        return Result<quint16>::failure(
            tr("This seat may not change the session, so it cannot count votes: the voting page "
               "runs on the host's laptop."));
    m_box.useSession(m_engine.state().sessionId);
    m_box.recall(log);
    auto* tcp = new GuardedTcpServer(this);
    tcp->setProxy(QNetworkProxy::NoProxy); // the LAN, direct
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return Result<quint16>::failure(
            tr("The voting page could not listen on port %1: %2").arg(port).arg(why));
    }
    bind(tcp);
    m_tcp = tcp;
    m_counted = 0;
    m_refused = 0;
    qCInfo(lcWeb) << "voting page on port" << tcp->serverPort();
    emit runningChanged(true);
    return tcp->serverPort();
}

void VotingServer::stop() {
    if (!m_tcp)
        return;
    GuardedTcpServer* tcp = m_tcp;
    m_tcp = nullptr;
    tcp->close();
    // Later, with its connections: this may be called while one of them is being answered.
    for (QTcpSocket* socket : tcp->findChildren<QTcpSocket*>())
        socket->abort();
    tcp->deleteLater();
    emit runningChanged(false);
}

bool VotingServer::isRunning() const {
    return m_tcp && m_tcp->isListening();
}

quint16 VotingServer::port() const {
    return m_tcp ? m_tcp->serverPort() : 0;
}

QHostAddress VotingServer::address() const {
    return m_tcp ? m_tcp->serverAddress() : QHostAddress();
}

bool VotingServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) {
    const QString voter = voterOf(request); // empty: none, and a vote is not counted
    QHttpServerResponse response = answer(request, voter);
    response.addHeader("Cache-Control", "no-store");
    // One request a connection: a phone waiting for the next poll holds none between reloads.
    response.addHeader("Connection", "close");
    // With the page, and with a vote refused for want of one: the browser told to allow cookies
    // then votes from the page it has.
    const QString path = request.url().path();
    if (voter.isEmpty() && (path == u"/"_s || path == u"/vote"_s))
        response.addHeader("Set-Cookie", ballotCookie + '=' + newVoterId().toLatin1() +
                                             "; Path=/; Max-Age=86400; HttpOnly; SameSite=Strict");
    response.write(makeResponder(request, socket));
    socket->disconnectFromHost(); // once what was written is sent
    return true;
}

QHttpServerResponse VotingServer::answer(const QHttpServerRequest& request, const QString& voter) {
    const QString path = request.url().path();
    const auto method = request.method();
    if (path == u"/"_s && method == QHttpServerRequest::Method::Get)
        return page(voter);
    if (path == u"/vote"_s && method == QHttpServerRequest::Method::Post)
        return vote(request, voter);
    if (path == u"/vote"_s && method == QHttpServerRequest::Method::Get)
        return toPage();
    if (path == u"/poll"_s && method == QHttpServerRequest::Method::Get)
        return QHttpServerResponse("text/plain", openPollId(m_engine.state()));
    if (path == u"/"_s || path == u"/vote"_s)
        return textResponse(tr("Open this page as it is, and vote with its button."),
                            QHttpServerResponse::StatusCode::MethodNotAllowed);
    return textResponse(tr("Nothing here: the voting page is at /."),
                        QHttpServerResponse::StatusCode::NotFound);
}

void VotingServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) {
    textResponse(tr("Nothing here: the voting page is at /."),
                 QHttpServerResponse::StatusCode::NotFound)
        .write(makeResponder(request, socket));
}

QHttpServerResponse VotingServer::page(const QString& voter, const PageNotice& notice) const {
    const Poll* open = pollOpenForVoting(m_engine.state());
    const QList<int> votedFor = open ? m_box.choiceOf(open->id, voter) : QList<int>();
    return QHttpServerResponse("text/html; charset=utf-8",
                               votingPage(m_engine.state(), votedFor, notice));
}

QHttpServerResponse VotingServer::vote(const QHttpServerRequest& request, const QString& voter) {
    const Ballot ballot = ballotFrom(request, voter);
    // Sent twice (a double tap, or an answer the phone missed): the page says what counted.
    if (!voter.isEmpty() && m_box.hasVoted(ballot.poll, voter))
        return toPage();
    const QString refusal = countOrRefuse(ballot);
    if (!refusal.isEmpty()) {
        ++m_refused;
        qCInfo(lcWeb).noquote() << u"vote from %1 refused: %2"_s.arg(ballot.address, refusal);
        emit voteRefused(refusal);
        return page(voter, {refusal, true});
    }
    ++m_counted;
    emit voteCounted(ballot.poll);
    return toPage(); // which shows the vote; a reload does not send it again
}

// Counts `ballot` if it may be; why not otherwise.
QString VotingServer::countOrRefuse(const Ballot& ballot) {
    if (QString why = m_box.refusal(m_engine.state(), ballot); !why.isEmpty())
        return why;
    // One event per option chosen; each is made durable before the next is decided.
    Ballot counted = ballot;
    counted.options.clear();
    for (const Command& command : m_box.countingCommands(m_engine.state(), ballot)) {
        if (const Result<Event> done = m_engine.execute(command); !done) {
            if (counted.options.isEmpty())
                return tr("Your vote could not be counted: %1").arg(done.error());
            m_box.recordCounted(counted); // voting again would count those twice
            return tr("Your vote could be counted only in part: %1").arg(done.error());
        }
        counted.options.append(int(command.args.value(u"option"_s).toInteger()));
    }
    m_box.recordCounted(counted);
    return {};
}

} // namespace podium::web
