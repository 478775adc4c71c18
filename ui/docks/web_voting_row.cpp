#include "web_voting_row.h"

#include "ballot_box.h"
#include "cockpit.h"
#include "seat_session.h"
#include "store/session_file.h"
#include "voting_server.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDebug>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>
#include <utility>

using namespace Qt::StringLiterals;

namespace podium {

namespace {
const QString votingPortKey = u"web_voting_port"_s;
const QString portSetting = u"webVoting/port"_s;
const QString votesPerAddressSetting = u"webVoting/votesPerAddress"_s;
} // namespace

WebVotingRow::WebVotingRow(Cockpit& cockpit, QWidget* beside, QWidget* parent)
    : QWidget(parent)
    , m_cockpit(cockpit)
    , m_toggle(new QCheckBox)
    , m_status(new QLabel)
    , m_shownRow(new QWidget)
    , m_shownLabel(new QLabel)
    , m_shownAt(new QComboBox) {
    m_toggle->setObjectName(u"webVotingToggle"_s);
    m_status->setObjectName(u"webVotingStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_shownAt->setObjectName(u"webVotingShownAt"_s);
    m_shownLabel->setBuddy(m_shownAt);
    auto* line = new QHBoxLayout;
    line->addWidget(beside);
    line->addStretch();
    line->addWidget(m_toggle);
    auto* shown = new QHBoxLayout(m_shownRow);
    shown->setContentsMargins(0, 0, 0, 0);
    shown->addWidget(m_shownLabel);
    shown->addWidget(m_shownAt);
    shown->addStretch();
    m_shownRow->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(line);
    layout->addWidget(m_status);
    layout->addWidget(m_shownRow);
    connect(m_shownAt, &QComboBox::activated, this,
            [this](int index) { m_cockpit.showVotingPageAt(m_shownAt->itemText(index)); });

    web::VotingServer& voting = cockpit.voting();
    connect(m_toggle, &QCheckBox::toggled, this, &WebVotingRow::setRunning);
    connect(&voting, &web::VotingServer::runningChanged, this, [this](bool running) {
        const QSignalBlocker quiet(m_toggle);
        m_toggle->setChecked(running);
        showStatus();
    });
    connect(&cockpit, &Cockpit::votingPageUrlsChanged, this, [this](const QStringList& urls) {
        if (m_cockpit.engine().isForwarding())
            m_hostPageSeen = urls.value(0);
        showStatus();
    });
    connect(&voting, &web::VotingServer::voteCounted, this, &WebVotingRow::showStatus);
    connect(&voting, &web::VotingServer::voteRefused, this, &WebVotingRow::showStatus);
    // Joined to a host, this laptop's page would count nothing: the host's does.
    connect(&voting, &web::VotingServer::stoppedForHost, this, [this] {
        recordPortInFile(0);
        m_problem = tr("Web voting stopped: this laptop now follows the session's host. Votes "
                       "count only on the host's own page, which its moderator turns on there.");
        showStatus();
    });
    // After the page's own forgetting of the last session (connected before, with the Cockpit).
    connect(&cockpit.engine(), &SessionEngine::stateReset, this, &WebVotingRow::recallBallots);
    connect(&cockpit.engine(), &SessionEngine::forwardingChanged, this, [this](bool forwarding) {
        if (!forwarding)
            sayIfTheRoomWasVoting();
        updateControls();
    });
    retranslate();
}

void WebVotingRow::retranslate() {
    m_toggle->setText(tr("Let the room vote on their phones"));
    m_toggle->setAccessibleName(m_toggle->text());
    m_shownLabel->setText(tr("The audience display shows:"));
    m_shownAt->setToolTip(tr("The address whose code the audience display shows: the one on the "
                             "network the room's phones are on."));
    updateControls();
}

void WebVotingRow::updateControls() {
    m_toggle->setVisible(m_cockpit.canControl()); // the totals beside it stay
    const bool follows = m_cockpit.engine().isForwarding();
    m_toggle->setEnabled(!follows);
    m_toggle->setToolTip(follows ? tr("The host's laptop runs the voting page: its moderator "
                                      "turns it on there.")
                                 : tr("Phones on this laptop's network open a page to vote in the "
                                      "open poll. Their votes go to the Web column, one per "
                                      "phone."));
    showStatus();
}

// This seat no longer follows a host (it took over, or went on alone) whose beacons told of its
// voting page: the page went with the host, nothing here said so, and the phones got nowhere.
void WebVotingRow::sayIfTheRoomWasVoting() {
    const QString hostPage = std::exchange(m_hostPageSeen, QString());
    if (hostPage.isEmpty() || !web::pollOpenForVoting(m_cockpit.state()) ||
        m_cockpit.voting().isRunning() || !m_cockpit.canControl())
        return;
    m_problem = tr("The room was voting on phones at the host's page (%1), which this laptop no "
                   "longer follows: tick the box to serve the page from here. Its address is "
                   "new.")
                    .arg(hostPage);
    showStatus();
}

void WebVotingRow::setRunning(bool on) {
    if (!on) {
        m_problem.clear();
        m_cockpit.voting().stop();
        recordPortInFile(0);
        showStatus();
        return;
    }
    // Where it last ran, as the phones and the audience display's code knew it; a setting, for
    // a venue where another program holds the usual port (and for tests).
    start(quint16(QSettings().value(portSetting, web::defaultVotingPort).toUInt()));
}

void WebVotingRow::start(quint16 port) {
    m_problem.clear();
    if (m_file && m_file->isReadOnly()) {
        m_problem = tr("The voting page cannot count votes in a session that is open for viewing "
                       "only: %1")
                        .arg(m_file->readOnlyReason());
        const QSignalBlocker quiet(m_toggle);
        m_toggle->setChecked(false);
        return showStatus();
    }
    // For a venue whose phones reach this laptop through one address (docs/WEB_VOTING.md).
    m_cockpit.voting().setVotesPerAddress(
        QSettings().value(votesPerAddressSetting, web::BallotBox::defaultVotesPerAddress).toInt());
    // Who voted before a crash, or before the page was turned off and on.
    const auto log = m_file ? m_file->events() : Result<QList<Event>>(QList<Event>());
    if (const auto started =
            m_cockpit.voting().start(port, m_bindAddress, log ? *log : QList<Event>());
        !started) {
        m_problem = started.error();
        const QSignalBlocker quiet(m_toggle);
        m_toggle->setChecked(false);
    } else {
        recordPortInFile(*started);
        if (port != 0) // a port taken at random is not asked for again
            QSettings().setValue(portSetting, port);
    }
    showStatus();
}

void WebVotingRow::setSessionFile(SessionFile* file) {
    m_file = file;
    m_portBeforeCrash =
        file && file->wasLeftOpen() ? quint16(file->metadata(votingPortKey).toUInt()) : 0;
    recallBallots();
    const web::VotingServer& voting = m_cockpit.voting();
    if (m_portBeforeCrash == 0) // kept until the page comes back, should Podium stop again
        recordPortInFile(voting.isRunning() ? voting.port() : 0);
}

// Another session taken up while the page runs (a file opened, a join's snapshot): who voted in
// its polls, once the page has forgotten the last session's.
void WebVotingRow::recallBallots() {
    if (!m_cockpit.voting().isRunning() || !m_file)
        return;
    if (const auto events = m_file->events(); events)
        m_cockpit.voting().recallBallots(*events);
}

// Not at once: another laptop may have taken the session over while this one was down, and
// votes counted here meanwhile would be orphans once this one gives way to it (or, numbered
// in this laptop's new epoch, make it lead and orphan the other's work). A beacon round tells.
void WebVotingRow::resumeAfterCrash(const SessionFile& file) {
    if (m_portBeforeCrash == 0 || &file != m_file || joinedCopyOf(file).following)
        return;
    const quint16 port = m_portBeforeCrash;
    m_pending = tr("The voting page comes back in a few seconds, once this laptop knows that no "
                   "other took the session over meanwhile.");
    showStatus();
    QTimer::singleShot(resumeDelayMs, this, [this, port] {
        m_pending.clear();
        if (m_cockpit.engine().isForwarding() || m_cockpit.voting().isRunning())
            return showStatus();
        start(port);
    });
}

// Kept as the hosting record is (sync::recordHosting): a failure to write it costs only the
// page's coming back by itself after a crash, so it is logged, not said.
void WebVotingRow::recordPortInFile(quint16 port) {
    const QString value = port ? QString::number(port) : QString();
    if (!m_file || m_file->isReadOnly() || m_file->metadata(votingPortKey) == value)
        return;
    if (auto kept = m_file->writeMetadata(votingPortKey, value); !kept)
        qWarning().noquote() << "the voting page's port was not kept:" << kept.error();
}

void WebVotingRow::showStatus() {
    const web::VotingServer& voting = m_cockpit.voting();
    QString text;
    if (voting.isRunning()) {
        const QStringList urls = m_cockpit.votingPageUrls();
        if (urls.isEmpty())
            text = tr("The voting page is on, but this laptop is on no network: phones reach it "
                      "once it is on theirs.");
        else if (urls.size() == 1)
            text = tr("Phones vote at %1 (as the audience display shows)").arg(urls.first());
        else
            text = tr("Phones vote at %1, one address for each network this laptop is on")
                       .arg(urls.join(u", "_s));
        text += u" · "_s + tr("%1 counted").arg(QLocale().toString(voting.votesCounted()));
        if (voting.votesRefused() > 0)
            text += u" · "_s + tr("%1 refused, each phone told why")
                                   .arg(QLocale().toString(voting.votesRefused()));
    } else if (!m_pending.isEmpty()) {
        text = m_pending;
    } else if (m_cockpit.engine().isForwarding() && !m_cockpit.votingPageUrls().isEmpty()) {
        // The host's: the online moderator can read it out, and a display here shows it.
        text = tr("Phones vote on the host's page at %1.").arg(m_cockpit.votingPageUrls().first());
    } else {
        text = m_problem;
    }
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty() && m_cockpit.canControl());
    offerAddresses(voting.isRunning() && m_cockpit.canControl() ? m_cockpit.votingPageUrls()
                                                                : QStringList{});
    m_status->setStyleSheet(text == m_problem && !m_problem.isEmpty() ? u"color: #b3261e;"_s
                                                                      : QString());
}

// The first is the one shown (Cockpit::votingPageUrls()). Filled again only when they change: the
// status follows every vote, and a list opened meanwhile would close under the moderator's hand.
void WebVotingRow::offerAddresses(const QStringList& urls) {
    m_shownRow->setVisible(urls.size() > 1);
    QStringList offered;
    for (int i = 0; i < m_shownAt->count(); ++i)
        offered << m_shownAt->itemText(i);
    if (urls.size() < 2 || offered == urls)
        return;
    const QSignalBlocker quiet(m_shownAt);
    m_shownAt->clear();
    m_shownAt->addItems(urls);
    m_shownAt->setCurrentIndex(0);
}

} // namespace podium
