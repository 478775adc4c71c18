#pragma once

#include <QCborValue>
#include <QString>
#include <QStringList>
#include <optional>

namespace podium::sync {

// Where a host of a session stands, to tell which of two hosts of one session leads (the other
// gives way; docs/PROTOCOL.md, "A host that comes back gives way"):
//  1. the one the seats follow, so that a laptop restarted on an old copy never takes the session
//     from the host everyone is on;
//  2. not the one started from a copy that ends where the other went on (`startedBehind`);
//  3. the one further on in the session: by the epoch of its last event, by that event's seq,
//     and by sequencer id, so that exactly one of two leads.
// A rank without a sequencer (an older Podium's beacon) leads only by its epoch.
struct HostRank {
    int seats = 0; // admitted seats, other than probes and `podium ctl` commands
    qint32 epoch = 1;
    qint64 seq = 0;    // the host's last event
    QString sequencer; // its run of hosting (docs/PROTOCOL.md, "Epochs and sequencers")
    // The epoch of the host's last event: its own once it has numbered one, before that the one
    // it followed. A laptop restarted as host on its copy of a session that went on at the host
    // it followed took the session by its newer epoch, though it had numbered nothing since:
    // what the other host's moderator did meanwhile was shown as orphans, never to be merged.
    // 0: not said (an older Podium): both are then compared by `epoch`.
    qint32 lastEpoch = 0;
    // Where this run of hosting began: the runs it was started after, oldest first (the run of
    // the last event its log held then, and any later one it knew of that numbered nothing
    // there: a restart that crashed at once, a host it followed but got no event from), and
    // whether it was a seat's live takeover of the host it followed (the last of those runs) or
    // a start on a session file (a laptop restarted as host). Not said by an older Podium, which
    // decides without them: both must say them, or two hosts could each give way.
    static constexpr qsizetype maxRunsSaid = 4; // runsSaid()
    QStringList startedAfter{};
    std::optional<bool> tookOver{};

    bool leads(const HostRank& other) const;
    // This run was started on a copy of the session that ends in `other`'s run, or in the run
    // `other` took over from: it is that run's past come back, whatever its moderator did on it
    // before the two heard each other (its newer epoch made it lead, and the other's work since
    // the takeover was shown as orphans). Not a host that went on in the run `other` took over
    // (cut off, not crashed): that one is the run itself.
    bool startedBehind(const HostRank& other) const;
};

// The runs a rank says it started after, at most HostRank::maxRunsSaid (a beacon stays under
// 1 KiB): the first, which a restart is judged by (the run the other may have taken over from),
// and the latest, which a takeover is judged by (the run it followed). A start-up that crashed
// again and again numbered nothing in the runs between.
QStringList runsSaid(const QStringList& runs);
// The same as another host says them (strings only).
QStringList runsFromCbor(const QCborValue& value);

} // namespace podium::sync
