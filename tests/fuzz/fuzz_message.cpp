// libFuzzer target: one payload decoded as a message, then read the way host and peer read
// each known message (events, commands, state, peers).
#include "commands/command.h"
#include "model/codec.h"
#include "model/event.h"
#include "peer_info.h"
#include "protocol.h"

#include <cstddef>
#include <cstdint>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace podium;
    using namespace podium::sync;
    auto m = decodeMessage(QByteArray(reinterpret_cast<const char*>(data), qsizetype(size)));
    if (!m)
        return 0;
    const QCborMap& b = m->body;
    for (const QCborValue& v : b.value(u"events"_s).toArray())
        (void)Event::fromCbor(v.toMap());
    (void)Command::fromCbor(b.value(u"command"_s).toMap());
    if (m->is(MsgType::Snapshot))
        (void)codec::digest(codec::sessionState(b.value(u"state"_s).toMap()));
    for (const QCborValue& v : b.value(u"peers"_s).toArray())
        (void)PeerInfo::fromCbor(v.toMap());
    return 0;
}
