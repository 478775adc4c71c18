#include "decisions.h"
#include "model/cbor_input.h"
#include "model/codec.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextBoundaryFinder>

using namespace Qt::StringLiterals;

namespace podium::decisions {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::Session", text);
}

constexpr int maxOptions = 20;
constexpr int maxText = 500;

template <typename E> bool validKey(const QCborMap& m, QStringView k) {
    return !m.contains(k) || fromKey<E>(m.value(k).toString()).has_value();
}

QString checkParticipantFields(const QCborMap& a) {
    if (a.contains(u"name"_s) && a.value(u"name"_s).toString().trimmed().isEmpty())
        return tr("A participant needs a name.");
    if (a.value(u"name"_s).toString().size() > 200)
        return tr("That name is too long.");
    if (!validKey<StakeholderGroup>(a, u"group") || !validKey<Region>(a, u"region") ||
        !validKey<Presence>(a, u"presence") || !validKey<Role>(a, u"role"))
        return tr("Unknown stakeholder group, region, presence or role.");
    return {};
}

Participant merged(Participant p, const QCborMap& a) {
    QCborMap m = codec::toCbor(p);
    for (const QString& k : {u"name"_s, u"affiliation"_s, u"group"_s, u"region"_s, u"gender"_s,
                             u"presence"_s, u"role"_s}) {
        // One way to write "Nguyễn": a name typed on a Mac (decomposed) and one from a plan
        // (composed) are the same person, found and compared alike.
        if (a.contains(k))
            m[k] = a.value(k).toString().trimmed().normalized(QString::NormalizationForm_C);
    }
    return codec::participant(m);
}

// A draft poll `id` as the command writes it (CreatePoll, EditPoll).
Data draftPoll(Id id, const Command& c) {
    Poll p;
    p.id = id;
    p.question = c.args.value(u"question"_s).toString().trimmed().left(maxText);
    p.multipleChoice = c.args.value(u"multiple"_s).toBool();
    for (const QCborValue& o : c.args.value(u"options"_s).toArray()) {
        const QString option = o.toString().trimmed().left(maxText);
        if (!option.isEmpty() && !p.options.contains(option))
            p.options.append(option);
    }
    if (p.question.isEmpty())
        return Data::failure(tr("A poll needs a question."));
    if (p.options.size() < 2 || p.options.size() > maxOptions)
        return Data::failure(tr("A poll needs between 2 and 20 different options."));
    p.tallies.fill(Tally{0, 0, 0}, p.options.size());
    return QCborMap{{u"poll"_s, codec::toCbor(p)}};
}

Data setTally(const Poll& p, const Command& c) {
    const qint64 option = integerOf(c.args.value(u"option"_s), -1);
    const auto source = fromKey<TallySource>(c.args.value(u"source"_s).toString());
    const qint64 count = integerOf(c.args.value(u"count"_s), -1);
    if (option < 0 || option >= p.options.size())
        return Data::failure(tr("That poll has no such option."));
    if (!source)
        return Data::failure(tr("Unknown tally source."));
    if (count < 0 || count > maxVotesPerTally)
        return Data::failure(tr("A tally must be between 0 and 10 million."));
    QCborMap data{
        {u"poll"_s, p.id}, {u"option"_s, option}, {u"source"_s, key(*source)}, {u"count"_s, count}};
    // A vote from the room's voting page names its ballot (a digest of the phone's cookie, never
    // the cookie): the page, started again after a crash, knows from the log who voted already.
    // The reducer reads nothing of it.
    if (c.args.contains(u"ballot"_s)) {
        const QString ballot = c.args.value(u"ballot"_s).toString();
        static const QRegularExpression digest(u"^[0-9a-f]{32}$"_s);
        if (*source != TallySource::Web || !digest.match(ballot).hasMatch())
            return Data::failure(tr("A phone's vote is counted in the Web tally, with its ballot "
                                    "as the voting page names it."));
        data[u"ballot"_s] = ballot;
    }
    // Changed after it closed: the results as read out go with it (Poll::readOut), for every
    // seat to tell whether they differ now (an undone correction no longer does).
    if (p.status == PollStatus::Closed)
        data[u"readOut"_s] = codec::toCbor(p.readOut.isEmpty() ? p.tallies : p.readOut);
    return data;
}

