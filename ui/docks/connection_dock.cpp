#include "connection_dock.h"

#include "discovered_hosts.h"
#include "main_window.h"
#include "model/time_text.h"
#include "notes_dock.h"
#include "orphaned_events.h"
#include "quit_question.h"
#include "seat_session.h"
#include "session_files.h"
#include "store/recent_files.h"
#include "store/session_file.h"
#include "table_columns.h"
#include "theme/theme.h"
#include "voting_server.h"
#include "web_voting_row.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStatusBar>
#include <QSysInfo>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

// The address this machine last joined: the online moderator and the rapporteur usually join the
// same in-room laptop again, after a restart or at the next session in that room.
const QString lastHostKey = u"sync/lastHost"_s;
constexpr int sessionRole = Qt::UserRole + 1; // of a discovered host: the session it announces

// "host", "host:port" or "[v6]:port"; the default port when none is given.
sync::Endpoint parseAddress(QString text) {
    text = text.trimmed();
    sync::Endpoint e{text, sync::defaultSyncPort};
    const int colon = text.lastIndexOf(u':');
    const bool bracketed = text.startsWith(u'[');
    if (colon > 0 && (bracketed || text.count(u':') == 1)) {
        bool ok = false;
        const uint port = text.mid(colon + 1).toUInt(&ok);
        if (ok && port > 0 && port < 65536) {
            e.port = quint16(port);
            e.host = text.left(colon);
        }
    }
    if (e.host.startsWith(u'[') && e.host.endsWith(u']'))
        e.host = e.host.mid(1, e.host.size() - 2);
    return e;
}

