#pragma once

#include "calendars/CalendarCommand.h"
#include "domain/ScheduleEvent.h"

namespace centrale {

// Adds an event to a schedule (at event.position, or last when it is out of range).
class AddEventCommand : public CalendarCommand {
    Q_DECLARE_TR_FUNCTIONS(AddEventCommand)

public:
    AddEventCommand(Store &store, Host &host, ScheduleEvent event);
    void redo() override;
    void undo() override;
    QString eventId() const { return m_event.id; }

protected:
    AddEventCommand(Store &store, Host &host, ScheduleEvent event, const QString &text);

private:
    ScheduleEvent m_event; // its id is kept after the first redo, so redo re-creates the same event
};

} // namespace centrale
