#pragma once

#include "bulk/CsvTable.h"
#include "bulk/ImportPlan.h"
#include "domain/User.h"

namespace centrale {

class Store;

// Users in CSV (docs/csv.md): export, and import as a dry run (plan) that is applied in one
// transaction. Columns: username, first_name, last_name, email, mobile, language, groups
// (names separated by "|"), direct_number. A column left out of the file keeps the current value.
class UserCsv final {
    Q_DECLARE_TR_FUNCTIONS(UserCsv)
    Q_DISABLE_COPY_MOVE(UserCsv)
public:
    struct Change {
        int line = 0;
        bool create = false;
        User user;               // as it will be written
        QString assignNumberId;  // the pool number to give the user, or empty
        QString releaseNumberId; // the user's current number to put back in the pool, or empty
    };
    struct Plan : ImportPlan {
        QList<Change> changes; // creates and updates only, in file order
    };

    explicit UserCsv(Store &store) : m_store(store) {}

    static QStringList columns();
    static QStringList requiredColumns();

    // The dry run: reads the store once into hash maps, then checks every row. Writes nothing.
    Result<Plan> plan(const CsvTable &table, const BulkProgress &progress = {}, const BulkCancel *cancel = nullptr);
    Result<Plan> planFile(const QString &path, const BulkProgress &progress = {}, const BulkCancel *cancel = nullptr);
    // Writes the plan's creates and updates in one transaction, through the repositories (one outbox
    // entry per changed record). Refuses a plan with rejected rows unless skipRejected.
    Status apply(const Plan &plan, bool skipRejected, const BulkProgress &progress = {}, const BulkCancel *cancel = nullptr);

    // Every user, sorted by username, with its groups and direct number.
    Result<QList<QStringList>> exportRows();
    Status exportFile(const QString &path, char separator = ';');

private:
    Store &m_store;
};

} // namespace centrale
