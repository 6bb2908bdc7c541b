#include "domain/UserGroup.h"

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

} // namespace centrale
