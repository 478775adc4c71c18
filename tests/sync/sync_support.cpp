#include "sync_support.h"

#include <catch2/catch.hpp>

#include "fixtures.h"
#include "join_code.h"
#include "plan/plan.h"
#include "store/session_file.h"

#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QSslPreSharedKeyAuthenticator>
#include <QTcpServer>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace podium::synctest {

std::unique_ptr<TestSeat> makeHost(int audience) {
    auto host = std::make_unique<TestSeat>(u"in-room"_s);
    if (!host->engine.create(test::crowdPlan(audience)))
        return nullptr;
    if (!host->seat.host(0, QHostAddress::LocalHost))
        return nullptr;
    return host;
}

sync::Endpoint endpointOf(const TestSeat& host) {
    return {u"127.0.0.1"_s, host.seat.syncHost()->port()};
}

bool joinAndWait(TestSeat& seat, const TestSeat& host, const QString& code, quint16 takeoverPort) {
    seat.seat.join(endpointOf(host), code, takeoverPort);
    return waitUntil([&] { return seat.live() && seat.lastSeq() == host.lastSeq(); });
}

// Drawn below the kernel's range for ephemeral ports (32768 and up by default), where no other
// test's outgoing connection can take it before the seat listens on it; and never the same one
// twice in a process.
quint16 freePort() {
    static QSet<quint16> given;
    for (;;) {
        const auto port = quint16(QRandomGenerator::global()->bounded(20000, 32000));
        QTcpServer probe;
        if (!given.contains(port) && probe.listen(QHostAddress::LocalHost, port)) {
            given.insert(port);
            return port;
        }
    }
}

Command stageMessage(const QString& text) {
    return Command{
        newCommandId(), {}, Authority::Moderator, Action::SetStageMessage, {{u"text"_s, text}}};
}

Result<bool> submitAndWait(TestSeat& seat, Action action, QCborMap args) {
    Command c;
    c.id = newCommandId();
    c.action = action;
    c.args = std::move(args);
    QString refusal;
    bool applied = false;
    auto r = QObject::connect(&seat.engine, &SessionEngine::refused,
                              [&](const QString& id, const QString& why) {
                                  if (id == c.id)
                                      refusal = why.isEmpty() ? u"refused"_s : why;
                              });
    auto a = QObject::connect(&seat.engine, &SessionEngine::eventApplied,
                              [&](const Event& e, const SessionState&) {
                                  if (e.commandId == c.id)
                                      applied = true;
                              });
    auto local = seat.engine.submit(c);
    const bool done = local || waitUntil([&] { return applied || !refusal.isEmpty(); });
    QObject::disconnect(r);
    QObject::disconnect(a);
    if (local || applied)
        return true;
    return Result<bool>::failure(done ? refusal : u"no answer in time"_s);
}

void writeDamagedBeforeSnapshot(const QString& path, int messages, const QList<qint64>& damaged) {
    SystemClock clock;
    auto file = SessionFile::create(path, demoPlan(), clock.nowMs());
    REQUIRE(file);
    file.value()->setSnapshotInterval(10);
    SessionEngine engine(clock);
    file.value()->attach(engine);
    for (int i = 0; i < messages; ++i)
        REQUIRE(engine.execute(stageMessage(u"m%1"_s.arg(i))));
    QStringList seqs;
    for (const qint64 seq : damaged)
        seqs << QString::number(seq);
    QSqlQuery damage(file.value()->database());
    REQUIRE(damage.exec(
        u"UPDATE events SET checksum = x'00' WHERE seq IN (%1)"_s.arg(seqs.join(u", "_s))));
}

bool gaplessAndUnique(const QList<qint64>& seqs) {
    for (qsizetype i = 1; i < seqs.size(); ++i) {
        if (seqs[i] != seqs[i - 1] + 1)
            return false;
    }
    return true;
}

} // namespace podium::synctest

namespace podium::synctest {

RawClient::RawClient(quint16 port, const QString& code) {
    QObject::connect(&m_socket, &QSslSocket::readyRead,
                     [this] { m_received += m_socket.readAll(); });
    QObject::connect(&m_socket, &QSslSocket::connected,
                     [this] { m_localPort = m_socket.localPort(); });
    if (code.isEmpty()) {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return;
    }
    m_socket.setSslConfiguration(sync::pskConfiguration());
    QObject::connect(&m_socket, &QSslSocket::preSharedKeyAuthenticationRequired,
                     [code](QSslPreSharedKeyAuthenticator* auth) {
                         const auto salt = sync::saltFromHint(auth->identityHint());
                         const QByteArray key = sync::deriveKey(code, salt.value_or(QByteArray()));
                         auth->setIdentity(sync::identityFor(key));
                         auth->setPreSharedKey(key);
                     });
    m_socket.connectToHostEncrypted(u"127.0.0.1"_s, port);
}

bool RawClient::waitEncrypted() {
    return waitUntil([this] { return m_socket.isEncrypted(); });
}

bool RawClient::waitClosed(int timeoutMs) {
    return waitUntil([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; },
                     timeoutMs);
}

void RawClient::write(const QByteArray& bytes) {
    m_socket.write(bytes);
    m_socket.flush();
}

QByteArray frameOf(const QByteArray& payload) {
    QByteArray f(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), f.data());
    return f + payload;
}

QByteArray helloFrame(int proto, const QString& app) {
    sync::Message m = sync::message(sync::MsgType::Hello, {{u"proto"_s, proto},
                                                           {u"oldest"_s, proto},
                                                           {u"instance"_s, u"raw"_s},
                                                           {u"name"_s, u"raw client"_s},
                                                           {u"lastSeq"_s, 0}});
    if (!app.isEmpty())
        m.body[u"app"_s] = app;
    m.version = proto;
    return sync::encodeFrame(m);
}

} // namespace podium::synctest
