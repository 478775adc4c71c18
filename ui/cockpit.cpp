#include "cockpit.h"

#include "commands/authority.h"
#include "discovery.h"
#include "second_beat.h"
#include "session_files.h"
#include "store/session_file.h"
#include "undo/session_command.h"
#include "voting_server.h"

#include <QSettings>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace podium {
namespace {
const QString shownVotingAddressSetting = u"webVoting/shownAddress"_s;
} // namespace

QString seatKey(Seat seat) {
    switch (seat) {
    case Seat::Moderator:
        return u"moderator"_s;
    case Seat::OnlineModerator:
        return u"online-moderator"_s;
    case Seat::Rapporteur:
        break;
    }
    return u"rapporteur"_s;
}

std::optional<Seat> seatNamed(const QString& key) {
    for (Seat s : {Seat::Moderator, Seat::OnlineModerator, Seat::Rapporteur}) {
        if (seatKey(s) == key)
            return s;
    }
    return std::nullopt;
}

QString seatLabel(Seat seat) {
    switch (seat) {
    case Seat::Moderator:
        return Cockpit::tr("Moderator");
    case Seat::OnlineModerator:
        return Cockpit::tr("Online moderator");
    case Seat::Rapporteur:
        break;
    }
    return Cockpit::tr("Rapporteur");
}

Seat seatFor(Authority authority) {
    switch (authority) {
    case Authority::Moderator:
        return Seat::Moderator;
    case Authority::OnlineModerator:
        return Seat::OnlineModerator;
    case Authority::ReadOnly:
        break;
    }
    return Seat::Rapporteur;
}

Authority authorityFor(Seat seat) {
    switch (seat) {
    case Seat::Moderator:
        return Authority::Moderator;
    case Seat::OnlineModerator:
        return Authority::OnlineModerator;
    case Seat::Rapporteur:
        break;
    }
    return Authority::ReadOnly;
}

Cockpit::Cockpit(SessionEngine& engine, QObject* parent)
    : QObject(parent)
    , m_engine(engine)
    , m_ticker(this)
    , m_voting(new web::VotingServer(engine, this))
    , m_networkLookup(sync::addressesOnLan) {
    // A laptop that moves to the venue's other network, or loses it, while the page is on: the
    // audience display's code and the Polls panel follow within seconds.
    m_votingNetworks.setInterval(5000);
    connect(&m_votingNetworks, &QTimer::timeout, this, &Cockpit::updateVotingUrls);
    connect(m_voting, &web::VotingServer::runningChanged, this, [this](bool running) {
        running ? m_votingNetworks.start() : m_votingNetworks.stop();
        updateVotingUrls();
    });
    m_ticker.setObjectName(u"cockpitBeat"_s);
    // As the second shown turns: every screen, each on its own beat (200 ms here, 250 ms on the
    // stage display), showed a second apart from the others now and then.
    connect(&m_ticker, &QTimer::timeout, this, [this] {
        emit tick();
        updateTicking();
    });
    connect(&m_engine, &SessionEngine::eventApplied, this, &Cockpit::updateTicking);
    connect(&m_engine, &SessionEngine::stateReset, this, &Cockpit::updateTicking);
    m_stateSeen = m_engine.state();
    connect(&m_engine, &SessionEngine::eventApplied, this,
            [this] { m_stateSeen = m_engine.state(); });
    connect(&m_engine, &SessionEngine::stateReset, this, &Cockpit::keepOrClearUndo);
    connect(&m_engine, &SessionEngine::eventApplied, this, &Cockpit::noteFloorChange);
    connect(&m_engine, &SessionEngine::eventApplied, this, &Cockpit::noteTimerChanges);
    connect(&m_engine, &SessionEngine::stateReset, this, [this] {
        m_othersChangedAt = -1;
        m_timersSeen.clear();
        m_eventsSinceOpened = false;
        m_reportUpTo.reset();
    });
    connect(&m_engine, &SessionEngine::eventApplied, this, [this] {
        m_eventsSinceOpened = true;
        // A step whose presses the host answered with nothing left to undo (SessionCommand).
        if (const QUndoCommand* last = m_undo.command(m_undo.index() - 1);
            last && last->isObsolete())
            QMetaObject::invokeMethod(this, &Cockpit::dropRefusedUndo, Qt::QueuedConnection);
    });
    connect(&m_engine, &SessionEngine::authorityChanged, this,
            [this](Authority a) { emit seatChanged(seatFor(a)); });
    connect(&m_engine, &SessionEngine::refused, this,
            [this](const QString& commandId, const QString& reason) {
                if (!reason.isEmpty())
                    emit notice(namingTheStep(commandId, reason));
                // After the step has heard of it: an undo the host refused leaves it done, so it
                // goes from the Redo side (Edit offered to redo what had never been undone).
                QMetaObject::invokeMethod(this, &Cockpit::dropRefusedUndo, Qt::QueuedConnection);
            });
    updateTicking();
}

