#include "layout.h"

#include <QDateTime>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium::report {
namespace {

QString names(const QList<Participant>& people, bool withRole) {
    QStringList out;
    for (const Participant& p : people)
        out << (withRole ? tr("%1, %2").arg(personLine(p), label(p.role)) : personLine(p));
    return out.isEmpty() ? tr("none listed") : out.join(u"; "_s);
}

QList<Line> notesAsLines(const QList<Note>& notes, const Formatter& format) {
    QList<Line> lines;
    for (const Note& n : notes)
        lines.append({{}, isolated(n.text) + u" ("_s + format.timeOfDay(n.at) + u')'});
    return lines;
}

} // namespace

QString personLine(const Participant& p) {
    return p.affiliation.trimmed().isEmpty()
               ? isolated(p.name)
               : tr("%1 (%2)").arg(isolated(p.name), isolated(p.affiliation));
}

QString isolated(const QString& text) {
    const bool rightToLeft = std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        const QChar::Direction d = c.direction();
        return d == QChar::DirR || d == QChar::DirAL || d == QChar::DirRLE || d == QChar::DirRLO ||
               d == QChar::DirRLI;
    });
    return rightToLeft ? u'\u2068' + text + u'\u2069' : text;
}

QString noteLead(NoteKind kind) {
    switch (kind) {
    case NoteKind::KeyTakeaway:
        return tr("Key takeaway:");
    case NoteKind::CallToAction:
        return tr("Call to action:");
    case NoteKind::Note:
        break;
    }
    return tr("Note:");
}

// The day the session ran, which a rehearsal or a postponed session does not share with its plan.
QString sessionDay(const Report& r, const Formatter& f) {
    const QString planned = f.sessionDate(r.info.date, 0);
    if (r.sessionStartedAt == 0)
        return planned;
    const QString ran = f.sessionDate({}, r.sessionStartedAt);
    if (r.info.date.isEmpty() || ran == planned)
        return ran;
    return tr("%1 (planned for %2)").arg(ran, planned);
}

// When it began, beside when it was to begin: a session that began a quarter of an hour late
// had that said nowhere. In hours and minutes, as a programme gives them. (Empty when neither is
// known.)
QString startTime(const Report& r) {
    const QTime planned = QTime::fromString(r.info.start, u"HH:mm"_s);
    if (r.sessionStartedAt == 0)
        return planned.isValid() ? tr("%1 (planned)").arg(r.info.start) : QString();
    const QDateTime began = QDateTime::fromMSecsSinceEpoch(r.sessionStartedAt);
    const QString beganText = began.toString(u"HH:mm"_s);
    if (!planned.isValid())
        return beganText;
    // Run on another day than planned (a rehearsal): minutes early or late would mean nothing.
    const QDate plannedDay = QDate::fromString(r.info.date, Qt::ISODate);
    if (plannedDay.isValid() && plannedDay != began.date())
        return tr("%1 (planned for %2)").arg(beganText, r.info.start);
    const QTime beganMinute(began.time().hour(), began.time().minute()); // as the two read
    const qint64 lateMinutes =
        QDateTime(began.date(), planned).secsTo(QDateTime(began.date(), beganMinute)) / 60;
    if (lateMinutes == 0)
        return beganText;
    return (lateMinutes > 0 ? tr("%1, %2 min after the planned %3")
                            : tr("%1, %2 min before the planned %3"))
        .arg(beganText, QString::number(qAbs(lateMinutes)), r.info.start);
}

void layOutHeader(const Report& r, const Formatter& f, DocumentWriter& out) {
    const QString title = r.info.title.isEmpty() ? tr("Untitled session") : r.info.title;
    out.title(title, tr("Session report"));
    QList<Line> facts;
    facts << Line{tr("Date"), sessionDay(r, f)};
    if (const QString start = startTime(r); !start.isEmpty())
        facts << Line{tr("Start"), start};
    if (!r.info.format.isEmpty())
        facts << Line{tr("Format"), r.info.format};
    if (!r.info.room.isEmpty())
        facts << Line{tr("Room"), r.info.room};
    facts << Line{tr("Moderators"), names(r.moderators, true)}
          << Line{tr("Rapporteur"), names(r.rapporteurs, false)};
    QString length = tr("%1 planned").arg(f.duration(r.info.plannedMs));
    if (r.sessionElapsedMs > 0)
        length = tr("%1, %2 on the session clock").arg(length, f.duration(r.sessionElapsedMs));
    facts << Line{tr("Length"), length} << Line{tr("Report made"), f.dateTime(r.generatedAt)};
    // "Report made 13:54" over times counted to 13:53, the file's last action, with nothing to
    // say so (the cockpit's export of the same session gave longer ones).
    if (r.clocksRan && f.timeOfDay(r.figuresAt) != f.timeOfDay(r.generatedAt))
        facts << Line{tr("Times counted to"),
                      tr("%1, the last action recorded in this file: the clocks still ran then")
                          .arg(f.timeOfDay(r.figuresAt))};
    // Named, as the times are this machine's: a laptop still on its owner's home time gave
    // another report than the others', with nothing to say why.
    facts << Line{
        tr("Times"),
        tr("local time, %1").arg(f.zone(r.sessionStartedAt ? r.sessionStartedAt : r.generatedAt))};
    out.facts(facts);
}

bool hasAnyNote(const Report& r) {
    return !r.keyTakeaways.isEmpty() || !r.callsToAction.isEmpty() || !r.otherNotes.isEmpty() ||
           std::any_of(r.speeches.cbegin(), r.speeches.cend(),
                       [](const SpeechRow& row) { return !row.notes.isEmpty(); });
}

void layOutOutcomes(const Report& r, const Formatter& f, DocumentWriter& out) {
    out.heading(2, tr("Key takeaways"));
    // Notes stay in the file they were written in: from the host's copy, "No key takeaways were
    // recorded" read as if the rapporteur had written none.
    if (!hasAnyNote(r))
        out.remark(tr("This session file holds no notes yet. Notes are kept only on the laptop "
                      "they are written on, usually the rapporteur's: if they were written on "
                      "another, make the report there for the key takeaways and calls to "
                      "action."));
    else if (r.keyTakeaways.isEmpty())
        out.remark(tr("No key takeaways were recorded."));
    else
        out.list(notesAsLines(r.keyTakeaways, f), true);
    out.heading(2, tr("Calls to action"));
    if (!hasAnyNote(r))
        out.remark(tr("None in this session file (see above)."));
    else if (r.callsToAction.isEmpty())
        out.remark(tr("No calls to action were recorded."));
    else
        out.list(notesAsLines(r.callsToAction, f), true);
}

void layOut(const Report& r, const Formatter& f, DocumentWriter& out) {
    layOutHeader(r, f, out);
    layOutOutcomes(r, f, out);
    layOutSummary(r, f, out);
    layOutParticipation(r, f, out);
    layOutPolls(r, f, out);
    layOutSpeechLog(r, f, out);
}

} // namespace podium::report
