#pragma once

#include "calendars/AddEventCommand.h"

namespace centrale {

// Adds a copy of an event just below it.
class DuplicateEventCommand final : public AddEventCommand {
    Q_DECLARE_TR_FUNCTIONS(DuplicateEventCommand)

public:
    DuplicateEventCommand(Store &store, Host &host, const ScheduleEvent &original);

private:
    static ScheduleEvent copyOf(const ScheduleEvent &original);
};

} // namespace centrale
