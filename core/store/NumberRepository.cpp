#include "store/NumberRepository.h"

#include "domain/PhoneNumbers.h"

namespace centrale {

namespace {
const QStringList kFilterColumns = {QStringLiteral("n.number"), QStringLiteral("u.first_name"), QStringLiteral("u.last_name"),
                                    QStringLiteral("f.name")};
const QString kAssignee = QStringLiteral("coalesce(f.name, trim(u.first_name || ' ' || u.last_name), '')");
const QString kFrom = QStringLiteral(" FROM pool_number n LEFT JOIN app_user u ON u.id = n.user_id "
                                     "LEFT JOIN function_number f ON f.id = n.function_id WHERE 1=1 ");
const QString kFreeOnly = QStringLiteral(" AND n.user_id IS NULL AND n.function_id IS NULL");

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QVariantMap columnsOf(const PoolNumber &n)
{
    return {{QStringLiteral("number"), n.number},
            {QStringLiteral("user_id"), nullable(n.userId)},
            {QStringLiteral("function_id"), nullable(n.functionId)}};
}
} // namespace

Result<QList<PoolNumber>> NumberRepository::select(const QString &where, QVariantList binds, const ListQuery &query)
{
    const QString filter = SqlList::filterClause(query.filter, kFilterColumns, binds);
    auto q = m_db.exec(QStringLiteral("SELECT n.id, n.number, n.user_id, n.function_id, n.version, n.dirty, ") + kAssignee + kFrom + where + filter
                           + SqlList::orderAndPage(query, {{QStringLiteral("number"), QStringLiteral("n.number")},
                                                           {QStringLiteral("assignee"), kAssignee + QStringLiteral(", n.number")}}),
                       binds);
    if (!q)
        return q.error();
    QList<PoolNumber> out;
    while (q->next()) {
        PoolNumber n;
        n.id = q->value(0).toString();
        n.number = q->value(1).toString();
        n.userId = q->value(2).toString();
        n.functionId = q->value(3).toString();
        n.version = q->value(4).toLongLong();
        n.dirty = q->value(5).toBool();
        n.assigneeName = q->value(6).toString();
        out << n;
    }
    return out;
}

Result<PoolNumber> NumberRepository::create(PoolNumber number)
{
    if (Status s = number.normaliseAndValidate(); !s)
        return s.error();
    if (findByNumber(number.number))
        return Error{ErrorCode::Duplicate, tr("%1 is already in the pool.").arg(PhoneNumbers::formatInternational(number.number)),
                     QStringLiteral("number")};
    if (number.id.isEmpty())
        number.id = newId();
    if (Status s = m_db.insertRecord(QStringLiteral("pool_number"), QStringLiteral("number"), number.id, columnsOf(number), number.toJson()); !s)
        return s.error();
    number.dirty = true;
    return number;
}

Result<PoolNumber> NumberRepository::get(const QString &id)
{
    auto r = select(QStringLiteral("AND n.id = ?"), {id}, {});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("No such number in the pool."), {}};
    return r->first();
}

Result<PoolNumber> NumberRepository::findByNumber(const QString &number)
{
    auto e164 = PhoneNumbers::toE164(number);
    if (!e164)
        return e164.error();
    auto r = select(QStringLiteral("AND n.number = ?"), {*e164}, {});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("%1 is not in the organisation's pool of numbers.").arg(PhoneNumbers::formatInternational(*e164)), {}};
    return r->first();
}

Status NumberRepository::write(PoolNumber number)
{
    if (Status s = number.normaliseAndValidate(); !s)
        return s;
    return m_db.updateRecord(QStringLiteral("pool_number"), QStringLiteral("number"), number.id, columnsOf(number), number.toJson());
}

Status NumberRepository::assignToUser(const QString &numberId, const QString &userId)
{
    auto n = get(numberId);
    if (!n)
        return n.error();
    if (!n->isFree() && n->userId != userId)
        return Error{ErrorCode::InUse, tr("%1 is already assigned to %2.").arg(PhoneNumbers::formatInternational(n->number), n->assigneeName), {}};
    return m_db.transaction([&]() -> Status {
        auto previous = m_db.exec(QStringLiteral("SELECT id FROM pool_number WHERE user_id = ? AND id <> ?"), {userId, numberId});
        if (!previous)
            return previous.error();
        while (previous->next()) {
            if (Status s = release(previous->value(0).toString()); !s)
                return s;
        }
        PoolNumber updated = *n;
        updated.userId = userId;
        return write(updated);
    });
}

Status NumberRepository::assignToFunction(const QString &numberId, const QString &functionId)
{
    auto n = get(numberId);
    if (!n)
        return n.error();
    if (!n->isFree() && n->functionId != functionId)
        return Error{ErrorCode::InUse, tr("%1 is already assigned to %2.").arg(PhoneNumbers::formatInternational(n->number), n->assigneeName), {}};
    PoolNumber updated = *n;
    updated.functionId = functionId;
    return write(updated);
}

Status NumberRepository::release(const QString &numberId)
{
    auto n = get(numberId);
    if (!n)
        return n.error();
    PoolNumber updated = *n;
    updated.userId.clear();
    updated.functionId.clear();
    return write(updated);
}

Status NumberRepository::remove(const QString &numberId)
{
    auto n = get(numberId);
    if (!n)
        return n.error();
    if (!n->isFree())
        return Error{ErrorCode::InUse,
                     tr("%1 is assigned to %2; free it before removing it from the pool.").arg(PhoneNumbers::formatInternational(n->number), n->assigneeName),
                     {}};
    return m_db.deleteRecord(QStringLiteral("pool_number"), QStringLiteral("number"), numberId);
}

Result<QList<PoolNumber>> NumberRepository::list(const ListQuery &query, bool freeOnly)
{
    return select(freeOnly ? kFreeOnly : QString(), {}, query);
}

Result<int> NumberRepository::count(const QString &filter, bool freeOnly)
{
    QVariantList binds;
    const QString where = SqlList::filterClause(filter, kFilterColumns, binds);
    auto q = m_db.exec(QStringLiteral("SELECT count(*)") + kFrom + (freeOnly ? kFreeOnly : QString()) + where, binds);
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toInt();
}

} // namespace centrale
