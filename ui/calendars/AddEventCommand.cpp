#include "calendars/AddEventCommand.h"

#include "store/Store.h"

namespace centrale {

AddEventCommand::AddEventCommand(Store &store, Host &host, ScheduleEvent event)
    : AddEventCommand(store, host, event, tr("Add event “%1”").arg(event.title))
{
}

AddEventCommand::AddEventCommand(Store &store, Host &host, ScheduleEvent event, const QString &text)
    : CalendarCommand(store, host, text), m_event(std::move(event))
{
}

void AddEventCommand::redo()
{
    auto added = m_store.functions.addEvent(m_event);
    if (added)
        m_event.id = added->id;
    finish(added ? Status() : Status(added.error()), m_event.functionId, m_event.id);
}

void AddEventCommand::undo()
{
    finish(m_store.functions.removeEvent(m_event.id), m_event.functionId, {});
}

} // namespace centrale
