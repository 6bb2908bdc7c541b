#include "store/UserRepository.h"

#include "store/GroupRepository.h"
#include "store/OrganisationRepository.h"
#include "security/Secrets.h"
#include "domain/Validators.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace centrale {

namespace {
// search_key holds the folded username, names, email and mobile; the direct number lives in the pool.
const QStringList kFilterColumns = {QStringLiteral("u.search_key"), QStringLiteral("p.number")};

const QList<std::pair<QString, QString>> kSortKeys = {
    {QStringLiteral("lastName"), QStringLiteral("u.sort_last, u.sort_first")},
    {QStringLiteral("firstName"), QStringLiteral("u.sort_first, u.sort_last")},
    {QStringLiteral("username"), QStringLiteral("u.username COLLATE NOCASE")},
    {QStringLiteral("email"), QStringLiteral("u.email COLLATE NOCASE")},
    {QStringLiteral("mobile"), QStringLiteral("u.mobile")},
    {QStringLiteral("directNumber"), QStringLiteral("p.number")},
};

// The filter on one field (ListQuery::filterField), or on every searchable column.
QString filterFor(const QString &filter, const QString &field, QVariantList &binds)
{
    if (field.isEmpty())
        return SqlList::filterClause(filter, kFilterColumns, binds, true);
    if (field == QLatin1String("mobile"))
        return SqlList::filterClause(SqlList::phoneNeedle(filter), {QStringLiteral("u.mobile")}, binds);
    if (field == QLatin1String("directNumber"))
        return SqlList::filterClause(SqlList::phoneNeedle(filter), {QStringLiteral("p.number")}, binds);
    if (field == QLatin1String("groups")) {
        const QString inner = SqlList::filterClause(filter.toLower(), {QStringLiteral("lower(g.name)")}, binds);
        return inner.isEmpty() ? inner
                               : QStringLiteral(" AND EXISTS (SELECT 1 FROM group_member gf JOIN user_group g ON g.id = gf.group_id "
                                                "WHERE gf.user_id = u.id") + inner + QLatin1Char(')');
    }
    if (field == QLatin1String("phones")) {
        QString mac = filter.trimmed().toUpper();
        mac.remove(QLatin1Char(':')).remove(QLatin1Char('-'));
        const QString model = SqlList::filterClause(filter, {QStringLiteral("sf.model")}, binds);
        if (model.isEmpty())
            return {};
        // Each clause is " AND (column LIKE ?)": keep the parenthesised part and join them with OR.
        QString clause = QStringLiteral(" AND EXISTS (SELECT 1 FROM sip_phone sf WHERE sf.owner_id = u.id AND (") + model.mid(5);
        const QString byMac = SqlList::filterClause(mac, {QStringLiteral("sf.mac")}, binds);
        if (!byMac.isEmpty())
            clause += QStringLiteral(" OR ") + byMac.mid(5);
        return clause + QStringLiteral("))");
    }
    static const QHash<QString, QString> columns = {{QStringLiteral("lastName"), QStringLiteral("u.sort_last")},
                                                    {QStringLiteral("firstName"), QStringLiteral("u.sort_first")},
                                                    {QStringLiteral("username"), QStringLiteral("lower(u.username)")},
                                                    {QStringLiteral("email"), QStringLiteral("lower(u.email)")}};
    return SqlList::filterClause(filter, {columns.value(field, QStringLiteral("u.search_key"))}, binds, true);
}

QVariantMap columnsOf(const User &u)
{
    return {{QStringLiteral("username"), u.username},
            {QStringLiteral("first_name"), u.firstName},
            {QStringLiteral("last_name"), u.lastName},
            {QStringLiteral("email"), u.email},
            {QStringLiteral("mobile"), u.mobile},
            {QStringLiteral("language"), u.language},
            {QStringLiteral("settings"), QString::fromUtf8(QJsonDocument(u.settings.toJson()).toJson(QJsonDocument::Compact))},
            {QStringLiteral("sort_last"), SqlList::fold(u.lastName)},
            {QStringLiteral("sort_first"), SqlList::fold(u.firstName)},
            {QStringLiteral("search_key"), UserRepository::searchKey(u)}};
}
} // namespace