QLabel* codeLabel() {
    auto* label = new QLabel;
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPixelSize(26);
    font.setBold(true);
    label->setFont(font);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

ConnectionDock::ConnectionDock(Cockpit& cockpit, QWidget* parent)
    : SessionDock(cockpit, u"connectionDock"_s, parent)
    , m_session(new SeatSession(cockpit.engine(), this))
    , m_discovered(new DiscoveredHosts(this)) {
    connect(m_discovered, &DiscoveredHosts::changed, this, &ConnectionDock::refreshDiscovered);
    // The room's voting page: told in this seat's beacons while it hosts, and the host's shown
    // here (on the audience display too) while this seat follows one.
    connect(&cockpit.voting(), &web::VotingServer::runningChanged, this, [this](bool running) {
        m_session->setVotingPort(running ? this->cockpit().voting().port() : 0);
    });
    connect(m_discovered, &DiscoveredHosts::changed, this, &ConnectionDock::showHostVotingPage);
    connect(&cockpit.engine(), &SessionEngine::forwardingChanged, this,
            &ConnectionDock::showHostVotingPage);
    connect(&cockpit.engine(), &SessionEngine::stateReset, this,
            &ConnectionDock::showHostVotingPage); // the host's session, once it came
    // The others list this seat by its machine (beside the role the host gave it), not by an id
    // (it showed "f3ece1bf"). The role is not part of the name: a seat names itself before it
    // joins, and its code decides the role ("Moderator on vm" was listed as an online moderator).
    m_session->setSeatName(QSysInfo::machineHostName());
    // Another Podium on this machine may listen too: the beacon port is shared.
    m_discovered->listen();
    if (SessionFiles* files = cockpit.files()) {
        files->setHandover([dock = QPointer(this)](const QString& path) {
            return dock ? dock->m_session->releaseJoinedCopy(path) : nullptr;
        });
    }
    connect(m_session, &SeatSession::changed, this, &ConnectionDock::forgetOwnBeaconsOnceStopped);
    connect(m_session, &SeatSession::changed, this, &ConnectionDock::refresh);
    connect(m_session, &SeatSession::changed, this, &ConnectionDock::updateAlert);
    connect(m_session, &SeatSession::changed, this,
            [this] { this->cockpit().setShared(m_session->mode() != sync::Seat::Mode::Alone); });
    connect(m_session, &SeatSession::status, this, &ConnectionDock::updateAlert);
    // A joined session's own file is where this seat's notes go: offered in Open recent (and
    // opened at the next start), so that they are not thought lost after a restart.
    connect(m_session, &SeatSession::sessionFileChanged, this, [this](SessionFile* file) {
        // A join not yet in: its copy holds no session, or only this seat's own file's.
        if (!file || file->sessionId().isEmpty() ||
            (file == m_session->joinedCopy() && m_session->joinPending()))
            return;
        QSettings settings;
        RecentFiles(settings).add(QFileInfo(file->path()).absoluteFilePath());
    });
    connect(m_session, &SeatSession::status, this, [this](const QString& s) { showStatus(s); });
    connect(m_session, &SeatSession::seatLeft, this, &ConnectionDock::sayControlSeatLeft);
    connect(m_session, &SeatSession::seatJoined, this, &ConnectionDock::sayControlSeatBack);
    connect(m_session, &SeatSession::failed, this, [this](const QString& s) {
        m_failure = s;
        m_failureSession = this->cockpit().state().sessionId;
        showStatus(s, true);
        updateAlert();
    });
    connect(m_session, &SeatSession::orphaned, this, [this](const QList<Event>& events) {
        m_orphans = events;
        m_orphansTakenOn = this->cockpit().engine().state();
        showOrphans(window(), m_orphans, m_orphansTakenOn, this->cockpit().canControl());
        refresh();
    });
    buildWhenShown();
}

void ConnectionDock::build() {
    m_state = new QLabel;
    m_port = new QSpinBox;
    m_host = new QPushButton;
    m_stop = new QPushButton;
    m_takeOver = new QPushButton;
    m_showOrphans = new QPushButton;
    m_controlCaption = new QLabel;
    m_controlCode = codeLabel();
    m_readOnlyCaption = new QLabel;
    m_readOnlyCode = codeLabel();
    m_foundCaption = new QLabel;
    m_found = new QListWidget;
    m_address = new QLineEdit;
    m_code = new QLineEdit;
    m_join = new QPushButton;
    m_peers = new QTreeWidget;
    m_status = new QLabel;
    m_keptIn = new QLabel;
    m_state->setObjectName(u"connectionState"_s);
    m_keptIn->setObjectName(u"joinedCopyPath"_s);
    m_keptIn->setTextFormat(Qt::PlainText);
    m_keptIn->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A path has no spaces to wrap at: it must not widen the panel (whole in the tooltip).
    m_keptIn->setWordWrap(true);
    m_keptIn->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    // Machines' names and the host's words are shown as they come.
    m_state->setTextFormat(Qt::PlainText);
    m_status->setTextFormat(Qt::PlainText);
    m_host->setObjectName(u"hostButton"_s);
    m_stop->setObjectName(u"stopButton"_s);
    m_takeOver->setObjectName(u"takeOverButton"_s);
    m_showOrphans->setObjectName(u"showOrphansButton"_s);
    m_port->setObjectName(u"hostPort"_s);
    m_controlCode->setObjectName(u"controlCode"_s);
    m_readOnlyCode->setObjectName(u"readOnlyCode"_s);
    m_found->setObjectName(u"discoveredHosts"_s);
    m_address->setObjectName(u"joinAddress"_s);
    m_code->setObjectName(u"joinCode"_s);
    m_join->setObjectName(u"joinButton"_s);
    m_peers->setObjectName(u"peersView"_s);
    m_status->setObjectName(u"connectionStatus"_s);
    m_state->setWordWrap(true);
    m_status->setWordWrap(true);
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);
    m_address->setText(m_rejoinAddress.isEmpty() ? QSettings().value(lastHostKey).toString()
                                                 : m_rejoinAddress);
    m_code->setText(m_rejoinCode);
    m_port->setRange(1, 65535);
    m_port->setValue(m_hostedPort ? m_hostedPort : sync::defaultSyncPort);
    m_peers->setColumnCount(4);
    m_peers->setRootIsDecorated(false);
    m_peers->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_peers->header()->setStretchLastSection(false);

    auto* hostRow = new QHBoxLayout;
    hostRow->addWidget(m_port);
    hostRow->addWidget(m_host);
    hostRow->addWidget(m_stop);
    hostRow->addWidget(m_takeOver);
    hostRow->addStretch(1);
    auto* body = new QWidget;
    auto* layout = new QVBoxLayout(body);
    layout->addWidget(m_state);
    layout->addWidget(m_showOrphans, 0, Qt::AlignLeft);
    showOrphansButton(); // (hidden until there are any: it must not make the dock need room)
    layout->addLayout(hostRow);
    layout->addWidget(makeCodes());
    layout->addWidget(makeJoin());
    layout->addWidget(m_peers, 1);
    layout->addWidget(m_keptIn);
    showKeptIn(); // (hidden until joined: it must not make the dock need room)
    layout->addWidget(m_status);
    setWidget(body);

    connect(m_host, &QPushButton::clicked, this, &ConnectionDock::host);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        const sync::Seat* seat = m_session->seat();
        const bool hosting = seat && m_session->mode() == sync::Seat::Mode::Hosting;
        if (hosting && !confirmStopHosting(window(), int(seat->peers().size())))
            return;
        forgetOrphans();
        m_session->stop();
    });
    connect(m_takeOver, &QPushButton::clicked, this, &ConnectionDock::takeOver);
    connect(m_showOrphans, &QPushButton::clicked, this, [this] {
        showOrphans(window(), m_orphans, m_orphansTakenOn, this->cockpit().canControl());
    });
    connect(m_join, &QPushButton::clicked, this, [this] { join(); });
    connect(m_code, &QLineEdit::returnPressed, this, [this] { join(); });
    connect(m_address, &QLineEdit::returnPressed, m_code, qOverload<>(&QWidget::setFocus));
    // Picked by the user only: as the current item, the list's first host replaced the address
    // typed (or the host just left) when the list merely took the focus.
    connect(m_found, &QListWidget::itemClicked, this, &ConnectionDock::pickDiscovered);
    connect(m_found, &QListWidget::itemActivated, this, &ConnectionDock::pickDiscovered);
    showStatusLine();
}

QWidget* ConnectionDock::makeCodes() {
    m_codes = new QWidget;
    auto* form = new QFormLayout(m_codes);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_controlCaption, m_controlCode);
    form->addRow(m_readOnlyCaption, m_readOnlyCode);
    return m_codes;
}

QWidget* ConnectionDock::makeJoin() {
    m_joinBox = new QWidget;
    auto* column = new QVBoxLayout(m_joinBox);
    column->setContentsMargins(0, 0, 0, 0);
    m_found->setMaximumHeight(m_found->fontMetrics().height() * 5);
    m_found->setVisible(false);
    column->addWidget(m_foundCaption);
    column->addWidget(m_found);
    auto* row = new QHBoxLayout;
    row->addWidget(m_address, 2);
    row->addWidget(m_code, 2);
    row->addWidget(m_join);
    column->addLayout(row);
    return m_joinBox;
}

