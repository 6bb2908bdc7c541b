#pragma once

#include "common/PagedTableModel.h"

namespace centrale {

class Store;

// Function numbers › Calendars: the function numbers and their schedules' default state.
class FunctionsModel final : public PagedTableModel {
    Q_OBJECT
public:
    enum Column { Name, Number, DefaultState, Events, ColumnCount };

    explicit FunctionsModel(Store &store, QObject *parent = nullptr);

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    QString sortKey(int column) const override;
    Result<int> loadCount(const QString &filter) override;
    Result<QList<Row>> loadPage(const ListQuery &query) override;

private:
    Store &m_store;
};

// The events of one function number's schedule, in priority order.
class EventsModel final : public PagedTableModel {
    Q_OBJECT
public:
    enum Column { Priority, Title, State, When, Repeats, Prompt, ColumnCount };

    explicit EventsModel(Store &store, QObject *parent = nullptr);
    void setFunction(const QString &functionId);

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    QString sortKey(int) const override { return {}; } // the order is the priority
    Result<int> loadCount(const QString &filter) override;
    Result<QList<Row>> loadPage(const ListQuery &query) override;

private:
    Store &m_store;
    QString m_functionId;
};

} // namespace centrale
