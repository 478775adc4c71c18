#pragma once

#include "discovery.h"
#include "engine/clock.h"
#include "sync_peer.h"

#include <QObject>
#include <QTimer>

namespace podium::sync {

class Link;

// Asks another host of this session where it stands, inside TLS with this session's control
// key: a beacon is anyone's word on the LAN (and may even point at this very host), the
// answer of a host that proved it holds the key is not. Finishes once, within five seconds.
class HostProbe : public QObject {
    Q_OBJECT
public:
    enum class Outcome {
        Answered,     // the host holds the key; `answer` says where it stands
        Refused,      // reachable, but it does not hold this session's key
        Unreachable,  // nothing answered there in time
        Incompatible, // it holds the key, but speaks another version of the protocol
    };
    Q_ENUM(Outcome)
    struct Answer {
        QString session;
        QString instance;
        HostRank rank;
    };

    HostProbe(const Endpoint& host, const QByteArray& salt, const QByteArray& key,
              const QString& session, const Clock& clock, QObject* parent = nullptr);

signals:
    void finished(podium::sync::HostProbe::Outcome outcome,
                  const podium::sync::HostProbe::Answer& answer);

private:
    void finish(Outcome outcome, const Answer& answer = {});

    Link* m_link = nullptr;
    QTimer m_deadline;
    bool m_done = false;
};

} // namespace podium::sync
