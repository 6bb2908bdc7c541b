#include "domain/Contact.h"

#include "domain/JsonReader.h"
#include "domain/PhoneNumbers.h"
#include "domain/Validators.h"

#include <QJsonArray>

namespace centrale {

QString Contact::displayName() const
{
    const QString full = QString(firstName + QLatin1Char(' ') + lastName).trimmed();
    return full.isEmpty() ? company : full;
}

QString Contact::scopeName(Scope scope)
{
    switch (scope) {
    case Scope::Organisation: return QStringLiteral("organisation");
    case Scope::Group: return QStringLiteral("group");
    case Scope::User: return QStringLiteral("user");
    }
    return {};
}

QString Contact::scopeLabel(Scope scope)
{
    switch (scope) {
    case Scope::Organisation: return tr("Organisation");
    case Scope::Group: return tr("User group");
    case Scope::User: return tr("User");
    }
    return {};
}

Result<Contact::Scope> Contact::scopeFromName(const QString &name)
{
    for (Scope s : {Scope::Organisation, Scope::Group, Scope::User}) {
        if (scopeName(s) == name)
            return s;
    }
    return Error::invalid(tr("%1 is not a contact level; use organisation, group or user.").arg(name), QStringLiteral("scope"));
}

Status Contact::normaliseAndValidate()
{
    firstName = firstName.trimmed();
    lastName = lastName.trimmed();
    company = company.trimmed();
    email = email.trimmed();
    if (firstName.isEmpty() && lastName.isEmpty() && company.isEmpty())
        return Error::invalid(tr("A contact needs a first name, a last name or a company."), QStringLiteral("name"));
    for (const auto &[value, label, field] : {std::tuple{firstName, tr("First name"), QStringLiteral("firstName")},
                                              std::tuple{lastName, tr("Last name"), QStringLiteral("lastName")},
                                              std::tuple{company, tr("Company"), QStringLiteral("company")}}) {
        if (Status s = Validators::optionalText(value, label, field, 120); !s)
            return s;
    }
    if (Status s = Validators::email(email); !s)
        return s;
    if ((scope == Scope::Organisation) != ownerId.isEmpty())
        return Error::invalid(scope == Scope::Organisation
                                  ? tr("An organisation contact cannot belong to a group or a user.")
                                  : tr("Choose the group or the user this contact belongs to."),
                              QStringLiteral("owner"));
    if (numbers.isEmpty())
        return Error::invalid(tr("Add at least one phone number (always in the +32 format)."), QStringLiteral("numbers"));
    for (ContactNumber &n : numbers) {
        auto e164 = PhoneNumbers::toE164(n.number);
        if (!e164)
            return Error::invalid(e164.error().message, QStringLiteral("numbers"));
        n.number = *e164;
        n.label = n.label.trimmed();
        if (Status s = Validators::optionalText(n.label, tr("Number label"), QStringLiteral("numbers"), 40); !s)
            return s;
    }
    return {};
}

QJsonObject Contact::toJson() const
{
    QJsonArray nums;
    for (const ContactNumber &n : numbers)
        nums.append(QJsonObject{{QStringLiteral("label"), n.label}, {QStringLiteral("number"), n.number}});
    return {{QStringLiteral("id"), id},
            {QStringLiteral("scope"), scopeName(scope)},
            {QStringLiteral("ownerId"), ownerId},
            {QStringLiteral("firstName"), firstName},
            {QStringLiteral("lastName"), lastName},
            {QStringLiteral("company"), company},
            {QStringLiteral("email"), email},
            {QStringLiteral("numbers"), nums}};
}

Result<Contact> Contact::fromJson(const QJsonObject &json)
{
    Contact c;
    JsonReader r(json);
    r.readRecord(c);
    r.readEnum("scope", c.scope, {Scope::Organisation, Scope::Group, Scope::User}, &scopeName);
    r.readString("ownerId", c.ownerId);
    r.readString("firstName", c.firstName);
    r.readString("lastName", c.lastName);
    r.readString("company", c.company);
    r.readString("email", c.email);
    r.readObjectList("numbers", c.numbers, [](const QJsonObject &o, const QString &path) -> Result<ContactNumber> {
        ContactNumber n;
        JsonReader nr(o, path);
        nr.readString("label", n.label);
        nr.readString("number", n.number);
        return nr.result(n);
    });
    r.readString("sourceName", c.sourceName);
    return r.result(c);
}

} // namespace centrale
