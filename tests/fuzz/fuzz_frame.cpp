// libFuzzer target: the frame reader, fed in the chunks a socket might deliver, and every
// payload it yields decoded as a message. Must never crash, hang or buffer past its limit.
#include "frame_reader.h"
#include "protocol.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace podium::sync;
    FrameReader reader(64 * 1024);
    QByteArray rest(reinterpret_cast<const char*>(data), qsizetype(size));
    // the first byte picks a chunk size, as TCP may split anywhere
    const qsizetype chunk = size > 0 ? 1 + data[0] % 64 : 1;
    while (!rest.isEmpty() && reader.error().isEmpty()) {
        const QByteArray piece = rest.left(chunk);
        rest.remove(0, piece.size());
        QByteArray unused = reader.feed(piece);
        while (auto payload = reader.take()) {
            if (payload->size() > reader.maxFrame())
                __builtin_trap();
            (void)decodeMessage(*payload);
            unused = reader.feed(unused);
        }
        rest.prepend(unused);
    }
    return 0;
}
