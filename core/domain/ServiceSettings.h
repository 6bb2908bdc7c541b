#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QVariant>

#include <optional>

namespace centrale {

// Service settings that can be set on the organisation, a user group or a user. A user's
// effective value is its own, else that of its first group (in membership order) that sets it,
// else the organisation's.
class ServiceSettings final {
    Q_DECLARE_TR_FUNCTIONS(ServiceSettings)
public:
    enum class Key { Voicemail, NoAnswerSeconds, InternationalCalls, CallRecording, CallerId };
    enum class CallerId { OwnNumber, MainNumber, Hidden };

    std::optional<bool> voicemail;
    std::optional<int> noAnswerSeconds; // 5..120
    std::optional<bool> internationalCalls;
    std::optional<bool> callRecording;
    std::optional<CallerId> callerId;

    static QList<Key> keys();
    static QString keyName(Key key);   // stable, for JSON and the CLI
    static QString label(Key key);     // translated
    static QString callerIdLabel(CallerId id);
    static ServiceSettings organisationDefaults();

    QVariant get(Key key) const; // null when unset
    bool isSet(Key key) const { return !get(key).isNull(); }
    QString displayValue(Key key) const;

    Status validate() const;
    QJsonObject toJson() const;
    // Reads and validates (validate()): for settings stored by this client.
    static Result<ServiceSettings> fromJson(const QJsonObject &json);
    // Reads strictly, without validate(): a value of the wrong type or an unknown key is refused,
    // with the field named under path (e.g. settings.callerId).
    static Result<ServiceSettings> read(const QJsonObject &json, const QString &path = {});
    static QString callerIdName(CallerId id); // stable: ownNumber|mainNumber|hidden
    bool operator==(const ServiceSettings &) const = default;
};

struct EffectiveSetting {
    enum class Source { User, Group, Organisation };
    ServiceSettings::Key key;
    QVariant value;
    QString display;
    Source source;
    QString sourceName; // the group's name when source is Group

    // A user's effective settings: its own, else its groups' in order, else the organisation's.
    static QList<EffectiveSetting> resolve(const ServiceSettings &user,
                                           const QList<std::pair<QString, ServiceSettings>> &groupsInOrder,
                                           const ServiceSettings &organisation);
    static QString sourceLabel(Source source, const QString &sourceName);
};

} // namespace centrale