QString UserRepository::searchKey(const User &u)
{
    return SqlList::fold(QStringList{u.username, u.firstName, u.lastName, u.email, u.mobile}.join(QLatin1Char(' ')));
}

Result<QList<User>> UserRepository::select(const QString &where, QVariantList binds, const ListQuery &query, const QString &groupId)
{
    QString join;
    if (!groupId.isEmpty()) {
        join = QStringLiteral(" JOIN group_member gm ON gm.user_id = u.id AND gm.group_id = ? ");
        binds.prepend(groupId);
    }
    const QString filter = filterFor(query.filter, query.filterField, binds);
    auto q = m_db.exec(QStringLiteral("SELECT u.id, u.username, u.first_name, u.last_name, u.email, u.mobile, u.language, u.settings, "
                                      "u.pin_hash, u.version, u.dirty, p.number, "
                                      "(SELECT group_concat(group_id, ',') FROM (SELECT group_id FROM group_member WHERE user_id = u.id ORDER BY position)) "
                                      "FROM app_user u LEFT JOIN pool_number p ON p.user_id = u.id")
                           + join + QStringLiteral(" WHERE 1=1 ") + where + filter + SqlList::orderAndPage(query, kSortKeys),
                       binds);
    if (!q)
        return q.error();
    QList<User> out;
    while (q->next()) {
        User u;
        u.id = q->value(0).toString();
        u.username = q->value(1).toString();
        u.firstName = q->value(2).toString();
        u.lastName = q->value(3).toString();
        u.email = q->value(4).toString();
        u.mobile = q->value(5).toString();
        u.language = q->value(6).toString();
        auto settings = ServiceSettings::fromJson(QJsonDocument::fromJson(q->value(7).toString().toUtf8()).object());
        if (!settings)
            return settings.error();
        u.settings = *settings;
        u.pinHash = q->value(8).toString();
        u.version = q->value(9).toLongLong();
        u.dirty = q->value(10).toBool();
        u.directNumber = q->value(11).toString();
        const QString groups = q->value(12).toString();
        if (!groups.isEmpty())
            u.groupIds = groups.split(QLatin1Char(','));
        out << u;
    }
    return out;
}

Status UserRepository::checkGroups(const User &user)
{
    // Existence only: counting a big group's members for every user would make imports quadratic.
    for (const QString &gid : user.groupIds) {
        auto q = m_db.exec(QStringLiteral("SELECT 1 FROM user_group WHERE id = ?"), {gid});
        if (!q)
            return q.error();
        if (!q->next())
            return Error{ErrorCode::NotFound, tr("The user cannot join a group that does not exist (%1).").arg(gid), QStringLiteral("groups")};
    }
    return {};
}

Status UserRepository::writeMemberships(const User &user)
{
    auto before = m_db.exec(QStringLiteral("SELECT group_id FROM group_member WHERE user_id = ? ORDER BY position"), {user.id});
    if (!before)
        return before.error();
    QStringList previous;
    while (before->next())
        previous << before->value(0).toString();
    if (previous == user.groupIds)
        return {};
    if (auto q = m_db.exec(QStringLiteral("DELETE FROM group_member WHERE user_id = ?"), {user.id}); !q)
        return q.error();
    for (int i = 0; i < user.groupIds.size(); ++i) {
        if (auto q = m_db.exec(QStringLiteral("INSERT INTO group_member (user_id, group_id, position) VALUES (?, ?, ?)"),
                               {user.id, user.groupIds.at(i), i});
            !q)
            return q.error();
    }
    // The user's phones get their keys from the key templates of the user's groups (the first group
    // wins): when a group with a template is joined, left or reordered, the phones have changes to
    // receive.
    QStringList changed = previous;
    for (const QString &g : user.groupIds) {
        if (!changed.contains(g))
            changed << g;
    }
    const QString marks = QStringList(changed.size(), QStringLiteral("?")).join(QLatin1Char(','));
    QVariantList binds{user.id};
    for (const QString &g : std::as_const(changed))
        binds << g;
    if (auto q = m_db.exec(QStringLiteral("UPDATE sip_phone SET pending_push = 1 WHERE owner_id = ? AND EXISTS "
                                          "(SELECT 1 FROM key_template_group WHERE group_id IN (%1))")
                               .arg(marks),
                           binds);
        !q)
        return q.error();
    return {};
}

