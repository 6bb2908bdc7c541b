#pragma once

#include "calendars/Clock.h"
#include "common/PagedTableModel.h"
#include "domain/FunctionNumber.h"

#include <QHash>

class QTimer;

namespace centrale {

class Store;

// Function numbers › Calendars: the function numbers, the state their schedule gives now (green
// open, red closed) and its default state. A single-shot timer refreshes the current states when
// the next transition of any listed number passes.
class FunctionsModel final : public PagedTableModel {
    Q_OBJECT
public:
    enum Column { Name, Number, CurrentState, DefaultState, Events, ColumnCount };

    explicit FunctionsModel(Store &store, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    void setClock(Clock clock);
    // Re-reads the listed numbers' schedules (after an edit, or when a transition passed) without
    // resetting the model, and re-arms the timer.
    void refreshStates();
    // When the timer fires next (invalid when no transition is coming within a week).
    QDateTime nextTransition() const { return m_next; }
    QTimer *stateTimer() const { return m_timer; }

protected:
    int columns() const override { return ColumnCount; }
    QString header(int column) const override;
    QString sortKey(int column) const override;
    Result<int> loadCount(const QString &filter) override;
    Result<QList<Row>> loadPage(const ListQuery &query) override;

private:
    struct Info {
        OpenState current = OpenState::Closed;
        OpenState defaultState = OpenState::Closed;
        int eventCount = 0;
        QDateTime next;
    };
    Info infoFor(const FunctionNumber &function, const QDateTime &now) const;
    void scheduleTimer();

    Store &m_store;
    Clock m_clock;
    QHash<QString, Info> m_info;
    QTimer *m_timer;
    QDateTime m_next;
};

} // namespace centrale
