#pragma once

#include "common/Result.h"
#include "store/ListQuery.h"

#include <QAbstractTableModel>

namespace centrale {

// A read model over a store list that may hold 100 000 rows: sorting and filtering run in SQL,
// and rows are fetched a page at a time as the view scrolls (canFetchMore/fetchMore).
class PagedTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Roles { RawValueRole = Qt::UserRole + 1, IdRole };
    static constexpr int PageSize = 100;

    struct Row {
        QString id;
        QVariantList display;
        QVariantList raw;
        QVariantList decoration; // optional, per column
        QVariantList foreground; // optional, per column
    };

    explicit PagedTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const QString &filter);
    QString filter() const { return m_query.filter; }
    // Rows matching the filter, loaded or not.
    int totalCount() const { return m_total; }
    QString idAt(int row) const;
    // Re-reads from the store (after a change, or when the language changed).
    void reload();
    void retranslate();
    QString lastError() const { return m_lastError; }
    // Whether a filter change answers within a frame, so that views need not wait for typing to pause.
    virtual bool filterIsCheap() const { return totalCount() < 5000; }

Q_SIGNALS:
    void totalCountChanged(int total);
    void loadFailed(const QString &message);

protected:
    virtual int columns() const = 0;
    virtual QString header(int column) const = 0;
    // The repository's sort key for a column; empty when the column cannot be sorted.
    virtual QString sortKey(int column) const = 0;
    virtual Result<int> loadCount(const QString &filter) = 0;
    virtual Result<QList<Row>> loadPage(const ListQuery &query) = 0;

private:
    bool fail(const Error &error);

    ListQuery m_query;
    QList<Row> m_rows;
    int m_total = 0;
    QString m_lastError;
};

} // namespace centrale
