#pragma once

#include "common/PagedTableModel.h"

namespace centrale {

class Store;

// Devices › SIP phones.
class PhonesModel final : public PagedTableModel {
    Q_OBJECT
public:
    enum Column { Owner, Mac, Model, Keys, Pending, ColumnCount };

    explicit PhonesModel(Store &store, QObject *parent = nullptr);

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
