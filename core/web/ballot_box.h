#pragma once

#include "commands/command.h"
#include "model/event.h"
#include "model/state.h"

#include <QHash>
#include <QList>
#include <QString>

namespace podium::web {

// One phone's vote on a poll: the options it chose (indexes), and who cast it as far as a web
// page can tell: the browser's ballot cookie, and its address on the LAN.
struct Ballot {
    Id poll = 0;
    QList<int> options;
    QString voter;
    QString address;
};

// The poll the room votes on from their phones: the open one (only one is ever open), or none.
const Poll* pollOpenForVoting(const SessionState& state);

// The rules for votes from the room's phones, counted as the poll's "web" tally. One vote per
// browser and poll (its cookie), and a bound per address, so that a script that drops its cookie
// cannot stuff the tally: this is a show of hands on phones, not an election. Nothing here is
// participant data: a ballot is an anonymous cookie and an address, kept in memory only.
class BallotBox {
public:
    // Votes counted per address and poll, unless set otherwise: far above one phone, well below
    // a stuffed tally. A venue whose phones all reach the host through one address (a NAT)
    // would meet it; each refusal says so, and the setting webVoting/votesPerAddress raises it.
    static constexpr int defaultVotesPerAddress = 20;
    void setVotesPerAddress(int most) { m_votesPerAddress = qMax(1, most); }

    // Why `ballot` cannot be counted in `state` (empty: it can).
    QString refusal(const SessionState& state, const Ballot& ballot) const;
    // The SetTally commands that count `ballot`: one per option chosen, each the option's web
    // tally now plus one. The host decides them as any seat's, so every seat gets them as events.
    QList<Command> countingCommands(const SessionState& state, const Ballot& ballot) const;
    void recordCounted(const Ballot& ballot);
    bool hasVoted(Id poll, const QString& voter) const;
    // What `voter` chose in `poll` (empty: no vote of theirs was counted there).
    QList<int> choiceOf(Id poll, const QString& voter) const;
    // The votes counted before, as the session's log keeps them (SetTally events with a ballot):
    // Podium started again after a crash does not let the room vote a second time.
    void recall(const QList<Event>& events);
    // What a SetTally event keeps of the phone that voted: a digest of its cookie with the
    // session and the poll, which cannot be turned back into the cookie, nor tell the same phone
    // in two polls (the log is copied to every seat, and kept).
    static QString ballotOf(const QString& session, Id poll, const QString& voter);
    // Polls are numbered per session: a phone that voted in poll 2 of a rehearsal may vote in
    // poll 2 of the session. Forgets every vote when the session is another.
    void useSession(const QString& sessionId);

private:
    QString m_session;
    int m_votesPerAddress = defaultVotesPerAddress;
    QHash<Id, QHash<QString, QList<int>>> m_choices; // poll → ballot → options chosen
    QHash<Id, QHash<QString, int>> m_votesByAddress;
};

} // namespace podium::web
