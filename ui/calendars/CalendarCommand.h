#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QUndoCommand>

namespace centrale {

class Store;

// Base of the calendar editor's undo commands. Each command applies its change to the store (so
// that it lands in the outbox) and tells the host what changed. A change the store refuses is
// reported to the host and makes the command obsolete, so QUndoStack::push drops it.
class CalendarCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(CalendarCommand)
public:
    // Whoever shows the calendars: refreshes its views after each change.
    class Host {
    public:
        virtual ~Host() = default;
        // functionId's schedule changed; eventId (may be empty) is the event to select.
        virtual void calendarChanged(const QString &functionId, const QString &eventId) = 0;
        virtual void calendarEditFailed(const QString &message) = 0;

    protected:
        Host() = default;
        Q_DISABLE_COPY_MOVE(Host)
    };

    Q_DISABLE_COPY_MOVE(CalendarCommand)

protected:
    CalendarCommand(Store &store, Host &host, const QString &text);
    // Reports a failed change; the command becomes obsolete.
    void finish(const Status &status, const QString &functionId, const QString &eventId);

    Store &m_store;
    Host &m_host;
};

} // namespace centrale
