#include "layout.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace podium::report {
namespace {

// The difference and the total are worked out from the figures the reader sees (5 min planned,
// 42 s actual: 4 min 18 s under, not 4 min 17 s from 42.6 s), so the columns add up.
QString difference(const AgendaRow& row, const Formatter& f) {
    const qint64 delta = f.shownMs(row.actualMs) - f.shownMs(row.plannedMs);
    if (delta == 0)
        return tr("on time");
    return delta > 0 ? tr("%1 over").arg(f.duration(delta))
                     : tr("%1 under").arg(f.duration(-delta));
}

void panelists(const Report& r, DocumentWriter& out) {
    out.heading(3, tr("Panelists"));
    if (r.panelists.isEmpty()) {
        out.remark(tr("No panelists are listed."));
        return;
    }
    Table t;
    t.headers = {tr("Name"), tr("Affiliation"), tr("Stakeholder group"), tr("Region"),
                 tr("Presence")};
    for (const Participant& p : r.panelists)
        t.rows.append({p.name, p.affiliation, label(p.group), label(p.region), label(p.presence)});
    out.table(t);
}

void agenda(const Report& r, const Formatter& f, DocumentWriter& out) {
    out.heading(3, tr("Agenda: planned and actual"));
    if (r.agenda.isEmpty()) {
        out.remark(tr("The session has no agenda."));
        return;
    }
    // Eleven speeches made, and every segment "not reached" with 0 s in all: the moderator had
    // not started the agenda's segments, which the report did not say.
    const bool agendaRun = std::any_of(r.agenda.begin(), r.agenda.end(),
                                       [](const AgendaRow& row) { return row.startedAt != 0; });
    if (!agendaRun && !r.speeches.isEmpty())
        out.remark(tr("No segment of the agenda was started, so the speeches are not placed in "
                      "its segments; the agenda is as planned."));
    Table t;
    t.headers = {tr("Segment"), tr("Started"), tr("Planned"), tr("Actual"), tr("Difference")};
    t.numeric = {2, 3};
    qint64 planned = 0, actual = 0;
    for (const AgendaRow& row : r.agenda) {
        planned += f.shownMs(row.plannedMs);
        actual += f.shownMs(row.actualMs);
        // "Not held" for a segment skipped; one the session has not come to (yet, or ever: the
        // report cannot tell a session under way from one that ended early) was "not held" too,
        // in every report made before the wrap-up.
        if (row.startedAt == 0) {
            const QString status = !agendaRun       ? u"–"_s
                                   : row.passedOver ? tr("not held")
                                                    : tr("not reached");
            t.rows.append({row.title, status, f.duration(row.plannedMs), u"–"_s, u"–"_s});
            continue;
        }
        const QString actualText = row.paused    ? tr("%1 (paused)").arg(f.duration(row.actualMs))
                                   : row.running ? tr("%1 (running)").arg(f.duration(row.actualMs))
                                                 : f.duration(row.actualMs);
        t.rows.append({row.title, f.timeOfDay(row.startedAt), f.duration(row.plannedMs), actualText,
                       row.running ? u"–"_s : difference(row, f)});
    }
    t.rows.append({tr("Total"), QString(), f.duration(planned), f.duration(actual), QString()});
    out.table(t);
}

} // namespace

void layOutSummary(const Report& r, const Formatter& f, DocumentWriter& out) {
    out.heading(2, tr("Session summary"));
    if (!r.info.policyQuestions.isEmpty()) {
        out.heading(3, tr("Policy questions"));
        QList<Line> questions;
        for (const QString& q : r.info.policyQuestions)
            questions.append({{}, q});
        out.list(questions, true);
    }
    panelists(r, out);
    agenda(r, f, out);
}

} // namespace podium::report
