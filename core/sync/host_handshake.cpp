#include "join_code.h"
#include "lineage.h"
#include "model/cbor_input.h"
#include "model/codec.h"
#include "resume_plan.h"
#include "sync_host.h"
#include "sync_log.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {

bool compatible(const QCborMap& hello) {
    const qint64 theirs = integerOf(hello.value(u"proto"_s));
    const qint64 theirOldest = integerOf(hello.value(u"oldest"_s), theirs);
    return qMax<qint64>(oldestCompatibleVersion, theirOldest) <=
           qMin<qint64>(protocolVersion, theirs);
}

// Read-only seats may send nothing but a bye (pings and pongs are answered by the link). Filled
// events go into the session unchecked, like commands, so only a seat with control may send them.
bool allowed(Authority role, int type) {
    if (type == int(MsgType::Bye))
        return true;
    return role != Authority::ReadOnly &&
           (type == int(MsgType::Command) || type == int(MsgType::FillEvents));
}

// A read-only seat ahead of this host is not asked for its events (it could write anything that
// way): the ones this host lacks are its orphans, kept and reported on that seat, not merged.
ResumePlan withoutFillFrom(Authority role, ResumePlan plan) {
    if (role == Authority::ReadOnly && plan.kind == ResumePlan::Fill) {
        plan.divergedAt = plan.fillFrom;
        plan.kind = ResumePlan::Snapshot;
        plan.fillFrom = 0;
    }
    return plan;
}

// A control code lets its holder act as either moderator, as its hello asks: the in-room
// moderator whose laptop hosted until a takeover comes back with the room's powers (polls, the
// agenda), not as a second online moderator. Only for this session: a laptop that last hosted a
// rehearsal joined the real session as its in-room moderator. A read-only code never grants more.
Authority grantedRole(Authority byCode, const QCborMap& hello, const QString& session) {
    const QCborValue claimedFor = hello.value(u"wantsFor"_s);
    const QString forSession =
        claimedFor.isString() ? claimedFor.toString() : hello.value(u"session"_s).toString();
    if (byCode != Authority::ReadOnly &&
        hello.value(u"wants"_s).toString() == key(Authority::Moderator) && forSession == session)
        return Authority::Moderator;
    return byCode;
}

} // namespace

void SyncHost::onMessage(Link* link, const Message& m) {
    Peer& peer = m_peers[link];
    if (!peer.welcomed) {
        if (!m.is(MsgType::Hello))
            return drop(link, u"expected hello, got "_s + typeName(m.type));
        return onHello(link, m);
    }
    if (m.type < 1 || m.type > lastMsgType) {
        link->send(
            message(MsgType::Error, {{u"code"_s, errc::unknownMessage},
                                     {u"text"_s, tr("This host does not know that message.")},
                                     {u"type"_s, m.type}}));
        return;
    }
    if (m.is(MsgType::Command) && peer.role == Authority::ReadOnly) {
        const QString id = m.body.value(u"command"_s).toMap().value(u"id"_s).toString();
        link->send(message(MsgType::Refused,
                           {{u"cmd"_s, id}, {u"reason"_s, tr("This seat is read-only.")}}));
        return;
    }
    if (!allowed(peer.role, m.type))
        return drop(link, typeName(m.type) + u" is not allowed from this seat"_s);
    if (m.is(MsgType::Bye))
        return link->close(peerWords(m.body.value(u"reason"_s)), false); // the seat's own words
    if (m.is(MsgType::Command))
        return onCommand(link, m);
    onFill(link, m);
}

