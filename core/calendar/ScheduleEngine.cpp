#include "calendar/ScheduleEngine.h"

#include <QHash>
#include <QSet>

#include <libical/ical.h>

#include <algorithm>

namespace centrale {

namespace {

constexpr qint64 msPerDay = 24 * 3600 * 1000LL;
// Guards against a rule that keeps producing occurrences before the window forever.
constexpr int maxIterations = 2'000'000;

// libical's iterator works on floating (zone-less) times: we give it wall-clock times.
icaltimetype toIcal(const QDateTime &wallClock)
{
    const QByteArray text = wallClock.toString(QStringLiteral("yyyyMMdd'T'HHmmss")).toLatin1();
    return icaltime_from_string(text.constData());
}

QDateTime fromIcal(const icaltimetype &t)
{
    return QDateTime(QDate(t.year, t.month, t.day), t.is_date ? QTime(0, 0) : QTime(t.hour, t.minute, t.second), Qt::UTC);
}

// Owns a libical iterator for one RRULE; invalid when libical rejects the rule.
class Recurrence final {
public:
    Recurrence(const QString &rrule, const QDateTime &dtstart)
    {
        QString text = rrule.trimmed();
        if (text.startsWith(QLatin1String("RRULE:"), Qt::CaseInsensitive))
            text = text.mid(6);
        icalerror_set_errno(ICAL_NO_ERROR);
        const QByteArray utf8 = text.toUtf8();
        const icalrecurrencetype rule = icalrecurrencetype_from_string(utf8.constData());
        if (rule.freq != ICAL_NO_RECURRENCE && icalerrno == ICAL_NO_ERROR) {
            m_it = icalrecur_iterator_new(rule, toIcal(dtstart));
            m_counted = rule.count > 0;
        }
        icalerror_set_errno(ICAL_NO_ERROR);
    }
    // Skips ahead to the first occurrence at or after from, when libical can (not with COUNT,
    // which needs every occurrence from the start). Saves iterating years of weekly events.
    void skipTo(const QDateTime &from)
    {
        if (m_it && !m_counted)
            icalrecur_iterator_set_start(m_it, toIcal(from));
    }
    ~Recurrence()
    {
        if (m_it)
            icalrecur_iterator_free(m_it);
    }
    Q_DISABLE_COPY_MOVE(Recurrence)

    bool isValid() const { return m_it != nullptr; }
    // The next occurrence's wall-clock start, or an invalid QDateTime when there are no more.
    QDateTime next()
    {
        const icaltimetype t = icalrecur_iterator_next(m_it);
        return icaltime_is_null_time(t) ? QDateTime() : fromIcal(t);
    }

private:
    icalrecur_iterator *m_it = nullptr;
    bool m_counted = false;
};

} // namespace

QTimeZone ScheduleEngine::defaultTimeZone()
{
    return QTimeZone(QByteArrayLiteral("Europe/Brussels"));
}

ScheduleEngine::ScheduleEngine(OpenState defaultState, QList<ScheduleEvent> events, const QTimeZone &zone)
    : m_defaultState(defaultState), m_events(std::move(events)), m_zone(zone)
{
}

Result<ScheduleEngine> ScheduleEngine::create(OpenState defaultState, QList<ScheduleEvent> events, const QTimeZone &zone)
{
    if (!zone.isValid())
        return Error::invalid(tr("The time zone is not known; choose one such as Europe/Brussels."), QStringLiteral("timeZone"));
    ScheduleEngine engine(defaultState, std::move(events), zone);
    for (const ScheduleEvent &event : engine.m_events) {
        if (event.rrule.trimmed().isEmpty())
            continue;
        const Recurrence recurrence(event.rrule, engine.wallClock(event.start));
        if (!recurrence.isValid())
            return Error::invalid(
                ScheduleEvent::tr("%1 is not a valid recurrence rule (iCalendar RRULE), e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR.")
                    .arg(event.rrule),
                QStringLiteral("rrule"));
    }
    return engine;
}

// The wall-clock time of the engine's zone, carried in a UTC QDateTime so that arithmetic on it
// ignores daylight saving. Local times are taken as they are (they are the organisation's);
// instants with an offset or a zone are converted.
QDateTime ScheduleEngine::wallClock(const QDateTime &dt) const
{
    if (dt.timeSpec() == Qt::LocalTime)
        return QDateTime(dt.date(), dt.time(), Qt::UTC);
    const QDateTime local = dt.toTimeZone(m_zone);
    return QDateTime(local.date(), local.time(), Qt::UTC);
}

// Wall clock → instant. An ambiguous time (the repeated hour in October) is its first instant; a
// time that does not exist (the skipped hour in March) uses the offset before the gap, as RFC 5545
// says, so 02:30 becomes 03:30 summer time.
qint64 ScheduleEngine::toUtcMs(const QDateTime &wallClock) const
{
    const qint64 naive = wallClock.toMSecsSinceEpoch();
    const auto offsetAt
        = [this](qint64 utcMs) { return qint64(m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC))) * 1000; };
    const qint64 before = offsetAt(naive - msPerDay);
    const qint64 after = offsetAt(naive + msPerDay);
    qint64 best = 0;
    bool found = false;
    for (const qint64 offset : {before, after}) {
        const qint64 utc = naive - offset;
        if (offsetAt(utc) == offset && (!found || utc < best)) {
            best = utc;
            found = true;
        }
    }
    return found ? best : naive - before;
}

