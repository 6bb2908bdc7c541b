#pragma once

#include "common/PagedTableModel.h"

namespace centrale {

class Store;

// Services › Contact lists: contacts of every level, with the level each is defined for.
class ContactsModel final : public PagedTableModel {
    Q_OBJECT
public:
    enum Column { LastName, FirstName, Company, Numbers, Email, DefinedFor, ColumnCount };

    explicit ContactsModel(Store &store, QObject *parent = nullptr);

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    QString sortKey(int column) const override;
    Result<int> loadCount(const QString &filter) override;
    Result<QList<Row>> loadPage(const ListQuery &query) override;

private:
    Store &m_store;
};

} // namespace centrale
