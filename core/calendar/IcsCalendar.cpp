#include "calendar/IcsCalendar.h"

#include "store/Store.h"

#include <QFile>
#include <QHash>
#include <QSaveFile>

#include <libical/ical.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <numeric>

namespace centrale {

namespace {

const char kState[] = "X-CENTRALE-STATE";
const char kPrompt[] = "X-CENTRALE-PROMPT";
const char kPriority[] = "X-CENTRALE-PRIORITY";
const char kDefaultState[] = "X-CENTRALE-DEFAULT-STATE";

struct ComponentDeleter {
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentDeleter>;

// Serves the file to libical's parser one physical line at a time, so that we know which line
// a logical (unfolded) line started on.
struct LineSource {
    QList<QByteArray> lines; // physical lines, with their line ending
    qsizetype next = 0; // lines served completely
    qsizetype offset = 0; // within lines[next], when a line is longer than libical's buffer
    bool eof = false;
};

char *serveLine(char *out, size_t size, void *data)
{
    auto *src = static_cast<LineSource *>(data);
    if (src->next >= src->lines.size()) {
        src->eof = true;
        return nullptr;
    }
    const QByteArray &line = src->lines.at(src->next);
    const qsizetype n = std::min<qsizetype>(line.size() - src->offset, qsizetype(size) - 1);
    std::memcpy(out, line.constData() + src->offset, size_t(n));
    out[n] = '\0';
    src->offset += n;
    if (src->offset >= line.size()) {
        ++src->next;
        src->offset = 0;
    }
    return out;
}

// The 1-based line on which the logical line libical just returned started.
int logicalLineStart(const LineSource &src)
{
    // libical reads one line ahead (to see whether the next one continues this one).
    qsizetype last = src.eof ? src.lines.size() - 1 : src.next - 2;
    last = std::clamp<qsizetype>(last, 0, std::max<qsizetype>(0, src.lines.size() - 1));
    while (last > 0 && !src.lines.at(last).isEmpty() && (src.lines.at(last).at(0) == ' ' || src.lines.at(last).at(0) == '\t'))
        --last;
    return int(last + 1);
}

QString xValue(icalcomponent *comp, const char *name, int *count = nullptr)
{
    QString value;
    int n = 0;
    for (icalproperty *p = icalcomponent_get_first_property(comp, ICAL_X_PROPERTY); p;
         p = icalcomponent_get_next_property(comp, ICAL_X_PROPERTY)) {
        const char *x = icalproperty_get_x_name(p);
        if (x && qstricmp(x, name) == 0) {
            if (n++ == 0) {
                // get_x() is the unescaped text ("\\," is a comma); get_value_as_string() escapes it again.
                const char *text = icalproperty_get_x(p);
                value = QString::fromUtf8(text ? text : icalproperty_get_value_as_string(p)).trimmed();
            }
        }
    }
    if (count)
        *count = n;
    return value;
}

void addX(icalcomponent *comp, const char *name, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    icalproperty *p = icalproperty_new_x(utf8.constData());
    icalproperty_set_x_name(p, name);
    icalcomponent_add_property(comp, p);
}

QString componentKind(icalcomponent *comp)
{
    return QString::fromLatin1(icalcomponent_kind_to_string(icalcomponent_isa(comp)));
}

icaltimetype toIcal(const QDateTime &wallClock, bool date)
{
    icaltimetype t = date ? icaltime_null_date() : icaltime_null_time();
    t.year = wallClock.date().year();
    t.month = wallClock.date().month();
    t.day = wallClock.date().day();
    if (!date) {
        t.hour = wallClock.time().hour();
        t.minute = wallClock.time().minute();
        t.second = wallClock.time().second();
    }
    return t;
}

// The libical canonical text of a rule (what import produces), so that equal rules compare equal.
QString canonicalRule(icalrecurrencetype rule)
{
    const char *text = icalrecurrencetype_as_string(&rule);
    return text ? QString::fromLatin1(text) : QString();
}

// Reads one VCALENDAR's events into ScheduleEvents.
class Reader final {
public:
    Reader(const QTimeZone &zone, const QHash<QString, QString> &promptIdByName, const QString &functionId,
        const IcsCalendar::ImportOptions &options, IcsCalendar::Parsed &out)
        : m_zone(zone), m_zoneId(zone.id()), m_promptIdByName(promptIdByName), m_functionId(functionId), m_options(options), m_out(out)
    {
    }