// Rebuilt without signals, so a host arriving or leaving never overwrites a typed address.
// The page of the host this seat follows, as that host's own beacons tell it: beacons are
// anyone's word, and one of another machine (a forger's, or a host gone since) put its address
// and code on the room's projector.
void ConnectionDock::showHostVotingPage() {
    const sync::Seat* seat = m_session->seat();
    // Where its link goes now: after a takeover, the seat that took over.
    const sync::Endpoint followed =
        seat && seat->syncPeer() ? seat->syncPeer()->currentHost() : m_session->joinedHost();
    const auto& heard = m_discovered->hosts();
    const auto host = std::find_if(heard.cbegin(), heard.cend(), [&](const auto& h) {
        const sync::Announcement& a = h.announcement;
        return a.votingPort != 0 && a.sessionId == cockpit().state().sessionId &&
               a.port == followed.port && a.address.isEqual(QHostAddress(followed.host));
    });
    const bool serves = cockpit().engine().isForwarding() && host != heard.cend();
    cockpit().setHostVotingPage(serves ? web::votingPageUrl(host->announcement.address.toString(),
                                                            host->announcement.votingPort)
                                       : QString());
}

void ConnectionDock::refreshDiscovered() {
    if (!isBuilt())
        return;
    const QSignalBlocker quiet(m_found);
    const QString picked =
        m_found->currentItem() ? m_found->currentItem()->data(Qt::UserRole).toString() : QString();
    m_found->clear();
    for (const DiscoveredHosts::Host& h : m_discovered->hosts()) {
        const sync::Announcement& a = h.announcement;
        const QString title = a.title.isEmpty() ? tr("Untitled session") : a.title;
        // Where the session this seat holds went on (a laptop restarted after another took
        // over): among sessions of like titles, the one to join.
        const bool thisSession = a.sessionId == cockpit().state().sessionId;
        auto* item =
            new QListWidgetItem(thisSession ? tr("%1 — %2 (this session)").arg(title, h.address())
                                            : tr("%1 — %2").arg(title, h.address()),
                                m_found);
        item->setData(Qt::UserRole, h.address());
        item->setData(sessionRole, a.sessionId);
        item->setToolTip(tr("Session %1, epoch %2").arg(a.sessionId.left(8)).arg(a.epoch));
        if (h.address() == picked)
            m_found->setCurrentItem(item);
    }
    joinWhereSessionWentOn();
    m_found->setVisible(m_found->count() > 0);
    m_foundCaption->setText(m_found->count() > 0
                                ? tr("Hosts on this network (pick one, or type an address):")
                                : tr("No host announces itself on this network; type its "
                                     "address."));
}

void ConnectionDock::forgetOwnBeaconsOnceStopped() {
    const sync::Seat* seat = m_session->seat();
    if (seat && m_session->mode() == sync::Seat::Mode::Hosting) {
        m_hostedAs = seat->syncHost()->sequencer();
    } else if (!m_hostedAs.isEmpty()) {
        m_discovered->forgetHostedBy(m_hostedAs);
        m_hostedAs.clear();
        m_controlSeatsGone.clear(); // they left the hosting that ended
    }
}

void ConnectionDock::pickDiscovered() {
    const QListWidgetItem* item = m_found->currentItem();
    if (!item)
        return;
    m_address->setText(item->data(Qt::UserRole).toString());
    // The host of this seat's own session (it went on elsewhere): the control code this file
    // kept still opens it. The in-room moderator had to read it off the other laptop, under
    // "Control code (online moderator)", which they did not take for theirs.
    const SessionFile* file = m_session->sessionFile();
    if (file && m_code->text().trimmed().isEmpty() &&
        item->data(sessionRole).toString() == file->sessionId()) {
        if (const auto kept = sync::keptCodes(*file)) {
            m_code->setText(kept->control);
            m_join->setFocus();
            return;
        }
    }
    m_code->setFocus();
}

bool ConnectionDock::host() {
    return hostAt(quint16(m_port->value()));
}

bool ConnectionDock::hostAt(quint16 port) {
    forgetOrphans();
    m_failure.clear();
    m_hostAgainFailed = false;
    showStatus({}); // an earlier failure's red line stayed under a hosting that went well
    if (auto hosted = m_session->host(port); !hosted) {
        m_hostError = hosted.error();
        showStatus(hosted.error(), true);
        return false;
    }
    m_port->setValue(m_session->seat()->syncHost()->port()); // the one taken, for a port of 0
    return true;
}

// Said in red on the window until the seat hosts or joins: a moderator whose laptop could not
// host again after a restart carried on alone, on clocks no other seat saw.
void ConnectionDock::sayCouldNotHostAgain() {
    m_failure = tr("Podium stopped while this laptop hosted the session, and could not host it "
                   "again (%1). No other seat sees what is done here: if another seat went on "
                   "hosting it, join it (Connection lists it as \"this session\", with its code); "
                   "otherwise host again there.")
                    .arg(m_hostError);
    m_failureSession = cockpit().state().sessionId;
    m_hostAgainFailed = true;
    m_seqWhenHostAgainFailed = cockpit().state().lastSeq;
    updateAlert();
    joinWhereSessionWentOn();
}

