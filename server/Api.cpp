#include "Api.h"

#include "domain/Organisation.h"
#include "domain/Record.h"
#include "domain/User.h"
#include "domain/Validators.h"
#include "security/Secrets.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QUrl>
#include <QUuid>

Q_LOGGING_CATEGORY(lcApi, "centrale.server.api", QtInfoMsg)

namespace centrale::server {

namespace {

// How deep the value nests (stopping past limit), and whether a string or key holds a NUL
// character, which no field accepts and PostgreSQL cannot store.
int jsonDepth(const QJsonValue &value, int limit, bool &nul, int depth = 1)
{
    if (depth > limit)
        return depth;
    int deepest = depth;
    auto visit = [&](const QJsonValue &v) {
        if (v.isObject() || v.isArray())
            deepest = std::max(deepest, jsonDepth(v, limit, nul, depth + 1));
        else if (v.isString() && v.toString().contains(QChar(0)))
            nul = true;
    };
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end() && deepest <= limit; ++it) {
            if (it.key().contains(QChar(0)))
                nul = true;
            visit(*it);
        }
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (const QJsonValue &v : a) {
            if (deepest > limit)
                break;
            visit(v);
        }
    }
    return deepest;
}

// What an idempotency key is bound to: the method, the address, the preconditions and the body.
QString requestDigest(const ApiRequest &request)
{
    QCryptographicHash digest(QCryptographicHash::Sha256);
    digest.addData(request.method);
    digest.addData(QByteArrayView("\n"));
    digest.addData(request.path.toUtf8());
    digest.addData(QByteArrayView("\n"));
    digest.addData(QByteArray(request.header("if-match") + "\n" + request.header("if-none-match") + "\n"));
    digest.addData(request.body);
    return QString::fromLatin1(digest.result().toHex());
}

QString languageOf(const QByteArray &acceptLanguage)
{
    // "nl-BE,nl;q=0.9,fr;q=0.8": the first language Centrale speaks, in the client's order of preference.
    struct Choice { QString code; double q; int order; };
    QList<Choice> choices;
    int order = 0;
    for (const QByteArray &part : acceptLanguage.split(',')) {
        const QList<QByteArray> bits = part.trimmed().split(';');
        const QString tag = QString::fromLatin1(bits.value(0).trimmed()).toLower();
        double q = 1.0;
        for (int i = 1; i < bits.size(); ++i) {
            const QByteArray b = bits.at(i).trimmed();
            if (b.startsWith("q="))
                q = b.mid(2).toDouble();
        }
        choices.append({tag.section(QLatin1Char('-'), 0, 0), q, order++});
    }
    std::stable_sort(choices.begin(), choices.end(), [](const Choice &a, const Choice &b) { return a.q > b.q; });
    for (const Choice &c : choices) {
        if (Translations::languages().contains(c.code) && c.q > 0)
            return c.code;
    }
    return QStringLiteral("en");
}

} // namespace

Api::Api(ServerDatabase &db, ServerOptions options, Clock clock)
    : m_db(db), m_options(options), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    auto dummy = Secrets::hash(QUuid::createUuid().toString());
    if (dummy)
        m_dummyHash = dummy.value();
}

Api::~Api() = default;

ApiResponse Api::fail(const Problem &problem, const ApiRequest &request) const
{
    return problem.response(request.path);
}

