#pragma once

#include "model/types.h"

#include <QCborMap>
#include <QString>

namespace podium::sync {

// The hello's `client` of a cockpit, and of `podium ctl` (docs/PROTOCOL.md).
inline constexpr QStringView cockpitClient = u"cockpit";
inline constexpr QStringView ctlClient = u"ctl";

// A seat as the host lists it to everyone (the Connection dock's peer list).
struct PeerInfo {
    QString instance;
    QString name;
    Authority role = Authority::ReadOnly;
    QString address;
    quint16 hostPort = 0; // where this peer would host after a takeover (control only)
    qint64 rttMs = -1;
    // A cockpit, a window someone works in (read-only: the rapporteur's), not a headless seat
    // or `podium ctl`; the hello's `client`. An older seat does not say.
    bool isCockpit = false;
    // `podium ctl`: one command from a script, in and out. Known to the host only (not listed
    // to the seats as such): its leaving is no news for the moderator.
    bool isCtl = false;
    QCborMap toCbor() const;
    static PeerInfo fromCbor(const QCborMap& m);
};

} // namespace podium::sync
