#include "join_code.h"
#include "lineage.h"
#include "model/cbor_input.h"
#include "model/codec.h"
#include "sync_log.h"
#include "sync_peer.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium::sync {
namespace {

// A host's bye as it stopped hosting, told from one for anything else.
SyncPeer::Trouble troubleSaidBy(const QString& reason) {
    if (reason == hostStoppedReason)
        return SyncPeer::Trouble::HostStopped;
    if (reason == hostDisconnectedReason)
        return SyncPeer::Trouble::HostDisconnected;
    return SyncPeer::Trouble::None;
}

} // namespace

void SyncPeer::onMessage(const Message& m) {
    if (!m_link->isAuthenticated() && !m.is(MsgType::Welcome) && !m.is(MsgType::Error) &&
        !m.is(MsgType::Bye))
        return m_link->close(u"expected welcome, got "_s + typeName(m.type));
    switch (MsgType(m.type)) {
    case MsgType::Welcome:
        return onWelcome(m.body);
    case MsgType::Snapshot: {
        const SessionState state = codec::sessionState(m.body.value(u"state"_s).toMap());
        const qint64 baseEpoch = integerOf(m.body.value(u"baseEpoch"_s));
        if (auto ok = m_log.rebase(state, m_orphansFrom,
                                   qint32(std::clamp<qint64>(baseEpoch, 0, qMax(0, state.epoch))));
            !ok) {
            // Another session than the one this seat's file holds: retrying cannot help.
            const QString mine = m_engine.state().sessionId;
            if (!mine.isEmpty() && mine != state.sessionId) {
                m_fatal = true;
                const QString why =
                    tr("This seat cannot keep the host's session: %1").arg(ok.error());
                setState(State::Failed, why);
                emit failed(why);
            }
            return couldNotKeep(ok.error());
        }
        // Told while the screen still holds what they were taken on (their participants'
        // names come from it).
        reportOrphans();
        // The state is in the file now: the screen shows it even if what follows fails, or the
        // next hello would name a last seq the engine does not have.
        m_engine.reset(state);
        if (auto ok = m_log.setSequencers(m_hostSequencers); !ok)
            return couldNotKeep(ok.error());
        keepSessionCodes(); // the welcome's, for a file that held another session until now
        m_caughtUpBySnapshot = true;
        return checkSynced();
    }
    case MsgType::Events:
        return onEvents(m.body.value(u"events"_s).toArray());
    case MsgType::Refused:
        forgetUnanswered(m.body.value(u"cmd"_s).toString());
        return m_engine.reportRefusal(m.body.value(u"cmd"_s).toString(),
                                      peerWords(m.body.value(u"reason"_s), maxReasonWords));
    case MsgType::Peers:
        m_peers.clear();
        for (const QCborValue& v : m.body.value(u"peers"_s).toArray())
            m_peers.append(PeerInfo::fromCbor(v.toMap()));
        rememberTakeoverAddresses();
        emit peersChanged();
        return;
    case MsgType::Error:
        return onError(m.body);
    case MsgType::Bye:
        m_byeSaid = troubleSaidBy(m.body.value(u"reason"_s).toString());
        return m_link->close(u"the host said goodbye: "_s + peerWords(m.body.value(u"reason"_s)),
                             false);
    default:
        return m_link->close(typeName(m.type) + u" is not expected from a host"_s);
    }
}

void SyncPeer::onWelcome(const QCborMap& w) {
    if (m_link->isAuthenticated())
        return m_link->close(u"a second welcome"_s);
    const QString session = w.value(u"session"_s).toString();
    // Only against a session this seat holds: one welcomed and cut off before the host's state
    // came (a first join whose snapshot was cut) was refused by every welcome after, for ever.
    if (m_everWelcomed && !m_engine.state().sessionId.isEmpty() &&
        session != m_engine.state().sessionId)
        return m_link->close(u"this host runs another session"_s);
    // This log cannot take another session's state: it would fail at the snapshot. (A host of
    // an earlier version, which welcomes it all the same.)
    if (!m_everWelcomed && m_log.lastSeq() > 0 && session != m_engine.state().sessionId)
        return failForAnotherSession();
    m_link->markAuthenticated();
    m_everWelcomed = true;
    // A host of another session that answered meanwhile (and refused the code) offered its own
    // salt: a takeover with it gave out a read-only code that let nobody in.
    m_salt = m_offeredSalt;
    // Another host's clock from now on: after a takeover by another machine, the old host's
    // samples (their round trips as short as any) would keep its time here for eight pings.
    if (const QString host = w.value(u"instance"_s).toString(); host != m_hostInstance) {
        m_hostInstance = host;
        m_clockSync.clear();
        m_link->pingNow();
    }
    m_hostName = peerWords(w.value(u"name"_s));
    m_role = fromKey<Authority>(w.value(u"role"_s).toString()).value_or(Authority::ReadOnly);
    m_engine.setAuthority(m_role);
    m_hostLastSeq = integerOf(w.value(u"hostLastSeq"_s));
    if (w.value(u"readOnlyKey"_s).isByteArray())
        m_readOnlyKey = w.value(u"readOnlyKey"_s).toByteArray();
    if (auto code = groupedJoinCode(w.value(u"readOnlyCode"_s).toString()))
        m_readOnlyCode = *code;
    // (Not into a file of another session, which refuses that session's state next.)
    if (session == m_engine.state().sessionId || m_engine.state().sessionId.isEmpty())
        keepSessionCodes();
    m_orphansFrom = integerOf(w.value(u"divergedAt"_s));
    m_orphans = m_orphansFrom > 0 ? m_log.after(m_orphansFrom - 1) : QList<Event>{};
    // From here on this log holds the host's lineage: learn who sequenced its epochs. For another
    // session than this seat's, only once its state is taken (the snapshot that follows): a file
    // that cannot take it must stay as it was.
    m_hostSequencers = sequencersFromCbor(w.value(u"sequencers"_s).toMap());
    if (session == m_engine.state().sessionId) {
        if (auto ok = m_log.setSequencers(m_hostSequencers); !ok)
            return couldNotKeep(ok.error());
    }
    if (const qint64 from = integerOf(w.value(u"fillFrom"_s)); from > 0) {
        sendFill(m_log.after(from - 1));
        m_hostLastSeq = m_log.lastSeq();
    }
    m_caughtUpBySnapshot = false;
    setState(State::CatchingUp);
    // Told where it diverged, this seat gets the host's state next: live before it was in, and
    // its own longer log taken for being up to date, it settled its commands on the wrong state
    // (and a link lost then reported the same orphans again).
    if (m_orphansFrom == 0)
        checkSynced();
}

