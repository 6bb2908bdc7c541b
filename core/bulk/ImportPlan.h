#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <functional>

namespace centrale {

// Called now and then while a large file is planned or applied.
using BulkProgress = std::function<void(int done, int total)>;
// Set from another thread to stop a plan or an import; a stopped import writes nothing.
using BulkCancel = std::atomic_bool;

// What an import would do with one row of the file.
struct ImportRow {
    enum class Action { Create, Update, Unchanged, Rejected };
    int line = 0;   // line in the file where the row starts
    Action action = Action::Rejected;
    QString key;    // the username, or the contact's name
    QString reason; // translated; why the row is rejected
};

// The dry run of an import: one result per data row, and the columns that were not understood.
// Nothing is written until the importer applies it.
struct ImportPlan {
    Q_DECLARE_TR_FUNCTIONS(ImportPlan)
public:
    QList<ImportRow> rows;
    QStringList unknownColumns;

    int count(ImportRow::Action action) const
    {
        return int(std::count_if(rows.cbegin(), rows.cend(), [action](const ImportRow &r) { return r.action == action; }));
    }
    bool hasRejected() const { return count(ImportRow::Action::Rejected) > 0; }

    static QString cancelledMessage() { return tr("The import was cancelled; nothing was imported."); }

    static QString actionName(ImportRow::Action action)
    {
        switch (action) {
        case ImportRow::Action::Create: return QStringLiteral("create");
        case ImportRow::Action::Update: return QStringLiteral("update");
        case ImportRow::Action::Unchanged: return QStringLiteral("unchanged");
        case ImportRow::Action::Rejected: return QStringLiteral("rejected");
        }
        return {};
    }

    QString summary() const
    {
        return tr("To create: %1, to update: %2, unchanged: %3, rejected: %4.")
            .arg(count(ImportRow::Action::Create))
            .arg(count(ImportRow::Action::Update))
            .arg(count(ImportRow::Action::Unchanged))
            .arg(count(ImportRow::Action::Rejected));
    }

    QJsonObject toJson() const
    {
        QJsonArray list;
        for (const ImportRow &r : rows) {
            QJsonObject o{{QStringLiteral("line"), r.line}, {QStringLiteral("action"), actionName(r.action)}, {QStringLiteral("key"), r.key}};
            if (!r.reason.isEmpty())
                o.insert(QStringLiteral("reason"), r.reason);
            list.append(o);
        }
        return {{QStringLiteral("rows"), list},
                {QStringLiteral("unknownColumns"), QJsonArray::fromStringList(unknownColumns)},
                {QStringLiteral("summary"),
                 QJsonObject{{QStringLiteral("create"), count(ImportRow::Action::Create)},
                             {QStringLiteral("update"), count(ImportRow::Action::Update)},
                             {QStringLiteral("unchanged"), count(ImportRow::Action::Unchanged)},
                             {QStringLiteral("rejected"), count(ImportRow::Action::Rejected)}}}};
    }
};

} // namespace centrale
