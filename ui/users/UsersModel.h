#pragma once

#include "common/PagedTableModel.h"

#include <QPointer>
#include <QThread>

#include <memory>
#include <vector>

namespace centrale {

class Store;
class UserIndex;
struct User;

// User administration › Users: every user, or the members of one group.
class UsersModel final : public PagedTableModel {
    Q_OBJECT
public:
    enum Column { LastName, FirstName, Username, Email, Mobile, DirectNumber, Groups, ColumnCount };

    explicit UsersModel(Store &store, QObject *parent = nullptr);
    ~UsersModel() override;
    // Only the members of this group (empty = every user).
    void setGroup(const QString &groupId);
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Builds the in-memory search index in a background thread; until it is there, filtering and
    // sorting run in SQL. indexReady() is emitted when it is in place.
    void buildIndexInBackground();
    // Builds it now, in this thread (tests, benchmarks).
    Status buildIndex();
    bool hasIndex() const { return m_index != nullptr; }
    bool filterIsCheap() const override { return useIndex() || PagedTableModel::filterIsCheap(); }

Q_SIGNALS:
    void indexReady();

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    QString sortKey(int column) const override;
    Result<int> loadCount(const QString &filter) override;
    Result<QList<Row>> loadPage(const ListQuery &query) override;

private:
    bool useIndex() const { return m_index && m_groupId.isEmpty(); }
    Result<QList<Row>> rowsFor(const QList<User> &users);

    Store &m_store;
    QString m_groupId;
    QString m_sortKey = QStringLiteral("lastName");
    bool m_descending = false;
    std::shared_ptr<const UserIndex> m_index;
    std::vector<int> m_matches; // with the index: the entries matching the current filter, in order
    QPointer<QThread> m_indexer;
};

} // namespace centrale