void SyncHost::onHello(Link* link, const Message& m) {
    const QCborMap& hello = m.body;
    if (!compatible(hello)) {
        const qint64 theirs = integerOf(hello.value(u"proto"_s));
        const QString app = peerWords(hello.value(u"app"_s), 40); // any seat's words, shown here
        const QString seat =
            app.isEmpty() ? QString::number(theirs) : tr("%1 (Podium %2)").arg(theirs).arg(app);
        const QString text = tr("Incompatible versions: this host speaks sync protocol %1 "
                                "(Podium %2), the joining seat speaks %3. Update one of them.")
                                 .arg(protocolVersion)
                                 .arg(QStringLiteral(PODIUM_VERSION), seat);
        link->send(message(MsgType::Error, {{u"code"_s, errc::incompatibleVersion},
                                            {u"text"_s, text},
                                            {u"proto"_s, protocolVersion},
                                            {u"app"_s, QStringLiteral(PODIUM_VERSION)}}));
        return drop(link, text);
    }
    // Granted by the code the seat proved in the TLS handshake; without one, no role at all.
    const QVariant granted = link->socket()->property(roleProperty);
    if (!granted.isValid())
        return drop(link, u"no join code was proved"_s);
    const Authority role =
        grantedRole(Authority(granted.toInt()), hello, m_engine.state().sessionId);
    if (hello.value(u"probe"_s).toBool())
        return answerProbe(link, role);
    const QString session = hello.value(u"session"_s).toString();
    const bool sameSession = session == m_engine.state().sessionId;
    // Its log holds a session: the seat joins again with an empty one. Let in, it came and went
    // before this host's moderator.
    if (!sameSession && hello.value(u"sameSessionOnly"_s).toBool()) {
        link->send(message(MsgType::Error, {{u"code"_s, errc::wrongSession},
                                            {u"text"_s, tr("This host runs another session.")}}));
        return drop(link, u"the seat holds another session"_s);
    }
    const qint64 peerSeq = sameSession ? integerOf(hello.value(u"lastSeq"_s)) : 0;
    const qint32 peerEpoch = integerIn<qint32>(hello.value(u"lastEpoch"_s), 1);
    // Where the seat's log starts: within its own log, whatever it says.
    const QCborValue said = hello.value(u"baseSeq"_s);
    const std::optional<qint64> base =
        said.isInteger() ? std::optional(qBound<qint64>(0, said.toInteger(), peerSeq))
                         : std::nullopt;
    const Lineage lineage = lineageFromCbor(hello.value(u"lineage"_s).toArray());
    const ResumePlan plan =
        withoutFillFrom(role, planResume(m_log, m_epoch, sameSession, peerSeq, peerEpoch, lineage,
                                         hello.value(u"gaveWay"_s).toBool(), base));
    if (plan.kind == ResumePlan::Stale) {
        link->send(message(MsgType::Error,
                           {{u"code"_s, errc::staleHost},
                            {u"text"_s, tr("This host is stale: the session moved on to a new "
                                           "host. Join the new host instead.")}}));
        // Only a seat with control is believed: the claim is the peer's word, and a read-only
        // code must not be enough to make this host give up.
        if (role != Authority::ReadOnly)
            emit staleDetected(link->peerName());
        return drop(link, u"peer has a newer epoch: this host is stale"_s);
    }
    Peer& peer = m_peers[link];
    peer.role = role;
    peer.info.instance = hello.value(u"instance"_s).toString();
    peer.info.name = peerWords(hello.value(u"name"_s)); // shown in status lines and peer lists
    peer.info.role = role;
    peer.info.isCockpit = hello.value(u"client"_s).toString() == cockpitClient;
    peer.info.isCtl = hello.value(u"client"_s).toString() == ctlClient;
    peer.info.address = addressText(link->socket()->peerAddress());
    peer.info.hostPort = integerIn<quint16>(hello.value(u"hostPort"_s), 0);
    peer.fillExpected = plan.kind == ResumePlan::Fill;
    peer.fillEpoch = plan.fillEpoch;
    QCborMap welcome{
        {u"role"_s, key(role)},        {u"session"_s, m_engine.state().sessionId},
        {u"epoch"_s, m_epoch},         {u"hostLastSeq"_s, m_log.lastSeq()},
        {u"instance"_s, m_instance},   {u"name"_s, m_name},
        {u"proto"_s, protocolVersion}, {u"sequencers"_s, sequencersToCbor(m_log.sequencers())}};
    if (plan.divergedAt > 0)
        welcome[u"divergedAt"_s] = plan.divergedAt;
    if (plan.kind == ResumePlan::Fill)
        welcome[u"fillFrom"_s] = plan.fillFrom;
    if (role != Authority::ReadOnly) { // so this seat can take over hosting for everyone
        welcome[u"readOnlyKey"_s] = m_keys.readOnlyKey;
        if (!m_keys.readOnlyCode.isEmpty())
            welcome[u"readOnlyCode"_s] = m_keys.readOnlyCode;
    }
    link->send(message(MsgType::Welcome, welcome));
    link->markAuthenticated();
    // A seat asked to fill has all this host has and more: a snapshot would make it drop the
    // very events it is about to send.
    if (plan.kind != ResumePlan::Fill)
        sendCatchUp(link, peerSeq, plan.kind == ResumePlan::Resume);
    peer.welcomed = true;
    qCInfo(lcSync).noquote() << "admitted" << link->peerName() << key(role) << "from seq" << peerSeq
                             << "plan" << plan.kind;
    broadcastPeers();
    emit peersChanged();
    emit peerAdmitted(seatCalled(link), peer.info);
    // Shown on that seat; this host's moderator is told too, or what the other moderator did while
    // cut off (someone put in the queue) was gone without a word in the room. After the line
    // saying it joined, which would hide it; only of a seat with control, the one that can have
    // acted; once per seat and what it brought, as it reconnects until it has kept this host's
    // state. (Per point only, a second batch from the same point, the host quiet meanwhile, went
    // untold.)
    const qint64 from = qMax(plan.divergedAt, base.value_or(0) + 1);
    const QString told = u"%1@%2/%3:%4"_s.arg(hello.value(u"instance"_s).toString())
                             .arg(plan.divergedAt)
                             .arg(lineage.isEmpty() ? QString() : lineage.last().sequencer)
                             .arg(peerSeq);
    if (role != Authority::ReadOnly && plan.divergedAt > 0 && peerSeq >= from &&
        !m_orphansTold.contains(told)) {
        m_orphansTold.insert(told);
        emit peerHadOrphans(seatCalled(link),
                            int(qMin<qint64>(peerSeq - from + 1, std::numeric_limits<int>::max())));
    }
}

