#pragma once

#include <QLocale>
#include <QString>

// How the report words and formats things: translated phrases, and dates, times, durations and
// percentages in the reader's locale (documents) or in ISO 8601 (CSV).
namespace podium::report {

QString tr(const char* text);

struct Formatter {
    QLocale locale;

    QString duration(qint64 ms) const; // "4 min 05 s", "1 h 02 min"
    qint64 shownMs(qint64 ms) const;   // what duration() shows, back in ms: 62 min 40 s is 62 min
    QString timeOfDay(qint64 msSinceEpoch) const;
    QString dateTime(qint64 msSinceEpoch) const;
    // The zone those times are in, this machine's: "UTC+03:00".
    QString zone(qint64 msSinceEpoch) const;
    QString sessionDate(const QString& isoDate, qint64 fallbackMs) const;
    QString percent(double value) const; // one decimal: "40.0%"
    QString number(qint64 value) const;
};

QString isoDateTime(qint64 msSinceEpoch); // UTC, "2027-01-15T08:00:00.000Z"
QString isoDuration(qint64 ms);           // "PT4M5S", "PT0S"

} // namespace podium::report
