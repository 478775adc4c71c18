#pragma once

#include "model/result.h"

#include <QSqlDatabase>
#include <QSqlError>

namespace podium::store {

// One write transaction, rolled back unless commit() succeeded: an early return or a failed
// statement can never leave half a change behind.
class Transaction {
public:
    explicit Transaction(QSqlDatabase db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool isActive() const { return m_active; }
    const QSqlError& error() const { return m_error; }
    [[nodiscard]] bool commit();

private:
    QSqlDatabase m_db;
    QSqlError m_error;
    bool m_active = false;
};

} // namespace podium::store
