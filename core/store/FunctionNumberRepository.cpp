#include "store/FunctionNumberRepository.h"

#include "domain/PhoneNumbers.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace centrale {

namespace {
QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QVariantMap columnsOf(const FunctionNumber &f)
{
    return {{QStringLiteral("number"), f.number}, {QStringLiteral("name"), f.name}, {QStringLiteral("default_state"), openStateName(f.defaultState)}};
}

QVariantMap columnsOf(const ScheduleEvent &e)
{
    QJsonArray ex;
    for (const QDateTime &dt : e.exceptions)
        ex.append(dt.toString(Qt::ISODate));
    return {{QStringLiteral("function_id"), e.functionId},
            {QStringLiteral("position"), e.position},
            {QStringLiteral("title"), e.title},
            {QStringLiteral("state"), openStateName(e.state)},
            {QStringLiteral("prompt_id"), nullable(e.promptId)},
            {QStringLiteral("start_local"), e.start.toString(Qt::ISODate)},
            {QStringLiteral("end_local"), e.end.toString(Qt::ISODate)},
            {QStringLiteral("all_day"), e.allDay},
            {QStringLiteral("rrule"), e.rrule},
            {QStringLiteral("exceptions"), QString::fromUtf8(QJsonDocument(ex).toJson(QJsonDocument::Compact))}};
}

const QString kEventColumns = QStringLiteral("id, function_id, position, title, state, coalesce(prompt_id, ''), start_local, end_local, "
                                             "all_day, rrule, exceptions, version, dirty");

Result<QList<ScheduleEvent>> readEvents(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    QList<ScheduleEvent> out;
    while (q->next()) {
        ScheduleEvent e;
        e.id = q->value(0).toString();
        e.functionId = q->value(1).toString();
        e.position = q->value(2).toInt();
        e.title = q->value(3).toString();
        auto state = openStateFromName(q->value(4).toString());
        if (!state)
            return state.error();
        e.state = *state;
        e.promptId = q->value(5).toString();
        e.start = QDateTime::fromString(q->value(6).toString(), Qt::ISODate);
        e.end = QDateTime::fromString(q->value(7).toString(), Qt::ISODate);
        e.allDay = q->value(8).toBool();
        e.rrule = q->value(9).toString();
        for (const QJsonValue &v : QJsonDocument::fromJson(q->value(10).toString().toUtf8()).array())
            e.exceptions << QDateTime::fromString(v.toString(), Qt::ISODate);
        e.version = q->value(11).toLongLong();
        e.dirty = q->value(12).toBool();
        out << e;
    }
    return out;
}
} // namespace

Result<FunctionNumber> FunctionNumberRepository::create(FunctionNumber function)
{
    if (Status s = function.normaliseAndValidate(); !s)
        return s.error();
    if (findByNumber(function.number))
        return Error{ErrorCode::Duplicate, tr("The function number %1 already exists.").arg(PhoneNumbers::formatInternational(function.number)),
                     QStringLiteral("number")};
    if (function.id.isEmpty())
        function.id = newId();
    if (Status s = m_db.insertRecord(QStringLiteral("function_number"), QStringLiteral("function"), function.id, columnsOf(function), function.toJson()); !s)
        return s.error();
    function.dirty = true;
    return function;
}

Result<QList<FunctionNumber>> FunctionNumberRepository::list(const ListQuery &query)
{
    return select({}, {}, query);
}

Result<QList<FunctionNumber>> FunctionNumberRepository::select(const QString &where, QVariantList binds, const ListQuery &query)
{
    const QString filter = SqlList::filterClause(query.filter, {QStringLiteral("f.name"), QStringLiteral("f.number")}, binds);
    auto q = m_db.exec(QStringLiteral("SELECT f.id, f.number, f.name, f.default_state, f.version, f.dirty, "
                                      "(SELECT count(*) FROM schedule_event e WHERE e.function_id = f.id) FROM function_number f WHERE 1=1")
                           + where + filter
                           + SqlList::orderAndPage(query, {{QStringLiteral("name"), QStringLiteral("f.name COLLATE NOCASE")},
                                                           {QStringLiteral("number"), QStringLiteral("f.number")}}),
                       binds);
    if (!q)
        return q.error();
    QList<FunctionNumber> out;
    while (q->next()) {
        FunctionNumber f;
        f.id = q->value(0).toString();
        f.number = q->value(1).toString();
        f.name = q->value(2).toString();
        auto state = openStateFromName(q->value(3).toString());
        if (!state)
            return state.error();
        f.defaultState = *state;
        f.version = q->value(4).toLongLong();
        f.dirty = q->value(5).toBool();
        f.eventCount = q->value(6).toInt();
        out << f;
    }
    return out;
}

Result<FunctionNumber> FunctionNumberRepository::get(const QString &id)
{
    auto found = select(QStringLiteral(" AND f.id = ?"), {id}, {});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error{ErrorCode::NotFound, tr("No such function number."), {}};
    return found->first();
}

Result<FunctionNumber> FunctionNumberRepository::findByNumber(const QString &number)
{
    auto e164 = PhoneNumbers::toE164(number);
    if (!e164)
        return e164.error();
    auto q = m_db.exec(QStringLiteral("SELECT id FROM function_number WHERE number = ?"), {*e164});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{ErrorCode::NotFound, tr("There is no function number %1.").arg(PhoneNumbers::formatInternational(*e164)), {}};
    return get(q->value(0).toString());
}