// It could not host its session again after a restart (its port taken), and went on alone with
// every control live, on clocks no other seat saw: a host announcing that session is where it
// went on, and the control code this file kept opens it, as picking it would. (A laptop that
// hosted again on its port gives way to it by itself.)
// Not once the moderator acted here alone: going on alone is then their choice, and the red line
// says where the session went on.
void ConnectionDock::joinWhereSessionWentOn() {
    if (!m_hostAgainFailed || m_session->mode() != sync::Seat::Mode::Alone ||
        cockpit().state().lastSeq != m_seqWhenHostAgainFailed)
        return;
    const SessionFile* file = m_session->sessionFile();
    const auto kept = file ? sync::keptCodes(*file) : std::nullopt;
    if (!kept || file->sessionId() != m_failureSession)
        return;
    // Two hosts of it (a split): the one the seats follow, as hosts that meet decide.
    const DiscoveredHosts::Host* leading = nullptr;
    for (const DiscoveredHosts::Host& h : m_discovered->hosts()) {
        if (h.announcement.sessionId == file->sessionId() &&
            (!leading || h.announcement.rank().leads(leading->announcement.rank())))
            leading = &h;
    }
    if (!leading)
        return;
    m_hostAgainFailed = false; // once: a join that fails says why, and is not tried again
    const QString address = leading->address();
    if (joinHost(address, kept->control))
        showStatus(tr("This laptop could not host the session again, and joins the seat at %1 "
                      "that went on hosting it.")
                       .arg(address),
                   false);
}

// Started from elsewhere (the command line, a restart), a failure in red in a panel that is a
// hidden tab went unseen.
bool ConnectionDock::broughtForward(bool started) {
    if (!started) {
        show();
        raise();
    }
    return started;
}

bool ConnectionDock::hostOn(quint16 port) {
    ensureBuilt();
    if (port != 0) // the box takes no 0 ("any"): it shows the port taken once hosting
        m_port->setValue(port);
    return broughtForward(hostAt(port));
}

bool ConnectionDock::joinHost(const QString& address, const QString& code, quint16 takeoverPort) {
    ensureBuilt();
    m_address->setText(address);
    m_code->setText(code);
    return broughtForward(join(takeoverPort));
}

// The other seats look for a seat that takes over on the port it told the host when it joined:
// the port box shows it from then on, and a takeover hosts there.
bool ConnectionDock::join(quint16 takeoverPort) {
    if (m_address->text().trimmed().isEmpty() || m_code->text().trimmed().isEmpty()) {
        showStatus(tr("Type the host's address and one of its join codes."), true);
        return false;
    }
    forgetOrphans();
    m_failure.clear();
    m_hostAgainFailed = false;
    showStatus({});
    const sync::Endpoint host = parseAddress(m_address->text());
    m_port->setValue(takeoverPort ? takeoverPort : host.port);
    const Seat before = cockpit().seat(); // the host gives this seat another
    if (auto joined = m_session->join(host, m_code->text(), quint16(m_port->value())); !joined) {
        showStatus(joined.error(), true);
        return false;
    }
    if (!m_seatBeforeCopy)
        m_seatBeforeCopy = before;
    QSettings().setValue(lastHostKey, m_address->text().trimmed());
    return true;
}

void ConnectionDock::takeOver() {
    const quint16 port = quint16(m_port->value());
    const sync::SyncPeer* peer = m_session->seat() ? m_session->seat()->syncPeer() : nullptr;
    const quint16 told = peer ? peer->takeoverPort() : 0;
    auto taken = m_session->takeOver(port);
    if (!taken)
        return showStatus(taken.error(), true);
    // The others look for this seat where it told them it would host: on another port (the one
    // told was busy, say) they do not find it by themselves.
    if (told != 0 && port != told)
        return showStatus(tr("The other seats look for this seat on port %1, not %2: they find "
                             "it only if they hear its announcements on the LAN. If they do not "
                             "come back, give them this address to join.")
                              .arg(told)
                              .arg(port),
                          true);
    showStatus({}, false); // the old link's last words ("not connected") no longer apply
}

// What the previous file brought (a joined copy's seat and host, a hosted file's port) goes
// with it: a moderator who looked at a rapporteur's copy and reopened their own file was left a
// rapporteur, with the copy's red line.
void ConnectionDock::takeUpFile(const SessionFile* file) {
    forgetOrphans();
    if (m_session->mode() != sync::Seat::Mode::Alone)
        return updateAlert(); // Save As while sharing: the same session goes on, its port too
    m_rejoinAddress.clear();
    m_rejoinCode.clear();
    m_hostedPort = 0;
    // Said of the session before (it could not host it again, say): not of this one.
    if (!file || file->sessionId() != m_failureSession)
        m_failure.clear();
    if (m_seatBeforeCopy)
        cockpit().setSeat(*std::exchange(m_seatBeforeCopy, std::nullopt));
    if (!file)
        return updateAlert();
    takeUpJoinedCopy(joinedCopyOf(*file));
    if (sync::wasHosted(*file)) {
        // The online moderator's laptop that took over hosting, restarted, came back as the
        // in-room moderator: the room's panels and title, its newcomers onsite, beside the
        // in-room moderator's own laptop. It hosts again as the seat it was.
        if (sync::hostedAs(*file) == Authority::OnlineModerator)
            takeUpSeat(Seat::OnlineModerator);
        takeUpHostedCopy(sync::hostedPort(*file) ? sync::hostedPort(*file) : sync::defaultSyncPort);
    }
    updateAlert();
}

// The seat the file was worked on as, until another file is opened.
void ConnectionDock::takeUpSeat(Seat seat) {
    if (!m_seatBeforeCopy)
        m_seatBeforeCopy = cockpit().seat();
    cockpit().setSeat(seat);
}

