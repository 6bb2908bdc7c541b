#include "domain/SipPhone.h"

#include "domain/JsonReader.h"
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

PhoneKey::Type SipPhone::keyTypeFromName(const QString &name, bool *ok)
{
    for (auto t : {PhoneKey::Type::Empty, PhoneKey::Type::Extension, PhoneKey::Type::External}) {
        if (keyTypeName(t) == name) {
            if (ok)
                *ok = true;
            return t;
        }
    }
    if (ok)
        *ok = false;
    return PhoneKey::Type::Empty;
}

QJsonObject PhoneKey::toJson() const
{
    QJsonObject o{{QStringLiteral("index"), index}, {QStringLiteral("type"), SipPhone::keyTypeName(type)}};
    if (type == Type::Extension) {
        o.insert(QStringLiteral("userId"), userId);
        if (!displayName.isEmpty())
            o.insert(QStringLiteral("displayName"), displayName);
    }
    if (type == Type::External) {
        o.insert(QStringLiteral("displayName"), displayName);
        o.insert(QStringLiteral("number"), number);
    }
    return o;
}

PhoneKey PhoneKey::fromJson(const QJsonObject &v)
{
    PhoneKey k;
    k.index = v[QLatin1String("index")].toInt();
    k.type = SipPhone::keyTypeFromName(v[QLatin1String("type")].toString());
    k.userId = v[QLatin1String("userId")].toString();
    k.displayName = v[QLatin1String("displayName")].toString();
    k.number = v[QLatin1String("number")].toString();
    return k;
}

Result<PhoneKey> PhoneKey::read(const QJsonObject &json, const QString &path)
{
    PhoneKey k;
    JsonReader r(json, path);
    r.readInt("index", k.index, true);
    r.readEnum("type", k.type, {Type::Empty, Type::Extension, Type::External}, &SipPhone::keyTypeName, true);
    r.readString("userId", k.userId);
    r.readString("displayName", k.displayName);
    r.readString("number", k.number);
    return r.result(k);
}

Status SipPhone::normaliseKeyContent(PhoneKey &key)
{
    switch (key.type) {
    case PhoneKey::Type::Empty:
        key.userId.clear();
        key.displayName.clear();
        key.number.clear();
        break;
    case PhoneKey::Type::Extension:
        if (key.userId.isEmpty())
            return Error::invalid(tr("Key %1: choose the colleague whose extension it calls.").arg(key.index), QStringLiteral("keys"));
        key.displayName = key.displayName.trimmed();
        if (Status s = Validators::optionalText(key.displayName, tr("Key %1: label").arg(key.index), QStringLiteral("keys"), 24); !s)
            return s;
        key.number.clear();
        break;
    case PhoneKey::Type::External: {
        key.displayName = key.displayName.trimmed();
        if (Status s = Validators::requiredText(key.displayName, tr("Key %1: display name").arg(key.index), QStringLiteral("keys"), 24); !s)
            return s;
        auto n = PhoneNumbers::toE164(key.number);
        if (!n)
            return Error::invalid(tr("Key %1: %2").arg(key.index).arg(n.error().message), QStringLiteral("keys"));
        key.number = *n;
        key.userId.clear();
        break;
    }
    }
    return {};
}

Status SipPhone::parseSipAddress(const QString &address, QString *host, quint16 *port)
{
    // host, IPv4 or [IPv6], optionally followed by :port.
    static const QRegularExpression form(QStringLiteral(
        "^(?<host>\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)(:(?<port>[0-9]{1,5}))?$"));
    const QRegularExpressionMatch m = form.match(address.trimmed());
    const int portValue = m.hasMatch() && !m.captured(QStringLiteral("port")).isEmpty() ? m.captured(QStringLiteral("port")).toInt() : 5060;
    if (!m.hasMatch() || portValue < 1 || portValue > 65535)
        return Error::invalid(tr("%1 is not a SIP address; write the phone's host name or IP address, optionally followed by :port, e.g. 192.168.1.20:5060.")
                                  .arg(address),
                              QStringLiteral("sipAddress"));
    if (host) {
        *host = m.captured(QStringLiteral("host"));
        if (host->startsWith(QLatin1Char('[')))
            *host = host->mid(1, host->size() - 2);
    }
    if (port)
        *port = static_cast<quint16>(portValue);
    return {};
}

const PhoneKey *SipPhone::ownKey(int index) const
{
    for (const PhoneKey &k : keys) {
        if (k.index == index)
            return &k;
    }
    return nullptr;
}

void SipPhone::setOwnKey(const PhoneKey &key)
{
    for (PhoneKey &k : keys) {
        if (k.index == key.index) {
            k = key;
            return;
        }
    }
    keys << key;
    std::sort(keys.begin(), keys.end(), [](const PhoneKey &a, const PhoneKey &b) { return a.index < b.index; });
}

bool SipPhone::clearOwnKey(int index)
{
    return keys.removeIf([index](const PhoneKey &k) { return k.index == index; }) > 0;
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
    label = label.trimmed();
    if (Status s = Validators::optionalText(label, tr("Label"), QStringLiteral("label"), 40); !s)
        return s;
    sipAddress = sipAddress.trimmed();
    if (!sipAddress.isEmpty()) {
        if (Status s = parseSipAddress(sipAddress); !s)
            return s;
    }
    if (Status s = Validators::optionalText(sipUser, tr("SIP user"), QStringLiteral("sipUser"), 64); !s)
        return s;
    if (Status s = Validators::optionalText(sipPassword, tr("SIP password"), QStringLiteral("sipPassword"), 128); !s)
        return s;
    QList<int> seen;
    for (PhoneKey &key : keys) {
        if (key.index < 1 || key.index > count)
            return Error::invalid(tr("Key %1 does not exist on a %2, which has keys 1 to %3.").arg(key.index).arg(model).arg(count),
                                  QStringLiteral("keys"));
        if (seen.contains(key.index))
            return Error::invalid(tr("Key %1 is programmed twice.").arg(key.index), QStringLiteral("keys"));
        seen << key.index;
        if (Status s = normaliseKeyContent(key); !s)
            return s;
    }
    std::sort(keys.begin(), keys.end(), [](const PhoneKey &a, const PhoneKey &b) { return a.index < b.index; });
    return {};
}

QJsonObject SipPhone::toJson() const
{
    QJsonArray ks;
    for (const PhoneKey &k : keys)
        ks.append(k.toJson());
    // The SIP password stays local: it answers the phone's challenge and is not the server's business.
    return {{QStringLiteral("id"), id},
            {QStringLiteral("mac"), mac},
            {QStringLiteral("model"), model},
            {QStringLiteral("ownerId"), ownerId},
            {QStringLiteral("label"), label},
            {QStringLiteral("sipAddress"), sipAddress},
            {QStringLiteral("sipUser"), sipUser},
            {QStringLiteral("keys"), ks}};
}

Result<SipPhone> SipPhone::fromJson(const QJsonObject &json)
{
    // The SIP password is not part of the record (see toJson()): it stays as the caller has it.
    SipPhone p;
    JsonReader r(json);
    r.readRecord(p);
    r.readString("mac", p.mac);
    r.readString("model", p.model);
    r.readString("ownerId", p.ownerId);
    r.readString("label", p.label);
    r.readString("sipAddress", p.sipAddress);
    r.readString("sipUser", p.sipUser);
    r.readObjectList("keys", p.keys, &PhoneKey::read);
    r.readBool("pendingPush", p.pendingPush);
    r.readString("ownerName", p.ownerName);
    return r.result(p);
}

} // namespace centrale
