#pragma once

#include "engine/clock.h"
#include "engine/session_engine.h"
#include "fixtures.h"
#include "protocol.h"
#include "seat.h"

#include <memory>

// Helpers for the sync tests: seats on loopback and waiting on conditions (never on time).
namespace podium::synctest {

using test::waitUntil;

struct TestSeat {
    SystemClock clock;
    SessionEngine engine{clock};
    sync::Seat seat{engine, clock};
    QList<qint64> appliedSeqs; // every event applied, in order
    qint64 known = 0;          // the last seq this seat had, by event or snapshot
    int snapshots = 0;
    bool orderly = true; // no gap, no duplicate, never backwards

    explicit TestSeat(const QString& name) {
        seat.setSeatName(name);
        engine.setAuthor(name);
        QObject::connect(
            &engine, &SessionEngine::eventApplied, [this](const Event& e, const SessionState&) {
                appliedSeqs.append(e.seq);
                orderly = orderly && (e.seq == known + 1 || e.action == Action::CreateSession);
                known = e.seq;
            });
        QObject::connect(&engine, &SessionEngine::stateReset, [this] {
            const qint64 seq = engine.state().lastSeq;
            orderly = orderly && seq >= known;
            snapshots += seq > known ? 1 : 0;
            known = seq;
        });
    }
    qint64 lastSeq() const { return engine.state().lastSeq; }
    bool live() const {
        return seat.syncPeer() && seat.syncPeer()->state() == sync::SyncPeer::State::Live;
    }
};

// A host with a demo-like session, listening on an ephemeral loopback port.
std::unique_ptr<TestSeat> makeHost(int audience = 12);
sync::Endpoint endpointOf(const TestSeat& host);
// Joins and waits until the seat is live.
bool joinAndWait(TestSeat& seat, const TestSeat& host, const QString& code,
                 quint16 takeoverPort = 0);
// Submits a command as the seat and waits for its outcome (event applied locally or refused).
Result<bool> submitAndWait(TestSeat& seat, Action action, QCborMap args = {});
// A loopback port nothing listens on right now (for seats started later on it), each one once.
quint16 freePort();
// A moderator's command that changes the state and nothing else: the stage message.
Command stageMessage(const QString& text);
// A session file at `path` of `messages` stage messages after its creation, with a snapshot
// every 10 events, whose event rows `damaged` no longer match their checksums (as random damage
// to old history would leave them): it opens, from a snapshot after the damage.
void writeDamagedBeforeSnapshot(const QString& path, int messages, const QList<qint64>& damaged);
// Every seq from the first to the last appears exactly once, in order.
bool gaplessAndUnique(const QList<qint64>& seqs);

} // namespace podium::synctest

namespace podium::synctest {

// A hand-driven client: proves a join code over TLS-PSK, then sends whatever bytes a test
// wants (malformed frames, floods), to check what the host does with a hostile peer.
class RawClient {
public:
    // Empty code: plain TCP, no TLS at all.
    RawClient(quint16 port, const QString& code);
    bool waitEncrypted();
    bool waitClosed(int timeoutMs = 20000);
    void write(const QByteArray& bytes);
    QByteArray received() const { return m_received; }
    QSslSocket& socket() { return m_socket; }
    quint16 localPort() const { return m_localPort; }

private:
    quint16 m_localPort = 0;
    QSslSocket m_socket;
    QByteArray m_received;
};

QByteArray frameOf(const QByteArray& payload);
QByteArray helloFrame(int proto = sync::protocolVersion, const QString& app = {});

} // namespace podium::synctest
