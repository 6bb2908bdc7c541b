#include "Api.h"
#include "ApiSupport.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTimeZone>
#include <QUuid>

namespace centrale::server {

namespace {

QString sortKeyOf(const EntityType &type, const QJsonObject &record)
{
    QStringList parts;
    for (const QString &field : type.sortFields) {
        const QJsonValue v = record.value(field);
        parts << (v.isDouble() ? QStringLiteral("%1").arg(static_cast<qint64>(v.toDouble()), 15, 10, QLatin1Char('0'))
                               : Entities::fold(v.toString()));
    }
    return parts.join(QChar(0x1f));
}

QString likeEscape(QString s)
{
    s.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    s.replace(QLatin1Char('%'), QLatin1String("\\%"));
    s.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return s;
}

} // namespace

Status Api::storeRecord(const QString &orgId, const EntityType &type, const QString &id, const QJsonObject &body, qint64 version,
                        const QString &parentId, bool deleted)
{
    Result<qint64> seq = nextSeq(orgId);
    if (!seq)
        return seq.error();
    const QString natural = deleted ? QString() : type.naturalKey(body);
    auto q = m_db.exec(QStringLiteral("INSERT INTO record (org_id, entity, id, version, body, deleted, seq, changed_at, natural_key, sort_key, "
                                      "search_text, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT (org_id, entity, id) DO UPDATE SET version = excluded.version, body = excluded.body, "
                                      "deleted = excluded.deleted, seq = excluded.seq, changed_at = excluded.changed_at, "
                                      "natural_key = excluded.natural_key, sort_key = excluded.sort_key, "
                                      "search_text = excluded.search_text, parent_id = excluded.parent_id"),
                       {orgId, type.name, id, version, deleted ? QVariant(QMetaType(QMetaType::QString)) : QVariant(compact(body)),
                        deleted ? 1 : 0, seq.value(), now(), natural.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(natural),
                        deleted ? QString() : sortKeyOf(type, body), deleted ? QString() : type.searchText(body), parentId});
    if (!q)
        return q.error();
    if (auto d = m_db.exec(QStringLiteral("DELETE FROM record_ref WHERE org_id = ? AND from_entity = ? AND from_id = ?"), {orgId, type.name, id}); !d)
        return d.error();
    if (!deleted) {
        QSet<QString> seen;
        for (const Reference &r : type.references(body)) {
            const QString key = r.entity + QLatin1Char('/') + r.id;
            if (seen.contains(key))
                continue;
            seen.insert(key);
            if (auto i = m_db.exec(QStringLiteral("INSERT INTO record_ref (org_id, from_entity, from_id, to_entity, to_id) VALUES (?, ?, ?, ?, ?)"),
                                   {orgId, type.name, id, r.entity, r.id});
                !i)
                return i.error();
        }
    }
    if (type.name == QLatin1String("user")) {
        if (deleted) {
            for (const QString &sql : {QStringLiteral("UPDATE session_token SET revoked = 1 WHERE user_id = ?"),
                                       QStringLiteral("DELETE FROM account WHERE user_id = ?")}) {
                if (auto d = m_db.exec(sql, {id}); !d)
                    return d.error();
            }
        } else {
            auto a = m_db.exec(QStringLiteral("INSERT INTO account (user_id, org_id, username, mobile) VALUES (?, ?, ?, ?) "
                                              "ON CONFLICT (user_id) DO UPDATE SET username = excluded.username, mobile = excluded.mobile"),
                               {id, orgId, body.value(QLatin1String("username")).toString().toLower(), body.value(QLatin1String("mobile")).toString()});
            if (!a)
                return a.error();
        }
    }
    return {};
}

Status Api::lockOrganisation(const QString &orgId)
{
    // PostgreSQL: held until the transaction ends. SQLite has one writer at a time anyway.
    if (m_db.kind() != ServerDatabase::Kind::Postgres)
        return {};
    auto q = m_db.exec(QStringLiteral("SELECT seq FROM org WHERE id = ? FOR UPDATE"), {orgId});
    if (!q)
        return q.error();
    return {};
}

QJsonObject Api::present(const Caller &, const QString &entity, const QString &, const QJsonObject &body, qint64 version)
{
    QJsonObject o = body;
    if (entity == QLatin1String("user")) {
        // Read-only: set by their own requests (/photo, /pin), kept by every other write.
        for (const QString &field : {QStringLiteral("hasPhoto"), QStringLiteral("pinSet")}) {
            if (!o.contains(field))
                o.insert(field, false);
        }
    }
    o.insert(QStringLiteral("version"), version);
    return o;
}

QString Api::resolveId(const Caller &caller, const EntityType &type, const QString &segment)
{
    const bool byKey = (type.name == QLatin1String("user") && segment.contains(QLatin1Char('@')))
        || (type.name == QLatin1String("number") && segment.startsWith(QLatin1Char('+')));
    if (!byKey)
        return segment;
    auto q = m_db.exec(QStringLiteral("SELECT id FROM record WHERE org_id = ? AND entity = ? AND natural_key = ?"),
                       {caller.orgId, type.name, type.name == QLatin1String("user") ? segment.toLower() : segment});
    return q && q->next() ? q->value(0).toString() : QString();
}

ApiResponse Api::orgRoute(const ApiRequest &request, const QStringList &segments)
{
    auto result = authorise(request, segments.first());
    if (auto *p = std::get_if<Problem>(&result))
        return fail(*p, request);
    const Caller caller = std::get<Caller>(result);
    const QStringList rest = segments.mid(1);
    auto notAllowed = [&] {
        return fail(Problem::make(405, QStringLiteral("method-not-allowed"),
                                  tr("The method %1 is not allowed here.").arg(QString::fromLatin1(request.method))),
                    request);
    };
    auto answer = [&](Outcome o) {
        if (auto *p = std::get_if<Problem>(&o))
            return fail(*p, request);
        return std::get<ApiResponse>(o);
    };
    if (rest.isEmpty()) {
        const EntityType &org = *Entities::byName(QStringLiteral("organisation"));
        if (request.method == "GET")
            return answer(getRecord(request, caller, org, caller.orgId));
        if (request.method == "PUT")
            return idempotent(request, caller, [&] { return putRecord(request, caller, org, caller.orgId, {}); });
        return notAllowed();
    }
    if (rest.size() == 1 && rest.first() == QLatin1String("batch"))
        return request.method == "POST" ? batch(request, caller) : notAllowed();
    if (rest.size() == 1 && rest.first() == QLatin1String("changes"))
        return request.method == "GET" ? answer(changes(request, caller)) : notAllowed();
    if (rest.size() == 1 && rest.first() == QLatin1String("welcome")) {
        if (request.method != "POST")
            return notAllowed();
        return idempotent(request, caller, [&] { return welcome(request, caller, {}); });
    }
    if (!rest.isEmpty() && rest.first() == QLatin1String("messages") && rest.size() <= 2) {
        if (request.method != "GET")
            return notAllowed();
        return answer(rest.size() == 1 ? listMessages(request, caller) : getMessage(caller, rest.at(1)));
    }
    if (rest.size() == 2 && rest.first() == QLatin1String("call-jobs"))
        return request.method == "GET" ? answer(getCallJob(caller, rest.at(1))) : notAllowed();
    return recordRoute(request, caller, rest);
}

ApiResponse Api::recordRoute(const ApiRequest &request, const Caller &caller, const QStringList &rest)
{
    auto notFound = [&] { return fail(Problem::make(404, QStringLiteral("not-found"), tr("There is nothing at this address.")), request); };
    auto notAllowed = [&] {
        return fail(Problem::make(405, QStringLiteral("method-not-allowed"),
                                  tr("The method %1 is not allowed here.").arg(QString::fromLatin1(request.method))),
                    request);
    };
    auto answer = [&](Outcome o) {
        if (auto *p = std::get_if<Problem>(&o))
            return fail(*p, request);
        return std::get<ApiResponse>(o);
    };
    const EntityType *type = Entities::bySegment(rest.first());
    if (!type)
        return notFound();
    QString parentId;
    QStringList tail = rest.mid(1);
    // Events live under their function: /functions/{function}/events[/{event}].
    if (type->name == QLatin1String("function") && tail.size() >= 2 && tail.at(1) == QLatin1String("events")) {
        parentId = tail.at(0);
        type = Entities::byName(QStringLiteral("event"));
        tail = tail.mid(2);
        auto parent = m_db.exec(QStringLiteral("SELECT 1 FROM record WHERE org_id = ? AND entity = 'function' AND id = ? AND deleted = 0"),
                                {caller.orgId, parentId});
        if (!parent)
            return fail(unavailable(parent.error()), request);
        if (!parent->next())
            return fail(Problem::make(404, QStringLiteral("not-found"), tr("There is no such record.")), request);
    }
    if (tail.isEmpty())
        return request.method == "GET" ? answer(listRecords(request, caller, *type, parentId)) : notAllowed();
    // Literal segments before parameters: /phones/reload is not the phone "reload".
    if (parentId.isEmpty() && type->name == QLatin1String("phone") && tail.size() == 1 && tail.first() == QLatin1String("reload"))
        return request.method == "POST" ? reloadPhones(request, caller, {}, true) : notAllowed();
    if (parentId.isEmpty() && tail.size() >= 2)
        return subresourceRoute(request, caller, *type, tail);
    if (tail.size() != 1)
        return notFound();
    const QString segment = tail.first();
    if (request.method == "GET") {
        const QString id = resolveId(caller, *type, segment);
        return id.isEmpty() ? fail(Problem::make(404, QStringLiteral("not-found"), tr("There is no such record.")), request)
                            : answer(getRecord(request, caller, *type, id));
    }
    if (request.method == "PUT") {
        return idempotent(request, caller, [&]() -> Outcome {
            const QString id = resolveId(caller, *type, segment);
            if (id.isEmpty() || id != segment) {
                // Creation is under the record's UUID; a username or a number only finds existing records.
                if (id.isEmpty() && QUuid::fromString(segment).isNull())
                    return Problem::make(404, QStringLiteral("not-found"), tr("There is no such record."));
            }
            return putRecord(request, caller, *type, id.isEmpty() ? segment : id, parentId);
        });
    }
    if (request.method == "DELETE") {
        return idempotent(request, caller, [&]() -> Outcome {
            const QString id = resolveId(caller, *type, segment);
            if (id.isEmpty())
                return Problem::make(404, QStringLiteral("not-found"), tr("There is no such record."));
            return deleteRecord(request, caller, *type, id);
        });
    }
    return notAllowed();
}

Api::Outcome Api::getRecord(const ApiRequest &request, const Caller &caller, const EntityType &type, const QString &id)
{
    auto q = m_db.exec(QStringLiteral("SELECT version, body FROM record WHERE org_id = ? AND entity = ? AND id = ? AND deleted = 0"),
                       {caller.orgId, type.name, id});
    if (!q)
        return unavailable(q.error());
    if (!q->next())
        return Problem::make(404, QStringLiteral("not-found"), tr("There is no such record."));
    const qint64 version = q->value(0).toLongLong();
    const QByteArray inm = request.header("if-none-match");
    if (!inm.isEmpty() && versionOf(inm) == version) {
        ApiResponse r;
        r.status = 304;
        r.setHeader(QByteArrayLiteral("ETag"), etag(version));
        return r;
    }
    ApiResponse r = ApiResponse::json(200, present(caller, type.name, id, parse(q->value(1)), version));
    r.setHeader(QByteArrayLiteral("ETag"), etag(version));
    return r;
}

Api::Outcome Api::putRecord(const ApiRequest &request, const Caller &caller, const EntityType &type, const QString &id,
                            const QString &parentId)
{
    Problem problem;
    const qsizetype limit = type.name == QLatin1String("prompt") ? 14 * (1 << 20) : m_options.maxJsonBytes;
    Result<QJsonObject> parsed = readJsonBody(request, limit, problem);
    if (!parsed)
        return problem;
    QJsonObject body = parsed.value();
    if (type.name != QLatin1String("organisation")) {
        if (body.contains(QLatin1String("id")) && body.value(QLatin1String("id")).toString() != id)
            return validationProblem(Error::invalid(tr("The id in the body is not the one in the address."), QStringLiteral("id")));
        body.insert(QStringLiteral("id"), id);
    } else {
        body.insert(QStringLiteral("id"), id);
    }
    if (!type.parentField.isEmpty()) {
        if (body.contains(type.parentField) && body.value(type.parentField).toString() != parentId)
            return validationProblem(Error::invalid(tr("The record belongs to the record in the address."), type.parentField));
        body.insert(type.parentField, parentId);
    }
    Result<QJsonObject> canonical = type.normalise(body, caller.domain);
    if (!canonical)
        return validationProblem(canonical.error());
    QJsonObject record = canonical.value();

    // The current state is read under the organisation's write lock, so that two instances
    // cannot both accept a change based on the same version.
    if (Status s = lockOrganisation(caller.orgId); !s)
        return unavailable(s.error());
    auto cur = m_db.exec(QStringLiteral("SELECT version, body, deleted FROM record WHERE org_id = ? AND entity = ? AND id = ?"),
                         {caller.orgId, type.name, id});
    if (!cur)
        return unavailable(cur.error());
    const bool found = cur->next();
    const bool exists = found && cur->value(2).toInt() == 0;
    const qint64 currentVersion = found ? cur->value(0).toLongLong() : 0;
    const QJsonObject currentBody = exists ? parse(cur->value(1)) : QJsonObject();
    auto stale = [&]() {
        Problem p = Problem::make(412, QStringLiteral("version-mismatch"),
                                  tr("The record was changed by someone else since you read it (now version %1).").arg(currentVersion));
        if (exists) {
            p.extra.insert(QStringLiteral("current"), present(caller, type.name, id, currentBody, currentVersion));
            p.extra.insert(QStringLiteral("currentVersion"), currentVersion);
        }
        return p;
    };
    const QByteArray ifNoneMatch = request.header("if-none-match").trimmed();
    const QByteArray ifMatch = request.header("if-match");
    if (ifNoneMatch == "*") {
        if (exists)
            return stale();
    } else if (!ifMatch.isEmpty()) {
        if (!exists)
            return Problem::make(404, QStringLiteral("not-found"), tr("There is no such record."));
        if (versionOf(ifMatch) != currentVersion)
            return stale();
    } else {
        return Problem::make(428, QStringLiteral("precondition-required"),
                             tr("A change needs If-Match with the version it is based on, or If-None-Match: * to create."));
    }
    for (const Reference &r : type.references(record)) {
        auto q = m_db.exec(QStringLiteral("SELECT 1 FROM record WHERE org_id = ? AND entity = ? AND id = ? AND deleted = 0"),
                           {caller.orgId, r.entity, r.id});
        if (!q)
            return unavailable(q.error());
        if (!q->next()) {
            Problem p = Problem::make(422, QStringLiteral("validation-failed"), tr("The field %1 refers to a record that does not exist.").arg(r.field));
            p.fieldError(r.field, QStringLiteral("unknown-reference"), p.detail);
            return p;
        }
    }
    const QString natural = type.naturalKey(record);
    if (!natural.isEmpty()) {
        auto q = m_db.exec(QStringLiteral("SELECT 1 FROM record WHERE org_id = ? AND entity = ? AND natural_key = ? AND id <> ?"),
                           {caller.orgId, type.name, natural, id});
        if (!q)
            return unavailable(q.error());
        if (q->next())
            return Problem::make(409, QStringLiteral("duplicate"), tr("Another record already uses %1.").arg(natural));
    }
    if (type.name == QLatin1String("prompt")) {
        // The audio is kept beside the record; the record says whether there is some and which.
        const QByteArray audio = QByteArray::fromBase64(record.value(QLatin1String("audio")).toString().toLatin1());
        record.remove(QStringLiteral("audio"));
        if (!audio.isEmpty()) {
            const QString sha = QString::fromLatin1(QCryptographicHash::hash(audio, QCryptographicHash::Sha256).toHex());
            auto b = m_db.exec(QStringLiteral("INSERT INTO record_blob (org_id, entity, id, kind, data, sha256) VALUES (?, 'prompt', ?, 'audio', ?, ?) "
                                              "ON CONFLICT (org_id, entity, id, kind) DO UPDATE SET data = excluded.data, sha256 = excluded.sha256"),
                               {caller.orgId, id, audio, sha});
            if (!b)
                return unavailable(b.error());
            record.insert(QStringLiteral("hasAudio"), true);
            record.insert(QStringLiteral("audioSha256"), sha);
        } else {
            record.insert(QStringLiteral("hasAudio"), currentBody.value(QLatin1String("hasAudio")).toBool());
            record.insert(QStringLiteral("audioSha256"), currentBody.value(QLatin1String("audioSha256")).toString());
        }
    }
    if (type.name == QLatin1String("user")) {
        for (const QString &field : {QStringLiteral("hasPhoto"), QStringLiteral("pinSet")})
            record.insert(field, currentBody.value(field).toBool());
        if (currentBody.contains(QLatin1String("photoSha256")))
            record.insert(QStringLiteral("photoSha256"), currentBody.value(QLatin1String("photoSha256")).toString());
    }
    const qint64 version = exists ? currentVersion + 1 : 1;
    if (Status s = storeRecord(caller.orgId, type, id, record, version, parentId, false); !s) {
        if (s.error().code == ErrorCode::Duplicate)
            return Problem::make(409, QStringLiteral("duplicate"), s.error().message);
        return unavailable(s.error());
    }
    ApiResponse r = ApiResponse::json(exists ? 200 : 201, present(caller, type.name, id, record, version));
    r.setHeader(QByteArrayLiteral("ETag"), etag(version));
    if (!exists)
        r.setHeader(QByteArrayLiteral("Location"), request.path.toUtf8());
    return r;
}

Api::Outcome Api::deleteRecord(const ApiRequest &request, const Caller &caller, const EntityType &type, const QString &id)
{
    if (type.name == QLatin1String("organisation"))
        return Problem::make(405, QStringLiteral("method-not-allowed"), tr("An organisation is not deleted through the API."));
    if (Status s = lockOrganisation(caller.orgId); !s)
        return unavailable(s.error());
    auto cur = m_db.exec(QStringLiteral("SELECT version, body, parent_id FROM record WHERE org_id = ? AND entity = ? AND id = ? AND deleted = 0"),
                         {caller.orgId, type.name, id});
    if (!cur)
        return unavailable(cur.error());
    if (!cur->next())
        return Problem::make(404, QStringLiteral("not-found"), tr("There is no such record."));
    const qint64 currentVersion = cur->value(0).toLongLong();
    const QJsonObject currentBody = parse(cur->value(1));
    const QString parentId = cur->value(2).toString();
    const QByteArray ifMatch = request.header("if-match");
    if (ifMatch.isEmpty())
        return Problem::make(428, QStringLiteral("precondition-required"), tr("A deletion needs If-Match with the version it is based on."));
    if (versionOf(ifMatch) != currentVersion) {
        Problem p = Problem::make(412, QStringLiteral("version-mismatch"),
                                  tr("The record was changed by someone else since you read it (now version %1).").arg(currentVersion));
        p.extra.insert(QStringLiteral("current"), present(caller, type.name, id, currentBody, currentVersion));
        p.extra.insert(QStringLiteral("currentVersion"), currentVersion);
        return p;
    }
    // Records that live under this one (a function's events) go with it.
    QList<const EntityType *> children;
    for (const EntityType &t : Entities::all()) {
        if (t.parentEntity == type.name)
            children << &t;
    }
    auto users = m_db.exec(QStringLiteral("SELECT from_entity, from_id FROM record_ref WHERE org_id = ? AND to_entity = ? AND to_id = ?"),
                           {caller.orgId, type.name, id});
    if (!users)
        return unavailable(users.error());
    while (users->next()) {
        const QString fromEntity = users->value(0).toString();
        bool child = false;
        for (const EntityType *c : children)
            child = child || c->name == fromEntity;
        if (!child) {
            return Problem::make(409, QStringLiteral("in-use"),
                                 tr("This record is still used by a record of type %1 (%2): change that one first.")
                                     .arg(fromEntity, users->value(1).toString()));
        }
    }
    for (const EntityType *c : children) {
        auto kids = m_db.exec(QStringLiteral("SELECT id, version FROM record WHERE org_id = ? AND entity = ? AND parent_id = ? AND deleted = 0"),
                              {caller.orgId, c->name, id});
        if (!kids)
            return unavailable(kids.error());
        QList<QPair<QString, qint64>> list;
        while (kids->next())
            list.append({kids->value(0).toString(), kids->value(1).toLongLong()});
        for (const auto &[kidId, kidVersion] : list) {
            if (Status s = storeRecord(caller.orgId, *c, kidId, {}, kidVersion, id, true); !s)
                return unavailable(s.error());
        }
    }
    if (Status s = storeRecord(caller.orgId, type, id, {}, currentVersion, parentId, true); !s)
        return unavailable(s.error());
    if (auto b = m_db.exec(QStringLiteral("DELETE FROM record_blob WHERE org_id = ? AND entity = ? AND id = ?"), {caller.orgId, type.name, id}); !b)
        return unavailable(b.error());
    return ApiResponse::noContent();
}

Api::Outcome Api::listRecords(const ApiRequest &request, const Caller &caller, const EntityType &type, const QString &parentId,
                              const QString &where, const QVariantList &whereBinds, const std::function<void(QJsonObject &)> &decorate)
{
    bool ok = true;
    int limit = 100;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return Problem::make(400, QStringLiteral("bad-request"), tr("limit must be a whole number from 1 to 1000."))
                .fieldError(QStringLiteral("limit"), QStringLiteral("out-of-range"), tr("limit must be a whole number from 1 to 1000."));
    }
    const QString sort = request.query.queryItemValue(QStringLiteral("sort"));
    const bool descending = sort.startsWith(QLatin1Char('-'));
    if (!sort.isEmpty() && sort.mid(descending ? 1 : 0) != type.defaultSort())
        return Problem::make(400, QStringLiteral("bad-request"), tr("This list can be sorted by %1 only.").arg(type.defaultSort()))
            .fieldError(QStringLiteral("sort"), QStringLiteral("unsupported"), tr("This list can be sorted by %1 only.").arg(type.defaultSort()));
    QString sql = QStringLiteral("SELECT id, version, body, sort_key FROM record WHERE org_id = ? AND entity = ? AND deleted = 0");
    QVariantList binds{caller.orgId, type.name};
    if (!type.parentEntity.isEmpty()) {
        sql += QStringLiteral(" AND parent_id = ?");
        binds << parentId;
    }
    sql += where;
    binds << whereBinds;
    const QString filter = Entities::fold(request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded)).remove(QChar(0)).trimmed();
    if (!filter.isEmpty()) {
        sql += QStringLiteral(" AND search_text LIKE ? ESCAPE '\\'");
        binds << QString(QStringLiteral("%") + likeEscape(filter) + QStringLiteral("%"));
    }
    const QString cursor = request.query.queryItemValue(QStringLiteral("cursor"));
    if (!cursor.isEmpty()) {
        const QJsonArray c = QJsonDocument::fromJson(QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding)).array();
        if (c.size() != 2 || !c.at(0).isString() || !c.at(1).isString() || c.at(0).toString().contains(QChar(0))
            || c.at(1).toString().contains(QChar(0)))
            return Problem::make(400, QStringLiteral("bad-request"), tr("The cursor is not one this server gave."));
        sql += descending ? QStringLiteral(" AND (sort_key < ? OR (sort_key = ? AND id < ?))")
                          : QStringLiteral(" AND (sort_key > ? OR (sort_key = ? AND id > ?))");
        binds << c.at(0).toString() << c.at(0).toString() << c.at(1).toString();
    }
    sql += descending ? QStringLiteral(" ORDER BY sort_key DESC, id DESC LIMIT ?") : QStringLiteral(" ORDER BY sort_key ASC, id ASC LIMIT ?");
    binds << limit + 1;
    auto q = m_db.exec(sql, binds);
    if (!q)
        return unavailable(q.error());
    QJsonArray items;
    QString lastKey;
    QString lastId;
    bool more = false;
    while (q->next()) {
        if (items.size() == limit) {
            more = true;
            break;
        }
        lastId = q->value(0).toString();
        lastKey = q->value(3).toString();
        QJsonObject item = present(caller, type.name, lastId, parse(q->value(2)), q->value(1).toLongLong());
        if (decorate)
            decorate(item);
        items.append(item);
    }
    QJsonObject page{{QStringLiteral("items"), items}, {QStringLiteral("hasMore"), more}};
    page.insert(QStringLiteral("nextCursor"),
                more ? QJsonValue(QString::fromLatin1(QJsonDocument(QJsonArray{lastKey, lastId}).toJson(QJsonDocument::Compact)
                                                          .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)))
                     : QJsonValue());
    return ApiResponse::json(200, page);
}

