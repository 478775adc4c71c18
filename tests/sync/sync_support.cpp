#include "sync_support.h"

#include "fixtures.h"

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

bool gaplessAndUnique(const QList<qint64>& seqs) {
    for (qsizetype i = 1; i < seqs.size(); ++i) {
        if (seqs[i] != seqs[i - 1] + 1)
            return false;
    }
    return true;
}

} // namespace podium::synctest
