#pragma once

#include "domain/Record.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace centrale {

// A direct number of the organisation's pool: free, or assigned to one user or one function number.
struct PoolNumber : Record {
    Q_DECLARE_TR_FUNCTIONS(PoolNumber)
public:
    QString number; // E.164
    QString userId;
    QString functionId;
    QString assigneeName; // filled by list queries

    bool isFree() const { return userId.isEmpty() && functionId.isEmpty(); }
    Status normaliseAndValidate();
    QJsonObject toJson() const;
    // The inverse of toJson(), strict about types; does not validate (see JsonReader).
    static Result<PoolNumber> fromJson(const QJsonObject &json);
};

} // namespace centrale
