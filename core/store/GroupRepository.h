#pragma once

#include "domain/UserGroup.h"
#include "store/ListQuery.h"
#include "store/Database.h"

namespace centrale {

class GroupRepository final {
    Q_DECLARE_TR_FUNCTIONS(GroupRepository)
public:
    explicit GroupRepository(Database &db) : m_db(db) {}

    Result<UserGroup> create(UserGroup group);
    Result<UserGroup> get(const QString &id);
    Result<UserGroup> findByName(const QString &name);
    Status update(UserGroup group);
    // Refused while the group has members: move them first.
    Status remove(const QString &id);
    // Sort keys: name, description, members.
    Result<QList<UserGroup>> list(const ListQuery &query = {});
    Result<int> count(const QString &filter = {});
    // Every group's name by id (cheap: no member counts).
    Result<QHash<QString, QString>> names();

private:
    Result<QList<UserGroup>> select(const QString &where, QVariantList binds, const ListQuery &query);
    Database &m_db;
};

} // namespace centrale
