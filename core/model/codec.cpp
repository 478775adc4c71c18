#include "codec.h"
#include "model/cbor_input.h"

#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace podium::codec {
namespace {

template <typename E> E enumOf(const QCborValue& v, E fallback) {
    return fromKey<E>(v.toString()).value_or(fallback);
}

qint64 integer(const QCborMap& m, QStringView key, qint64 fallback = 0) {
    return integerOf(m.value(key), fallback);
}

QStringList stringList(const QCborValue& v) {
    QStringList list;
    for (const QCborValue& x : v.toArray())
        list.append(x.toString());
    return list;
}

} // namespace

QCborMap toCbor(const SessionInfo& v) {
    QCborMap m{{u"title"_s, v.title},
               {u"date"_s, v.date},
               {u"room"_s, v.room},
               {u"format"_s, v.format},
               {u"plannedMs"_s, v.plannedMs},
               {u"policyQuestions"_s, QCborArray::fromStringList(v.policyQuestions)}};
    // Only when set: states written before there was one (their snapshots' checksums) encode
    // as they did.
    if (!v.start.isEmpty())
        m.insert(u"start"_s, v.start);
    return m;
}

SessionInfo sessionInfo(const QCborMap& m) {
    SessionInfo v;
    v.title = m.value(u"title"_s).toString();
    v.date = m.value(u"date"_s).toString();
    v.start = m.value(u"start"_s).toString();
    v.room = m.value(u"room"_s).toString();
    v.format = m.value(u"format"_s).toString();
    v.plannedMs = integer(m, u"plannedMs", v.plannedMs);
    v.policyQuestions = stringList(m.value(u"policyQuestions"_s));
    return v;
}

QCborMap toCbor(const Allotments& v) {
    return QCborMap{{u"panelistMs"_s, v.panelistMs},
                    {u"audienceMs"_s, v.audienceMs},
                    {u"moderatorMs"_s, v.moderatorMs},
                    {u"warningMs"_s, v.warningMs}};
}

Allotments allotments(const QCborMap& m) {
    Allotments v;
    v.panelistMs = integer(m, u"panelistMs", v.panelistMs);
    v.audienceMs = integer(m, u"audienceMs", v.audienceMs);
    v.moderatorMs = integer(m, u"moderatorMs", v.moderatorMs);
    v.warningMs = integer(m, u"warningMs", v.warningMs);
    return v;
}

QCborMap toCbor(const Participant& v) {
    return QCborMap{{u"id"_s, v.id},
                    {u"name"_s, v.name},
                    {u"affiliation"_s, v.affiliation},
                    {u"group"_s, key(v.group)},
                    {u"region"_s, key(v.region)},
                    {u"gender"_s, v.gender},
                    {u"presence"_s, key(v.presence)},
                    {u"role"_s, key(v.role)}};
}

Participant participant(const QCborMap& m) {
    Participant v;
    v.id = integer(m, u"id");
    v.name = m.value(u"name"_s).toString();
    v.affiliation = m.value(u"affiliation"_s).toString();
    v.group = enumOf(m.value(u"group"_s), StakeholderGroup::Unspecified);
    v.region = enumOf(m.value(u"region"_s), Region::Unspecified);
    v.gender = m.value(u"gender"_s).toString();
    v.presence = enumOf(m.value(u"presence"_s), Presence::Onsite);
    v.role = enumOf(m.value(u"role"_s), Role::Audience);
    return v;
}

QCborMap toCbor(const QueueEntry& v) {
    return QCborMap{{u"id"_s, v.id},
                    {u"participant"_s, v.participantId},
                    {u"kind"_s, key(v.kind)},
                    {u"relatesTo"_s, v.relatesTo},
                    {u"note"_s, v.note},
                    {u"requestedAt"_s, v.requestedAt},
                    {u"addedBy"_s, v.addedBy},
                    {u"channel"_s, key(v.channel)},
                    {u"withdrawn"_s, v.withdrawn}};
}

QueueEntry queueEntry(const QCborMap& m) {
    QueueEntry v;
    v.id = integer(m, u"id");
    v.participantId = integer(m, u"participant");
    v.kind = enumOf(m.value(u"kind"_s), EntryKind::NewPoint);
    v.relatesTo = integer(m, u"relatesTo");
    v.note = m.value(u"note"_s).toString();
    v.requestedAt = integer(m, u"requestedAt");
    v.addedBy = m.value(u"addedBy"_s).toString();
    v.channel = enumOf(m.value(u"channel"_s), Presence::Onsite);
    v.withdrawn = m.value(u"withdrawn"_s).toBool();
    return v;
}

