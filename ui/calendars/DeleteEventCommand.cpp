#include "calendars/DeleteEventCommand.h"

#include "store/Store.h"

namespace centrale {

DeleteEventCommand::DeleteEventCommand(Store &store, Host &host, ScheduleEvent event)
    : CalendarCommand(store, host, tr("Delete event “%1”").arg(event.title)), m_event(std::move(event))
{
}

void DeleteEventCommand::redo()
{
    finish(m_store.functions.removeEvent(m_event.id), m_event.functionId, {});
}

void DeleteEventCommand::undo()
{
    auto added = m_store.functions.addEvent(m_event);
    finish(added ? Status() : Status(added.error()), m_event.functionId, m_event.id);
}

} // namespace centrale
