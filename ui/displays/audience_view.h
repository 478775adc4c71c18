#pragma once

#include "model/state.h"

#include <QList>
#include <QString>

namespace podium {

// What the audience display shows: the speaker, who comes next, and the poll of the moment.
struct AudienceSpeaker {
    QString name;
    QString kind; // empty for a new point; "Reply", "Point of order"...
    Presence channel = Presence::Onsite;

    bool operator==(const AudienceSpeaker&) const = default;
};

struct AudiencePollRow {
    QString option;
    qint64 votes = 0;
    double percent = 0;
    int shownPercent = 0; // whole, and those of a poll add up to 100 (once anyone voted)

    bool operator==(const AudiencePollRow&) const = default;
};

struct AudienceView {
    static constexpr int maxNext = 6;

    QString title;
    std::optional<AudienceSpeaker> speaker;
    bool anyoneSpoke = false;    // with nobody on the floor: "yet" only before the first speech
    QList<AudienceSpeaker> next; // at most maxNext, in calling order
    int moreWaiting = 0;         // waiting beyond those shown

    Id pollId = 0; // 0: no poll to show
    QString question;
    bool pollOpen = false;
    bool multipleChoice = false; // its totals count answers, several per person
    QList<AudiencePollRow> options;
    qint64 totalVotes = 0;
    Tally votesBySource{0, 0, 0};

    bool operator==(const AudienceView&) const = default;
};

// The poll to show: the open one, else the one closed last (`lastClosed`, when still there),
// else the last closed in the list; 0 when there is none.
Id pollToShow(const SessionState& s, Id lastClosed);
AudienceView audienceViewOf(const SessionState& s, Id pollId);

} // namespace podium
