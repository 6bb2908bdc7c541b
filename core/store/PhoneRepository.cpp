#include "store/PhoneRepository.h"

#include "store/KeyTemplateRepository.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace centrale {

namespace {
const QStringList kFilterColumns = {QStringLiteral("s.mac"), QStringLiteral("s.model"), QStringLiteral("s.label"), QStringLiteral("u.first_name"),
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
            {QStringLiteral("pending_push"), p.pendingPush},
            {QStringLiteral("label"), p.label},
            {QStringLiteral("sip_address"), p.sipAddress},
            {QStringLiteral("sip_user"), p.sipUser},
            {QStringLiteral("sip_password"), p.sipPassword}};
}

} // namespace

Result<QList<SipPhone>> PhoneRepository::select(const QString &where, QVariantList binds, const ListQuery &query)
{
    const QString filter = SqlList::filterClause(query.filter, kFilterColumns, binds);
    auto q = m_db.exec(QStringLiteral("SELECT s.id, s.mac, s.model, coalesce(s.owner_id, ''), s.keys, s.pending_push, s.version, s.dirty, ") + kOwner
                           + QStringLiteral(", s.label, s.sip_address, s.sip_user, s.sip_password")
                           + QStringLiteral(" FROM sip_phone s LEFT JOIN app_user u ON u.id = s.owner_id WHERE 1=1 ") + where + filter
                           + SqlList::orderAndPage(query, {{QStringLiteral("owner"), QStringLiteral("u.last_name COLLATE NOCASE, u.first_name COLLATE NOCASE, s.mac")},
                                                           {QStringLiteral("mac"), QStringLiteral("s.mac")},
                                                           {QStringLiteral("model"), QStringLiteral("s.model, s.mac")},
                                                           {QStringLiteral("label"), QStringLiteral("s.label COLLATE NOCASE, s.mac")}}),
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
        for (const QJsonValue &v : QJsonDocument::fromJson(q->value(4).toString().toUtf8()).array())
            p.keys << PhoneKey::fromJson(v.toObject());
        p.pendingPush = q->value(5).toBool();
        p.version = q->value(6).toLongLong();
        p.dirty = q->value(7).toBool();
        p.ownerName = q->value(8).toString();
        p.label = q->value(9).toString();
        p.sipAddress = q->value(10).toString();
        p.sipUser = q->value(11).toString();
        p.sipPassword = q->value(12).toString();
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

Status PhoneRepository::setPendingPush(const QString &id, bool pending)
{
    auto q = m_db.exec(QStringLiteral("UPDATE sip_phone SET pending_push = ? WHERE id = ?"), {pending, id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return Error{ErrorCode::NotFound, tr("No such phone."), {}};
    return {};
}

Status PhoneRepository::applyKey(const QStringList &ids, const PhoneKey &key, KeyChange change)
{
    return m_db.transaction([&]() -> Status {
        for (const QString &id : ids) {
            auto phone = get(id);
            if (!phone)
                return phone.error();
            if (change == KeyChange::Inherit)
                phone->clearOwnKey(key.index);
            else
                phone->setOwnKey(key);
            if (Status s = update(*phone); !s) {
                Error e = s.error();
                //: %1 the phone's MAC address, %2 the reason
                e.message = tr("Phone %1: %2").arg(SipPhone::formatMac(phone->mac), e.message);
                return e;
            }
        }
        return {};
    });
}

Result<QList<EffectiveKey>> PhoneRepository::effectiveKeys(const SipPhone &phone)
{
    QList<AppliedTemplate> templates;
    if (!phone.ownerId.isEmpty()) {
        auto applied = KeyTemplateRepository(m_db).appliedTo(phone.ownerId);
        if (!applied)
            return applied.error();
        templates = *applied;
    }
    return centrale::effectiveKeys(phone, templates);
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
