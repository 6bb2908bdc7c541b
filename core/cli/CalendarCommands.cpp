#include "cli/CalendarCommands.h"

#include "calendar/BelgianHolidays.h"
#include "calendar/IcsCalendar.h"
#include "calendar/ScheduleEngine.h"
#include "domain/PhoneNumbers.h"
#include "store/Store.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace centrale {

namespace {
QString shown(const QDateTime &dt, bool allDay)
{
    return allDay ? dt.date().toString(Qt::ISODate) : dt.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}
} // namespace

QHash<QString, QString> CalendarCommands::promptNames(Store &store)
{
    QHash<QString, QString> names;
    if (auto prompts = store.prompts.list()) {
        for (const VoicePrompt &p : *prompts)
            names.insert(p.id, p.name);
    }
    return names;
}

std::optional<QDateTime> CalendarCommands::parseInstant(const QString &option, const QString &text)
{
    const QDateTime dt = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!dt.isValid()) {
        m_io.err << tr("--%1: %2 is not a date and time; write it in ISO 8601, e.g. 2027-01-01T10:00:00 (local time) or "
                       "2027-03-29T08:45:00+02:00.")
                        .arg(option, text)
                 << Qt::endl;
        return std::nullopt;
    }
    if (dt.timeSpec() == Qt::LocalTime)
        return QDateTime(dt.date(), dt.time(), m_zone);
    return dt.toTimeZone(m_zone);
}