ApiResponse Api::handle(const ApiRequest &request)
{
    const QString language = languageOf(request.header("accept-language"));
    if (m_translations.current() != language)
        m_translations.install(language);
    ApiResponse response = dispatch(request);
    response.setHeader(QByteArrayLiteral("Content-Language"), language.toLatin1());
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

Result<QJsonObject> Api::readJsonBody(const ApiRequest &request, qsizetype limit, Problem &problem) const
{
    if (request.body.size() > limit) {
        problem = Problem::make(413, QStringLiteral("payload-too-large"),
                                tr("The request body is larger than %1 bytes.").arg(limit));
        return Error::invalid(problem.detail);
    }
    const QByteArray type = request.header("content-type").split(';').value(0).trimmed().toLower();
    if (type != "application/json") {
        problem = Problem::make(415, QStringLiteral("unsupported-media-type"), tr("The request body must be application/json."));
        return Error::invalid(problem.detail);
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error == QJsonParseError::DeepNesting) {
        problem = Problem::make(400, QStringLiteral("too-deep"), tr("The JSON is nested more than %1 levels deep.").arg(m_options.maxJsonDepth));
        return Error::invalid(problem.detail);
    }
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        problem = Problem::make(400, QStringLiteral("malformed-json"),
                                error.error != QJsonParseError::NoError
                                    ? tr("The request body is not valid JSON (at byte %1).").arg(error.offset)
                                    : tr("The request body must be a JSON object."));
        return Error::invalid(problem.detail);
    }
    bool nul = false;
    if (jsonDepth(doc.object(), m_options.maxJsonDepth, nul) > m_options.maxJsonDepth) {
        problem = Problem::make(400, QStringLiteral("too-deep"), tr("The JSON is nested more than %1 levels deep.").arg(m_options.maxJsonDepth));
        return Error::invalid(problem.detail);
    }
    if (nul) {
        problem = Problem::make(400, QStringLiteral("bad-request"), tr("The JSON holds a NUL character, which no field accepts."));
        return Error::invalid(problem.detail);
    }
    return doc.object();
}

ApiResponse Api::dispatch(const ApiRequest &request)
{
    if (!request.path.startsWith(QLatin1String("/api/v1/")))
        return fail(Problem::make(404, QStringLiteral("not-found"), tr("There is nothing at this address.")), request);
    const QStringList segments = pathSegments(request.path);
    if (segments.isEmpty() || segments.contains(QString()))
        return fail(Problem::make(404, QStringLiteral("not-found"), tr("There is nothing at this address.")), request);
    const QString first = segments.first();
    const QByteArray &method = request.method;
    auto notAllowed = [&] {
        return fail(Problem::make(405, QStringLiteral("method-not-allowed"),
                                  tr("The method %1 is not allowed here.").arg(QString::fromLatin1(method))),
                    request);
    };

    if (first == QLatin1String("health") && segments.size() == 1) {
        if (method != "GET")
            return notAllowed();
        if (!m_db.ping()) {
            Problem p = Problem::make(503, QStringLiteral("unavailable"), tr("The server cannot reach its database."));
            p.retryAfter = 5;
            return fail(p, request);
        }
        return ApiResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")},
                                       {QStringLiteral("version"), QStringLiteral(CENTRALE_VERSION)}});
    }
    if (first == QLatin1String("auth") && segments.size() >= 2) {
        const QString what = segments.mid(1).join(QLatin1Char('/'));
        if (what == QLatin1String("session"))
            return method == "GET" ? session(request) : notAllowed();
        if (method != "POST")
            return notAllowed();
        if (what == QLatin1String("login"))
            return login(request);
        if (what == QLatin1String("elevate"))
            return elevate(request);
        if (what == QLatin1String("logout"))
            return logout(request);
        if (what == QLatin1String("password-reset"))
            return requestPasswordReset(request);
        if (what == QLatin1String("password-reset/confirm"))
            return confirmPasswordReset(request);
    }
    if (first == QLatin1String("orgs")) {
        if (segments.size() == 1) {
            if (method != "GET")
                return notAllowed();
            Outcome o = listOrganisations(request);
            if (auto *p = std::get_if<Problem>(&o))
                return fail(*p, request);
            return std::get<ApiResponse>(o);
        }
        return orgRoute(request, segments.mid(1));
    }
    return fail(Problem::make(404, QStringLiteral("not-found"), tr("There is nothing at this address.")), request);
}

