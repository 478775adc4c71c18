#pragma once

#include "state.h"

#include <QString>

namespace podium {

// The rapporteur's own notes: never part of the session state, never synced as commands; they
// live in the rapporteur's session file and feed the report.
enum class NoteKind { Note, KeyTakeaway, CallToAction };

struct Note {
    Id id = 0;
    qint64 at = 0;        // when it was written (ms since the Unix epoch)
    Id speechEntryId = 0; // the queue entry that had the floor then (0: nobody was speaking)
    NoteKind kind = NoteKind::Note;
    QString text;
    // Filed under its speech by the rapporteur, not by its time: late events leave it there.
    bool filedByHand = false;

    bool operator==(const Note&) const = default;
};

} // namespace podium
