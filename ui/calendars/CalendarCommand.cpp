#include "calendars/CalendarCommand.h"

namespace centrale {

CalendarCommand::CalendarCommand(Store &store, Host &host, const QString &text) : QUndoCommand(text), m_store(store), m_host(host)
{
}

void CalendarCommand::finish(const Status &status, const QString &functionId, const QString &eventId)
{
    if (!status) {
        setObsolete(true);
        m_host.calendarEditFailed(status.error().message);
    }
    m_host.calendarChanged(functionId, status ? eventId : QString());
}

} // namespace centrale
