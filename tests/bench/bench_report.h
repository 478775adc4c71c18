#pragma once

// What every benchmark shares: waiting on the event loop, percentiles, and the line each figure
// prints, a ratio against its baseline measured in the same run, beside its target.
#include <QCoreApplication>
#include <QList>
#include <algorithm>
#include <cstdio>
#include <functional>

namespace podium::bench {

inline void waitUntil(const std::function<bool()>& done) {
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
}

inline double percentile(QList<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[qMin(v.size() - 1, qsizetype(p * v.size()))];
}

constexpr double noTarget = 0;

// A measurement that failed (a timeout, a seat that never joined) prints as such: a ratio of 0
// read as met.
inline void report(const char* name, double ours, double base, double target, const char* unit) {
    if (ours <= 0 || base <= 0)
        std::printf("%s: FAILED, nothing measured (ours %.3f %s, baseline %.3f %s)\n", name, ours,
                    unit, base, unit);
    else if (target > 0)
        std::printf("%s: ours %.3f %s, baseline %.3f %s, ratio %.2f× (target ≤ %.1f×)\n", name,
                    ours, unit, base, unit, ours / base, target);
    else
        std::printf("%s: ours %.3f %s, baseline %.3f %s, ratio %.2f× (for reference, no target)\n",
                    name, ours, unit, base, unit, ours / base);
    std::fflush(stdout);
}

} // namespace podium::bench
