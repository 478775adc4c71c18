#pragma once

#include "model/result.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace podium::store {

// BEGIN, COMMIT and ROLLBACK, prepared once: a session file writes a transaction for every
// event, and parsing the three anew each time was a tenth of the host's commit.
struct TransactionStatements {
    explicit TransactionStatements(const QSqlDatabase& db);
    // Why one of the three could not be prepared; none when all were.
    QSqlError prepareError() const;
    QSqlQuery begin;
    QSqlQuery commit;
    QSqlQuery rollback;
};

// One write transaction, rolled back unless commit() succeeded: an early return or a failed
// statement can never leave half a change behind.
class Transaction {
public:
    explicit Transaction(TransactionStatements& statements);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_active; }
    const QSqlError& error() const { return m_error; }
    [[nodiscard]] bool commit();

private:
    TransactionStatements& m_statements;
    QSqlError m_error;
    bool m_active = false;
};

} // namespace podium::store