void ConnectionDock::takeUpJoinedCopy(const JoinedCopy& copy) {
    const std::optional<Seat> seat = seatNamed(copy.seat);
    if (!seat || m_session->mode() != sync::Seat::Mode::Alone)
        return;
    takeUpSeat(*seat);
    m_rejoinAddress = copy.from;
    m_rejoinCode = copy.code;
    if (m_address) {
        m_address->setText(copy.from);
        m_code->setText(copy.code);
    }
    const QString text =
        copy.code.isEmpty()
            ? tr("This is your copy of the session you joined at %1 as %2. It no longer follows "
                 "the session: join again, with the code, to follow it.")
                  .arg(copy.from, seatLabel(*seat))
            : tr("This is your copy of the session you joined at %1 as %2. It no longer follows "
                 "the session: press Join to follow it again.")
                  .arg(copy.from, seatLabel(*seat));
    showStatus(text, true);
    updateAlert();
}

// The last run that had this file open was hosting it: the same port is offered, and the
// moderator learns that hosting again brings back the seats still trying to reach it.
void ConnectionDock::takeUpHostedCopy(quint16 port) {
    if (m_session->mode() != sync::Seat::Mode::Alone)
        return;
    m_hostedPort = port;
    if (m_port)
        m_port->setValue(port);
    showStatus(tr("This session was hosted on port %1 when Podium last stopped. Host it again: "
                  "with the same codes, the seats still trying come back by themselves.")
                   .arg(port),
               false);
}

quint16 ConnectionDock::offeredPort() const {
    return m_hostedPort ? m_hostedPort : sync::defaultSyncPort;
}

// What the moderator does next (host, join, stop, another file) puts the last orphans behind:
// shown after it, they stood against a session they were no part of.
void ConnectionDock::forgetOrphans() {
    m_orphans.clear();
    if (isBuilt())
        showOrphansButton();
}

// The online moderator's laptop dropped out: the in-room moderator learnt it only from this panel,
// behind a tab, while nobody took in the online participants.
namespace {

QString seatCalled(const sync::PeerInfo& seat) {
    return seat.name + u'\n' + key(seat.role);
}

} // namespace

// (Not `podium ctl`, a script's one command: "The online moderator seat on ctl left the session:
// closed by its user" came at each.)
void ConnectionDock::sayControlSeatLeft(const sync::PeerInfo& seat, const QString& reason) {
    if (seat.role == Authority::ReadOnly || seat.isCtl)
        return;
    m_controlSeatsGone.insert(seatCalled(seat));
    emit cockpit().info(tr("The %1 seat on %2 left the session: %3.")
                            .arg(peerLabel(seat).toLower(), seat.name, reason));
}

// Back after a freeze or a lost link, most often within seconds: the line said it had left for
// as long as it stayed. Known by its name and role, not its instance, which a laptop restarted
// after a crash draws anew.
void ConnectionDock::sayControlSeatBack(const sync::PeerInfo& seat) {
    if (!m_controlSeatsGone.remove(seatCalled(seat)))
        return;
    emit cockpit().info(
        tr("The %1 seat on %2 is back in the session.").arg(peerLabel(seat).toLower(), seat.name));
}

void ConnectionDock::showOrphansButton() {
    m_showOrphans->setVisible(!m_orphans.isEmpty());
    m_showOrphans->setText(m_orphans.size() == 1
                               ? tr("1 action not in the shared session…")
                               : tr("%1 actions not in the shared session…").arg(m_orphans.size()));
}

namespace {

bool hostSaidItStopped(const sync::SyncPeer& peer) {
    return peer.trouble() == sync::SyncPeer::Trouble::HostStopped ||
           peer.trouble() == sync::SyncPeer::Trouble::HostDisconnected;
}

bool notForHostAbsence(const sync::SyncPeer& peer) {
    return peer.trouble() == sync::SyncPeer::Trouble::CannotKeepEvents ||
           peer.trouble() == sync::SyncPeer::Trouble::CodeRefused;
}

} // namespace

// Not live, with the host's address answering or this laptop's disk at fault: "the host is out of
// reach" made moderators take over from a host that still ran.
QString ConnectionDock::notReachingHost(const sync::SyncPeer& peer) {
    if (peer.trouble() == sync::SyncPeer::Trouble::CannotKeepEvents)
        return tr("This laptop could not save the session's latest events (%1), so it shows the "
                  "session as it was and does not send your actions. It tries again by itself: "
                  "free some space.")
            .arg(peer.troubleDetail());
    if (peer.role() == Authority::ReadOnly)
        return tr("The host's address answers, but no longer accepts this seat's join code: the "
                  "host may have started anew (ask for the code it shows now and join again), or "
                  "another session took its place (then the online moderator may take over).");
    return tr("The host's address answers, but no longer accepts this seat's join code: the host "
              "may have started anew (ask for the code it shows now and join again), or another "
              "session took its place (then take over hosting).");
}

// The host quit, or stopped hosting, and said so: "out of reach" read as a crash, or the network.
// A quit keeps the session's codes, Disconnect ends them: the seat rejoins by itself after the
// one, and needs the new code after the other.
QString ConnectionDock::hostStopped(const sync::SyncPeer& peer, bool atFoot) const {
    const QString at = peer.lastHeardAt() ? shortTime(QLocale(), *peer.lastHeardAt()) : QString();
    const bool codesEnded = peer.trouble() == sync::SyncPeer::Trouble::HostDisconnected;
    const QString stopped =
        codesEnded
            ? tr("The host stopped hosting at %1 (Disconnect was pressed there): hosting again "
                 "gives new join codes, so ask for the one it then shows and join again.")
                  .arg(at)
            : tr("The host stopped hosting at %1 (Podium quit there): this seat joins again by "
                 "itself once it hosts again.")
                  .arg(at);
    if (peer.role() == Authority::ReadOnly)
        return tr("%1 Until then this seat shows the session as it was.").arg(stopped);
    if (atFoot && m_session->mayTakeOver())
        return tr("%1 Until then your actions are refused. Not coming back? Take over hosting in "
                  "Connection.")
            .arg(stopped);
    return tr("%1 Until then your actions are refused, not kept to send later.").arg(stopped);
}

