#include "domain/Organisation.h"

#include "domain/JsonReader.h"
#include "domain/PhoneNumbers.h"
#include "domain/Validators.h"

#include <QUuid>

namespace centrale {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Status Organisation::validate() const
{
    if (Status s = Validators::domain(domain); !s)
        return s;
    if (Status s = Validators::requiredText(name, tr("Name"), QStringLiteral("name"), 120); !s)
        return s;
    if (Status s = Validators::language(language); !s)
        return s;
    if (!mainNumber.isEmpty()) {
        if (auto n = PhoneNumbers::toE164(mainNumber); !n)
            return Error::invalid(n.error().message, QStringLiteral("mainNumber"));
    }
    return settings.validate();
}

QJsonObject Organisation::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("domain"), domain},
            {QStringLiteral("name"), name},
            {QStringLiteral("language"), language},
            {QStringLiteral("mainNumber"), mainNumber},
            {QStringLiteral("settings"), settings.toJson()}};
}

Result<Organisation> Organisation::fromJson(const QJsonObject &json)
{
    Organisation o;
    JsonReader r(json);
    r.readRecord(o);
    r.readString("domain", o.domain);
    r.readString("name", o.name);
    r.readString("language", o.language);
    r.readString("mainNumber", o.mainNumber);
    r.readObject("settings", o.settings, &ServiceSettings::read);
    return r.result(o);
}

} // namespace centrale
