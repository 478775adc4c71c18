#include "layout.h"

using namespace Qt::StringLiterals;

namespace podium::report {
namespace {

QList<Line> noteLines(const QList<Note>& notes, const Formatter& f) {
    QList<Line> lines;
    for (const Note& n : notes)
        lines.append({tr("%1 %2").arg(f.timeOfDay(n.at), noteLead(n.kind)), isolated(n.text)});
    return lines;
}

// "Reply" alone, in the report: to whom, the queue had said.
QString kindText(const SpeechRow& row) {
    if (row.answers.isEmpty())
        return label(row.speech.kind);
    return row.speech.kind == EntryKind::ClarifyingQuestion ? tr("Question to %1").arg(row.answers)
                                                            : tr("Reply to %1").arg(row.answers);
}

// Seven columns, so the log fits an A4 page: group and region share a cell, as do segment and
// kind.
QStringList speechCells(const SpeechRow& row, const Formatter& f) {
    const Speech& s = row.speech;
    QString duration = f.duration(s.spokeMs);
    // As the Timeline shows it ("+0:36"): the report gave only the time spoken. Also for a
    // speaker whose time was cut to nothing (-30 s), who ran over by all they said.
    if (const qint64 overMs = s.spokeMs - s.allottedMs; overMs >= 1000)
        duration = tr("%1 (%2 over)").arg(duration, f.duration(overMs));
    if (row.ongoing)
        duration = tr("%1 (speaking)").arg(duration);
    const QString segment = row.segmentTitle.isEmpty() ? u"–"_s : row.segmentTitle;
    return {f.number(row.number),
            f.timeOfDay(s.startedAt),
            personLine(row.speaker),
            label(s.channel),
            label(row.speaker.group) + u'\n' + label(row.speaker.region),
            duration,
            segment + u'\n' + kindText(row)};
}

} // namespace

void layOutSpeechLog(const Report& r, const Formatter& f, DocumentWriter& out) {
    out.pageBreak();
    out.heading(2, tr("Speech log"));
    if (r.speeches.isEmpty()) {
        out.remark(tr("Nobody has taken the floor yet."));
    } else {
        out.remark(tr("Durations count the time the speaker's timer ran; pauses are left out. "
                      "The rapporteur's notes appear under the speech during which they were "
                      "written."));
        Table t;
        t.headers = {
            tr("#"),        tr("Start"),        tr("Speaker"), tr("Presence"), tr("Group, region"),
            tr("Duration"), tr("Segment, kind")};
        t.numeric = {0, 5};
        // Shared out by their contents, the start and presence columns took as much room as the
        // speaker's, whose name and affiliation then ran to ten lines.
        t.widths = {0, 0, 28};
        if (r.earlierSpeechesLeftOut > 0)
            out.remark(
                tr("The latest %1 interventions; the %2 before them are in the exported "
                   "report.")
                    .arg(f.number(int(r.speeches.size())), f.number(r.earlierSpeechesLeftOut)));
        for (const SpeechRow& row : r.speeches) {
            t.rows.append(speechCells(row, f));
            t.details.append(noteLines(row.notes, f));
        }
        out.table(t);
    }
    if (r.otherNotes.isEmpty())
        return;
    out.heading(3, tr("Notes written while nobody had the floor"));
    // Grouped by the speech before them, as the Notes panel groups them: a break an hour in read
    // as one list with the opening's notes, with only their times to tell them apart.
    QList<std::pair<const SpeechRow*, QList<Note>>> groups;
    for (const Note& n : r.otherNotes) {
        const SpeechRow* after = speechBefore(r, n);
        if (groups.isEmpty() || groups.last().first != after)
            groups.append(std::pair{after, QList<Note>{}});
        groups.last().second.append(n);
    }
    for (const auto& [after, notes] : std::as_const(groups)) {
        out.paragraph(after ? tr("Between speeches, after #%1, %2:")
                                  .arg(f.number(after->number), isolated(after->speaker.name))
                      : r.earlierSpeechesLeftOut > 0 ? tr("Between speeches:")
                                                     : tr("Before the first speech:"));
        out.list(noteLines(notes, f), false);
    }
}

} // namespace podium::report
