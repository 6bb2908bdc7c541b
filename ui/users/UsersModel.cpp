#include "users/UsersModel.h"

#include "domain/PhoneNumbers.h"
#include "store/Store.h"

namespace centrale {

UsersModel::UsersModel(Store &store, QObject *parent)
    : PagedTableModel(parent), m_store(store)
{
}

void UsersModel::setGroup(const QString &groupId)
{
    m_groupId = groupId;
    reload();
}

QString UsersModel::header(int column) const
{
    switch (column) {
    case LastName: return tr("Last name");
    case FirstName: return tr("First name");
    case Username: return tr("Username");
    case Email: return tr("Email");
    case Mobile: return tr("Mobile number");
    case DirectNumber: return tr("Direct number");
    case Groups: return tr("User groups");
    default: return {};
    }
}

QString UsersModel::sortKey(int column) const
{
    switch (column) {
    case LastName: return QStringLiteral("lastName");
    case FirstName: return QStringLiteral("firstName");
    case Username: return QStringLiteral("username");
    case Email: return QStringLiteral("email");
    case Mobile: return QStringLiteral("mobile");
    case DirectNumber: return QStringLiteral("directNumber");
    default: return {};
    }
}

Result<int> UsersModel::loadCount(const QString &filter)
{
    return m_store.users.count(filter, m_groupId);
}

Result<QList<PagedTableModel::Row>> UsersModel::loadPage(const ListQuery &query)
{
    auto users = m_store.users.list(query, m_groupId);
    if (!users)
        return users.error();
    auto groups = m_store.groups.list();
    if (!groups)
        return groups.error();
    QHash<QString, QString> groupNames;
    for (const UserGroup &g : *groups)
        groupNames.insert(g.id, g.name);
    QList<Row> rows;
    rows.reserve(users->size());
    for (const User &u : *users) {
        QStringList names;
        for (const QString &gid : u.groupIds)
            names << groupNames.value(gid);
        rows.append({u.id,
                     {u.lastName, u.firstName, u.username, u.email, PhoneNumbers::formatInternational(u.mobile),
                      PhoneNumbers::formatInternational(u.directNumber), names.join(QStringLiteral(", "))},
                     {u.lastName, u.firstName, u.username, u.email, u.mobile, u.directNumber, names.join(QStringLiteral(", "))},
                     {},
                     {}});
    }
    return rows;
}

} // namespace centrale
