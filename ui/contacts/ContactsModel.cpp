#include "contacts/ContactsModel.h"

#include "domain/PhoneNumbers.h"
#include "store/Store.h"

namespace centrale {

ContactsModel::ContactsModel(Store &store, QObject *parent)
    : PagedTableModel(parent), m_store(store)
{
}

QString ContactsModel::header(int column) const
{
    switch (column) {
    case LastName: return tr("Last name");
    case FirstName: return tr("First name");
    case Company: return tr("Company");
    case Numbers: return tr("Phone numbers");
    case Email: return tr("Email");
    case DefinedFor: return tr("Defined for");
    default: return {};
    }
}

QString ContactsModel::sortKey(int column) const
{
    switch (column) {
    case LastName: return QStringLiteral("lastName");
    case FirstName: return QStringLiteral("firstName");
    case Company: return QStringLiteral("company");
    case DefinedFor: return QStringLiteral("scope");
    default: return {};
    }
}

void ContactsModel::setLevel(std::optional<Contact::Scope> scope, const QString &ownerId)
{
    m_scope = scope;
    m_ownerId = scope && *scope != Contact::Scope::Organisation ? ownerId : QString();
    m_effective = false;
    reload();
}

void ContactsModel::setEffectiveUser(const QString &userId)
{
    m_scope = Contact::Scope::User;
    m_ownerId = userId;
    m_effective = true;
    reload();
}

Result<int> ContactsModel::loadCount(const QString &filter)
{
    if (m_effective) {
        ListQuery query;
        query.filter = filter;
        auto contacts = m_store.contacts.effectiveForUser(m_ownerId, query);
        if (!contacts)
            return contacts.error();
        return static_cast<int>(contacts->size());
    }
    return m_store.contacts.count(filter, m_scope, m_ownerId);
}

Result<QList<PagedTableModel::Row>> ContactsModel::loadPage(const ListQuery &query)
{
    auto contacts = m_effective ? m_store.contacts.effectiveForUser(m_ownerId, query) : m_store.contacts.list(query, m_scope, m_ownerId);
    if (!contacts)
        return contacts.error();
    QList<Row> rows;
    rows.reserve(contacts->size());
    for (const Contact &c : *contacts) {
        QStringList numbers;
        for (const ContactNumber &n : c.numbers)
            numbers << (n.label.isEmpty() ? PhoneNumbers::formatInternational(n.number)
                                          : QStringLiteral("%1: %2").arg(n.label, PhoneNumbers::formatInternational(n.number)));
        const QString scope = c.sourceName.isEmpty() ? Contact::scopeLabel(c.scope)
                                                     : QStringLiteral("%1 · %2").arg(Contact::scopeLabel(c.scope), c.sourceName);
        rows.append({c.id,
                     {c.lastName, c.firstName, c.company, numbers.join(QStringLiteral(", ")), c.email, scope},
                     {c.lastName, c.firstName, c.company, numbers.join(QStringLiteral(",")), c.email, Contact::scopeName(c.scope)},
                     {},
                     {}});
    }
    return rows;
}

} // namespace centrale