Result<User> UserRepository::create(User user)
{
    if (Status s = user.normaliseAndValidate(m_domain); !s)
        return s.error();
    if (findByUsername(user.username))
        return Error{ErrorCode::Duplicate, tr("The username %1 is already taken.").arg(user.username), QStringLiteral("username")};
    if (Status s = checkGroups(user); !s)
        return s.error();
    if (user.id.isEmpty())
        user.id = newId();
    Status s = m_db.transaction([&]() -> Status {
        if (Status w = m_db.insertRecord(QStringLiteral("app_user"), QStringLiteral("user"), user.id, columnsOf(user), user.toJson()); !w)
            return w;
        return writeMemberships(user);
    });
    if (!s)
        return s.error();
    user.dirty = true;
    return user;
}

Result<User> UserRepository::get(const QString &id)
{
    auto r = select(QStringLiteral("AND u.id = ?"), {id}, {}, {});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("No such user."), {}};
    return r->first();
}

Result<User> UserRepository::findByUsername(const QString &username)
{
    auto r = select(QStringLiteral("AND u.username = ? COLLATE NOCASE"), {username.trimmed()}, {}, {});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("There is no user %1.").arg(username), {}};
    return r->first();
}

Status UserRepository::update(User user)
{
    if (Status s = user.normaliseAndValidate(m_domain); !s)
        return s;
    if (auto other = findByUsername(user.username); other && other->id != user.id)
        return Error{ErrorCode::Duplicate, tr("The username %1 is already taken.").arg(user.username), QStringLiteral("username")};
    if (Status s = checkGroups(user); !s)
        return s;
    return m_db.transaction([&]() -> Status {
        if (Status w = m_db.updateRecord(QStringLiteral("app_user"), QStringLiteral("user"), user.id, columnsOf(user), user.toJson()); !w)
            return w;
        return writeMemberships(user);
    });
}

Status UserRepository::remove(const QString &id)
{
    return m_db.deleteRecord(QStringLiteral("app_user"), QStringLiteral("user"), id);
}

Result<QList<User>> UserRepository::list(const ListQuery &query, const QString &groupId)
{
    return select({}, {}, query, groupId);
}

Result<QList<User>> UserRepository::listByIds(const QStringList &ids)
{
    if (ids.isEmpty())
        return QList<User>{};
    QVariantList binds;
    for (const QString &id : ids)
        binds << id;
    const QString marks = QStringList(ids.size(), QStringLiteral("?")).join(QLatin1Char(','));
    auto found = select(QStringLiteral("AND u.id IN (%1)").arg(marks), binds, {}, {});
    if (!found)
        return found.error();
    QHash<QString, qsizetype> position;
    for (qsizetype i = 0; i < ids.size(); ++i)
        position.insert(ids.at(i), i);
    QList<User> users = *found;
    std::sort(users.begin(), users.end(), [&position](const User &a, const User &b) { return position.value(a.id) < position.value(b.id); });
    return users;
}

