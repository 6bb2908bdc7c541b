#include "domain/ServiceSettings.h"

#include "domain/JsonReader.h"

#include <algorithm>

namespace centrale {

QList<ServiceSettings::Key> ServiceSettings::keys()
{
    return {Key::Voicemail, Key::NoAnswerSeconds, Key::InternationalCalls, Key::CallRecording, Key::CallerId};
}

QString ServiceSettings::keyName(Key key)
{
    switch (key) {
    case Key::Voicemail: return QStringLiteral("voicemail");
    case Key::NoAnswerSeconds: return QStringLiteral("noAnswerSeconds");
    case Key::InternationalCalls: return QStringLiteral("internationalCalls");
    case Key::CallRecording: return QStringLiteral("callRecording");
    case Key::CallerId: return QStringLiteral("callerId");
    }
    return {};
}

QString ServiceSettings::label(Key key)
{
    switch (key) {
    case Key::Voicemail: return tr("Voicemail");
    case Key::NoAnswerSeconds: return tr("Forward on no answer after (seconds)");
    case Key::InternationalCalls: return tr("International calls allowed");
    case Key::CallRecording: return tr("Call recording");
    case Key::CallerId: return tr("Caller ID shown");
    }
    return {};
}

QString ServiceSettings::callerIdLabel(CallerId id)
{
    switch (id) {
    case CallerId::OwnNumber: return tr("Own direct number");
    case CallerId::MainNumber: return tr("Organisation's main number");
    case CallerId::Hidden: return tr("Hidden");
    }
    return {};
}

QString ServiceSettings::callerIdName(CallerId id)
{
    switch (id) {
    case CallerId::OwnNumber: return QStringLiteral("ownNumber");
    case CallerId::MainNumber: return QStringLiteral("mainNumber");
    case CallerId::Hidden: return QStringLiteral("hidden");
    }
    return {};
}

ServiceSettings ServiceSettings::organisationDefaults()
{
    ServiceSettings s;
    s.voicemail = true;
    s.noAnswerSeconds = 20;
    s.internationalCalls = false;
    s.callRecording = false;
    s.callerId = CallerId::OwnNumber;
    return s;
}

QVariant ServiceSettings::get(Key key) const
{
    switch (key) {
    case Key::Voicemail: return voicemail ? QVariant(*voicemail) : QVariant();
    case Key::NoAnswerSeconds: return noAnswerSeconds ? QVariant(*noAnswerSeconds) : QVariant();
    case Key::InternationalCalls: return internationalCalls ? QVariant(*internationalCalls) : QVariant();
    case Key::CallRecording: return callRecording ? QVariant(*callRecording) : QVariant();
    case Key::CallerId: return callerId ? QVariant(static_cast<int>(*callerId)) : QVariant();
    }
    return {};
}

QString ServiceSettings::displayValue(Key key) const
{
    const QVariant v = get(key);
    if (v.isNull())
        return tr("(inherited)");
    switch (key) {
    case Key::Voicemail:
    case Key::InternationalCalls:
    case Key::CallRecording: return v.toBool() ? tr("Yes") : tr("No");
    case Key::NoAnswerSeconds: return QString::number(v.toInt());
    case Key::CallerId: return callerIdLabel(static_cast<CallerId>(v.toInt()));
    }
    return {};
}

Status ServiceSettings::validate() const
{
    if (noAnswerSeconds && (*noAnswerSeconds < 5 || *noAnswerSeconds > 120))
        return Error::invalid(tr("Forward on no answer must be between 5 and 120 seconds, not %1.").arg(*noAnswerSeconds),
                              keyName(Key::NoAnswerSeconds));
    return {};
}

QJsonObject ServiceSettings::toJson() const
{
    QJsonObject o;
    for (Key key : keys()) {
        const QVariant v = get(key);
        if (v.isNull())
            continue;
        if (key == Key::CallerId) {
            o.insert(keyName(key), callerIdName(*callerId));
        } else {
            o.insert(keyName(key), QJsonValue::fromVariant(v));
        }
    }
    return o;
}

Result<ServiceSettings> ServiceSettings::fromJson(const QJsonObject &json)
{
    auto s = read(json);
    if (!s)
        return s;
    if (const Status st = s->validate(); !st)
        return st.error();
    return s;
}

Result<ServiceSettings> ServiceSettings::read(const QJsonObject &json, const QString &path)
{
    JsonReader r(json, path);
    const QList<Key> known = keys();
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (std::none_of(known.cbegin(), known.cend(), [&it](Key k) { return keyName(k) == it.key(); })) {
            const QString field = r.path(it.key());
            return Error::invalid(tr("%1 is not a known service setting.").arg(JsonReader::excerpt(field)), field);
        }
    }
    ServiceSettings s;
    const auto readFlag = [&r](Key key, std::optional<bool> &out) {
        const QByteArray name = keyName(key).toLatin1();
        bool value = false;
        if (r.has(name.constData()) && r.readBool(name.constData(), value))
            out = value;
    };
    readFlag(Key::Voicemail, s.voicemail);
    if (r.has("noAnswerSeconds")) {
        int seconds = 0;
        if (r.readInt("noAnswerSeconds", seconds))
            s.noAnswerSeconds = seconds;
    }
    readFlag(Key::InternationalCalls, s.internationalCalls);
    readFlag(Key::CallRecording, s.callRecording);
    if (r.has("callerId")) {
        CallerId id = CallerId::OwnNumber;
        if (r.readEnum("callerId", id, {CallerId::OwnNumber, CallerId::MainNumber, CallerId::Hidden}, &callerIdName))
            s.callerId = id;
    }
    return r.result(s);
}

QList<EffectiveSetting> EffectiveSetting::resolve(const ServiceSettings &user,
                                                  const QList<std::pair<QString, ServiceSettings>> &groupsInOrder,
                                                  const ServiceSettings &organisation)
{
    QList<EffectiveSetting> out;
    for (ServiceSettings::Key key : ServiceSettings::keys()) {
        EffectiveSetting e{key, {}, {}, Source::Organisation, {}};
        if (user.isSet(key)) {
            e.value = user.get(key);
            e.display = user.displayValue(key);
            e.source = Source::User;
        } else {
            bool found = false;
            for (const auto &[groupName, settings] : groupsInOrder) {
                if (settings.isSet(key)) {
                    e.value = settings.get(key);
                    e.display = settings.displayValue(key);
                    e.source = Source::Group;
                    e.sourceName = groupName;
                    found = true;
                    break;
                }
            }
            if (!found) {
                e.value = organisation.get(key);
                e.display = organisation.displayValue(key);
            }
        }
        out << e;
    }
    return out;
}

QString EffectiveSetting::sourceLabel(Source source, const QString &sourceName)
{
    switch (source) {
    case Source::User: return ServiceSettings::tr("User");
    case Source::Group: return ServiceSettings::tr("Group %1").arg(sourceName);
    case Source::Organisation: return ServiceSettings::tr("Organisation");
    }
    return {};
}

} // namespace centrale
