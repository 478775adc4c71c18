#include "ballot_box.h"

#include <QCoreApplication>
#include <QCryptographicHash>

using namespace Qt::StringLiterals;

namespace podium::web {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::web", text);
}

} // namespace

const Poll* pollOpenForVoting(const SessionState& state) {
    for (const Poll& p : state.polls)
        if (p.status == PollStatus::Open)
            return &p;
    return nullptr;
}

QString BallotBox::refusal(const SessionState& state, const Ballot& ballot) const {
    if (ballot.poll <= 0)
        return tr("That was not a vote from this page: open the page again, and vote with its "
                  "button.");
    const Poll* open = pollOpenForVoting(state);
    if (!open || open->id != ballot.poll)
        return tr("That poll has closed: your vote came too late to be counted.");
    if (ballot.voter.isEmpty())
        return tr("Your browser did not keep this page's cookie, which lets each phone vote "
                  "once: allow cookies for this page, then vote again.");
    if (hasVoted(ballot.poll, ballot.voter))
        return tr("This phone has voted in this poll already.");
    if (ballot.options.isEmpty())
        return tr("Choose an option, then vote.");
    if (!open->multipleChoice && ballot.options.size() > 1)
        return tr("This poll takes one choice only.");
    for (int option : ballot.options)
        if (option < 0 || option >= open->options.size() || ballot.options.count(option) > 1)
            return tr("That choice is not one of this poll's options.");
    if (m_votesByAddress.value(ballot.poll).value(ballot.address) >= m_votesPerAddress)
        return tr("%1 votes in this poll came from your network address already, the most "
                  "counted from one. Tell the moderator if many phones share it.")
            .arg(m_votesPerAddress);
    return {};
}

QList<Command> BallotBox::countingCommands(const SessionState& state, const Ballot& ballot) const {
    const Poll* poll = state.poll(ballot.poll);
    QList<Command> commands;
    if (!poll)
        return commands;
    for (int option : ballot.options) {
        const qint64 now = poll->tallies.value(option)[std::size_t(TallySource::Web)];
        commands.append(Command{newCommandId(),
                                tr("Web voting"),
                                Authority::OnlineModerator, // the least that may set a tally
                                Action::SetTally,
                                {{u"poll"_s, poll->id},
                                 {u"option"_s, option},
                                 {u"source"_s, key(TallySource::Web)},
                                 {u"count"_s, now + 1},
                                 {u"ballot"_s, ballotOf(m_session, poll->id, ballot.voter)}}});
    }
    return commands;
}

void BallotBox::recordCounted(const Ballot& ballot) {
    m_choices[ballot.poll].insert(ballotOf(m_session, ballot.poll, ballot.voter), ballot.options);
    ++m_votesByAddress[ballot.poll][ballot.address];
}

bool BallotBox::hasVoted(Id poll, const QString& voter) const {
    return m_choices.value(poll).contains(ballotOf(m_session, poll, voter));
}

QList<int> BallotBox::choiceOf(Id poll, const QString& voter) const {
    return m_choices.value(poll).value(ballotOf(m_session, poll, voter));
}

void BallotBox::recall(const QList<Event>& events) {
    for (const Event& e : events) {
        const QString ballot = e.data.value(u"ballot"_s).toString();
        if (e.action != Action::SetTally || ballot.isEmpty() ||
            e.data.value(u"source"_s).toString() != key(TallySource::Web))
            continue;
        QList<int>& chosen = m_choices[e.data.value(u"poll"_s).toInteger()][ballot];
        const int option = int(e.data.value(u"option"_s).toInteger());
        if (!chosen.contains(option))
            chosen.append(option);
    }
}

QString BallotBox::ballotOf(const QString& session, Id poll, const QString& voter) {
    if (voter.isEmpty())
        return {};
    const QByteArray said =
        session.toUtf8() + ' ' + QByteArray::number(poll) + ' ' + voter.toLatin1();
    return QString::fromLatin1(
        QCryptographicHash::hash(said, QCryptographicHash::Sha256).toHex().left(32));
}

void BallotBox::useSession(const QString& sessionId) {
    if (sessionId == m_session)
        return;
    m_session = sessionId;
    m_choices.clear();
    m_votesByAddress.clear();
}

} // namespace podium::web
