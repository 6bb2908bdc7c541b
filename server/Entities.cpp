#include "Entities.h"

#include "audio/PromptConverter.h"
#include "domain/Contact.h"
#include "domain/FunctionNumber.h"
#include "domain/KeyTemplate.h"
#include "domain/Organisation.h"
#include "domain/PoolNumber.h"
#include "domain/ScheduleEvent.h"
#include "domain/SipPhone.h"
#include "domain/User.h"
#include "domain/UserGroup.h"
#include "domain/VoicePrompt.h"

#include <QJsonArray>
#include <QTimeZone>

#include <cmath>

namespace centrale::server {

namespace {

QString str(const QJsonObject &o, const char *field)
{
    return o.value(QLatin1String(field)).toString();
}

QString joinFields(const QJsonObject &o, std::initializer_list<const char *> fields)
{
    QStringList parts;
    for (const char *f : fields)
        parts << str(o, f);
    return Entities::fold(parts.join(QLatin1Char(' ')));
}

// fromJson, then the domain's own rules, then the canonical JSON.
template <typename T, typename Validate>
Result<QJsonObject> rebuild(const QJsonObject &body, Validate validate)
{
    Result<T> record = T::fromJson(body);
    if (!record)
        return record.error();
    T value = std::move(record).value();
    if (Status s = validate(value); !s)
        return s.error();
    return value.toJson();
}

void addRef(QList<Reference> &refs, const QString &entity, const QString &id, const QString &field)
{
    if (!id.isEmpty())
        refs.append({entity, id, field});
}

QList<Reference> keyRefs(const QJsonObject &o)
{
    QList<Reference> refs;
    const QJsonArray keys = o.value(QLatin1String("keys")).toArray();
    for (const QJsonValue &k : keys)
        addRef(refs, QStringLiteral("user"), k.toObject().value(QLatin1String("userId")).toString(), QStringLiteral("keys"));
    return refs;
}

QList<EntityType> makeEntities()
{
    QList<EntityType> list;
    auto noRefs = [](const QJsonObject &) { return QList<Reference>{}; };

    // The organisation itself: one record, at the organisation's own path.
    EntityType organisation;
    organisation.name = QStringLiteral("organisation");
    organisation.sortFields = {QStringLiteral("name")};
    organisation.normalise = [](const QJsonObject &b, const QString &domain) -> Result<QJsonObject> {
        Result<Organisation> record = Organisation::fromJson(b);
        if (!record)
            return record.error();
        if (record->domain.compare(domain, Qt::CaseInsensitive) != 0)
            return Error::invalid(Entities::tr("The domain of an organisation cannot change."), QStringLiteral("domain"));
        if (Status s = record->validate(); !s)
            return s.error();
        QJsonObject json = record->toJson();
        const QJsonValue zone = b.value(QLatin1String("timeZone"));
        if (zone.isString() && !zone.toString().isEmpty() && !QTimeZone(zone.toString().toLatin1()).isValid())
            return Error::invalid(Entities::tr("Unknown time zone %1.").arg(zone.toString()), QStringLiteral("timeZone"));
        json.insert(QStringLiteral("timeZone"), zone.isString() && !zone.toString().isEmpty() ? zone.toString() : QStringLiteral("Europe/Brussels"));
        return json;
    };
    organisation.naturalKey = [](const QJsonObject &o) { return str(o, "domain").toLower(); };
    organisation.searchText = [](const QJsonObject &o) { return joinFields(o, {"name", "domain"}); };
    organisation.references = noRefs;
    list << organisation;

    EntityType group;
    group.name = QStringLiteral("group");
    group.segment = QStringLiteral("groups");
    group.sortFields = {QStringLiteral("name")};
    group.normalise = [](const QJsonObject &b, const QString &) {
        return rebuild<UserGroup>(b, [](UserGroup &g) { g.name = g.name.trimmed(); return g.validate(); });
    };
    group.naturalKey = [](const QJsonObject &o) { return Entities::fold(str(o, "name")); };
    group.searchText = [](const QJsonObject &o) { return joinFields(o, {"name", "description"}); };
    group.references = noRefs;
    list << group;

    EntityType user;
    user.name = QStringLiteral("user");
    user.segment = QStringLiteral("users");
    user.sortFields = {QStringLiteral("lastName"), QStringLiteral("firstName"), QStringLiteral("username")};
    user.normalise = [](const QJsonObject &b, const QString &domain) {
        return rebuild<User>(b, [&](User &u) { return u.normaliseAndValidate(domain); });
    };
    user.naturalKey = [](const QJsonObject &o) { return str(o, "username").toLower(); };
    user.searchText = [](const QJsonObject &o) { return joinFields(o, {"lastName", "firstName", "username", "email", "mobile"}); };
    user.references = [](const QJsonObject &o) {
        QList<Reference> refs;
        for (const QJsonValue &g : o.value(QLatin1String("groups")).toArray())
            addRef(refs, QStringLiteral("group"), g.toString(), QStringLiteral("groups"));
        return refs;
    };
    list << user;

    EntityType contact;
    contact.name = QStringLiteral("contact");
    contact.segment = QStringLiteral("contacts");
    contact.sortFields = {QStringLiteral("lastName"), QStringLiteral("firstName"), QStringLiteral("company")};
    contact.sortName = QStringLiteral("name"); // last name, then first name
    contact.normalise = [](const QJsonObject &b, const QString &) {
        return rebuild<Contact>(b, [](Contact &c) { return c.normaliseAndValidate(); });
    };
    contact.naturalKey = [](const QJsonObject &) { return QString(); };
    contact.searchText = [](const QJsonObject &o) { return joinFields(o, {"lastName", "firstName", "company", "email"}); };
    contact.references = [](const QJsonObject &o) {
        QList<Reference> refs;
        const QString scope = str(o, "scope");
        if (scope == QLatin1String("group"))
            addRef(refs, QStringLiteral("group"), str(o, "ownerId"), QStringLiteral("ownerId"));
        else if (scope == QLatin1String("user"))
            addRef(refs, QStringLiteral("user"), str(o, "ownerId"), QStringLiteral("ownerId"));
        return refs;
    };
    list << contact;

    EntityType number;
    number.name = QStringLiteral("number");
    number.segment = QStringLiteral("numbers");
    number.sortFields = {QStringLiteral("number")};
    number.normalise = [](const QJsonObject &b, const QString &) {
        return rebuild<PoolNumber>(b, [](PoolNumber &n) { return n.normaliseAndValidate(); });
    };
    number.naturalKey = [](const QJsonObject &o) { return str(o, "number"); };
    number.searchText = [](const QJsonObject &o) { return joinFields(o, {"number"}); };
    number.references = [](const QJsonObject &o) {
        QList<Reference> refs;
        addRef(refs, QStringLiteral("user"), str(o, "userId"), QStringLiteral("userId"));
        addRef(refs, QStringLiteral("function"), str(o, "functionId"), QStringLiteral("functionId"));
        return refs;
    };
    list << number;

    EntityType prompt;
    prompt.name = QStringLiteral("prompt");
    prompt.segment = QStringLiteral("prompts");
    prompt.sortFields = {QStringLiteral("name")};
    prompt.normalise = [](const QJsonObject &b, const QString &) -> Result<QJsonObject> {
        Result<VoicePrompt> record = VoicePrompt::fromJson(b);
        if (!record)
            return record.error();
        VoicePrompt p = std::move(record).value();
        if (Status s = p.normaliseAndValidate(); !s)
            return s.error();
        if (!p.audio.isEmpty()) {
            // Never the client's word for it: the audio is decoded again and its duration measured.
            Result<qint64> duration = Entities::checkPromptAudio(p.audio);
            if (!duration)
                return duration.error();
            p.durationMs = duration.value();
        }
        return p.toJson();
    };
    prompt.naturalKey = [](const QJsonObject &o) { return Entities::fold(str(o, "name")); };
    prompt.searchText = [](const QJsonObject &o) { return joinFields(o, {"name", "description"}); };
    prompt.references = noRefs;
    list << prompt;

    EntityType function;
    function.name = QStringLiteral("function");
    function.segment = QStringLiteral("functions");
    function.sortFields = {QStringLiteral("name"), QStringLiteral("number")};
    function.normalise = [](const QJsonObject &b, const QString &) {
        return rebuild<FunctionNumber>(b, [](FunctionNumber &f) { return f.normaliseAndValidate(); });
    };
    function.naturalKey = [](const QJsonObject &o) { return str(o, "number"); };
    function.searchText = [](const QJsonObject &o) { return joinFields(o, {"name", "number"}); };
    function.references = noRefs;
    list << function;

    EntityType event;
    event.name = QStringLiteral("event");
    event.segment = QStringLiteral("events");
    event.parentEntity = QStringLiteral("function");
    event.parentField = QStringLiteral("functionId");
    event.sortFields = {QStringLiteral("position")};
    event.normalise = [](const QJsonObject &b, const QString &) {
        return rebuild<ScheduleEvent>(b, [](ScheduleEvent &e) { return e.normaliseAndValidate(); });
    };
    event.naturalKey = [](const QJsonObject &) { return QString(); };
    event.searchText = [](const QJsonObject &o) { return joinFields(o, {"title"}); };
    event.references = [](const QJsonObject &o) {
        QList<Reference> refs;
        addRef(refs, QStringLiteral("function"), str(o, "functionId"), QStringLiteral("functionId"));
        addRef(refs, QStringLiteral("prompt"), str(o, "promptId"), QStringLiteral("promptId"));
        return refs;
    };
    list << event;

    EntityType phone;
    phone.name = QStringLiteral("phone");
    phone.segment = QStringLiteral("phones");
    phone.sortFields = {QStringLiteral("mac"), QStringLiteral("model"), QStringLiteral("label")};
    phone.normalise = [](const QJsonObject &b, const QString &) {
        return rebuild<SipPhone>(b, [](SipPhone &p) { return p.normaliseAndValidate(); });
    };
    phone.naturalKey = [](const QJsonObject &o) { return str(o, "mac").toUpper(); };
    phone.searchText = [](const QJsonObject &o) { return joinFields(o, {"mac", "model", "label"}); };
    phone.references = [](const QJsonObject &o) {
        QList<Reference> refs = keyRefs(o);
        addRef(refs, QStringLiteral("user"), str(o, "ownerId"), QStringLiteral("ownerId"));
        return refs;
    };
    list << phone;

    EntityType keyTemplate;
    keyTemplate.name = QStringLiteral("keyTemplate");
    keyTemplate.segment = QStringLiteral("key-templates");
    keyTemplate.sortFields = {QStringLiteral("name")};
    keyTemplate.normalise = [](const QJsonObject &b, const QString &) {
        return rebuild<KeyTemplate>(b, [](KeyTemplate &t) { return t.normaliseAndValidate(); });
    };
    keyTemplate.naturalKey = [](const QJsonObject &o) { return Entities::fold(str(o, "name")); };
    keyTemplate.searchText = [](const QJsonObject &o) { return joinFields(o, {"name"}); };
    keyTemplate.references = [](const QJsonObject &o) {
        QList<Reference> refs = keyRefs(o);
        for (const QJsonValue &g : o.value(QLatin1String("groupIds")).toArray())
            addRef(refs, QStringLiteral("group"), g.toString(), QStringLiteral("groupIds"));
        return refs;
    };
    list << keyTemplate;
    return list;
}

} // namespace

const QList<EntityType> &Entities::all()
{
    static const QList<EntityType> entities = makeEntities();
    return entities;
}

const EntityType *Entities::byName(const QString &name)
{
    for (const EntityType &e : all()) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

const EntityType *Entities::bySegment(const QString &segment)
{
    for (const EntityType &e : all()) {
        if (!segment.isEmpty() && e.segment == segment && e.parentEntity.isEmpty())
            return &e;
    }
    return nullptr;
}

QString Entities::fold(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing)
            out.append(c.toLower());
    }
    return out;
}

