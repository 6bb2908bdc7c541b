#pragma once

#include "calendars/CalendarCommand.h"
#include "domain/ScheduleEvent.h"

#include <QHash>

namespace centrale {

// Copies a schedule's events to other function numbers, after their own events, in one
// transaction: every target gets every event, or nothing changes.
class CopyCalendarCommand final : public CalendarCommand {
    Q_DECLARE_TR_FUNCTIONS(CopyCalendarCommand)

public:
    CopyCalendarCommand(Store &store, Host &host, const QString &sourceId, QList<ScheduleEvent> events, QStringList targetIds);
    void redo() override;
    void undo() override;

private:
    QString m_sourceId;
    QList<ScheduleEvent> m_events;
    QStringList m_targetIds;
    QHash<QString, QStringList> m_created; // target id -> the copies' ids, in order
};

} // namespace centrale
