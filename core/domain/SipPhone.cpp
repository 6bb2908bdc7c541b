#include "domain/SipPhone.h"

#include "domain/PhoneNumbers.h"
#include "domain/Validators.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace centrale {

namespace {
struct ModelInfo {
    const char *name;
    int keys;
};
constexpr ModelInfo kModels[] = {
    {"Snom D715", 4},  {"Snom D735", 32}, {"Snom D785", 24},
    {"Yealink T54W", 27}, {"Yealink T57W", 29}, {"Mitel 6867i", 12},
};
} // namespace

QStringList SipPhone::models()
{
    QStringList out;
    for (const ModelInfo &m : kModels)
        out << QLatin1String(m.name);
    return out;
}

int SipPhone::keyCount(const QString &model)
{
    for (const ModelInfo &m : kModels) {
        if (model == QLatin1String(m.name))
            return m.keys;
    }
    return 0;
}

QString SipPhone::keyTypeName(PhoneKey::Type type)
{
    switch (type) {
    case PhoneKey::Type::Empty: return QStringLiteral("empty");
    case PhoneKey::Type::Extension: return QStringLiteral("extension");
    case PhoneKey::Type::External: return QStringLiteral("external");
    }
    return {};
}

QString SipPhone::keyTypeLabel(PhoneKey::Type type)
{
    switch (type) {
    case PhoneKey::Type::Empty: return tr("Empty");
    case PhoneKey::Type::Extension: return tr("Extension");
    case PhoneKey::Type::External: return tr("Phone number");
    }
    return {};
}

QString SipPhone::formatMac(const QString &mac)
{
    QString out;
    for (int i = 0; i < mac.size(); i += 2) {
        if (i)
            out += QLatin1Char(':');
        out += mac.mid(i, 2);
    }
    return out;
}

Status SipPhone::normaliseAndValidate()
{
    static const QRegularExpression separators(QStringLiteral("[:\\-. ]"));
    static const QRegularExpression hex12(QStringLiteral("^[0-9A-F]{12}$"));
    const QString original = mac;
    mac = mac.toUpper().remove(separators);
    if (!hex12.match(mac).hasMatch())
        return Error::invalid(tr("%1 is not a MAC address; it must have 12 hexadecimal digits, e.g. 00:04:13:2A:3B:4C.").arg(original),
                              QStringLiteral("mac"));
    const int count = keyCount(model);
    if (count == 0)
        return Error::invalid(tr("%1 is not a supported phone model; choose one of: %2.").arg(model, models().join(QStringLiteral(", "))),
                              QStringLiteral("model"));
    QList<int> seen;
    for (PhoneKey &key : keys) {
        if (key.index < 1 || key.index > count)
            return Error::invalid(tr("Key %1 does not exist on a %2, which has keys 1 to %3.").arg(key.index).arg(model).arg(count),
                                  QStringLiteral("keys"));
        if (seen.contains(key.index))
            return Error::invalid(tr("Key %1 is programmed twice.").arg(key.index), QStringLiteral("keys"));
        seen << key.index;
        switch (key.type) {
        case PhoneKey::Type::Empty: break;
        case PhoneKey::Type::Extension:
            if (key.userId.isEmpty())
                return Error::invalid(tr("Key %1: choose the colleague whose extension it calls.").arg(key.index), QStringLiteral("keys"));
            break;
        case PhoneKey::Type::External: {
            if (Status s = Validators::requiredText(key.displayName, tr("Key %1: display name").arg(key.index), QStringLiteral("keys"), 24); !s)
                return s;
            auto n = PhoneNumbers::toE164(key.number);
            if (!n)
                return Error::invalid(tr("Key %1: %2").arg(key.index).arg(n.error().message), QStringLiteral("keys"));
            key.number = *n;
            break;
        }
        }
    }
    std::sort(keys.begin(), keys.end(), [](const PhoneKey &a, const PhoneKey &b) { return a.index < b.index; });
    return {};
}

QJsonObject SipPhone::toJson() const
{
    QJsonArray ks;
    for (const PhoneKey &k : keys) {
        QJsonObject o{{QStringLiteral("index"), k.index}, {QStringLiteral("type"), keyTypeName(k.type)}};
        if (k.type == PhoneKey::Type::Extension)
            o.insert(QStringLiteral("userId"), k.userId);
        if (k.type == PhoneKey::Type::External) {
            o.insert(QStringLiteral("displayName"), k.displayName);
            o.insert(QStringLiteral("number"), k.number);
        }
        ks.append(o);
    }
    return {{QStringLiteral("id"), id},
            {QStringLiteral("mac"), mac},
            {QStringLiteral("model"), model},
            {QStringLiteral("ownerId"), ownerId},
            {QStringLiteral("keys"), ks}};
}

} // namespace centrale
