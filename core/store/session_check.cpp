#include "session_check.h"

#include "event_rows.h"
#include "model/codec.h"
#include "model/reducer.h"
#include "session_file.h"
#include "sql_errors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace podium {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::SessionCheck", text);
}

void checkIntegrity(QSqlDatabase db, SessionCheck& check) {
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA integrity_check"_s)) {
        check.problems << tr("integrity check failed to run: %1").arg(q.lastError().text());
        check.databaseSound = false;
        return;
    }
    while (q.next()) {
        if (q.value(0).toString() != u"ok"_s) {
            check.problems << tr("integrity: %1").arg(q.value(0).toString());
            check.databaseSound = false;
        }
    }
}

QMap<qint64, QByteArray> snapshotDigests(QSqlDatabase db) {
    QMap<qint64, QByteArray> digests;
    QSqlQuery q(db);
    if (q.exec(u"SELECT seq, digest FROM snapshots"_s)) {
        while (q.next())
            digests.insert(q.value(0).toLongLong(), q.value(1).toByteArray());
    }
    return digests;
}

// An older Podium kept no reply's target in its speech (Speech::relatesTo), and an older one yet
// no segment's clock time (Segment::ranMs): its snapshots of a log with such events lack what the
// replay gives now, and are still that session. A file it began and a newer one carried on has
// snapshots that lack them for the speeches and segments before, and keep them after. The replay
// is compared with what each snapshot kept.
SessionState asKeptIn(SessionState replay, const SessionState& kept) {
    for (qsizetype i = 0; i < replay.speeches.size() && i < kept.speeches.size(); ++i) {
        if (kept.speeches[i].relatesTo == 0)
            replay.speeches[i].relatesTo = 0;
    }
    for (qsizetype i = 0; i < replay.segments.size() && i < kept.segments.size(); ++i) {
        if (!kept.segments[i].ranMs)
            replay.segments[i].ranMs.reset();
    }
    return replay;
}

bool matches(const SessionFile& file, qint64 seq, const QByteArray& stored,
             const SessionState& replay) {
    if (stored == codec::digest(replay))
        return true;
    const auto kept = file.snapshotFrom(seq);
    return kept && kept->lastSeq == seq && stored == codec::digest(asKeptIn(replay, *kept));
}

qint64 lastRowUpTo(const SessionFile& file, qint64 seq) {
    QSqlQuery q(file.database());
    q.prepare(u"SELECT coalesce(max(seq), 0) FROM events WHERE seq <= ?"_s);
    q.addBindValue(seq);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

// Replays every event from the first; where the log has a gap (a host's state taken over), the
// replay restarts from the snapshot that covers it. Each snapshot met must match the replay. A
// file that took a host's state after holding events of its own (a seat rejoining, a host that
// gave way) is checked from that state on: what it held before is its own history, orphans
// included, which that state replaced.
void checkReplay(const SessionFile& file, SessionCheck& check) {
    const qint64 adopted = file.adoptedSeq();
    const auto events = file.events(adopted + 1);
    if (!events) {
        if (check.damagedRows.isEmpty()) // otherwise each damaged row is named already
            check.problems << events.error();
        return;
    }
    const auto digests = snapshotDigests(file.database());
    SessionState replay;
    if (adopted > 0) {
        const auto base = file.snapshotFrom(adopted);
        if (!base) {
            check.problems << tr("the host's state taken at event %1 is missing").arg(adopted);
            return;
        }
        replay = *base;
        const qint64 shared = lastRowUpTo(file, adopted);
        check.warnings
            << (shared == 0
                    ? tr("events 1 to %1 were taken over from the host as a snapshot").arg(adopted)
                    : tr("events 1 to %1 are the history this seat shared with the "
                         "host, whose state at event %2 it then took; checked from "
                         "there on")
                          .arg(shared)
                          .arg(adopted));
    }
    for (const Event& e : events.value()) {
        if (e.seq <= replay.lastSeq)
            continue; // covered by the host's state this check starts from
        if (e.seq != replay.lastSeq + 1) {
            if (!digests.contains(e.seq - 1)) {
                check.problems << tr("event %1 is missing").arg(replay.lastSeq + 1);
                return;
            }
            check.warnings << tr("events %1 to %2 were taken over from the host as a snapshot")
                                  .arg(replay.lastSeq + 1)
                                  .arg(e.seq - 1);
            return; // what follows was verified when the file was opened from that snapshot
        }
        replay = apply(std::move(replay), e);
        if (digests.contains(e.seq)) {
            if (!matches(file, e.seq, digests.value(e.seq), replay))
                check.problems << tr("the snapshot at event %1 differs from the replay").arg(e.seq);
            else
                ++check.snapshotsVerified;
        }
    }
    if (codec::digest(replay) != check.digest &&
        codec::digest(asKeptIn(replay, file.state())) != check.digest)
        check.problems << tr("replaying the log does not give the state as opened");
}

// Every event row read as an open would read it, so that all the damage is named, not only the
// first the open stopped at.
void surveyRows(const SessionFile& file, SessionCheck& check) {
    QSqlQuery q(file.database());
    q.setForwardOnly(true);
    q.prepare(store::selectEventsSql(file.schemaVersion()));
    q.addBindValue(0);
    if (!q.exec())
        return; // the replay or the open names the failure
    store::EventRowReader reader(file.metadata(u"checksums_from"_s).toLongLong());
    while (q.next()) {
        QString why;
        if (!reader.read(q, &why))
            check.damagedRows << why;
        if (check.damage && q.value(0).toLongLong() >= check.damage->seq)
            ++check.eventsAfterDamage;
    }
}

void countOrphans(const SessionFile& file, SessionCheck& check) {
    if (file.schemaVersion() < 4)
        return;
    QSqlQuery q(file.database());
    if (q.exec(u"SELECT count(*) FROM orphaned_events"_s) && q.next())
        check.orphans = q.value(0).toLongLong();
}

// The file as a view, or, when a damaged event stops that, up to the damage.
Result<std::unique_ptr<SessionFile>> openForCheck(const QString& path) {
    auto whole = SessionFile::open(path, OpenMode::View);
    if (whole)
        return whole;
    auto upToDamage = SessionFile::open(path, OpenMode::UpToDamage);
    if (!upToDamage || !upToDamage.value()->damage())
        return whole;
    return upToDamage;
}

} // namespace

