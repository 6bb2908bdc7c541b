#pragma once

#include "common/PagedTableModel.h"

namespace centrale {

class Store;

// User administration › User groups.
class GroupsModel final : public PagedTableModel {
    Q_OBJECT
public:
    enum Column { Name, Description, Members, Settings, ColumnCount };

    explicit GroupsModel(Store &store, QObject *parent = nullptr);

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
