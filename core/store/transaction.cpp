#include "transaction.h"

using namespace Qt::StringLiterals;

namespace podium::store {

TransactionStatements::TransactionStatements(const QSqlDatabase& db)
    : begin(db)
    , commit(db)
    , rollback(db) {
    // IMMEDIATE takes the write lock at once, so a second writer fails there, before any work.
    // (A statement that fails to prepare reports it when run.)
    begin.prepare(u"BEGIN IMMEDIATE"_s);
    commit.prepare(u"COMMIT"_s);
    rollback.prepare(u"ROLLBACK"_s);
}

QSqlError TransactionStatements::prepareError() const {
    for (const QSqlQuery* q : {&begin, &commit, &rollback}) {
        if (q->lastError().isValid())
            return q->lastError();
    }
    return {};
}

Transaction::Transaction(TransactionStatements& statements)
    : m_statements(statements) {
    m_active = m_statements.begin.exec();
    if (!m_active)
        m_error = m_statements.begin.lastError();
}

Transaction::~Transaction() {
    if (m_active)
        (void)m_statements.rollback.exec();
}

bool Transaction::commit() {
    if (!m_active)
        return false;
    if (!m_statements.commit.exec()) {
        // A failed COMMIT (disk full) may leave the transaction open: the destructor rolls it back.
        m_error = m_statements.commit.lastError();
        return false;
    }
    m_active = false;
    return true;
}

} // namespace podium::store
