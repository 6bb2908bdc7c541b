#include "domain/KeyTemplate.h"

#include "domain/JsonReader.h"
#include "domain/Validators.h"

#include <QJsonArray>

namespace centrale {

const PhoneKey *KeyTemplate::key(int index) const
{
    for (const PhoneKey &k : keys) {
        if (k.index == index)
            return &k;
    }
    return nullptr;
}

void KeyTemplate::setKey(const PhoneKey &key)
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

bool KeyTemplate::clearKey(int index)
{
    return keys.removeIf([index](const PhoneKey &k) { return k.index == index; }) > 0;
}

Status KeyTemplate::normaliseAndValidate()
{
    name = name.trimmed();
    if (Status s = Validators::requiredText(name, tr("Template name"), QStringLiteral("name"), 60); !s)
        return s;
    QList<int> seen;
    for (PhoneKey &k : keys) {
        if (k.index < 1 || k.index > MaxKeys)
            return Error::invalid(tr("Key %1 does not exist; a template has keys 1 to %2.").arg(k.index).arg(MaxKeys), QStringLiteral("keys"));
        if (seen.contains(k.index))
            return Error::invalid(tr("Key %1 is programmed twice.").arg(k.index), QStringLiteral("keys"));
        seen << k.index;
        if (Status s = SipPhone::normaliseKeyContent(k); !s)
            return s;
    }
    std::sort(keys.begin(), keys.end(), [](const PhoneKey &a, const PhoneKey &b) { return a.index < b.index; });
    groupIds.removeDuplicates();
    return {};
}

QJsonObject KeyTemplate::toJson() const
{
    QJsonArray ks;
    for (const PhoneKey &k : keys)
        ks.append(k.toJson());
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("keys"), ks},
            {QStringLiteral("groupIds"), QJsonArray::fromStringList(groupIds)}};
}

QString EffectiveKey::inheritedFrom() const
{
    if (source != Source::Template)
        return {};
    //: where an inherited key comes from: %1 template name, %2 group name
    return KeyTemplate::tr("%1 (group %2)").arg(templateName, groupName);
}

QList<EffectiveKey> effectiveKeys(const SipPhone &phone, const QList<AppliedTemplate> &templates)
{
    QList<EffectiveKey> out;
    const int count = SipPhone::keyCount(phone.model);
    for (int index = 1; index <= count; ++index) {
        EffectiveKey e;
        e.key.index = index;
        const AppliedTemplate *from = nullptr;
        const PhoneKey *templateKey = nullptr;
        for (const AppliedTemplate &t : templates) {
            if (const PhoneKey *k = t.keyTemplate.key(index)) {
                from = &t;
                templateKey = k;
                break;
            }
        }
        if (from) {
            e.templateId = from->keyTemplate.id;
            e.templateName = from->keyTemplate.name;
            e.groupName = from->groupName;
        }
        if (const PhoneKey *own = phone.ownKey(index)) {
            e.key = *own;
            e.source = EffectiveKey::Source::Phone;
            e.overridesTemplate = templateKey != nullptr;
        } else if (templateKey) {
            e.key = *templateKey;
            e.source = EffectiveKey::Source::Template;
        }
        out << e;
    }
    return out;
}

Result<KeyTemplate> KeyTemplate::fromJson(const QJsonObject &json)
{
    KeyTemplate t;
    JsonReader r(json);
    r.readRecord(t);
    r.readString("name", t.name);
    r.readObjectList("keys", t.keys, &PhoneKey::read);
    r.readStringList("groupIds", t.groupIds);
    return r.result(t);
}

} // namespace centrale