    void read(icalcomponent *calendar)
    {
        if (const QString d = xValue(calendar, kDefaultState); !d.isEmpty()) {
            if (auto s = openStateFromName(d.toLower()))
                m_out.defaultState = *s;
        }
        // Changed occurrences of a recurring event (RECURRENCE-ID) replace that occurrence: the
        // recurring event gets it as an exception, the changed one is imported on its own.
        QHash<QString, QList<QDateTime>> replacedByUid;
        for (icalcomponent *c = icalcomponent_get_first_component(calendar, ICAL_VEVENT_COMPONENT); c;
             c = icalcomponent_get_next_component(calendar, ICAL_VEVENT_COMPONENT)) {
            icalproperty *rid = icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY);
            if (!rid)
                continue;
            QString ignored;
            if (auto at = wallClock(c, rid, icalproperty_get_recurrenceid(rid), &ignored))
                replacedByUid[QString::fromUtf8(icalcomponent_get_uid(c))] << *at;
        }
        for (icalcomponent *c = icalcomponent_get_first_component(calendar, ICAL_ANY_COMPONENT); c;
             c = icalcomponent_get_next_component(calendar, ICAL_ANY_COMPONENT)) {
            switch (icalcomponent_isa(c)) {
            case ICAL_VTIMEZONE_COMPONENT:
                break;
            case ICAL_VEVENT_COMPONENT:
                readEvent(c, replacedByUid);
                break;
            case ICAL_VTODO_COMPONENT:
                skip(c, IcsCalendar::tr("A task (VTODO) is not a calendar event."));
                break;
            case ICAL_VJOURNAL_COMPONENT:
                skip(c, IcsCalendar::tr("A journal entry (VJOURNAL) is not a calendar event."));
                break;
            default:
                skip(c, IcsCalendar::tr("A %1 component is not a calendar event.").arg(componentKind(c)));
                break;
            }
        }
        // Events with X-CENTRALE-PRIORITY first, by priority; the others after, in the file's order.
        QList<int> order(m_events.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [this](int a, int b) { return m_priorities.at(a) < m_priorities.at(b); });
        for (int i : order)
            m_out.events << m_events.at(i);
    }

private:
    QString titleOf(icalcomponent *c) const
    {
        const char *summary = icalcomponent_get_summary(c);
        QString title = summary ? QString::fromUtf8(summary).simplified() : QString();
        return title;
    }

    void skip(icalcomponent *c, const QString &reason)
    {
        QString title = titleOf(c);
        if (title.isEmpty())
            title = componentKind(c);
        m_out.skipped << IcsCalendar::Skipped {title, reason};
    }

    // The wall-clock time in the organisation's zone (a QDateTime without zone, as events keep
    // them), or nothing with the reason.
    std::optional<QDateTime> wallClock(icalcomponent *comp, icalproperty *prop, icaltimetype t, QString *reason) const
    {
        const QDate date(t.year, t.month, t.day);
        if (icaltime_is_null_time(t) || !date.isValid()) {
            *reason = IcsCalendar::tr("The date %1 does not exist.").arg(QString::fromLatin1(icalproperty_get_value_as_string(prop)));
            return std::nullopt;
        }
        if (t.is_date)
            return QDateTime(date, QTime(0, 0));
        const QTime time(t.hour, t.minute, std::min(t.second, 59));
        if (!time.isValid()) {
            *reason = IcsCalendar::tr("The time %1 does not exist.").arg(QString::fromLatin1(icalproperty_get_value_as_string(prop)));
            return std::nullopt;
        }
        const auto local = [this](const QDateTime &instant) {
            const QDateTime l = instant.toTimeZone(m_zone);
            return QDateTime(l.date(), l.time());
        };
        if (icaltime_is_utc(t))
            return local(QDateTime(date, time, Qt::UTC));
        icalparameter *param = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER);
        const char *tzid = param ? icalparameter_get_tzid(param) : nullptr;
        if (!tzid || !*tzid)
            return QDateTime(date, time); // floating: the organisation's local time
        const QByteArray id(tzid);
        if (id == m_zoneId)
            return QDateTime(date, time);
        icaltimezone *zone = nullptr;
        for (icalcomponent *c = comp; c && !zone; c = icalcomponent_get_parent(c))
            zone = icalcomponent_get_timezone(c, tzid);
        if (!zone)
            zone = icaltimezone_get_builtin_timezone_from_tzid(tzid);
        if (!zone)
            zone = icaltimezone_get_builtin_timezone(tzid);
        if (zone) {
            icaltimetype z = t;
            icaltime_set_timezone(&z, zone);
            const icaltimetype u = icaltime_convert_to_zone(z, icaltimezone_get_utc_timezone());
            return local(QDateTime(QDate(u.year, u.month, u.day), QTime(u.hour, u.minute, std::min(u.second, 59)), Qt::UTC));
        }
        // A zone the file does not define: an IANA name, or a Windows name (Outlook).
        QTimeZone qzone;
        if (QTimeZone::isTimeZoneIdAvailable(id))
            qzone = QTimeZone(id);
        else if (const QByteArray iana = QTimeZone::windowsIdToDefaultIanaId(id); !iana.isEmpty())
            qzone = QTimeZone(iana);
        if (qzone.isValid())
            return local(QDateTime(date, time, qzone));
        *reason = IcsCalendar::tr("The time zone %1 is not defined in the file and is not known.").arg(QString::fromUtf8(tzid));
        return std::nullopt;
    }

