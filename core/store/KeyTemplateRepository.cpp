#include "store/KeyTemplateRepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace centrale {

namespace {
QVariantMap columnsOf(const KeyTemplate &t)
{
    const QJsonArray keys = t.toJson().value(QLatin1String("keys")).toArray();
    return {{QStringLiteral("name"), t.name}, {QStringLiteral("keys"), QString::fromUtf8(QJsonDocument(keys).toJson(QJsonDocument::Compact))}};
}

QList<PhoneKey> keysFrom(const QString &json)
{
    QList<PhoneKey> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out << PhoneKey::fromJson(v.toObject());
    return out;
}
} // namespace

Result<QList<KeyTemplate>> KeyTemplateRepository::select(const QString &where, const QVariantList &binds)
{
    auto q = m_db.exec(QStringLiteral("SELECT t.id, t.name, t.keys, t.version, t.dirty, "
                                      "(SELECT group_concat(group_id, ',') FROM key_template_group g WHERE g.template_id = t.id) "
                                      "FROM key_template t WHERE 1=1 ")
                           + where + QStringLiteral(" ORDER BY t.name COLLATE NOCASE"),
                       binds);
    if (!q)
        return q.error();
    QList<KeyTemplate> out;
    while (q->next()) {
        KeyTemplate t;
        t.id = q->value(0).toString();
        t.name = q->value(1).toString();
        t.keys = keysFrom(q->value(2).toString());
        t.version = q->value(3).toLongLong();
        t.dirty = q->value(4).toBool();
        t.groupIds = q->value(5).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        t.groupIds.sort();
        out << t;
    }
    return out;
}

Status KeyTemplateRepository::validateReferences(const KeyTemplate &t)
{
    for (const QString &groupId : t.groupIds) {
        auto q = m_db.exec(QStringLiteral("SELECT 1 FROM user_group WHERE id = ?"), {groupId});
        if (!q)
            return q.error();
        if (!q->next())
            return Error{ErrorCode::NotFound, tr("The template is attached to a user group that does not exist."), QStringLiteral("groupIds")};
    }
    for (const PhoneKey &k : t.keys) {
        if (k.type != PhoneKey::Type::Extension)
            continue;
        auto q = m_db.exec(QStringLiteral("SELECT 1 FROM app_user WHERE id = ?"), {k.userId});
        if (!q)
            return q.error();
        if (!q->next())
            return Error{ErrorCode::NotFound, tr("Key %1 calls a user who does not exist.").arg(k.index), QStringLiteral("keys")};
    }
    return {};
}

Status KeyTemplateRepository::markPhones(const QStringList &groupIds)
{
    for (const QString &groupId : groupIds) {
        if (auto q = m_db.exec(QStringLiteral("UPDATE sip_phone SET pending_push = 1 WHERE owner_id IN "
                                              "(SELECT user_id FROM group_member WHERE group_id = ?)"),
                               {groupId});
            !q)
            return q.error();
    }
    return {};
}

Status KeyTemplateRepository::writeGroups(const KeyTemplate &t)
{
    // Groups that another template had: that template loses them, and says so to the server.
    for (const QString &groupId : t.groupIds) {
        auto q = m_db.exec(QStringLiteral("SELECT template_id FROM key_template_group WHERE group_id = ? AND template_id <> ?"), {groupId, t.id});
        if (!q)
            return q.error();
        if (!q->next())
            continue;
        auto other = get(q->value(0).toString());
        if (!other)
            return other.error();
        other->groupIds.removeAll(groupId);
        if (auto d = m_db.exec(QStringLiteral("DELETE FROM key_template_group WHERE group_id = ?"), {groupId}); !d)
            return d.error();
        if (Status s = m_db.updateRecord(QStringLiteral("key_template"), QStringLiteral("keyTemplate"), other->id, columnsOf(*other), other->toJson()); !s)
            return s;
    }
    if (auto d = m_db.exec(QStringLiteral("DELETE FROM key_template_group WHERE template_id = ?"), {t.id}); !d)
        return d.error();
    for (const QString &groupId : t.groupIds) {
        if (auto q = m_db.exec(QStringLiteral("INSERT INTO key_template_group (group_id, template_id) VALUES (?, ?)"), {groupId, t.id}); !q)
            return q.error();
    }
    return {};
}