// As a reader counts them: "🙏" or "र्मा" is one or two, not the two or four UTF-16 units Qt
// counts (71 emoji were "over 140 characters").
qsizetype charactersIn(const QString& text) {
    QTextBoundaryFinder graphemes(QTextBoundaryFinder::Grapheme, text);
    qsizetype count = 0;
    while (graphemes.toNextBoundary() > 0)
        ++count;
    return count;
}

} // namespace

Data participants(const SessionState& s, const Command& c) {
    if (const QString why = checkParticipantFields(c.args); !why.isEmpty())
        return Data::failure(why);
    if (c.action == Action::AddParticipant) {
        if (c.args.value(u"name"_s).toString().trimmed().isEmpty())
            return Data::failure(tr("A participant needs a name."));
        Participant p = merged(Participant{}, c.args);
        // Back under the id they had: the steps that name them (their queue entry's) work again.
        const Id asked = integerOf(c.args.value(u"id"_s));
        p.id = s.isFreeOldId(asked) ? asked : s.nextId;
        return QCborMap{{u"participant"_s, codec::toCbor(p)}};
    }
    const Participant* p = s.participant(integerOf(c.args.value(u"participant"_s)));
    if (!p)
        return Data::failure(tr("No such participant."));
    if (c.action == Action::EditParticipant)
        return QCborMap{{u"participant"_s, codec::toCbor(merged(*p, c.args))}};
    if (const QString why = whyOnRecord(s, *p); !why.isEmpty())
        return Data::failure(why);
    return QCborMap{{u"participant"_s, p->id}};
}

QString whyOnRecord(const SessionState& s, const Participant& p) {
    const auto named = [&p](const auto& list) {
        return std::any_of(list.begin(), list.end(),
                           [&p](const auto& x) { return x.participantId == p.id; });
    };
    if (s.floor && s.floor->entry.participantId == p.id)
        return tr("%1 has the floor: they stay on the roster.").arg(p.name);
    if (named(s.speeches))
        return tr("%1 has spoken, and the report counts it: they stay on the roster.").arg(p.name);
    if (named(s.queue))
        return tr("%1 has an entry in the queue: they stay on the roster.").arg(p.name);
    return {};
}

// `keepsTimes`: the poll's opening and closing times are kept (Poll::openedAt, closedAt); events
// from before they were kept do not ask, so that their replay gives the states saved then.
// The undo of a reopening closes it as it was: at its earlier close (no later than now, no
// earlier than its opening), with what was read out then.
Data closing(const Poll& p, const Command& c, qint64 now) {
    QCborMap data{{u"poll"_s, p.id}, {u"keepsTimes"_s, true}};
    const qint64 closedAt = integerOf(c.args.value(u"closedAt"_s));
    if (closedAt >= p.openedAt && closedAt > 0 && closedAt <= now)
        data[u"closedAt"_s] = closedAt;
    if (c.args.value(u"readOut"_s).isArray()) {
        data[u"readOut"_s] =
            codec::toCbor(codec::tallies(c.args.value(u"readOut"_s), p.options.size()));
        data[u"correctedAt"_s] = qBound<qint64>(0, integerOf(c.args.value(u"correctedAt"_s)), now);
    }
    return data;
}