QCborMap toCbor(const Countdown& v) {
    return QCborMap{{u"allottedMs"_s, v.allottedMs},
                    {u"accumulatedMs"_s, v.accumulatedMs},
                    {u"startedAt"_s, v.startedAt},
                    {u"running"_s, v.running},
                    {u"warningMs"_s, v.warningMs}};
}

Countdown countdown(const QCborMap& m) {
    Countdown v;
    v.allottedMs = integer(m, u"allottedMs");
    v.accumulatedMs = integer(m, u"accumulatedMs");
    v.startedAt = integer(m, u"startedAt");
    v.running = m.value(u"running"_s).toBool();
    v.warningMs = integer(m, u"warningMs", v.warningMs);
    return v;
}

QCborMap toCbor(const Floor& v) {
    return QCborMap{{u"entry"_s, toCbor(v.entry)},
                    {u"since"_s, v.since},
                    {u"countdown"_s, toCbor(v.countdown)},
                    {u"segment"_s, v.segment}};
}

Floor floor(const QCborMap& m) {
    Floor v;
    v.entry = queueEntry(m.value(u"entry"_s).toMap());
    v.since = integer(m, u"since");
    v.countdown = countdown(m.value(u"countdown"_s).toMap());
    v.segment = int(integer(m, u"segment", -1));
    return v;
}

QCborMap toCbor(const Speech& v) {
    QCborMap m{{u"entry"_s, v.entryId},       {u"participant"_s, v.participantId},
               {u"kind"_s, key(v.kind)},      {u"channel"_s, key(v.channel)},
               {u"startedAt"_s, v.startedAt}, {u"endedAt"_s, v.endedAt},
               {u"spokeMs"_s, v.spokeMs},     {u"allottedMs"_s, v.allottedMs},
               {u"segment"_s, v.segment}};
    if (v.relatesTo != 0) // absent before it was kept: those states' digests stay as they were
        m[u"relatesTo"_s] = v.relatesTo;
    return m;
}

Speech speech(const QCborMap& m) {
    Speech v;
    v.entryId = integer(m, u"entry");
    v.participantId = integer(m, u"participant");
    v.kind = enumOf(m.value(u"kind"_s), EntryKind::NewPoint);
    v.channel = enumOf(m.value(u"channel"_s), Presence::Onsite);
    v.startedAt = integer(m, u"startedAt");
    v.endedAt = integer(m, u"endedAt");
    v.spokeMs = integer(m, u"spokeMs");
    v.allottedMs = integer(m, u"allottedMs");
    v.segment = int(integer(m, u"segment", -1));
    v.relatesTo = integer(m, u"relatesTo");
    return v;
}

QCborMap toCbor(const Segment& v) {
    QCborMap m{{u"title"_s, v.title},
               {u"plannedMs"_s, v.plannedMs},
               {u"startedAt"_s, v.startedAt},
               {u"endedAt"_s, v.endedAt}};
    // Only when kept: a state saved before it was has the same bytes, and so the same digest.
    if (v.ranMs)
        m[u"ranMs"_s] = *v.ranMs;
    return m;
}

Segment segment(const QCborMap& m) {
    Segment v;
    v.title = m.value(u"title"_s).toString();
    v.plannedMs = integer(m, u"plannedMs");
    v.startedAt = integer(m, u"startedAt");
    v.endedAt = integer(m, u"endedAt");
    if (m.contains(u"ranMs"_s))
        v.ranMs = qMax<qint64>(0, integer(m, u"ranMs"));
    return v;
}

QCborArray toCbor(const QList<Tally>& tallies) {
    QCborArray a;
    for (const Tally& t : tallies)
        a.append(QCborArray{t[0], t[1], t[2]});
    return a;
}

// One per option, bounded as the commands bound them: a crafted file's 2^62 overflowed the totals.
QList<Tally> tallies(const QCborValue& v, qsizetype options) {
    const QCborArray a = v.toArray();
    QList<Tally> out;
    for (qsizetype i = 0; i < options; ++i) {
        const QCborArray t = a.at(i).toArray();
        const auto count = [&t](int source) {
            return qBound<qint64>(0, integerOf(t.at(source)), maxVotesPerTally);
        };
        out.append(Tally{count(0), count(1), count(2)});
    }
    return out;
}

