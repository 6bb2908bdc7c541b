#include "users/UsersModel.h"

#include "domain/PhoneNumbers.h"
#include "store/Store.h"
#include "store/UserIndex.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcUsersModel, "centrale.ui.users", QtInfoMsg)

namespace centrale {

UsersModel::UsersModel(Store &store, QObject *parent)
    : PagedTableModel(parent), m_store(store)
{
}

UsersModel::~UsersModel()
{
    if (m_indexer) {
        m_indexer->wait();
        delete m_indexer;
    }
}

void UsersModel::buildIndexInBackground()
{
    m_indexWanted = true;
    if (m_index)
        return;
    if (m_indexer && m_indexer->isRunning()) {
        m_indexStale = true;
        return;
    }
    delete m_indexer;
    const QString path = m_store.path();
    // The thread reads through its own connection: a connection belongs to one thread.
    m_indexer = QThread::create([this, path] {
        Database db;
        if (Status s = db.open(path); !s) {
            qCWarning(lcUsersModel) << s.error().message;
            return;
        }
        auto index = UserIndex::load(db);
        if (!index) {
            qCWarning(lcUsersModel) << index.error().message;
            return;
        }
        auto shared = std::make_shared<const UserIndex>(std::move(*index));
        QMetaObject::invokeMethod(this, [this, shared] {
            m_indexer->wait();
            if (m_indexStale) {
                // Users changed while this one was read: read them again.
                m_indexStale = false;
                buildIndexInBackground();
                return;
            }
            m_index = shared;
            Q_EMIT indexReady();
        }, Qt::QueuedConnection);
    });
    m_indexer->start(QThread::LowPriority);
}

void UsersModel::rebuildIndex()
{
    if (!m_indexWanted)
        return;
    m_index.reset();
    buildIndexInBackground();
}

Status UsersModel::buildIndex()
{
    m_indexWanted = true;
    auto index = UserIndex::load(m_store.database());
    if (!index)
        return index.error();
    m_index = std::make_shared<const UserIndex>(std::move(*index));
    return {};
}

void UsersModel::sort(int column, Qt::SortOrder order)
{
    if (!sortKey(column).isEmpty()) {
        m_sortKey = sortKey(column);
        m_descending = order == Qt::DescendingOrder;
    }
    PagedTableModel::sort(column, order);
}

void UsersModel::setFilterColumn(int column)
{
    m_filterColumn = column;
    reload();
}

QString UsersModel::filterField(int column)
{
    switch (column) {
    case Groups: return QStringLiteral("groups");
    case Phones: return QStringLiteral("phones");
    default: return sortKeyOf(column);
    }
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
    case Phones: return tr("Desk phones");
    default: return {};
    }
}

QString UsersModel::sortKey(int column) const
{
    return sortKeyOf(column);
}

QString UsersModel::sortKeyOf(int column)
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
    if (useIndex()) {
        m_matches = m_index->match(filter, m_sortKey, m_descending, filterField(m_filterColumn));
        return static_cast<int>(m_matches.size());
    }
    return m_store.users.count(filter, m_groupId, filterField(m_filterColumn));
}

Result<QList<PagedTableModel::Row>> UsersModel::loadPage(const ListQuery &query)
{
    if (useIndex()) {
        auto users = m_store.users.listByIds(m_index->ids(m_matches, query.offset, query.limit));
        if (!users)
            return users.error();
        return rowsFor(*users);
    }
    ListQuery q = query;
    q.filterField = filterField(m_filterColumn);
    auto users = m_store.users.list(q, m_groupId);
    if (!users)
        return users.error();
    return rowsFor(*users);
}

Result<QList<PagedTableModel::Row>> UsersModel::rowsFor(const QList<User> &users)
{
    auto groupNames = m_store.groups.names();
    if (!groupNames)
        return groupNames.error();
    QStringList ids;
    for (const User &u : users)
        ids << u.id;
    auto phoneModels = m_store.users.phoneModels(ids);
    if (!phoneModels)
        return phoneModels.error();
    QList<Row> rows;
    rows.reserve(users.size());
    for (const User &u : users) {
        QStringList names;
        for (const QString &gid : u.groupIds)
            names << groupNames->value(gid);
        const QString phones = phoneModels->value(u.id).join(QStringLiteral(", "));
        rows.append({u.id,
                     {u.lastName, u.firstName, u.username, u.email, PhoneNumbers::formatInternational(u.mobile),
                      PhoneNumbers::formatInternational(u.directNumber), names.join(QStringLiteral(", ")), phones},
                     {u.lastName, u.firstName, u.username, u.email, u.mobile, u.directNumber, names.join(QStringLiteral(", ")), phones},
                     {},
                     {}});
    }
    return rows;
}

} // namespace centrale
