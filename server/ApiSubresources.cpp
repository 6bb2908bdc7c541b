// Sub-resources of records: group members, contact levels, effective settings, a user's photo and
// PIN, number assignment, prompt audio, a function's state and calendar, welcome messages.

#include "Api.h"
#include "ApiSupport.h"
#include "UserPhotoImage.h"

#include "calendar/IcsCalendar.h"
#include "calendar/ScheduleEngine.h"
#include "domain/FunctionNumber.h"
#include "domain/Record.h"
#include "domain/ScheduleEvent.h"
#include "domain/ServiceSettings.h"
#include "domain/Validators.h"
#include "security/Secrets.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

namespace centrale::server {

namespace {
// What libsodium's crypto_pwhash_str gives (Argon2id); a client that hashed offline sends it.
bool isArgon2idHash(const QString &h)
{
    return h.startsWith(QLatin1String("$argon2id$v=19$")) && h.size() <= 256 && !h.contains(QChar(0));
}

constexpr qsizetype kMaxPhotoBytes = 5 << 20;
constexpr qsizetype kMaxAudioBytes = 10 << 20;
constexpr qsizetype kMaxCalendarBytes = 2 << 20;

QByteArray contentTypeOf(const ApiRequest &request)
{
    return request.header("content-type").split(';').value(0).trimmed().toLower();
}

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

// e***@domaincustomer.be, +32475****56: enough to recognise, not to read off a screen.
QString masked(const QString &recipient)
{
    if (recipient.contains(QLatin1Char('@')))
        return recipient.left(1) + QStringLiteral("***") + recipient.mid(recipient.indexOf(QLatin1Char('@')));
    if (recipient.size() <= 8)
        return recipient;
    return recipient.left(6) + QString(recipient.size() - 8, QLatin1Char('*')) + recipient.right(2);
}

QString localTime(const QDateTime &dt, const QTimeZone &zone)
{
    return dt.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
}

} // namespace

ApiResponse Api::subresourceRoute(const ApiRequest &request, const Caller &caller, const EntityType &type, const QStringList &tail)
{
    auto answer = [&](Outcome o) {
        if (auto *p = std::get_if<Problem>(&o))
            return fail(*p, request);
        return std::get<ApiResponse>(o);
    };
    auto notAllowed = [&] {
        return fail(Problem::make(405, QStringLiteral("method-not-allowed"),
                                  tr("The method %1 is not allowed here.").arg(QString::fromLatin1(request.method))),
                    request);
    };
    auto write = [&](const std::function<Outcome()> &work) { return idempotent(request, caller, work); };
    const QByteArray &method = request.method;
    const QString &segment = tail.at(0);
    const QString &what = tail.at(1);
    const QString name = type.name;

    if (tail.size() == 3 && name == QLatin1String("group") && what == QLatin1String("members")) {
        if (method != "PUT" && method != "DELETE")
            return notAllowed();
        return write([&] { return changeMember(request, caller, segment, tail.at(2)); });
    }
    if (tail.size() == 2) {
        if (name == QLatin1String("group") && what == QLatin1String("members"))
            return method == "GET" ? answer(listMembers(request, caller, segment)) : notAllowed();
        if ((name == QLatin1String("group") || name == QLatin1String("user")) && what == QLatin1String("contacts"))
            return method == "GET" ? answer(listContactsOf(request, caller, type, segment, false)) : notAllowed();
        if (name == QLatin1String("user")) {
            if (what == QLatin1String("effective-contacts"))
                return method == "GET" ? answer(listContactsOf(request, caller, type, segment, true)) : notAllowed();
            if (what == QLatin1String("effective-settings"))
                return method == "GET" ? answer(effectiveSettings(caller, segment)) : notAllowed();
            if (what == QLatin1String("photo")) {
                if (method == "GET")
                    return answer(userPhoto(request, caller, segment));
                if (method == "PUT" || method == "DELETE")
                    return write([&] { return setUserPhoto(request, caller, segment, method == "DELETE"); });
                return notAllowed();
            }
            if (what == QLatin1String("pin"))
                return method == "PUT" ? write([&] { return setUserPin(request, caller, segment); }) : notAllowed();
            if (what == QLatin1String("password"))
                return method == "PUT" ? write([&] { return setUserPassword(request, caller, segment); }) : notAllowed();
            if (what == QLatin1String("password-reset"))
                return method == "POST" ? write([&] { return resetUserPassword(caller, segment); }) : notAllowed();
            if (what == QLatin1String("welcome"))
                return method == "POST" ? write([&] { return welcome(request, caller, segment); }) : notAllowed();
        }
        if (name == QLatin1String("number") && (what == QLatin1String("assign") || what == QLatin1String("release"))) {
            if (method != "POST")
                return notAllowed();
            return write([&] { return assignNumber(request, caller, segment, what == QLatin1String("release")); });
        }
        if (name == QLatin1String("prompt") && what == QLatin1String("audio")) {
            if (method == "GET")
                return answer(promptAudio(request, caller, segment));
            return method == "PUT" ? write([&] { return setPromptAudio(request, caller, segment); }) : notAllowed();
        }
        if (name == QLatin1String("prompt") && what == QLatin1String("record-call"))
            return method == "POST" ? recordCallRoute(request, caller, segment) : notAllowed();
        if (name == QLatin1String("function") && what == QLatin1String("state"))
            return method == "GET" ? answer(functionState(request, caller, segment)) : notAllowed();
        if (name == QLatin1String("function") && what == QLatin1String("calendar")) {
            if (method == "GET")
                return answer(functionCalendar(caller, segment));
            return method == "PUT" ? write([&] { return importFunctionCalendar(request, caller, segment); }) : notAllowed();
        }
        if (name == QLatin1String("phone") && what == QLatin1String("provisioning"))
            return method == "GET" ? answer(phoneProvisioning(caller, segment)) : notAllowed();
        if (name == QLatin1String("phone") && what == QLatin1String("reload"))
            return method == "POST" ? reloadPhones(request, caller, {segment}, false) : notAllowed();
    }
    return fail(Problem::make(404, QStringLiteral("not-found"), tr("There is nothing at this address.")), request);
}

std::variant<Api::Owned, Problem> Api::readOwner(const Caller &caller, const EntityType &type, const QString &segment)
{
    QString id = resolveId(caller, type, segment);
    if (type.name == QLatin1String("phone") && !id.isEmpty() && QUuid::fromString(id).isNull()) {
        // A phone is also found by its MAC, with or without separators.
        QString mac = segment.toUpper();
        mac.remove(QLatin1Char(':')).remove(QLatin1Char('-'));
        auto q = m_db.exec(QStringLiteral("SELECT id FROM record WHERE org_id = ? AND entity = 'phone' AND natural_key = ? AND deleted = 0"),
                           {caller.orgId, mac});
        if (!q)
            return unavailable(q.error());
        if (q->next())
            id = q->value(0).toString();
    }
    if (id.isEmpty())
        return Problem::make(404, QStringLiteral("not-found"), tr("There is no such record."));
    auto q = m_db.exec(QStringLiteral("SELECT version, body, parent_id FROM record WHERE org_id = ? AND entity = ? AND id = ? AND deleted = 0"),
                       {caller.orgId, type.name, id});
    if (!q)
        return unavailable(q.error());
    if (!q->next())
        return Problem::make(404, QStringLiteral("not-found"), tr("There is no such record."));
    return Owned{id, q->value(0).toLongLong(), parse(q->value(1)), q->value(2).toString()};
}

std::variant<Api::Owned, Problem> Api::lockOwner(const ApiRequest &request, const Caller &caller, const EntityType &type,
                                                 const QString &segment)
{
    if (Status s = lockOrganisation(caller.orgId); !s)
        return unavailable(s.error());
    auto read = readOwner(caller, type, segment);
    if (auto *p = std::get_if<Problem>(&read))
        return *p;
    const Owned owner = std::get<Owned>(read);
    const QByteArray ifMatch = request.header("if-match");
    if (ifMatch.isEmpty())
        return Problem::make(428, QStringLiteral("precondition-required"),
                             tr("This change needs If-Match with the version of the record it changes."));
    if (versionOf(ifMatch) != owner.version) {
        Problem p = Problem::make(412, QStringLiteral("version-mismatch"),
                                  tr("The record was changed by someone else since you read it (now version %1).").arg(owner.version));
        p.extra.insert(QStringLiteral("current"), present(caller, type.name, owner.id, owner.body, owner.version));
        p.extra.insert(QStringLiteral("currentVersion"), owner.version);
        return p;
    }
    return owner;
}

Api::Outcome Api::storeOwner(const Caller &caller, const EntityType &type, const Owned &owner, const QJsonObject &body)
{
    const qint64 version = owner.version + 1;
    if (Status s = storeRecord(caller.orgId, type, owner.id, body, version, owner.parentId, false); !s)
        return unavailable(s.error());
    ApiResponse r = ApiResponse::json(200, present(caller, type.name, owner.id, body, version));
    r.setHeader(QByteArrayLiteral("ETag"), etag(version));
    return r;
}

// --- Groups and contacts ---------------------------------------------------------------------

Api::Outcome Api::listMembers(const ApiRequest &request, const Caller &caller, const QString &groupSegment)
{
    auto group = readOwner(caller, *Entities::byName(QStringLiteral("group")), groupSegment);
    if (auto *p = std::get_if<Problem>(&group))
        return *p;
    return listRecords(request, caller, *Entities::byName(QStringLiteral("user")), {},
                       QStringLiteral(" AND id IN (SELECT from_id FROM record_ref WHERE org_id = ? AND from_entity = 'user' "
                                      "AND to_entity = 'group' AND to_id = ?)"),
                       {caller.orgId, std::get<Owned>(group).id});
}

Api::Outcome Api::changeMember(const ApiRequest &request, const Caller &caller, const QString &groupSegment, const QString &userSegment)
{
    auto group = readOwner(caller, *Entities::byName(QStringLiteral("group")), groupSegment);
    if (auto *p = std::get_if<Problem>(&group))
        return *p;
    const QString groupId = std::get<Owned>(group).id;
    const EntityType &userType = *Entities::byName(QStringLiteral("user"));
    auto locked = lockOwner(request, caller, userType, userSegment);
    if (auto *p = std::get_if<Problem>(&locked))
        return *p;
    const Owned user = std::get<Owned>(locked);
    QJsonArray groups = user.body.value(QLatin1String("groups")).toArray();
    const bool member = groups.contains(groupId);
    const bool adding = request.method == "PUT";
    if (member == adding) {
        // Already so: nothing changes, the version stays.
        ApiResponse r = ApiResponse::json(200, present(caller, userType.name, user.id, user.body, user.version));
        r.setHeader(QByteArrayLiteral("ETag"), etag(user.version));
        return r;
    }
    if (adding) {
        groups.append(groupId); // last in membership order
    } else {
        for (qsizetype i = groups.size() - 1; i >= 0; --i) {
            if (groups.at(i).toString() == groupId)
                groups.removeAt(i);
        }
    }
    QJsonObject body = user.body;
    body.insert(QStringLiteral("groups"), groups);
    return storeOwner(caller, userType, user, body);
}

Api::Outcome Api::listContactsOf(const ApiRequest &request, const Caller &caller, const EntityType &ownerType, const QString &segment,
                                 bool effective)
{
    auto owner = readOwner(caller, ownerType, segment);
    if (auto *p = std::get_if<Problem>(&owner))
        return *p;
    const Owned o = std::get<Owned>(owner);
    const EntityType &contact = *Entities::byName(QStringLiteral("contact"));
    if (!effective) {
        return listRecords(request, caller, contact, {},
                           QStringLiteral(" AND id IN (SELECT from_id FROM record_ref WHERE org_id = ? AND from_entity = 'contact' "
                                          "AND to_entity = ? AND to_id = ?)"),
                           {caller.orgId, ownerType.name, o.id});
    }
    // What the user sees, as the desktop computes it: the organisation's contacts (they refer to
    // no owner), those of each of the user's groups and the user's own.
    QHash<QString, QString> sourceNames;
    sourceNames.insert(o.id, o.body.value(QLatin1String("username")).toString());
    auto groups = m_db.exec(QStringLiteral("SELECT id, body FROM record WHERE org_id = ? AND entity = 'group' AND deleted = 0 AND id IN "
                                           "(SELECT to_id FROM record_ref WHERE org_id = ? AND from_entity = 'user' AND from_id = ? "
                                           "AND to_entity = 'group')"),
                            {caller.orgId, caller.orgId, o.id});
    if (!groups)
        return unavailable(groups.error());
    while (groups->next())
        sourceNames.insert(groups->value(0).toString(), parse(groups->value(1)).value(QLatin1String("name")).toString());
    return listRecords(
        request, caller, contact, {},
        QStringLiteral(" AND (id NOT IN (SELECT from_id FROM record_ref WHERE org_id = ? AND from_entity = 'contact') "
                       "OR id IN (SELECT from_id FROM record_ref WHERE org_id = ? AND from_entity = 'contact' AND "
                       "((to_entity = 'user' AND to_id = ?) OR (to_entity = 'group' AND to_id IN (SELECT to_id FROM record_ref "
                       "WHERE org_id = ? AND from_entity = 'user' AND from_id = ? AND to_entity = 'group')))))"),
        {caller.orgId, caller.orgId, o.id, caller.orgId, o.id},
        [&](QJsonObject &item) { item.insert(QStringLiteral("sourceName"), sourceNames.value(item.value(QLatin1String("ownerId")).toString())); });
}

// --- Users ------------------------------------------------------------------------------------

Api::Outcome Api::effectiveSettings(const Caller &caller, const QString &userSegment)
{
    auto user = readOwner(caller, *Entities::byName(QStringLiteral("user")), userSegment);
    if (auto *p = std::get_if<Problem>(&user))
        return *p;
    const QJsonObject body = std::get<Owned>(user).body;
    auto settingsOf = [](const QJsonObject &record) {
        Result<ServiceSettings> s = ServiceSettings::read(record.value(QLatin1String("settings")).toObject());
        return s ? s.value() : ServiceSettings();
    };
    QList<std::pair<QString, ServiceSettings>> groups;
    for (const QJsonValue &g : body.value(QLatin1String("groups")).toArray()) {
        auto group = readOwner(caller, *Entities::byName(QStringLiteral("group")), g.toString());
        if (auto *p = std::get_if<Problem>(&group)) {
            if (p->status == 404)
                continue;
            return *p;
        }
        const QJsonObject groupBody = std::get<Owned>(group).body;
        groups.append({groupBody.value(QLatin1String("name")).toString(), settingsOf(groupBody)});
    }
    auto org = readOwner(caller, *Entities::byName(QStringLiteral("organisation")), caller.orgId);
    if (auto *p = std::get_if<Problem>(&org))
        return *p;
    QJsonArray items;
    for (const EffectiveSetting &e : EffectiveSetting::resolve(settingsOf(body), groups, settingsOf(std::get<Owned>(org).body))) {
        QJsonObject item{{QStringLiteral("key"), ServiceSettings::keyName(e.key)}};
        if (e.key == ServiceSettings::Key::CallerId && !e.value.isNull())
            item.insert(QStringLiteral("value"), ServiceSettings::callerIdName(static_cast<ServiceSettings::CallerId>(e.value.toInt())));
        else if (!e.value.isNull())
            item.insert(QStringLiteral("value"), QJsonValue::fromVariant(e.value));
        switch (e.source) {
        case EffectiveSetting::Source::User: item.insert(QStringLiteral("source"), QStringLiteral("user")); break;
        case EffectiveSetting::Source::Group:
            item.insert(QStringLiteral("source"), QStringLiteral("group"));
            item.insert(QStringLiteral("sourceName"), e.sourceName);
            break;
        case EffectiveSetting::Source::Organisation: item.insert(QStringLiteral("source"), QStringLiteral("organisation")); break;
        }
        items.append(item);
    }
    return ApiResponse::json(200, {{QStringLiteral("items"), items}});
}

Api::Outcome Api::userPhoto(const ApiRequest &request, const Caller &caller, const QString &userSegment)
{
    auto user = readOwner(caller, *Entities::byName(QStringLiteral("user")), userSegment);
    if (auto *p = std::get_if<Problem>(&user))
        return *p;
    const Owned u = std::get<Owned>(user);
    auto q = m_db.exec(QStringLiteral("SELECT data FROM record_blob WHERE org_id = ? AND entity = 'user' AND id = ? AND kind = 'photo'"),
                       {caller.orgId, u.id});
    if (!q)
        return unavailable(q.error());
    if (!q->next())
        return Problem::make(404, QStringLiteral("not-found"), tr("This user has no photo."));
    ApiResponse r;
    r.setHeader(QByteArrayLiteral("ETag"), etag(u.version));
    if (versionOf(request.header("if-none-match")) == u.version) {
        r.status = 304;
        return r;
    }
    r.contentType = QByteArrayLiteral("image/jpeg");
    r.body = q->value(0).toByteArray();
    return r;
}

Api::Outcome Api::setUserPhoto(const ApiRequest &request, const Caller &caller, const QString &userSegment, bool remove)
{
    QByteArray jpeg;
    if (!remove) {
        if (request.body.size() > kMaxPhotoBytes)
            return Problem::make(413, QStringLiteral("payload-too-large"), tr("The request body is larger than %1 bytes.").arg(kMaxPhotoBytes));
        if (contentTypeOf(request) != "image/jpeg")
            return Problem::make(415, QStringLiteral("unsupported-media-type"), tr("A photo is sent as image/jpeg."));
    }
    const EntityType &userType = *Entities::byName(QStringLiteral("user"));
    auto locked = lockOwner(request, caller, userType, userSegment);
    if (auto *p = std::get_if<Problem>(&locked))
        return *p;
    const Owned user = std::get<Owned>(locked);
    QJsonObject body = user.body;
    if (remove) {
        if (!body.value(QLatin1String("hasPhoto")).toBool()) {
            ApiResponse r = ApiResponse::json(200, present(caller, userType.name, user.id, user.body, user.version));
            r.setHeader(QByteArrayLiteral("ETag"), etag(user.version));
            return r;
        }
        if (auto d = m_db.exec(QStringLiteral("DELETE FROM record_blob WHERE org_id = ? AND entity = 'user' AND id = ? AND kind = 'photo'"),
                               {caller.orgId, user.id});
            !d)
            return unavailable(d.error());
        body.insert(QStringLiteral("hasPhoto"), false);
        body.remove(QStringLiteral("photoSha256"));
        return storeOwner(caller, userType, user, body);
    }
    Result<QByteArray> photo = UserPhotoImage::normalise(request.body);
    if (!photo)
        return validationProblem(photo.error());
    auto b = m_db.exec(QStringLiteral("INSERT INTO record_blob (org_id, entity, id, kind, data, sha256) VALUES (?, 'user', ?, 'photo', ?, ?) "
                                      "ON CONFLICT (org_id, entity, id, kind) DO UPDATE SET data = excluded.data, sha256 = excluded.sha256"),
                       {caller.orgId, user.id, photo.value(), sha256Hex(photo.value())});
    if (!b)
        return unavailable(b.error());
    body.insert(QStringLiteral("hasPhoto"), true);
    // Clients compare it with their copy and fetch the photo only when it differs.
    body.insert(QStringLiteral("photoSha256"), sha256Hex(photo.value()));
    return storeOwner(caller, userType, user, body);
}

Api::Outcome Api::setUserPin(const ApiRequest &request, const Caller &caller, const QString &userSegment)
{
    Problem problem;
    Result<QJsonObject> parsed = readJsonBody(request, m_options.maxJsonBytes, problem);
    if (!parsed)
        return problem;
    const QJsonValue pin = parsed->value(QLatin1String("pin"));
    // A desktop that changed the PIN offline sends the Argon2id hash it made (it never kept the
    // PIN): accepted when it is one.
    const QJsonValue pinHash = parsed->value(QLatin1String("pinHash"));
    const bool hashed = !parsed->contains(QLatin1String("pin")) && pinHash.isString();
    if (hashed) {
        const QString h = pinHash.toString();
        if (!isArgon2idHash(h))
            return validationProblem(Error::invalid(tr("pinHash must be an Argon2id hash."), QStringLiteral("pinHash")));
    } else if (Status s = pin.isString() ? Validators::pin(pin.toString()) : Validators::pin(QString()); !s) {
        return validationProblem(s.error());
    }
    const EntityType &userType = *Entities::byName(QStringLiteral("user"));
    auto locked = lockOwner(request, caller, userType, userSegment);
    if (auto *p = std::get_if<Problem>(&locked))
        return *p;
    const Owned user = std::get<Owned>(locked);
    Result<QString> hash = hashed ? Result<QString>(pinHash.toString()) : Secrets::hash(pin.toString());
    if (!hash)
        return Problem::make(500, QStringLiteral("internal"), hash.error().message);
    if (auto u = m_db.exec(QStringLiteral("UPDATE account SET pin_hash = ? WHERE user_id = ? AND org_id = ?"), {hash.value(), user.id, caller.orgId}); !u)
        return unavailable(u.error());
    QJsonObject body = user.body;
    body.insert(QStringLiteral("pinSet"), true);
    return storeOwner(caller, userType, user, body);
}

Api::Outcome Api::setUserPassword(const ApiRequest &request, const Caller &caller, const QString &userSegment)
{
    Problem problem;
    Result<QJsonObject> parsed = readJsonBody(request, m_options.maxJsonBytes, problem);
    if (!parsed)
        return problem;
    // Only the Argon2id hash a desktop made when the administrator chose the password: a password
    // never travels or rests in clear.
    const QJsonValue passwordHash = parsed->value(QLatin1String("passwordHash"));
    const QString h = passwordHash.toString();
    if (!passwordHash.isString() || !isArgon2idHash(h))
        return validationProblem(Error::invalid(tr("passwordHash must be an Argon2id hash."), QStringLiteral("passwordHash")));
    const EntityType &userType = *Entities::byName(QStringLiteral("user"));
    auto locked = lockOwner(request, caller, userType, userSegment);
    if (auto *p = std::get_if<Problem>(&locked))
        return *p;
    const Owned user = std::get<Owned>(locked);
    if (auto u = m_db.exec(QStringLiteral("UPDATE account SET password_hash = ? WHERE user_id = ? AND org_id = ?"), {h, user.id, caller.orgId}); !u)
        return unavailable(u.error());
    // The user's other sessions end with the old password (the administrator's own goes on).
    if (user.id != caller.userId) {
        if (auto d = m_db.exec(QStringLiteral("DELETE FROM session_token WHERE user_id = ? AND org_id = ?"), {user.id, caller.orgId}); !d)
            return unavailable(d.error());
    }
    return storeOwner(caller, userType, user, user.body);
}

Api::Outcome Api::resetUserPassword(const Caller &caller, const QString &userSegment)
{
    auto user = readOwner(caller, *Entities::byName(QStringLiteral("user")), userSegment);
    if (auto *p = std::get_if<Problem>(&user))
        return *p;
    const Owned u = std::get<Owned>(user);
    Result<QJsonObject> message = queueMessage(caller, u.id, u.body, QStringLiteral("password-reset"), {}, QStringLiteral("auto"));
    if (!message)
        return unavailable(message.error());
    return ApiResponse::json(202, message.value());
}

// --- Messages -----------------------------------------------------------------------------------

MessageProgress Api::messageProgress(const QSqlQuery &query, int first)
{
    return {query.value(first).toInt(), query.value(first + 1).toLongLong(), query.value(first + 2).toLongLong(),
        query.value(first + 3).toString(), query.value(first + 4).toString()};
}

QJsonObject Api::messageJson(const QString &id, const QString &userId, const QString &kind, const QString &delivery,
    const QString &recipient, const QJsonObject &payload, const QString &state, qint64 createdAt, const MessageProgress &progress)
{
    // "sending" is the queue's own business: to the administrator it is still queued.
    const QString status = state == QLatin1String("sending") ? QStringLiteral("queued") : state;
    QJsonObject m {{QStringLiteral("id"), id}, {QStringLiteral("userId"), userId},
        {QStringLiteral("username"), payload.value(QLatin1String("username")).toString()}, {QStringLiteral("kind"), kind},
        {QStringLiteral("status"), status}, {QStringLiteral("attempts"), progress.attempts},
        {QStringLiteral("createdAt"), isoTime(createdAt)}};
    const QString access = payload.value(QLatin1String("access")).toString();
    if (!access.isEmpty())
        m.insert(QStringLiteral("channel"), access);
    if (!delivery.isEmpty())
        m.insert(QStringLiteral("delivery"), delivery);
    if (!recipient.isEmpty())
        m.insert(QStringLiteral("to"), masked(recipient));
    if (status == QLatin1String("queued") && progress.nextAttemptAt > 0)
        m.insert(QStringLiteral("nextAttemptAt"), isoTime(progress.nextAttemptAt));
    if (status == QLatin1String("sent") && progress.sentAt > 0)
        m.insert(QStringLiteral("sentAt"), isoTime(progress.sentAt));
    const QString reasonCode = !progress.reasonCode.isEmpty() ? progress.reasonCode : payload.value(QLatin1String("reasonCode")).toString();
    if (status == QLatin1String("sent") || reasonCode.isEmpty())
        return m;
    const bool email = delivery == QLatin1String("email");
    const bool failed = status == QLatin1String("failed");
    const QString detail = progress.lastError.isEmpty() ? tr("no details") : progress.lastError;
    QString reason;
    // Translated when read, in the language of whoever reads it.
    if (reasonCode == QLatin1String("no-email"))
        reason = tr("The user has no e-mail address: add one, or send by SMS.");
    else if (reasonCode == QLatin1String("no-mobile"))
        reason = tr("The user has no mobile number: add one, or send by e-mail.");
    else if (reasonCode == QLatin1String("not-configured"))
        reason = email
            ? tr("No mail server is configured on the Centrale server: the message waits until one is (centrale-server serve --smtp).")
            : tr("No SMS gateway is configured on the Centrale server: the message waits until one is (centrale-server serve "
                 "--sms-gateway).");
    else if (reasonCode == QLatin1String("smtp-error"))
        reason = failed ? tr("The mail server could not take the message after %n attempt(s) (%1): check the server's mail settings, then "
                             "send the message again.",
                     nullptr, progress.attempts)
                              .arg(detail)
                        : tr("The mail server cannot take the message for now (%1); another attempt is planned.").arg(detail);
    else if (reasonCode == QLatin1String("gateway-error"))
        reason = failed ? tr("The SMS gateway could not take the message after %n attempt(s) (%1): check the server's SMS settings, then "
                             "send the message again.",
                     nullptr, progress.attempts)
                              .arg(detail)
                        : tr("The SMS gateway cannot take the message for now (%1); another attempt is planned.").arg(detail);
    else if (reasonCode == QLatin1String("rejected"))
        reason = tr("The message was refused (%1): check the user's e-mail address or mobile number, then send it again.").arg(detail);
    else if (reasonCode == QLatin1String("invalid-address"))
        reason = email ? tr("The e-mail address is not valid: correct it, then send the message again.")
                       : tr("The mobile number is not valid: correct it, then send the message again.");
    else if (reasonCode == QLatin1String("expired"))
        reason = tr("The code expired before the message could be sent: send the message again.");
    m.insert(QStringLiteral("reasonCode"), reasonCode);
    if (!reason.isEmpty())
        m.insert(QStringLiteral("reason"), reason);
    return m;
}

Result<QJsonObject> Api::queueMessage(const Caller &caller, const QString &userId, const QJsonObject &user, const QString &kind,
                                      const QString &access, const QString &delivery)
{
    const QString email = user.value(QLatin1String("email")).toString();
    const QString mobile = user.value(QLatin1String("mobile")).toString();
    QString channel = delivery;
    if (channel == QLatin1String("auto")) {
        // The mobile app is explained where it is installed: on the phone, when there is one.
        if (access == QLatin1String("mobile"))
            channel = !mobile.isEmpty() || email.isEmpty() ? QStringLiteral("sms") : QStringLiteral("email");
        else
            channel = !email.isEmpty() || mobile.isEmpty() ? QStringLiteral("email") : QStringLiteral("sms");
    }
    const QString recipient = channel == QLatin1String("email") ? email : mobile;
    QJsonObject payload{{QStringLiteral("username"), user.value(QLatin1String("username")).toString()},
                        {QStringLiteral("language"), user.value(QLatin1String("language")).toString()}};
    if (!access.isEmpty())
        payload.insert(QStringLiteral("access"), access);
    QString state = QStringLiteral("queued");
    if (recipient.isEmpty()) {
        state = QStringLiteral("failed"); // nothing is sent: the administrator adds the address first
        payload.insert(QStringLiteral("reasonCode"), channel == QLatin1String("email") ? QStringLiteral("no-email") : QStringLiteral("no-mobile"));
    } else {
        // A one-time code to choose a password, never a password: it exists in clear only in the
        // delivery queue, until sent.
        const qint64 lifetime = kind == QLatin1String("welcome") ? m_options.welcomeCodeLifetimeMs : m_options.resetCodeLifetimeMs;
        const QString code = Secrets::generatePassword(12);
        if (auto q = m_db.exec(QStringLiteral("INSERT INTO reset_code (code_hash, user_id, expires_at, used) VALUES (?, ?, ?, 0)"),
                               {sha256Hex(code.toUtf8()), userId, now() + lifetime});
            !q)
            return q.error();
        payload.insert(QStringLiteral("code"), code);
        payload.insert(QStringLiteral("expiresAt"), isoTime(now() + lifetime));
    }
    const QString id = newId();
    auto q = m_db.exec(QStringLiteral("INSERT INTO message (id, org_id, user_id, kind, channel, recipient, payload, state, created_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                       {id, caller.orgId, userId, kind, recipient.isEmpty() ? QString() : channel, recipient, compact(payload), state, now()});
    if (!q)
        return q.error();
    return messageJson(id, userId, kind, recipient.isEmpty() ? QString() : channel, recipient, payload, state, now());
}

Api::Outcome Api::welcome(const ApiRequest &request, const Caller &caller, const QString &userSegment)
{
    Problem problem;
    Result<QJsonObject> parsed = readJsonBody(request, m_options.maxJsonBytes, problem);
    if (!parsed)
        return problem;
    const QJsonValue channels = parsed->value(QLatin1String("channels"));
    QStringList accesses;
    for (const QJsonValue &c : channels.toArray()) {
        const QString access = c.toString();
        if (!QStringList{QStringLiteral("web"), QStringLiteral("mobile"), QStringLiteral("softphone")}.contains(access) || accesses.contains(access)) {
            accesses.clear();
            break;
        }
        accesses << access;
    }
    if (!channels.isArray() || accesses.isEmpty() || accesses.size() != channels.toArray().size())
        return validationProblem(Error::invalid(tr("Choose one or more of web, mobile and softphone, each once."), QStringLiteral("channels")));
    const QString delivery = parsed->value(QLatin1String("delivery")).toString(QStringLiteral("auto"));
    if (!QStringList{QStringLiteral("auto"), QStringLiteral("email"), QStringLiteral("sms")}.contains(delivery))
        return validationProblem(Error::invalid(tr("delivery must be auto, email or sms."), QStringLiteral("delivery")));

    QStringList segments;
    if (!userSegment.isEmpty()) {
        segments << userSegment;
    } else {
        const QJsonArray users = parsed->value(QLatin1String("users")).toArray();
        if (users.size() > 1000)
            return Problem::make(413, QStringLiteral("payload-too-large"), tr("Welcome at most %1 users at a time.").arg(1000));
        for (const QJsonValue &u : users)
            segments << u.toString();
        if (segments.isEmpty() || segments.contains(QString()))
            return validationProblem(Error::invalid(tr("Name the users to welcome, by id or username."), QStringLiteral("users")));
    }
    const EntityType &userType = *Entities::byName(QStringLiteral("user"));
    QList<Owned> users;
    for (const QString &s : segments) {
        auto user = readOwner(caller, userType, s);
        if (auto *p = std::get_if<Problem>(&user)) {
            if (p->status != 404 || !userSegment.isEmpty())
                return *p;
            // Nothing is sent: the whole request is one transaction.
            return validationProblem(Error::invalid(tr("There is no user %1.").arg(s), QStringLiteral("users")));
        }
        users << std::get<Owned>(user);
    }
    QJsonArray results;
    for (const Owned &u : users) {
        for (const QString &access : accesses) {
            Result<QJsonObject> message = queueMessage(caller, u.id, u.body, QStringLiteral("welcome"), access, delivery);
            if (!message)
                return unavailable(message.error());
            results.append(message.value());
        }
    }
    return ApiResponse::json(200, {{QStringLiteral("results"), results}});
}

Api::Outcome Api::listMessages(const ApiRequest &request, const Caller &caller)
{
    int limit = 100;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return Problem::make(400, QStringLiteral("bad-request"), tr("limit must be a whole number from 1 to 1000."))
                .fieldError(QStringLiteral("limit"), QStringLiteral("out-of-range"), tr("limit must be a whole number from 1 to 1000."));
    }
    QString sql
        = QStringLiteral("SELECT id, user_id, kind, channel, recipient, payload, state, created_at, attempts, next_attempt_at, sent_at, "
                         "reason_code, last_error FROM message WHERE org_id = ?");
    QVariantList binds{caller.orgId};
    const QString userId = request.query.queryItemValue(QStringLiteral("userId"));
    if (!userId.isEmpty()) {
        sql += QStringLiteral(" AND user_id = ?");
        binds << userId;
    }
    const QString status = request.query.queryItemValue(QStringLiteral("status"));
    if (!status.isEmpty()) {
        if (!QStringList{QStringLiteral("sent"), QStringLiteral("queued"), QStringLiteral("failed")}.contains(status))
            return Problem::make(400, QStringLiteral("bad-request"), tr("status must be sent, queued or failed."))
                .fieldError(QStringLiteral("status"), QStringLiteral("invalid"), tr("status must be sent, queued or failed."));
        // A message being sent is still queued to the reader.
        sql += status == QLatin1String("queued") ? QStringLiteral(" AND state IN (?, 'sending')") : QStringLiteral(" AND state = ?");
        binds << status;
    }
    const QString cursor = request.query.queryItemValue(QStringLiteral("cursor"));
    if (!cursor.isEmpty()) {
        const QJsonArray c = QJsonDocument::fromJson(QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding)).array();
        if (c.size() != 2 || !c.at(0).isDouble() || !c.at(1).isString() || c.at(1).toString().contains(QChar(0)))
            return Problem::make(400, QStringLiteral("bad-request"), tr("The cursor is not one this server gave."));
        const qint64 at = static_cast<qint64>(c.at(0).toDouble());
        sql += QStringLiteral(" AND (created_at < ? OR (created_at = ? AND id < ?))");
        binds << at << at << c.at(1).toString();
    }
    sql += QStringLiteral(" ORDER BY created_at DESC, id DESC LIMIT ?"); // newest first
    binds << limit + 1;
    auto q = m_db.exec(sql, binds);
    if (!q)
        return unavailable(q.error());
    QJsonArray items;
    bool more = false;
    qint64 lastAt = 0;
    QString lastId;
    while (q->next()) {
        if (items.size() == limit) {
            more = true;
            break;
        }
        lastId = q->value(0).toString();
        lastAt = q->value(7).toLongLong();
        items.append(messageJson(lastId, q->value(1).toString(), q->value(2).toString(), q->value(3).toString(), q->value(4).toString(),
            parse(q->value(5)), q->value(6).toString(), lastAt, messageProgress(q.value(), 8)));
    }
    QJsonObject page{{QStringLiteral("items"), items}, {QStringLiteral("hasMore"), more}};
    if (more) {
        page.insert(QStringLiteral("nextCursor"),
                    QString::fromLatin1(QJsonDocument(QJsonArray{static_cast<double>(lastAt), lastId})
                                            .toJson(QJsonDocument::Compact)
                                            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)));
    }
    return ApiResponse::json(200, page);
}

