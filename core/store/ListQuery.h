#pragma once

#include <QString>
#include <QVariantList>
#include <QStringList>

namespace centrale {

// What a list asks the store for: a substring filter, a sort key, and a page.
struct ListQuery {
    QString filter;       // case-insensitive substring, matched against the entity's searchable columns
    QString filterField;  // when set, the filter applies to this field only (the repository's field names)
    QString sortKey;      // one of the repository's sort keys; empty = its default
    bool descending = false;
    int offset = 0;
    int limit = -1;       // -1 = all
};

// SQL fragments for a ListQuery. Sort keys are looked up in a whitelist; never spliced from input.
struct SqlList {
    // Returns " AND (c1 LIKE ? ESCAPE '\' OR c2 LIKE ? ...)" and appends the binds, or "" without filter.
    // With folded, the filter is folded (see fold()) to match columns that hold folded text.
    static QString filterClause(const QString &filter, const QStringList &columns, QVariantList &binds, bool folded = false);
    // Text for sorting and searching without regard to case or accents, in any language:
    // "Lefèvre" -> "lefevre", "ÉLISE" -> "elise". SQLite's NOCASE folds ASCII only.
    static QString fold(const QString &text);
    // A phone number as people type part of one ("0475 12", "0032 2 300"), as it appears in E.164
    // ("+32475 12" -> "+3247512"): separators dropped, a leading 00 or national 0 made international.
    static QString phoneNeedle(const QString &text);
    static QString orderAndPage(const ListQuery &query, const QList<std::pair<QString, QString>> &sortKeys);
};

} // namespace centrale
