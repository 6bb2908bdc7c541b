#pragma once

#include "calendars/CalendarCommand.h"
#include "domain/ScheduleEvent.h"

namespace centrale {

// Deletes an event; undo puts it back at its priority.
class DeleteEventCommand final : public CalendarCommand {
    Q_DECLARE_TR_FUNCTIONS(DeleteEventCommand)

public:
    DeleteEventCommand(Store &store, Host &host, ScheduleEvent event);
    void redo() override;
    void undo() override;

private:
    ScheduleEvent m_event;
};

} // namespace centrale
