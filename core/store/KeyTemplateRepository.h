#pragma once

#include "domain/KeyTemplate.h"
#include "store/Database.h"

namespace centrale {

// Key templates and the groups they are attached to. Every change is one transaction with its
// outbox row, and marks the phones of the affected groups' members as having changes to send.
class KeyTemplateRepository final {
    Q_DECLARE_TR_FUNCTIONS(KeyTemplateRepository)
public:
    explicit KeyTemplateRepository(Database &db) : m_db(db) {}

    Result<KeyTemplate> create(KeyTemplate keyTemplate);
    Result<KeyTemplate> get(const QString &id);
    Result<KeyTemplate> findByName(const QString &name);
    // Replaces name, keys and groups. A group taken from another template is detached from it in
    // the same transaction.
    Status update(KeyTemplate keyTemplate);
    Status remove(const QString &id);
    // By name.
    Result<QList<KeyTemplate>> list();
    // Attaches the template to the group (moving the group from another template if need be).
    Status attach(const QString &templateId, const QString &groupId);
    Status detach(const QString &templateId, const QString &groupId);
    // The templates that apply to the user, in the order of the user's groups.
    Result<QList<AppliedTemplate>> appliedTo(const QString &userId);

private:
    Result<QList<KeyTemplate>> select(const QString &where, const QVariantList &binds);
    Status validateReferences(const KeyTemplate &keyTemplate);
    Status writeGroups(const KeyTemplate &keyTemplate);
    Status markPhones(const QStringList &groupIds);
    Database &m_db;
};

} // namespace centrale
