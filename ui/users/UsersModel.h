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
    enum Column { LastName, FirstName, Username, Email, Mobile, DirectNumber, Groups, Phones, ColumnCount };

    explicit UsersModel(Store &store, QObject *parent = nullptr);
    ~UsersModel() override;
    // Only the members of this group (empty = every user).
    void setGroup(const QString &groupId);
    // The filter looks in this column only (-1: in every searchable column).
    void setFilterColumn(int column);
    int filterColumn() const { return m_filterColumn; }
    static QString filterField(int column);
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Builds the in-memory search index in a background thread; until it is there, filtering and
    // sorting run in SQL. indexReady() is emitted when it is in place.
    void buildIndexInBackground();
    // Builds it now, in this thread (tests, benchmarks).
    Status buildIndex();
    bool hasIndex() const { return m_index != nullptr; }
    // After users changed: until a fresh index is built in the background, lists come from SQL.
    void rebuildIndex();
    bool filterIsCheap() const override { return useIndex() || PagedTableModel::filterIsCheap(); }

Q_SIGNALS:
    void indexReady();

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    QString sortKey(int column) const override;
    static QString sortKeyOf(int column);
    Result<int> loadCount(const QString &filter) override;
    Result<QList<Row>> loadPage(const ListQuery &query) override;

private:
    bool useIndex() const { return m_index && m_groupId.isEmpty(); }
    Result<QList<Row>> rowsFor(const QList<User> &users);

    Store &m_store;
    QString m_groupId;
    int m_filterColumn = -1;
    QString m_sortKey = QStringLiteral("lastName");
    bool m_descending = false;
    std::shared_ptr<const UserIndex> m_index;
    std::vector<int> m_matches; // with the index: the entries matching the current filter, in order
    QPointer<QThread> m_indexer;
    bool m_indexWanted = false; // the index was asked for (the whole list; not a group's members)
    bool m_indexStale = false;  // users changed while an index was being built
};

} // namespace centrale
