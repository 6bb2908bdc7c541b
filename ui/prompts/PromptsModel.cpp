#include "prompts/PromptsModel.h"

#include "store/Store.h"

#include <QLocale>

namespace centrale {

PromptsModel::PromptsModel(Store &store, QObject *parent)
    : PagedTableModel(parent), m_store(store)
{
}

QString PromptsModel::header(int column) const
{
    switch (column) {
    case Name: return tr("Name");
    case Description: return tr("Description");
    case Duration: return tr("Duration");
    case Origin: return tr("Origin");
    case UsedBy: return tr("Used by");
    default: return {};
    }
}

QString PromptsModel::sortKey(int column) const
{
    switch (column) {
    case Name: return QStringLiteral("name");
    case Duration: return QStringLiteral("duration");
    case Origin: return QStringLiteral("origin");
    default: return {};
    }
}

Result<int> PromptsModel::loadCount(const QString &filter)
{
    ListQuery q;
    q.filter = filter;
    auto all = m_store.prompts.list(q);
    if (!all)
        return all.error();
    return static_cast<int>(all->size());
}

Result<QList<PagedTableModel::Row>> PromptsModel::loadPage(const ListQuery &query)
{
    auto prompts = m_store.prompts.list(query);
    if (!prompts)
        return prompts.error();
    QList<Row> rows;
    for (const VoicePrompt &p : *prompts) {
        auto usage = m_store.prompts.usage(p.id);
        if (!usage)
            return usage.error();
        QStringList used;
        for (const PromptUsage &u : *usage)
            used << QStringLiteral("%1 (%2)").arg(u.functionName, u.eventTitle);
        //: Duration of a voice prompt in seconds
        const QString duration = tr("%1 s").arg(QLocale().toString(p.durationMs / 1000.0, 'f', 1));
        rows.append({p.id,
                     {p.name, p.description, duration, VoicePrompt::originLabel(p.origin), used.join(QStringLiteral(", "))},
                     {p.name, p.description, p.durationMs, VoicePrompt::originName(p.origin), used.join(QStringLiteral(", "))},
                     {},
                     {}});
    }
    return rows;
}

} // namespace centrale