// Never reached at an address typed anew: "the host is out of reach … Take over hosting" had a
// moderator host the session a second time over a mistyped port.
QString ConnectionDock::notReachedYet(const sync::SyncPeer& peer) const {
    return tr("Nothing answers as this session's host at %1 (%2). Check the address and port the "
              "host's Connection panel shows; this seat keeps trying.")
        .arg(m_session->joinedFrom(), peer.troubleDetail());
}

QString ConnectionDock::alert() const {
    using Mode = sync::Seat::Mode;
    const Mode mode = m_session->mode();
    // Until the next join or hosting: the cockpit looked like a session of its own after a wrong
    // --code, with the refusal only in this panel, behind a tab.
    if (!m_failure.isEmpty() && mode == Mode::Alone)
        return m_failure;
    if (mode == Mode::Joined) {
        const sync::SyncPeer* peer = m_session->seat()->syncPeer();
        if (peer && peer->state() == sync::SyncPeer::State::Reconnecting &&
            notForHostAbsence(*peer))
            return notReachingHost(*peer);
        if (peer && peer->state() == sync::SyncPeer::State::Reconnecting &&
            hostSaidItStopped(*peer))
            return hostStopped(*peer, true);
        if (peer && peer->state() == sync::SyncPeer::State::Reconnecting)
            return !m_session->hostKnown()
                       ? tr("Nothing answers as this session's host at %1 yet: check the address "
                            "(see Connection).")
                             .arg(m_session->joinedFrom())
                   : peer->role() == Authority::ReadOnly
                       ? tr("The host is out of reach: reconnecting. This seat shows the session "
                            "as it was until then (see Connection).")
                       : (m_session->mayTakeOver()
                              // The offer was only in the panel, a tab behind another.
                              ? tr("The host is out of reach: reconnecting. Until it is back, your "
                                   "actions are refused, not kept to send later. Gone for good? "
                                   "Take "
                                   "over hosting in Connection.")
                              : tr("The host is out of reach: reconnecting. Until it is back, your "
                                   "actions are refused, not kept to send later (see "
                                   "Connection).")) +
                             stillUnanswered(*peer);
    }
    if (const QString from = copyNotFollowing(); !from.isEmpty())
        return tr("Your copy of the session joined at %1: it does not follow the session. Join "
                  "again in Connection.")
            .arg(from);
    return {};
}

// A press sent as the host froze (a closed lid, SIGSTOP) reached its socket: the host did it
// when it woke, seconds later, while this line said actions were refused. The moderator, who
// took the press for lost, pressed again and gave the speaker a minute more.
QString ConnectionDock::stillUnanswered(const sync::SyncPeer& peer) const {
    const QStringList sent = peer.unansweredActions();
    if (sent.isEmpty())
        return {};
    return u" "_s + tr("Sent just before, and not answered yet: %1. The host may still do it "
                       "when it is back: wait for it before doing it again.")
                        .arg(sent.join(u"; "_s));
}

QString ConnectionDock::copyNotFollowing() const {
    const SessionFile* file = m_session->sessionFile();
    const JoinedCopy copy = file ? joinedCopyOf(*file) : JoinedCopy{};
    return m_session->mode() == sync::Seat::Mode::Alone && !copy.seat.isEmpty() ? copy.from
                                                                                : QString();
}

std::optional<bool> ConnectionDock::joinedLinkLive() const {
    const sync::SyncPeer* peer =
        m_session->mode() == sync::Seat::Mode::Joined ? m_session->seat()->syncPeer() : nullptr;
    return peer ? std::optional(peer->state() == sync::SyncPeer::State::Live) : std::nullopt;
}

bool ConnectionDock::hostOutOfReach() const {
    return joinedLinkLive() == false;
}

std::optional<qint64> ConnectionDock::hostLastHeardAt() const {
    const sync::SyncPeer* peer =
        m_session->mode() == sync::Seat::Mode::Joined ? m_session->seat()->syncPeer() : nullptr;
    return peer ? peer->lastHeardAt() : std::nullopt;
}

bool ConnectionDock::followingHost() const {
    return joinedLinkLive() == true;
}

void ConnectionDock::updateAlert() {
    emit linkChanged();
    const QString now = alert();
    if (now == m_alert)
        return;
    m_alert = now;
    emit alertChanged(now);
}

// Kept until the widgets are made, when the dock waits for its first showing.
void ConnectionDock::showStatus(const QString& text, bool problem) {
    m_statusText = text;
    m_statusIsProblem = problem;
    if (!isBuilt())
        return;
    showStatusLine();
    refresh();
}

