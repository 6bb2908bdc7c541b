#pragma once

#include "common/PagedTableModel.h"

namespace centrale {

class Store;

// Devices › SIP phones: MAC, model, owner, label and whether the phone has changes waiting.
class PhonesModel final : public PagedTableModel {
    Q_OBJECT
public:
    enum Column { Mac, Model, Owner, Label, Pending, ColumnCount };

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
