#pragma once

#include "domain/Record.h"
#include "domain/ServiceSettings.h"

namespace centrale {

struct Organisation : Record {
    Q_DECLARE_TR_FUNCTIONS(Organisation)
public:
    QString domain;
    QString name;
    QString language = QStringLiteral("fr");
    QString mainNumber; // E.164, optional
    ServiceSettings settings = ServiceSettings::organisationDefaults();

    Status validate() const;
    QJsonObject toJson() const;
    // The inverse of toJson(), strict about types; does not validate (see JsonReader).
    static Result<Organisation> fromJson(const QJsonObject &json);
};

} // namespace centrale
