#include "plan.h"

#include "model/codec.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

// Resources of a static library must be registered by hand, outside any namespace.
static void registerCoreResources() {
    Q_INIT_RESOURCE(core);
}

namespace podium {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::Plan", text);
}

constexpr int maxParticipants = 5000;
constexpr int maxSegments = 100;
constexpr int maxPolls = 50;
constexpr int maxPollOptions = 20; // as a poll made in the cockpit

QString typeName(QJsonValue::Type type) {
    switch (type) {
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::Array:
        return tr("a list");
    case QJsonValue::Object:
        return tr("an object");
    default:
        return tr("text");
    }
}

// The first of `fields` present in `o` with another type than `type`, named with `where`; empty
// when there is none. A wrong type was read as missing: "durationMinutes": "60" planned 90.
QString typeError(const QJsonObject& o, const QStringList& fields, QJsonValue::Type type,
                  const QString& where) {
    for (const QString& field : fields) {
        if (o.contains(field) && o.value(field).type() != type)
            return tr("%1: \"%2\" must be %3.").arg(where, field, typeName(type));
    }
    return {};
}

template <typename E> QString validKeys() {
    QStringList keys;
    for (int i = 0; i < enumCount<E>(); ++i)
        keys << key(enumAt<E>(i));
    return keys.join(u", ");
}

// Reads an optional enum field; a present but unknown value is an error naming the choices.
template <typename E>
bool readEnum(const QJsonObject& o, const QString& field, E& out, QString& error,
              const QString& where) {
    if (!o.contains(field))
        return true;
    const auto v = fromKey<E>(o.value(field).toString());
    if (!v) {
        error = tr("%1: unknown %2 \"%3\" (expected one of: %4).")
                    .arg(where, field, o.value(field).toString(), validKeys<E>());
        return false;
    }
    out = *v;
    return true;
}

Result<Participant> readParticipant(const QJsonValue& v, int index) {
    const QString where = tr("participant %1").arg(index + 1);
    if (!v.isObject())
        return Result<Participant>::failure(tr("%1 is not an object.").arg(where));
    const QJsonObject o = v.toObject();
    if (const QString e = typeError(o,
                                    {u"name"_s, u"affiliation"_s, u"gender"_s, u"group"_s,
                                     u"region"_s, u"presence"_s, u"role"_s},
                                    QJsonValue::String, where);
        !e.isEmpty())
        return Result<Participant>::failure(e);
    Participant p;
    p.name = o.value(u"name"_s).toString().trimmed();
    if (p.name.isEmpty())
        return Result<Participant>::failure(tr("%1 has no name.").arg(where));
    p.affiliation = o.value(u"affiliation"_s).toString();
    p.gender = o.value(u"gender"_s).toString();
    QString error;
    if (!readEnum(o, u"group"_s, p.group, error, where) ||
        !readEnum(o, u"region"_s, p.region, error, where) ||
        !readEnum(o, u"presence"_s, p.presence, error, where) ||
        !readEnum(o, u"role"_s, p.role, error, where))
        return Result<Participant>::failure(error);
    return p;
}

