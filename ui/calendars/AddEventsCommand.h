#pragma once

#include "calendars/CalendarCommand.h"
#include "domain/ScheduleEvent.h"

#include <QStringList>

#include <optional>
#include <utility>

namespace centrale {

// Adds several events to one function number's schedule in one transaction (an imported .ics
// file, the Belgian holidays): all are stored or none. Undo removes them all in one transaction;
// redo re-creates the same records.
class AddEventsCommand final : public CalendarCommand {
    Q_DECLARE_TR_FUNCTIONS(AddEventsCommand)

public:
    enum class Where {
        Top, // highest priorities, in the given order
        End, // after the schedule's own events
    };
    AddEventsCommand(Store &store, Host &host, const QString &functionId, QList<ScheduleEvent> events, Where where, const QString &text);
    // Also changes the function number's default state (an exported calendar restored into an
    // empty one), in the same transaction; undo puts `before` back.
    void setDefaultState(OpenState before, OpenState after);
    void redo() override;
    void undo() override;

    // The stored events' ids, in order (empty before the first redo or after a failure).
    QStringList createdIds() const { return m_ids; }

private:
    QString m_functionId;
    QList<ScheduleEvent> m_events;
    Where m_where;
    QStringList m_ids;
    std::optional<std::pair<OpenState, OpenState>> m_defaultState; // before, after
};

} // namespace centrale