// Torn down, the stack deletes its steps: none may leave a copy behind to send its undo.
Cockpit::~Cockpit() {
    forgetWaitingUndos(m_undo, m_engine);
}

namespace {

// Taken up again after a restart, not opened after the session: its last action minutes ago, or
// its session clock running within the time planned. (Reported up to its last action, the timeline
// and the report stood still while its clocks ran on.)
bool underWay(const SessionState& s, qint64 lastActionAt, qint64 now) {
    constexpr qint64 restartWithinMs = 10 * 60'000;
    return now - lastActionAt <= restartWithinMs ||
           (s.sessionClock.running && s.sessionClock.remainingMs(now) > 0);
}

} // namespace

// A file opened after the session is reported up to its last action: a rapporteur writing up
// the next day saw a 24-hour last speech. The file only tells when the state shown was left if
// it is that state: not, say, while a seat that joined still shows the host's snapshot in front
// of its own file.
qint64 Cockpit::reportTime() const {
    const SessionFile* file = m_files ? m_files->current() : nullptr;
    if (m_eventsSinceOpened || m_shared || !file || file->sessionId() != state().sessionId ||
        file->state().lastSeq != state().lastSeq)
        return now();
    // Decided once per file opened: checked again at each second, it flipped back to the last
    // action when the session clock ran into overtime, or ten minutes went by. (And the file is
    // read once, not at each repaint of the timeline.)
    if (!m_reportUpTo) {
        const auto last = file->lastEventAt();
        m_reportUpTo = last && !underWay(state(), *last, now()) ? last : std::optional<qint64>();
    }
    return m_reportUpTo->value_or(now());
}

void Cockpit::setSeat(Seat seat) {
    m_engine.setAuthority(authorityFor(seat));
}

bool Cockpit::permits(Action action) const {
    return !m_fileReadOnly && isPermitted(m_engine.authority(), action);
}

QString Cockpit::whyNotPermitted(Action action) const {
    if (m_fileReadOnly)
        return tr("This session file is open read-only: Save As continues in a copy.");
    return isPermitted(m_engine.authority(), action) ? QString()
                                                     : notPermittedReason(m_engine.authority());
}

void Cockpit::setFileReadOnly(bool readOnly) {
    if (readOnly == m_fileReadOnly)
        return;
    m_fileReadOnly = readOnly;
    emit controlChanged();
}

bool Cockpit::run(Action action, const QCborMap& args, const QString& text) {
    return issueStep(action, args,
                     [&](const Command& c) { m_undo.push(new SessionCommand(m_engine, c, text)); });
}

bool Cockpit::runAsPartOf(quint64 step, Action action, const QCborMap& args, const QString& text) {
    SessionCommand* whole = nullptr;
    for (int i = 0; i < m_undo.index() && step != 0; ++i) {
        const auto* s = dynamic_cast<const SessionCommand*>(m_undo.command(i));
        if (s && s->serial() == step)
            whole = const_cast<SessionCommand*>(s); // the stack gives its steps const only
    }
    if (!whole)
        return false;
    const bool done = issueStep(action, args, [&](const Command& c) {
        (new SessionCommand(m_engine, c, text, whole))->redo();
    });
    if (done) {
        whole->setText(text);
        emit m_undo.undoTextChanged(m_undo.undoText()); // the stack says so on pushes only
    }
    return done;
}

