#pragma once

#include "model/state.h"

#include <QByteArray>
#include <QString>

namespace podium::web {

// What the page says above the poll, after a vote was sent.
struct PageNotice {
    QString text;
    bool refused = false; // a vote that was not counted (shown as an error)
};

// The room's voting page, as a phone shows it: the session's title, then the open poll as a form
// (one choice or several), or that this phone has voted in it, or that no poll is open. A page
// with nothing to vote on reloads itself every few seconds, so the next poll comes up by itself;
// one with the form does not, so a choice being made is never wiped. Self-contained HTML (no
// script, no font, nothing from the internet), in the language and direction of this laptop.
QByteArray votingPage(const SessionState& state, bool votedInOpenPoll, const PageNotice& notice);

// Seconds between the reloads of a page with nothing to vote on.
constexpr int votingPageReloadSeconds = 4;

} // namespace podium::web
