#pragma once

#include <QCborValue>

namespace podium {

// An integer from CBOR that came from outside (a file, a peer, a command's arguments). Our
// encoders write integers as integers, so anything else is no integer at all: the fallback.
// (QCborValue::toInteger() converts a double, which is undefined behaviour when it is huge.)
inline qint64 integerOf(const QCborValue& v, qint64 fallback = 0) {
    return v.isInteger() ? v.toInteger() : fallback;
}

} // namespace podium