quint64 Cockpit::lastStep() const {
    const auto* top = m_undo.index() > 0
                          ? dynamic_cast<const SessionCommand*>(m_undo.command(m_undo.index() - 1))
                          : nullptr;
    return top ? top->serial() : 0;
}

// Whether it was done, or sent to the host and not refused at once.
bool Cockpit::issueStep(Action action, const QCborMap& args,
                        const std::function<void(const Command&)>& issue) {
    Command c;
    c.action = action;
    c.args = args;
    const qint64 before = m_engine.state().lastSeq;
    bool refusedNow = false;
    const QMetaObject::Connection watch =
        connect(&m_engine, &SessionEngine::refused, this, [&refusedNow] { refusedNow = true; });
    issue(c);
    disconnect(watch);
    const bool done = m_engine.state().lastSeq > before || (m_engine.isForwarding() && !refusedNow);
    if (done)
        emit stepTaken();
    return done;
}

Result<Event> Cockpit::submit(Action action, const QCborMap& args) {
    Command c;
    c.action = action;
    c.args = args;
    return m_engine.submit(c);
}

namespace {

Id floorId(const SessionState& s) {
    return s.floor ? s.floor->entry.id : 0;
}

// A press within this long of another seat's change was decided on what was there before: no
// one sees, reads and reacts in less. Both moderators pressing "next" within it call one speaker,
// not two (the first called had a speech of some milliseconds, and vanished from the queue).
constexpr qint64 takingInMs = 1000;

} // namespace

void Cockpit::noteFloorChange(const Event& event, const SessionState& before) {
    if (floorId(before) == floorId(state()))
        return;
    if (m_engine.issuedHere(event.commandId)) {
        m_othersChangedAt = -1; // the moderator's own change is seen: they made it
        return;
    }
    // Of changes in quick succession, the moderator still has the first one's floor in mind.
    if (!takingInOthersChange())
        m_floorBeforeOthers = floorId(before);
    m_othersChangedAt = now();
}

// A clock set back (an NTP step, a new estimate of the host's) ends the second at once: counted
// as still within it, every press on the floor was refused for as long as the clock had jumped.
bool Cockpit::takingInOthersChange() const {
    const qint64 since = now() - m_othersChangedAt;
    return m_othersChangedAt >= 0 && since >= 0 && since < takingInMs;
}

Id Cockpit::floorAsSeen() const {
    return takingInOthersChange() ? m_floorBeforeOthers : floorId(state());
}

void Cockpit::noteTimerChanges(const Event& event, const SessionState& before) {
    for (const TimerId id : {TimerId::Session, TimerId::Segment, TimerId::Speaker}) {
        const Countdown* was = before.timer(id);
        const Countdown* is = state().timer(id);
        const bool ran = was && was->running;
        if (ran == (is && is->running))
            continue;
        TimerSeen& seen = m_timersSeen[id];
        if (m_engine.issuedHere(event.commandId)) {
            seen.changedAt = -1; // the moderator's own press: they see what it did
            continue;
        }
        const qint64 since = now() - seen.changedAt;
        if (seen.changedAt < 0 || since < 0 || since >= takingInMs)
            seen.running = ran; // of quick changes, the first one's state is still in mind
        seen.changedAt = now();
    }
}

bool Cockpit::runningAsSeen(TimerId timer) const {
    const Countdown* t = state().timer(timer);
    const auto seen = m_timersSeen.find(timer);
    if (seen != m_timersSeen.end() && seen->second.changedAt >= 0) {
        const qint64 since = now() - seen->second.changedAt;
        if (since >= 0 && since < takingInMs)
            return seen->second.running;
    }
    return t && t->running;
}

