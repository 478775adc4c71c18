#pragma once

#include "state.h"

#include <QByteArray>
#include <QCborArray>
#include <QCborMap>

// CBOR forms of the state's value types: used by events, snapshots, the wire and the digest.
// Readers are lenient about missing fields (defaults) but never crash on wrong types.
namespace podium::codec {

QCborMap toCbor(const SessionInfo& v);
QCborMap toCbor(const Allotments& v);
QCborMap toCbor(const Participant& v);
QCborMap toCbor(const QueueEntry& v);
QCborMap toCbor(const Countdown& v);
QCborMap toCbor(const Floor& v);
QCborMap toCbor(const Speech& v);
QCborMap toCbor(const Segment& v);
QCborMap toCbor(const Poll& v);
QCborArray toCbor(const QList<Tally>& tallies);
QCborMap toCbor(const SessionState& v);

SessionInfo sessionInfo(const QCborMap& m);
Allotments allotments(const QCborMap& m);
Participant participant(const QCborMap& m);
QueueEntry queueEntry(const QCborMap& m);
Countdown countdown(const QCborMap& m);
Floor floor(const QCborMap& m);
Speech speech(const QCborMap& m);
Segment segment(const QCborMap& m);
Poll poll(const QCborMap& m);
// One per option (missing ones 0), each count bounded as the commands bound them.
QList<Tally> tallies(const QCborValue& v, qsizetype options);
SessionState sessionState(const QCborMap& m);

template <typename T> QCborArray toCborArray(const QList<T>& list) {
    QCborArray a;
    for (const T& x : list)
        a.append(toCbor(x));
    return a;
}

template <typename T, typename F> QList<T> fromCborArray(const QCborValue& v, F read) {
    QList<T> list;
    const QCborArray a = v.toArray();
    list.reserve(a.size());
    for (const QCborValue& x : a)
        list.append(read(x.toMap()));
    return list;
}

// Canonical bytes of the state, and their SHA-256: equal states give equal digests on every
// replica, and replaying a log gives the digest of the live state.
QByteArray canonicalBytes(const SessionState& s);
QByteArray digest(const SessionState& s);
// What people compare between seats (`podium ctl digest`, `podium --check`): the session alone,
// without the epoch, which a host raises when it starts hosting, before any event of it has
// reached a seat or its own file (the digests differed after every start and takeover).
QByteArray sessionDigest(SessionState s);

} // namespace podium::codec
