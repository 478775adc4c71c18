#include "host_probe.h"

#include "join_code.h"
#include "lineage.h"
#include "link.h"
#include "model/cbor_input.h"

#include <QNetworkProxy>
#include <QSslPreSharedKeyAuthenticator>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {

HostProbe::Answer answerFrom(const QCborMap& welcome) {
    HostProbe::Answer a;
    a.session = welcome.value(u"session"_s).toString();
    a.instance = welcome.value(u"instance"_s).toString();
    a.rank.epoch = integerIn<qint32>(welcome.value(u"epoch"_s), 1);
    a.rank.seq = integerOf(welcome.value(u"hostLastSeq"_s));
    a.rank.seats = int(std::clamp<qint64>(integerOf(welcome.value(u"seats"_s)), 0, 100'000));
    // A host that does not know probes answers as to a joining seat: its sequencer is in its map.
    a.rank.sequencer =
        welcome.value(u"sequencer"_s).isString()
            ? welcome.value(u"sequencer"_s).toString()
            : sequencersFromCbor(welcome.value(u"sequencers"_s).toMap()).value(a.rank.epoch);
    a.rank.lastEpoch = integerIn<qint32>(welcome.value(u"lastEpoch"_s), 0);
    a.rank.startedAfter = runsFromCbor(welcome.value(u"after"_s));
    a.rank.tookOver = optionalBool(welcome.value(u"tookOver"_s));
    return a;
}

} // namespace

HostProbe::HostProbe(const Endpoint& host, const QByteArray& salt, const QByteArray& key,
                     const QString& session, const Clock& clock, QObject* parent)
    : QObject(parent) {
    auto* socket = new QSslSocket;
    socket->setProxy(QNetworkProxy::NoProxy); // see SyncHost::listen
    socket->setSslConfiguration(pskConfiguration());
    connect(socket, &QSslSocket::preSharedKeyAuthenticationRequired, this,
            [salt, key](QSslPreSharedKeyAuthenticator* auth) {
                // Another salt is another session's host: no key, and the handshake fails.
                if (saltFromHint(auth->identityHint()) != salt)
                    return;
                auth->setIdentity(identityFor(key));
                auth->setPreSharedKey(key);
            });
    m_link = new Link(socket, clock, maxFrameFromHost, this);
    m_link->setPeerName(host.host + u':' + QString::number(host.port));
    connect(m_link, &Link::encrypted, this, [this, session] {
        m_link->send(message(MsgType::Hello,
                             {{u"proto"_s, protocolVersion},
                              {u"oldest"_s, oldestCompatibleVersion},
                              {u"app"_s, QStringLiteral(PODIUM_VERSION)},
                              {u"instance"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                              {u"name"_s, u"probe"_s},
                              {u"session"_s, session},
                              {u"lastSeq"_s, 0},
                              {u"probe"_s, true}}));
    });
    connect(m_link, &Link::messageReceived, this, [this](const Message& m) {
        if (m.is(MsgType::Welcome))
            finish(Outcome::Answered, answerFrom(m.body));
        else if (m.is(MsgType::Error) &&
                 m.body.value(u"code"_s).toString() == errc::incompatibleVersion)
            finish(Outcome::Incompatible);
        else
            finish(Outcome::Refused);
    });
    connect(m_link, &Link::closed, this, [this] {
        // A handshake refused is a host without this session's key; anything else, no answer.
        const auto error = m_link->socketError();
        const bool refused =
            !m_link->wasEncrypted() && (error == QAbstractSocket::SslHandshakeFailedError ||
                                        error == QAbstractSocket::RemoteHostClosedError);
        finish(refused ? Outcome::Refused : Outcome::Unreachable);
    });
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { finish(Outcome::Unreachable); });
    m_deadline.start(5000);
    socket->connectToHostEncrypted(host.host, host.port);
}

void HostProbe::finish(Outcome outcome, const Answer& answer) {
    if (m_done)
        return;
    m_done = true;
    m_deadline.stop();
    if (m_link->isOpen())
        m_link->close(u"probe done"_s, false);
    emit finished(outcome, answer);
}

} // namespace podium::sync