    void readEvent(icalcomponent *c, const QHash<QString, QList<QDateTime>> &replacedByUid)
    {
        if (icalcomponent_get_status(c) == ICAL_STATUS_CANCELLED)
            return skip(c, IcsCalendar::tr("The event is cancelled."));
        icalproperty *dtstart = icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY);
        if (!dtstart)
            return skip(c, IcsCalendar::tr("The event has no start (DTSTART)."));
        if (icalcomponent_get_first_property(c, ICAL_RDATE_PROPERTY))
            return skip(c,
                IcsCalendar::tr(
                    "The event repeats on a list of dates (RDATE), which calendars here cannot express; use a rule (RRULE) instead."));
        if (icalcomponent_count_properties(c, ICAL_RRULE_PROPERTY) > 1)
            return skip(c, IcsCalendar::tr("The event has several recurrence rules; only one is supported."));

        ScheduleEvent e;
        e.functionId = m_functionId;
        e.title = titleOf(c).left(120);
        if (e.title.isEmpty())
            e.title = IcsCalendar::tr("Imported event");

        QString reason;
        const icaltimetype start = icalproperty_get_dtstart(dtstart);
        auto s = wallClock(c, dtstart, start, &reason);
        if (!s)
            return skip(c, reason);
        e.start = *s;
        e.allDay = start.is_date;
        if (icalproperty *dtend = icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY)) {
            auto en = wallClock(c, dtend, icalproperty_get_dtend(dtend), &reason);
            if (!en)
                return skip(c, reason);
            e.end = *en;
        } else if (icalproperty *duration = icalcomponent_get_first_property(c, ICAL_DURATION_PROPERTY)) {
            const icaldurationtype d = icalproperty_get_duration(duration);
            const qint64 seconds = icaldurationtype_as_int(d);
            // Whole days are calendar days (wall clock), as RFC 5545 says.
            e.end = (seconds % 86400 == 0) ? e.start.addDays(seconds / 86400) : e.start.addSecs(seconds);
        } else if (e.allDay) {
            e.end = e.start.addDays(1);
        } else {
            return skip(c, IcsCalendar::tr("The event has no end (DTEND or DURATION)."));
        }

