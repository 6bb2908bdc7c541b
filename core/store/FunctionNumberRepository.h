#pragma once

#include "domain/FunctionNumber.h"
#include "domain/ScheduleEvent.h"
#include "store/Database.h"
#include "store/ListQuery.h"

namespace centrale {

// Function numbers and their schedules (ordered events: the first that applies wins).
class FunctionNumberRepository final {
    Q_DECLARE_TR_FUNCTIONS(FunctionNumberRepository)
public:
    explicit FunctionNumberRepository(Database &db) : m_db(db) {}

    Result<FunctionNumber> create(FunctionNumber function);
    Result<FunctionNumber> get(const QString &id);
    Result<FunctionNumber> findByNumber(const QString &number);
    Status update(FunctionNumber function);
    // Deleting a function number deletes its schedule and frees its pool number.
    Status remove(const QString &id);
    // Sort keys: name (default), number.
    Result<QList<FunctionNumber>> list(const ListQuery &query = {});

    // The schedule's events in priority order.
    Result<QList<ScheduleEvent>> events(const QString &functionId);
    Result<ScheduleEvent> getEvent(const QString &eventId);
    // Appends at the end (lowest priority) unless position is within the list.
    Result<ScheduleEvent> addEvent(ScheduleEvent event);
    Status updateEvent(ScheduleEvent event);
    Status removeEvent(const QString &eventId);
    // Moves an event to a new priority position (0 = first), shifting the others.
    Status moveEvent(const QString &eventId, int newPosition);

private:
    Result<QList<FunctionNumber>> select(const QString &where, QVariantList binds, const ListQuery &query);
    Status checkPrompt(const ScheduleEvent &event);
    Status renumber(const QString &functionId, const QStringList &orderedIds);
    Database &m_db;
};

} // namespace centrale
