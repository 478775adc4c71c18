#include "file_journal.h"

#include "model/codec.h"
#include "model/reducer.h"

#include <QCborValue>
#include <QtEndian>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace podium::sync {

Result<bool> FileJournal::open() {
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Result<bool>::failure(
            u"Cannot write the session log %1: %2"_s.arg(m_file.fileName(), m_file.errorString()));
    return true;
}

Result<bool> FileJournal::append(const Event& event) {
    return write({{u"k"_s, u"event"_s}, {u"event"_s, event.toCbor()}});
}

Result<bool> FileJournal::appendSnapshot(const SessionState& state) {
    return write({{u"k"_s, u"snapshot"_s}, {u"state"_s, codec::toCbor(state)}});
}

Result<bool> FileJournal::write(const QCborMap& record) {
    const QByteArray payload = record.toCborValue().toCbor();
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(payload.size()), bytes.data());
    bytes += payload;
    if (m_file.write(bytes) != bytes.size() || !m_file.flush() || ::fdatasync(m_file.handle()) != 0)
        return Result<bool>::failure(
            u"Could not save to %1: %2"_s.arg(m_file.fileName(), m_file.errorString()));
    return true;
}

Result<FileJournal::Contents> FileJournal::load(const QString& path) {
    QFile f(path);
    Contents c;
    if (!f.exists())
        return c;
    if (!f.open(QIODevice::ReadOnly))
        return Result<Contents>::failure(u"Cannot read %1: %2"_s.arg(path, f.errorString()));
    const QByteArray all = f.readAll();
    qsizetype at = 0;
    while (at + 4 <= all.size()) {
        const quint32 n = qFromBigEndian<quint32>(all.constData() + at);
        if (at + 4 + qsizetype(n) > all.size())
            break; // torn tail
        const QCborMap rec = QCborValue::fromCbor(all.mid(at + 4, n)).toMap();
        at += 4 + n;
        if (rec.value(u"k"_s).toString() == u"snapshot"_s) {
            c.superseded += c.events;
            c.events.clear();
            c.base = codec::sessionState(rec.value(u"state"_s).toMap());
        } else if (auto e = Event::fromCbor(rec.value(u"event"_s).toMap())) {
            c.events.append(*e);
        }
    }
    return c;
}

} // namespace podium::sync