Api::Outcome Api::changes(const ApiRequest &request, const Caller &caller)
{
    qint64 since = 0;
    const QString sinceText = request.query.queryItemValue(QStringLiteral("since"));
    if (!sinceText.isEmpty()) {
        bool ok = false;
        since = sinceText.startsWith(QLatin1String("c_")) ? sinceText.mid(2).toLongLong(&ok, 16) : -1;
        if (!ok || since < 0)
            return Problem::make(400, QStringLiteral("bad-request"), tr("The cursor is not one this server gave."))
                .fieldError(QStringLiteral("since"), QStringLiteral("invalid"), tr("The cursor is not one this server gave."));
    }
    int limit = 1000;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > 5000)
            return Problem::make(400, QStringLiteral("bad-request"), tr("limit must be a whole number from 1 to 5000."));
    }
    QString sql = QStringLiteral("SELECT entity, id, version, body, deleted, seq, changed_at FROM record WHERE org_id = ? AND seq > ?");
    QVariantList binds{caller.orgId, since};
    const QString entities = request.query.queryItemValue(QStringLiteral("entity"));
    if (!entities.isEmpty()) {
        QStringList marks;
        for (const QString &e : entities.split(QLatin1Char(','))) {
            if (!Entities::byName(e.trimmed()))
                return Problem::make(400, QStringLiteral("bad-request"), tr("Unknown entity %1.").arg(e));
            marks << QStringLiteral("?");
            binds << e.trimmed();
        }
        sql += QStringLiteral(" AND entity IN (%1)").arg(marks.join(QLatin1Char(',')));
    }
    auto purged = m_db.exec(QStringLiteral("SELECT purged_seq FROM org WHERE id = ?"), {caller.orgId});
    if (!purged)
        return unavailable(purged.error());
    if (since > 0 && purged->next() && since < purged->value(0).toLongLong())
        return Problem::make(410, QStringLiteral("cursor-expired"),
                             tr("This cursor is older than the deletions the server keeps: pull everything again from the start."));
    sql += QStringLiteral(" ORDER BY seq LIMIT ?");
    binds << limit + 1;
    auto q = m_db.exec(sql, binds);
    if (!q)
        return unavailable(q.error());
    QJsonArray list;
    qint64 last = since;
    bool more = false;
    while (q->next()) {
        if (list.size() == limit) {
            more = true;
            break;
        }
        const QString entity = q->value(0).toString();
        const QString id = q->value(1).toString();
        const qint64 version = q->value(2).toLongLong();
        const bool deleted = q->value(4).toInt() != 0;
        last = q->value(5).toLongLong();
        QJsonObject change{{QStringLiteral("entity"), entity},
                           {QStringLiteral("id"), id},
                           {QStringLiteral("operation"), deleted ? QStringLiteral("delete") : QStringLiteral("upsert")},
                           {QStringLiteral("version"), version},
                           {QStringLiteral("changedAt"), isoTime(q->value(6).toLongLong())}};
        if (!deleted)
            change.insert(QStringLiteral("record"), present(caller, entity, id, parse(q->value(3)), version));
        list.append(change);
    }
    return ApiResponse::json(200, {{QStringLiteral("changes"), list},
                                   {QStringLiteral("nextCursor"), QStringLiteral("c_%1").arg(last, 16, 16, QLatin1Char('0'))},
                                   {QStringLiteral("hasMore"), more}});
}