Result<SessionCheck> checkSessionFile(const QString& path) {
    const auto opened = openForCheck(path);
    if (!opened)
        return Result<SessionCheck>::failure(opened.error());
    const SessionFile& file = *opened.value();
    SessionCheck check;
    const SessionState& s = file.state();
    check.sessionId = file.sessionId();
    check.title = s.info.title;
    check.schemaVersion = file.schemaVersion();
    check.lastSeq = s.lastSeq;
    check.participants = s.participants.size();
    check.speeches = s.speeches.size();
    check.speechUnderWay = s.floor.has_value();
    check.polls = s.polls.size();
    check.digest = codec::digest(s);
    check.sessionDigest = codec::sessionDigest(s);
    check.warnings = file.warnings();
    if (!file.journalUnread().isEmpty())
        check.problems << file.journalUnread();
    checkIntegrity(file.database(), check);
    if (const auto n = file.eventCount())
        check.events = n.value();
    if (const auto notes = file.notes())
        check.notes = notes->size();
    check.damage = file.damage();
    surveyRows(file, check);
    if (check.damage) {
        if (!check.damagedRows.contains(check.damage->why))
            check.problems << check.damage->why; // a missing event
        check.problems << check.damagedRows;
    } else {
        check.problems << check.damagedRows;
        checkReplay(file, check);
    }
    countOrphans(file, check);
    return check;
}

