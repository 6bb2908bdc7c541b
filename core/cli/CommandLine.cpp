#include "cli/CommandLine.h"

#include "cli/BulkCommands.h"
#include "cli/CalendarCommands.h"
#include "cli/MessageCommands.h"
#include "cli/PhoneCommands.h"
#include "cli/PromptCommands.h"
#include "cli/SyncCommands.h"

#include "demo/DemoGenerator.h"
#include "domain/PhoneNumbers.h"
#include "platform/Platform.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace centrale {

QString CommandLine::usage() const
{
    return tr("Usage: centrale-cli [--store PATH] [--json] COMMAND [OPTIONS]\n"
              "\n"
              "Commands:\n"
              "  demo [--users N]              create the demo organisation domaincustomer.be in a new store\n"
              "  users list [--filter TEXT]    list users (sorted by last name)\n"
              "  groups list                   list user groups\n"
              "  contacts list [--user NAME]   list contacts; with --user, the contacts that user sees and where each comes from\n"
              "  numbers list [--free]         list the pool of direct numbers\n"
              "  users import FILE.csv         import users from CSV (--dry-run, --skip-rejected; see docs/csv.md)\n"
              "  users export FILE.csv         export users to CSV (semicolons; --comma)\n"
              "  contacts import FILE.csv      import contacts from CSV (--dry-run, --skip-rejected)\n"
              "  contacts export FILE.csv      export contacts to CSV (--comma, --scope LEVEL --owner NAME)\n"
              "  functions list                list function numbers\n"
              "  functions add NUMBER --name TEXT   create a function number (taken from the pool when it is there and free)\n"
              "  calendar default --number N open|closed   the state when no event applies\n"
              "  calendar events --number N    list a function number's events in priority order\n"
              "  calendar state --number N [--at ISO8601]   state, prompt and deciding event (default: now)\n"
              "  calendar transitions --number N --from ISO8601 --to ISO8601   when the state changes\n"
              "  calendar import FILE.ics --number N [--state open|closed] [--prompt NAME]   import events (lists what was skipped and "
              "why)\n"
              "  calendar export --number N OUT.ics   export the calendar to iCalendar\n"
              "  calendar holidays --from-year Y --to-year Y [--communities] --number N   add Belgian public holidays at the top\n"
              "  prompt convert IN OUT         convert an audio file to a voice prompt (WAV, A-law, 8000 Hz, mono)\n"
              "  prompt import FILE            store a file as a new voice prompt (--name, --description)\n"
              "  prompt list                   list voice prompts and the calendar events that use them\n"
              "  prompt export NAME OUT        write a voice prompt's audio to a WAV file\n"
              "  prompt delete NAME            delete a voice prompt that no calendar event uses\n"
              "  phones list|add|key|keys|render|reload|template   SIP phones, their keys, key templates and provisioning files (phones "
              "--help)\n"
              "\n"
              "Options:\n"
              "  --store PATH   the store file (default: %1)\n"
              "  --json         print listings as JSON\n"
              "  --help         show help for a command\n"
              "  --version      show the version\n"
              "\n"
              "Exit codes: 0 success, 1 the request failed, 2 wrong command line, 3 the store cannot be opened or written.\n")
               .arg(Platform::defaultStorePath())
        + SyncCommands::usage() + MessageCommands::usage();
}