Result<QHash<QString, QStringList>> UserRepository::phoneModels(const QStringList &userIds)
{
    QHash<QString, QStringList> out;
    if (userIds.isEmpty())
        return out;
    QVariantList binds;
    for (const QString &id : userIds)
        binds << id;
    const QString marks = QStringList(userIds.size(), QStringLiteral("?")).join(QLatin1Char(','));
    auto q = m_db.exec(QStringLiteral("SELECT owner_id, model FROM sip_phone WHERE owner_id IN (%1) ORDER BY model").arg(marks), binds);
    if (!q)
        return q.error();
    while (q->next())
        out[q->value(0).toString()] << q->value(1).toString();
    return out;
}

QStringList UserRepository::filterFields()
{
    return {QStringLiteral("lastName"), QStringLiteral("firstName"), QStringLiteral("username"), QStringLiteral("email"),
            QStringLiteral("mobile"),   QStringLiteral("directNumber"), QStringLiteral("groups"), QStringLiteral("phones")};
}

Result<int> UserRepository::count(const QString &filter, const QString &groupId, const QString &filterField)
{
    QVariantList binds;
    QString join;
    if (!groupId.isEmpty()) {
        join = QStringLiteral(" JOIN group_member gm ON gm.user_id = u.id AND gm.group_id = ? ");
        binds << groupId;
    }
    const QString where = filterFor(filter, filterField, binds);
    // Join the pool only when filtering: a direct number is one of the searchable columns.
    const QString pool = where.isEmpty() ? QString() : QStringLiteral(" LEFT JOIN pool_number p ON p.user_id = u.id ");
    auto q = m_db.exec(QStringLiteral("SELECT count(*) FROM app_user u") + pool + join + QStringLiteral(" WHERE 1=1") + where, binds);
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toInt();
}

Result<QList<EffectiveSetting>> UserRepository::effectiveSettings(const QString &userId)
{
    auto user = get(userId);
    if (!user)
        return user.error();
    auto org = OrganisationRepository(m_db).current();
    if (!org)
        return org.error();
    GroupRepository groups(m_db);
    QList<std::pair<QString, ServiceSettings>> inOrder;
    for (const QString &gid : user->groupIds) {
        auto g = groups.get(gid);
        if (!g)
            return g.error();
        inOrder.append({g->name, g->settings});
    }
    return EffectiveSetting::resolve(user->settings, inOrder, org->settings);
}