int runSessionCheck(const QString& path, QTextStream& out) {
    const auto result = checkSessionFile(path);
    if (!result) {
        out << tr("Cannot check %1: %2")
                   .arg(path, QString(result.error()).remove(store::checkHint()))
            << '\n';
        return 2;
    }
    const SessionCheck& c = result.value();
    out << tr("Session file: %1").arg(path) << '\n'
        << tr("  session:      %1 (%2)").arg(c.title, c.sessionId) << '\n'
        << tr("  file format:  %1").arg(c.schemaVersion) << '\n'
        << tr("  events:       %1 (last %2)").arg(c.events).arg(c.lastSeq) << '\n'
        << tr("  participants: %1, speeches: %2%3, polls: %4, notes: %5")
               .arg(c.participants)
               .arg(c.speeches)
               // "speeches: 0" while the first speaker spoke read as nothing recorded
               .arg(c.speechUnderWay ? tr(" and one under way") : QString())
               .arg(c.polls)
               .arg(c.notes)
        << '\n'
        << tr("  snapshots verified against the replay: %1").arg(c.snapshotsVerified) << '\n';
    if (c.orphans > 0)
        out << tr("  kept apart: %1 events that never reached the session's host (not part of "
                  "the session)")
                   .arg(c.orphans)
            << '\n';
    out << tr("  state digest: %1").arg(QString::fromLatin1(c.sessionDigest)) << '\n';
    for (const QString& w : c.warnings)
        out << tr("  note: %1").arg(w) << '\n';
    for (const QString& p : c.problems)
        out << tr("  PROBLEM: %1").arg(p) << '\n';
    out << (c.ok() ? tr("OK: the file is sound.") : tr("The file has problems.")) << '\n';
    if (c.damage && c.databaseSound && c.damage->seq > 1) {
        out << (c.eventsAfterDamage == 1
                    ? tr("The session opens only up to event %1; its last event cannot be used.")
                          .arg(c.damage->seq - 1)
                    : tr("The session opens only up to event %1; the %2 events from event %3 on "
                         "cannot be used.")
                          .arg(c.damage->seq - 1)
                          .arg(c.eventsAfterDamage)
                          .arg(c.damage->seq))
            << ' '
            << tr("To keep what is sound in a new file (this one is left as it is): podium "
                  "--salvage %1")
                   .arg(path)
            << '\n';
    } else if (!c.damage && c.databaseSound && !c.damagedRows.isEmpty()) {
        // Rows a snapshot covers: the open starts from that snapshot and never reads them.
        out << tr("Podium still opens this session whole, from the state it saved after the "
                  "damage, and can go on with it and host it; only the events before that state "
                  "can no longer be replayed.")
            << '\n';
    } else if (!c.ok()) {
        // Damage SQLite found in its own pages, or a log that does not replay: nothing here
        // can be trusted to be the session as it was.
        out << tr("Open a copy saved earlier; if other seats followed this session, join one of "
                  "them to take it whole.")
            << '\n';
    }
    return c.ok() ? 0 : 1;
}

std::optional<SalvageOffer> salvageOfferFor(const QString& path) {
    const auto opened = SessionFile::open(path, OpenMode::UpToDamage);
    if (!opened || !opened.value()->damage() || opened.value()->damage()->seq <= 1)
        return std::nullopt;
    const SessionFile& file = *opened.value();
    QSqlQuery q(file.database());
    if (!q.exec(u"PRAGMA quick_check"_s) || !q.next() || q.value(0).toString() != u"ok"_s)
        return std::nullopt;
    q.prepare(u"SELECT count(*) FROM events WHERE seq >= ?"_s);
    q.addBindValue(file.damage()->seq);
    const qint64 lost = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    return SalvageOffer{file.damage()->seq - 1, lost};
}

QString salvagedPathFor(const QString& damaged) {
    const QFileInfo info(damaged);
    const QString suffix = info.suffix().isEmpty() ? QString() : u'.' + info.suffix();
    // Cleaned: "./day-salvaged.podium" for a file named without its folder.
    const auto beside = [&info](const QString& name) {
        return QDir::cleanPath(info.dir().filePath(name));
    };
    QString candidate = beside(info.completeBaseName() + u"-salvaged"_s + suffix);
    for (int n = 2; QFileInfo::exists(candidate); ++n)
        candidate = beside(u"%1-salvaged-%2%3"_s.arg(info.completeBaseName()).arg(n).arg(suffix));
    return candidate;
}

int runSalvage(const QString& path, const QString& target, QTextStream& out, QTextStream& err) {
    if (target == u"-"_s) { // "-" is the standard output for a report, not a session
        err << tr("A salvaged session is a file: name it with -o, or leave -o out to have it "
                  "beside the damaged one.")
            << '\n';
        return 2;
    }
    const auto opened = SessionFile::open(path, OpenMode::UpToDamage);
    if (!opened) {
        err << tr("Cannot salvage %1: %2")
                   .arg(path, QString(opened.error()).remove(store::checkHint()))
            << '\n';
        return 2;
    }
    const SessionFile& file = *opened.value();
    const QString output = target.isEmpty() ? salvagedPathFor(path) : target;
    if (const auto saved = file.saveSoundPartAs(output); !saved) {
        err << saved.error() << '\n';
        return 1;
    }
    out << tr("%1 holds the session up to event %2, its notes included; %3 was left as it is.")
               .arg(QDir::toNativeSeparators(output))
               .arg(file.damage()->seq - 1)
               .arg(QDir::toNativeSeparators(path))
        << '\n'
        << tr("If other seats followed this session, their copies hold it whole: join one of them "
              "rather than hosting this copy.")
        << '\n';
    return 0;
}

} // namespace podium
