#pragma once

#include "bulk/CsvTable.h"
#include "bulk/ImportPlan.h"
#include "domain/Contact.h"

#include <optional>

namespace centrale {

class Store;

// Contacts in CSV (docs/csv.md): export, and import as a dry run (plan) that is applied in one
// transaction. Columns: scope (organisation|group|user), owner (group name or username; empty for
// the organisation), first_name, last_name, company, email, numbers ("label:number|label:number").
// A row matches a stored contact with the same scope, owner, names and company (case aside).
class ContactCsv final {
    Q_DECLARE_TR_FUNCTIONS(ContactCsv)
    Q_DISABLE_COPY_MOVE(ContactCsv)
public:
    struct Change {
        int line = 0;
        bool create = false;
        Contact contact; // as it will be written
    };
    struct Plan : ImportPlan {
        QList<Change> changes; // creates and updates only, in file order
    };

    explicit ContactCsv(Store &store) : m_store(store) {}

    static QStringList columns();
    static QStringList requiredColumns();

    Result<Plan> plan(const CsvTable &table, const BulkProgress &progress = {}, const BulkCancel *cancel = nullptr);
    Result<Plan> planFile(const QString &path, const BulkProgress &progress = {}, const BulkCancel *cancel = nullptr);
    Status apply(const Plan &plan, bool skipRejected, const BulkProgress &progress = {}, const BulkCancel *cancel = nullptr);

    // Every contact, or those of one level (and with owner, of one group name or username).
    Result<QList<QStringList>> exportRows(std::optional<Contact::Scope> scope = {}, const QString &owner = {});
    Status exportFile(const QString &path, char separator = ';', std::optional<Contact::Scope> scope = {}, const QString &owner = {});

    // "Work:+3221234567|Mobile:+32475123456" and back.
    static QString numbersText(const QList<ContactNumber> &numbers);
    static QList<ContactNumber> parseNumbers(const QString &text);

private:
    Store &m_store;
};

} // namespace centrale
