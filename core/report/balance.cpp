#include "balance.h"

#include "format.h"

#include <algorithm>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace podium::report {
namespace {

using KeyOf = std::function<QString(const SpeechRow&)>;

// Counts by a key, keeping the order in which `order` lists the keys, then any others sorted.
Breakdown tally(const QString& title, const QList<SpeechRow>& speeches, const KeyOf& keyOf,
                const QStringList& order, const QStringList& hideWhenZero) {
    QStringList keys = order;
    QStringList extra;
    for (const SpeechRow& row : speeches) {
        const QString k = keyOf(row);
        if (!keys.contains(k) && !extra.contains(k))
            extra.append(k);
    }
    std::sort(extra.begin(), extra.end(), [](const QString& a, const QString& b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    keys += extra;

    qint64 totalMs = 0;
    for (const SpeechRow& row : speeches)
        totalMs += spokenAsShown(row.speech);
    Breakdown b;
    b.title = title;
    for (const QString& k : std::as_const(keys)) {
        Share share;
        share.label = k;
        for (const SpeechRow& row : speeches) {
            if (keyOf(row) == k) {
                ++share.interventions;
                share.speakingMs += spokenAsShown(row.speech);
            }
        }
        if (share.interventions == 0 && hideWhenZero.contains(k))
            continue;
        if (!speeches.isEmpty())
            share.interventionPercent = 100.0 * share.interventions / double(speeches.size());
        if (totalMs > 0)
            share.timePercent = 100.0 * double(share.speakingMs) / double(totalMs);
        b.shares.append(share);
    }
    return b;
}

template <typename E> QStringList labelsOf(std::initializer_list<E> values) {
    QStringList labels;
    for (E v : values)
        labels << label(v);
    return labels;
}

template <typename E> QStringList allLabels() {
    QStringList labels;
    for (int i = 0; i < enumCount<E>(); ++i)
        labels << label(enumAt<E>(i));
    return labels;
}

QString genderOf(const SpeechRow& row, QStringList* seen) {
    const QString g = row.speaker.gender.simplified();
    if (g.isEmpty())
        return tr("Not stated");
    // Self-described: "female" and "Female" are one group, shown as first written, with a
    // capital as a table's rows have ("Female" stood above "male").
    for (const QString& s : std::as_const(*seen)) {
        if (s.compare(g, Qt::CaseInsensitive) == 0)
            return s;
    }
    const QString shown = g.at(0).toUpper() + g.mid(1);
    seen->append(shown);
    return shown;
}

} // namespace

Balance balanceOf(const QList<SpeechRow>& speeches) {
    Balance b;
    b.group = tally(tr("Stakeholder group"), speeches,
                    [](const SpeechRow& r) { return label(r.speaker.group); },
                    allLabels<StakeholderGroup>(), {label(StakeholderGroup::Unspecified)});
    b.group.unstated = label(StakeholderGroup::Unspecified);
    b.region =
        tally(tr("Region"), speeches, [](const SpeechRow& r) { return label(r.speaker.region); },
              allLabels<Region>(), {label(Region::Unspecified)});
    b.region.unstated = label(Region::Unspecified);
    b.presence =
        tally(tr("Presence"), speeches, [](const SpeechRow& r) { return label(r.speech.channel); },
              allLabels<Presence>(), {});
    auto seen = std::make_shared<QStringList>();
    b.gender = tally(tr("Gender"), speeches,
                     [seen](const SpeechRow& r) { return genderOf(r, seen.get()); }, {}, {});
    // The online moderator and the rapporteur rarely speak: listed only when they did.
    b.role = tally(
        tr("Role"), speeches, [](const SpeechRow& r) { return label(r.speaker.role); },
        allLabels<Role>(), labelsOf({Role::OnlineModerator, Role::Rapporteur}));
    return b;
}

} // namespace podium::report