        if (icalproperty *rrule = icalcomponent_get_first_property(c, ICAL_RRULE_PROPERTY)) {
            icalrecurrencetype rule = icalproperty_get_rrule(rrule);
            if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE)
                return skip(
                    c, IcsCalendar::tr("The event repeats every second or minute; repeat it hourly, daily, weekly, monthly or yearly."));
            if (!icaltime_is_null_time(rule.until) && !rule.until.is_date && icaltime_is_utc(rule.until)) {
                // UNTIL in UTC: the engine expands wall-clock times, so give it the local end.
                const QDateTime until = QDateTime(QDate(rule.until.year, rule.until.month, rule.until.day),
                    QTime(rule.until.hour, rule.until.minute, std::min(rule.until.second, 59)), Qt::UTC)
                                            .toTimeZone(m_zone);
                rule.until = toIcal(until, false);
            }
            e.rrule = canonicalRule(rule);
        }
        for (icalproperty *ex = icalcomponent_get_first_property(c, ICAL_EXDATE_PROPERTY); ex;
             ex = icalcomponent_get_next_property(c, ICAL_EXDATE_PROPERTY)) {
            auto at = wallClock(c, ex, icalproperty_get_exdate(ex), &reason);
            if (!at)
                return skip(c, reason);
            e.exceptions << *at;
        }
        const char *uid = icalcomponent_get_uid(c);
        if (!icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY) && uid)
            e.exceptions << replacedByUid.value(QString::fromUtf8(uid));

        int stateCount = 0;
        const QString stateText = xValue(c, kState, &stateCount);
        if (m_options.state) {
            e.state = *m_options.state;
        } else if (stateCount > 0) {
            auto state = openStateFromName(stateText.toLower());
            if (!state)
                return skip(c, state.error().message);
            e.state = *state;
        } else {
            e.state = OpenState::Closed;
        }
        if (m_options.promptId) {
            e.promptId = *m_options.promptId;
        } else if (const QString promptName = xValue(c, kPrompt); !promptName.isEmpty()) {
            e.promptId = m_promptIdByName.value(promptName);
            if (e.promptId.isEmpty())
                m_out.notes << IcsCalendar::tr("The voice prompt \"%1\" of \"%2\" does not exist; the event was imported without a prompt.")
                                   .arg(promptName, e.title);
        }
        if (Status valid = e.normaliseAndValidate(); !valid)
            return skip(c, valid.error().message);

        bool hasPriority = false;
        const int priority = xValue(c, kPriority).toInt(&hasPriority);
        m_priorities << (hasPriority ? priority : INT_MAX);
        m_events << e;
    }

    QTimeZone m_zone;
    QByteArray m_zoneId;
    const QHash<QString, QString> &m_promptIdByName;
    QString m_functionId;
    const IcsCalendar::ImportOptions &m_options;
    IcsCalendar::Parsed &m_out;
    QList<ScheduleEvent> m_events; // this calendar's, in the file's order
    QList<int> m_priorities; // m_events' X-CENTRALE-PRIORITY, INT_MAX when absent
};

} // namespace

IcsCalendar::IcsCalendar(Store &store, const QTimeZone &zone) : m_store(&store), m_zone(zone)
{
}

IcsCalendar::IcsCalendar(const QHash<QString, QString> &promptNamesById, const QTimeZone &zone) : m_zone(zone)
{
    m_promptNameById = promptNamesById;
    for (auto it = promptNamesById.begin(); it != promptNamesById.end(); ++it)
        m_promptIdByName.insert(it.value(), it.key());
}

Status IcsCalendar::loadPrompts()
{
    if (!m_store)
        return {}; // named by the constructor's map
    auto prompts = m_store->prompts.list();
    if (!prompts)
        return prompts.error();
    m_promptIdByName.clear();
    m_promptNameById.clear();
    for (const VoicePrompt &p : *prompts) {
        m_promptIdByName.insert(p.name, p.id);
        m_promptNameById.insert(p.id, p.name);
    }
    return {};
}

