#pragma once

#include "calendars/CalendarCommand.h"
#include "domain/ScheduleEvent.h"

namespace centrale {

// Changes an event's fields (not its priority: see MoveEventCommand).
class EditEventCommand final : public CalendarCommand {
    Q_DECLARE_TR_FUNCTIONS(EditEventCommand)

public:
    EditEventCommand(Store &store, Host &host, ScheduleEvent before, ScheduleEvent after);
    void redo() override;
    void undo() override;

private:
    ScheduleEvent m_before;
    ScheduleEvent m_after;
};

} // namespace centrale
