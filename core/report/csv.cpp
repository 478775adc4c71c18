#include "csv.h"

#include "format.h"
#include "layout.h"

#include <QSet>
#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace podium::report {
namespace {

// Without it, Excel reads UTF-8 as the local code page: "é" and Arabic names came out garbled.
const QByteArray byteOrderMark = QByteArrayLiteral("\xEF\xBB\xBF");

// A spreadsheet takes a cell that begins with =, +, -, @, a tab or a carriage return for a
// formula: a name typed in from the online chat ("=HYPERLINK(…)") must stay text. A leading
// apostrophe is what spreadsheets themselves write for that; no field of ours that is a number
// begins with one of these.
QString asText(const QString& value) {
    static const QString formulaStarts = u"=+-@\t\r"_s;
    return !value.isEmpty() && formulaStarts.contains(value.front()) ? u'\'' + value : value;
}

QString seconds(qint64 ms) {
    return QString::number(double(ms) / 1000.0, 'f', 3);
}

QString notesText(const QList<Note>& notes) {
    QStringList lines;
    for (const Note& n : notes)
        lines << noteLead(n.kind) + u' ' + n.text;
    return lines.join(u'\n');
}

// Empty for a poll still open, and in files from before a poll's times were kept.
QString isoDateTimeIfKept(qint64 msSinceEpoch) {
    return msSinceEpoch ? isoDateTime(msSinceEpoch) : QString();
}

QStringList speechFields(const SpeechRow& row) {
    const Speech& s = row.speech;
    const int seg = s.segment;
    return {QString::number(row.number),
            isoDateTime(s.startedAt),
            isoDateTime(s.endedAt),
            isoDuration(s.spokeMs),
            seconds(s.spokeMs),
            seconds(s.allottedMs),
            row.speaker.name,
            row.speaker.affiliation,
            label(s.channel),
            label(row.speaker.group),
            label(row.speaker.region),
            row.speaker.gender,
            label(row.speaker.role),
            label(s.kind),
            seg >= 0 ? QString::number(seg + 1) : QString(),
            row.segmentTitle,
            row.ongoing ? u"yes"_s : u"no"_s,
            notesText(row.notes),
            row.answers};
}

} // namespace

QString csvField(const QString& value) {
    static const QString needsQuotes = u",\"\r\n"_s;
    const QString text = asText(value);
    for (const QChar c : text) {
        if (needsQuotes.contains(c))
            return u'"' + QString(text).replace(u"\""_s, u"\"\""_s) + u'"';
    }
    return text;
}

QString csvRecord(const QStringList& fields) {
    QStringList out;
    for (const QString& f : fields)
        out << csvField(f);
    return out.join(u',') + u"\r\n"_s;
}

QByteArray speechLogCsv(const Report& report) {
    QString text =
        csvRecord({u"number"_s, u"start"_s, u"end"_s, u"duration"_s, u"duration_seconds"_s,
                   u"allotted_seconds"_s, u"speaker"_s, u"affiliation"_s, u"presence"_s,
                   u"stakeholder_group"_s, u"region"_s, u"gender"_s, u"role"_s, u"kind"_s,
                   u"segment_number"_s, u"segment"_s, u"ongoing"_s, u"notes"_s, u"answers"_s});
    for (const SpeechRow& row : report.speeches)
        text += csvRecord(speechFields(row));
    return byteOrderMark + text.toUtf8();
}

QByteArray pollTalliesCsv(const Report& report) {
    QString text = csvRecord({u"poll_number"_s, u"question"_s, u"status"_s, u"multiple_choice"_s,
                              u"option"_s, u"onsite"_s, u"online"_s, u"web"_s, u"combined"_s,
                              u"percent"_s, u"read_out"_s, u"opened_at"_s, u"closed_at"_s});
    for (int p = 0; p < report.polls.size(); ++p) {
        const Poll& poll = report.polls[p];
        for (int i = 0; i < poll.options.size(); ++i) {
            const Tally t = i < poll.tallies.size() ? poll.tallies[i] : Tally{};
            // A poll corrected after it closed: the total read out to the room then (the report
            // says it; the spreadsheet had only the corrected figures). Empty otherwise.
            const QString readOut =
                i < poll.readOut.size()
                    ? QString::number(std::accumulate(poll.readOut[i].begin(),
                                                      poll.readOut[i].end(), qint64(0)))
                    : QString();
            text += csvRecord({QString::number(p + 1), poll.question, label(poll.status),
                               poll.multipleChoice ? u"yes"_s : u"no"_s, poll.options[i],
                               QString::number(t[0]), QString::number(t[1]), QString::number(t[2]),
                               QString::number(poll.combined(i)),
                               QString::number(poll.percentage(i), 'f', 2), readOut,
                               isoDateTimeIfKept(poll.openedAt), isoDateTimeIfKept(poll.closedAt)});
        }
    }
    return byteOrderMark + text.toUtf8();
}

QByteArray notesCsv(const Report& report) {
    struct Line {
        Note note;
        const SpeechRow* speech = nullptr;
    };
    QList<Line> lines;
    QSet<Id> placed;
    for (const SpeechRow& row : report.speeches) {
        for (const Note& n : row.notes) {
            lines.append({n, &row});
            placed.insert(n.id);
        }
    }
    for (const QList<Note>* list :
         {&report.otherNotes, &report.keyTakeaways, &report.callsToAction}) {
        for (const Note& n : *list) {
            if (!placed.contains(n.id)) {
                lines.append({n, nullptr});
                placed.insert(n.id);
            }
        }
    }
    std::stable_sort(lines.begin(), lines.end(),
                     [](const Line& a, const Line& b) { return a.note.at < b.note.at; });
    // A note between speeches names the speech before it, as the report groups it.
    QString text = csvRecord({u"time"_s, u"kind"_s, u"speech_number"_s, u"speaker"_s, u"note"_s,
                              u"after_speech_number"_s});
    for (const Line& l : lines) {
        QString kind = noteLead(l.note.kind);
        if (kind.endsWith(u':'))
            kind.chop(1);
        const SpeechRow* after = l.speech ? nullptr : speechBefore(report, l.note);
        text += csvRecord({isoDateTime(l.note.at), kind,
                           l.speech ? QString::number(l.speech->number) : QString(),
                           l.speech ? l.speech->speaker.name : QString(), l.note.text,
                           after ? QString::number(after->number) : QString()});
    }
    return byteOrderMark + text.toUtf8();
}

} // namespace podium::report
