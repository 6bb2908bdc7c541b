#pragma once

#include "common/PagedTableModel.h"

namespace centrale {

class Store;

// User administration › Users: every user, or the members of one group.
class UsersModel final : public PagedTableModel {
    Q_OBJECT
public:
    enum Column { LastName, FirstName, Username, Email, Mobile, DirectNumber, Groups, ColumnCount };

    explicit UsersModel(Store &store, QObject *parent = nullptr);
    // Only the members of this group (empty = every user).
    void setGroup(const QString &groupId);

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    QString sortKey(int column) const override;
    Result<int> loadCount(const QString &filter) override;
    Result<QList<Row>> loadPage(const ListQuery &query) override;

private:
    Store &m_store;
    QString m_groupId;
};

} // namespace centrale
