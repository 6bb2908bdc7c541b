#pragma once

#include "domain/Record.h"
#include "domain/ServiceSettings.h"

#include <QByteArray>
#include <QStringList>

namespace centrale {

struct User : Record {
    Q_DECLARE_TR_FUNCTIONS(User)
public:
    QString username; // user.1@domaincustomer.be
    QString firstName;
    QString lastName;
    QString email;
    QString mobile; // E.164
    QString language = QStringLiteral("fr");
    QStringList groupIds; // in membership order: the first group wins for settings
    ServiceSettings settings; // only what the user overrides
    QString pinHash;
    QByteArray photo; // JPEG
    QString directNumber; // read-only here: assigned through the number pool

    QString displayName() const;
    // Normalises the mobile number to E.164 and validates every field.
    Status normaliseAndValidate(const QString &organisationDomain);
    QJsonObject toJson() const;
    // The inverse of toJson(), strict about types; does not validate (see JsonReader).
    static Result<User> fromJson(const QJsonObject &json);
};

} // namespace centrale
