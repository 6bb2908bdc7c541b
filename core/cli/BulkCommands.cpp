#include "cli/BulkCommands.h"

#include "bulk/ContactCsv.h"
#include "bulk/UserCsv.h"
#include "store/Store.h"

#include <functional>

#include <QDir>
#include <QJsonObject>

namespace centrale {

namespace {

const QString kImport = QStringLiteral("import");
const QString kExport = QStringLiteral("export");
constexpr int kProgressFrom = 10000; // rows; smaller files are done before progress would matter

// The options of import and export.
struct BulkOptions {
    QCommandLineOption dryRun{QStringLiteral("dry-run"), BulkCommands::tr("Check the file and print what would change; write nothing.")};
    QCommandLineOption skipRejected{QStringLiteral("skip-rejected"),
                                    BulkCommands::tr("Import the valid rows even when some rows are rejected (those are skipped).")};
    QCommandLineOption comma{QStringLiteral("comma"), BulkCommands::tr("Separate the columns with commas (default: semicolons, as Excel in Belgium).")};
    QCommandLineOption scope{QStringLiteral("scope"), BulkCommands::tr("Only the contacts of one level: organisation, group or user."),
                             //: placeholder of --scope: organisation, group or user
                             BulkCommands::tr("level")};
    QCommandLineOption owner{QStringLiteral("owner"), BulkCommands::tr("With --scope group or user: the group's name or the username."),
                             BulkCommands::tr("name")};
};

// Prints the dry run: each rejected row (line: reason), unknown columns, and the summary.
void printPlan(CliIo &io, const ImportPlan &plan, bool json)
{
    if (json) {
        io.printJson(plan.toJson());
        return;
    }
    if (!plan.unknownColumns.isEmpty())
        io.out << BulkCommands::tr("Columns not understood (ignored): %1").arg(plan.unknownColumns.join(QStringLiteral(", "))) << Qt::endl;
    for (const ImportRow &r : plan.rows) {
        if (r.action == ImportRow::Action::Rejected)
            io.out << BulkCommands::tr("Line %1: %2").arg(r.line).arg(r.reason) << Qt::endl;
    }
    io.out << plan.summary() << Qt::endl;
}

QString skippedLines(const ImportPlan &plan)
{
    QStringList lines;
    for (const ImportRow &r : plan.rows) {
        if (r.action == ImportRow::Action::Rejected)
            lines << QString::number(r.line);
    }
    return lines.join(QStringLiteral(", "));
}

// The shared flow of users import and contacts import: plan, report, apply unless dry run.
template <typename Importer>
int runImport(CliIo &io, const QStringList &args, const QString &description)
{
    CliParser p(description);
    BulkOptions o;
    p.parser.addOptions({o.dryRun, o.skipRejected});
    p.parser.addPositionalArgument(kImport, BulkCommands::tr("Import a file."));
    p.parser.addPositionalArgument(QStringLiteral("FILE"), BulkCommands::tr("The CSV file (UTF-8; comma or semicolon)."));
    if (int rc = io.parse(p, args); rc != CliGoOn)
        return rc;
    const QStringList operands = p.parser.positionalArguments();
    if (operands.size() != 2) {
        io.err << BulkCommands::tr("Give exactly one CSV file.") << Qt::endl;
        return CliUsage;
    }
    Store store;
    if (int rc = io.openStore(store, io.storePath(p)); rc != CliGoOn)
        return rc;
    Importer importer(store);
    // Large files take a while: say how far along the check and the writing are.
    auto progressTo = [&io](const QString &what) {
        return [&io, what](int done, int total) {
            if (total < kProgressFrom)
                return;
            io.err << '\r' << what.arg(done * 100 / qMax(1, total));
            if (done == total)
                io.err << '\n';
            io.err.flush();
        };
    };
    auto plan = importer.planFile(operands.at(1), progressTo(BulkCommands::tr("Checking the file: %1%")));
    if (!plan) {
        io.err << plan.error().message << Qt::endl;
        return CliFailed;
    }
    const bool json = p.parser.isSet(p.json);
    printPlan(io, *plan, json);
    if (p.parser.isSet(o.dryRun))
        return plan->hasRejected() ? CliFailed : CliSuccess;
    const bool skip = p.parser.isSet(o.skipRejected);
    if (Status s = importer.apply(*plan, skip, progressTo(BulkCommands::tr("Importing: %1%"))); !s)
        return io.fail(s.error());
    if (!json) {
        if (plan->hasRejected())
            io.out << BulkCommands::tr("Skipped the rejected rows on lines %1.").arg(skippedLines(*plan)) << Qt::endl;
        io.out << BulkCommands::tr("Imported: %1 created, %2 updated.")
                      .arg(plan->count(ImportRow::Action::Create))
                      .arg(plan->count(ImportRow::Action::Update))
                  << Qt::endl;
    }
    return CliSuccess;
}

QString actionOf(const QStringList &args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--store") || a == QLatin1String("--scope") || a == QLatin1String("--owner")) {
            ++i;
            continue;
        }
        if (!a.startsWith(QLatin1Char('-')))
            return a;
    }
    return {};
}

