#include "phones/PhonesModel.h"

#include "store/Store.h"

#include <QColor>

namespace centrale {

PhonesModel::PhonesModel(Store &store, QObject *parent) : PagedTableModel(parent), m_store(store)
{
}

QString PhonesModel::header(int column) const
{
    switch (column) {
    case Mac:
        return tr("MAC address");
    case Model:
        return tr("Model");
    case Owner:
        return tr("User");
    case Label:
        return tr("Label");
    case Pending:
        return tr("Changes");
    default:
        return {};
    }
}

QString PhonesModel::sortKey(int column) const
{
    switch (column) {
    case Owner:
        return QStringLiteral("owner");
    case Mac:
        return QStringLiteral("mac");
    case Model:
        return QStringLiteral("model");
    case Label:
        return QStringLiteral("label");
    default:
        return {};
    }
}

Result<int> PhonesModel::loadCount(const QString &filter)
{
    return m_store.phones.count(filter);
}

Result<QList<PagedTableModel::Row>> PhonesModel::loadPage(const ListQuery &query)
{
    auto phones = m_store.phones.list(query);
    if (!phones)
        return phones.error();
    QList<Row> rows;
    rows.reserve(phones->size());
    for (const SipPhone &p : *phones) {
        //: The phone has not received its latest settings yet
        const QString pending = p.pendingPush ? tr("Changes waiting") : tr("Up to date");
        QVariantList foreground(ColumnCount);
        if (p.pendingPush)
            foreground[Pending] = QColor(0xb0, 0x5a, 0x00);
        rows.append({p.id, {SipPhone::formatMac(p.mac), p.model, p.ownerName, p.label, pending},
            {p.mac, p.model, p.ownerName, p.label, p.pendingPush}, {}, foreground});
    }
    return rows;
}

} // namespace centrale