int CommandLine::run(const QStringList &arguments)
{
    // Global options may come before the command; everything from the command on is its own.
    QStringList rest = arguments.mid(1);
    QStringList global;
    while (!rest.isEmpty() && rest.first().startsWith(QLatin1Char('-'))) {
        const QString a = rest.takeFirst();
        if (a == QLatin1String("--version") || a == QLatin1String("-v")) {
            m_out << "centrale-cli " << QStringLiteral(CENTRALE_VERSION) << Qt::endl;
            return Success;
        }
        if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            m_out << usage();
            return Success;
        }
        if (a == QLatin1String("--store") && !rest.isEmpty()) {
            global << a << rest.takeFirst();
        } else if (a.startsWith(QLatin1String("--store=")) || a == QLatin1String("--json")) {
            global << a;
        } else {
            m_err << tr("Unknown option %1.").arg(a) << Qt::endl << usage();
            return Usage;
        }
    }
    if (rest.isEmpty()) {
        m_err << usage();
        return Usage;
    }
    const QString command = rest.takeFirst();
    const QStringList args = QStringList{arguments.value(0)} + global + rest;
    if (command == QLatin1String("demo"))
        return runDemo(args);
    const bool bulk = rest.value(0) == QLatin1String("import") || rest.value(0) == QLatin1String("export");
    if (command == QLatin1String("users") && bulk)
        return BulkCommands(m_io).runUsers(args);
    if (command == QLatin1String("contacts") && bulk)
        return BulkCommands(m_io).runContacts(args);
    if (command == QLatin1String("users"))
        return runUsers(args);
    if (command == QLatin1String("groups"))
        return runGroups(args);
    if (command == QLatin1String("contacts"))
        return runContacts(args);
    if (command == QLatin1String("numbers"))
        return runNumbers(args);
    if (command == QLatin1String("functions") && rest.value(0) == QLatin1String("add"))
        return CalendarCommands(m_io).runFunctionsAdd(args);
    if (command == QLatin1String("functions"))
        return runFunctions(args);
    if (command == QLatin1String("calendar"))
        return CalendarCommands(m_io).run(args);
    if (command == QLatin1String("prompt"))
        return PromptCommands(m_io).run(args);
    if (command == QLatin1String("phones"))
        return PhoneCommands(m_io).run(args);
    static const QStringList syncCommands{QStringLiteral("login"), QStringLiteral("logout"), QStringLiteral("sync"), QStringLiteral("status"),
                                          QStringLiteral("conflicts")};
    if (syncCommands.contains(command))
        return SyncCommands(m_io).run(command, args);
    if (command == QLatin1String("welcome") || command == QLatin1String("password-reset"))
        return MessageCommands(m_io).run(command, args);
    m_err << tr("Unknown command %1.").arg(command) << Qt::endl << usage();
    return Usage;
}

int CommandLine::runDemo(const QStringList &args)
{
    CliParser p(tr("Create the demo organisation in a new store."));
    QCommandLineOption users(QStringLiteral("users"), tr("Number of users (default 48; up to 500 000 for scale work)."), tr("count"), QStringLiteral("48"));
    p.parser.addOption(users);
    if (!p.parser.parse(args)) {
        m_err << p.parser.errorText() << Qt::endl;
        return Usage;
    }
    if (p.parser.isSet(p.help)) {
        m_out << p.parser.helpText();
        return Success;
    }
    bool ok = false;
    const int count = p.parser.value(users).toInt(&ok);
    if (!ok || count < 1) {
        m_err << tr("--users needs a positive whole number, not %1.").arg(p.parser.value(users)) << Qt::endl;
        return Usage;
    }
    const QString path = p.parser.isSet(p.store) ? p.parser.value(p.store) : Platform::defaultStorePath();
    if (QFileInfo::exists(path) && QFileInfo(path).size() > 0) {
        m_err << tr("%1 already exists; the demo is created in a new store only.").arg(path) << Qt::endl;
        return Failed;
    }
    Store store;
    if (Status s = store.open(path); !s) {
        m_err << s.error().message << Qt::endl;
        return StoreError;
    }
    QElapsedTimer timer;
    timer.start();
    DemoGenerator::Options options;
    options.users = count;
    auto summary = DemoGenerator::generate(store.database(), options, [this](int done, int total) {
        m_err << '\r' << tr("Creating the demo organisation: %1%").arg(done * 100 / qMax(1, total));
        m_err.flush();
    });
    m_err << '\n';
    if (!summary) {
        // Leave nothing half-made behind: the file was new.
        store.database().close();
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        return m_io.fail(summary.error());
    }
    if (p.parser.isSet(p.json)) {
        const QJsonObject o{{QStringLiteral("store"), path},
                            {QStringLiteral("users"), summary->users},
                            {QStringLiteral("groups"), summary->groups},
                            {QStringLiteral("contacts"), summary->contacts},
                            {QStringLiteral("numbers"), summary->numbers},
                            {QStringLiteral("functions"), summary->functions},
                            {QStringLiteral("phones"), summary->phones},
                            {QStringLiteral("milliseconds"), timer.elapsed()}};
        m_out << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    } else {
        m_out << tr("Created %1 in %2: %3 users, %4 groups, %5 contacts, %6 numbers, %7 function numbers, %8 phones (%9 s).")
                     .arg(options.domain, path)
                     .arg(summary->users)
                     .arg(summary->groups)
                     .arg(summary->contacts)
                     .arg(summary->numbers)
                     .arg(summary->functions)
                     .arg(summary->phones)
                     .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
              << Qt::endl;
    }
    return Success;
}