// The venue's Wi-Fi gone, the line said "Hosting on port 47600. Give each seat this address":
// there was none to give, and nothing said the others could not reach this laptop.
QString ConnectionDock::hostingLine(const QStringList& lanAddresses, quint16 port, bool tookOver) {
    if (lanAddresses.isEmpty())
        return tr("Hosting on port %1, but this laptop is on no network: the other seats reach it "
                  "once it is on theirs. This seat goes on meanwhile.")
            .arg(port);
    QStringList withPort;
    for (const QString& address : lanAddresses)
        withPort << u"%1:%2"_s.arg(address).arg(port);
    const QString where = withPort.join(u", "_s);
    return tookOver ? tr("Hosting on %1 in place of the host that left: the codes it gave still "
                         "work.")
                          .arg(where)
                    : tr("Hosting on %1. Give each seat this address and its code.").arg(where);
}

void ConnectionDock::showHostingLine() {
    const sync::Seat* seat = m_session->seat();
    if (!isBuilt() || m_session->mode() != sync::Seat::Mode::Hosting)
        return;
    m_state->setText(hostingLine(sync::addressesOnLan(seat->syncHost()->address()),
                                 seat->syncHost()->port(), seat->tookOver()));
}

void ConnectionDock::showStatusLine() {
    m_status->setText(m_statusText);
    showAsProblem(m_status, m_statusIsProblem);
}

void ConnectionDock::refresh() {
    if (!isBuilt())
        return;
    using Mode = sync::Seat::Mode;
    const sync::Seat* seat = m_session->seat();
    const Mode mode = m_session->mode();
    switch (mode) {
    case Mode::Alone:
        m_state->setText(tr("Not connected: this seat works on its own."));
        break;
    case Mode::Hosting:
        showHostingLine();
        break;
    case Mode::Joined: {
        const sync::SyncPeer* peer = seat->syncPeer();
        const bool live = peer->state() == sync::SyncPeer::State::Live;
        const qint64 rtt = peer->rttMs();
        // With the host gone, the top line says so (it kept "Joined …, 0 ms away").
        m_state->setText(live ? tr("Joined %1:%2 as %3%4")
                                    .arg(peer->currentHost().host)
                                    .arg(peer->currentHost().port)
                                    .arg(seatLabel(seatFor(peer->role())))
                                    .arg(rtt >= 0 ? tr(", %1 ms away").arg(rtt) : QString())
                         : notForHostAbsence(*peer) ? notReachingHost(*peer)
                         : hostSaidItStopped(*peer) ? hostStopped(*peer, false)
                         : peer->trouble() == sync::SyncPeer::Trouble::None
                             ? tr("Joining %1…").arg(m_session->joinedFrom())
                         : !m_session->hostKnown() ? notReachedYet(*peer)
                         : peer->role() == Authority::ReadOnly
                             ? tr("The host is out of reach: reconnecting by itself. Until "
                                  "then this seat shows the session as it was.")
                             : tr("The host is out of reach: reconnecting by itself. Until "
                                  "then this seat's actions are refused, not kept to send "
                                  "later."));
        showAsProblem(m_state, !live);
        break;
    }
    }
    if (mode != Mode::Joined)
        showAsProblem(m_state, false);
    showKeptIn();
    showOrphansButton();
    // A seat that took over from an older Podium was told only the keys: no code to show.
    m_codes->setVisible(mode == Mode::Hosting && !seat->controlCode().isEmpty());
    if (mode == Mode::Hosting) {
        m_controlCode->setText(seat->controlCode());
        m_readOnlyCode->setText(seat->readOnlyCode().isEmpty() ? tr("(the host's, not known here)")
                                                               : seat->readOnlyCode());
    }
    refreshPeers();
    updateControls();
}

// The rapporteur looked for the file to export a report from, or to send, and found its folder
// only by searching the disk.
void ConnectionDock::showKeptIn() {
    const SessionFile* copy =
        m_session->mode() == sync::Seat::Mode::Joined ? m_session->joinedCopy() : nullptr;
    m_keptIn->setVisible(copy);
    if (!copy)
        return;
    const QFileInfo file(copy->path());
    const QString text = tr("This seat's copy of the session: %1, in %2")
                             .arg(file.fileName(), QDir::toNativeSeparators(file.absolutePath()));
    m_keptIn->setText(text);
    m_keptIn->setToolTip(QDir::toNativeSeparators(file.absoluteFilePath()));
}

void ConnectionDock::refreshPeers() {
    m_peers->clear();
    if (!m_session->seat())
        return;
    const sync::SyncPeer* peer = m_session->seat()->syncPeer();
    if (peer && peer->state() != sync::SyncPeer::State::Live)
        return; // the host's last list is out of date: its links may be as gone as ours
    // The host's list is of the seats joined to it: the rapporteur saw the online moderator's
    // laptop and its own, never the host's.
    if (peer)
        addPeerRow(peer->hostName(), tr("Host"), sync::addressOf(peer->currentHost()),
                   peer->rttMs());
    for (const sync::PeerInfo& p : m_session->seat()->peers()) {
        const QString name = p.name.isEmpty() ? p.instance.left(8) : p.name;
        // Named as the line above names it ("Joined … as Rapporteur"): it read "Read-only" here,
        // among rows that all had the laptop's name when two seats shared one.
        const bool self = p.instance == m_session->seat()->instanceId();
        addPeerRow(self ? tr("%1 (this seat)").arg(name) : name,
                   self ? seatLabel(seatFor(p.role)) : peerLabel(p), p.address, p.rttMs);
    }
}

void ConnectionDock::addPeerRow(const QString& name, const QString& role, const QString& address,
                                qint64 rttMs) {
    auto* item = new QTreeWidgetItem(m_peers);
    item->setText(0, name);
    item->setText(1, role);
    item->setText(2, address);
    item->setText(3, rttMs >= 0 ? tr("%1 ms").arg(rttMs) : tr("—"));
}

