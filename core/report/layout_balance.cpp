#include "layout.h"

#include <numeric>

using namespace Qt::StringLiterals;

namespace podium::report {
namespace {

void attendance(const Report& r, const Formatter& f, DocumentWriter& out) {
    const Attendance& a = r.attendance;
    out.heading(3, tr("Participants"));
    Table t;
    t.headers = {QString(), tr("Onsite"), tr("Online"), tr("Total")};
    t.numeric = {1, 2, 3};
    t.rows.append({tr("On the roster"), f.number(a.registeredOnsite), f.number(a.registeredOnline),
                   f.number(a.registeredOnsite + a.registeredOnline)});
    t.rows.append({tr("Took the floor"), f.number(a.speakersOnsite), f.number(a.speakersOnline),
                   f.number(a.speakers)});
    out.table(t);
    out.remark(tr("“On the roster” counts everyone registered for the session by where they "
                  "take part. “Took the floor” counts distinct people who spoke, by the channel "
                  "they spoke from; someone who spoke both in the room and online counts in both "
                  "columns but once in the total."));
}

void breakdown(const Breakdown& b, const Formatter& f, DocumentWriter& out) {
    out.heading(3, tr("By %1").arg(b.title.toLower()));
    Table t;
    t.headers = {b.title, tr("Interventions"), tr("Share"), tr("Speaking time"), tr("Share")};
    t.numeric = {1, 2, 3, 4};
    for (const Share& s : b.shares) {
        t.rows.append({s.label, f.number(s.interventions), f.percent(s.interventionPercent),
                       f.duration(s.speakingMs), f.percent(s.timePercent)});
    }
    out.table(t);
    // Newcomers added in a hurry are "Unspecified": 3 of 7 interventions were, with nothing to
    // prompt the team to mend the roster before handing the report in.
    for (const Share& s : b.shares) {
        if (!b.unstated.isEmpty() && s.label == b.unstated && s.interventions > 0)
            out.remark((s.interventions == 1
                            ? tr("%1 of these interventions (%2) is by a speaker whose %3 the "
                                 "roster does not give: set it in the Participants panel, and "
                                 "the report follows.")
                            : tr("%1 of these interventions (%2) are by speakers whose %3 the "
                                 "roster does not give: set it in the Participants panel, and "
                                 "the report follows."))
                           .arg(f.number(s.interventions), f.percent(s.interventionPercent),
                                b.title.toLower()));
    }
}

Chart timeChart(const Breakdown& b, const Formatter& f) {
    Chart c;
    c.title = tr("Speaking time by %1").arg(b.title.toLower());
    c.series = {tr("Speaking time")};
    for (const Share& s : b.shares)
        c.bars.append({s.label, {s.speakingMs}, f.percent(s.timePercent)});
    return c;
}

Chart pollChart(const Poll& p, const Formatter& f) {
    Chart c;
    c.title = tr("Votes by source");
    for (int s = 0; s < enumCount<TallySource>(); ++s)
        c.series << label(enumAt<TallySource>(s));
    const QList<double> shares = p.sharesAsShown(1);
    for (int i = 0; i < p.options.size(); ++i) {
        const Tally t = i < p.tallies.size() ? p.tallies[i] : Tally{};
        c.bars.append({p.options[i],
                       {t[0], t[1], t[2]},
                       tr("%1 (%2)").arg(f.number(p.combined(i)), f.percent(shares[i]))});
    }
    return c;
}

Table pollTable(const Poll& p, const Formatter& f) {
    Table t;
    t.headers = {tr("Option")};
    for (int s = 0; s < enumCount<TallySource>(); ++s)
        t.headers << label(enumAt<TallySource>(s));
    t.headers << tr("Combined") << tr("Share");
    t.numeric = {1, 2, 3, 4, 5};
    Tally sums{};
    const QList<double> shares = p.sharesAsShown(1);
    for (int i = 0; i < p.options.size(); ++i) {
        const Tally tally = i < p.tallies.size() ? p.tallies[i] : Tally{};
        QStringList row{p.options[i]};
        for (int s = 0; s < 3; ++s) {
            row << f.number(tally[s]);
            sums[s] += tally[s];
        }
        row << f.number(p.combined(i)) << f.percent(shares[i]);
        t.rows.append(row);
    }
    t.rows.append({tr("Total"), f.number(sums[0]), f.number(sums[1]), f.number(sums[2]),
                   f.number(p.totalVotes()), QString()});
    return t;
}

} // namespace

void layOutParticipation(const Report& r, const Formatter& f, DocumentWriter& out) {
    out.heading(2, tr("Participation and balance of voices"));
    attendance(r, f, out);
    if (r.totalInterventions == 0) {
        out.remark(tr("Nobody has taken the floor yet."));
        return;
    }
    // No plural forms are shipped for English: the one-intervention sentence is its own.
    out.paragraph(r.totalInterventions == 1
                      ? tr("One intervention, %1 of speaking time (pauses not counted).")
                            .arg(f.duration(r.totalSpeakingMs))
                      : tr("%1 interventions, %2 of speaking time in all (pauses not counted).")
                            .arg(f.number(r.totalInterventions), f.duration(r.totalSpeakingMs)));
    out.chart(timeChart(r.balance.group, f));
    for (const Breakdown& b : r.balance.all())
        breakdown(b, f, out);
}

namespace {

// Each option's total as it was when the poll closed: the rapporteur could not square the
// corrected report with what the room had heard.
QString readOut(const Poll& p, const Formatter& f) {
    QStringList options;
    for (qsizetype i = 0; i < p.options.size() && i < p.readOut.size(); ++i) {
        const Tally& t = p.readOut[i];
        options << tr("%1 %2").arg(p.options[i],
                                   f.number(std::accumulate(t.begin(), t.end(), qint64(0))));
    }
    return options.join(u", "_s);
}

// Empty in files from before a poll's times were kept.
QString whenItRan(const Poll& p, const Formatter& f) {
    if (p.openedAt == 0)
        return {};
    if (p.closedAt == 0)
        return tr("Opened at %1.").arg(f.timeOfDay(p.openedAt));
    return tr("Opened at %1, closed at %2.").arg(f.timeOfDay(p.openedAt), f.timeOfDay(p.closedAt));
}

} // namespace

void layOutPolls(const Report& r, const Formatter& f, DocumentWriter& out) {
    out.heading(2, tr("Polls"));
    if (r.polls.isEmpty()) {
        out.remark(tr("No polls were run."));
        return;
    }
    for (const Poll& p : r.polls) {
        out.heading(3, p.question);
        if (const QString ran = whenItRan(p, f); !ran.isEmpty())
            out.remark(ran);
        // A poll left open read as final: its figures may still change.
        if (p.status == PollStatus::Open)
            out.remark(tr("Still open when this report was made: the figures may change."));
        if (p.correctedAt)
            out.remark(tr("Corrected after the poll closed (last at %1): these are the corrected "
                          "figures. Read out when it closed: %2.")
                           .arg(f.timeOfDay(p.correctedAt), readOut(p, f)));
        if (p.multipleChoice)
            out.remark(tr("Several answers allowed: shares are of all answers given."));
        out.table(pollTable(p, f));
        out.chart(pollChart(p, f));
    }
}

} // namespace podium::report
