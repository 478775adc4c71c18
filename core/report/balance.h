#pragma once

#include "report.h"

namespace podium::report {

// The balance of voices: interventions and speaking time by stakeholder group, region, presence
// (the channel spoken from), gender (as self-described) and role, with percentages.
Balance balanceOf(const QList<SpeechRow>& speeches);

} // namespace podium::report
