#include "domain/PoolNumber.h"

#include "domain/JsonReader.h"
#include "domain/PhoneNumbers.h"

namespace centrale {

Status PoolNumber::normaliseAndValidate()
{
    auto n = PhoneNumbers::toE164(number);
    if (!n)
        return Error::invalid(n.error().message, QStringLiteral("number"));
    number = *n;
    if (!userId.isEmpty() && !functionId.isEmpty())
        return Error::invalid(tr("A number can be assigned to a user or to a function number, not both."), QStringLiteral("assignee"));
    return {};
}

QJsonObject PoolNumber::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("number"), number},
            {QStringLiteral("userId"), userId},
            {QStringLiteral("functionId"), functionId}};
}

Result<PoolNumber> PoolNumber::fromJson(const QJsonObject &json)
{
    PoolNumber n;
    JsonReader r(json);
    r.readRecord(n);
    r.readString("number", n.number);
    r.readString("userId", n.userId);
    r.readString("functionId", n.functionId);
    r.readString("assigneeName", n.assigneeName);
    return r.result(n);
}

} // namespace centrale
