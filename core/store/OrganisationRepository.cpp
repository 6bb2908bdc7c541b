#include "store/OrganisationRepository.h"

#include <QJsonDocument>

namespace centrale {

namespace {
QVariantMap columnsOf(const Organisation &o)
{
    return {{QStringLiteral("domain"), o.domain},
            {QStringLiteral("name"), o.name},
            {QStringLiteral("language"), o.language},
            {QStringLiteral("main_number"), o.mainNumber},
            {QStringLiteral("settings"), QString::fromUtf8(QJsonDocument(o.settings.toJson()).toJson(QJsonDocument::Compact))}};
}
} // namespace

Result<Organisation> OrganisationRepository::current()
{
    auto q = m_db.exec(QStringLiteral("SELECT id, domain, name, language, main_number, settings, version, dirty FROM organisation LIMIT 1"));
    if (!q)
        return q.error();
    if (!q->next())
        return Error{ErrorCode::NotFound, tr("This store holds no organisation yet."), {}};
    Organisation o;
    o.id = q->value(0).toString();
    o.domain = q->value(1).toString();
    o.name = q->value(2).toString();
    o.language = q->value(3).toString();
    o.mainNumber = q->value(4).toString();
    auto settings = ServiceSettings::fromJson(QJsonDocument::fromJson(q->value(5).toString().toUtf8()).object());
    if (!settings)
        return settings.error();
    o.settings = *settings;
    o.version = q->value(6).toLongLong();
    o.dirty = q->value(7).toBool();
    return o;
}

Result<Organisation> OrganisationRepository::create(Organisation org)
{
    if (Status s = org.validate(); !s)
        return s.error();
    if (auto existing = current(); existing)
        return Error{ErrorCode::Duplicate, tr("This store already holds the organisation %1.").arg(existing->domain), {}};
    if (org.id.isEmpty())
        org.id = newId();
    if (Status s = m_db.insertRecord(QStringLiteral("organisation"), QStringLiteral("organisation"), org.id, columnsOf(org), org.toJson()); !s)
        return s.error();
    org.dirty = true;
    return org;
}

Status OrganisationRepository::update(Organisation org)
{
    if (Status s = org.validate(); !s)
        return s;
    return m_db.updateRecord(QStringLiteral("organisation"), QStringLiteral("organisation"), org.id, columnsOf(org), org.toJson());
}

} // namespace centrale