Result<qint64> Entities::checkPromptAudio(const QByteArray &wav)
{
    Result<PromptAudioMeasure> measure = measurePromptAudio(wav);
    if (!measure)
        return measure.error();
    return measure->durationMs;
}

Result<PromptAudioMeasure> Entities::measurePromptAudio(const QByteArray &wav)
{
    Result<std::vector<float>> samples = PromptConverter::decodePrompt(wav);
    if (!samples)
        return Error::invalid(samples.error().message, QStringLiteral("audio"));
    PromptAudioMeasure m;
    m.durationMs = static_cast<qint64>(samples->size()) * 1000 / PromptConverter::OutputRate;
    if (m.durationMs < 500) // the contract's minimum: a shorter file is a truncated or empty one
        return Error::invalid(tr("The audio lasts %1 ms; a prompt lasts at least half a second.").arg(m.durationMs), QStringLiteral("audio"));
    double peak = 0.0;
    double squares = 0.0;
    for (const float s : *samples) {
        peak = std::max(peak, static_cast<double>(std::abs(s)));
        squares += static_cast<double>(s) * static_cast<double>(s);
    }
    // Silence is as low as the field goes, not minus infinity.
    const auto dbfs = [](double level) { return level > 0.0 ? std::max(-120.0, 20.0 * std::log10(level)) : -120.0; };
    m.peakDbfs = dbfs(peak);
    m.rmsDbfs = samples->empty() ? -120.0 : dbfs(std::sqrt(squares / static_cast<double>(samples->size())));
    return m;
}

} // namespace centrale::server