Result<IcsCalendar::Parsed> IcsCalendar::parse(const QByteArray &ics, const QString &functionId, const ImportOptions &options)
{
    if (!m_zone.isValid())
        return Error::invalid(tr("The organisation's time zone is not known."), QStringLiteral("timeZone"));
    if (Status s = loadPrompts(); !s)
        return s.error();

    LineSource src;
    QByteArray data = ics;
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    qsizetype from = 0;
    while (from < data.size()) {
        qsizetype nl = data.indexOf('\n', from);
        if (nl < 0)
            nl = data.size() - 1;
        src.lines << data.mid(from, nl - from + 1);
        from = nl + 1;
    }

    icalparser *parser = icalparser_new();
    icalparser_set_gen_data(parser, &src);
    const icalerrorstate previous = icalerror_get_error_state(ICAL_MALFORMEDDATA_ERROR);
    icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
    std::vector<ComponentPtr> roots;
    int errorLine = 0;
    QString errorText;
    bool first = true;
    bool notCalendar = false;
    while (char *line = icalparser_get_line(parser, serveLine)) {
        const int lineNo = logicalLineStart(src);
        const QByteArray text(line);
        if (first && !text.trimmed().isEmpty()) {
            first = false;
            notCalendar = text.trimmed().toUpper() != "BEGIN:VCALENDAR";
        }
        if (icalcomponent *c = icalparser_add_line(parser, line))
            roots.emplace_back(c);
        // An empty value (Google's "LOCATION:") is harmless; libical flags it all the same.
        const bool emptyValue = text.trimmed().endsWith(':');
        if (errorLine == 0 && icalparser_get_state(parser) == ICALPARSER_ERROR && !emptyValue) {
            errorLine = lineNo;
            errorText = QString::fromUtf8(text).trimmed();
        }
        icalmemory_free_buffer(line);
    }
    // What is left open when the file stops early; icalparser_free() frees it.
    const bool unfinished = icalparser_clean(parser) != nullptr;
    icalparser_free(parser);
    icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, previous);
    icalerror_set_errno(ICAL_NO_ERROR);

    if (first || notCalendar)
        return Error {ErrorCode::Invalid, tr("This is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR."),
            QStringLiteral("file")};
    if (errorLine > 0) {
        if (errorText.size() > 80)
            errorText = QString(errorText.left(77) + QStringLiteral("..."));
        return Error {ErrorCode::Invalid,
            tr("The calendar file is damaged at line %1 (\"%2\"): libical cannot read it. Correct that line or export the calendar again.")
                .arg(errorLine)
                .arg(errorText),
            QStringLiteral("file")};
    }
    if (unfinished)
        return Error {ErrorCode::Invalid,
            tr("The calendar file stops at line %1 before END:VCALENDAR: it is incomplete. Export the calendar again.")
                .arg(src.lines.size()),
            QStringLiteral("file")};

    Parsed out;
    bool anyCalendar = false;
    for (const ComponentPtr &root : roots) {
        QList<icalcomponent *> calendars;
        if (icalcomponent_isa(root.get()) == ICAL_VCALENDAR_COMPONENT)
            calendars << root.get();
        for (icalcomponent *c = icalcomponent_get_first_component(root.get(), ICAL_VCALENDAR_COMPONENT); c;
             c = icalcomponent_get_next_component(root.get(), ICAL_VCALENDAR_COMPONENT))
            calendars << c;
        for (icalcomponent *calendar : calendars) {
            anyCalendar = true;
            Reader reader(m_zone, m_promptIdByName, functionId, options, out);
            reader.read(calendar);
        }
    }
    if (!anyCalendar)
        return Error {ErrorCode::Invalid, tr("This is not an iCalendar (.ics) file: it does not start with BEGIN:VCALENDAR."),
            QStringLiteral("file")};
    return out;
}

Result<IcsCalendar::Parsed> IcsCalendar::importInto(const QByteArray &ics, const QString &functionId, const ImportOptions &options)
{
    Q_ASSERT(m_store);
    auto function = m_store->functions.get(functionId);
    if (!function)
        return function.error();
    if (options.promptId && !options.promptId->isEmpty()) {
        if (auto p = m_store->prompts.get(*options.promptId); !p)
            return p.error();
    }
    auto parsed = parse(ics, functionId, options);
    if (!parsed)
        return parsed;
    auto existing = m_store->functions.events(functionId);
    if (!existing)
        return existing.error();
    const bool restoring = existing->isEmpty();
    Status s = m_store->database().transaction([&]() -> Status {
        for (ScheduleEvent &e : parsed->events) {
            e.position = -1; // appended: lowest priority
            auto added = m_store->functions.addEvent(e);
            if (!added)
                return added.error();
            e = *added;
        }
        if (parsed->defaultState && restoring && *parsed->defaultState != function->defaultState) {
            FunctionNumber f = *function;
            f.defaultState = *parsed->defaultState;
            if (Status u = m_store->functions.update(f); !u)
                return u;
            parsed->defaultStateApplied = true;
        }
        return {};
    });
    if (!s)
        return s.error();
    if (parsed->defaultState && !restoring && *parsed->defaultState != function->defaultState)
        parsed->notes << tr("The file's default state (%1) was not applied because the calendar already had events.")
                             .arg(openStateLabel(*parsed->defaultState));
    return parsed;
}