// What an export writes: the columns, the rows, and the message to print (%1: the file).
struct Export {
    QStringList columns;
    QList<QStringList> rows;
    QString done;
};

// The part of "users export" and "contacts export" that is the same: the file operand, the store,
// writing the CSV. collect() reads the rows; an Invalid error from it is a wrong command line.
int runExport(CliIo &io, CliParser &p, const BulkOptions &o, const QStringList &args,
              const std::function<Result<Export>(Store &, const CliParser &)> &collect)
{
    p.parser.addPositionalArgument(kExport, BulkCommands::tr("Export to a file."));
    p.parser.addPositionalArgument(QStringLiteral("FILE"), BulkCommands::tr("The CSV file to write."));
    if (int rc = io.parse(p, args); rc != CliGoOn)
        return rc;
    const QStringList operands = p.parser.positionalArguments();
    if (operands.size() != 2) {
        io.err << BulkCommands::tr("Give exactly one CSV file.") << Qt::endl;
        return CliUsage;
    }
    Store store;
    if (int rc = io.openStore(store, io.storePath(p)); rc != CliGoOn)
        return rc;
    auto exported = collect(store, p);
    if (!exported && exported.error().code == ErrorCode::Invalid) {
        io.err << exported.error().message << Qt::endl;
        return CliUsage;
    }
    if (!exported)
        return io.fail(exported.error());
    if (Status s = CsvTable::writeFile(operands.at(1), exported->columns, exported->rows, p.parser.isSet(o.comma) ? ',' : ';'); !s)
        return io.fail(s.error());
    io.out << exported->done.arg(QDir::toNativeSeparators(operands.at(1))) << Qt::endl;
    return CliSuccess;
}

} // namespace

int BulkCommands::runUsers(const QStringList &args)
{
    const QString action = actionOf(args);
    if (action == kImport)
        return runImport<UserCsv>(m_io, args,
                                  tr("Import users from a CSV file (see docs/csv.md). The file is checked first; nothing is written "
                                     "unless every row is valid or --skip-rejected is given."));
    if (action != kExport) {
        m_io.err << tr("Unknown or missing action.") << Qt::endl;
        return CliUsage;
    }
    CliParser p(tr("Export every user, with groups and direct number, to a CSV file (UTF-8 with BOM, see docs/csv.md)."));
    BulkOptions o;
    p.parser.addOption(o.comma);
    return runExport(m_io, p, o, args, [](Store &store, const CliParser &) -> Result<Export> {
        auto rows = UserCsv(store).exportRows();
        if (!rows)
            return rows.error();
        return Export{UserCsv::columns(), *rows, tr("Exported %n user(s) to %1.", nullptr, int(rows->size()))};
    });
}

int BulkCommands::runContacts(const QStringList &args)
{
    const QString action = actionOf(args);
    if (action == kImport)
        return runImport<ContactCsv>(m_io, args,
                                     tr("Import contacts from a CSV file (see docs/csv.md). The file is checked first; nothing is written "
                                        "unless every row is valid or --skip-rejected is given."));
    if (action != kExport) {
        m_io.err << tr("Unknown or missing action.") << Qt::endl;
        return CliUsage;
    }
    CliParser p(tr("Export contacts to a CSV file (UTF-8 with BOM, see docs/csv.md): all, or one level with --scope and --owner."));
    BulkOptions o;
    p.parser.addOptions({o.comma, o.scope, o.owner});
    return runExport(m_io, p, o, args, [&o](Store &store, const CliParser &parsed) -> Result<Export> {
        std::optional<Contact::Scope> scope;
        if (parsed.parser.isSet(o.scope)) {
            auto s = Contact::scopeFromName(parsed.parser.value(o.scope));
            if (!s)
                return s.error();
            scope = *s;
        }
        if (parsed.parser.isSet(o.owner) && (!scope || *scope == Contact::Scope::Organisation))
            return Error::invalid(tr("--owner needs --scope group or --scope user."), QStringLiteral("owner"));
        auto rows = ContactCsv(store).exportRows(scope, parsed.parser.value(o.owner));
        if (!rows)
            return rows.error();
        return Export{ContactCsv::columns(), *rows, tr("Exported %n contact(s) to %1.", nullptr, int(rows->size()))};
    });
}

} // namespace centrale
