#include "domain/ScheduleEvent.h"

#include "domain/JsonReader.h"
#include "domain/Validators.h"

#include <QJsonArray>

#include <libical/ical.h>

namespace centrale {

Status ScheduleEvent::normaliseAndValidate()
{
    title = title.trimmed();
    rrule = rrule.trimmed();
    if (rrule.startsWith(QLatin1String("RRULE:"), Qt::CaseInsensitive))
        rrule = rrule.mid(6);
    if (Status s = Validators::requiredText(title, tr("Title"), QStringLiteral("title"), 120); !s)
        return s;
    if (functionId.isEmpty())
        return Error::invalid(tr("The event does not belong to a function number."), QStringLiteral("functionId"));
    if (!start.isValid() || !end.isValid())
        return Error::invalid(tr("The event needs a valid start and end."), QStringLiteral("start"));
    if (allDay) {
        start = QDateTime(start.date(), QTime(0, 0));
        if (end.time() != QTime(0, 0))
            end = QDateTime(end.date().addDays(1), QTime(0, 0));
    }
    if (end <= start)
        return Error::invalid(tr("The event must end after it starts."), QStringLiteral("end"));
    if (!rrule.isEmpty()) {
        icalerror_set_errno(ICAL_NO_ERROR);
        const QByteArray utf8 = rrule.toUtf8();
        const icalrecurrencetype r = icalrecurrencetype_from_string(utf8.constData());
        bool bad = r.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR;
        if (!bad) {
            // Parsing does not check the ranges (BYMONTH=13 passes); making an iterator does.
            const QByteArray dtstart = start.toString(QStringLiteral("yyyyMMdd'T'HHmmss")).toLatin1();
            icalrecur_iterator *it = icalrecur_iterator_new(r, icaltime_from_string(dtstart.constData()));
            bad = it == nullptr;
            if (it)
                icalrecur_iterator_free(it);
        }
        icalerror_set_errno(ICAL_NO_ERROR);
        if (bad)
            return Error::invalid(tr("%1 is not a valid recurrence rule (iCalendar RRULE), e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR.").arg(rrule),
                                  QStringLiteral("rrule"));
    }
    return {};
}

QJsonObject ScheduleEvent::toJson() const
{
    QJsonArray ex;
    for (const QDateTime &dt : exceptions)
        ex.append(dt.toString(Qt::ISODate));
    return {{QStringLiteral("id"), id},
            {QStringLiteral("functionId"), functionId},
            {QStringLiteral("position"), position},
            {QStringLiteral("title"), title},
            {QStringLiteral("state"), openStateName(state)},
            {QStringLiteral("promptId"), promptId},
            {QStringLiteral("start"), start.toString(Qt::ISODate)},
            {QStringLiteral("end"), end.toString(Qt::ISODate)},
            {QStringLiteral("allDay"), allDay},
            {QStringLiteral("rrule"), rrule},
            {QStringLiteral("exceptions"), ex}};
}

Result<ScheduleEvent> ScheduleEvent::fromJson(const QJsonObject &json)
{
    ScheduleEvent e;
    JsonReader r(json);
    r.readRecord(e);
    r.readString("functionId", e.functionId);
    r.readInt("position", e.position);
    r.readString("title", e.title);
    r.readEnum("state", e.state, {OpenState::Open, OpenState::Closed}, &openStateName);
    r.readString("promptId", e.promptId);
    r.readDateTime("start", e.start);
    r.readDateTime("end", e.end);
    r.readBool("allDay", e.allDay);
    r.readString("rrule", e.rrule);
    r.readDateTimeList("exceptions", e.exceptions);
    return r.result(e);
}

} // namespace centrale