void Cockpit::dropRefusedUndo() {
    const auto* next = dynamic_cast<const SessionCommand*>(m_undo.command(m_undo.index()));
    if (next && next->undoRefused())
        m_undo.redo(); // which drops it, doing nothing (SessionCommand::redo)
    // A step the host refused stayed in Edit → Undo, where Ctrl+Z did nothing, without a word.
    const QUndoCommand* last = m_undo.command(m_undo.index() - 1);
    if (last && last->isObsolete())
        m_undo.undo(); // which drops it, doing nothing
    // QUndoStack (Qt 6.4) deletes a step that turns obsolete in redo() without a signal: Edit →
    // Redo went on naming it, and choosing it redid the step after it.
    emit m_undo.canUndoChanged(m_undo.canUndo());
    emit m_undo.undoTextChanged(m_undo.undoText());
    emit m_undo.canRedoChanged(m_undo.canRedo());
    emit m_undo.redoTextChanged(m_undo.redoText());
}

// "That timer is not running." said nothing of which step Ctrl+Z had tried. (Runs before the
// step's own handler, connected later, forgets the id.)
QString Cockpit::namingTheStep(const QString& commandId, const QString& reason) const {
    for (int i = 0; i < m_undo.count(); ++i) {
        const QUndoCommand* step = m_undo.command(i);
        for (int j = -1; j < step->childCount(); ++j) {
            const auto* part = dynamic_cast<const SessionCommand*>(j < 0 ? step : step->child(j));
            switch (part ? part->sent(commandId) : SessionCommand::Sent::No) {
            case SessionCommand::Sent::Undo:
                return tr("Could not undo “%1”: %2").arg(step->text(), reason);
            case SessionCommand::Sent::Redo:
                return tr("Could not redo “%1”: %2").arg(step->text(), reason);
            case SessionCommand::Sent::First:
                return reason;
            case SessionCommand::Sent::No:
                break;
            }
        }
    }
    return reason;
}

// A whole new state (another file, a resync from the host): old steps no longer apply. The same
// state again (Save As, which goes on in the copy) keeps them.
void Cockpit::keepOrClearUndo() {
    // A seat that takes over hosting goes on with the same session one epoch up: its steps still
    // apply (they were emptied, "after a break in the link").
    SessionState sameEpoch = m_engine.state();
    sameEpoch.epoch = m_stateSeen.epoch;
    if (!(sameEpoch == m_stateSeen)) {
        // Emptied without a word, the moderator found Undo greyed after a break in the link.
        // (Only for the same session taken again: not a file opened, nor a first join.)
        if (m_engine.isForwarding() && m_undo.count() > 0 &&
            m_engine.state().sessionId == m_stateSeen.sessionId)
            emit notice(tr("Edit → Undo was emptied: this seat took the host's whole session "
                           "after a break in the link, and the steps before it no longer apply."));
        forgetWaitingUndos(m_undo, m_engine);
        m_undo.clear();
    }
    m_stateSeen = m_engine.state();
}

void Cockpit::updateTicking() {
    beatToNextSecond(m_ticker, state(), now());
}

void Cockpit::setHostVotingPage(const QString& url) {
    m_hostVotingPage = url;
    updateVotingUrls();
}

void Cockpit::showVotingPageAt(const QString& url) {
    QSettings().setValue(shownVotingAddressSetting, QUrl(url).host());
    updateVotingUrls();
}

void Cockpit::setNetworkLookup(std::function<QStringList(const QHostAddress&)> lookup) {
    m_networkLookup = std::move(lookup);
    updateVotingUrls();
}

void Cockpit::updateVotingUrls() {
    QStringList urls;
    if (m_voting->isRunning()) {
        const QString shown = QSettings().value(shownVotingAddressSetting).toString();
        for (const QString& address : m_networkLookup(m_voting->address())) {
            const QString url = web::votingPageUrl(address, m_voting->port());
            if (address == shown)
                urls.prepend(url);
            else
                urls.append(url);
        }
    } else if (!m_hostVotingPage.isEmpty()) {
        urls << m_hostVotingPage;
    }
    if (urls == m_votingUrls)
        return;
    m_votingUrls = urls;
    emit votingPageUrlsChanged(urls);
}

} // namespace podium