Api::Outcome Api::listOrganisations(const ApiRequest &request)
{
    auto result = authenticate(request);
    if (auto *p = std::get_if<Problem>(&result))
        return *p;
    const Caller caller = std::get<Caller>(result);
    QJsonArray items;
    if (caller.administrator) {
        auto q = m_db.exec(QStringLiteral("SELECT version, body FROM record WHERE org_id = ? AND entity = 'organisation' AND id = ?"),
                           {caller.orgId, caller.orgId});
        if (!q)
            return unavailable(q.error());
        if (q->next())
            items.append(present(caller, QStringLiteral("organisation"), caller.orgId, parse(q->value(1)), q->value(0).toLongLong()));
    }
    return ApiResponse::json(200, {{QStringLiteral("items"), items}, {QStringLiteral("nextCursor"), QJsonValue()}, {QStringLiteral("hasMore"), false}});
}

ApiResponse Api::batch(const ApiRequest &request, const Caller &caller)
{
    Problem problem;
    Result<QJsonObject> parsed = readJsonBody(request, m_options.maxBatchBytes, problem);
    if (!parsed)
        return fail(problem, request);
    const QJsonValue ops = parsed->value(QLatin1String("operations"));
    if (!ops.isArray() || ops.toArray().isEmpty())
        return fail(Problem::make(400, QStringLiteral("bad-request"), tr("A batch needs a list of operations.")), request);
    const QJsonArray operations = ops.toArray();
    if (operations.size() > m_options.maxBatchOperations)
        return fail(Problem::make(413, QStringLiteral("payload-too-large"),
                                  tr("A batch holds at most %1 operations.").arg(m_options.maxBatchOperations)),
                    request);
    const QString onError = parsed->value(QLatin1String("onError")).toString(QStringLiteral("stop"));
    if (onError != QLatin1String("stop") && onError != QLatin1String("continue"))
        return fail(Problem::make(400, QStringLiteral("bad-request"), tr("onError must be stop or continue.")), request);

    // The batch as a whole is idempotent too: a retried batch gets the stored results.
    const QByteArray key = request.header("idempotency-key");
    if (key.size() < 8 || key.size() > 128)
        return fail(Problem::make(400, QStringLiteral("idempotency-key-required"),
                                  tr("Every write needs an Idempotency-Key header of 8 to 128 characters.")),
                    request);
    const QString digest = QString::fromLatin1(QCryptographicHash::hash(QByteArray("BATCH\n" + request.path.toUtf8() + "\n" + request.body),
                                                                        QCryptographicHash::Sha256).toHex());
    auto stored = m_db.exec(QStringLiteral("SELECT digest, response FROM idempotency WHERE org_id = ? AND idem_key = ?"),
                            {caller.orgId, QString::fromUtf8(key)});
    if (stored && stored->next()) {
        if (stored->value(0).toString() != digest)
            return fail(Problem::make(422, QStringLiteral("idempotency-key-reused"), tr("This Idempotency-Key was already used for another request.")),
                        request);
        ApiResponse r;
        r.status = 200;
        r.contentType = QByteArrayLiteral("application/json");
        r.body = QByteArray::fromBase64(parse(stored->value(1)).value(QLatin1String("body")).toString().toLatin1());
        r.setHeader(QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true"));
        return r;
    }

    const QString prefix = QStringLiteral("/api/v1/orgs/");
    QJsonArray results;
    QSet<QString> failedPaths;
    bool stopped = false;
    for (int i = 0; i < operations.size(); ++i) {
        const QJsonObject op = operations.at(i).toObject();
        const QString path = op.value(QLatin1String("path")).toString();
        QJsonObject result{{QStringLiteral("index"), i}};
        if (stopped || failedPaths.contains(path)) {
            result.insert(QStringLiteral("status"), 0);
            result.insert(QStringLiteral("outcome"), QStringLiteral("skipped"));
            results.append(result);
            continue;
        }
        ApiRequest sub;
        sub.method = op.value(QLatin1String("method")).toString().toLatin1();
        sub.path = path;
        sub.peer = request.peer;
        sub.headers.insert("accept-language", request.header("accept-language"));
        sub.headers.insert("content-type", "application/json");
        sub.headers.insert("idempotency-key", op.value(QLatin1String("idempotencyKey")).toString().toUtf8());
        if (op.contains(QLatin1String("ifMatch")))
            sub.headers.insert("if-match", op.value(QLatin1String("ifMatch")).toString().toUtf8());
        if (op.contains(QLatin1String("ifNoneMatch")))
            sub.headers.insert("if-none-match", op.value(QLatin1String("ifNoneMatch")).toString().toUtf8());
        if (op.value(QLatin1String("body")).isObject())
            sub.body = QJsonDocument(op.value(QLatin1String("body")).toObject()).toJson(QJsonDocument::Compact);
        ApiResponse r;
        const QStringList segments = pathSegments(path);
        if (sub.method != "PUT" && sub.method != "POST" && sub.method != "DELETE") {
            r = fail(Problem::make(400, QStringLiteral("bad-request"), tr("A batch operation's method is PUT, POST or DELETE.")), sub);
        } else if (!path.startsWith(prefix) || segments.size() < 2 || segments.contains(QString())) {
            r = fail(Problem::make(400, QStringLiteral("bad-request"), tr("A batch operation's path is a record of the organisation.")), sub);
        } else if (segments.at(1).compare(caller.domain, Qt::CaseInsensitive) != 0) {
            r = fail(Problem::make(403, QStringLiteral("forbidden"), tr("You do not administer this organisation.")), sub);
        } else {
            const QStringList rest = segments.mid(2);
            if (rest.isEmpty()) {
                const EntityType &org = *Entities::byName(QStringLiteral("organisation"));
                r = sub.method == "PUT" ? idempotent(sub, caller, [&] { return putRecord(sub, caller, org, caller.orgId, {}); })
                                        : fail(Problem::make(405, QStringLiteral("method-not-allowed"),
                                                             tr("The method %1 is not allowed here.").arg(QString::fromLatin1(sub.method))),
                                               sub);
            } else if (rest.first() == QLatin1String("batch") || rest.first() == QLatin1String("changes")) {
                r = fail(Problem::make(400, QStringLiteral("bad-request"), tr("A batch operation's path is a record of the organisation.")), sub);
            } else {
                r = recordRoute(sub, caller, rest);
            }
        }
        result.insert(QStringLiteral("status"), r.status);
        const bool success = r.status >= 200 && r.status < 300;
        result.insert(QStringLiteral("outcome"), !success ? QStringLiteral("failed")
                                                 : r.header("Idempotent-Replayed") == "true" ? QStringLiteral("replayed")
                                                                                              : QStringLiteral("applied"));
        if (!r.header("ETag").isEmpty())
            result.insert(QStringLiteral("etag"), QString::fromLatin1(r.header("ETag")));
        if (!r.body.isEmpty())
            result.insert(QStringLiteral("body"), r.jsonBody());
        results.append(result);
        if (!success) {
            failedPaths.insert(path);
            stopped = onError == QLatin1String("stop");
        }
    }
    ApiResponse response = ApiResponse::json(200, {{QStringLiteral("results"), results}});
    const QJsonObject keep{{QStringLiteral("contentType"), QStringLiteral("application/json")},
                           {QStringLiteral("body"), QString::fromLatin1(response.body.toBase64())}};
    (void)m_db.exec(QStringLiteral("INSERT INTO idempotency (org_id, idem_key, digest, status, response, created_at) VALUES (?, ?, ?, 200, ?, ?) "
                                   "ON CONFLICT (org_id, idem_key) DO NOTHING"),
                    {caller.orgId, QString::fromUtf8(key), digest, compact(keep), now()});
    return response;
}

} // namespace centrale::server
