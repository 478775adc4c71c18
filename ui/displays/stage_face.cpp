#include "stage_face.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace podium {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("podium::StageDisplay", text);
}

QString nameOf(const SessionState& s, Id participantId) {
    const Participant* p = s.participant(participantId);
    return p ? p->name : tr("Unknown speaker");
}

QString detailOf(const SessionState& s, const QueueEntry& e) {
    QStringList parts;
    if (const Participant* p = s.participant(e.participantId); p && !p->affiliation.isEmpty())
        parts << p->affiliation;
    if (e.channel == Presence::Online)
        parts << tr("online");
    return parts.join(u" · "_s);
}

} // namespace

// In words as well as in colour: a speaker who cannot tell amber from green saw nothing change
// at the warning.
QString countdownStatus(TimerPhase phase, const Countdown& c) {
    if (phase == TimerPhase::Overtime)
        return c.running ? tr("Time is up") : tr("Time is up · paused");
    if (phase == TimerPhase::Warning)
        return tr("Please conclude");
    return phase == TimerPhase::Paused ? tr("Paused") : QString();
}

QString countdownText(const Countdown& c, qint64 now) {
    return formatCountdown(c.remainingMs(now));
}

StageFace stageFaceOf(const SessionState& s, qint64 now, qint64 flashFrom) {
    StageFace f;
    f.message = s.stageMessage;
    if (const QueueEntry* next = s.firstWaiting())
        f.next = nameOf(s, next->participantId);
    if (!s.floor) {
        f.speaker = s.info.title;
        f.status = tr("Waiting for the next speaker");
        return f;
    }
    const Countdown& c = s.floor->countdown;
    f.speaker = nameOf(s, s.floor->entry.participantId);
    f.detail = detailOf(s, s.floor->entry);
    f.time = countdownText(c, now);
    f.phase = phaseOf(c, now);
    f.status = countdownStatus(f.phase, c);
    // Alternating every 300 ms for three seconds after zero, unmissable from the lectern.
    if (flashFrom > 0 && now >= flashFrom && now - flashFrom < stageFlashMs)
        f.inverted = (now - flashFrom) / stageFlashStepMs % 2 == 0;
    return f;
}

StagePalette stagePalette(TimerPhase phase, bool inverted) {
    if (inverted)
        return {QColor(0xff, 0xff, 0xff), QColor(0xc6, 0x28, 0x28)};
    switch (phase) {
    case TimerPhase::Running:
        return {QColor(0x1b, 0x6e, 0x31), QColor(0xff, 0xff, 0xff)};
    case TimerPhase::Warning:
        return {QColor(0xf2, 0xa9, 0x00), QColor(0x14, 0x14, 0x14)};
    case TimerPhase::Overtime:
        return {QColor(0xc6, 0x28, 0x28), QColor(0xff, 0xff, 0xff)};
    case TimerPhase::Paused:
        return {QColor(0x37, 0x47, 0x4f), QColor(0xec, 0xef, 0xf1)};
    case TimerPhase::Idle:
        break;
    }
    return {QColor(0x20, 0x21, 0x24), QColor(0xf1, 0xf3, 0xf4)};
}

} // namespace podium
