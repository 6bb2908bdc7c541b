#include "groups/GroupsModel.h"

#include "store/Store.h"

namespace centrale {

GroupsModel::GroupsModel(Store &store, QObject *parent)
    : PagedTableModel(parent), m_store(store)
{
}

QString GroupsModel::header(int column) const
{
    switch (column) {
    case Name: return tr("Name");
    case Description: return tr("Description");
    case Members: return tr("Members");
    case Settings: return tr("Group settings");
    default: return {};
    }
}

QString GroupsModel::sortKey(int column) const
{
    switch (column) {
    case Name: return QStringLiteral("name");
    case Description: return QStringLiteral("description");
    case Members: return QStringLiteral("members");
    default: return {};
    }
}

Result<int> GroupsModel::loadCount(const QString &filter)
{
    return m_store.groups.count(filter);
}

Result<QList<PagedTableModel::Row>> GroupsModel::loadPage(const ListQuery &query)
{
    auto groups = m_store.groups.list(query);
    if (!groups)
        return groups.error();
    QList<Row> rows;
    for (const UserGroup &g : *groups) {
        QStringList settings;
        for (ServiceSettings::Key key : ServiceSettings::keys()) {
            if (g.settings.isSet(key))
                settings << QStringLiteral("%1: %2").arg(ServiceSettings::label(key), g.settings.displayValue(key));
        }
        rows.append({g.id, {g.name, g.description, g.memberCount, settings.join(QStringLiteral("; "))}, {}, {}, {}});
    }
    return rows;
}

} // namespace centrale
