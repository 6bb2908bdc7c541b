#include "store/PhoneRepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace centrale {

namespace {
const QStringList kFilterColumns = {QStringLiteral("s.mac"), QStringLiteral("s.model"), QStringLiteral("u.first_name"),
                                    QStringLiteral("u.last_name"), QStringLiteral("u.username")};
const QString kOwner = QStringLiteral("trim(coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, ''))");

QVariant nullable(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

QVariantMap columnsOf(const SipPhone &p)
{
    QJsonArray keys = p.toJson().value(QLatin1String("keys")).toArray();
    return {{QStringLiteral("mac"), p.mac},
            {QStringLiteral("model"), p.model},
            {QStringLiteral("owner_id"), nullable(p.ownerId)},
            {QStringLiteral("keys"), QString::fromUtf8(QJsonDocument(keys).toJson(QJsonDocument::Compact))},
            {QStringLiteral("pending_push"), p.pendingPush}};
}

PhoneKey::Type keyType(const QString &name)
{
    for (auto t : {PhoneKey::Type::Empty, PhoneKey::Type::Extension, PhoneKey::Type::External}) {
        if (SipPhone::keyTypeName(t) == name)
            return t;
    }
    return PhoneKey::Type::Empty;
}
} // namespace

Result<QList<SipPhone>> PhoneRepository::select(const QString &where, QVariantList binds, const ListQuery &query)
{
    const QString filter = SqlList::filterClause(query.filter, kFilterColumns, binds);
    auto q = m_db.exec(QStringLiteral("SELECT s.id, s.mac, s.model, coalesce(s.owner_id, ''), s.keys, s.pending_push, s.version, s.dirty, ") + kOwner
                           + QStringLiteral(" FROM sip_phone s LEFT JOIN app_user u ON u.id = s.owner_id WHERE 1=1 ") + where + filter
                           + SqlList::orderAndPage(query, {{QStringLiteral("owner"), QStringLiteral("u.last_name COLLATE NOCASE, u.first_name COLLATE NOCASE, s.mac")},
                                                           {QStringLiteral("mac"), QStringLiteral("s.mac")},
                                                           {QStringLiteral("model"), QStringLiteral("s.model, s.mac")}}),
                       binds);
    if (!q)
        return q.error();
    QList<SipPhone> out;
    while (q->next()) {
        SipPhone p;
        p.id = q->value(0).toString();
        p.mac = q->value(1).toString();
        p.model = q->value(2).toString();
        p.ownerId = q->value(3).toString();
        for (const QJsonValue &v : QJsonDocument::fromJson(q->value(4).toString().toUtf8()).array()) {
            PhoneKey k;
            k.index = v[QLatin1String("index")].toInt();
            k.type = keyType(v[QLatin1String("type")].toString());
            k.userId = v[QLatin1String("userId")].toString();
            k.displayName = v[QLatin1String("displayName")].toString();
            k.number = v[QLatin1String("number")].toString();
            p.keys << k;
        }
        p.pendingPush = q->value(5).toBool();
        p.version = q->value(6).toLongLong();
        p.dirty = q->value(7).toBool();
        p.ownerName = q->value(8).toString();
        out << p;
    }
    return out;
}

Status PhoneRepository::checkReferences(const SipPhone &phone)
{
    QStringList users;
    if (!phone.ownerId.isEmpty())
        users << phone.ownerId;
    for (const PhoneKey &k : phone.keys) {
        if (k.type == PhoneKey::Type::Extension)
            users << k.userId;
    }
    for (const QString &id : users) {
        auto q = m_db.exec(QStringLiteral("SELECT 1 FROM app_user WHERE id = ?"), {id});
        if (!q)
            return q.error();
        if (!q->next())
            return Error{ErrorCode::NotFound, tr("The phone refers to a user who does not exist."), QStringLiteral("keys")};
    }
    return {};
}

Result<SipPhone> PhoneRepository::create(SipPhone phone)
{
    if (Status s = phone.normaliseAndValidate(); !s)
        return s.error();
    if (findByMac(phone.mac))
        return Error{ErrorCode::Duplicate, tr("A phone with the MAC address %1 already exists.").arg(SipPhone::formatMac(phone.mac)), QStringLiteral("mac")};
    if (Status s = checkReferences(phone); !s)
        return s.error();
    if (phone.id.isEmpty())
        phone.id = newId();
    if (Status s = m_db.insertRecord(QStringLiteral("sip_phone"), QStringLiteral("phone"), phone.id, columnsOf(phone), phone.toJson()); !s)
        return s.error();
    phone.dirty = true;
    return phone;
}

Result<SipPhone> PhoneRepository::get(const QString &id)
{
    auto r = select(QStringLiteral("AND s.id = ?"), {id}, {});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("No such phone."), {}};
    return r->first();
}

Result<SipPhone> PhoneRepository::findByMac(const QString &mac)
{
    SipPhone probe;
    probe.mac = mac;
    probe.model = SipPhone::models().first();
    if (Status s = probe.normaliseAndValidate(); !s)
        return s.error();
    auto r = select(QStringLiteral("AND s.mac = ?"), {probe.mac}, {});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("There is no phone with the MAC address %1.").arg(SipPhone::formatMac(probe.mac)), {}};
    return r->first();
}

Status PhoneRepository::update(SipPhone phone)
{
    if (Status s = phone.normaliseAndValidate(); !s)
        return s;
    if (auto other = findByMac(phone.mac); other && other->id != phone.id)
        return Error{ErrorCode::Duplicate, tr("A phone with the MAC address %1 already exists.").arg(SipPhone::formatMac(phone.mac)), QStringLiteral("mac")};
    if (Status s = checkReferences(phone); !s)
        return s;
    phone.pendingPush = true;
    return m_db.updateRecord(QStringLiteral("sip_phone"), QStringLiteral("phone"), phone.id, columnsOf(phone), phone.toJson());
}

Status PhoneRepository::remove(const QString &id)
{
    return m_db.deleteRecord(QStringLiteral("sip_phone"), QStringLiteral("phone"), id);
}

Result<QList<SipPhone>> PhoneRepository::list(const ListQuery &query, const QString &ownerId)
{
    if (ownerId.isEmpty())
        return select({}, {}, query);
    return select(QStringLiteral("AND s.owner_id = ?"), {ownerId}, query);
}

Result<int> PhoneRepository::count(const QString &filter)
{
    QVariantList binds;
    const QString where = SqlList::filterClause(filter, kFilterColumns, binds);
    auto q = m_db.exec(QStringLiteral("SELECT count(*) FROM sip_phone s LEFT JOIN app_user u ON u.id = s.owner_id WHERE 1=1") + where, binds);
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toInt();
}

} // namespace centrale