Status FunctionNumberRepository::update(FunctionNumber function)
{
    if (Status s = function.normaliseAndValidate(); !s)
        return s;
    if (auto other = findByNumber(function.number); other && other->id != function.id)
        return Error{ErrorCode::Duplicate, tr("The function number %1 already exists.").arg(PhoneNumbers::formatInternational(function.number)),
                     QStringLiteral("number")};
    return m_db.updateRecord(QStringLiteral("function_number"), QStringLiteral("function"), function.id, columnsOf(function), function.toJson());
}

Status FunctionNumberRepository::remove(const QString &id)
{
    return m_db.deleteRecord(QStringLiteral("function_number"), QStringLiteral("function"), id);
}

Result<QList<ScheduleEvent>> FunctionNumberRepository::events(const QString &functionId)
{
    return readEvents(m_db.exec(QStringLiteral("SELECT ") + kEventColumns + QStringLiteral(" FROM schedule_event WHERE function_id = ? ORDER BY position"),
                                {functionId}));
}

Result<ScheduleEvent> FunctionNumberRepository::getEvent(const QString &eventId)
{
    auto r = readEvents(m_db.exec(QStringLiteral("SELECT ") + kEventColumns + QStringLiteral(" FROM schedule_event WHERE id = ?"), {eventId}));
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("No such calendar event."), {}};
    return r->first();
}

Status FunctionNumberRepository::checkPrompt(const ScheduleEvent &event)
{
    if (event.promptId.isEmpty())
        return {};
    auto q = m_db.exec(QStringLiteral("SELECT 1 FROM voice_prompt WHERE id = ?"), {event.promptId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{ErrorCode::NotFound, tr("The event's voice prompt does not exist."), QStringLiteral("prompt")};
    return {};
}

Result<ScheduleEvent> FunctionNumberRepository::addEvent(ScheduleEvent event)
{
    if (Status s = event.normaliseAndValidate(); !s)
        return s.error();
    if (auto f = get(event.functionId); !f)
        return f.error();
    if (Status s = checkPrompt(event); !s)
        return s.error();
    auto counted = m_db.exec(QStringLiteral("SELECT count(*) FROM schedule_event WHERE function_id = ?"), {event.functionId});
    if (!counted)
        return counted.error();
    counted->next();
    const int existing = counted->value(0).toInt();
    if (event.id.isEmpty())
        event.id = newId();
    const int target = (event.position >= 0 && event.position < existing) ? event.position : existing;
    Status s = m_db.transaction([&]() -> Status {
        event.position = existing;
        if (Status w = m_db.insertRecord(QStringLiteral("schedule_event"), QStringLiteral("event"), event.id, columnsOf(event), event.toJson()); !w)
            return w;
        if (target != event.position)
            return moveEvent(event.id, target);
        return {};
    });
    if (!s)
        return s.error();
    event.position = target;
    event.dirty = true;
    return event;
}

Status FunctionNumberRepository::updateEvent(ScheduleEvent event)
{
    if (Status s = event.normaliseAndValidate(); !s)
        return s;
    if (Status s = checkPrompt(event); !s)
        return s;
    auto current = getEvent(event.id);
    if (!current)
        return current.error();
    event.position = current->position; // moveEvent changes priorities
    event.functionId = current->functionId;
    return m_db.updateRecord(QStringLiteral("schedule_event"), QStringLiteral("event"), event.id, columnsOf(event), event.toJson());
}

Status FunctionNumberRepository::removeEvent(const QString &eventId)
{
    auto current = getEvent(eventId);
    if (!current)
        return current.error();
    return m_db.transaction([&]() -> Status {
        if (Status s = m_db.deleteRecord(QStringLiteral("schedule_event"), QStringLiteral("event"), eventId,
                                         {{QStringLiteral("functionId"), current->functionId}});
            !s)
            return s;
        auto rest = events(current->functionId);
        if (!rest)
            return rest.error();
        QStringList ids;
        for (const ScheduleEvent &e : *rest)
            ids << e.id;
        return renumber(current->functionId, ids);
    });
}

Status FunctionNumberRepository::moveEvent(const QString &eventId, int newPosition)
{
    auto current = getEvent(eventId);
    if (!current)
        return current.error();
    auto all = events(current->functionId);
    if (!all)
        return all.error();
    QStringList ids;
    for (const ScheduleEvent &e : *all)
        ids << e.id;
    ids.removeOne(eventId);
    ids.insert(qBound(0, newPosition, static_cast<int>(ids.size())), eventId);
    return m_db.transaction([&]() -> Status { return renumber(current->functionId, ids); });
}

Status FunctionNumberRepository::renumber(const QString &functionId, const QStringList &orderedIds)
{
    auto all = events(functionId);
    if (!all)
        return all.error();
    for (ScheduleEvent e : *all) {
        const int position = static_cast<int>(orderedIds.indexOf(e.id));
        if (position < 0 || position == e.position)
            continue;
        e.position = position;
        if (Status s = m_db.updateRecord(QStringLiteral("schedule_event"), QStringLiteral("event"), e.id,
                                         {{QStringLiteral("position"), position}}, e.toJson());
            !s)
            return s;
    }
    return {};
}

} // namespace centrale
