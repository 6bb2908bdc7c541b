#include "domain/UserGroup.h"

#include "domain/JsonReader.h"
#include "domain/Validators.h"

namespace centrale {

Status UserGroup::validate() const
{
    if (Status s = Validators::requiredText(name, tr("Group name"), QStringLiteral("name"), 80); !s)
        return s;
    if (Status s = Validators::optionalText(description, tr("Description"), QStringLiteral("description"), 500); !s)
        return s;
    return settings.validate();
}

QJsonObject UserGroup::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("description"), description},
            {QStringLiteral("settings"), settings.toJson()}};
}

Result<UserGroup> UserGroup::fromJson(const QJsonObject &json)
{
    UserGroup g;
    JsonReader r(json);
    r.readRecord(g);
    r.readString("name", g.name);
    r.readString("description", g.description);
    r.readObject("settings", g.settings, &ServiceSettings::read);
    r.readInt("memberCount", g.memberCount);
    return r.result(g);
}

} // namespace centrale
