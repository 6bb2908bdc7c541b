#include "bulk/UserCsv.h"

#include "domain/PhoneNumbers.h"
#include "store/Store.h"

namespace centrale {

namespace {
const QString kUsername = QStringLiteral("username");
const QString kFirstName = QStringLiteral("first_name");
const QString kLastName = QStringLiteral("last_name");
const QString kEmail = QStringLiteral("email");
const QString kMobile = QStringLiteral("mobile");
const QString kLanguage = QStringLiteral("language");
const QString kGroups = QStringLiteral("groups");
const QString kDirectNumber = QStringLiteral("direct_number");
const QChar kListSeparator = QLatin1Char('|');
constexpr int kProgressStep = 250;
} // namespace

QStringList UserCsv::columns()
{
    return {kUsername, kFirstName, kLastName, kEmail, kMobile, kLanguage, kGroups, kDirectNumber};
}

QStringList UserCsv::requiredColumns()
{
    return {kUsername, kFirstName, kLastName};
}

Result<UserCsv::Plan> UserCsv::planFile(const QString &path, const BulkProgress &progress, const BulkCancel *cancel)
{
    auto table = CsvTable::readFile(path);
    if (!table)
        return table.error();
    return plan(*table, progress, cancel);
}

Result<UserCsv::Plan> UserCsv::plan(const CsvTable &table, const BulkProgress &progress, const BulkCancel *cancel)
{
    Plan plan;
    auto index = table.columnIndex(columns(), requiredColumns(), plan.unknownColumns);
    if (!index)
        return index.error();
    const QHash<QString, int> &cols = *index;
    auto org = m_store.organisation.current();
    if (!org)
        return org.error();

    // The store, read once: a 100 000-row file costs hash look-ups, not queries.
    auto users = m_store.users.list();
    if (!users)
        return users.error();
    QHash<QString, User> byUsername;
    byUsername.reserve(users->size());
    for (const User &u : std::as_const(*users))
        byUsername.insert(u.username.toLower(), u);
    auto groups = m_store.groups.list();
    if (!groups)
        return groups.error();
    QHash<QString, QString> groupIdByName;
    for (const UserGroup &g : std::as_const(*groups))
        groupIdByName.insert(g.name.trimmed().toCaseFolded(), g.id);
    auto numbers = m_store.numbers.list();
    if (!numbers)
        return numbers.error();
    QHash<QString, PoolNumber> poolByNumber;
    QHash<QString, QString> poolIdByUser;
    for (const PoolNumber &n : std::as_const(*numbers)) {
        poolByNumber.insert(n.number, n);
        if (!n.userId.isEmpty())
            poolIdByUser.insert(n.userId, n.id);
    }

    QHash<QString, int> lineOfUsername;
    QHash<QString, int> lineOfNumber;
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
        result.key = col(kUsername).toLower();
        auto reject = [&](const QString &reason) {
            result.reason = reason;
            plan.rows.append(result);
        };
        if (row.fields.size() > table.header.size()) {
            reject(tr("The row has %1 fields but the header names %2 columns; check the separators and quotes.")
                       .arg(row.fields.size())
                       .arg(table.header.size()));
            continue;
        }
        const auto existing = byUsername.constFind(result.key);
        const bool create = existing == byUsername.cend();
        User user = create ? User() : *existing;
        user.username = col(kUsername);
        user.firstName = col(kFirstName);
        user.lastName = col(kLastName);
        if (cols.contains(kEmail))
            user.email = col(kEmail);
        if (cols.contains(kMobile))
            user.mobile = col(kMobile);
        if (cols.contains(kLanguage) && !col(kLanguage).isEmpty())
            user.language = col(kLanguage).toLower();
        if (cols.contains(kGroups)) {
            user.groupIds.clear();
            QString unknown;
            for (const QString &part : col(kGroups).split(kListSeparator, Qt::SkipEmptyParts)) {
                const QString name = part.trimmed();
                if (name.isEmpty())
                    continue;
                const auto g = groupIdByName.constFind(name.toCaseFolded());
                if (g == groupIdByName.cend()) {
                    unknown = name;
                    break;
                }
                user.groupIds << *g;
            }
            if (!unknown.isEmpty()) {
                reject(tr("There is no user group %1; create it first or correct the name.").arg(unknown));
                continue;
            }
        }
        if (Status s = user.normaliseAndValidate(org->domain); !s) {
            reject(s.error().message);
            continue;
        }
        result.key = user.username;
        if (const int first = lineOfUsername.value(user.username); first > 0) {
            reject(tr("The username %1 is already on line %2 of the file.").arg(user.username).arg(first));
            continue;
        }
        lineOfUsername.insert(user.username, row.line);

        Change change;
        change.line = row.line;
        change.create = create;
        if (cols.contains(kDirectNumber)) {
            const QString wanted = col(kDirectNumber);
            const QString currentId = create ? QString() : poolIdByUser.value(user.id);
            if (wanted.isEmpty()) {
                change.releaseNumberId = currentId;
                user.directNumber.clear();
            } else {
                auto e164 = PhoneNumbers::toE164(wanted);
                if (!e164) {
                    reject(e164.error().message);
                    continue;
                }
                const auto n = poolByNumber.constFind(*e164);
                if (n == poolByNumber.cend()) {
                    reject(tr("%1 is not in the organisation's pool of numbers.").arg(PhoneNumbers::formatInternational(*e164)));
                    continue;
                }
                if (!n->isFree() && (create || n->userId != user.id)) {
                    reject(tr("%1 is already assigned to %2.").arg(PhoneNumbers::formatInternational(*e164), n->assigneeName));
                    continue;
                }
                if (const int first = lineOfNumber.value(*e164); first > 0) {
                    reject(tr("The direct number %1 is already given on line %2 of the file.")
                               .arg(PhoneNumbers::formatInternational(*e164))
                               .arg(first));
                    continue;
                }
                lineOfNumber.insert(*e164, row.line);
                if (n->id != currentId)
                    change.assignNumberId = n->id;
                user.directNumber = *e164;
            }
        }

        if (!create) {
            const User &was = *existing;
            const bool same = was.username == user.username && was.firstName == user.firstName && was.lastName == user.lastName
                              && was.email == user.email && was.mobile == user.mobile && was.language == user.language
                              && was.groupIds == user.groupIds && was.directNumber == user.directNumber;
            if (same) {
                result.action = ImportRow::Action::Unchanged;
                plan.rows.append(result);
                continue;
            }
        }
        result.action = create ? ImportRow::Action::Create : ImportRow::Action::Update;
        change.user = user;
        plan.rows.append(result);
        plan.changes.append(change);
    }
    if (progress)
        progress(total, total);
    return plan;
}

