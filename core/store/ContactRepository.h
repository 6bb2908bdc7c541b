#pragma once

#include "domain/Contact.h"
#include "store/Database.h"
#include "store/ListQuery.h"

#include <optional>

namespace centrale {

class ContactRepository final {
    Q_DECLARE_TR_FUNCTIONS(ContactRepository)
public:
    explicit ContactRepository(Database &db) : m_db(db) {}

    Result<Contact> create(Contact contact);
    Result<Contact> get(const QString &id);
    Status update(Contact contact);
    Status remove(const QString &id);

    // Contacts defined at one level (and, for group/user, of one owner). No scope = every contact.
    // Sort keys: lastName (default), firstName, company, scope.
    Result<QList<Contact>> list(const ListQuery &query = {}, std::optional<Contact::Scope> scope = {}, const QString &ownerId = {});
    Result<int> count(const QString &filter = {}, std::optional<Contact::Scope> scope = {}, const QString &ownerId = {});

    // What a user sees: the organisation's contacts, those of each of its groups, and its own,
    // each with its scope and (for groups) the group's name in sourceName.
    Result<QList<Contact>> effectiveForUser(const QString &userId, const ListQuery &query = {});

    // Folded sort and search text (see SqlList::fold).
    static QString sortName(const Contact &contact);
    static QString searchKey(const Contact &contact);

private:
    Status checkOwner(const Contact &contact);
    Database &m_db;
};

} // namespace centrale
