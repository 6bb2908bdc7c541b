#include "calendars/CopyCalendarCommand.h"

#include "store/Store.h"

namespace centrale {

CopyCalendarCommand::CopyCalendarCommand(
    Store &store, Host &host, const QString &sourceId, QList<ScheduleEvent> events, QStringList targetIds)
    : CalendarCommand(store, host, tr("Copy calendar to %n function number(s)", nullptr, static_cast<int>(targetIds.size()))),
      m_sourceId(sourceId), m_events(std::move(events)), m_targetIds(std::move(targetIds))
{
}

void CopyCalendarCommand::redo()
{
    QHash<QString, QStringList> created;
    const Status status = m_store.database().transaction([&]() -> Status {
        for (const QString &target : std::as_const(m_targetIds)) {
            const QStringList previous = m_created.value(target);
            QStringList ids;
            for (int i = 0; i < m_events.size(); ++i) {
                ScheduleEvent copy = m_events.at(i);
                copy.id = previous.value(i);
                copy.functionId = target;
                copy.position = -1; // after the target's own events
                copy.version = 0;
                copy.dirty = false;
                auto added = m_store.functions.addEvent(copy);
                if (!added) {
                    QString name = target;
                    if (auto f = m_store.functions.get(target); f)
                        name = f->name;
                    //: %1 is a function number's name, %2 the reason
                    return Error {added.error().code, tr("The calendar was not copied to %1: %2").arg(name, added.error().message), {}};
                }
                ids << added->id;
            }
            created.insert(target, ids);
        }
        return {};
    });
    if (status)
        m_created = created;
    finish(status, m_sourceId, {});
}

void CopyCalendarCommand::undo()
{
    const Status status = m_store.database().transaction([&]() -> Status {
        for (auto it = m_created.cbegin(); it != m_created.cend(); ++it) {
            for (const QString &id : it.value()) {
                if (Status s = m_store.functions.removeEvent(id); !s)
                    return s;
            }
        }
        return {};
    });
    finish(status, m_sourceId, {});
}

} // namespace centrale
