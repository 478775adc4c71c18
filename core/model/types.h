#pragma once

#include <QString>
#include <optional>

// The vocabulary of a hybrid panel session. Each kind has a stable key (used in files and on the
// wire, never translated) and a label for people (translated).
namespace podium {

enum class Role { Moderator, OnlineModerator, Rapporteur, Panelist, Audience };
enum class Presence { Onsite, Online };
enum class StakeholderGroup {
    Government,
    PrivateSector,
    CivilSociety,
    TechnicalCommunity,
    Intergovernmental,
    Unspecified
};
enum class Region {
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanCaribbean,
    WesternEuropeanOthers,
    Unspecified
};
enum class EntryKind { NewPoint, Reply, ClarifyingQuestion, PointOfOrder };
enum class PollStatus { Draft, Open, Closed };
enum class TallySource { Onsite, Online, Web };
enum class TimerId { Session, Segment, Speaker };

// Who is allowed to do what: the role a connection or a local user was granted.
enum class Authority { Moderator, OnlineModerator, ReadOnly };

template <typename E> struct EnumInfo;

#define PODIUM_DECLARE_ENUM(E)                                                                     \
    QString key(E value);                                                                          \
    QString label(E value);                                                                        \
    template <> struct EnumInfo<E> {                                                               \
        static std::optional<E> fromKey(const QString& key);                                       \
        static int count();                                                                        \
    };

PODIUM_DECLARE_ENUM(Role)
PODIUM_DECLARE_ENUM(Presence)
PODIUM_DECLARE_ENUM(StakeholderGroup)
PODIUM_DECLARE_ENUM(Region)
PODIUM_DECLARE_ENUM(EntryKind)
PODIUM_DECLARE_ENUM(PollStatus)
PODIUM_DECLARE_ENUM(TallySource)
PODIUM_DECLARE_ENUM(TimerId)
PODIUM_DECLARE_ENUM(Authority)

#undef PODIUM_DECLARE_ENUM

template <typename E> std::optional<E> fromKey(const QString& k) {
    return EnumInfo<E>::fromKey(k);
}
template <typename E> int enumCount() {
    return EnumInfo<E>::count();
}
template <typename E> E enumAt(int i) {
    return static_cast<E>(i);
}

} // namespace podium