std::vector<ScheduleEngine::Span> ScheduleEngine::occurrences(const ScheduleEvent &event, qint64 fromMs, qint64 toMs) const
{
    std::vector<Span> spans;
    QDateTime start = wallClock(event.start);
    QDateTime end = wallClock(event.end);
    if (!start.isValid() || !end.isValid())
        return spans;
    if (event.allDay) {
        start = QDateTime(start.date(), QTime(0, 0), Qt::UTC);
        if (end.time() != QTime(0, 0))
            end = QDateTime(end.date().addDays(1), QTime(0, 0), Qt::UTC);
    }
    const qint64 duration = start.msecsTo(end); // wall-clock duration
    if (duration <= 0)
        return spans;

    QSet<qint64> excludedStarts;
    QSet<QDate> excludedDays;
    for (const QDateTime &ex : event.exceptions) {
        const QDateTime w = wallClock(ex);
        excludedStarts.insert(w.toMSecsSinceEpoch());
        excludedDays.insert(w.date());
    }
    const auto excluded = [&](const QDateTime &occurrence) {
        return excludedStarts.contains(occurrence.toMSecsSinceEpoch()) || (event.allDay && excludedDays.contains(occurrence.date()));
    };
    const auto add = [&](const QDateTime &occurrence) {
        const qint64 s = toUtcMs(occurrence);
        const qint64 e = toUtcMs(occurrence.addMSecs(duration));
        if (e > s && e > fromMs && s < toMs)
            spans.push_back({std::max(s, fromMs), std::min(e, toMs)});
    };

    // Wall-clock bounds of the occurrences that can touch the window (offsets are under a day).
    const qint64 lowest = fromMs - duration - 2 * msPerDay;
    const qint64 highest = toMs + 2 * msPerDay;
    if (event.rrule.trimmed().isEmpty()) {
        if (!excluded(start))
            add(start);
    } else {
        Recurrence recurrence(event.rrule, start);
        if (!recurrence.isValid())
            return spans;
        if (start.toMSecsSinceEpoch() < lowest)
            recurrence.skipTo(QDateTime::fromMSecsSinceEpoch(lowest, Qt::UTC));
        for (int i = 0; i < maxIterations; ++i) {
            const QDateTime occurrence = recurrence.next();
            if (!occurrence.isValid())
                break;
            const qint64 ms = occurrence.toMSecsSinceEpoch();
            if (ms > highest)
                break;
            if (ms >= lowest && !excluded(occurrence))
                add(occurrence);
        }
    }

    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) { return a.start < b.start; });
    std::vector<Span> merged;
    for (const Span &span : spans) {
        if (!merged.empty() && span.start <= merged.back().end)
            merged.back().end = std::max(merged.back().end, span.end);
        else
            merged.push_back(span);
    }
    return merged;
}