int CommandLine::prepareList(CliParser &p, const QStringList &args, Store &store)
{
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    if (p.parser.positionalArguments().value(0) != QLatin1String("list")) {
        m_err << tr("Unknown or missing action; try: list.") << Qt::endl;
        return Usage;
    }
    m_json = p.parser.isSet(p.json);
    return m_io.openStore(store, m_io.storePath(p));
}

int CommandLine::runUsers(const QStringList &args)
{
    CliParser p(tr("List users."));
    QCommandLineOption filter(QStringLiteral("filter"), tr("Only users whose name, username, email or number contains the text."), tr("text"));
    QCommandLineOption sort(QStringLiteral("sort"), tr("Sort by lastName, firstName, username, email, mobile or directNumber."), tr("key"),
                            QStringLiteral("lastName"));
    QCommandLineOption desc(QStringLiteral("desc"), tr("Sort in descending order."));
    QCommandLineOption limit(QStringLiteral("limit"), tr("Show at most this many users."), tr("count"), QStringLiteral("-1"));
    QCommandLineOption offset(QStringLiteral("offset"), tr("Skip this many users first."), tr("count"), QStringLiteral("0"));
    p.parser.addOptions({filter, sort, desc, limit, offset});
    p.parser.addPositionalArgument(QStringLiteral("list"), tr("List users."));
    Store store;
    if (int rc = prepareList(p, args, store); rc != CliGoOn)
        return rc;

    ListQuery q;
    q.filter = p.parser.value(filter);
    q.sortKey = p.parser.value(sort);
    q.descending = p.parser.isSet(desc);
    q.limit = p.parser.value(limit).toInt();
    q.offset = p.parser.value(offset).toInt();
    static const QStringList sortKeys = {QStringLiteral("lastName"), QStringLiteral("firstName"), QStringLiteral("username"),
                                         QStringLiteral("email"), QStringLiteral("mobile"), QStringLiteral("directNumber")};
    if (!sortKeys.contains(q.sortKey)) {
        m_err << tr("%1 is not a sort key; use one of: %2.").arg(q.sortKey, sortKeys.join(QStringLiteral(", "))) << Qt::endl;
        return Usage;
    }
    auto users = store.users.list(q);
    if (!users) {
        return m_io.fail(users.error());
    }
    if (m_json) {
        QJsonArray arr;
        for (const User &u : *users) {
            QJsonObject o = u.toJson();
            o.insert(QStringLiteral("directNumber"), u.directNumber);
            arr.append(o);
        }
        m_out << QJsonDocument(arr).toJson(QJsonDocument::Indented);
        m_out.flush();
        return Success;
    }
    QList<QStringList> rows;
    for (const User &u : *users)
        rows << QStringList{u.username, u.lastName, u.firstName, PhoneNumbers::formatInternational(u.mobile), PhoneNumbers::formatInternational(u.directNumber)};
    m_io.printTable({tr("Username"), tr("Last name"), tr("First name"), tr("Mobile"), tr("Direct number")}, rows);
    return Success;
}

int CommandLine::runGroups(const QStringList &args)
{
    CliParser p(tr("List user groups."));
    p.parser.addPositionalArgument(QStringLiteral("list"), tr("List user groups."));
    Store store;
    if (int rc = prepareList(p, args, store); rc != CliGoOn)
        return rc;
    auto groups = store.groups.list();
    if (!groups) {
        return m_io.fail(groups.error());
    }
    if (m_json) {
        QJsonArray arr;
        for (const UserGroup &g : *groups) {
            QJsonObject o = g.toJson();
            o.insert(QStringLiteral("members"), g.memberCount);
            arr.append(o);
        }
        m_out << QJsonDocument(arr).toJson(QJsonDocument::Indented);
        m_out.flush();
        return Success;
    }
    QList<QStringList> rows;
    for (const UserGroup &g : *groups)
        rows << QStringList{g.name, QString::number(g.memberCount), g.description};
    m_io.printTable({tr("Name"), tr("Members"), tr("Description")}, rows);
    return Success;
}

