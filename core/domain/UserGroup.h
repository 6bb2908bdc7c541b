#pragma once

#include "domain/Record.h"
#include "domain/ServiceSettings.h"

namespace centrale {

struct UserGroup : Record {
    Q_DECLARE_TR_FUNCTIONS(UserGroup)
public:
    QString name;
    QString description;
    ServiceSettings settings; // only what the group overrides
    int memberCount = 0;      // filled by list queries

    Status validate() const;
    QJsonObject toJson() const;
    // The inverse of toJson(), strict about types; does not validate (see JsonReader).
    static Result<UserGroup> fromJson(const QJsonObject &json);
};

} // namespace centrale
