#pragma once

#include "domain/ScheduleEvent.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QLocale>
#include <QString>

namespace centrale {

// The repeat rules the event editor offers, read from and written to an iCalendar RRULE, and a
// plain-language summary of an event ("Every weekday from 08:30 to 12:30"). Rules the editor
// cannot show (INTERVAL, BYSETPOS, ...) are kept as they are, as Custom.
struct Recurrence {
    Q_DECLARE_TR_FUNCTIONS(Recurrence)
public:
    enum class Frequency { Never, Daily, Weekly, Monthly, Yearly, Custom };

    Frequency frequency = Frequency::Never;
    QList<int> weekDays; // Qt::DayOfWeek, Monday = 1
    QDate until; // invalid: no end date
    int count = 0; // 0: no count
    QString custom; // the rule itself, for Custom

    static Recurrence fromRule(const QString &rrule);
    // The RRULE for an event starting on start (monthly and yearly repeat on start's day).
    QString toRule(const QDate &start) const;
    // In the language of locale (and of the installed translator).
    static QString summary(const ScheduleEvent &event, const QLocale &locale = QLocale());
};

} // namespace centrale
