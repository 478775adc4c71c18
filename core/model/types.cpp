#include "types.h"

#include <QCoreApplication>
#include <array>
#include <span>
#include <utility>

namespace podium {
namespace {

struct Name {
    const char* key;
    const char* label;
};

template <typename E, std::size_t N> struct Table { std::array<Name, N> names; };

QString keyAt(std::span<const Name> names, std::size_t i) {
    return i < names.size() ? QString::fromLatin1(names[i].key) : QString();
}

QString labelAt(std::span<const Name> names, std::size_t i) {
    return i < names.size() ? QCoreApplication::translate("podium", names[i].label) : QString();
}

std::optional<std::size_t> indexOfKey(std::span<const Name> names, const QString& k) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (k == QLatin1String(names[i].key))
            return i;
    }
    return std::nullopt;
}

constexpr Table<Role, 5> roles{{{{"moderator", "Moderator"},
                                 {"online-moderator", "Online moderator"},
                                 {"rapporteur", "Rapporteur"},
                                 {"panelist", "Panelist"},
                                 {"audience", "Audience"}}}};
constexpr Table<Presence, 2> presences{{{{"onsite", "Onsite"}, {"online", "Online"}}}};
constexpr Table<StakeholderGroup, 6> groups{{{{"government", "Government"},
                                              {"private-sector", "Private sector"},
                                              {"civil-society", "Civil society"},
                                              {"technical-community", "Technical community"},
                                              {"intergovernmental", "Intergovernmental"},
                                              {"unspecified", "Unspecified"}}}};
constexpr Table<Region, 6> regions{{{{"african", "African Group"},
                                     {"asia-pacific", "Asia-Pacific Group"},
                                     {"eastern-european", "Eastern European Group"},
                                     {"latin-american-caribbean", "Latin American and Caribbean"},
                                     {"weog", "Western European and Others"},
                                     {"unspecified", "Unspecified"}}}};
constexpr Table<EntryKind, 4> entryKinds{{{{"new-point", "New point"},
                                           {"reply", "Reply"},
                                           {"clarifying-question", "Clarifying question"},
                                           {"point-of-order", "Point of order"}}}};
constexpr Table<PollStatus, 3> pollStatuses{
    {{{"draft", "Draft"}, {"open", "Open"}, {"closed", "Closed"}}}};
constexpr Table<TallySource, 3> tallySources{
    {{{"onsite", "Onsite"}, {"online", "Online"}, {"web", "Web"}}}};
constexpr Table<TimerId, 3> timerIds{
    {{{"session", "Session"}, {"segment", "Segment"}, {"speaker", "Speaker"}}}};
constexpr Table<Authority, 3> authorities{{{{"moderator", "Moderator"},
                                            {"online-moderator", "Online moderator"},
                                            {"read-only", "Read-only"}}}};

} // namespace

#define PODIUM_DEFINE_ENUM(E, table)                                                               \
    QString key(E value) {                                                                         \
        return keyAt(table.names, std::size_t(value));                                             \
    }                                                                                              \
    QString label(E value) {                                                                       \
        return labelAt(table.names, std::size_t(value));                                           \
    }                                                                                              \
    std::optional<E> EnumInfo<E>::fromKey(const QString& k) {                                      \
        const auto i = indexOfKey(table.names, k);                                                 \
        return i ? std::optional<E>(static_cast<E>(*i)) : std::nullopt;                            \
    }                                                                                              \
    int EnumInfo<E>::count() {                                                                     \
        return int(table.names.size());                                                            \
    }

PODIUM_DEFINE_ENUM(Role, roles)
PODIUM_DEFINE_ENUM(Presence, presences)
PODIUM_DEFINE_ENUM(StakeholderGroup, groups)
PODIUM_DEFINE_ENUM(Region, regions)
PODIUM_DEFINE_ENUM(EntryKind, entryKinds)
PODIUM_DEFINE_ENUM(PollStatus, pollStatuses)
PODIUM_DEFINE_ENUM(TallySource, tallySources)
PODIUM_DEFINE_ENUM(TimerId, timerIds)
PODIUM_DEFINE_ENUM(Authority, authorities)

} // namespace podium