std::vector<std::vector<ScheduleEngine::Span>> ScheduleEngine::allOccurrences(qint64 fromMs, qint64 toMs) const
{
    std::vector<std::vector<Span>> all;
    all.reserve(size_t(m_events.size()));
    for (const ScheduleEvent &event : m_events)
        all.push_back(occurrences(event, fromMs, toMs));
    return all;
}

ScheduleEngine::Decision ScheduleEngine::decisionFor(int eventIndex) const
{
    if (eventIndex < 0)
        return {m_defaultState, {}, {}};
    const ScheduleEvent &event = m_events.at(eventIndex);
    return {event.state, event.promptId, event.id};
}

ScheduleEngine::Decision ScheduleEngine::stateAt(const QDateTime &instant) const
{
    if (!instant.isValid())
        return decisionFor(-1);
    const QList<Interval> intervals = timeline(instant, instant.addMSecs(1));
    return intervals.isEmpty() ? decisionFor(-1) : intervals.constFirst().decision;
}

QList<ScheduleEngine::Interval> ScheduleEngine::timeline(const QDateTime &from, const QDateTime &to) const
{
    QList<Interval> intervals;
    if (!from.isValid() || !to.isValid() || to <= from)
        return intervals;
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    const std::vector<std::vector<Span>> all = allOccurrences(fromMs, toMs);

    // Between two consecutive boundaries, every event either covers everything or nothing.
    std::vector<qint64> boundaries {fromMs, toMs};
    for (const std::vector<Span> &spans : all) {
        for (const Span &span : spans) {
            boundaries.push_back(span.start);
            boundaries.push_back(span.end);
        }
    }
    std::sort(boundaries.begin(), boundaries.end());
    boundaries.erase(std::unique(boundaries.begin(), boundaries.end()), boundaries.end());

    std::vector<size_t> cursor(all.size(), 0);
    const auto instant = [this](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, m_zone); };
    for (size_t k = 0; k + 1 < boundaries.size(); ++k) {
        const qint64 at = boundaries[k];
        int decider = -1;
        for (size_t i = 0; i < all.size(); ++i) {
            const std::vector<Span> &spans = all[i];
            size_t &c = cursor[i];
            while (c < spans.size() && spans[c].end <= at)
                ++c;
            if (c < spans.size() && spans[c].start <= at) {
                decider = int(i);
                break;
            }
        }
        const Decision decision = decisionFor(decider);
        if (!intervals.isEmpty() && intervals.last().decision == decision)
            intervals.last().end = instant(boundaries[k + 1]);
        else
            intervals.append({instant(at), instant(boundaries[k + 1]), decision});
    }
    return intervals;
}

QList<ScheduleEngine::Transition> ScheduleEngine::transitions(const QDateTime &from, const QDateTime &to) const
{
    QList<Transition> result;
    const QList<Interval> intervals = timeline(from, to);
    for (qsizetype i = 1; i < intervals.size(); ++i)
        result.append({intervals.at(i).start, intervals.at(i).decision});
    return result;
}

QStringList ScheduleEngine::shadowedEvents(const QDateTime &from, const QDateTime &to) const
{
    QStringList shadowed;
    if (!from.isValid() || !to.isValid() || to <= from)
        return shadowed;
    QSet<QString> deciding;
    for (const Interval &interval : timeline(from, to))
        deciding.insert(interval.decision.eventId);
    const qint64 fromMs = from.toMSecsSinceEpoch();
    const qint64 toMs = to.toMSecsSinceEpoch();
    for (const ScheduleEvent &event : m_events) {
        if (!deciding.contains(event.id) && !occurrences(event, fromMs, toMs).empty())
            shadowed.append(event.id);
    }
    return shadowed;
}

} // namespace centrale
