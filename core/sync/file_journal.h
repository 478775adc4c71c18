#pragma once

#include "replica_log.h"

#include <QFile>

namespace podium::sync {

// A plain append-only journal for headless seats: length-prefixed CBOR records, each made
// durable (fdatasync) before the event is applied. A torn last record (a crash mid-write) is
// ignored on load. Stands in until the SQLite session file (core/store) is wired to sync.
class FileJournal final : public DurableJournal {
public:
    explicit FileJournal(const QString& path)
        : m_file(path) {}
    Result<bool> open();
    Result<bool> append(const Event& event) override;
    Result<bool> appendSnapshot(const SessionState& state) override;

    struct Contents {
        SessionState base;       // the last snapshot (empty state if none)
        QList<Event> events;     // events after it
        QList<Event> superseded; // events a later snapshot replaced (kept for the record)
    };
    static Result<Contents> load(const QString& path);

private:
    Result<bool> write(const QCborMap& record);
    QFile m_file;
};

} // namespace podium::sync
