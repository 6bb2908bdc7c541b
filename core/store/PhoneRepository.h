#pragma once

#include "domain/SipPhone.h"
#include "store/Database.h"
#include "store/ListQuery.h"

namespace centrale {

class PhoneRepository final {
    Q_DECLARE_TR_FUNCTIONS(PhoneRepository)
public:
    explicit PhoneRepository(Database &db) : m_db(db) {}

    Result<SipPhone> create(SipPhone phone);
    Result<SipPhone> get(const QString &id);
    Result<SipPhone> findByMac(const QString &mac);
    // Saving keys marks the phone as having changes not yet pushed to it.
    Status update(SipPhone phone);
    Status remove(const QString &id);
    // Sort keys: owner (default), mac, model. With ownerId, the phones of that user.
    Result<QList<SipPhone>> list(const ListQuery &query = {}, const QString &ownerId = {});
    Result<int> count(const QString &filter = {});

private:
    Status checkReferences(const SipPhone &phone);
    Result<QList<SipPhone>> select(const QString &where, QVariantList binds, const ListQuery &query);
    Database &m_db;
};

} // namespace centrale
