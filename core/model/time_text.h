#pragma once

#include <QLocale>
#include <QString>
#include <QTime>

namespace podium {

// A time of day as the locale writes it short: "2:05 PM", "14:05". The C locale's short format
// keeps the seconds ("14:05:33"): on a fresh Debian (LANG=C.UTF-8) every time shown had them.
QString shortTime(const QLocale& locale, const QTime& time);
QString shortTime(const QLocale& locale, qint64 msSinceEpoch); // in this machine's zone
QString shortDateTime(const QLocale& locale, qint64 msSinceEpoch);

} // namespace podium
