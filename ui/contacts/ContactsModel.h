#pragma once

#include "common/PagedTableModel.h"
#include "domain/Contact.h"

#include <optional>

namespace centrale {

class Store;

// Services › Contact lists: contacts of every level, with the level each is defined for.
class ContactsModel final : public PagedTableModel {
    Q_OBJECT
public:
    enum Column { LastName, FirstName, Company, Numbers, Email, DefinedFor, ColumnCount };

    explicit ContactsModel(Store &store, QObject *parent = nullptr);

    // The level shown: no scope = every contact (the default); Organisation; or one group's or
    // one user's contacts (ownerId). Reloads.
    void setLevel(std::optional<Contact::Scope> scope, const QString &ownerId = {});
    // What one user sees (its own, the organisation's and each of its groups' contacts), the
    // "Defined for" column telling where each comes from. Reloads.
    void setEffectiveUser(const QString &userId);
    std::optional<Contact::Scope> scope() const { return m_scope; }
    QString ownerId() const { return m_ownerId; }
    bool isEffective() const { return m_effective; }

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    QString sortKey(int column) const override;
    Result<int> loadCount(const QString &filter) override;
    Result<QList<Row>> loadPage(const ListQuery &query) override;

private:
    Store &m_store;
    std::optional<Contact::Scope> m_scope;
    QString m_ownerId;
    bool m_effective = false;
};

} // namespace centrale