// A window joined read-only is the rapporteur's; the host listed it as "Read-only", like a
// script's.
QString ConnectionDock::peerLabel(const sync::PeerInfo& p) {
    return p.role == Authority::ReadOnly && p.isCockpit ? seatLabel(Seat::Rapporteur)
                                                        : label(p.role);
}

void ConnectionDock::updateControls() {
    using Mode = sync::Seat::Mode;
    const Mode mode = m_session->mode();
    // A read-only seat hosting would hand itself control: the rapporteur only joins.
    const bool mayHost = cockpit().seat() != Seat::Rapporteur || mode != Mode::Alone;
    m_host->setVisible(mode == Mode::Alone);
    m_host->setEnabled(mayHost);
    const bool mayTakeOver = m_session->mayTakeOver();
    m_port->setEnabled(mode == Mode::Alone || mayTakeOver); // the port a takeover hosts on
    m_stop->setVisible(mode != Mode::Alone);
    m_joinBox->setVisible(mode == Mode::Alone);
    m_takeOver->setVisible(mayTakeOver);
}

QString ConnectionDock::title() const {
    return tr("Connection");
}

void ConnectionDock::retranslate() {
    m_address->setAccessibleName(tr("Host address"));
    m_code->setAccessibleName(tr("Join code"));
    m_port->setAccessibleName(tr("Port"));
    m_peers->setAccessibleName(tr("Seats"));
    m_host->setText(tr("Host this session"));
    m_stop->setText(tr("Disconnect"));
    m_takeOver->setText(tr("Take over hosting"));
    m_takeOver->setToolTip(tr("The host is gone: host the session from this seat's copy, on "
                              "the port above. The other seats find it on their own."));
    m_controlCaption->setText(tr("Control code\n(online moderator)"));
    m_readOnlyCaption->setText(tr("Read-only code\n(rapporteur, displays)"));
    m_address->setPlaceholderText(
        tr("Host address, e.g. 192.168.1.20:%1").arg(sync::defaultSyncPort));
    m_code->setPlaceholderText(tr("Join code"));
    m_join->setText(tr("Join"));
    m_peers->setHeaderLabels({tr("Machine"), tr("Role"), tr("Address"), tr("Latency")});
    sizeColumnsToLabels(
        m_peers,
        {{1, labelsOf<Authority>()}, {2, {u"255.255.255.255"_s}}, {3, {tr("%1 ms").arg(9999)}}});
    refreshDiscovered();
    refresh();
    // The laptop joins the venue's network, or loses it, while it hosts: the address to give
    // changes with it.
    auto* addressWatch = new QTimer(this);
    connect(addressWatch, &QTimer::timeout, this, &ConnectionDock::showHostingLine);
    addressWatch->start(15'000);
}

void attachConnection(MainWindow& window, SessionFile* file) {
    auto* connection = qobject_cast<ConnectionDock*>(window.dock(u"connectionDock"_s));
    if (!connection)
        return;
    SeatSession* seat = &connection->seatSession();
    seat->setSessionFile(file);
    connection->takeUpFile(file);
    if (auto* voting = window.findChild<WebVotingRow*>()) {
        voting->setSessionFile(file);
        QObject::connect(seat, &SeatSession::sessionFileChanged, voting,
                         &WebVotingRow::setSessionFile, Qt::UniqueConnection);
    }
    if (auto* notes = qobject_cast<NotesDock*>(window.dock(u"notesDock"_s)))
        QObject::connect(seat, &SeatSession::sessionFileChanged, notes, &NotesDock::setSessionFile,
                         Qt::UniqueConnection);
}

void resumeAfterCrash(MainWindow& window, SessionFile* file) {
    auto* connection = qobject_cast<ConnectionDock*>(window.dock(u"connectionDock"_s));
    if (!connection || !file || !file->wasLeftOpen())
        return;
    if (const JoinedCopy copy = joinedCopyOf(*file); copy.following && !copy.code.isEmpty()) {
        if (!connection->joinHost(copy.from, copy.code))
            return;
        window.statusBar()->showMessage(
            ConnectionDock::tr("Podium stopped while this seat followed the session: it joins "
                               "again, at %1.")
                .arg(copy.from),
            15000);
        return;
    }
    if (auto* voting = window.findChild<WebVotingRow*>())
        voting->resumeAfterCrash(*file);
    if (!sync::wasHosted(*file))
        return;
    if (!connection->hostOn(connection->offeredPort())) {
        connection->sayCouldNotHostAgain();
        window.statusBar()->showMessage(
            ConnectionDock::tr("Podium stopped while it hosted this session, and could not host "
                               "it again: the Connection panel says why."),
            15000);
        return;
    }
    window.statusBar()->showMessage(
        ConnectionDock::tr("Podium stopped while it hosted this session: it hosts it again, with "
                           "the same codes, and the seats come back by themselves."),
        15000);
    // Giving way at once to a host that went on meanwhile, it no longer hosts: the line went on
    // saying so for its 15 s. (Only for those 15 s: later, it would clear another line.)
    const QMetaObject::Connection clear =
        QObject::connect(&connection->seatSession(), &SeatSession::gaveWay, window.statusBar(),
                         &QStatusBar::clearMessage, Qt::SingleShotConnection);
    QTimer::singleShot(15000, window.statusBar(), [clear] { QObject::disconnect(clear); });
}

} // namespace podium
