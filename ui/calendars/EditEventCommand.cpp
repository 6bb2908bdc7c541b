#include "calendars/EditEventCommand.h"

#include "store/Store.h"

namespace centrale {

EditEventCommand::EditEventCommand(Store &store, Host &host, ScheduleEvent before, ScheduleEvent after)
    : CalendarCommand(store, host, tr("Edit event “%1”").arg(after.title)), m_before(std::move(before)), m_after(std::move(after))
{
}

void EditEventCommand::redo()
{
    finish(m_store.functions.updateEvent(m_after), m_after.functionId, m_after.id);
}

void EditEventCommand::undo()
{
    finish(m_store.functions.updateEvent(m_before), m_before.functionId, m_before.id);
}

} // namespace centrale
