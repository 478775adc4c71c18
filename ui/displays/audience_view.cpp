#include "audience_view.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace podium {
namespace {

AudienceSpeaker speakerOf(const SessionState& s, const QueueEntry& e) {
    AudienceSpeaker a;
    const Participant* p = s.participant(e.participantId);
    a.name = p ? p->name : QCoreApplication::translate("podium::AudienceDisplay", "Unknown");
    a.kind = e.kind == EntryKind::NewPoint ? QString() : label(e.kind);
    a.channel = e.channel;
    return a;
}

void addPoll(AudienceView& v, const Poll& poll) {
    v.pollId = poll.id;
    v.question = poll.question;
    v.pollOpen = poll.status == PollStatus::Open;
    v.multipleChoice = poll.multipleChoice;
    v.totalVotes = poll.totalVotes();
    // On the projector 62.5 % and 37.5 % read "63 %" and "38 %": the room saw 101 %.
    const QList<double> shown = poll.sharesAsShown(0);
    for (int i = 0; i < poll.options.size(); ++i) {
        v.options.append(
            {poll.options[i], poll.combined(i), poll.percentage(i), int(std::lround(shown[i]))});
        for (std::size_t source = 0; source < v.votesBySource.size(); ++source)
            v.votesBySource[source] += poll.tallies.value(i)[source];
    }
}

} // namespace

Id pollToShow(const SessionState& s, Id lastClosed) {
    for (const Poll& p : s.polls) {
        if (p.status == PollStatus::Open)
            return p.id;
    }
    if (const Poll* p = s.poll(lastClosed); p && p->status == PollStatus::Closed)
        return p->id;
    for (auto it = s.polls.crbegin(); it != s.polls.crend(); ++it) {
        if (it->status == PollStatus::Closed)
            return it->id;
    }
    return 0;
}

AudienceView audienceViewOf(const SessionState& s, Id pollId) {
    AudienceView v;
    v.title = s.info.title;
    if (s.floor)
        v.speaker = speakerOf(s, s.floor->entry);
    v.anyoneSpoke = !s.speeches.isEmpty();
    for (const QueueEntry& e : s.queue) {
        if (e.withdrawn)
            continue;
        if (v.next.size() < AudienceView::maxNext)
            v.next.append(speakerOf(s, e));
        else
            ++v.moreWaiting;
    }
    if (const Poll* poll = s.poll(pollId))
        addPoll(v, *poll);
    return v;
}

} // namespace podium