Result<QByteArray> UserRepository::photo(const QString &userId)
{
    auto q = m_db.exec(QStringLiteral("SELECT photo FROM app_user WHERE id = ?"), {userId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{ErrorCode::NotFound, tr("No such user."), {}};
    return q->value(0).toByteArray();
}

Status UserRepository::queueForUser(const QString &entity, const QString &userId, const QJsonObject &payload)
{
    auto q = m_db.exec(QStringLiteral("SELECT version FROM app_user WHERE id = ?"), {userId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{ErrorCode::NotFound, tr("No such user."), {}};
    return m_db.appendOutbox(entity, userId, Database::Operation::Update, payload, q->value(0).toLongLong());
}

Status UserRepository::setPhoto(const QString &userId, const QByteArray &jpeg)
{
    if (!jpeg.isEmpty() && !jpeg.startsWith(QByteArrayLiteral("\xFF\xD8\xFF")))
        return Error::invalid(tr("The photo must be a JPEG picture."), QStringLiteral("photo"));
    if (jpeg.size() > MaxPhotoBytes)
        return Error::invalid(tr("The photo is too large (%1 KiB); at most %2 KiB.").arg(jpeg.size() / 1024).arg(MaxPhotoBytes / 1024),
                              QStringLiteral("photo"));
    return m_db.transaction([&]() -> Status {
        if (Status s = queueForUser(QStringLiteral("user_photo"), userId,
                                    {{QStringLiteral("user"), userId},
                                     {QStringLiteral("photo"), jpeg.isEmpty() ? QJsonValue() : QJsonValue(QString::fromLatin1(jpeg.toBase64()))}});
            !s)
            return s;
        auto q = m_db.exec(QStringLiteral("UPDATE app_user SET photo = ?, dirty = 1 WHERE id = ?"),
                           {jpeg.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(jpeg), userId});
        return q ? Status{} : Status{q.error()};
    });
}

Status UserRepository::setPin(const QString &userId, const QString &pin)
{
    if (Status s = Validators::pin(pin); !s)
        return s;
    auto hash = Secrets::hash(pin);
    if (!hash)
        return hash.error();
    return m_db.transaction([&]() -> Status {
        if (Status s = queueForUser(QStringLiteral("user_pin"), userId, {{QStringLiteral("user"), userId}, {QStringLiteral("pinHash"), *hash}}); !s)
            return s;
        auto q = m_db.exec(QStringLiteral("UPDATE app_user SET pin_hash = ?, dirty = 1 WHERE id = ?"), {*hash, userId});
        return q ? Status{} : Status{q.error()};
    });
}

Status UserRepository::resetPassword(const QString &userId, const QString &password)
{
    auto user = get(userId);
    if (!user)
        return user.error();
    if (Status s = Validators::password(password, user->username); !s)
        return s;
    auto hash = Secrets::hash(password);
    if (!hash)
        return hash.error();
    return m_db.transaction([&]() -> Status {
        return queueForUser(QStringLiteral("user_password"), userId, {{QStringLiteral("user"), userId}, {QStringLiteral("passwordHash"), *hash}});
    });
}

Result<QList<WelcomeMessage::Delivery>> UserRepository::requestWelcome(const QStringList &userIds,
                                                                       const QList<WelcomeMessage::Channel> &channels)
{
    if (channels.isEmpty())
        return Error::invalid(tr("Choose at least one access: Web, Mobile or Softphone."), QStringLiteral("channels"));
    auto users = listByIds(userIds);
    if (!users)
        return users.error();
    QList<WelcomeMessage::Delivery> out;
    const Status s = m_db.transaction([&]() -> Status {
        const QString requestedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        for (const User &u : *users) {
            for (WelcomeMessage::Channel channel : channels) {
                WelcomeMessage::Delivery d = WelcomeMessage::plan(u, channel);
                if (d.via != WelcomeMessage::Via::None) {
                    const QJsonObject payload{{QStringLiteral("user"), u.id},
                                              {QStringLiteral("username"), u.username},
                                              {QStringLiteral("channel"), WelcomeMessage::channelName(channel)},
                                              {QStringLiteral("via"), WelcomeMessage::viaName(d.via)},
                                              {QStringLiteral("language"), u.language},
                                              {QStringLiteral("requestedAt"), requestedAt}};
                    if (Status a = m_db.appendOutbox(QStringLiteral("welcome_message"), newId(), Database::Operation::Create, payload, 0); !a)
                        return a;
                }
                out << d;
            }
        }
        return {};
    });
    if (!s)
        return s.error();
    return out;
}

Result<int> UserRepository::changeMembership(const QStringList &userIds, const QString &groupId, bool add)
{
    int changed = 0;
    const Status s = m_db.transaction([&]() -> Status {
        auto group = m_db.exec(QStringLiteral("SELECT 1 FROM user_group WHERE id = ?"), {groupId});
        if (!group)
            return group.error();
        if (!group->next())
            return Error{ErrorCode::NotFound, tr("The user group no longer exists."), {}};
        auto users = listByIds(userIds);
        if (!users)
            return users.error();
        for (User u : *users) {
            if (u.groupIds.contains(groupId) == add)
                continue;
            if (add)
                u.groupIds.append(groupId);
            else
                u.groupIds.removeAll(groupId);
            if (Status w = update(u); !w)
                return w;
            ++changed;
        }
        return {};
    });
    if (!s)
        return s.error();
    return changed;
}

Result<int> UserRepository::addToGroup(const QStringList &userIds, const QString &groupId)
{
    return changeMembership(userIds, groupId, true);
}

Result<int> UserRepository::removeFromGroup(const QStringList &userIds, const QString &groupId)
{
    return changeMembership(userIds, groupId, false);
}

} // namespace centrale
