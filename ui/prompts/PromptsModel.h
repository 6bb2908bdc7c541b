#pragma once

#include "common/PagedTableModel.h"

namespace centrale {

class Store;

// Organisation › Voice prompts.
class PromptsModel final : public PagedTableModel {
    Q_OBJECT
public:
    enum Column { Name, Description, Duration, Origin, UsedBy, ColumnCount };

    explicit PromptsModel(Store &store, QObject *parent = nullptr);

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
