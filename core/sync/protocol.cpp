#include "protocol.h"
#include "model/cbor_input.h"

#include <QCborArray>
#include <QCborStreamReader>
#include <QCborValue>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {

enum class Kind { Int, Text, Map, Array, Bytes };

struct Field {
    const char16_t* name;
    Kind kind;
};

bool hasKind(const QCborValue& v, Kind kind) {
    switch (kind) {
    case Kind::Int:
        return v.isInteger();
    case Kind::Text:
        return v.isString();
    case Kind::Map:
        return v.isMap();
    case Kind::Array:
        return v.isArray();
    case Kind::Bytes:
        return v.isByteArray();
    }
    return false;
}

// The fields each known message must carry; optional fields are checked where they are read.
QList<Field> requiredFields(int type) {
    switch (MsgType(type)) {
    case MsgType::Hello:
        return {{u"proto", Kind::Int}, {u"instance", Kind::Text}, {u"lastSeq", Kind::Int}};
    case MsgType::Welcome:
        return {{u"role", Kind::Text},
                {u"session", Kind::Text},
                {u"epoch", Kind::Int},
                {u"hostLastSeq", Kind::Int}};
    case MsgType::Snapshot:
        return {{u"state", Kind::Map}};
    case MsgType::Events:
    case MsgType::FillEvents:
        return {{u"events", Kind::Array}};
    case MsgType::Command:
        return {{u"command", Kind::Map}};
    case MsgType::Refused:
        return {{u"cmd", Kind::Text}, {u"reason", Kind::Text}};
    case MsgType::Ping:
        return {{u"t0", Kind::Int}};
    case MsgType::Pong:
        return {{u"t0", Kind::Int}, {u"t1", Kind::Int}};
    case MsgType::Peers:
        return {{u"peers", Kind::Array}};
    case MsgType::Bye:
        return {};
    case MsgType::Error:
        return {{u"code", Kind::Text}, {u"text", Kind::Text}};
    case MsgType::FillRequest:
        return {{u"from", Kind::Int}};
    }
    return {};
}

struct ItemCount {
    qint64 items = 0;
    qint64 containers = 0; // arrays and maps, each some hundred bytes once decoded
};

// Counted as the bytes are read, before anything is decoded into memory: a megabyte of one-byte
// arrays took 80 MB once decoded (a 32 MiB frame from a host, some 2 GB). Stops at the first
// undecodable byte, for the decoder to name the error.
ItemCount countItems(const QByteArray& payload) {
    ItemCount n;
    QCborStreamReader reader(payload);
    while (reader.lastError() == QCborError::NoError) {
        if (reader.containerDepth() > 0 && !reader.hasNext()) {
            reader.leaveContainer();
            continue;
        }
        if (reader.containerDepth() == 0 && n.items > 0)
            break; // the message's one item is read (trailing bytes are the decoder's to refuse)
        if (reader.isTag()) { // the item it tags comes next, and is counted (a tag before the
            reader.next();    // message made it the one item counted, and the rest went uncounted)
            continue;
        }
        ++n.items;
        if (n.items > maxItemsPerMessage || n.containers > maxContainersPerMessage)
            break;
        if (reader.isArray() || reader.isMap()) {
            ++n.containers;
            reader.enterContainer();
        } else if (!reader.next()) {
            break;
        }
    }
    return n;
}

} // namespace

Message message(MsgType type, QCborMap body) {
    Message m;
    m.type = int(type);
    m.body = std::move(body);
    return m;
}

QString peerWords(const QCborValue& text, qsizetype limit) {
    QString kept;
    // By code point: an emoji is one printable character, not two unprintable halves.
    for (const char32_t c : QStringView(text.toString()).left(4 * limit).toUcs4())
        kept.append(QChar::isPrint(c) ? QString::fromUcs4(&c, 1) : u" "_s);
    kept = kept.simplified();
    if (kept.size() <= limit)
        return kept;
    qsizetype cut = limit - 1;
    if (kept[cut - 1].isHighSurrogate())
        --cut; // never half a character
    return kept.left(cut) + u'…';
}

QString typeName(int type) {
    static const char* names[] = {"hello",   "welcome",      "snapshot",   "events", "command",
                                  "refused", "ping",         "pong",       "peers",  "bye",
                                  "error",   "fill-request", "fill-events"};
    if (type < 1 || type > lastMsgType)
        return QStringLiteral("unknown(%1)").arg(type);
    return QString::fromLatin1(names[type - 1]);
}

QByteArray encodeFrame(const Message& m) {
    QCborMap map = m.body;
    map[u"t"_s] = m.type;
    map[u"v"_s] = m.version;
    const QByteArray payload = map.toCborValue().toCbor();
    QByteArray frame(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), frame.data());
    return frame + payload;
}

Result<Message> decodeMessage(const QByteArray& payload) {
    using R = Result<Message>;
    // Every item takes a byte at least: a message no longer than the container limit needs no
    // counting (nor does an event on its way, in a hurry).
    const ItemCount count =
        payload.size() > maxContainersPerMessage ? countItems(payload) : ItemCount{};
    if (count.items > maxItemsPerMessage)
        return R::failure(u"message has too many items"_s);
    if (count.containers > maxContainersPerMessage)
        return R::failure(u"message has too many arrays and maps"_s);
    QCborStreamReader reader(payload);
    const QCborValue value = QCborValue::fromCbor(reader);
    if (reader.lastError() != QCborError::NoError)
        return R::failure(u"undecodable CBOR: "_s + reader.lastError().toString());
    if (reader.currentOffset() != payload.size())
        return R::failure(u"trailing bytes after the message"_s);
    if (!value.isMap())
        return R::failure(u"message is not a map"_s);
    const QCborMap map = value.toMap();
    if (!map.value(u"t"_s).isInteger() || !map.value(u"v"_s).isInteger())
        return R::failure(u"message without type or version"_s);
    Message m;
    m.type = int(qBound<qint64>(0, integerOf(map.value(u"t"_s)), qint64(1) << 20));
    m.version = int(qBound<qint64>(0, integerOf(map.value(u"v"_s)), qint64(1) << 20));
    for (const Field& f : requiredFields(m.type)) {
        if (!hasKind(map.value(QString::fromUtf16(f.name)), f.kind))
            return R::failure(typeName(m.type) + u" without a valid "_s +
                              QString::fromUtf16(f.name));
    }
    m.body = map;
    m.body.remove(u"t"_s);
    m.body.remove(u"v"_s);
    return m;
}

} // namespace podium::sync
