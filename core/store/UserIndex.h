#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace centrale {

class Database;

// Every user's sort and search keys in memory, so that a filter keystroke or a sort over 100 000
// users answers in milliseconds without a table scan in SQL. Built once (in the background if
// need be), then asked for the matching rows in the wanted order; the rows themselves are read
// from the store a page at a time.
class UserIndex final {
    Q_DECLARE_TR_FUNCTIONS(UserIndex)
public:
    struct Entry {
        QString id;
        QString lastName;  // folded sort keys
        QString firstName;
        QString username;
        QString email;
        QString mobile;
        QString directNumber;
        QString groups; // folded group names, one per line
        QString phones; // folded desk phone models and MACs, one per line
    };

    // Reads every user's keys, and prepares the default order (by last name).
    static Result<UserIndex> load(Database &db);

    int size() const { return static_cast<int>(m_entries.size()); }
    const QString &idAt(int entry) const { return m_entries[static_cast<size_t>(entry)].id; }
    // The users whose search text (folded username, names, email, mobile, direct number) contains
    // the folded filter, as entry numbers in the order of sortKey (a UserRepository sort key:
    // lastName, firstName, username, email, mobile, directNumber).
    // With field (a UserRepository filter field), the filter applies to that field only.
    std::vector<int> match(const QString &filter, const QString &sortKey, bool descending, const QString &field = {}) const;
    QStringList ids(const std::vector<int> &entries, int offset, int count) const;

private:
    std::vector<int> matchField(const QString &filter, const QString &field, const std::vector<int> &order) const;
    const std::vector<int> &orderFor(const QString &sortKey) const;

    std::vector<Entry> m_entries;
    // Every entry's search text, one after the other, each followed by a newline: one scan of
    // one buffer finds a filter in all of them.
    QString m_text;
    std::vector<qsizetype> m_starts; // where each entry's text begins in m_text
    // The previous filter's hits: typing one more letter only looks at those.
    mutable QString m_lastNeedle;
    mutable std::vector<int> m_lastHits; // entry numbers, ascending
    // Ascending orders by sort key, computed the first time they are asked for.
    mutable std::vector<std::pair<QString, std::vector<int>>> m_orders;
};

} // namespace centrale
