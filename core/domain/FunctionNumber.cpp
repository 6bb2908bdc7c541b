#include "domain/FunctionNumber.h"

#include "domain/JsonReader.h"
#include "domain/PhoneNumbers.h"
#include "domain/Validators.h"

namespace centrale {

QString openStateName(OpenState state)
{
    return state == OpenState::Open ? QStringLiteral("open") : QStringLiteral("closed");
}

QString openStateLabel(OpenState state)
{
    return state == OpenState::Open ? FunctionNumber::tr("Open") : FunctionNumber::tr("Closed");
}

Result<OpenState> openStateFromName(const QString &name)
{
    if (name == QLatin1String("open"))
        return OpenState::Open;
    if (name == QLatin1String("closed"))
        return OpenState::Closed;
    return Error::invalid(FunctionNumber::tr("%1 is not a state; use open or closed.").arg(name), QStringLiteral("state"));
}

Status FunctionNumber::normaliseAndValidate()
{
    auto n = PhoneNumbers::toE164(number);
    if (!n)
        return Error::invalid(n.error().message, QStringLiteral("number"));
    number = *n;
    return Validators::requiredText(name, tr("Name"), QStringLiteral("name"), 80);
}

QJsonObject FunctionNumber::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("number"), number},
            {QStringLiteral("name"), name},
            {QStringLiteral("defaultState"), openStateName(defaultState)}};
}

Result<FunctionNumber> FunctionNumber::fromJson(const QJsonObject &json)
{
    FunctionNumber f;
    JsonReader r(json);
    r.readRecord(f);
    r.readString("number", f.number);
    r.readString("name", f.name);
    r.readEnum("defaultState", f.defaultState, {OpenState::Open, OpenState::Closed}, &openStateName);
    r.readInt("eventCount", f.eventCount);
    return r.result(f);
}

} // namespace centrale
