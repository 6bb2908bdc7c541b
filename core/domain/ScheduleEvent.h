#pragma once

#include "domain/FunctionNumber.h"

#include <QDateTime>
#include <QList>

namespace centrale {

// One event of a function number's schedule. Events are ordered: the first event that covers an
// instant decides the state and the prompt. Times are local wall-clock times of the organisation
// (Europe/Brussels unless it says otherwise); recurrence is an iCalendar RRULE.
struct ScheduleEvent : Record {
    Q_DECLARE_TR_FUNCTIONS(ScheduleEvent)
public:
    QString functionId;
    int position = 0;
    QString title;
    OpenState state = OpenState::Open;
    QString promptId; // optional
    QDateTime start;  // local time (Qt::LocalTime semantics, stored without offset)
    QDateTime end;
    bool allDay = false;
    QString rrule; // e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR ; empty for a one-off event
    QList<QDateTime> exceptions; // occurrences removed from the recurrence (their start times)

    Status normaliseAndValidate();
    QJsonObject toJson() const;
    // The inverse of toJson(), strict about types; does not validate (see JsonReader).
    static Result<ScheduleEvent> fromJson(const QJsonObject &json);
};

} // namespace centrale
