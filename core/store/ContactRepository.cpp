#include "store/ContactRepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace centrale {

namespace {
// search_key holds the folded names, company, email, labels and numbers.
const QStringList kFilterColumns = {QStringLiteral("c.search_key")};
const QList<std::pair<QString, QString>> kSortKeys = {
    // Companies without a person's name sort by the company's name.
    {QStringLiteral("lastName"), QStringLiteral("c.sort_name")},
    {QStringLiteral("firstName"), QStringLiteral("c.first_name COLLATE NOCASE, c.last_name COLLATE NOCASE")},
    {QStringLiteral("company"), QStringLiteral("c.company COLLATE NOCASE, c.last_name COLLATE NOCASE")},
    {QStringLiteral("scope"), QStringLiteral("c.scope, c.last_name COLLATE NOCASE")},
};
const QString kColumns = QStringLiteral("c.id, c.scope, coalesce(c.group_id, c.user_id, ''), c.first_name, c.last_name, c.company, "
                                        "c.email, c.numbers, c.version, c.dirty, "
                                        "coalesce((SELECT name FROM user_group WHERE id = c.group_id), "
                                        "(SELECT username FROM app_user WHERE id = c.user_id), '') AS source");

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QString numbersJson(const Contact &c)
{
    QJsonArray arr;
    for (const ContactNumber &n : c.numbers)
        arr.append(QJsonObject{{QStringLiteral("label"), n.label}, {QStringLiteral("number"), n.number}});
    return QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Compact));
}

QVariantMap columnsOf(const Contact &c)
{
    return {{QStringLiteral("scope"), Contact::scopeName(c.scope)},
            {QStringLiteral("group_id"), nullable(c.scope == Contact::Scope::Group ? c.ownerId : QString())},
            {QStringLiteral("user_id"), nullable(c.scope == Contact::Scope::User ? c.ownerId : QString())},
            {QStringLiteral("first_name"), c.firstName},
            {QStringLiteral("last_name"), c.lastName},
            {QStringLiteral("company"), c.company},
            {QStringLiteral("email"), c.email},
            {QStringLiteral("numbers"), numbersJson(c)},
            {QStringLiteral("sort_name"), ContactRepository::sortName(c)},
            {QStringLiteral("search_key"), ContactRepository::searchKey(c)}};
}

Result<QList<Contact>> read(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    QList<Contact> out;
    while (q->next()) {
        Contact c;
        c.id = q->value(0).toString();
        auto scope = Contact::scopeFromName(q->value(1).toString());
        if (!scope)
            return scope.error();
        c.scope = *scope;
        c.ownerId = q->value(2).toString();
        c.firstName = q->value(3).toString();
        c.lastName = q->value(4).toString();
        c.company = q->value(5).toString();
        c.email = q->value(6).toString();
        const QJsonArray nums = QJsonDocument::fromJson(q->value(7).toString().toUtf8()).array();
        for (const QJsonValue &v : nums)
            c.numbers.append({v[QLatin1String("label")].toString(), v[QLatin1String("number")].toString()});
        c.version = q->value(8).toLongLong();
        c.dirty = q->value(9).toBool();
        c.sourceName = q->value(10).toString();
        out << c;
    }
    return out;
}

QString scopeWhere(std::optional<Contact::Scope> scope, const QString &ownerId, QVariantList &binds)
{
    if (!scope)
        return {};
    QString where = QStringLiteral(" AND c.scope = ?");
    binds << Contact::scopeName(*scope);
    if (*scope == Contact::Scope::Group && !ownerId.isEmpty()) {
        where += QStringLiteral(" AND c.group_id = ?");
        binds << ownerId;
    } else if (*scope == Contact::Scope::User && !ownerId.isEmpty()) {
        where += QStringLiteral(" AND c.user_id = ?");
        binds << ownerId;
    }
    return where;
}
} // namespace

QString ContactRepository::sortName(const Contact &c)
{
    // People by last name, then first name; companies without a person's name by the company.
    const QString primary = c.lastName.isEmpty() && c.firstName.isEmpty() ? c.company : c.lastName;
    return SqlList::fold(primary + QLatin1Char(' ') + c.firstName);
}

QString ContactRepository::searchKey(const Contact &c)
{
    QStringList parts{c.firstName, c.lastName, c.company, c.email};
    for (const ContactNumber &n : c.numbers)
        parts << n.label << n.number;
    return SqlList::fold(parts.join(QLatin1Char(' ')));
}

Status ContactRepository::checkOwner(const Contact &contact)
{
    if (contact.scope == Contact::Scope::Organisation)
        return {};
    const QString table = contact.scope == Contact::Scope::Group ? QStringLiteral("user_group") : QStringLiteral("app_user");
    auto q = m_db.exec(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table), {contact.ownerId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{ErrorCode::NotFound,
                     contact.scope == Contact::Scope::Group ? tr("The contact's group does not exist.") : tr("The contact's user does not exist."),
                     QStringLiteral("owner")};
    return {};
}

Result<Contact> ContactRepository::create(Contact contact)
{
    if (Status s = contact.normaliseAndValidate(); !s)
        return s.error();
    if (Status s = checkOwner(contact); !s)
        return s.error();
    if (contact.id.isEmpty())
        contact.id = newId();
    if (Status s = m_db.insertRecord(QStringLiteral("contact"), QStringLiteral("contact"), contact.id, columnsOf(contact), contact.toJson()); !s)
        return s.error();
    contact.dirty = true;
    return contact;
}

Result<Contact> ContactRepository::get(const QString &id)
{
    auto r = read(m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM contact c WHERE c.id = ?"), {id}));
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("No such contact."), {}};
    return r->first();
}

Status ContactRepository::update(Contact contact)
{
    if (Status s = contact.normaliseAndValidate(); !s)
        return s;
    if (Status s = checkOwner(contact); !s)
        return s;
    return m_db.updateRecord(QStringLiteral("contact"), QStringLiteral("contact"), contact.id, columnsOf(contact), contact.toJson());
}

Status ContactRepository::remove(const QString &id)
{
    return m_db.deleteRecord(QStringLiteral("contact"), QStringLiteral("contact"), id);
}

Result<QList<Contact>> ContactRepository::list(const ListQuery &query, std::optional<Contact::Scope> scope, const QString &ownerId)
{
    QVariantList binds;
    QString where = scopeWhere(scope, ownerId, binds);
    where += SqlList::filterClause(query.filter, kFilterColumns, binds, true);
    return read(m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM contact c WHERE 1=1") + where
                              + SqlList::orderAndPage(query, kSortKeys),
                          binds));
}

Result<int> ContactRepository::count(const QString &filter, std::optional<Contact::Scope> scope, const QString &ownerId)
{
    QVariantList binds;
    QString where = scopeWhere(scope, ownerId, binds);
    where += SqlList::filterClause(filter, kFilterColumns, binds, true);
    auto q = m_db.exec(QStringLiteral("SELECT count(*) FROM contact c WHERE 1=1") + where, binds);
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toInt();
}

Result<QList<Contact>> ContactRepository::effectiveForUser(const QString &userId, const ListQuery &query)
{
    QVariantList binds{userId, userId};
    const QString filter = SqlList::filterClause(query.filter, kFilterColumns, binds, true);
    return read(m_db.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM contact c WHERE (c.scope = 'organisation' "
                                                                                "OR c.group_id IN (SELECT group_id FROM group_member WHERE user_id = ?) "
                                                                                "OR c.user_id = ?)")
                              + filter + SqlList::orderAndPage(query, kSortKeys),
                          binds));
}

} // namespace centrale