Status UserCsv::apply(const Plan &plan, bool skipRejected, const BulkProgress &progress, const BulkCancel *cancel)
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
            auto failed = [&c](const Error &e) {
                return Error{e.code, tr("Line %1: %2 Nothing was imported.").arg(c.line).arg(e.message), e.field};
            };
            QString userId = c.user.id;
            if (c.create) {
                auto created = m_store.users.create(c.user);
                if (!created)
                    return failed(created.error());
                userId = created->id;
            } else if (Status s = m_store.users.update(c.user); !s) {
                return failed(s.error());
            }
            if (!c.releaseNumberId.isEmpty()) {
                if (Status s = m_store.numbers.release(c.releaseNumberId); !s)
                    return failed(s.error());
            }
            if (!c.assignNumberId.isEmpty()) {
                if (Status s = m_store.numbers.assignToUser(c.assignNumberId, userId); !s)
                    return failed(s.error());
            }
        }
        if (progress)
            progress(total, total);
        return {};
    });
}

Result<QList<QStringList>> UserCsv::exportRows()
{
    ListQuery query;
    query.sortKey = QStringLiteral("username");
    auto users = m_store.users.list(query);
    if (!users)
        return users.error();
    auto groups = m_store.groups.list();
    if (!groups)
        return groups.error();
    QHash<QString, QString> groupName;
    for (const UserGroup &g : std::as_const(*groups))
        groupName.insert(g.id, g.name);
    QList<QStringList> rows;
    rows.reserve(users->size());
    for (const User &u : std::as_const(*users)) {
        QStringList names;
        for (const QString &id : u.groupIds)
            names << groupName.value(id);
        rows << QStringList{u.username, u.firstName, u.lastName, u.email, u.mobile, u.language, names.join(kListSeparator), u.directNumber};
    }
    return rows;
}

Status UserCsv::exportFile(const QString &path, char separator)
{
    auto rows = exportRows();
    if (!rows)
        return rows.error();
    return CsvTable::writeFile(path, columns(), *rows, separator);
}

} // namespace centrale