Api::Outcome Api::getMessage(const Caller &caller, const QString &id)
{
    auto q
        = m_db.exec(QStringLiteral("SELECT id, user_id, kind, channel, recipient, payload, state, created_at, attempts, next_attempt_at, "
                                   "sent_at, reason_code, last_error FROM message WHERE org_id = ? AND id = ?"),
            {caller.orgId, id});
    if (!q)
        return unavailable(q.error());
    if (!q->next())
        return Problem::make(404, QStringLiteral("not-found"), tr("There is no such message."));
    return ApiResponse::json(200,
        messageJson(q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(), q->value(4).toString(),
            parse(q->value(5)), q->value(6).toString(), q->value(7).toLongLong(), messageProgress(q.value(), 8)));
}

// --- Numbers and prompts ------------------------------------------------------------------------

Api::Outcome Api::assignNumber(const ApiRequest &request, const Caller &caller, const QString &numberSegment, bool release)
{
    QString userSegment;
    QString functionSegment;
    if (!release) {
        Problem problem;
        Result<QJsonObject> parsed = readJsonBody(request, m_options.maxJsonBytes, problem);
        if (!parsed)
            return problem;
        userSegment = parsed->value(QLatin1String("userId")).toString();
        functionSegment = parsed->value(QLatin1String("functionId")).toString();
        if (userSegment.isEmpty() == functionSegment.isEmpty())
            return validationProblem(Error::invalid(tr("Give exactly one of userId and functionId."), QStringLiteral("userId")));
    }
    const EntityType &numberType = *Entities::byName(QStringLiteral("number"));
    auto locked = lockOwner(request, caller, numberType, numberSegment);
    if (auto *p = std::get_if<Problem>(&locked))
        return *p;
    const Owned number = std::get<Owned>(locked);
    const QString currentUser = number.body.value(QLatin1String("userId")).toString();
    const QString currentFunction = number.body.value(QLatin1String("functionId")).toString();
    auto unchanged = [&]() -> Outcome {
        ApiResponse r = ApiResponse::json(200, present(caller, numberType.name, number.id, number.body, number.version));
        r.setHeader(QByteArrayLiteral("ETag"), etag(number.version));
        return r;
    };
    QJsonObject body = number.body;
    if (release) {
        if (currentUser.isEmpty() && currentFunction.isEmpty())
            return unchanged();
        body.insert(QStringLiteral("userId"), QString());
        body.insert(QStringLiteral("functionId"), QString());
        return storeOwner(caller, numberType, number, body);
    }
    const bool toUser = !userSegment.isEmpty();
    const EntityType &assigneeType = *Entities::byName(toUser ? QStringLiteral("user") : QStringLiteral("function"));
    auto assignee = readOwner(caller, assigneeType, toUser ? userSegment : functionSegment);
    if (auto *p = std::get_if<Problem>(&assignee)) {
        if (p->status != 404)
            return *p;
        const QString field = toUser ? QStringLiteral("userId") : QStringLiteral("functionId");
        Problem v = Problem::make(422, QStringLiteral("validation-failed"), tr("The field %1 refers to a record that does not exist.").arg(field));
        v.fieldError(field, QStringLiteral("unknown-reference"), v.detail);
        return v;
    }
    const QString assigneeId = std::get<Owned>(assignee).id;
    if ((toUser ? currentUser : currentFunction) == assigneeId)
        return unchanged();
    const QString numberText = number.body.value(QLatin1String("number")).toString();
    if (!currentUser.isEmpty() || !currentFunction.isEmpty())
        return Problem::make(409, QStringLiteral("in-use"), tr("The number %1 is already assigned: release it first.").arg(numberText));
    auto other = m_db.exec(QStringLiteral("SELECT body FROM record WHERE org_id = ? AND entity = 'number' AND deleted = 0 AND id <> ? AND id IN "
                                          "(SELECT from_id FROM record_ref WHERE org_id = ? AND from_entity = 'number' AND to_entity = ? AND to_id = ?)"),
                           {caller.orgId, number.id, caller.orgId, assigneeType.name, assigneeId});
    if (!other)
        return unavailable(other.error());
    if (other->next())
        return Problem::make(409, QStringLiteral("in-use"),
                             tr("This assignee already has the number %1.").arg(parse(other->value(0)).value(QLatin1String("number")).toString()));
    body.insert(QStringLiteral("userId"), toUser ? assigneeId : QString());
    body.insert(QStringLiteral("functionId"), toUser ? QString() : assigneeId);
    return storeOwner(caller, numberType, number, body);
}

