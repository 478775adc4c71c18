#pragma once

#include "document.h"
#include "format.h"
#include "report.h"

namespace podium::report {

// The report in the order of an IGF session report: key takeaways and calls to action first,
// then the session summary, participation and balance of voices, polls, and the speech log with
// the rapporteur's notes.
void layOut(const Report& report, const Formatter& format, DocumentWriter& out);

// The sections, one function each (layout_*.cpp).
void layOutHeader(const Report& report, const Formatter& format, DocumentWriter& out);
void layOutOutcomes(const Report& report, const Formatter& format, DocumentWriter& out);
void layOutSummary(const Report& report, const Formatter& format, DocumentWriter& out);
void layOutParticipation(const Report& report, const Formatter& format, DocumentWriter& out);
void layOutPolls(const Report& report, const Formatter& format, DocumentWriter& out);
void layOutSpeechLog(const Report& report, const Formatter& format, DocumentWriter& out);

QString personLine(const Participant& p); // "Name (Affiliation)"
// Right-to-left text set in among the report's own words, isolated (U+2068 … U+2069) so that each
// keeps its direction: an Arabic note took the "(11:50:01)" after it into its own run, and a
// guillemet at its end went to the wrong side. Other text is returned as it is.
QString isolated(const QString& text);
QString noteLead(NoteKind kind);

} // namespace podium::report
