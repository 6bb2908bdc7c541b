#include "store/ListQuery.h"

namespace centrale {

QString SqlList::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out += c;
    }
    return out.toCaseFolded();
}

QString SqlList::phoneNeedle(const QString &text)
{
    QString out;
    for (const QChar c : text.trimmed()) {
        if (c.isDigit() || c == QLatin1Char('+'))
            out += c;
        else if (!c.isSpace() && !QStringLiteral("-./()").contains(c))
            return text.trimmed(); // not a number: look for it as it is
    }
    if (out.startsWith(QLatin1String("00")))
        return QLatin1Char('+') + out.mid(2);
    if (out.startsWith(QLatin1Char('0')))
        return QStringLiteral("+32") + out.mid(1);
    return out;
}

QString SqlList::filterClause(const QString &filter, const QStringList &columns, QVariantList &binds, bool folded)
{
    const QString f = folded ? fold(filter.trimmed()) : filter.trimmed();
    if (f.isEmpty() || columns.isEmpty())
        return {};
    QString escaped = f;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    const QString pattern = QLatin1Char('%') + escaped + QLatin1Char('%');
    QStringList parts;
    for (const QString &c : columns) {
        parts << c + QStringLiteral(" LIKE ? ESCAPE '\\'");
        binds << pattern;
    }
    return QStringLiteral(" AND (") + parts.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

QString SqlList::orderAndPage(const ListQuery &query, const QList<std::pair<QString, QString>> &sortKeys)
{
    QString order;
    for (const auto &[key, expression] : sortKeys) {
        if (key == query.sortKey) {
            order = expression;
            break;
        }
    }
    if (order.isEmpty() && !sortKeys.isEmpty())
        order = sortKeys.first().second;
    QString sql;
    if (!order.isEmpty()) {
        // Each expression may list several columns; the direction applies to every one of them.
        // Split on the commas between columns, not on those inside a function call's parentheses.
        const QString dir = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
        QStringList cols;
        int depth = 0;
        qsizetype from = 0;
        for (qsizetype i = 0; i <= order.size(); ++i) {
            const QChar c = i < order.size() ? order.at(i) : QLatin1Char(',');
            if (c == QLatin1Char('('))
                ++depth;
            else if (c == QLatin1Char(')'))
                --depth;
            else if (c == QLatin1Char(',') && depth == 0) {
                cols << order.mid(from, i - from).trimmed() + dir;
                from = i + 1;
            }
        }
        sql = QStringLiteral(" ORDER BY ") + cols.join(QStringLiteral(", "));
    }
    // SQLite needs a LIMIT for an OFFSET; LIMIT -1 is no limit.
    if (query.limit >= 0 || query.offset > 0)
        sql += QStringLiteral(" LIMIT %1 OFFSET %2").arg(query.limit >= 0 ? query.limit : -1).arg(qMax(0, query.offset));
    return sql;
}

} // namespace centrale