Result<KeyTemplate> KeyTemplateRepository::create(KeyTemplate t)
{
    if (Status s = t.normaliseAndValidate(); !s)
        return s.error();
    if (findByName(t.name))
        return Error{ErrorCode::Duplicate, tr("A key template named %1 already exists.").arg(t.name), QStringLiteral("name")};
    if (Status s = validateReferences(t); !s)
        return s.error();
    if (t.id.isEmpty())
        t.id = newId();
    Status s = m_db.transaction([&]() -> Status {
        if (Status w = m_db.insertRecord(QStringLiteral("key_template"), QStringLiteral("keyTemplate"), t.id, columnsOf(t), t.toJson()); !w)
            return w;
        if (Status w = writeGroups(t); !w)
            return w;
        return markPhones(t.groupIds);
    });
    if (!s)
        return s.error();
    t.dirty = true;
    return t;
}

Result<KeyTemplate> KeyTemplateRepository::get(const QString &id)
{
    auto r = select(QStringLiteral("AND t.id = ?"), {id});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("No such key template."), {}};
    return r->first();
}

Result<KeyTemplate> KeyTemplateRepository::findByName(const QString &name)
{
    auto r = select(QStringLiteral("AND t.name = ? COLLATE NOCASE"), {name.trimmed()});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("There is no key template named %1.").arg(name), {}};
    return r->first();
}

Status KeyTemplateRepository::update(KeyTemplate t)
{
    if (Status s = t.normaliseAndValidate(); !s)
        return s;
    auto before = get(t.id);
    if (!before)
        return before.error();
    if (auto other = findByName(t.name); other && other->id != t.id)
        return Error{ErrorCode::Duplicate, tr("A key template named %1 already exists.").arg(t.name), QStringLiteral("name")};
    if (Status s = validateReferences(t); !s)
        return s;
    return m_db.transaction([&]() -> Status {
        if (Status w = m_db.updateRecord(QStringLiteral("key_template"), QStringLiteral("keyTemplate"), t.id, columnsOf(t), t.toJson()); !w)
            return w;
        if (Status w = writeGroups(t); !w)
            return w;
        QStringList affected = before->groupIds + t.groupIds;
        affected.removeDuplicates();
        return markPhones(affected);
    });
}

Status KeyTemplateRepository::remove(const QString &id)
{
    auto before = get(id);
    if (!before)
        return before.error();
    return m_db.transaction([&]() -> Status {
        if (Status w = markPhones(before->groupIds); !w)
            return w;
        return m_db.deleteRecord(QStringLiteral("key_template"), QStringLiteral("keyTemplate"), id);
    });
}

Result<QList<KeyTemplate>> KeyTemplateRepository::list()
{
    return select({}, {});
}

Status KeyTemplateRepository::attach(const QString &templateId, const QString &groupId)
{
    auto t = get(templateId);
    if (!t)
        return t.error();
    if (t->groupIds.contains(groupId))
        return {};
    t->groupIds << groupId;
    return update(*t);
}

Status KeyTemplateRepository::detach(const QString &templateId, const QString &groupId)
{
    auto t = get(templateId);
    if (!t)
        return t.error();
    if (!t->groupIds.removeAll(groupId))
        return Error{ErrorCode::NotFound, tr("The key template %1 is not attached to that group.").arg(t->name), {}};
    return update(*t);
}

Result<QList<AppliedTemplate>> KeyTemplateRepository::appliedTo(const QString &userId)
{
    auto q = m_db.exec(QStringLiteral("SELECT t.id, t.name, t.keys, g.id, g.name FROM group_member m "
                                      "JOIN key_template_group tg ON tg.group_id = m.group_id "
                                      "JOIN key_template t ON t.id = tg.template_id "
                                      "JOIN user_group g ON g.id = m.group_id "
                                      "WHERE m.user_id = ? ORDER BY m.position"),
                       {userId});
    if (!q)
        return q.error();
    QList<AppliedTemplate> out;
    while (q->next()) {
        AppliedTemplate a;
        a.keyTemplate.id = q->value(0).toString();
        a.keyTemplate.name = q->value(1).toString();
        a.keyTemplate.keys = keysFrom(q->value(2).toString());
        a.groupId = q->value(3).toString();
        a.groupName = q->value(4).toString();
        out << a;
    }
    return out;
}

} // namespace centrale
