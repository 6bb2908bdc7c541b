#pragma once

#include "store/Database.h"

#include <QDateTime>

namespace centrale {

// One local change waiting to be pushed to the server, in the order it was made.
struct OutboxEntry {
    qint64 seq = 0;
    QString entity;
    QString entityId;
    QString operation; // create|update|delete
    QJsonObject payload;
    qint64 baseVersion = 0;
    QString idempotencyKey;
    QDateTime createdAt;
};

class OutboxRepository final {
public:
    explicit OutboxRepository(Database &db) : m_db(db) {}

    Result<QList<OutboxEntry>> pending(int limit = -1);
    Result<int> count();
    // Called by the sync engine once the server has acknowledged the entry.
    Status acknowledge(qint64 seq);

private:
    Database &m_db;
};

} // namespace centrale
