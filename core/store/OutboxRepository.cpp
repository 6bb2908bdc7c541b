#include "store/OutboxRepository.h"

#include <QJsonDocument>

namespace centrale {

Result<QList<OutboxEntry>> OutboxRepository::pending(int limit)
{
    auto q = m_db.exec(QStringLiteral("SELECT seq, entity, entity_id, operation, payload, base_version, idempotency_key, created_at "
                                      "FROM outbox ORDER BY seq LIMIT ?"),
                       {limit});
    if (!q)
        return q.error();
    QList<OutboxEntry> out;
    while (q->next()) {
        OutboxEntry e;
        e.seq = q->value(0).toLongLong();
        e.entity = q->value(1).toString();
        e.entityId = q->value(2).toString();
        e.operation = q->value(3).toString();
        e.payload = QJsonDocument::fromJson(q->value(4).toString().toUtf8()).object();
        e.baseVersion = q->value(5).toLongLong();
        e.idempotencyKey = q->value(6).toString();
        e.createdAt = QDateTime::fromString(q->value(7).toString(), Qt::ISODateWithMs);
        out << e;
    }
    return out;
}

Result<int> OutboxRepository::count()
{
    auto q = m_db.exec(QStringLiteral("SELECT count(*) FROM outbox"));
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toInt();
}

Status OutboxRepository::acknowledge(qint64 seq)
{
    if (auto q = m_db.exec(QStringLiteral("DELETE FROM outbox WHERE seq = ?"), {seq}); !q)
        return q.error();
    return {};
}

} // namespace centrale