Api::Outcome Api::promptAudio(const ApiRequest &request, const Caller &caller, const QString &promptSegment)
{
    auto prompt = readOwner(caller, *Entities::byName(QStringLiteral("prompt")), promptSegment);
    if (auto *p = std::get_if<Problem>(&prompt))
        return *p;
    const Owned owner = std::get<Owned>(prompt);
    auto q = m_db.exec(QStringLiteral("SELECT data FROM record_blob WHERE org_id = ? AND entity = 'prompt' AND id = ? AND kind = 'audio'"),
                       {caller.orgId, owner.id});
    if (!q)
        return unavailable(q.error());
    if (!q->next())
        return Problem::make(404, QStringLiteral("not-found"), tr("This prompt has no audio yet."));
    ApiResponse r;
    r.setHeader(QByteArrayLiteral("ETag"), etag(owner.version));
    if (versionOf(request.header("if-none-match")) == owner.version) {
        r.status = 304;
        return r;
    }
    r.contentType = QByteArrayLiteral("audio/wav");
    r.body = q->value(0).toByteArray();
    return r;
}

Api::Outcome Api::setPromptAudio(const ApiRequest &request, const Caller &caller, const QString &promptSegment)
{
    if (request.body.size() > kMaxAudioBytes)
        return Problem::make(413, QStringLiteral("payload-too-large"), tr("The request body is larger than %1 bytes.").arg(kMaxAudioBytes));
    const QByteArray type = contentTypeOf(request);
    if (type != "audio/wav" && type != "audio/x-wav" && type != "audio/wave")
        return Problem::make(415, QStringLiteral("unsupported-media-type"), tr("Prompt audio is sent as audio/wav."));
    const EntityType &promptType = *Entities::byName(QStringLiteral("prompt"));
    auto locked = lockOwner(request, caller, promptType, promptSegment);
    if (auto *p = std::get_if<Problem>(&locked))
        return *p;
    const Owned prompt = std::get<Owned>(locked);
    Result<PromptAudioMeasure> measure = Entities::measurePromptAudio(request.body);
    if (!measure) {
        Problem p = Problem::make(422, QStringLiteral("invalid-audio"), measure.error().message);
        p.fieldError(QStringLiteral("audio"), QStringLiteral("invalid-audio"), measure.error().message);
        return p;
    }
    const QString sha = sha256Hex(request.body);
    auto b = m_db.exec(QStringLiteral("INSERT INTO record_blob (org_id, entity, id, kind, data, sha256) VALUES (?, 'prompt', ?, 'audio', ?, ?) "
                                      "ON CONFLICT (org_id, entity, id, kind) DO UPDATE SET data = excluded.data, sha256 = excluded.sha256"),
                       {caller.orgId, prompt.id, request.body, sha});
    if (!b)
        return unavailable(b.error());
    QJsonObject body = prompt.body;
    body.insert(QStringLiteral("durationMs"), measure->durationMs);
    body.insert(QStringLiteral("peakDbfs"), measure->peakDbfs);
    body.insert(QStringLiteral("rmsDbfs"), measure->rmsDbfs);
    body.insert(QStringLiteral("hasAudio"), true);
    body.insert(QStringLiteral("audioSha256"), sha);
    return storeOwner(caller, promptType, prompt, body);
}

