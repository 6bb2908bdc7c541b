#include "calendars/Recurrence.h"

#include <QMap>

#include <algorithm>

namespace centrale {

namespace {
const QStringList kDayCodes = {QStringLiteral("MO"), QStringLiteral("TU"), QStringLiteral("WE"), QStringLiteral("TH"), QStringLiteral("FR"),
    QStringLiteral("SA"), QStringLiteral("SU")};

QMap<QString, QString> parts(const QString &rrule)
{
    QMap<QString, QString> out;
    QString rule = rrule.trimmed();
    if (rule.startsWith(QLatin1String("RRULE:"), Qt::CaseInsensitive))
        rule = rule.mid(6);
    for (const QString &part : rule.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(u'=');
        if (eq > 0)
            out.insert(part.left(eq).trimmed().toUpper(), part.mid(eq + 1).trimmed().toUpper());
    }
    return out;
}

QString timeText(const QTime &t)
{
    return t.toString(QStringLiteral("HH:mm"));
}
} // namespace

Recurrence Recurrence::fromRule(const QString &rrule)
{
    Recurrence r;
    if (rrule.trimmed().isEmpty())
        return r;
    r.frequency = Frequency::Custom;
    r.custom = rrule.trimmed();
    QMap<QString, QString> p = parts(rrule);
    const QString freq = p.take(QStringLiteral("FREQ"));
    if (p.value(QStringLiteral("INTERVAL"), QStringLiteral("1")) != QLatin1String("1"))
        return r;
    p.remove(QStringLiteral("INTERVAL"));
    p.remove(QStringLiteral("WKST"));
    if (p.contains(QStringLiteral("UNTIL"))) {
        const QDate until = QDate::fromString(p.take(QStringLiteral("UNTIL")).left(8), QStringLiteral("yyyyMMdd"));
        if (!until.isValid())
            return r;
        r.until = until;
    }
    if (p.contains(QStringLiteral("COUNT"))) {
        bool ok = false;
        r.count = p.take(QStringLiteral("COUNT")).toInt(&ok);
        if (!ok || r.count <= 0)
            return r;
    }
    Frequency f = Frequency::Custom;
    if (freq == QLatin1String("DAILY") && p.isEmpty()) {
        f = Frequency::Daily;
    } else if (freq == QLatin1String("WEEKLY") && p.size() <= 1 && (p.isEmpty() || p.contains(QStringLiteral("BYDAY")))) {
        for (const QString &day : p.value(QStringLiteral("BYDAY")).split(u',', Qt::SkipEmptyParts)) {
            const qsizetype index = kDayCodes.indexOf(day);
            if (index < 0)
                return r;
            r.weekDays << static_cast<int>(index) + 1;
        }
        std::sort(r.weekDays.begin(), r.weekDays.end());
        f = Frequency::Weekly;
    } else if (freq == QLatin1String("MONTHLY") && (p.isEmpty() || (p.size() == 1 && p.contains(QStringLiteral("BYMONTHDAY"))))) {
        f = Frequency::Monthly;
    } else if (freq == QLatin1String("YEARLY")) {
        p.remove(QStringLiteral("BYMONTH"));
        p.remove(QStringLiteral("BYMONTHDAY"));
        if (p.isEmpty())
            f = Frequency::Yearly;
    }
    if (f == Frequency::Custom)
        return r;
    r.frequency = f;
    r.custom.clear();
    return r;
}

QString Recurrence::toRule(const QDate &start) const
{
    QStringList rule;
    switch (frequency) {
    case Frequency::Never:
        return {};
    case Frequency::Custom:
        return custom.trimmed();
    case Frequency::Daily:
        rule << QStringLiteral("FREQ=DAILY");
        break;
    case Frequency::Weekly: {
        rule << QStringLiteral("FREQ=WEEKLY");
        QStringList days;
        QList<int> sorted = weekDays;
        std::sort(sorted.begin(), sorted.end());
        for (int d : sorted) {
            if (d >= 1 && d <= 7)
                days << kDayCodes.at(d - 1);
        }
        if (days.isEmpty() && start.isValid())
            days << kDayCodes.at(start.dayOfWeek() - 1);
        rule << QString(QStringLiteral("BYDAY=") + days.join(u','));
        break;
    }
    case Frequency::Monthly:
        rule << QStringLiteral("FREQ=MONTHLY") << QString(QStringLiteral("BYMONTHDAY=") + QString::number(start.day()));
        break;
    case Frequency::Yearly:
        rule << QStringLiteral("FREQ=YEARLY") << QString(QStringLiteral("BYMONTH=") + QString::number(start.month()))
             << QString(QStringLiteral("BYMONTHDAY=") + QString::number(start.day()));
        break;
    }
    if (until.isValid())
        rule << QString(QStringLiteral("UNTIL=") + until.toString(QStringLiteral("yyyyMMdd")) + QStringLiteral("T235959"));
    else if (count > 0)
        rule << QString(QStringLiteral("COUNT=") + QString::number(count));
    return rule.join(u';');
}

QString Recurrence::summary(const ScheduleEvent &event, const QLocale &locale)
{
    const Recurrence r = fromRule(event.rrule);
    const QDate start = event.start.date();
    // All-day events end at midnight after their last day.
    const qint64 days = event.allDay ? qMax<qint64>(1, start.daysTo(event.end.date())) : 0;

    if (r.frequency == Frequency::Never) {
        if (event.allDay) {
            if (days <= 1)
                //: %1 is a date
                return tr("On %1, all day").arg(locale.toString(start, QLocale::LongFormat));
            //: two dates
            return tr("From %1 to %2, all day")
                .arg(locale.toString(start, QLocale::LongFormat), locale.toString(start.addDays(days - 1), QLocale::LongFormat));
        }
        if (event.end.date() == start)
            //: %1 is a date, %2 and %3 times
            return tr("On %1 from %2 to %3")
                .arg(locale.toString(start, QLocale::LongFormat), timeText(event.start.time()), timeText(event.end.time()));
        //: two dates with their times
        return tr("From %1 to %2")
            .arg(QString(locale.toString(start, QLocale::LongFormat) + u' ' + timeText(event.start.time())),
                QString(locale.toString(event.end.date(), QLocale::LongFormat) + u' ' + timeText(event.end.time())));
    }
    if (r.frequency == Frequency::Custom)
        //: %1 is an iCalendar RRULE
        return tr("Custom repeat rule: %1").arg(r.custom);

    const QMap<QString, QString> p = parts(event.rrule);
    QString text;
    switch (r.frequency) {
    case Frequency::Daily:
        text = tr("Every day");
        break;
    case Frequency::Weekly: {
        QList<int> weekDays = r.weekDays;
        if (weekDays.isEmpty())
            weekDays << start.dayOfWeek();
        if (weekDays == QList<int> {1, 2, 3, 4, 5}) {
            text = tr("Every weekday");
        } else if (weekDays.size() == 7) {
            text = tr("Every day");
        } else {
            QStringList names;
            for (int d : weekDays)
                names << locale.dayName(d, QLocale::LongFormat);
            //: %1 is a list of days of the week, e.g. "Monday, Wednesday and Friday"
            text = tr("Every %1").arg(locale.createSeparatedList(names));
        }
        break;
    }
    case Frequency::Monthly: {
        const int day = p.contains(QStringLiteral("BYMONTHDAY")) ? p.value(QStringLiteral("BYMONTHDAY")).toInt() : start.day();
        //: %1 is a day of the month (1 to 31)
        text = tr("Every month on day %1").arg(day);
        break;
    }
    case Frequency::Yearly: {
        int month = p.value(QStringLiteral("BYMONTH")).toInt();
        int day = p.value(QStringLiteral("BYMONTHDAY")).toInt();
        if (month < 1 || month > 12 || day < 1 || day > 31 || !QDate(2000, month, day).isValid()) {
            month = start.month();
            day = start.day();
        }
        //: %1 is a day and month, e.g. "1 January"
        text = tr("Every year on %1").arg(locale.toString(QDate(2000, month, day), QStringLiteral("d MMMM")));
        break;
    }
    default:
        break;
    }

    if (event.allDay) {
        //: %1 says when an event repeats, e.g. "Every year on 1 January"
        text = tr("%1, all day").arg(text);
        if (days > 1)
            text = tr("%1, for %n day(s)", nullptr, static_cast<int>(days)).arg(text);
    } else if (event.end.date() > start) {
        //: %1 says when an event repeats; the event ends the day after it starts
        text = tr("%1 from %2 to %3 the next day").arg(text, timeText(event.start.time()), timeText(event.end.time()));
    } else {
        //: %1 says when an event repeats, %2 and %3 are times
        text = tr("%1 from %2 to %3").arg(text, timeText(event.start.time()), timeText(event.end.time()));
    }
    if (r.until.isValid())
        //: %1 is the summary so far, %2 a date
        text = tr("%1, until %2").arg(text, locale.toString(r.until, QLocale::ShortFormat));
    else if (r.count > 0)
        text = tr("%1, %n time(s)", nullptr, r.count).arg(text);
    if (!event.exceptions.isEmpty()) {
        QStringList dates;
        for (const QDateTime &dt : event.exceptions)
            dates << locale.toString(dt.date(), QLocale::ShortFormat);
        //: %1 is the summary so far, %2 a list of dates
        text = tr("%1, except on %2").arg(text, locale.createSeparatedList(dates));
    }
    return text;
}

} // namespace centrale
