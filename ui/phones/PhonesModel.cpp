#include "phones/PhonesModel.h"

#include "store/Store.h"

namespace centrale {

PhonesModel::PhonesModel(Store &store, QObject *parent)
    : PagedTableModel(parent), m_store(store)
{
}

QString PhonesModel::header(int column) const
{
    switch (column) {
    case Owner: return tr("User");
    case Mac: return tr("MAC address");
    case Model: return tr("Model");
    case Keys: return tr("Programmed keys");
    case Pending: return tr("Changes to send");
    default: return {};
    }
}

QString PhonesModel::sortKey(int column) const
{
    switch (column) {
    case Owner: return QStringLiteral("owner");
    case Mac: return QStringLiteral("mac");
    case Model: return QStringLiteral("model");
    default: return {};
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
        int programmed = 0;
        for (const PhoneKey &k : p.keys)
            programmed += k.type != PhoneKey::Type::Empty;
        rows.append({p.id,
                     {p.ownerName, SipPhone::formatMac(p.mac), p.model, tr("%1 of %2").arg(programmed).arg(SipPhone::keyCount(p.model)),
                      p.pendingPush ? tr("Yes") : tr("No")},
                     {p.ownerName, p.mac, p.model, programmed, p.pendingPush},
                     {},
                     {}});
    }
    return rows;
}

} // namespace centrale
