#include "transaction.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace podium::store {

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db)) {
    // IMMEDIATE takes the write lock now, so a second writer fails here, before any work.
    QSqlQuery begin(m_db);
    m_active = begin.exec(u"BEGIN IMMEDIATE"_s);
    if (!m_active)
        m_error = begin.lastError();
}

Transaction::~Transaction() {
    if (m_active) {
        QSqlQuery rollback(m_db);
        (void)rollback.exec(u"ROLLBACK"_s);
    }
}

bool Transaction::commit() {
    if (!m_active)
        return false;
    QSqlQuery commit(m_db);
    if (!commit.exec(u"COMMIT"_s)) {
        // A failed COMMIT (disk full) may leave the transaction open: the destructor rolls it back.
        m_error = commit.lastError();
        return false;
    }
    m_active = false;
    return true;
}

} // namespace podium::store
