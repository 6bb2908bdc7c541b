#include "common/PagedTableModel.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcModel, "centrale.ui.model", QtInfoMsg)

namespace centrale {

PagedTableModel::PagedTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_query.limit = PageSize;
}

int PagedTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PagedTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : columns();
}

QVariant PagedTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    const int c = index.column();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole: return row.display.value(c);
    case RawValueRole: return row.raw.value(c, row.display.value(c));
    case IdRole: return row.id;
    case Qt::DecorationRole: return row.decoration.value(c);
    case Qt::ForegroundRole: return row.foreground.value(c);
    default: return {};
    }
}

QVariant PagedTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < columns())
        return header(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

bool PagedTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows.size() < m_total;
}

void PagedTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    ListQuery q = m_query;
    q.offset = static_cast<int>(m_rows.size());
    auto page = loadPage(q);
    if (!page) {
        fail(page.error());
        return;
    }
    if (page->isEmpty()) {
        // The store shrank under us: stop asking.
        m_total = static_cast<int>(m_rows.size());
        Q_EMIT totalCountChanged(m_total);
        return;
    }
    beginInsertRows({}, static_cast<int>(m_rows.size()), static_cast<int>(m_rows.size() + page->size() - 1));
    m_rows.append(*page);
    endInsertRows();
}

void PagedTableModel::sort(int column, Qt::SortOrder order)
{
    const QString key = sortKey(column);
    if (key.isEmpty())
        return;
    m_query.sortKey = key;
    m_query.descending = order == Qt::DescendingOrder;
    reload();
}

void PagedTableModel::setFilter(const QString &filter)
{
    if (filter == m_query.filter)
        return;
    m_query.filter = filter;
    reload();
}

QString PagedTableModel::idAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : QString();
}

bool PagedTableModel::fail(const Error &error)
{
    m_lastError = error.message;
    qCWarning(lcModel) << error.message;
    Q_EMIT loadFailed(error.message);
    return false;
}

void PagedTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    m_lastError.clear();
    if (auto count = loadCount(m_query.filter); count) {
        m_total = *count;
        ListQuery q = m_query;
        q.offset = 0;
        if (auto page = loadPage(q); page)
            m_rows = *page;
        else
            fail(page.error());
    } else {
        fail(count.error());
    }
    endResetModel();
    Q_EMIT totalCountChanged(m_total);
}

void PagedTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, columns() - 1);
    if (!m_rows.isEmpty()) // translated cell texts (states, origins, sources)
        reload();
}

} // namespace centrale
