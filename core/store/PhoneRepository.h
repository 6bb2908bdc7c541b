#pragma once

#include "domain/KeyTemplate.h"
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
    // Saving marks the phone as having changes not yet pushed to it.
    Status update(SipPhone phone);
    enum class KeyChange { Set, Inherit };
    // Sets key (Set) or removes the phones' own key at key.index (Inherit) on every phone, in one
    // transaction: all phones change or none.
    Status applyKey(const QStringList &ids, const PhoneKey &key, KeyChange change);
    // Whether the phone has changes it has not received yet. This is the state of the phone on the
    // desk, not a change to the record: it is not queued for the server.
    Status setPendingPush(const QString &id, bool pending);
    // Every key of the phone's model as it will be programmed: its own keys, then its owner's
    // groups' key templates.
    Result<QList<EffectiveKey>> effectiveKeys(const SipPhone &phone);
    Status remove(const QString &id);
    // Sort keys: owner (default), mac, model, label. The filter looks at MAC, model, label and owner. With ownerId, the phones of that user.
    Result<QList<SipPhone>> list(const ListQuery &query = {}, const QString &ownerId = {});
    Result<int> count(const QString &filter = {});

private:
    Status checkReferences(const SipPhone &phone);
    Result<QList<SipPhone>> select(const QString &where, QVariantList binds, const ListQuery &query);
    Database &m_db;
};

} // namespace centrale