Result<IcsCalendar::Parsed> IcsCalendar::importFile(const QString &path, const QString &functionId, const ImportOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error {ErrorCode::Io, tr("Cannot read %1: %2.").arg(path, file.errorString()), QStringLiteral("file")};
    return importInto(file.readAll(), functionId, options);
}

Result<QByteArray> IcsCalendar::exportCalendar(const QString &functionId)
{
    Q_ASSERT(m_store);
    auto function = m_store->functions.get(functionId);
    if (!function)
        return function.error();
    auto events = m_store->functions.events(functionId);
    if (!events)
        return events.error();
    return exportEvents(*function, *events);
}

Result<QByteArray> IcsCalendar::exportEvents(const FunctionNumber &function, const QList<ScheduleEvent> &events)
{
    if (Status s = loadPrompts(); !s)
        return s.error();
    const QByteArray zoneId = m_zone.id();
    icaltimezone *builtin = icaltimezone_get_builtin_timezone(zoneId.constData());
    if (!builtin)
        return Error::invalid(tr("libical does not know the time zone %1.").arg(QString::fromLatin1(zoneId)), QStringLiteral("timeZone"));

    ComponentPtr calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_prodid("-//Centrale//Calendars//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    addX(calendar.get(), "X-WR-CALNAME", function.name);
    addX(calendar.get(), "X-WR-TIMEZONE", QString::fromLatin1(zoneId));
    addX(calendar.get(), kDefaultState, openStateName(function.defaultState));

    // libical's builtin zone, under the plain IANA name so that any reader recognises it.
    icalcomponent *vtimezone = icalcomponent_new_clone(icaltimezone_get_component(builtin));
    if (icalproperty *tzid = icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY))
        icalproperty_set_tzid(tzid, zoneId.constData());
    icalcomponent_add_component(calendar.get(), vtimezone);

    const icaltimetype stamp = icaltime_current_time_with_zone(icaltimezone_get_utc_timezone());
    const auto timeProperty = [&](icalproperty *p, bool allDay) {
        if (!allDay)
            icalproperty_add_parameter(p, icalparameter_new_tzid(zoneId.constData()));
        return p;
    };
    for (const ScheduleEvent &e : events) {
        icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
        const QByteArray uid = QString(e.id + QStringLiteral("@centrale")).toUtf8();
        icalcomponent_add_property(ev, icalproperty_new_uid(uid.constData()));
        icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
        const QByteArray title = e.title.toUtf8();
        icalcomponent_add_property(ev, icalproperty_new_summary(title.constData()));
        icalcomponent_add_property(ev, timeProperty(icalproperty_new_dtstart(toIcal(e.start, e.allDay)), e.allDay));
        icalcomponent_add_property(ev, timeProperty(icalproperty_new_dtend(toIcal(e.end, e.allDay)), e.allDay));
        if (!e.rrule.isEmpty()) {
            const QByteArray rule = e.rrule.toUtf8();
            icalcomponent_add_property(ev, icalproperty_new_rrule(icalrecurrencetype_from_string(rule.constData())));
        }
        for (const QDateTime &ex : e.exceptions)
            icalcomponent_add_property(ev, timeProperty(icalproperty_new_exdate(toIcal(ex, e.allDay)), e.allDay));
        icalcomponent_add_property(ev, icalproperty_new_transp(e.state == OpenState::Open ? ICAL_TRANSP_TRANSPARENT : ICAL_TRANSP_OPAQUE));
        addX(ev, kState, openStateName(e.state));
        if (!e.promptId.isEmpty())
            addX(ev, kPrompt, m_promptNameById.value(e.promptId));
        addX(ev, kPriority, QString::number(e.position));
        icalcomponent_add_component(calendar.get(), ev);
    }
    char *text = icalcomponent_as_ical_string_r(calendar.get());
    QByteArray out(text);
    icalmemory_free_buffer(text);
    return out;
}

Status IcsCalendar::exportFile(const QString &functionId, const QString &path)
{
    auto data = exportCalendar(functionId);
    if (!data)
        return data.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(*data) != data->size() || !file.commit())
        return Error {ErrorCode::Io, tr("Cannot write %1: %2.").arg(path, file.errorString()), QStringLiteral("file")};
    return {};
}

} // namespace centrale