ApiResponse Api::idempotent(const ApiRequest &request, const Caller &caller, const std::function<Outcome()> &write)
{
    const QByteArray key = request.header("idempotency-key");
    if (key.size() < 8 || key.size() > 128) {
        return fail(Problem::make(400, QStringLiteral("idempotency-key-required"),
                                  tr("Every write needs an Idempotency-Key header of 8 to 128 characters.")),
                    request);
    }
    auto replay = [&] { return replayed(request, caller); };
    const QString hex = requestDigest(request);
    const QString idemKey = QString::fromUtf8(key);
    if (auto r = replay())
        return *r;

    ApiResponse response;
    bool failed = false;
    bool raced = false;
    Status s = m_db.transaction([&]() -> Status {
        Outcome outcome = write();
        if (auto *p = std::get_if<Problem>(&outcome)) {
            response = fail(*p, request);
            failed = true;
            return Error::invalid(p->detail); // nothing of a failed write is kept
        }
        response = std::get<ApiResponse>(outcome);
        QJsonObject headers;
        for (const auto &h : response.headers)
            headers.insert(QString::fromLatin1(h.first), QString::fromLatin1(h.second));
        const QJsonObject stored{{QStringLiteral("contentType"), QString::fromLatin1(response.contentType)},
                                 {QStringLiteral("body"), QString::fromLatin1(response.body.toBase64())},
                                 {QStringLiteral("headers"), headers}};
        auto q = m_db.exec(QStringLiteral("INSERT INTO idempotency (org_id, idem_key, digest, status, response, created_at) "
                                          "VALUES (?, ?, ?, ?, ?, ?)"),
                           {caller.orgId, idemKey, hex, response.status,
                            QString::fromUtf8(QJsonDocument(stored).toJson(QJsonDocument::Compact)), now()});
        if (!q) {
            raced = q.error().code == ErrorCode::Duplicate;
            return q.error();
        }
        return {};
    });
    if (failed)
        return response;
    if (!s) {
        // Another instance finished the same request first: answer as it did.
        if (raced) {
            if (auto r = replay())
                return *r;
        }
        Problem p = Problem::make(503, QStringLiteral("unavailable"), s.error().message);
        p.retryAfter = 2;
        return fail(p, request);
    }
    return response;
}