// Once the host's state that replaces them is kept: a link lost before it, or a file that could
// not take it, reported the same orphans again on every rejoin.
void SyncPeer::reportOrphans() {
    if (m_orphans.isEmpty())
        return;
    qCWarning(lcSync) << m_orphans.size() << "events of this seat were never in the host's log";
    emit orphaned(std::exchange(m_orphans, {}));
}

// In batches (of eventsPerBatch, and of half the frame a seat may send): thousands of events in
// one message outgrew that frame, and the fill failed on every rejoin. A fill under half a frame
// still goes as one message, which is all a host of the previous version takes.
void SyncPeer::sendFill(const QList<Event>& fill) {
    QList<QCborValue> events;
    QList<qint64> sizes;
    qint64 total = 0;
    for (const Event& e : fill) {
        events.append(e.toCbor());
        sizes.append(events.last().toCbor().size());
        total += sizes.last();
    }
    const qint64 batchBytes = maxFrameFromPeer / 2;
    const bool split = total >= batchBytes;
    QList<QCborArray> batches{QCborArray()};
    qint64 bytes = 0;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const bool full = batches.last().size() == eventsPerBatch || bytes + sizes[i] > batchBytes;
        if (split && full && !batches.last().isEmpty()) {
            batches.append(QCborArray());
            bytes = 0;
        }
        batches.last().append(events[i]);
        bytes += sizes[i];
    }
    for (qsizetype i = 0; i < batches.size(); ++i) {
        QCborMap body{{u"events"_s, batches[i]}};
        if (i + 1 < batches.size())
            body[u"more"_s] = true;
        m_link->send(message(MsgType::FillEvents, body));
    }
}

void SyncPeer::onEvents(const QCborArray& events) {
    for (const QCborValue& v : events) {
        QString error;
        auto e = Event::fromCbor(v.toMap(), &error);
        if (!e)
            return m_link->close(u"malformed event: "_s + error);
        if (e->seq <= m_log.lastSeq()) {
            // Already here (sent back after a fill, or resent), unless the host's differs: then
            // rejoining is told where this log left the host's, and reports the rest.
            const std::optional<qint32> mine = m_log.epochAt(e->seq);
            if (mine && *mine != e->epoch)
                return m_link->close(u"the host's event %1 differs from this seat's"_s.arg(e->seq));
            continue;
        }
        if (e->seq != m_log.lastSeq() + 1)
            return m_link->close(u"gap in events: got %1 after %2"_s.arg(e->seq).arg(
                m_log.lastSeq())); // reconnecting resumes from the last seq
        if (auto ok = m_engine.receive(*e); !ok)
            return couldNotKeep(ok.error());
        m_hostLastSeq = qMax(m_hostLastSeq, e->seq);
    }
    checkSynced();
}

void SyncPeer::onError(const QCborMap& e) {
    const QString code = e.value(u"code"_s).toString();
    const QString text = peerWords(e.value(u"text"_s));
    if (code == errc::incompatibleVersion) {
        m_fatal = true;
        const qint64 theirs = integerOf(e.value(u"proto"_s), -1);
        const QString app = peerWords(e.value(u"app"_s)).left(40);
        const QString host = theirs < 0      ? tr("another version")
                             : app.isEmpty() ? QString::number(theirs)
                                             : tr("%1 (Podium %2)").arg(theirs).arg(app);
        const QString why = tr("Incompatible versions: this seat speaks sync protocol %1 "
                               "(Podium %2), the host speaks %3. Update one of them.")
                                .arg(protocolVersion)
                                .arg(QStringLiteral(PODIUM_VERSION), host);
        setState(State::Failed, why);
        emit failed(why);
        return m_link->close(why, false);
    }
    qCWarning(lcSync).noquote() << "host reported" << code << text;
    // Asked for in the hello; once in, the session's host may come back at this address.
    if (code == errc::wrongSession && !m_everWelcomed)
        return failForAnotherSession();
    if (code == errc::staleHost || code == errc::wrongSession)
        return m_link->close(text, false); // the next candidate may be the new host
}

void SyncPeer::failForAnotherSession() {
    m_fatal = true;
    const QString why =
        tr("This seat's file holds another session than the host at %1: join it with a new file.")
            .arg(m_link->peerName());
    setState(State::Failed, why);
    emit hostsAnotherSession();
    emit failed(why);
    m_link->close(u"this host runs another session"_s);
}

void SyncPeer::checkSynced() {
    if (m_state == State::CatchingUp && m_log.lastSeq() >= m_hostLastSeq) {
        setState(State::Live);
        m_liveSince.start();
        settleUnanswered();
        emit synced();
    }
}

} // namespace podium::sync
