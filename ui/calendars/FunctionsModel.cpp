#include "calendars/FunctionsModel.h"

#include "domain/PhoneNumbers.h"
#include "store/Store.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace centrale {

namespace {
QVariant stateColour(OpenState state)
{
    return QBrush(state == OpenState::Open ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb0, 0x1c, 0x1c));
}
} // namespace

FunctionsModel::FunctionsModel(Store &store, QObject *parent)
    : PagedTableModel(parent), m_store(store)
{
}

QString FunctionsModel::header(int column) const
{
    switch (column) {
    case Name: return tr("Name");
    case Number: return tr("Number");
    case DefaultState: return tr("Default state");
    case Events: return tr("Events");
    default: return {};
    }
}

QString FunctionsModel::sortKey(int column) const
{
    switch (column) {
    case Name: return QStringLiteral("name");
    case Number: return QStringLiteral("number");
    default: return {};
    }
}

Result<int> FunctionsModel::loadCount(const QString &filter)
{
    ListQuery q;
    q.filter = filter;
    auto all = m_store.functions.list(q);
    if (!all)
        return all.error();
    return static_cast<int>(all->size());
}

Result<QList<PagedTableModel::Row>> FunctionsModel::loadPage(const ListQuery &query)
{
    auto functions = m_store.functions.list(query);
    if (!functions)
        return functions.error();
    QList<Row> rows;
    for (const FunctionNumber &f : *functions) {
        rows.append({f.id,
                     {f.name, PhoneNumbers::formatInternational(f.number), openStateLabel(f.defaultState), f.eventCount},
                     {f.name, f.number, openStateName(f.defaultState), f.eventCount},
                     {},
                     {QVariant(), QVariant(), stateColour(f.defaultState), QVariant()}});
    }
    return rows;
}

EventsModel::EventsModel(Store &store, QObject *parent)
    : PagedTableModel(parent), m_store(store)
{
}

void EventsModel::setFunction(const QString &functionId)
{
    m_functionId = functionId;
    reload();
}

QString EventsModel::header(int column) const
{
    switch (column) {
    case Priority: return tr("Priority");
    case Title: return tr("Event");
    case State: return tr("State");
    case When: return tr("When");
    case Repeats: return tr("Repeats");
    case Prompt: return tr("Voice prompt");
    default: return {};
    }
}

Result<int> EventsModel::loadCount(const QString &)
{
    if (m_functionId.isEmpty())
        return 0;
    auto events = m_store.functions.events(m_functionId);
    if (!events)
        return events.error();
    return static_cast<int>(events->size());
}

Result<QList<PagedTableModel::Row>> EventsModel::loadPage(const ListQuery &query)
{
    if (m_functionId.isEmpty() || query.offset > 0)
        return QList<Row>{};
    auto events = m_store.functions.events(m_functionId);
    if (!events)
        return events.error();
    QList<Row> rows;
    const QLocale locale;
    for (const ScheduleEvent &e : *events) {
        QString when;
        if (e.allDay)
            when = locale.toString(e.start.date(), QLocale::ShortFormat);
        else
            //: An event's time span, e.g. "5/1/26 08:30 – 12:30"
            when = tr("%1 %2 – %3").arg(locale.toString(e.start.date(), QLocale::ShortFormat), locale.toString(e.start.time(), QLocale::ShortFormat),
                                        locale.toString(e.end.time(), QLocale::ShortFormat));
        QString prompt;
        if (!e.promptId.isEmpty()) {
            if (auto p = m_store.prompts.get(e.promptId); p)
                prompt = p->name;
        }
        rows.append({e.id,
                     {e.position + 1, e.title, openStateLabel(e.state), when, e.rrule.isEmpty() ? tr("Once") : e.rrule, prompt},
                     {e.position, e.title, openStateName(e.state), e.start, e.rrule, prompt},
                     {},
                     {QVariant(), QVariant(), stateColour(e.state), QVariant(), QVariant(), QVariant()}});
    }
    return rows;
}

} // namespace centrale
