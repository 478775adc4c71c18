#include "peer_info.h"
#include "model/cbor_input.h"
#include "protocol.h"

using namespace Qt::StringLiterals;

namespace podium::sync {

QCborMap PeerInfo::toCbor() const {
    QCborMap m{{u"instance"_s, instance}, {u"name"_s, name},         {u"role"_s, key(role)},
               {u"address"_s, address},   {u"hostPort"_s, hostPort}, {u"rtt"_s, rttMs}};
    if (isCockpit)
        m[u"client"_s] = cockpitClient.toString();
    return m;
}

PeerInfo PeerInfo::fromCbor(const QCborMap& m) {
    PeerInfo p;
    p.instance = m.value(u"instance"_s).toString();
    p.name = peerWords(m.value(u"name"_s));
    p.role = fromKey<Authority>(m.value(u"role"_s).toString()).value_or(Authority::ReadOnly);
    p.address = m.value(u"address"_s).toString();
    p.hostPort = integerIn<quint16>(m.value(u"hostPort"_s), 0);
    p.rttMs = integerOf(m.value(u"rtt"_s), -1);
    p.isCockpit = m.value(u"client"_s).toString() == cockpitClient;
    return p;
}

} // namespace podium::sync