// Events when the peer's log fits and they are smaller than the state; the state otherwise.
void SyncHost::sendCatchUp(Link* link, qint64 peerSeq, bool resumable) {
    const QList<Event> missing = resumable ? m_log.after(peerSeq) : QList<Event>{};
    const bool covered = resumable && peerSeq + missing.size() == m_log.lastSeq();
    if (covered && missing.isEmpty())
        return;
    const QCborMap state = codec::toCbor(m_engine.state());
    if (covered) {
        qint64 bytes = 0;
        const qint64 stateBytes = state.toCborValue().toCbor().size();
        for (const Event& e : missing) {
            bytes += e.toCbor().toCborValue().toCbor().size();
            if (bytes > stateBytes)
                break;
        }
        if (bytes <= stateBytes) {
            for (qsizetype i = 0; i < missing.size(); i += eventsPerBatch) {
                QCborArray batch;
                for (const Event& e : missing.mid(i, eventsPerBatch))
                    batch.append(e.toCbor());
                link->send(message(MsgType::Events, {{u"events"_s, batch}}));
            }
            return;
        }
    }
    // The state's epoch is this host's, raised when it started; the seat's log must know the
    // epoch of the event the state ends with, to compare lineages after a takeover.
    QCborMap snapshot{{u"state"_s, state}};
    if (const auto baseEpoch = m_log.epochAt(m_log.lastSeq()))
        snapshot[u"baseEpoch"_s] = *baseEpoch;
    link->send(message(MsgType::Snapshot, snapshot));
}

void SyncHost::onCommand(Link* link, const Message& m) {
    QString error;
    auto command = Command::fromCbor(m.body.value(u"command"_s).toMap(), &error);
    if (!command)
        return drop(link, u"malformed command: "_s + error);
    const Peer& peer = m_peers[link];
    command->authority = peer.role; // what the code granted, never what the peer says
    if (command->author.isEmpty())
        command->author = peer.info.name;
    restoreEpoch();
    // A phone's ballot comes from this host's own voting page only: named by a seat, it would
    // make the page show a phone a vote it never cast.
    auto result = command->args.contains(u"ballot"_s)
                      ? Result<Event>::failure(tr("Only the host's voting page counts phones' "
                                                  "votes; enter the Web tally as a number."))
                      : m_engine.execute(*command);
    if (result)
        return;
    // Whoever runs the host learns of a refusal that is the host's own doing (its disk is full)
    // here; the seat that asked hears of it from the Refused message.
    qCInfo(lcSync).noquote() << "refused" << actionKey(command->action) << "from"
                             << link->peerName() << "-" << result.error();
    link->send(message(MsgType::Refused, {{u"cmd"_s, command->id}, {u"reason"_s, result.error()}}));
}

