#include "domain/User.h"

#include "domain/PhoneNumbers.h"
#include "domain/Validators.h"

#include <QJsonArray>

namespace centrale {

QString User::displayName() const
{
    const QString full = QString(firstName + QLatin1Char(' ') + lastName).trimmed();
    return full.isEmpty() ? username : full;
}

Status User::normaliseAndValidate(const QString &organisationDomain)
{
    username = username.trimmed().toLower();
    firstName = firstName.trimmed();
    lastName = lastName.trimmed();
    email = email.trimmed();
    if (Status s = Validators::username(username, organisationDomain); !s)
        return s;
    if (Status s = Validators::requiredText(firstName, tr("First name"), QStringLiteral("firstName"), 80); !s)
        return s;
    if (Status s = Validators::requiredText(lastName, tr("Last name"), QStringLiteral("lastName"), 80); !s)
        return s;
    if (Status s = Validators::email(email); !s)
        return s;
    if (Status s = Validators::language(language); !s)
        return s;
    if (!mobile.trimmed().isEmpty()) {
        auto n = PhoneNumbers::toE164(mobile, PhoneNumbers::Kind::Mobile);
        if (!n)
            return Error::invalid(n.error().message, QStringLiteral("mobile"));
        mobile = *n;
    } else {
        mobile.clear();
    }
    if (groupIds.removeDuplicates() > 0)
        return Error::invalid(tr("A user cannot be in the same group twice."), QStringLiteral("groups"));
    return settings.validate();
}

QJsonObject User::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("username"), username},
            {QStringLiteral("firstName"), firstName},
            {QStringLiteral("lastName"), lastName},
            {QStringLiteral("email"), email},
            {QStringLiteral("mobile"), mobile},
            {QStringLiteral("language"), language},
            {QStringLiteral("groups"), QJsonArray::fromStringList(groupIds)},
            {QStringLiteral("settings"), settings.toJson()}};
}

} // namespace centrale
