#pragma once

#include "domain/PoolNumber.h"
#include "store/Database.h"
#include "store/ListQuery.h"

namespace centrale {

// The organisation's pool of direct numbers.
class NumberRepository final {
    Q_DECLARE_TR_FUNCTIONS(NumberRepository)
public:
    explicit NumberRepository(Database &db) : m_db(db) {}

    Result<PoolNumber> create(PoolNumber number);
    Result<PoolNumber> get(const QString &id);
    Result<PoolNumber> findByNumber(const QString &number);
    // Gives the number to a user, whose previous direct number (if any) goes back to the pool.
    Status assignToUser(const QString &numberId, const QString &userId);
    Status assignToFunction(const QString &numberId, const QString &functionId);
    Status release(const QString &numberId);
    // Refused while the number is assigned.
    Status remove(const QString &numberId);
    // Sort keys: number (default), assignee.
    Result<QList<PoolNumber>> list(const ListQuery &query = {}, bool freeOnly = false);
    Result<int> count(const QString &filter = {}, bool freeOnly = false);

private:
    Status write(PoolNumber number);
    Result<QList<PoolNumber>> select(const QString &where, QVariantList binds, const ListQuery &query);
    Database &m_db;
};

} // namespace centrale