std::optional<ApiResponse> Api::replayed(const ApiRequest &request, const Caller &caller)
{
    auto q = m_db.exec(QStringLiteral("SELECT digest, status, response FROM idempotency WHERE org_id = ? AND idem_key = ?"),
                       {caller.orgId, QString::fromUtf8(request.header("idempotency-key"))});
    if (!q || !q->next())
        return std::nullopt;
    if (q->value(0).toString() != requestDigest(request)) {
        return fail(Problem::make(422, QStringLiteral("idempotency-key-reused"),
                                  tr("This Idempotency-Key was already used for another request.")),
                    request);
    }
    const QJsonObject stored = QJsonDocument::fromJson(q->value(2).toString().toUtf8()).object();
    ApiResponse r;
    r.status = q->value(1).toInt();
    r.contentType = stored.value(QLatin1String("contentType")).toString().toLatin1();
    r.body = QByteArray::fromBase64(stored.value(QLatin1String("body")).toString().toLatin1());
    const QJsonObject headers = stored.value(QLatin1String("headers")).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        r.setHeader(it.key().toLatin1(), it->toString().toLatin1());
    r.setHeader(QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true"));
    return r;
}

QStringList Api::pathSegments(const QString &path)
{
    if (!path.startsWith(QLatin1String("/api/v1/")))
        return {};
    QStringList segments = path.mid(8).split(QLatin1Char('/'));
    for (QString &s : segments) {
        s = QUrl::fromPercentEncoding(s.toUtf8());
        if (s.contains(QChar(0)))
            return {}; // no record is named so
    }
    return segments;
}

Result<qint64> Api::nextSeq(const QString &orgId)
{
    // The organisation's row lock (PostgreSQL) orders the organisation's writes: the feed's
    // sequence numbers are handed out in commit order, so a reader never skips a change.
    auto q = m_db.exec(QStringLiteral("UPDATE org SET seq = seq + 1 WHERE id = ? RETURNING seq"), {orgId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{ErrorCode::NotFound, tr("Unknown organisation."), {}};
    return q->value(0).toLongLong();
}

Result<QString> Api::createOrganisation(const QString &domain, const QString &name, const QString &language)
{
    Organisation org;
    org.id = newId();
    org.domain = domain.trimmed().toLower();
    org.name = name.trimmed();
    if (!language.isEmpty())
        org.language = language;
    if (Status s = org.validate(); !s)
        return s.error();
    QString id = org.id;
    Status s = m_db.transaction([&]() -> Status {
        auto exists = m_db.exec(QStringLiteral("SELECT id FROM org WHERE domain = ?"), {org.domain});
        if (!exists)
            return exists.error();
        if (exists->next())
            return Error{ErrorCode::Duplicate, tr("The organisation %1 already exists.").arg(org.domain), QStringLiteral("domain")};
        if (auto q = m_db.exec(QStringLiteral("INSERT INTO org (id, domain, seq, purged_seq, created_at) VALUES (?, ?, 0, 0, ?)"),
                               {org.id, org.domain, now()});
            !q)
            return q.error();
        QJsonObject body = org.toJson();
        body.insert(QStringLiteral("timeZone"), QStringLiteral("Europe/Brussels"));
        if (Status w = storeRecord(org.id, *Entities::byName(QStringLiteral("organisation")), org.id, body, 1, {}, false); !w)
            return w;
        return {};
    });
    if (!s)
        return s.error();
    return id;
}

Result<QString> Api::createAdministrator(const QString &username, const QString &domain, const QString &password)
{
    auto org = m_db.exec(QStringLiteral("SELECT id FROM org WHERE domain = ?"), {domain.trimmed().toLower()});
    if (!org)
        return org.error();
    if (!org->next())
        return Error{ErrorCode::NotFound, tr("There is no organisation %1 on this server.").arg(domain), QStringLiteral("org")};
    const QString orgId = org->value(0).toString();
    if (Status s = Validators::password(password, username); !s)
        return s.error();
    Result<QString> hash = Secrets::hash(password);
    if (!hash)
        return hash.error();

    QString userId;
    Status s = m_db.transaction([&]() -> Status {
        auto existing = m_db.exec(QStringLiteral("SELECT user_id FROM account WHERE username = ?"), {username.toLower()});
        if (!existing)
            return existing.error();
        if (existing->next()) {
            userId = existing->value(0).toString();
            auto q = m_db.exec(QStringLiteral("UPDATE account SET password_hash = ?, administrator = 1 WHERE user_id = ? AND org_id = ?"),
                               {hash.value(), userId, orgId});
            if (!q)
                return q.error();
            if (q->numRowsAffected() != 1)
                return Error{ErrorCode::Duplicate, tr("The username %1 belongs to another organisation.").arg(username), QStringLiteral("username")};
            return {};
        }
        User user;
        user.id = newId();
        user.username = username.trimmed().toLower();
        user.firstName = username.section(QLatin1Char('@'), 0, 0);
        user.lastName = tr("Administrator");
        if (Status v = user.normaliseAndValidate(domain.trimmed().toLower()); !v)
            return v;
        userId = user.id;
        if (Status w = storeRecord(orgId, *Entities::byName(QStringLiteral("user")), user.id, user.toJson(), 1, {}, false); !w)
            return w;
        auto a = m_db.exec(QStringLiteral("UPDATE account SET password_hash = ?, administrator = 1 WHERE user_id = ?"),
                           {hash.value(), user.id});
        if (!a)
            return a.error();
        return {};
    });
    if (!s)
        return s.error();
    return userId;
}

} // namespace centrale::server
