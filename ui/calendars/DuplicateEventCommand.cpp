#include "calendars/DuplicateEventCommand.h"

namespace centrale {

DuplicateEventCommand::DuplicateEventCommand(Store &store, Host &host, const ScheduleEvent &original)
    : AddEventCommand(store, host, copyOf(original), tr("Duplicate event “%1”").arg(original.title))
{
}

ScheduleEvent DuplicateEventCommand::copyOf(const ScheduleEvent &original)
{
    ScheduleEvent copy = original;
    copy.id.clear();
    copy.version = 0;
    copy.dirty = false;
    copy.position = original.position + 1;
    return copy;
}

} // namespace centrale
