#pragma once

#include "domain/Record.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace centrale {

struct PhoneKey {
    enum class Type { Empty, Extension, External };
    int index = 0; // 1-based, as printed next to the key
    Type type = Type::Empty;
    QString userId;      // Extension: the colleague
    QString displayName; // External: the label shown on the phone
    QString number;      // External: E.164
    bool operator==(const PhoneKey &) const = default;

    QJsonObject toJson() const;
    // Lenient: for keys this client stored itself; anything unreadable becomes a default.
    static PhoneKey fromJson(const QJsonObject &object);
    // The strict inverse of toJson(): index and type are required, a wrong type or an unknown key
    // type is refused with the field named under path (e.g. keys[3].number).
    static Result<PhoneKey> read(const QJsonObject &json, const QString &path = {});
};

struct SipPhone : Record {
    Q_DECLARE_TR_FUNCTIONS(SipPhone)
public:
    QString mac; // 12 upper-case hex digits, no separators
    QString model;
    QString ownerId; // user
    QString label;      // the administrator's name for the phone ("Reception desk")
    QString sipAddress; // host[:port] the phone listens on for SIP; empty when unknown
    QString sipUser;    // credentials the phone's SIP agent uses to challenge a reload request
    QString sipPassword;
    // The phone's own keys. A key index absent here inherits the key templates of the owner's
    // groups; an Empty key here is an explicit "nothing on this key" that hides the template's.
    QList<PhoneKey> keys;
    bool pendingPush = false; // changes not yet sent to the phone
    QString ownerName; // filled by list queries

    static QStringList models();
    static int keyCount(const QString &model);
    static QString keyTypeName(PhoneKey::Type type);
    static QString keyTypeLabel(PhoneKey::Type type);
    static QString formatMac(const QString &mac); // 00:04:13:AA:BB:CC
    static PhoneKey::Type keyTypeFromName(const QString &name, bool *ok = nullptr);
    // Checks and normalises what a key says (not its index): the colleague, the display name, the
    // number (to E.164).
    static Status normaliseKeyContent(PhoneKey &key);
    // "host[:port]" -> host and port (5060 when absent); an error says what is wrong.
    static Status parseSipAddress(const QString &address, QString *host = nullptr, quint16 *port = nullptr);
    // The phone's own key at index, or nullptr.
    const PhoneKey *ownKey(int index) const;
    // Sets (replaces) the phone's own key at key.index.
    void setOwnKey(const PhoneKey &key);
    // Removes the phone's own key at index: the key inherits again. Returns whether there was one.
    bool clearOwnKey(int index);

    Status normaliseAndValidate();
    QJsonObject toJson() const;
    // The inverse of toJson(), strict about types; does not validate (see JsonReader).
    static Result<SipPhone> fromJson(const QJsonObject &json);
};

} // namespace centrale