int CommandLine::runContacts(const QStringList &args)
{
    CliParser p(tr("List contacts."));
    QCommandLineOption user(QStringLiteral("user"), tr("The contacts this user sees: the organisation's, its groups' and its own."), tr("username"));
    QCommandLineOption filter(QStringLiteral("filter"), tr("Only contacts whose name, company, email or number contains the text."), tr("text"));
    p.parser.addOptions({user, filter});
    p.parser.addPositionalArgument(QStringLiteral("list"), tr("List contacts."));
    Store store;
    if (int rc = prepareList(p, args, store); rc != CliGoOn)
        return rc;
    ListQuery q;
    q.filter = p.parser.value(filter);
    Result<QList<Contact>> contacts = QList<Contact>{};
    if (p.parser.isSet(user)) {
        auto u = store.users.findByUsername(p.parser.value(user));
        if (!u) {
            return m_io.fail(u.error());
        }
        contacts = store.contacts.effectiveForUser(u->id, q);
    } else {
        contacts = store.contacts.list(q);
    }
    if (!contacts) {
        return m_io.fail(contacts.error());
    }
    if (m_json) {
        QJsonArray arr;
        for (const Contact &c : *contacts) {
            QJsonObject o = c.toJson();
            o.insert(QStringLiteral("source"), c.sourceName);
            arr.append(o);
        }
        m_out << QJsonDocument(arr).toJson(QJsonDocument::Indented);
        m_out.flush();
        return Success;
    }
    QList<QStringList> rows;
    for (const Contact &c : *contacts) {
        QStringList numbers;
        for (const ContactNumber &n : c.numbers)
            numbers << PhoneNumbers::formatInternational(n.number);
        const QString source = c.sourceName.isEmpty() ? Contact::scopeLabel(c.scope)
                                                       : QStringLiteral("%1 %2").arg(Contact::scopeLabel(c.scope), c.sourceName);
        rows << QStringList{c.displayName(), c.company, numbers.join(QStringLiteral(", ")), source};
    }
    m_io.printTable({tr("Name"), tr("Company"), tr("Numbers"), tr("Defined for")}, rows);
    return Success;
}

int CommandLine::runNumbers(const QStringList &args)
{
    CliParser p(tr("List the pool of direct numbers."));
    QCommandLineOption free(QStringLiteral("free"), tr("Only the numbers that are not assigned."));
    p.parser.addOption(free);
    p.parser.addPositionalArgument(QStringLiteral("list"), tr("List numbers."));
    Store store;
    if (int rc = prepareList(p, args, store); rc != CliGoOn)
        return rc;
    auto numbers = store.numbers.list({}, p.parser.isSet(free));
    if (!numbers) {
        return m_io.fail(numbers.error());
    }
    if (m_json) {
        QJsonArray arr;
        for (const PoolNumber &n : *numbers) {
            QJsonObject o = n.toJson();
            o.insert(QStringLiteral("assignee"), n.assigneeName);
            o.insert(QStringLiteral("free"), n.isFree());
            arr.append(o);
        }
        m_out << QJsonDocument(arr).toJson(QJsonDocument::Indented);
        m_out.flush();
        return Success;
    }
    QList<QStringList> rows;
    for (const PoolNumber &n : *numbers)
        rows << QStringList{PhoneNumbers::formatInternational(n.number), n.isFree() ? tr("free") : n.assigneeName};
    m_io.printTable({tr("Number"), tr("Assigned to")}, rows);
    return Success;
}

int CommandLine::runFunctions(const QStringList &args)
{
    CliParser p(tr("List function numbers."));
    p.parser.addPositionalArgument(QStringLiteral("list"), tr("List function numbers."));
    Store store;
    if (int rc = prepareList(p, args, store); rc != CliGoOn)
        return rc;
    auto functions = store.functions.list();
    if (!functions) {
        return m_io.fail(functions.error());
    }
    if (m_json) {
        QJsonArray arr;
        for (const FunctionNumber &f : *functions) {
            QJsonObject o = f.toJson();
            o.insert(QStringLiteral("events"), f.eventCount);
            arr.append(o);
        }
        m_out << QJsonDocument(arr).toJson(QJsonDocument::Indented);
        m_out.flush();
        return Success;
    }
    QList<QStringList> rows;
    for (const FunctionNumber &f : *functions)
        rows << QStringList{f.name, PhoneNumbers::formatInternational(f.number), openStateLabel(f.defaultState), QString::number(f.eventCount)};
    m_io.printTable({tr("Name"), tr("Number"), tr("Default state"), tr("Events")}, rows);
    return Success;
}

} // namespace centrale
