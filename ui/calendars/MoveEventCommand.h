#pragma once

#include "calendars/CalendarCommand.h"

namespace centrale {

// Changes an event's priority.
class MoveEventCommand final : public CalendarCommand {
    Q_DECLARE_TR_FUNCTIONS(MoveEventCommand)

public:
    MoveEventCommand(Store &store, Host &host, const QString &functionId, const QString &eventId, int from, int to);
    void redo() override;
    void undo() override;

private:
    QString m_functionId;
    QString m_eventId;
    int m_from;
    int m_to;
};

} // namespace centrale