Result<Segment> readSegment(const QJsonValue& v, int index) {
    const QString where = tr("agenda item %1").arg(index + 1);
    const QJsonObject o = v.toObject();
    QString e = typeError(o, {u"title"_s}, QJsonValue::String, where);
    if (e.isEmpty())
        e = typeError(o, {u"minutes"_s}, QJsonValue::Double, where);
    if (!e.isEmpty())
        return Result<Segment>::failure(e);
    Segment s;
    s.title = o.value(u"title"_s).toString().trimmed();
    const double minutes = o.value(u"minutes"_s).toDouble(-1);
    if (!v.isObject() || s.title.isEmpty())
        return Result<Segment>::failure(tr("%1 has no title.").arg(where));
    // As the agenda editor takes them: a segment of a few seconds is a typing slip (0.01 for
    // 10), and one under a millisecond came out as a segment of no time.
    if (minutes < 1 || minutes > 24 * 60)
        return Result<Segment>::failure(tr("%1 needs \"minutes\" between 1 and 1440.").arg(where));
    s.plannedMs = qint64(minutes * 60'000);
    return s;
}

// A poll written ahead, as the cockpit's New poll takes one: a question and 2 to 20 different
// options; it comes into the session as a draft.
Result<Poll> readPoll(const QJsonValue& v, int index) {
    const QString where = tr("poll %1").arg(index + 1);
    if (!v.isObject())
        return Result<Poll>::failure(tr("%1 is not an object.").arg(where));
    const QJsonObject o = v.toObject();
    QString e = typeError(o, {u"question"_s}, QJsonValue::String, where);
    if (e.isEmpty())
        e = typeError(o, {u"options"_s}, QJsonValue::Array, where);
    if (e.isEmpty())
        e = typeError(o, {u"multipleChoice"_s}, QJsonValue::Bool, where);
    if (!e.isEmpty())
        return Result<Poll>::failure(e);
    Poll p;
    p.question = o.value(u"question"_s).toString().trimmed();
    if (p.question.isEmpty())
        return Result<Poll>::failure(tr("%1 has no question.").arg(where));
    for (const QJsonValue& option : o.value(u"options"_s).toArray()) {
        const QString text = option.toString().trimmed();
        if (!text.isEmpty() && !p.options.contains(text))
            p.options << text;
    }
    if (p.options.size() < 2 || p.options.size() > maxPollOptions)
        return Result<Poll>::failure(
            tr("%1 needs between 2 and %2 different options.").arg(where).arg(maxPollOptions));
    p.multipleChoice = o.value(u"multipleChoice"_s).toBool();
    p.tallies.fill(Tally{0, 0, 0}, p.options.size());
    return p;
}

qint64 secondsField(const QJsonObject& o, const QString& field, qint64 fallbackMs) {
    return o.contains(field) ? qint64(o.value(field).toDouble() * 1000) : fallbackMs;
}

Result<Allotments> readAllotments(const QJsonObject& o) {
    const QStringList fields{u"panelistSeconds"_s, u"audienceSeconds"_s, u"moderatorSeconds"_s,
                             u"warningSeconds"_s};
    if (const QString e = typeError(o, fields, QJsonValue::Double, u"speakingTime"_s); !e.isEmpty())
        return Result<Allotments>::failure(e);
    for (const QString& field : fields) {
        const double seconds = o.value(field).toDouble(1);
        const bool warning = field == fields.last(); // 0: no warning
        if (seconds < (warning ? 0 : 1) || seconds > 24 * 3600)
            return Result<Allotments>::failure(
                (warning ? tr("speakingTime: \"%1\" must be between 0 (no warning) and 24 hours.")
                         : tr("speakingTime: \"%1\" must be between 1 second and 24 hours."))
                    .arg(field));
    }
    Allotments a;
    a.panelistMs = secondsField(o, u"panelistSeconds"_s, a.panelistMs);
    a.audienceMs = secondsField(o, u"audienceSeconds"_s, a.audienceMs);
    a.moderatorMs = secondsField(o, u"moderatorSeconds"_s, a.moderatorMs);
    a.warningMs = secondsField(o, u"warningSeconds"_s, a.warningMs);
    return a;
}

Result<SessionInfo> readInfo(const QJsonObject& o, PlanUse use) {
    QString e = typeError(o, {u"title"_s, u"date"_s, u"start"_s, u"room"_s, u"format"_s},
                          QJsonValue::String, u"session"_s);
    if (e.isEmpty())
        e = typeError(o, {u"durationMinutes"_s}, QJsonValue::Double, u"session"_s);
    if (e.isEmpty())
        e = typeError(o, {u"policyQuestions"_s}, QJsonValue::Array, u"session"_s);
    if (!e.isEmpty())
        return Result<SessionInfo>::failure(e);
    SessionInfo info;
    info.title = o.value(u"title"_s).toString().trimmed();
    if (info.title.isEmpty() && use == PlanUse::NewSession)
        return Result<SessionInfo>::failure(tr("The session has no title."));
    info.date = o.value(u"date"_s).toString();
    info.start = o.value(u"start"_s).toString().trimmed();
    if (!info.start.isEmpty() && !isStartTime(info.start))
        return Result<SessionInfo>::failure(
            tr("\"start\" is the time the session begins, written HH:MM (as \"09:30\"), not "
               "\"%1\".")
                .arg(info.start));
    info.room = o.value(u"room"_s).toString();
    info.format = o.value(u"format"_s).toString();
    const double minutes = o.value(u"durationMinutes"_s).toDouble(90);
    if (minutes <= 0 || minutes > 24 * 60)
        return Result<SessionInfo>::failure(
            tr("\"durationMinutes\" must be more than 0 and at most 1440 (a day)."));
    info.plannedMs = qint64(minutes * 60'000);
    for (const QJsonValue& q : o.value(u"policyQuestions"_s).toArray())
        info.policyQuestions << q.toString();
    return info;
}

QString checkHeader(const QJsonDocument& doc) {
    if (!doc.isObject())
        return tr("A session plan is a JSON object.");
    const QJsonValue version = doc.object().value(u"podiumPlan"_s);
    if (!version.isDouble())
        return tr("This JSON file is not a Podium session plan (no \"podiumPlan\" version).");
    if (version.toInt() > planFormatVersion)
        return tr("This plan was made by a newer Podium (plan format %1; this one reads up to %2).")
            .arg(version.toInt())
            .arg(planFormatVersion);
    return {};
}

// What a file that is no JSON was, as far as can be told, and what to do about it: "illegal
// value at byte 1" told a moderator nothing about a plan saved as UTF-16 or a roster in CSV.
QString notJson(const QByteArray& bytes, const QJsonParseError& error) {
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        return tr("The plan is in UTF-16; Podium reads plans in UTF-8: save it again as UTF-8.");
    if (error.error == QJsonParseError::IllegalUTF8String)
        return tr("The plan is not in UTF-8 (perhaps Latin-1 or Windows-1252): save it again as "
                  "UTF-8.");
    const QByteArray start = bytes.trimmed();
    if (!start.startsWith('{') && !start.startsWith('[') && !start.startsWith("\xEF\xBB\xBF"))
        return tr("This is not a session plan: a plan is a JSON file such as File → Export plan "
                  "writes (a list of people in a spreadsheet must be put into that form).");
    // Where a text editor shows it: a byte offset sent a moderator counting characters.
    // (Qt's offset is just past the token at fault.)
    const QByteArray before = bytes.left(qMax(0, error.offset - 1));
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size() + 1;
    // Qt names a comma missing between two members an unterminated object.
    const bool maybeComma = error.error == QJsonParseError::UnterminatedObject ||
                            error.error == QJsonParseError::UnterminatedArray ||
                            error.error == QJsonParseError::MissingValueSeparator;
    return (maybeComma ? tr("The plan is not valid JSON: %1 at line %2, column %3 (often a comma "
                            "missing at the end of the line before, or a closing bracket).")
                       : tr("The plan is not valid JSON: %1 at line %2, column %3."))
        .arg(error.errorString())
        .arg(line)
        .arg(column);
}

} // namespace

Result<Plan> parsePlan(const QByteArray& json, PlanUse use) {
    if (json.trimmed().isEmpty())
        return Result<Plan>::failure(tr("The plan file is empty."));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Result<Plan>::failure(notJson(json, parseError));
    if (const QString why = checkHeader(doc); !why.isEmpty())
        return Result<Plan>::failure(why);
    const QJsonObject root = doc.object();
    QString e =
        typeError(root, {u"session"_s, u"speakingTime"_s}, QJsonValue::Object, tr("The plan"));
    if (e.isEmpty())
        e = typeError(root, {u"participants"_s, u"agenda"_s, u"polls"_s}, QJsonValue::Array,
                      tr("The plan"));
    if (!e.isEmpty())
        return Result<Plan>::failure(e);
    Plan plan;
    auto info = readInfo(root.value(u"session"_s).toObject(), use);
    if (!info)
        return Result<Plan>::failure(info.error());
    plan.info = info.value();
    auto allotments = readAllotments(root.value(u"speakingTime"_s).toObject());
    if (!allotments)
        return Result<Plan>::failure(allotments.error());
    plan.allotments = allotments.value();
    const QJsonArray people = root.value(u"participants"_s).toArray();
    const QJsonArray agenda = root.value(u"agenda"_s).toArray();
    const QJsonArray polls = root.value(u"polls"_s).toArray();
    if (people.size() > maxParticipants || agenda.size() > maxSegments || polls.size() > maxPolls)
        return Result<Plan>::failure(tr("The plan is too large (at most %1 participants, %2 "
                                        "agenda items and %3 polls).")
                                         .arg(maxParticipants)
                                         .arg(maxSegments)
                                         .arg(maxPolls));
    for (int i = 0; i < people.size(); ++i) {
        auto p = readParticipant(people[i], i);
        if (!p)
            return Result<Plan>::failure(p.error());
        plan.participants << p.value();
    }
    for (int i = 0; i < agenda.size(); ++i) {
        auto s = readSegment(agenda[i], i);
        if (!s)
            return Result<Plan>::failure(s.error());
        plan.segments << s.value();
    }
    for (int i = 0; i < polls.size(); ++i) {
        auto p = readPoll(polls[i], i);
        if (!p)
            return Result<Plan>::failure(p.error());
        plan.polls << p.value();
    }
    return plan;
}

Result<Plan> readPlanFile(const QString& path, PlanUse use) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Result<Plan>::failure(tr("Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > 16 * 1024 * 1024)
        return Result<Plan>::failure(tr("%1 is too large to be a session plan.").arg(path));
    auto plan = parsePlan(file.readAll(), use);
    if (!plan) // which file: the message box may come long after the file was picked
        return Result<Plan>::failure(tr("%1: %2").arg(QFileInfo(path).fileName(), plan.error()));
    return plan;
}

QByteArray planToJson(const Plan& plan) {
    QJsonArray people;
    for (const Participant& p : plan.participants) {
        QJsonObject o{{u"name"_s, p.name},
                      {u"affiliation"_s, p.affiliation},
                      {u"group"_s, key(p.group)},
                      {u"region"_s, key(p.region)},
                      {u"presence"_s, key(p.presence)},
                      {u"role"_s, key(p.role)}};
        if (!p.gender.isEmpty())
            o[u"gender"_s] = p.gender;
        people.append(o);
    }
    QJsonArray agenda;
    for (const Segment& s : plan.segments)
        agenda.append(QJsonObject{{u"title"_s, s.title}, {u"minutes"_s, s.plannedMs / 60'000.0}});
    QJsonArray polls;
    for (const Poll& p : plan.polls)
        polls.append(QJsonObject{{u"question"_s, p.question},
                                 {u"options"_s, QJsonArray::fromStringList(p.options)},
                                 {u"multipleChoice"_s, p.multipleChoice}});
    const SessionInfo& i = plan.info;
    const Allotments& a = plan.allotments;
    QJsonObject root{
        {u"podiumPlan"_s, planFormatVersion},
        {u"session"_s,
         QJsonObject{{u"title"_s, i.title},
                     {u"date"_s, i.date},
                     {u"start"_s, i.start},
                     {u"room"_s, i.room},
                     {u"format"_s, i.format},
                     {u"durationMinutes"_s, i.plannedMs / 60'000.0},
                     {u"policyQuestions"_s, QJsonArray::fromStringList(i.policyQuestions)}}},
        {u"speakingTime"_s, QJsonObject{{u"panelistSeconds"_s, a.panelistMs / 1000.0},
                                        {u"audienceSeconds"_s, a.audienceMs / 1000.0},
                                        {u"moderatorSeconds"_s, a.moderatorMs / 1000.0},
                                        {u"warningSeconds"_s, a.warningMs / 1000.0}}},
        {u"participants"_s, people},
        {u"agenda"_s, agenda}};
    if (!polls.isEmpty())
        root[u"polls"_s] = polls;
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Plan planOf(const SessionState& s) {
    Plan plan{s.info, s.allotments, s.participants, {}, {}};
    for (Participant& p : plan.participants)
        p.id = 0;
    for (const Segment& seg : s.segments)
        plan.segments << Segment{seg.title, seg.plannedMs, 0, 0, {}};
    // Next year's session asks again what this one asked; its answers stay in this one's report.
    for (const Poll& p : s.polls) {
        Poll draft{0, p.question, p.options, p.multipleChoice, PollStatus::Draft, {}};
        draft.tallies.fill(Tally{0, 0, 0}, p.options.size());
        plan.polls << draft;
    }
    return plan;
}

Event creationEvent(const Plan& plan, const QString& sessionId, qint64 at) {
    QCborArray people;
    Id id = 1;
    for (Participant p : plan.participants) {
        p.id = id++;
        people.append(codec::toCbor(p));
    }
    QCborArray polls;
    for (Poll p : plan.polls) {
        p.id = id++;
        polls.append(codec::toCbor(p));
    }
    Event e;
    e.seq = 1;
    e.at = at;
    e.action = Action::CreateSession;
    e.data = QCborMap{{u"sessionId"_s, sessionId},
                      {u"info"_s, codec::toCbor(plan.info)},
                      {u"allotments"_s, codec::toCbor(plan.allotments)},
                      {u"participants"_s, people},
                      {u"segments"_s, codec::toCborArray(plan.segments)}};
    if (!polls.isEmpty()) // as a session made before plans had polls
        e.data[u"polls"_s] = polls;
    return e;
}

Plan demoPlan() {
    registerCoreResources();
    auto plan = readPlanFile(u":/podium/demo-plan.json"_s);
    Q_ASSERT_X(plan.ok(), "demoPlan", qPrintable(plan.error()));
    return plan.ok() ? plan.value() : Plan{};
}

} // namespace podium
