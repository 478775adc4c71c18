#include "time_text.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace podium {

QString shortTime(const QLocale& locale, const QTime& time) {
    if (locale.language() == QLocale::C)
        return locale.toString(time, u"HH:mm"_s);
    return locale.toString(time, QLocale::ShortFormat);
}

QString shortTime(const QLocale& locale, qint64 msSinceEpoch) {
    return shortTime(locale, QDateTime::fromMSecsSinceEpoch(msSinceEpoch).time());
}

QString shortDateTime(const QLocale& locale, qint64 msSinceEpoch) {
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(msSinceEpoch);
    if (locale.language() == QLocale::C)
        return locale.toString(at.date(), QLocale::ShortFormat) + u' ' +
               shortTime(locale, at.time());
    return locale.toString(at, QLocale::ShortFormat);
}

} // namespace podium
