#include "store/GroupRepository.h"

#include <QJsonDocument>

namespace centrale {

namespace {
const QStringList kFilterColumns = {QStringLiteral("g.name"), QStringLiteral("g.description")};

QVariantMap columnsOf(const UserGroup &g)
{
    return {{QStringLiteral("name"), g.name},
            {QStringLiteral("description"), g.description},
            {QStringLiteral("settings"), QString::fromUtf8(QJsonDocument(g.settings.toJson()).toJson(QJsonDocument::Compact))}};
}
} // namespace

Result<QList<UserGroup>> GroupRepository::select(const QString &where, QVariantList binds, const ListQuery &query)
{
    const QString filter = SqlList::filterClause(query.filter, kFilterColumns, binds);
    const QString order = SqlList::orderAndPage(query, {{QStringLiteral("name"), QStringLiteral("g.name COLLATE NOCASE")},
                                                        {QStringLiteral("description"), QStringLiteral("g.description COLLATE NOCASE")},
                                                        {QStringLiteral("members"), QStringLiteral("members, g.name COLLATE NOCASE")}});
    auto q = m_db.exec(QStringLiteral("SELECT g.id, g.name, g.description, g.settings, g.version, g.dirty, "
                                      "(SELECT count(*) FROM group_member m WHERE m.group_id = g.id) AS members "
                                      "FROM user_group g WHERE 1=1 ")
                           + where + filter + order,
                       binds);
    if (!q)
        return q.error();
    QList<UserGroup> out;
    while (q->next()) {
        UserGroup g;
        g.id = q->value(0).toString();
        g.name = q->value(1).toString();
        g.description = q->value(2).toString();
        auto settings = ServiceSettings::fromJson(QJsonDocument::fromJson(q->value(3).toString().toUtf8()).object());
        if (!settings)
            return settings.error();
        g.settings = *settings;
        g.version = q->value(4).toLongLong();
        g.dirty = q->value(5).toBool();
        g.memberCount = q->value(6).toInt();
        out << g;
    }
    return out;
}

Result<UserGroup> GroupRepository::create(UserGroup group)
{
    group.name = group.name.trimmed();
    if (Status s = group.validate(); !s)
        return s.error();
    if (findByName(group.name))
        return Error{ErrorCode::Duplicate, tr("A user group named %1 already exists.").arg(group.name), QStringLiteral("name")};
    if (group.id.isEmpty())
        group.id = newId();
    if (Status s = m_db.insertRecord(QStringLiteral("user_group"), QStringLiteral("group"), group.id, columnsOf(group), group.toJson()); !s)
        return s.error();
    group.dirty = true;
    return group;
}

Result<UserGroup> GroupRepository::get(const QString &id)
{
    auto r = select(QStringLiteral("AND g.id = ?"), {id}, {});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("No such user group."), {}};
    return r->first();
}

Result<UserGroup> GroupRepository::findByName(const QString &name)
{
    auto r = select(QStringLiteral("AND g.name = ? COLLATE NOCASE"), {name.trimmed()}, {});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("There is no user group named %1.").arg(name), {}};
    return r->first();
}

Status GroupRepository::update(UserGroup group)
{
    group.name = group.name.trimmed();
    if (Status s = group.validate(); !s)
        return s;
    if (auto other = findByName(group.name); other && other->id != group.id)
        return Error{ErrorCode::Duplicate, tr("A user group named %1 already exists.").arg(group.name), QStringLiteral("name")};
    return m_db.updateRecord(QStringLiteral("user_group"), QStringLiteral("group"), group.id, columnsOf(group), group.toJson());
}

Status GroupRepository::remove(const QString &id)
{
    auto g = get(id);
    if (!g)
        return g.error();
    if (g->memberCount > 0)
        return Error{ErrorCode::InUse,
                     tr("The group %1 still has %n member(s); remove them from the group first.", nullptr, g->memberCount).arg(g->name),
                     {}};
    return m_db.deleteRecord(QStringLiteral("user_group"), QStringLiteral("group"), id);
}

Result<QList<UserGroup>> GroupRepository::list(const ListQuery &query)
{
    return select({}, {}, query);
}

Result<QHash<QString, QString>> GroupRepository::names()
{
    auto q = m_db.exec(QStringLiteral("SELECT id, name FROM user_group"));
    if (!q)
        return q.error();
    QHash<QString, QString> out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toString());
    return out;
}

Result<int> GroupRepository::count(const QString &filter)
{
    QVariantList binds;
    const QString where = SqlList::filterClause(filter, kFilterColumns, binds);
    auto q = m_db.exec(QStringLiteral("SELECT count(*) FROM user_group g WHERE 1=1") + where, binds);
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toInt();
}

} // namespace centrale
