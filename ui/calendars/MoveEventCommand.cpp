#include "calendars/MoveEventCommand.h"

#include "store/Store.h"

namespace centrale {

MoveEventCommand::MoveEventCommand(Store &store, Host &host, const QString &functionId, const QString &eventId, int from, int to)
    : CalendarCommand(store, host, to < from ? tr("Move event up") : tr("Move event down")), m_functionId(functionId), m_eventId(eventId),
      m_from(from), m_to(to)
{
}

void MoveEventCommand::redo()
{
    finish(m_store.functions.moveEvent(m_eventId, m_to), m_functionId, m_eventId);
}

void MoveEventCommand::undo()
{
    finish(m_store.functions.moveEvent(m_eventId, m_from), m_functionId, m_eventId);
}

} // namespace centrale
