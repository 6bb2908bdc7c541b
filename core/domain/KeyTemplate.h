#pragma once

#include "domain/SipPhone.h"

namespace centrale {

// A named set of programmable keys attached to user groups: the keys appear on the phones of
// the groups' members, unless a phone has its own key at that index.
struct KeyTemplate : Record {
    Q_DECLARE_TR_FUNCTIONS(KeyTemplate)
public:
    static constexpr int MaxKeys = 48; // the largest key count of a supported model and then some

    QString name;
    QList<PhoneKey> keys;  // by index; an Empty key here blanks that key on the members' phones
    QStringList groupIds;  // the groups it is attached to; a group has at most one template

    const PhoneKey *key(int index) const;
    void setKey(const PhoneKey &key);
    bool clearKey(int index);

    Status normaliseAndValidate();
    QJsonObject toJson() const;
    // The inverse of toJson(), strict about types; does not validate (see JsonReader).
    static Result<KeyTemplate> fromJson(const QJsonObject &json);
};

// A template as it applies to one user: through which group.
struct AppliedTemplate {
    QString groupId;
    QString groupName;
    KeyTemplate keyTemplate;
};

// One key of a phone as it will be programmed, and where it comes from.
struct EffectiveKey {
    enum class Source {
        None,     // nothing programs it: the key is empty
        Phone,    // the phone's own key
        Template, // inherited from a key template through a group
    };
    PhoneKey key;
    Source source = Source::None;
    QString templateId;   // Template: the template; Phone: the template it overrides, if any
    QString templateName;
    QString groupName;
    bool overridesTemplate = false; // Phone: a template also programs this key

    bool inherited() const { return source == Source::Template; }
    // "Sales template (group Sales)" for a template key, empty otherwise.
    QString inheritedFrom() const;
};

// Every key of the phone's model, 1..keyCount, from the phone's own keys, then the templates in
// the order of the owner's groups (the first group whose template programs a key wins).
QList<EffectiveKey> effectiveKeys(const SipPhone &phone, const QList<AppliedTemplate> &templates);

} // namespace centrale