Data polls(const SessionState& s, const Command& c, qint64 now) {
    if (c.action == Action::CreatePoll)
        return draftPoll(s.nextId, c);
    if (c.action == Action::RestorePoll) {
        const Poll p = codec::poll(c.args.value(u"poll"_s).toMap());
        if (p.id == 0 || s.poll(p.id))
            return Data::failure(tr("That poll exists already."));
        return QCborMap{{u"poll"_s, codec::toCbor(p)},
                        {u"position"_s, integerOf(c.args.value(u"position"_s))}};
    }
    const Poll* p = s.poll(integerOf(c.args.value(u"poll"_s)));
    if (!p)
        return Data::failure(tr("No such poll."));
    const QCborMap ref{{u"poll"_s, p->id}};
    switch (c.action) {
    case Action::OpenPoll:
        if (p->status == PollStatus::Open)
            return Data::failure(tr("That poll is already open."));
        // One at a time: the room's screen shows one, and the online moderator's tallies went
        // into whichever their panel showed (Ctrl+P on a poll just written opened it beside
        // the one running, and the moderators' panels and the projector showed different polls).
        for (const Poll& other : s.polls) {
            if (other.status == PollStatus::Open)
                return Data::failure(tr("“%1” is still open: close it first, then open this one.")
                                         .arg(other.question));
        }
        return QCborMap{{u"poll"_s, p->id}, {u"keepsTimes"_s, true}};
    case Action::ClosePoll:
        if (p->status != PollStatus::Open)
            return Data::failure(tr("That poll is not open."));
        if (!c.args.value(u"toDraft"_s).toBool())
            return closing(*p, c, now);
        if (p->totalVotes() > 0)
            return Data::failure(tr("Votes were entered since it opened: close the poll instead."));
        return QCborMap{{u"poll"_s, p->id}, {u"toDraft"_s, true}, {u"keepsTimes"_s, true}};
    case Action::SetTally:
        return setTally(*p, c);
    // A poll is put right, or dropped from the Polls panel, only until it opens: opened on the
    // other seat meanwhile, it has votes, which an edit would reset and a removal take away.
    case Action::EditPoll:
    case Action::RemovePoll: {
        const bool draftOnly =
            c.action == Action::EditPoll || c.args.value(u"draftOnly"_s).toBool();
        if (draftOnly && p->status != PollStatus::Draft)
            return Data::failure(
                tr("“%1” was opened meanwhile: it was left as it is.").arg(p->question));
        return c.action == Action::EditPoll ? draftPoll(p->id, c) : Data(ref);
    }
    default:
        break;
    }
    return Data::failure(tr("Not a poll action."));
}

Data session(const SessionState& s, const Command& c) {
    switch (c.action) {
    case Action::EditSession: {
        QCborMap info = codec::toCbor(s.info);
        const QCborMap changes = c.args.value(u"info"_s).toMap();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            info[it.key()] = it.value();
        const SessionInfo edited = codec::sessionInfo(info);
        if (edited.title.trimmed().isEmpty())
            return Data::failure(tr("A session needs a title."));
        if (!edited.start.isEmpty() && !isStartTime(edited.start))
            return Data::failure(tr("A start time is written HH:MM, as 09:30."));
        // (Checked when it changes: a plan may have made one shorter, and it stays editable.)
        if (edited.plannedMs != s.info.plannedMs &&
            (edited.plannedMs < 60'000 || edited.plannedMs > 24 * 3600'000))
            return Data::failure(tr("A session lasts between a minute and a day."));
        // Time given to the session clock stays given: only a new length moves it, by as much.
        const qint64 allotted = s.sessionClock.allottedMs + edited.plannedMs - s.info.plannedMs;
        return QCborMap{{u"info"_s, codec::toCbor(edited)},
                        {u"sessionAllottedMs"_s, qMax<qint64>(0, allotted)}};
    }
    case Action::SetAllotments: {
        // The times given, over the others as they are: two seats' details dialogs, each OK'd
        // with one time changed, set back each other's.
        QCborMap merged = codec::toCbor(s.allotments);
        const QCborMap given = c.args.value(u"allotments"_s).toMap();
        for (auto it = given.begin(); it != given.end(); ++it)
            merged[it.key()] = it.value();
        const Allotments a = codec::allotments(merged);
        if (a.panelistMs <= 0 || a.audienceMs <= 0 || a.moderatorMs <= 0 || a.warningMs < 0)
            return Data::failure(tr("Speaking times must be longer than zero."));
        return QCborMap{{u"allotments"_s, codec::toCbor(a)}};
    }
    case Action::SetStageMessage: {
        const QString text = stageMessageText(c.args.value(u"text"_s));
        if (!stageMessageFits(text))
            return Data::failure(tr("The message to the speaker can be %1 characters at most.")
                                     .arg(maxStageMessage));
        return QCborMap{{u"text"_s, text}};
    }
    default:
        break;
    }
    return Data::failure(tr("Not a session action."));
}

// Also a bound on what the characters are made of: a character may be a family emoji with skin
// tones (19 UTF-16 units) or a flag (14), but not a thousand combining marks.
bool stageMessageFits(const QString& text) {
    return charactersIn(text) <= maxStageMessage && text.size() <= 32 * maxStageMessage;
}

QString stageMessageText(const QCborValue& text) {
    QString shown = text.toString();
    for (QChar& ch : shown) {
        const char16_t u = ch.unicode();
        const bool bidiControl = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
        if (ch.category() == QChar::Other_Control || bidiControl)
            ch = u' ';
    }
    return shown.simplified();
}

} // namespace podium::decisions
