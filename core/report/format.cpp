#include "format.h"
#include "model/time_text.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace podium::report {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::report", text);
}

// Whole seconds passed, rounded down as the cockpit's Timeline counts them: rounded to the
// nearest, half the speeches read a second longer in the report than on screen.
QString Formatter::duration(qint64 ms) const {
    const qint64 seconds = qMax<qint64>(0, ms) / 1000;
    const qint64 h = seconds / 3600;
    const qint64 m = seconds / 60 % 60;
    const qint64 s = seconds % 60;
    auto two = [this](qint64 v) {
        return locale.toString(v).rightJustified(2, locale.zeroDigit()[0]);
    };
    if (h > 0)
        return tr("%1\u00a0h %2\u00a0min").arg(locale.toString(h), two(m));
    if (m > 0)
        return tr("%1\u00a0min %2\u00a0s").arg(locale.toString(m), two(s));
    return tr("%1\u00a0s").arg(locale.toString(s));
}

qint64 Formatter::shownMs(qint64 ms) const {
    const qint64 unit = qMax<qint64>(0, ms) >= 3'600'000 ? 60'000 : 1000; // as duration() shows it
    return qMax<qint64>(0, ms) / unit * unit;
}

QString Formatter::timeOfDay(qint64 msSinceEpoch) const {
    return shortTime(locale, msSinceEpoch);
}

QString Formatter::dateTime(qint64 msSinceEpoch) const {
    return shortDateTime(locale, msSinceEpoch);
}

QString Formatter::zone(qint64 msSinceEpoch) const {
    const int offset = QDateTime::fromMSecsSinceEpoch(msSinceEpoch).offsetFromUtc();
    const QString hhmm = QTime(0, 0).addSecs(qAbs(offset)).toString(u"hh:mm"_s);
    return (offset < 0 ? u"UTC\u2212"_s : u"UTC+"_s) + hhmm;
}

QString Formatter::sessionDate(const QString& isoDate, qint64 fallbackMs) const {
    QDate date = QDate::fromString(isoDate, Qt::ISODate);
    if (!date.isValid() && fallbackMs != 0)
        date = QDateTime::fromMSecsSinceEpoch(fallbackMs).date();
    return date.isValid() ? locale.toString(date, QLocale::LongFormat) : tr("not set");
}

QString Formatter::percent(double value) const {
    return locale.toString(value, 'f', 1) + locale.percent();
}

QString Formatter::number(qint64 value) const {
    return locale.toString(value);
}

QString isoDateTime(qint64 msSinceEpoch) {
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString isoDuration(qint64 ms) {
    const qint64 total = qMax<qint64>(0, ms);
    const qint64 h = total / 3'600'000;
    const qint64 m = total / 60'000 % 60;
    const qint64 s = total / 1000 % 60;
    const qint64 milli = total % 1000;
    QString out = u"PT"_s;
    if (h)
        out += QString::number(h) + u'H';
    if (m)
        out += QString::number(m) + u'M';
    if (s || milli || out.size() == 2)
        out += milli ? u"%1.%2S"_s.arg(s).arg(milli, 3, 10, QChar(u'0')) : u"%1S"_s.arg(s);
    return out;
}

} // namespace podium::report
