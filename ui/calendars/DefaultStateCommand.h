#pragma once

#include "calendars/CalendarCommand.h"
#include "domain/FunctionNumber.h"

namespace centrale {

// Changes the state a function number has when no event applies.
class DefaultStateCommand final : public CalendarCommand {
    Q_DECLARE_TR_FUNCTIONS(DefaultStateCommand)

public:
    DefaultStateCommand(Store &store, Host &host, const QString &functionId, OpenState from, OpenState to);
    void redo() override;
    void undo() override;

private:
    void apply(OpenState state);

    QString m_functionId;
    OpenState m_from;
    OpenState m_to;
};

} // namespace centrale
