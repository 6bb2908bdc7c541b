#pragma once

#include "domain/ScheduleEvent.h"

#include <QDate>
#include <QList>
#include <QString>

namespace centrale {

// Belgian public holidays (the fixed ones and the Easter-based ones), optionally with the
// communities' holidays, as closed all-day events for a function number's schedule.
class BelgianHolidays final {
public:
    struct Holiday {
        QDate date;
        QString title; // in French: the name is data, like an event the administrator typed
    };

    // Easter Sunday of the Gregorian calendar (Anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    static QDate easterSunday(int year);
    // The holidays of one year, in date order.
    static QList<Holiday> holidays(int year, bool communityHolidays);
    // Closed one-off all-day events for every holiday of fromYear..toYear (inclusive), in date
    // order, with fresh ids and positions 0, 1, 2, ...
    static QList<ScheduleEvent> generate(int fromYear, int toYear, bool communityHolidays, const QString &functionId);
};

} // namespace centrale
