#include "bulk/ContactCsv.h"

#include "store/Store.h"

namespace centrale {

namespace {
const QString kScope = QStringLiteral("scope");
const QString kOwner = QStringLiteral("owner");
const QString kFirstName = QStringLiteral("first_name");
const QString kLastName = QStringLiteral("last_name");
const QString kCompany = QStringLiteral("company");
const QString kEmail = QStringLiteral("email");
const QString kNumbers = QStringLiteral("numbers");
const QChar kListSeparator = QLatin1Char('|');
const QChar kLabelSeparator = QLatin1Char(':');
constexpr int kProgressStep = 250;

QString matchKey(const Contact &c)
{
    const QChar sep(0x1f); // never in a name
    return QString(Contact::scopeName(c.scope) + sep + c.ownerId + sep + c.firstName.toCaseFolded() + sep + c.lastName.toCaseFolded()
                   + sep + c.company.toCaseFolded());
}
} // namespace

QStringList ContactCsv::columns()
{
    return {kScope, kOwner, kFirstName, kLastName, kCompany, kEmail, kNumbers};
}

QStringList ContactCsv::requiredColumns()
{
    return {kScope, kOwner, kNumbers};
}

QString ContactCsv::numbersText(const QList<ContactNumber> &numbers)
{
    QStringList parts;
    for (const ContactNumber &n : numbers)
        parts << (n.label.isEmpty() ? n.number : QString(n.label + kLabelSeparator + n.number));
    return parts.join(kListSeparator);
}

QList<ContactNumber> ContactCsv::parseNumbers(const QString &text)
{
    QList<ContactNumber> out;
    for (const QString &part : text.split(kListSeparator, Qt::SkipEmptyParts)) {
        if (part.trimmed().isEmpty())
            continue;
        // A number has no colon; the label is what comes before the last one.
        const qsizetype colon = part.lastIndexOf(kLabelSeparator);
        if (colon < 0)
            out.append({QString(), part.trimmed()});
        else
            out.append({part.left(colon).trimmed(), part.mid(colon + 1).trimmed()});
    }
    return out;
}

Result<ContactCsv::Plan> ContactCsv::planFile(const QString &path, const BulkProgress &progress, const BulkCancel *cancel)
{
    auto table = CsvTable::readFile(path);
    if (!table)
        return table.error();
    return plan(*table, progress, cancel);
}

Result<ContactCsv::Plan> ContactCsv::plan(const CsvTable &table, const BulkProgress &progress, const BulkCancel *cancel)
{
    Plan plan;
    auto index = table.columnIndex(columns(), requiredColumns(), plan.unknownColumns);
    if (!index)
        return index.error();
    const QHash<QString, int> &cols = *index;

    // The store, read once into hash maps.
    auto groups = m_store.groups.list();
    if (!groups)
        return groups.error();
    QHash<QString, QString> groupIdByName;
    for (const UserGroup &g : std::as_const(*groups))
        groupIdByName.insert(g.name.trimmed().toCaseFolded(), g.id);
    QHash<QString, QString> userIdByName;
    {
        auto q = m_store.database().exec(QStringLiteral("SELECT id, username FROM app_user"));
        if (!q)
            return q.error();
        while (q->next())
            userIdByName.insert(q->value(1).toString().toLower(), q->value(0).toString());
    }
    auto contacts = m_store.contacts.list();
    if (!contacts)
        return contacts.error();
    QHash<QString, Contact> byKey;
    byKey.reserve(contacts->size());
    for (const Contact &c : std::as_const(*contacts)) {
        const QString key = matchKey(c);
        if (!byKey.contains(key))
            byKey.insert(key, c);
    }

    QHash<QString, int> lineOfKey;
    const int total = int(table.rows.size());
    for (int i = 0; i < total; ++i) {
        const CsvTable::Row &row = table.rows.at(i);
        if (i % kProgressStep == 0) {
            if (cancel && cancel->load())
                return Error::invalid(ImportPlan::cancelledMessage());
            if (progress)
                progress(i, total);
        }
        auto col = [&](const QString &name) { return CsvTable::field(row, cols, name); };
        ImportRow result;
        result.line = row.line;
        auto reject = [&](const QString &reason) {
            result.reason = reason;
            plan.rows.append(result);
        };
        Contact contact;
        contact.firstName = col(kFirstName);
        contact.lastName = col(kLastName);
        contact.company = col(kCompany);
        contact.email = col(kEmail);
        contact.numbers = parseNumbers(col(kNumbers));
        result.key = contact.displayName();
        if (row.fields.size() > table.header.size()) {
            reject(tr("The row has %1 fields but the header names %2 columns; check the separators and quotes.")
                       .arg(row.fields.size())
                       .arg(table.header.size()));
            continue;
        }
        auto scope = Contact::scopeFromName(col(kScope).toLower());
        if (!scope) {
            reject(scope.error().message);
            continue;
        }
        contact.scope = *scope;
        const QString owner = col(kOwner);
        if (contact.scope == Contact::Scope::Group && !owner.isEmpty()) {
            contact.ownerId = groupIdByName.value(owner.toCaseFolded());
            if (contact.ownerId.isEmpty()) {
                reject(tr("There is no user group %1; create it first or correct the name.").arg(owner));
                continue;
            }
        } else if (contact.scope == Contact::Scope::User && !owner.isEmpty()) {
            contact.ownerId = userIdByName.value(owner.toLower());
            if (contact.ownerId.isEmpty()) {
                reject(tr("There is no user %1.").arg(owner));
                continue;
            }
        } else if (contact.scope == Contact::Scope::Organisation && !owner.isEmpty()) {
            reject(tr("An organisation contact has no owner; leave the owner column empty."));
            continue;
        }
        if (Status s = contact.normaliseAndValidate(); !s) {
            reject(s.error().message);
            continue;
        }
        result.key = contact.displayName();
        const QString key = matchKey(contact);
        if (const int first = lineOfKey.value(key); first > 0) {
            reject(tr("The same contact is already on line %1 of the file.").arg(first));
            continue;
        }
        lineOfKey.insert(key, row.line);

        Change change;
        change.line = row.line;
        const auto existing = byKey.constFind(key);
        change.create = existing == byKey.cend();
        if (!change.create) {
            const Contact &was = *existing;
            if (was.firstName == contact.firstName && was.lastName == contact.lastName && was.company == contact.company
                && was.email == contact.email && was.numbers == contact.numbers) {
                result.action = ImportRow::Action::Unchanged;
                plan.rows.append(result);
                continue;
            }
            contact.id = was.id;
            contact.version = was.version;
        }
        result.action = change.create ? ImportRow::Action::Create : ImportRow::Action::Update;
        change.contact = contact;
        plan.rows.append(result);
        plan.changes.append(change);
    }
    if (progress)
        progress(total, total);
    return plan;
}

Status ContactCsv::apply(const Plan &plan, bool skipRejected, const BulkProgress &progress, const BulkCancel *cancel)
{
    if (plan.hasRejected() && !skipRejected)
        return Error::invalid(tr("%n row(s) of the file are rejected; nothing was imported. Correct them, or import the other rows and skip these.",
                                 nullptr, plan.count(ImportRow::Action::Rejected)));
    const int total = int(plan.changes.size());
    return m_store.database().transaction([&]() -> Status {
        for (int i = 0; i < total; ++i) {
            const Change &c = plan.changes.at(i);
            if (i % kProgressStep == 0) {
                if (cancel && cancel->load())
                    return Error::invalid(ImportPlan::cancelledMessage());
                if (progress)
                    progress(i, total);
            }
            Status s;
            if (c.create) {
                if (auto created = m_store.contacts.create(c.contact); !created)
                    s = created.error();
            } else {
                s = m_store.contacts.update(c.contact);
            }
            if (!s)
                return Error{s.error().code, tr("Line %1: %2 Nothing was imported.").arg(c.line).arg(s.error().message), s.error().field};
        }
        if (progress)
            progress(total, total);
        return {};
    });
}

Result<QList<QStringList>> ContactCsv::exportRows(std::optional<Contact::Scope> scope, const QString &owner)
{
    QString ownerId;
    if (scope && *scope != Contact::Scope::Organisation && !owner.isEmpty()) {
        if (*scope == Contact::Scope::Group) {
            auto g = m_store.groups.findByName(owner);
            if (!g)
                return g.error();
            ownerId = g->id;
        } else {
            auto u = m_store.users.findByUsername(owner);
            if (!u)
                return u.error();
            ownerId = u->id;
        }
    }
    ListQuery query;
    query.sortKey = QStringLiteral("scope");
    auto contacts = m_store.contacts.list(query, scope, ownerId);
    if (!contacts)
        return contacts.error();
    QList<QStringList> rows;
    rows.reserve(contacts->size());
    for (const Contact &c : std::as_const(*contacts))
        rows << QStringList{Contact::scopeName(c.scope), c.sourceName, c.firstName, c.lastName, c.company, c.email, numbersText(c.numbers)};
    return rows;
}

Status ContactCsv::exportFile(const QString &path, char separator, std::optional<Contact::Scope> scope, const QString &owner)
{
    auto rows = exportRows(scope, owner);
    if (!rows)
        return rows.error();
    return CsvTable::writeFile(path, columns(), *rows, separator);
}

} // namespace centrale
