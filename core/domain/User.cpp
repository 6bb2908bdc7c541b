#include "domain/User.h"

#include "domain/JsonReader.h"
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

Result<User> User::fromJson(const QJsonObject &json)
{
    // Neither the PIN nor the photo is part of the record: they have their own requests.
    User u;
    JsonReader r(json);
    r.readRecord(u);
    r.readString("username", u.username);
    r.readString("firstName", u.firstName);
    r.readString("lastName", u.lastName);
    r.readString("email", u.email);
    r.readString("mobile", u.mobile);
    r.readString("language", u.language);
    r.readStringList("groups", u.groupIds);
    r.readObject("settings", u.settings, &ServiceSettings::read);
    r.readString("directNumber", u.directNumber);
    return r.result(u);
}

} // namespace centrale
