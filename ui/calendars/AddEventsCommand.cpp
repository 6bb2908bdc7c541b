#include "calendars/AddEventsCommand.h"

#include "store/Store.h"

namespace centrale {

AddEventsCommand::AddEventsCommand(
    Store &store, Host &host, const QString &functionId, QList<ScheduleEvent> events, Where where, const QString &text)
    : CalendarCommand(store, host, text), m_functionId(functionId), m_events(std::move(events)), m_where(where)
{
}

void AddEventsCommand::setDefaultState(OpenState before, OpenState after)
{
    m_defaultState = std::make_pair(before, after);
}

namespace {
Status applyDefaultState(Store &store, const QString &functionId, OpenState state)
{
    auto function = store.functions.get(functionId);
    if (!function)
        return function.error();
    if (function->defaultState == state)
        return {};
    function->defaultState = state;
    return store.functions.update(*function);
}
} // namespace

void AddEventsCommand::redo()
{
    QStringList ids;
    const Status status = m_store.database().transaction([&]() -> Status {
        for (int i = 0; i < m_events.size(); ++i) {
            ScheduleEvent event = m_events.at(i);
            if (!m_ids.isEmpty())
                event.id = m_ids.value(i); // redo: the same records again
            event.functionId = m_functionId;
            event.position = m_where == Where::Top ? i : -1;
            event.version = 0;
            event.dirty = false;
            auto added = m_store.functions.addEvent(event);
            if (!added) {
                //: %1 is an event's title, %2 the reason
                return Error {added.error().code, tr("The event “%1” could not be added, so none was: %2").arg(event.title, added.error().message), {}};
            }
            ids << added->id;
        }
        if (m_defaultState)
            return applyDefaultState(m_store, m_functionId, m_defaultState->second);
        return {};
    });
    if (status)
        m_ids = ids;
    finish(status, m_functionId, status ? ids.value(0) : QString());
}

void AddEventsCommand::undo()
{
    const Status status = m_store.database().transaction([&]() -> Status {
        for (auto it = m_ids.crbegin(); it != m_ids.crend(); ++it) {
            if (Status s = m_store.functions.removeEvent(*it); !s)
                return s;
        }
        if (m_defaultState)
            return applyDefaultState(m_store, m_functionId, m_defaultState->first);
        return {};
    });
    finish(status, m_functionId, {});
}

} // namespace centrale
