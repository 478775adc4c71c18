#pragma once

#include "model/result.h"

#include <QCborValue>
#include <optional>
#include <utility>

// Reading CBOR that came from outside: a file, a peer, a datagram, a command's arguments.
namespace podium {

// The value, only if the bytes decode whole. On an error Qt hands back what it decoded before
// it, and a container cut short (a map that lost its last value) is not safe to read.
inline Result<QCborValue> decodeWholeCbor(const QByteArray& bytes) {
    QCborParserError error;
    QCborValue value = QCborValue::fromCbor(bytes, &error);
    if (error.error != QCborError::NoError)
        return Result<QCborValue>::failure(error.errorString());
    return value;
}

// An integer. Our encoders write integers as integers, so anything else is no integer at all:
// the fallback. (QCborValue::toInteger() converts a double, undefined when it is huge.)
inline qint64 integerOf(const QCborValue& v, qint64 fallback = 0) {
    return v.isInteger() ? v.toInteger() : fallback;
}

// An integer that fits T, or the fallback: a number from outside narrowed as it came would
// wrap (a port of 113136 read as 47600).
template <typename T> T integerIn(const QCborValue& v, T fallback) {
    const qint64 n = integerOf(v, qint64(fallback));
    return std::in_range<T>(n) ? T(n) : fallback;
}

// A yes or no, if one was said: absent (an older sender) is not a no.
inline std::optional<bool> optionalBool(const QCborValue& v) {
    return v.isBool() ? std::optional(v.toBool()) : std::nullopt;
}

} // namespace podium