// --- Function numbers ---------------------------------------------------------------------------

QTimeZone Api::organisationZone(const Caller &caller)
{
    auto org = readOwner(caller, *Entities::byName(QStringLiteral("organisation")), caller.orgId);
    const QString zone = std::holds_alternative<Owned>(org) ? std::get<Owned>(org).body.value(QLatin1String("timeZone")).toString() : QString();
    const QTimeZone tz(zone.isEmpty() ? QByteArrayLiteral("Europe/Brussels") : zone.toLatin1());
    return tz.isValid() ? tz : ScheduleEngine::defaultTimeZone();
}

namespace {

struct Schedule {
    FunctionNumber function;
    QList<ScheduleEvent> events; // in priority order
    QList<QJsonObject> records;  // the events as stored, same order
    QList<qint64> versions;
};

} // namespace

// The function's record and its events, in priority order.
static std::variant<Schedule, Problem> loadSchedule(ServerDatabase &db, const QString &orgId, const QString &functionId, const QJsonObject &body)
{
    Schedule s;
    Result<FunctionNumber> function = FunctionNumber::fromJson(body);
    if (!function)
        return validationProblem(function.error());
    s.function = function.value();
    auto q = db.exec(QStringLiteral("SELECT body, version FROM record WHERE org_id = ? AND entity = 'event' AND parent_id = ? AND deleted = 0 "
                                    "ORDER BY sort_key, id"),
                     {orgId, functionId});
    if (!q)
        return unavailable(q.error());
    while (q->next()) {
        const QJsonObject record = parse(q->value(0));
        Result<ScheduleEvent> event = ScheduleEvent::fromJson(record);
        if (!event)
            return validationProblem(event.error());
        s.events << event.value();
        s.records << record;
        s.versions << q->value(1).toLongLong();
    }
    return s;
}

