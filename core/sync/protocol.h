#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QCborArray>
#include <QCborMap>
#include <QCoreApplication>
#include <QString>

// The wire format of Podium's LAN sync (docs/PROTOCOL.md): a 4-byte big-endian length, then a
// CBOR map {"t": message type, "v": protocol version, ...fields}. Everything here is pure so the
// fuzz targets can reach it without sockets.
namespace podium::sync {

// Each version keeps more of the same events in the session state, which a seat of the version
// before ignores and would keep another state (docs/PROTOCOL.md, Versions). 4: a poll's opening
// and closing times (OpenPoll and ClosePoll's `keepsTimes`), and a reply's target in its speech.
constexpr int protocolVersion = 4;
constexpr int oldestCompatibleVersion = 4;

// The reasons a host's Bye gives when it stops hosting: Podium quit there (or it opened another
// file), the session's codes kept to host it again; or Disconnect, which ends the codes. A seat
// then says the host stopped, not that it is out of reach, until a host answers again.
inline constexpr char16_t hostStoppedReason[] = u"the host stopped";
inline constexpr char16_t hostDisconnectedReason[] =
    u"the host stopped hosting, and gives new codes if it hosts again";

// Limits checked before any handler runs.
// Hello and welcome grow by some 40 bytes with each time a session was hosted (its sequencers
// and lineage): at 4 KiB, a session hosted a hundred times could no longer be joined.
constexpr qint64 maxFrameBeforeAuth = 64 * 1024;
constexpr qint64 maxFrameFromPeer = 1024 * 1024;      // commands, fills
constexpr qint64 maxFrameFromHost = 32 * 1024 * 1024; // snapshots of large sessions
constexpr qint64 maxItemsPerMessage = 1'000'000;      // CBOR items in one message
constexpr qint64 maxContainersPerMessage = 200'000;   // of them arrays and maps
constexpr qsizetype maxPeerWords = 200;    // characters of the other side's free text kept
constexpr qsizetype maxReasonWords = 1000; // of a refusal's reason, which says what to do
constexpr int eventsPerBatch = 500;        // events in one Events message
// A link with more than this waiting to be sent (beyond the largest frame it was given: a join's
// snapshot), while the network took none of it for maxStallMs, is closed: a peer that pings but
// never reads would otherwise have the host buffer every event for it, without end. (A burst of
// this size to a peer that reads, a fill, is not: bytes go out meanwhile.)
constexpr qint64 maxUnsentToPeer = 4 * 1024 * 1024;
constexpr int maxStallMs = 4000;
// Connections still in their handshake, each held for 5 s at most. A new one beyond this many
// closes the oldest: a flood of them costs the host no more than this.
constexpr int maxJoiningConnections = 64;
constexpr int handshakeDeadlineMs = 5000; // TLS + hello/welcome
// A frame begun must arrive whole within this, plus a second per 64 KiB it announced: a peer
// dripping a large frame byte by byte would otherwise hold its buffer (any byte is a sign of
// life) for as long as it liked.
constexpr int frameDeadlineMs = 5000;
constexpr qint64 frameDeadlineBytesPerSecond = 64 * 1024;
constexpr int heartbeatIntervalMs = 1000;
constexpr int silenceLimitMs = 4000; // a silent link is dead after this
constexpr int peersRefreshMs = 5000; // the host sends the peer list (with latencies) this often

// Message types: only ever appended, the numbers are on the wire.
enum class MsgType {
    Hello = 1,
    Welcome,
    Snapshot,
    Events,
    Command,
    Refused,
    Ping,
    Pong,
    Peers,
    Bye,
    Error,
    FillRequest,
    FillEvents,
};
constexpr int lastMsgType = int(MsgType::FillEvents);

// Error codes carried by MsgType::Error (stable strings, documented).
namespace errc {
inline const QString incompatibleVersion = QStringLiteral("incompatible-version");
inline const QString unknownMessage = QStringLiteral("unknown-message");
inline const QString notAllowed = QStringLiteral("not-allowed");
inline const QString malformed = QStringLiteral("malformed");
inline const QString staleHost = QStringLiteral("stale-host");
inline const QString wrongSession = QStringLiteral("wrong-session");
inline const QString protocolViolation = QStringLiteral("protocol-violation");
} // namespace errc

struct Message {
    int type = 0; // may be a type this build does not know (refused politely by the receiver)
    int version = protocolVersion;
    QCborMap body;

    bool is(MsgType t) const { return type == int(t); }
};

Message message(MsgType type, QCborMap body = {});
QString typeName(int type);
// Free text from the other side (a bye's reason, an error's text), fit to log and to show in a
// status line: printable characters on one line, at most `limit` of them.
QString peerWords(const QCborValue& text, qsizetype limit = maxPeerWords);

// One frame: header plus CBOR payload.
QByteArray encodeFrame(const Message& m);
// Decodes and validates one payload (without the header): a map with an integer type and
// version, no more than maxItemsPerMessage items (maxContainersPerMessage of them arrays and
// maps: counted before anything is decoded), and the fields its known type requires.
Result<Message> decodeMessage(const QByteArray& payload);

} // namespace podium::sync
