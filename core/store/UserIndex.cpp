#include "store/UserIndex.h"

#include "store/Database.h"
#include "store/ListQuery.h"


#include <algorithm>
#include <numeric>

namespace centrale {

Result<UserIndex> UserIndex::load(Database &db)
{
    auto q = db.exec(QStringLiteral("SELECT u.id, u.search_key, u.sort_last, u.sort_first, lower(u.username), lower(u.email), u.mobile, "
                                    "coalesce(p.number, '') FROM app_user u LEFT JOIN pool_number p ON p.user_id = u.id"));
    if (!q)
        return q.error();
    UserIndex index;
    while (q->next()) {
        Entry e;
        e.id = q->value(0).toString();
        e.directNumber = q->value(7).toString();
        index.m_starts.push_back(index.m_text.size());
        index.m_text += q->value(1).toString();
        if (!e.directNumber.isEmpty())
            index.m_text += QLatin1Char(' ') + e.directNumber;
        index.m_text += QLatin1Char('\n');
        e.lastName = q->value(2).toString();
        e.firstName = q->value(3).toString();
        e.username = q->value(4).toString();
        e.email = q->value(5).toString();
        e.mobile = q->value(6).toString();
        index.m_entries.push_back(std::move(e));
    }
    // Group names and desk phones, for filtering on those columns.
    QHash<QString, int> entryOf;
    entryOf.reserve(static_cast<qsizetype>(index.m_entries.size()));
    for (size_t i = 0; i < index.m_entries.size(); ++i)
        entryOf.insert(index.m_entries[i].id, static_cast<int>(i));
    auto groups = db.exec(QStringLiteral("SELECT gm.user_id, g.name FROM group_member gm JOIN user_group g ON g.id = gm.group_id"));
    if (!groups)
        return groups.error();
    while (groups->next()) {
        if (const int e = entryOf.value(groups->value(0).toString(), -1); e >= 0)
            index.m_entries[static_cast<size_t>(e)].groups += SqlList::fold(groups->value(1).toString()) + QLatin1Char('\n');
    }
    auto phones = db.exec(QStringLiteral("SELECT owner_id, model, mac FROM sip_phone WHERE owner_id IS NOT NULL"));
    if (!phones)
        return phones.error();
    while (phones->next()) {
        if (const int e = entryOf.value(phones->value(0).toString(), -1); e >= 0)
            index.m_entries[static_cast<size_t>(e)].phones
                += SqlList::fold(phones->value(1).toString()) + QLatin1Char(' ') + phones->value(2).toString().toLower() + QLatin1Char('\n');
    }
    index.orderFor(QStringLiteral("lastName"));
    return index;
}

const std::vector<int> &UserIndex::orderFor(const QString &sortKey) const
{
    for (const auto &[key, order] : m_orders) {
        if (key == sortKey)
            return order;
    }
    using Field = QString Entry::*;
    std::pair<Field, Field> fields{&Entry::lastName, &Entry::firstName};
    if (sortKey == QLatin1String("firstName"))
        fields = {&Entry::firstName, &Entry::lastName};
    else if (sortKey == QLatin1String("username"))
        fields = {&Entry::username, &Entry::id};
    else if (sortKey == QLatin1String("email"))
        fields = {&Entry::email, &Entry::username};
    else if (sortKey == QLatin1String("mobile"))
        fields = {&Entry::mobile, &Entry::username};
    else if (sortKey == QLatin1String("directNumber"))
        fields = {&Entry::directNumber, &Entry::username};
    std::vector<int> order(m_entries.size());
    std::iota(order.begin(), order.end(), 0);
    // Plain code-unit order of folded keys: the same order SQLite gives on the same columns.
    std::stable_sort(order.begin(), order.end(), [this, fields](int a, int b) {
        const Entry &x = m_entries[static_cast<size_t>(a)];
        const Entry &y = m_entries[static_cast<size_t>(b)];
        if (const int c = QString::compare(x.*fields.first, y.*fields.first); c != 0)
            return c < 0;
        return QString::compare(x.*fields.second, y.*fields.second) < 0;
    });
    m_orders.emplace_back(sortKey, std::move(order));
    return m_orders.back().second;
}

std::vector<int> UserIndex::matchField(const QString &filter, const QString &field, const std::vector<int> &order) const
{
    using Field = QString Entry::*;
    static const QList<std::pair<QString, Field>> fields = {
        {QStringLiteral("lastName"), &Entry::lastName}, {QStringLiteral("firstName"), &Entry::firstName},
        {QStringLiteral("username"), &Entry::username}, {QStringLiteral("email"), &Entry::email},
        {QStringLiteral("mobile"), &Entry::mobile},     {QStringLiteral("directNumber"), &Entry::directNumber},
        {QStringLiteral("groups"), &Entry::groups},     {QStringLiteral("phones"), &Entry::phones}};
    Field member = &Entry::lastName;
    for (const auto &[name, m] : fields) {
        if (name == field)
            member = m;
    }
    QString needle;
    if (member == &Entry::mobile || member == &Entry::directNumber)
        needle = SqlList::phoneNeedle(filter);
    else if (member == &Entry::phones)
        needle = SqlList::fold(filter.trimmed()).remove(QLatin1Char(':')).remove(QLatin1Char('-'));
    else
        needle = SqlList::fold(filter.trimmed());
    if (needle.isEmpty())
        return order;
    std::vector<int> out;
    for (int i : order) {
        const Entry &e = m_entries[static_cast<size_t>(i)];
        if ((e.*member).contains(needle) || (member == &Entry::phones && e.phones.contains(SqlList::fold(filter.trimmed()))))
            out.push_back(i);
    }
    return out;
}

std::vector<int> UserIndex::match(const QString &filter, const QString &sortKey, bool descending, const QString &field) const
{
    const std::vector<int> &order = orderFor(sortKey);
    if (!field.isEmpty()) {
        std::vector<int> out = matchField(filter, field, order);
        if (descending)
            std::reverse(out.begin(), out.end());
        return out;
    }
    const QString needle = SqlList::fold(filter.trimmed());
    std::vector<int> out;
    if (needle.isEmpty() || needle.contains(QLatin1Char('\n'))) {
        out = needle.isEmpty() ? order : std::vector<int>{};
    } else {
        std::vector<char> hit(m_entries.size(), 0);
        std::vector<int> hits;
        if (!m_lastNeedle.isEmpty() && needle.contains(m_lastNeedle)) {
            // Narrowing the previous filter: only its hits can match.
            for (int e : m_lastHits) {
                const qsizetype begin = m_starts[static_cast<size_t>(e)];
                const qsizetype end = e + 1 < size() ? m_starts[static_cast<size_t>(e + 1)] : m_text.size();
                if (QStringView(m_text).sliced(begin, end - begin).contains(needle))
                    hits.push_back(e);
            }
        } else {
            // One pass over all texts; each hit is mapped back to its entry.
            qsizetype from = 0;
            while ((from = m_text.indexOf(needle, from)) >= 0) {
                const auto entry = std::upper_bound(m_starts.begin(), m_starts.end(), from) - m_starts.begin() - 1;
                hits.push_back(static_cast<int>(entry));
                // Go on after this entry's text: one hit per entry is enough.
                from = entry + 1 < size() ? m_starts[static_cast<size_t>(entry + 1)] : m_text.size();
            }
        }
        for (int e : hits)
            hit[static_cast<size_t>(e)] = 1;
        m_lastNeedle = needle;
        m_lastHits = std::move(hits);
        for (int i : order) {
            if (hit[static_cast<size_t>(i)])
                out.push_back(i);
        }
    }
    if (descending)
        std::reverse(out.begin(), out.end());
    return out;
}

QStringList UserIndex::ids(const std::vector<int> &entries, int offset, int count) const
{
    QStringList out;
    const int end = count < 0 ? static_cast<int>(entries.size()) : qMin(static_cast<int>(entries.size()), offset + count);
    for (int i = qMax(0, offset); i < end; ++i)
        out << idAt(entries[static_cast<size_t>(i)]);
    return out;
}

} // namespace centrale