// Events of the previous host's lineage that this host (after a takeover) never received.
void SyncHost::onFill(Link* link, const Message& m) {
    Peer& peer = m_peers[link];
    if (!peer.fillExpected)
        return drop(link, u"unrequested fill"_s);
    // In batches, as events go the other way: one message of a long fill outgrew the frame
    // limit, and the fill failed on every rejoin.
    // fillExpected stays set while the events are taken: a link closed meanwhile (below) has them
    // announced as it goes.
    const bool more = m.body.value(u"more"_s).toBool();
    const qint32 fillEpoch = peer.fillEpoch;
    const QCborArray offered = m.body.value(u"events"_s).toArray();
    int count = 0;
    // Each event taken goes to every seat, this one too: a link that fails as it is written to
    // closes, and its peer is gone (with what it filled announced). The rest comes again when it
    // rejoins.
    for (const QCborValue& v : offered) {
        if (!m_peers.contains(link))
            break;
        auto e = Event::fromCbor(v.toMap());
        // (In the epoch this log ends in, or in the one the plan asked for: a host that took
        // over holding only a snapshot ends in an earlier epoch than the events it lacks.)
        const bool fits = e && e->seq == m_log.lastSeq() + 1 &&
                          (e->epoch == m_log.lastEpoch() || e->epoch == fillEpoch) &&
                          e->epoch < m_epoch;
        if (!fits)
            break; // only a gapless continuation of the previous lineage is taken
        if (!m_engine.receive(*e))
            break;
        ++count;
        if (auto filler = m_peers.find(link); filler != m_peers.end())
            ++filler->filled;
    }
    restoreEpoch();
    const auto filler = m_peers.find(link);
    if (filler == m_peers.end())
        return;
    // The rest no longer fits (this host sequenced something new meanwhile): the seat must not
    // keep them as the session's. Rejoining, it is told where it diverged and reports them.
    if (count < offered.size()) {
        filler->fillExpected = false; // announced here, not again as the link closes
        announceFill(*filler);
        return drop(
            link, u"%1 filled events no longer fit this host's log"_s.arg(offered.size() - count));
    }
    filler->fillExpected = more;
    if (!more)
        announceFill(*filler);
}

void SyncHost::announceFill(const Peer& peer) {
    qCInfo(lcSync).noquote() << "filled" << peer.filled << "events from" << peer.info.name;
    if (peer.filled > 0)
        emit filledFromPeer(seatCalled(peer.info.name, peer.info.address), peer.filled);
}

// Another host of this session asks where this one stands (docs/PROTOCOL.md, "Handover"). The
// answer comes inside TLS, from a holder of the session's keys, so unlike a beacon it can be
// believed; the link then closes without a word to the moderator.
void SyncHost::answerProbe(Link* link, Authority role) {
    m_peers[link].probe = true;
    const HostRank r = rank();
    QCborMap answer{{u"role"_s, key(role)},        {u"session"_s, m_engine.state().sessionId},
                    {u"epoch"_s, r.epoch},         {u"hostLastSeq"_s, r.seq},
                    {u"sequencer"_s, r.sequencer}, {u"seats"_s, r.seats},
                    {u"instance"_s, m_instance},   {u"proto"_s, protocolVersion},
                    {u"lastEpoch"_s, r.lastEpoch}, {u"tookOver"_s, r.tookOver.value_or(false)}};
    if (!r.startedAfter.isEmpty())
        answer[u"after"_s] = QCborArray::fromStringList(r.startedAfter);
    link->sendNow(encodeFrame(message(MsgType::Welcome, answer)));
    link->close(u"answered another host's probe"_s, false);
}

} // namespace podium::sync
