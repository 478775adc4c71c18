#pragma once

#include "model/state.h"

#include <QByteArray>
#include <QString>

namespace podium::web {

// What the page says above the poll: why a vote sent was not counted.
struct PageNotice {
    QString text;
    bool refused = false; // shown as an error
};

// The room's voting page, as a phone shows it: the session's title, then the open poll as a form
// (one choice or several), or what this phone voted in it (`votedFor`, its options; empty: not
// voted), or that no poll is open. A page with nothing to vote on reloads itself (from "/")
// every few seconds, so the next poll comes up by itself; one with the form does not, so a
// choice being made is never wiped, but a form with nothing chosen goes to the next poll by
// itself (a few lines of script ask /poll which one is open). Self-contained HTML (no font,
// nothing from the internet), in the language and direction of this laptop.
QByteArray votingPage(const SessionState& state, const QList<int>& votedFor,
                      const PageNotice& notice = {});

// Which poll the page offers now, for /poll: its id, or 0 when none is open.
QByteArray openPollId(const SessionState& state);

// Seconds between the reloads of a page with nothing to vote on, and between a form's questions
// to /poll.
constexpr int votingPageReloadSeconds = 4;

} // namespace podium::web
