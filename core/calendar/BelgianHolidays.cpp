#include "calendar/BelgianHolidays.h"

#include <algorithm>

namespace centrale {

QDate BelgianHolidays::easterSunday(int year)
{
    const int a = year % 19;
    const int b = year / 100;
    const int c = year % 100;
    const int d = b / 4;
    const int e = b % 4;
    const int f = (b + 8) / 25;
    const int g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4;
    const int k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return QDate(year, month, day);
}

QList<BelgianHolidays::Holiday> BelgianHolidays::holidays(int year, bool communityHolidays)
{
    const QDate easter = easterSunday(year);
    QList<Holiday> list {
        {QDate(year, 1, 1), QStringLiteral("Jour de l'An")},
        {easter.addDays(1), QStringLiteral("Lundi de Pâques")},
        {QDate(year, 5, 1), QStringLiteral("Fête du Travail")},
        {easter.addDays(39), QStringLiteral("Ascension")},
        {easter.addDays(50), QStringLiteral("Lundi de Pentecôte")},
        {QDate(year, 7, 21), QStringLiteral("Fête nationale")},
        {QDate(year, 8, 15), QStringLiteral("Assomption")},
        {QDate(year, 11, 1), QStringLiteral("Toussaint")},
        {QDate(year, 11, 11), QStringLiteral("Armistice")},
        {QDate(year, 12, 25), QStringLiteral("Noël")},
    };
    if (communityHolidays) {
        list.append({QDate(year, 7, 11), QStringLiteral("Fête de la Communauté flamande")});
        list.append({QDate(year, 9, 27), QStringLiteral("Fête de la Fédération Wallonie-Bruxelles")});
        list.append({QDate(year, 11, 15), QStringLiteral("Fête de la Communauté germanophone")});
    }
    std::stable_sort(list.begin(), list.end(), [](const Holiday &x, const Holiday &y) { return x.date < y.date; });
    return list;
}

QList<ScheduleEvent> BelgianHolidays::generate(int fromYear, int toYear, bool communityHolidays, const QString &functionId)
{
    QList<ScheduleEvent> events;
    for (int year = fromYear; year <= toYear; ++year) {
        for (const Holiday &holiday : holidays(year, communityHolidays)) {
            ScheduleEvent event;
            event.id = newId();
            event.functionId = functionId;
            event.position = int(events.size());
            event.title = holiday.title;
            event.state = OpenState::Closed;
            event.start = QDateTime(holiday.date, QTime(0, 0));
            event.end = QDateTime(holiday.date.addDays(1), QTime(0, 0));
            event.allDay = true;
            events.append(event);
        }
    }
    return events;
}

} // namespace centrale