QCborMap toCbor(const Poll& v) {
    QCborMap m{{u"id"_s, v.id},
               {u"question"_s, v.question},
               {u"options"_s, QCborArray::fromStringList(v.options)},
               {u"multiple"_s, v.multipleChoice},
               {u"status"_s, key(v.status)},
               {u"tallies"_s, toCbor(v.tallies)}};
    // Only once corrected: the states (and snapshot checksums) of existing files stay as they were.
    if (!v.readOut.isEmpty()) {
        m.insert(u"readOut"_s, toCbor(v.readOut));
        m.insert(u"correctedAt"_s, v.correctedAt);
    }
    if (v.openedAt != 0)
        m.insert(u"openedAt"_s, v.openedAt);
    if (v.closedAt != 0)
        m.insert(u"closedAt"_s, v.closedAt);
    return m;
}

Poll poll(const QCborMap& m) {
    Poll v;
    v.id = integer(m, u"id");
    v.question = m.value(u"question"_s).toString();
    v.options = stringList(m.value(u"options"_s));
    v.multipleChoice = m.value(u"multiple"_s).toBool();
    v.status = enumOf(m.value(u"status"_s), PollStatus::Draft);
    v.tallies = tallies(m.value(u"tallies"_s), v.options.size());
    if (m.contains(u"readOut"_s)) {
        v.readOut = tallies(m.value(u"readOut"_s), v.options.size());
        v.correctedAt = integer(m, u"correctedAt");
    }
    v.openedAt = integer(m, u"openedAt");
    v.closedAt = integer(m, u"closedAt");
    return v;
}

QCborMap toCbor(const SessionState& v) {
    QCborMap m{{u"sessionId"_s, v.sessionId},
               {u"info"_s, toCbor(v.info)},
               {u"allotments"_s, toCbor(v.allotments)},
               {u"participants"_s, toCborArray(v.participants)},
               {u"segments"_s, toCborArray(v.segments)},
               {u"activeSegment"_s, v.activeSegment},
               {u"queue"_s, toCborArray(v.queue)},
               {u"speeches"_s, toCborArray(v.speeches)},
               {u"polls"_s, toCborArray(v.polls)},
               {u"sessionClock"_s, toCbor(v.sessionClock)},
               {u"segmentClock"_s, toCbor(v.segmentClock)},
               {u"stageMessage"_s, v.stageMessage},
               {u"nextId"_s, v.nextId},
               {u"lastSeq"_s, v.lastSeq},
               {u"epoch"_s, v.epoch}};
    if (v.floor)
        m[u"floor"_s] = toCbor(*v.floor);
    return m;
}

SessionState sessionState(const QCborMap& m) {
    SessionState v;
    v.sessionId = m.value(u"sessionId"_s).toString();
    v.info = sessionInfo(m.value(u"info"_s).toMap());
    v.allotments = allotments(m.value(u"allotments"_s).toMap());
    v.participants = fromCborArray<Participant>(m.value(u"participants"_s), participant);
    sortById(v.participants);
    v.segments = fromCborArray<Segment>(m.value(u"segments"_s), segment);
    v.activeSegment = int(integer(m, u"activeSegment", -1));
    v.queue = fromCborArray<QueueEntry>(m.value(u"queue"_s), queueEntry);
    v.speeches = fromCborArray<Speech>(m.value(u"speeches"_s), speech);
    v.polls = fromCborArray<Poll>(m.value(u"polls"_s), poll);
    v.sessionClock = countdown(m.value(u"sessionClock"_s).toMap());
    v.segmentClock = countdown(m.value(u"segmentClock"_s).toMap());
    v.stageMessage = m.value(u"stageMessage"_s).toString();
    v.nextId = integer(m, u"nextId", 1);
    v.lastSeq = integer(m, u"lastSeq");
    v.epoch = qint32(integer(m, u"epoch", 1));
    if (m.contains(u"floor"_s))
        v.floor = floor(m.value(u"floor"_s).toMap());
    return v;
}

QByteArray canonicalBytes(const SessionState& s) {
    // QCborMap keeps insertion order, and toCbor always inserts in the same order, so equal
    // states serialise to equal bytes.
    return QCborValue(toCbor(s)).toCbor();
}

QByteArray digest(const SessionState& s) {
    return QCryptographicHash::hash(canonicalBytes(s), QCryptographicHash::Sha256).toHex();
}

QByteArray sessionDigest(SessionState s) {
    s.epoch = 0;
    return digest(s);
}

} // namespace podium::codec
