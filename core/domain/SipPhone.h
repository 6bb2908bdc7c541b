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
};

struct SipPhone : Record {
    Q_DECLARE_TR_FUNCTIONS(SipPhone)
public:
    QString mac; // 12 upper-case hex digits, no separators
    QString model;
    QString ownerId; // user
    QList<PhoneKey> keys;
    bool pendingPush = false; // changes not yet sent to the phone
    QString ownerName; // filled by list queries

    static QStringList models();
    static int keyCount(const QString &model);
    static QString keyTypeName(PhoneKey::Type type);
    static QString keyTypeLabel(PhoneKey::Type type);
    static QString formatMac(const QString &mac); // 00:04:13:AA:BB:CC

    Status normaliseAndValidate();
    QJsonObject toJson() const;
};

} // namespace centrale