Api::Outcome Api::functionState(const ApiRequest &request, const Caller &caller, const QString &functionSegment)
{
    auto function = readOwner(caller, *Entities::byName(QStringLiteral("function")), functionSegment);
    if (auto *p = std::get_if<Problem>(&function))
        return *p;
    const Owned owner = std::get<Owned>(function);
    const QTimeZone zone = organisationZone(caller);
    QDateTime at = QDateTime::fromMSecsSinceEpoch(now() - now() % 1000, zone);
    const QString atText = request.query.queryItemValue(QStringLiteral("at"));
    if (!atText.isEmpty()) {
        static const QRegularExpression pattern(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}$"));
        const QDateTime local = QDateTime::fromString(atText, QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
        if (!pattern.match(atText).hasMatch() || !local.isValid())
            return Problem::make(400, QStringLiteral("bad-request"), tr("at is a local time such as 2027-01-01T08:30:00."))
                .fieldError(QStringLiteral("at"), QStringLiteral("invalid"), tr("at is a local time such as 2027-01-01T08:30:00."));
        at = QDateTime(local.date(), local.time(), zone);
    }
    int count = 5;
    if (request.query.hasQueryItem(QStringLiteral("transitions"))) {
        bool ok = false;
        count = request.query.queryItemValue(QStringLiteral("transitions")).toInt(&ok);
        if (!ok || count < 0 || count > 50)
            return Problem::make(400, QStringLiteral("bad-request"), tr("transitions must be a whole number from 0 to 50."))
                .fieldError(QStringLiteral("transitions"), QStringLiteral("out-of-range"), tr("transitions must be a whole number from 0 to 50."));
    }
    auto schedule = loadSchedule(m_db, caller.orgId, owner.id, owner.body);
    if (auto *p = std::get_if<Problem>(&schedule))
        return *p;
    const Schedule &s = std::get<Schedule>(schedule);
    Result<ScheduleEngine> engine = ScheduleEngine::create(s.function.defaultState, s.events, zone);
    if (!engine)
        return validationProblem(engine.error());
    const ScheduleEngine::Decision decision = engine->stateAt(at);
    QJsonObject state{{QStringLiteral("at"), localTime(at, zone)},
                      {QStringLiteral("state"), openStateName(decision.state)},
                      {QStringLiteral("promptId"), decision.promptId},
                      {QStringLiteral("eventId"), decision.eventId}};
    QJsonArray next;
    if (count > 0) {
        // A year ahead is as far as a schedule is read; beyond it nothing is promised.
        for (const ScheduleEngine::Transition &t : engine->transitions(at, at.addDays(366))) {
            if (next.size() == count)
                break;
            next.append(QJsonObject{{QStringLiteral("at"), localTime(t.at, zone)},
                                    {QStringLiteral("state"), openStateName(t.decision.state)},
                                    {QStringLiteral("promptId"), t.decision.promptId},
                                    {QStringLiteral("eventId"), t.decision.eventId}});
        }
    }
    state.insert(QStringLiteral("transitions"), next);
    return ApiResponse::json(200, state);
}

Api::Outcome Api::functionCalendar(const Caller &caller, const QString &functionSegment)
{
    auto function = readOwner(caller, *Entities::byName(QStringLiteral("function")), functionSegment);
    if (auto *p = std::get_if<Problem>(&function))
        return *p;
    const Owned owner = std::get<Owned>(function);
    auto schedule = loadSchedule(m_db, caller.orgId, owner.id, owner.body);
    if (auto *p = std::get_if<Problem>(&schedule))
        return *p;
    QHash<QString, QString> promptNames;
    auto prompts = m_db.exec(QStringLiteral("SELECT id, body FROM record WHERE org_id = ? AND entity = 'prompt' AND deleted = 0"), {caller.orgId});
    if (!prompts)
        return unavailable(prompts.error());
    while (prompts->next())
        promptNames.insert(prompts->value(0).toString(), parse(prompts->value(1)).value(QLatin1String("name")).toString());
    IcsCalendar calendar(promptNames, organisationZone(caller));
    Result<QByteArray> ics = calendar.exportEvents(std::get<Schedule>(schedule).function, std::get<Schedule>(schedule).events);
    if (!ics)
        return validationProblem(ics.error());
    ApiResponse r;
    r.contentType = QByteArrayLiteral("text/calendar; charset=utf-8");
    r.body = ics.value();
    r.setHeader(QByteArrayLiteral("ETag"), etag(owner.version));
    return r;
}

Api::Outcome Api::importFunctionCalendar(const ApiRequest &request, const Caller &caller, const QString &functionSegment)
{
    if (request.body.size() > kMaxCalendarBytes)
        return Problem::make(413, QStringLiteral("payload-too-large"), tr("The request body is larger than %1 bytes.").arg(kMaxCalendarBytes));
    if (contentTypeOf(request) != "text/calendar")
        return Problem::make(415, QStringLiteral("unsupported-media-type"), tr("A calendar is sent as text/calendar."));
    const QString mode = request.query.queryItemValue(QStringLiteral("mode"));
    if (!mode.isEmpty() && mode != QLatin1String("replace") && mode != QLatin1String("append"))
        return Problem::make(400, QStringLiteral("bad-request"), tr("mode must be replace or append."))
            .fieldError(QStringLiteral("mode"), QStringLiteral("invalid"), tr("mode must be replace or append."));
    const bool replace = mode == QLatin1String("replace");
    const EntityType &functionType = *Entities::byName(QStringLiteral("function"));
    const EntityType &eventType = *Entities::byName(QStringLiteral("event"));
    auto locked = lockOwner(request, caller, functionType, functionSegment);
    if (auto *p = std::get_if<Problem>(&locked))
        return *p;
    const Owned function = std::get<Owned>(locked);
    auto schedule = loadSchedule(m_db, caller.orgId, function.id, function.body);
    if (auto *p = std::get_if<Problem>(&schedule))
        return *p;
    const Schedule current = std::get<Schedule>(schedule);

    QHash<QString, QString> promptNames;
    auto prompts = m_db.exec(QStringLiteral("SELECT id, body FROM record WHERE org_id = ? AND entity = 'prompt' AND deleted = 0"), {caller.orgId});
    if (!prompts)
        return unavailable(prompts.error());
    while (prompts->next())
        promptNames.insert(prompts->value(0).toString(), parse(prompts->value(1)).value(QLatin1String("name")).toString());
    IcsCalendar calendar(promptNames, organisationZone(caller));
    Result<IcsCalendar::Parsed> parsed = calendar.parse(request.body, function.id);
    if (!parsed) {
        Problem p = Problem::make(422, QStringLiteral("validation-failed"), tr("The calendar cannot be imported: %1").arg(parsed.error().message));
        p.fieldError(QStringLiteral("calendar"), QStringLiteral("invalid-calendar"), parsed.error().message);
        return p;
    }

    int position = 0;
    if (replace) {
        for (int i = 0; i < current.events.size(); ++i) {
            if (Status s = storeRecord(caller.orgId, eventType, current.events.at(i).id, {}, current.versions.at(i), function.id, true); !s)
                return unavailable(s.error());
        }
    } else {
        position = static_cast<int>(current.events.size());
    }
    QJsonArray items;
    if (!replace) {
        for (int i = 0; i < current.records.size(); ++i)
            items.append(present(caller, eventType.name, current.events.at(i).id, current.records.at(i), current.versions.at(i)));
    }
    for (ScheduleEvent e : parsed->events) {
        e.id = newId();
        e.functionId = function.id;
        e.position = position++;
        Result<QJsonObject> record = eventType.normalise(e.toJson(), caller.domain);
        if (!record) {
            Problem p = Problem::make(422, QStringLiteral("validation-failed"),
                                      tr("The event \"%1\" cannot be imported: %2").arg(e.title, record.error().message));
            p.fieldError(QStringLiteral("calendar"), QStringLiteral("invalid-event"), p.detail);
            return p;
        }
        if (Status s = storeRecord(caller.orgId, eventType, e.id, record.value(), 1, function.id, false); !s)
            return unavailable(s.error());
        items.append(present(caller, eventType.name, e.id, record.value(), 1));
    }
    QJsonObject body = function.body;
    // The file's default state applies when it restores a whole calendar, as on the desktop.
    if (parsed->defaultState && (replace || current.events.isEmpty()))
        body.insert(QStringLiteral("defaultState"), openStateName(*parsed->defaultState));
    Outcome stored = storeOwner(caller, functionType, function, body);
    if (auto *p = std::get_if<Problem>(&stored))
        return *p;
    ApiResponse r = ApiResponse::json(200, {{QStringLiteral("items"), items}, {QStringLiteral("hasMore"), false}});
    r.setHeader(QByteArrayLiteral("ETag"), std::get<ApiResponse>(stored).header("ETag"));
    return r;
}

} // namespace centrale::server
