#include "calendars/DefaultStateCommand.h"

#include "store/Store.h"

namespace centrale {

DefaultStateCommand::DefaultStateCommand(Store &store, Host &host, const QString &functionId, OpenState from, OpenState to)
    : CalendarCommand(store, host, to == OpenState::Open ? tr("Open by default") : tr("Closed by default")), m_functionId(functionId),
      m_from(from), m_to(to)
{
}

void DefaultStateCommand::apply(OpenState state)
{
    auto function = m_store.functions.get(m_functionId);
    if (!function) {
        finish(function.error(), m_functionId, {});
        return;
    }
    function->defaultState = state;
    finish(m_store.functions.update(*function), m_functionId, {});
}

void DefaultStateCommand::redo()
{
    apply(m_to);
}

void DefaultStateCommand::undo()
{
    apply(m_from);
}

} // namespace centrale
