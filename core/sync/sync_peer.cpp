#include "sync_peer.h"

#include "join_code.h"
#include "lineage.h"
#include "model/event_text.h"
#include "sync_log.h"

#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSslPreSharedKeyAuthenticator>
#include <QUuid>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium::sync {
SyncPeer::SyncPeer(SessionEngine& engine, ReplicaLog& log, const Clock& base, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_log(log)
    , m_hostClock(base)
    , m_base(base)
    , m_instance(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, [this] { connectTo(nextCandidate()); });
    connect(&m_engine, &SessionEngine::eventApplied, this,
            [this](const Event& e) { forgetUnanswered(e.commandId); });
}

SyncPeer::~SyncPeer() {
    leave();
}

std::optional<Endpoint> parseEndpoint(const QString& typed) {
    const QString text = typed.trimmed();
    const qsizetype colon = text.lastIndexOf(u':');
    const QString digits = text.mid(colon + 1);
    bool ok = false;
    const uint port = digits.toUInt(&ok);
    const bool plainDigits =
        std::all_of(digits.begin(), digits.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    // "::1:47600" would be read as ::1 port 47600 here, and as a host on the default port in
    // the join form: an IPv6 address with a port goes in brackets.
    const bool bareIpv6 = !text.startsWith(u'[') && host.contains(u':');
    if (colon <= 0 || host.isEmpty() || bareIpv6 || !ok || !plainDigits || port == 0 ||
        port > 65535)
        return std::nullopt;
    return Endpoint{host, quint16(port)};
}

QString addressOf(const Endpoint& e) {
    return e.host.contains(u':') ? u"[%1]:%2"_s.arg(e.host).arg(e.port)
                                 : u"%1:%2"_s.arg(e.host).arg(e.port);
}

void SyncPeer::setIdentity(const QString& instance, const QString& name, const QString& client) {
    m_instance = instance;
    m_name = name;
    m_client = client;
}

void SyncPeer::join(const Endpoint& host, const QString& code) {
    leave();
    m_origin = host;
    m_code = code;
    m_fatal = false;
    m_everWelcomed = false;
    m_refusals.clear();
    m_attempt = 0;
    m_candidate = 0;
    m_takeoverAddresses.clear();
    m_heardHosts.clear();
    // Told here, not after three handshakes a host can only refuse (and report as an intruder).
    if (const QString why = codeProblem(code); !why.isEmpty()) {
        m_fatal = true;
        // From the event loop, as every other failure: a headless seat joining at start had not
        // begun its loop, missed the exit and ran on.
        QMetaObject::invokeMethod(
            this,
            [this, why] {
                setState(State::Failed, why);
                emit failed(why);
            },
            Qt::QueuedConnection);
        return;
    }
    takeKeptSessionCodes();
    m_keptClockOffset = m_log.clockOffset();
    m_hostClock.setOffset(m_keptClockOffset); // until the host's clock is estimated
    m_engine.setClock(m_hostClock);
    m_engine.setForwarder([this](const Command& c) { forward(c); });
    connectTo(host);
}

QString SyncPeer::codeProblem(const QString& code) {
    if (normalizeJoinCode(code))
        return {};
    return tr("“%1” is not a join code: a code has %2 letters and digits, as XXXX-XXXX-XXXX (the "
              "host shows it).")
        .arg(peerWords(code, 40))
        .arg(codeSymbols);
}

void SyncPeer::leave() {
    m_retry.stop();
    if (m_link) {
        Link* link = std::exchange(m_link, nullptr);
        link->disconnect(this);
        link->close(u"closed by its user"_s);
        link->deleteLater();
    }
    // While the engine still forwards: what answers them (an undo that waited for them) is
    // refused as not sent; done here, it went into this laptop's file alone, under the host's
    // epoch, and was never reported as the seat's own when it joined again.
    giveUpUnanswered();
    if (m_state != State::Idle) {
        m_engine.setForwarder({});
        m_engine.setClock(m_base);
        setState(State::Idle);
    }
}

// Left (Disconnect, a takeover, giving way) before the host answered: nothing will settle these,
// and "next" pressed as the host died, then Take over, was gone without a word.
void SyncPeer::giveUpUnanswered() {
    tellUnanswered(std::exchange(m_unanswered, {}),
                   tr("This seat left the host before it answered, so this may not have been "
                      "done: %1. Check, and do again what is missing."),
                   true);
}

// Kept only when it moves by more than a round trip's worth: each pong may nudge it by a few ms.
void SyncPeer::keepClockOffset() {
    constexpr qint64 worthKeepingMs = 50;
    if (qAbs(m_clockSync.offsetMs() - m_keptClockOffset) < worthKeepingMs)
        return;
    // Tried once per move, kept or not: on a full disk, once a second was a line a second.
    if (auto kept = m_log.recordClockOffset(m_clockSync.offsetMs()); !kept)
        qCWarning(lcSync).noquote() << "the host's clock offset could not be kept:" << kept.error();
    m_keptClockOffset = m_clockSync.offsetMs();
}

// Kept in the seat's file, for a restart while the host is away (takeKeptSessionCodes).
void SyncPeer::keepSessionCodes() {
    const auto control = groupedJoinCode(m_code);
    if (m_role == Authority::ReadOnly || !control || m_readOnlyCode.isEmpty())
        return;
    if (auto kept = m_log.recordSessionCodes({*control, m_readOnlyCode, m_salt}); !kept)
        qCWarning(lcSync).noquote() << "the session's codes could not be kept:" << kept.error();
}

// A seat with control restarted on its file while the host is away: with the codes the file
// kept, it can take over hosting, and the other seats' codes go on working. Only for the control
// code it was given again (a read-only code must never host with control).
void SyncPeer::takeKeptSessionCodes() {
    for (const JoinCodes& codes : m_log.sessionCodes()) {
        if (groupedJoinCode(m_code) != codes.control)
            continue;
        m_salt = codes.salt;
        m_readOnlyCode = codes.readOnly;
        m_readOnlyKey = deriveKey(codes.readOnly, codes.salt);
        m_role = Authority::OnlineModerator;
        return;
    }
}

HostKeys SyncPeer::keysForTakeover() const {
    return {m_salt, deriveKey(m_code, m_salt), m_readOnlyKey, m_readOnlyCode};
}

void SyncPeer::connectTo(const Endpoint& target) {
    m_current = target;
    m_podiumAnswered = false;
    m_offeredSalt.clear();
    setState(m_everWelcomed ? State::Reconnecting : State::Connecting,
             target.host + u':' + QString::number(target.port));
    auto* socket = new QSslSocket;
    socket->setProxy(QNetworkProxy::NoProxy); // see SyncHost::listen
    socket->setSslConfiguration(pskConfiguration());
    connect(socket, &QSslSocket::preSharedKeyAuthenticationRequired, this,
            [this](QSslPreSharedKeyAuthenticator* auth) {
                const auto salt = saltFromHint(auth->identityHint());
                if (!salt)
                    return; // not a Podium host: no key, the handshake fails
                m_podiumAnswered = true;
                m_offeredSalt = *salt; // the session's only once this host welcomes the seat
                const QByteArray key = deriveKey(m_code, m_offeredSalt);
                auth->setIdentity(identityFor(key));
                auth->setPreSharedKey(key);
            });
    m_link = new Link(socket, m_base, maxFrameFromHost, this);
    m_link->setPeerName(target.host + u':' + QString::number(target.port));
    connect(m_link, &Link::encrypted, this, &SyncPeer::onEncrypted);
    connect(m_link, &Link::closed, this, &SyncPeer::onClosed);
    connect(m_link, &Link::messageReceived, this, &SyncPeer::onMessage);
    connect(m_link, &Link::pong, this, [this](qint64 t0, qint64 t1, qint64 t3) {
        if (m_clockSync.addSample(t0, t1, t3)) {
            m_hostClock.setOffset(m_clockSync.offsetMs());
            keepClockOffset();
        }
    });
    socket->connectToHostEncrypted(target.host, target.port);
}

void SyncPeer::onEncrypted() {
    // Something answers as a Podium host again: whatever goes wrong next is not that it stopped.
    if (m_trouble == Trouble::HostStopped || m_trouble == Trouble::HostDisconnected)
        m_trouble = Trouble::HostUnreachable;
    QCborMap hello{{u"proto"_s, protocolVersion},
                   {u"oldest"_s, oldestCompatibleVersion},
                   {u"app"_s, QStringLiteral(PODIUM_VERSION)},
                   {u"instance"_s, m_instance},
                   {u"name"_s, m_name},
                   {u"session"_s, m_engine.state().sessionId},
                   {u"lastSeq"_s, m_log.lastSeq()},
                   {u"lastEpoch"_s, m_log.lastEpoch()},
                   {u"baseSeq"_s, m_log.baseSeq()},
                   {u"lineage"_s, toCbor(lineageOf(m_log))},
                   {u"hostPort"_s, m_takeoverPort}};
    if (!m_client.isEmpty())
        hello[u"client"_s] = m_client;
    if (m_gaveWay)
        hello[u"gaveWay"_s] = true;
    // A log of a session cannot take another's: the host refuses it instead of letting it in.
    if (m_log.lastSeq() > 0)
        hello[u"sameSessionOnly"_s] = true;
    if (m_wantedRole == Authority::Moderator) {
        hello[u"wants"_s] = key(m_wantedRole);
        hello[u"wantsFor"_s] = m_wantedFor.isEmpty() ? m_engine.state().sessionId : m_wantedFor;
    }
    m_link->send(message(MsgType::Hello, hello));
}

void SyncPeer::onClosed(const QString& reason) {
    const QString couldNotKeep = std::exchange(m_couldNotKeep, {});
    const Trouble byeSaid = std::exchange(m_byeSaid, Trouble::None);
    const auto error = m_link ? m_link->socketError() : QAbstractSocket::UnknownSocketError;
    m_lastSocketError = error;
    const bool handshakeFailed = m_link && !m_link->wasEncrypted() &&
                                 (error == QAbstractSocket::SslHandshakeFailedError ||
                                  error == QAbstractSocket::SslInternalError ||
                                  error == QAbstractSocket::RemoteHostClosedError);
    if (m_link) {
        if (m_link->isAuthenticated())
            m_lastHeardAt = m_engine.clock().nowMs() - m_link->msSinceHeard();
        m_bytesBefore += m_link->bytesReceived();
        m_link->deleteLater();
        m_link = nullptr;
    }
    if (m_fatal)
        return;
    // A wrong code and a host that died mid-handshake look alike here (the host just closes):
    // a code is given up on only when the host refused it three times running.
    int& refusals = m_refusals[addressOf(m_current)];
    refusals = handshakeFailed ? refusals + 1 : 0;
    if (handshakeFailed && !m_everWelcomed && refusals >= refusalsBeforeGivingUp) {
        m_fatal = true;
        // A web server on that port, say, never gets as far as asking for a code.
        const QString why =
            m_podiumAnswered
                ? tr("The host did not accept this join code (%1). Check it against the "
                     "codes the host's Connection panel shows: the control code for the online "
                     "moderator, the read-only one for the rapporteur and displays.")
                      .arg(reason)
                : tr("%1:%2 did not answer as a Podium host (%3). Check the address and port "
                     "the host shows.")
                      .arg(m_current.host)
                      .arg(m_current.port)
                      .arg(reason);
        setState(State::Failed, why);
        emit failed(why);
        return;
    }
    // Another candidate may still take the code. Only a refusal made several times running is
    // called one: a link cut in the middle of the handshake (a flaky network) looks the same once.
    // And only by a Podium host: a port that takes the connection and closes it (a relay whose
    // other side is gone) never asked for a code, and the moderator was told the codes changed.
    if (handshakeFailed && m_everWelcomed && m_podiumAnswered &&
        refusals >= refusalsBeforeGivingUp) {
        const QString why = tr("the host at %1:%2 no longer accepts this join code (a host that "
                               "starts anew gives new codes: join again with one)")
                                .arg(m_current.host)
                                .arg(m_current.port);
        return scheduleReconnect(why, Trouble::CodeRefused, why);
    }
    if (!couldNotKeep.isEmpty())
        return scheduleReconnect(reason, Trouble::CannotKeepEvents, couldNotKeep);
    // A host that said it stopped is still stopped while nothing answers at its address (the
    // trouble is cleared once a link is encrypted): told it is "out of reach", the rapporteur
    // took a quit for a crash.
    const bool stillStopped =
        m_trouble == Trouble::HostStopped || m_trouble == Trouble::HostDisconnected;
    if (byeSaid != Trouble::None || stillStopped)
        return scheduleReconnect(reason, byeSaid != Trouble::None ? byeSaid : m_trouble, reason);
    scheduleReconnect(reason, Trouble::HostUnreachable, reason);
}

void SyncPeer::scheduleReconnect(const QString& why, Trouble trouble, const QString& detail) {
    m_trouble = trouble;
    m_troubleDetail = detail;
    // A link that stayed up a while starts the back-off afresh; one that fails soon after each
    // welcome (a full disk refusing every event, say) keeps backing off instead of hammering.
    if (m_liveSince.isValid() && m_liveSince.elapsed() >= stableLinkMs)
        m_attempt = 0;
    m_liveSince.invalidate();
    // Back-off with jitter, so seats that lost the host together do not return in lockstep.
    const int base = qMin(4000, 200 << qMin(m_attempt, 5));
    const int delay = int(base * (0.5 + QRandomGenerator::global()->generateDouble()));
    ++m_attempt;
    ++m_reconnects;
    setState(State::Reconnecting, why);
    qCInfo(lcSync).noquote() << "link lost (" << why << "), retrying in" << delay << "ms";
    m_retry.start(delay);
}

// Every control seat ever listed stays a candidate for the rest of this join: one that is
// missing from the host's last list may only have been reconnecting when the host died, and
// it may be the very seat that takes over.
void SyncPeer::rememberTakeoverAddresses() {
    for (const PeerInfo& p : std::as_const(m_peers)) {
        const Endpoint e{p.address, p.hostPort};
        if (p.hostPort && p.role != Authority::ReadOnly && p.instance != m_instance &&
            e != m_origin && !m_takeoverAddresses.contains(e))
            m_takeoverAddresses.append(e);
    }
}

void SyncPeer::listenForHosts(bool listening) {
    if (!listening) {
        m_hosts.reset();
        return;
    }
    if (m_hosts)
        return;
    m_hosts = std::make_unique<DiscoveryListener>();
    connect(m_hosts.get(), &DiscoveryListener::hostSeen, this, &SyncPeer::heardHost);
    if (!m_hosts->listen(m_beaconAddress, m_beaconPort))
        m_hosts.reset(); // the port is someone else's: the candidates told will have to do
}

// A beacon is anyone's word: the address is only tried, and a host that lacks this session's
// key cannot finish the handshake.
void SyncPeer::heardHost(const Announcement& a) {
    if (a.sessionId.isEmpty() || a.sessionId != m_engine.state().sessionId)
        return;
    const Endpoint e{a.address.toString(), a.port};
    if (e == m_origin || m_takeoverAddresses.contains(e))
        return;
    // The newest few only: anyone can send beacons naming this session (its id is in them), and
    // thousands of made-up hosts, each tried in turn, put the real one hours down the list. It
    // comes back with its next beacon, two seconds on.
    if (!m_heardHosts.removeOne(e))
        qCInfo(lcSync).noquote() << "heard a host of this session at" << e.host << e.port;
    m_heardHosts.prepend(e);
    if (m_heardHosts.size() > maxHeardHosts)
        m_heardHosts.removeLast();
}

// The original host first, then each control seat's takeover address, then the hosts of this
// session heard on the LAN, round and round.
Endpoint SyncPeer::nextCandidate() {
    const QList<Endpoint> candidates =
        QList<Endpoint>{m_origin} + m_takeoverAddresses + m_heardHosts;
    if (candidates.contains(m_current) && m_attempt <= 1)
        return m_current; // a first quick retry goes back where we were
    return candidates.at(m_candidate++ % candidates.size());
}

void SyncPeer::couldNotKeep(const QString& error) {
    m_couldNotKeep = error;
    // Said to the host too, whose moderator read "the disk is full" as their own disk's.
    m_link->close(tr("this seat could not keep the session's events: %1").arg(error));
}

void SyncPeer::setState(State s, const QString& detail) {
    m_state = s;
    if (s == State::Live)
        m_trouble = Trouble::None;
    listenForHosts(s == State::Reconnecting);
    emit stateChanged(s, detail);
}

namespace {
QByteArray commandFrame(const Command& command) {
    return encodeFrame(message(MsgType::Command, {{u"command"_s, command.toCbor()}}));
}

bool tooLarge(const QByteArray& frame) {
    return frame.size() - 4 > maxFrameFromPeer; // the 4-byte length is not counted
}

// As the moderator would say them, in the order they were sent.
QStringList actionsOf(const QList<Command>& commands, const SessionState& state) {
    QStringList what;
    for (const Command& command : commands)
        what << describeAction(command.action, command.args, state);
    return what;
}
} // namespace

void SyncPeer::forward(const Command& command) {
    if (m_state != State::Live || !m_link) {
        const QString why = tr("Not connected to the host right now; the command was not sent. "
                               "Try again in a moment.");
        emit notDone(command.id, why);
        m_engine.reportRefusal(command.id, why);
        return;
    }
    const QByteArray frame = commandFrame(command);
    // Larger than a host takes in one frame: the host would close the link on it, and the seat
    // send it again after rejoining.
    if (tooLarge(frame)) {
        m_engine.reportRefusal(command.id, tr("This is too large to send to the host; it was "
                                              "not done."));
        return;
    }
    // Sent at once: the moderator is waiting for the host's answer.
    m_link->sendNow(frame);
    m_unanswered.append(command);
}

// Back in step with the host after a lost link: what it has done is here now, so a command sent
// before the link died and not among it never reached the host. (Pressed in the seconds before
// the loss was noticed, "next" was dropped without a word.)
// Named, all in one line: three tallies typed as the link went were told as one "this" that
// was not done, then one by one in a status bar that keeps only the last.
void SyncPeer::settleUnanswered() {
    tellUnanswered(std::exchange(m_unanswered, {}),
                   m_caughtUpBySnapshot
                       ? tr("The connection to the host dropped just after this was sent, so it "
                            "may not have been done: %1. Check, and do again what is missing.")
                       : tr("The connection to the host dropped before the host got this, so it "
                            "was not done: %1. Do it again if it is still wanted."),
                   m_caughtUpBySnapshot);
}

QStringList SyncPeer::unansweredActions() const {
    return actionsOf(m_unanswered, m_engine.state());
}

// Each refused with one sentence naming them all (%1), in the order they were sent.
void SyncPeer::tellUnanswered(const QList<Command>& commands, const QString& sentence,
                              bool maybeDone) {
    if (commands.isEmpty())
        return;
    const QString why = sentence.arg(actionsOf(commands, m_engine.state()).join(u"; "_s));
    for (const Command& command : commands) {
        if (maybeDone)
            emit outcomeUnknown(command.id);
        else
            emit notDone(command.id, why);
        m_engine.reportRefusal(command.id, why);
    }
}

} // namespace podium::sync