int CalendarCommands::run(const QStringList &args)
{
    CliParser p(tr("Show and change the calendar of a function number."));
    const QCommandLineOption number(
        QStringLiteral("number"), tr("The function number, in any usual format (e.g. \"02 300 00 00\")."), tr("number"));
    const QCommandLineOption at(QStringLiteral("at"), tr("The instant to ask about (ISO 8601; default: now)."), tr("when"));
    const QCommandLineOption from(QStringLiteral("from"), tr("Start of the period (ISO 8601)."), tr("when"));
    const QCommandLineOption to(QStringLiteral("to"), tr("End of the period (ISO 8601)."), tr("when"));
    const QCommandLineOption state(
        QStringLiteral("state"), tr("State of the imported events: open or closed (default: as in the file, else closed)."), tr("state"));
    const QCommandLineOption prompt(
        QStringLiteral("prompt"), tr("Name of the voice prompt the imported events play (default: as in the file)."), tr("name"));
    const QCommandLineOption fromYear(QStringLiteral("from-year"), tr("First year of holidays."), tr("year"));
    const QCommandLineOption toYear(QStringLiteral("to-year"), tr("Last year of holidays."), tr("year"));
    const QCommandLineOption communities(
        QStringLiteral("communities"), tr("Also the communities' holidays (11 July, 27 September, 15 November)."));
    p.parser.addOptions({number, at, from, to, state, prompt, fromYear, toYear, communities});
    p.parser.addPositionalArgument(QStringLiteral("action"), tr("default, events, state, transitions, import, export or holidays."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;

    const QStringList positional = p.parser.positionalArguments();
    const QString action = positional.value(0);
    static const QStringList actions = {QStringLiteral("default"), QStringLiteral("events"), QStringLiteral("state"),
        QStringLiteral("transitions"), QStringLiteral("import"), QStringLiteral("export"), QStringLiteral("holidays")};
    if (!actions.contains(action)) {
        m_io.err << tr("Unknown or missing action; use one of: %1.").arg(actions.join(QStringLiteral(", "))) << Qt::endl;
        return CliUsage;
    }
    if (!p.parser.isSet(number)) {
        m_io.err << tr("Say which function number with --number, e.g. --number \"02 300 00 00\".") << Qt::endl;
        return CliUsage;
    }
    const bool json = p.parser.isSet(p.json);

    // Check the command line completely before touching the store.
    std::optional<QDateTime> instant = QDateTime::currentDateTimeUtc().toTimeZone(m_zone);
    std::optional<QDateTime> periodFrom;
    std::optional<QDateTime> periodTo;
    if (action == QLatin1String("state") && p.parser.isSet(at) && !(instant = parseInstant(QStringLiteral("at"), p.parser.value(at))))
        return CliUsage;
    if (action == QLatin1String("transitions")) {
        if (!p.parser.isSet(from) || !p.parser.isSet(to)) {
            m_io.err << tr("transitions needs --from and --to.") << Qt::endl;
            return CliUsage;
        }
        periodFrom = parseInstant(QStringLiteral("from"), p.parser.value(from));
        periodTo = periodFrom ? parseInstant(QStringLiteral("to"), p.parser.value(to)) : std::nullopt;
        if (!periodFrom || !periodTo)
            return CliUsage;
        if (*periodTo <= *periodFrom) {
            m_io.err << tr("--to must come after --from.") << Qt::endl;
            return CliUsage;
        }
    }
    if ((action == QLatin1String("import") || action == QLatin1String("export")) && positional.size() != 2) {
        m_io.err << (action == QLatin1String("import")
                ? tr("import needs the .ics file to read, e.g. calendar import holidays.ics --number N.")
                : tr("export needs the .ics file to write, e.g. calendar export --number N calendar.ics."))
                 << Qt::endl;
        return CliUsage;
    }
    if (action == QLatin1String("default") && positional.size() != 2) {
        m_io.err << tr("default needs open or closed.") << Qt::endl;
        return CliUsage;
    }
    if (p.parser.isSet(state) && !openStateFromName(p.parser.value(state))) {
        m_io.err << openStateFromName(p.parser.value(state)).error().message << Qt::endl;
        return CliUsage;
    }
    if (action == QLatin1String("holidays") && (!p.parser.isSet(fromYear) || !p.parser.isSet(toYear))) {
        m_io.err << tr("holidays needs --from-year and --to-year.") << Qt::endl;
        return CliUsage;
    }

    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    auto function = store.functions.findByNumber(p.parser.value(number));
    if (!function)
        return m_io.fail(function.error());

    if (action == QLatin1String("default"))
        return setDefault(store, *function, positional, json);
    if (action == QLatin1String("events"))
        return listEvents(store, *function, json);
    if (action == QLatin1String("state"))
        return showState(store, *function, *instant, json);
    if (action == QLatin1String("transitions"))
        return listTransitions(store, *function, *periodFrom, *periodTo, json);
    if (action == QLatin1String("import"))
        return importFile(store, *function, positional.at(1), p.parser.value(state),
            p.parser.isSet(prompt) ? std::optional<QString>(p.parser.value(prompt)) : std::nullopt, json);
    if (action == QLatin1String("export"))
        return exportFile(store, *function, positional.at(1), json);
    return addHolidays(store, *function, p.parser.value(fromYear), p.parser.value(toYear), p.parser.isSet(communities), json);
}

int CalendarCommands::setDefault(Store &store, const FunctionNumber &function, const QStringList &positional, bool json)
{
    auto state = openStateFromName(positional.at(1));
    if (!state) {
        m_io.err << state.error().message << Qt::endl;
        return CliUsage;
    }
    FunctionNumber f = function;
    f.defaultState = *state;
    if (Status s = store.functions.update(f); !s)
        return m_io.fail(s.error());
    if (json)
        m_io.printJson(f.toJson());
    else
        m_io.out << tr("%1 (%2) is now %3 when no event applies.")
                        .arg(f.name, PhoneNumbers::formatInternational(f.number), openStateLabel(f.defaultState).toLower())
                 << Qt::endl;
    return CliSuccess;
}

int CalendarCommands::listEvents(Store &store, const FunctionNumber &function, bool json)
{
    auto events = store.functions.events(function.id);
    if (!events)
        return m_io.fail(events.error());
    const QHash<QString, QString> prompts = promptNames(store);
    if (json) {
        QJsonArray arr;
        for (const ScheduleEvent &e : *events) {
            QJsonObject o = e.toJson();
            o.insert(QStringLiteral("prompt"), prompts.value(e.promptId));
            arr.append(o);
        }
        m_io.printJson(arr);
        return CliSuccess;
    }
    QList<QStringList> rows;
    for (const ScheduleEvent &e : *events)
        rows << QStringList {QString::number(e.position + 1), e.title, openStateLabel(e.state), prompts.value(e.promptId),
            shown(e.start, e.allDay), shown(e.allDay ? e.end.addDays(-1) : e.end, e.allDay), e.rrule};
    //: Column headers of "calendar events"; "#" is the priority (1 = first)
    m_io.printTable({tr("#"), tr("Title"), tr("State"), tr("Prompt"), tr("Start"), tr("End"), tr("Repeats")}, rows);
    m_io.out << tr("Default state: %1").arg(openStateLabel(function.defaultState)) << Qt::endl;
    return CliSuccess;
}

int CalendarCommands::showState(Store &store, const FunctionNumber &function, const QDateTime &at, bool json)
{
    auto events = store.functions.events(function.id);
    if (!events)
        return m_io.fail(events.error());
    auto engine = ScheduleEngine::create(function.defaultState, *events, m_zone);
    if (!engine)
        return m_io.fail(engine.error());
    const ScheduleEngine::Decision d = engine->stateAt(at);
    const QHash<QString, QString> prompts = promptNames(store);
    QString eventTitle;
    for (const ScheduleEvent &e : *events) {
        if (e.id == d.eventId)
            eventTitle = e.title;
    }
    if (json) {
        m_io.printJson(QJsonObject {{QStringLiteral("number"), function.number}, {QStringLiteral("at"), at.toString(Qt::ISODate)},
            {QStringLiteral("state"), openStateName(d.state)}, {QStringLiteral("promptId"), d.promptId},
            {QStringLiteral("prompt"), prompts.value(d.promptId)}, {QStringLiteral("eventId"), d.eventId},
            {QStringLiteral("event"), eventTitle}});
        return CliSuccess;
    }
    m_io.out << tr("%1 (%2) at %3: %4")
                    .arg(function.name, PhoneNumbers::formatInternational(function.number), at.toString(Qt::ISODate),
                        openStateLabel(d.state))
             << Qt::endl;
    m_io.out << tr("Prompt: %1").arg(d.promptId.isEmpty() ? tr("none") : prompts.value(d.promptId)) << Qt::endl;
    m_io.out << tr("Decided by: %1").arg(d.eventId.isEmpty() ? tr("the default state") : eventTitle) << Qt::endl;
    return CliSuccess;
}

int CalendarCommands::listTransitions(Store &store, const FunctionNumber &function, const QDateTime &from, const QDateTime &to, bool json)
{
    auto events = store.functions.events(function.id);
    if (!events)
        return m_io.fail(events.error());
    auto engine = ScheduleEngine::create(function.defaultState, *events, m_zone);
    if (!engine)
        return m_io.fail(engine.error());
    const QHash<QString, QString> prompts = promptNames(store);
    QHash<QString, QString> titles;
    for (const ScheduleEvent &e : *events)
        titles.insert(e.id, e.title);
    const QList<ScheduleEngine::Transition> transitions = engine->transitions(from, to);
    if (json) {
        QJsonArray arr;
        for (const ScheduleEngine::Transition &t : transitions)
            arr.append(QJsonObject {{QStringLiteral("at"), t.at.toTimeZone(m_zone).toString(Qt::ISODate)},
                {QStringLiteral("state"), openStateName(t.decision.state)}, {QStringLiteral("promptId"), t.decision.promptId},
                {QStringLiteral("prompt"), prompts.value(t.decision.promptId)}, {QStringLiteral("eventId"), t.decision.eventId},
                {QStringLiteral("event"), titles.value(t.decision.eventId)}});
        m_io.printJson(arr);
        return CliSuccess;
    }
    QList<QStringList> rows;
    for (const ScheduleEngine::Transition &t : transitions)
        rows << QStringList {t.at.toTimeZone(m_zone).toString(Qt::ISODate), openStateLabel(t.decision.state),
            prompts.value(t.decision.promptId), t.decision.eventId.isEmpty() ? tr("(default state)") : titles.value(t.decision.eventId)};
    m_io.printTable({tr("At"), tr("State"), tr("Prompt"), tr("Decided by")}, rows);
    return CliSuccess;
}

int CalendarCommands::importFile(Store &store, const FunctionNumber &function, const QString &path, const QString &state,
    const std::optional<QString> &prompt, bool json)
{
    if (!QFileInfo(path).isFile()) {
        m_io.err << tr("There is no file %1.").arg(QDir::toNativeSeparators(path)) << Qt::endl;
        return CliFailed;
    }
    IcsCalendar::ImportOptions options;
    if (!state.isEmpty())
        options.state = *openStateFromName(state);
    if (prompt) {
        auto p = store.prompts.findByName(*prompt);
        if (!p)
            return m_io.fail(p.error());
        options.promptId = p->id;
    }
    IcsCalendar ics(store, m_zone);
    auto result = ics.importFile(path, function.id, options);
    if (!result)
        return m_io.fail(result.error());
    const QHash<QString, QString> prompts = promptNames(store);
    if (json) {
        QJsonArray imported;
        for (const ScheduleEvent &e : result->events) {
            QJsonObject o = e.toJson();
            o.insert(QStringLiteral("prompt"), prompts.value(e.promptId));
            imported.append(o);
        }
        QJsonArray skipped;
        for (const IcsCalendar::Skipped &s : result->skipped)
            skipped.append(QJsonObject {{QStringLiteral("title"), s.title}, {QStringLiteral("reason"), s.reason}});
        m_io.printJson(QJsonObject {{QStringLiteral("imported"), imported}, {QStringLiteral("skipped"), skipped},
            {QStringLiteral("notes"), QJsonArray::fromStringList(result->notes)},
            {QStringLiteral("defaultStateApplied"), result->defaultStateApplied}});
        return CliSuccess;
    }
    m_io.out
        << tr("Imported into %1 (%2): %3").arg(function.name, PhoneNumbers::formatInternational(function.number)).arg(result->events.size())
        << Qt::endl;
    for (const ScheduleEvent &e : result->events)
        m_io.out << QStringLiteral("  + %1 (%2)").arg(e.title, openStateLabel(e.state).toLower()) << Qt::endl;
    m_io.out << tr("Skipped: %1").arg(result->skipped.size()) << Qt::endl;
    for (const IcsCalendar::Skipped &s : result->skipped)
        m_io.out << QStringLiteral("  - %1: %2").arg(s.title, s.reason) << Qt::endl;
    for (const QString &note : result->notes)
        m_io.out << QStringLiteral("  ! %1").arg(note) << Qt::endl;
    return CliSuccess;
}

int CalendarCommands::exportFile(Store &store, const FunctionNumber &function, const QString &path, bool json)
{
    IcsCalendar ics(store, m_zone);
    if (Status s = ics.exportFile(function.id, path); !s)
        return m_io.fail(s.error());
    if (json)
        m_io.printJson(QJsonObject {{QStringLiteral("file"), path}, {QStringLiteral("events"), function.eventCount}});
    else
        m_io.out << tr("Exported the calendar of %1 (%2 events) to %3.")
                        .arg(function.name)
                        .arg(function.eventCount)
                        .arg(QDir::toNativeSeparators(path))
                 << Qt::endl;
    return CliSuccess;
}

int CalendarCommands::addHolidays(
    Store &store, const FunctionNumber &function, const QString &fromYear, const QString &toYear, bool communities, bool json)
{
    bool okFrom = false;
    bool okTo = false;
    const int first = fromYear.toInt(&okFrom);
    const int last = toYear.toInt(&okTo);
    if (!okFrom || !okTo || first < 1900 || last > 2200 || last < first || last - first >= 100) {
        m_io.err << tr("Give years between 1900 and 2200, --from-year not after --to-year, at most 100 years at once (got %1 to %2).")
                        .arg(fromYear, toYear)
                 << Qt::endl;
        return CliUsage;
    }
    QList<ScheduleEvent> holidays = BelgianHolidays::generate(first, last, communities, function.id);
    // At the top, in date order: they decide before the ordinary opening hours.
    Status s = store.database().transaction([&]() -> Status {
        for (int i = 0; i < holidays.size(); ++i) {
            holidays[i].position = i;
            auto added = store.functions.addEvent(holidays.at(i));
            if (!added)
                return added.error();
        }
        return {};
    });
    if (!s)
        return m_io.fail(s.error());
    if (json) {
        QJsonArray arr;
        for (const ScheduleEvent &e : holidays)
            arr.append(QJsonObject {{QStringLiteral("date"), e.start.date().toString(Qt::ISODate)}, {QStringLiteral("title"), e.title}});
        m_io.printJson(QJsonObject {{QStringLiteral("added"), arr}});
        return CliSuccess;
    }
    m_io.out
        << tr("Added %1 holidays (%2 to %3) at the top of the calendar of %4.").arg(holidays.size()).arg(first).arg(last).arg(function.name)
        << Qt::endl;
    return CliSuccess;
}

int CalendarCommands::runFunctionsAdd(const QStringList &args)
{
    CliParser p(tr("Create a function number."));
    const QCommandLineOption name(QStringLiteral("name"), tr("Its name, e.g. Reception."), tr("text"));
    p.parser.addOption(name);
    p.parser.addPositionalArgument(QStringLiteral("add"), tr("add NUMBER: the number, in any usual format."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    const QStringList positional = p.parser.positionalArguments();
    if (positional.size() != 2 || positional.at(0) != QLatin1String("add") || !p.parser.isSet(name)) {
        m_io.err << tr("Usage: functions add NUMBER --name TEXT") << Qt::endl;
        return CliUsage;
    }
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    FunctionNumber f;
    f.number = positional.at(1);
    f.name = p.parser.value(name).trimmed();
    bool fromPool = false;
    Status s = store.database().transaction([&]() -> Status {
        auto created = store.functions.create(f);
        if (!created)
            return created.error();
        f = *created;
        // The number comes from the organisation's pool when it is there (and must then be free).
        auto pooled = store.numbers.findByNumber(f.number);
        if (!pooled)
            return pooled.error().code == ErrorCode::NotFound ? Status() : Status(pooled.error());
        fromPool = true;
        return store.numbers.assignToFunction(pooled->id, f.id);
    });
    if (!s)
        return m_io.fail(s.error());
    if (p.parser.isSet(p.json)) {
        QJsonObject o = f.toJson();
        o.insert(QStringLiteral("fromPool"), fromPool);
        m_io.printJson(o);
        return CliSuccess;
    }
    m_io.out << (fromPool ? tr("Created the function number %1 (%2), taken from the pool.") : tr("Created the function number %1 (%2)."))
                    .arg(f.name, PhoneNumbers::formatInternational(f.number))
             << Qt::endl;
    return CliSuccess;
}

} // namespace centrale
