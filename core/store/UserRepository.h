#pragma once

#include "domain/User.h"
#include "store/Database.h"
#include "store/ListQuery.h"

namespace centrale {

class UserRepository final {
    Q_DECLARE_TR_FUNCTIONS(UserRepository)
public:
    UserRepository(Database &db, QString organisationDomain) : m_db(db), m_domain(std::move(organisationDomain)) {}
    void setOrganisationDomain(const QString &domain) { m_domain = domain; }

    Result<User> create(User user);
    Result<User> get(const QString &id);
    Result<User> findByUsername(const QString &username);
    Status update(User user);
    // Deleting a user frees its direct number, removes its own contacts and its group memberships,
    // and leaves its phones without an owner.
    Status remove(const QString &id);

    // Sort keys: lastName (default), firstName, username, email, mobile, directNumber.
    // With groupId, only the members of that group.
    Result<QList<User>> list(const ListQuery &query = {}, const QString &groupId = {});
    Result<int> count(const QString &filter = {}, const QString &groupId = {});
    // These users, in this order (ids no longer in the store are left out).
    Result<QList<User>> listByIds(const QStringList &ids);

    Result<QList<EffectiveSetting>> effectiveSettings(const QString &userId);

    // The folded text a user is found by (see SqlList::fold).
    static QString searchKey(const User &user);

private:
    Status checkGroups(const User &user);
    Status writeMemberships(const User &user);
    Result<QList<User>> select(const QString &where, QVariantList binds, const ListQuery &query, const QString &groupId);

    Database &m_db;
    QString m_domain;
};

} // namespace centrale
