#include "Api.h"

#include "domain/PhoneNumbers.h"
#include "domain/Record.h"
#include "domain/Validators.h"
#include "security/Secrets.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimeZone>

namespace centrale::server {

namespace {

QString sha256Hex(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate);
}

QByteArray randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + bytes));
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray bearerOf(const ApiRequest &request)
{
    const QByteArray auth = request.header("authorization");
    if (!auth.startsWith("Bearer ") && !auth.startsWith("bearer "))
        return {};
    return auth.mid(7).trimmed();
}

} // namespace

Result<bool> Api::hit(const QString &bucket, qint64 windowMs, int limit, int *retryAfter)
{
    const qint64 t = now();
    const qint64 window = t - t % windowMs;
    auto q = m_db.exec(QStringLiteral("INSERT INTO rate_limit (bucket, window_start, hits) VALUES (?, ?, 1) "
                                      "ON CONFLICT (bucket) DO UPDATE SET "
                                      "hits = CASE WHEN rate_limit.window_start = excluded.window_start THEN rate_limit.hits + 1 ELSE 1 END, "
                                      "window_start = excluded.window_start RETURNING hits"),
                       {bucket, window});
    if (!q)
        return q.error();
    const int hits = q->next() ? q->value(0).toInt() : 1;
    if (hits > limit) {
        if (retryAfter)
            *retryAfter = static_cast<int>(std::max<qint64>(1, (window + windowMs - t + 999) / 1000));
        return false;
    }
    return true;
}

QString Api::accountOf(const QString &identifier)
{
    const QString id = identifier.trimmed();
    QString sql = QStringLiteral("SELECT user_id FROM account WHERE username = ?");
    QString key = id.toLower();
    if (id.startsWith(QLatin1Char('+')) || (!id.isEmpty() && id.at(0).isDigit())) {
        auto e164 = PhoneNumbers::toE164(id, PhoneNumbers::Kind::Mobile);
        if (!e164)
            return {};
        sql = QStringLiteral("SELECT user_id FROM account WHERE mobile = ?");
        key = e164.value();
    }
    auto q = m_db.exec(sql, {key});
    if (!q || !q->next())
        return {};
    const QString userId = q->value(0).toString();
    return q->next() ? QString() : userId; // a mobile shared by two accounts identifies neither
}

QJsonObject Api::sessionJson(const Caller &caller)
{
    QJsonObject user{{QStringLiteral("id"), caller.userId}, {QStringLiteral("domain"), caller.domain}};
    auto q = m_db.exec(QStringLiteral("SELECT body FROM record WHERE org_id = ? AND entity = 'user' AND id = ? AND deleted = 0"),
                       {caller.orgId, caller.userId});
    if (q && q->next()) {
        const QJsonObject record = QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object();
        user.insert(QStringLiteral("username"), record.value(QLatin1String("username")));
        user.insert(QStringLiteral("language"), record.value(QLatin1String("language")));
        user.insert(QStringLiteral("displayName"),
                    QStringList{record.value(QLatin1String("firstName")).toString(), record.value(QLatin1String("lastName")).toString()}
                        .join(QLatin1Char(' '))
                        .trimmed());
    }
    return {{QStringLiteral("tokenType"), QStringLiteral("Bearer")},
            {QStringLiteral("expiresAt"), isoTime(caller.expiresAt)},
            {QStringLiteral("elevatedUntil"), caller.elevatedUntil > now() ? QJsonValue(isoTime(caller.elevatedUntil)) : QJsonValue()},
            {QStringLiteral("user"), user},
            {QStringLiteral("administrator"), caller.administrator}};
}

std::variant<Caller, Problem> Api::authenticate(const ApiRequest &request)
{
    const QByteArray token = bearerOf(request);
    if (token.isEmpty())
        return Problem::make(401, QStringLiteral("unauthenticated"), tr("Log in first: this request needs a bearer token."));
    Caller caller;
    caller.tokenHash = sha256Hex(token);
    auto q = m_db.exec(QStringLiteral("SELECT t.user_id, t.org_id, o.domain, a.administrator, t.expires_at, t.elevated_until, t.revoked "
                                      "FROM session_token t JOIN org o ON o.id = t.org_id JOIN account a ON a.user_id = t.user_id "
                                      "WHERE t.token_hash = ?"),
                       {caller.tokenHash});
    if (!q) {
        Problem p = Problem::make(503, QStringLiteral("unavailable"), q.error().message);
        p.retryAfter = 2;
        return p;
    }
    if (!q->next())
        return Problem::make(401, QStringLiteral("unauthenticated"), tr("This session is unknown or was closed: log in again."));
    caller.userId = q->value(0).toString();
    caller.orgId = q->value(1).toString();
    caller.domain = q->value(2).toString();
    caller.administrator = q->value(3).toInt() != 0;
    caller.expiresAt = q->value(4).toLongLong();
    caller.elevatedUntil = q->value(5).toLongLong();
    if (q->value(6).toInt() != 0)
        return Problem::make(401, QStringLiteral("unauthenticated"), tr("This session is unknown or was closed: log in again."));
    if (caller.expiresAt <= now())
        return Problem::make(401, QStringLiteral("token-expired"), tr("The session has expired: log in again."));
    return caller;
}

std::variant<Caller, Problem> Api::authorise(const ApiRequest &request, const QString &domain)
{
    auto result = authenticate(request);
    if (std::holds_alternative<Problem>(result))
        return result;
    Caller caller = std::get<Caller>(result);
    // Another organisation: the same answer whether or not it exists.
    if (caller.domain.compare(domain, Qt::CaseInsensitive) != 0)
        return Problem::make(403, QStringLiteral("forbidden"), tr("You do not administer this organisation."));
    if (!caller.administrator)
        return Problem::make(403, QStringLiteral("not-administrator"), tr("Only an administrator of the organisation can do this."));
    const qint64 t = now();
    if (caller.elevatedUntil <= t)
        return Problem::make(403, QStringLiteral("elevation-required"),
                             tr("Enter your password again to open the administrator view."));
    const qint64 extended = std::min(t + m_options.elevationMs, caller.expiresAt);
    if (extended > caller.elevatedUntil) {
        if (auto q = m_db.exec(QStringLiteral("UPDATE session_token SET elevated_until = ? WHERE token_hash = ?"), {extended, caller.tokenHash}); q)
            caller.elevatedUntil = extended;
    }
    return caller;
}

ApiResponse Api::login(const ApiRequest &request)
{
    Problem problem;
    Result<QJsonObject> body = readJsonBody(request, m_options.maxJsonBytes, problem);
    if (!body)
        return fail(problem, request);
    const QJsonValue username = body->value(QLatin1String("username"));
    const QJsonValue password = body->value(QLatin1String("password"));
    if (!username.isString() || !password.isString() || username.toString().size() > 320 || password.toString().size() > 1024) {
        Problem p = Problem::make(400, QStringLiteral("bad-request"), tr("Give a username and a password."));
        if (!username.isString())
            p.fieldError(QStringLiteral("username"), QStringLiteral("required"), tr("Give a username or a mobile number."));
        if (!password.isString())
            p.fieldError(QStringLiteral("password"), QStringLiteral("required"), tr("Give the password."));
        return fail(p, request);
    }
    int retryAfter = 0;
    for (const auto &[bucket, limit] : {std::pair{QString(QStringLiteral("login-account:") + username.toString().trimmed().toLower()),
                                                  m_options.loginPerAccountPerMinute},
                                        std::pair{QString(QStringLiteral("login-address:") + request.peer), m_options.loginPerAddressPerMinute}}) {
        Result<bool> allowed = hit(bucket, 60'000, limit, &retryAfter);
        if (allowed.ok() && !allowed.value()) {
            Problem p = Problem::make(429, QStringLiteral("rate-limited"), tr("Too many attempts: try again in %n second(s).", nullptr, retryAfter));
            p.retryAfter = retryAfter;
            return fail(p, request);
        }
    }
    const QString userId = accountOf(username.toString());
    QString hash = m_dummyHash;
    QString orgId;
    bool administrator = false;
    if (!userId.isEmpty()) {
        auto q = m_db.exec(QStringLiteral("SELECT password_hash, org_id, administrator FROM account WHERE user_id = ?"), {userId});
        if (q && q->next()) {
            hash = q->value(0).toString();
            orgId = q->value(1).toString();
            administrator = q->value(2).toInt() != 0;
        }
    }
    const bool verified = Secrets::verify(hash.isEmpty() ? m_dummyHash : hash, password.toString());
    if (userId.isEmpty() || hash.isEmpty() || !verified)
        return fail(Problem::make(401, QStringLiteral("invalid-credentials"), tr("The username or the password is wrong.")), request);

    const QByteArray token = QByteArrayLiteral("ctk_") + randomToken(32);
    Caller caller;
    caller.tokenHash = sha256Hex(token);
    caller.userId = userId;
    caller.orgId = orgId;
    caller.administrator = administrator;
    caller.expiresAt = now() + m_options.tokenLifetimeMs;
    auto domain = m_db.exec(QStringLiteral("SELECT domain FROM org WHERE id = ?"), {orgId});
    if (domain && domain->next())
        caller.domain = domain->value(0).toString();
    auto q = m_db.exec(QStringLiteral("INSERT INTO session_token (token_hash, user_id, org_id, created_at, expires_at, elevated_until, revoked) "
                                      "VALUES (?, ?, ?, ?, ?, 0, 0)"),
                       {caller.tokenHash, userId, orgId, now(), caller.expiresAt});
    if (!q) {
        Problem p = Problem::make(503, QStringLiteral("unavailable"), q.error().message);
        p.retryAfter = 2;
        return fail(p, request);
    }
    QJsonObject json = sessionJson(caller);
    json.insert(QStringLiteral("token"), QString::fromLatin1(token));
    return ApiResponse::json(200, json);
}

ApiResponse Api::elevate(const ApiRequest &request)
{
    auto result = authenticate(request);
    if (auto *p = std::get_if<Problem>(&result))
        return fail(*p, request);
    Caller caller = std::get<Caller>(result);
    Problem problem;
    Result<QJsonObject> body = readJsonBody(request, m_options.maxJsonBytes, problem);
    if (!body)
        return fail(problem, request);
    const QJsonValue password = body->value(QLatin1String("password"));
    if (!password.isString() || password.toString().size() > 1024) {
        return fail(Problem::make(400, QStringLiteral("bad-request"), tr("Give the password."))
                        .fieldError(QStringLiteral("password"), QStringLiteral("required"), tr("Give the password.")),
                    request);
    }
    int retryAfter = 0;
    Result<bool> allowed = hit(QString(QStringLiteral("elevate:") + caller.userId), 60'000, m_options.loginPerAccountPerMinute, &retryAfter);
    if (allowed.ok() && !allowed.value()) {
        Problem p = Problem::make(429, QStringLiteral("rate-limited"), tr("Too many attempts: try again in %n second(s).", nullptr, retryAfter));
        p.retryAfter = retryAfter;
        return fail(p, request);
    }
    auto q = m_db.exec(QStringLiteral("SELECT password_hash FROM account WHERE user_id = ?"), {caller.userId});
    const QString hash = q && q->next() ? q->value(0).toString() : QString();
    if (hash.isEmpty() || !Secrets::verify(hash, password.toString()))
        return fail(Problem::make(401, QStringLiteral("invalid-credentials"), tr("The password is wrong.")), request);
    if (!caller.administrator)
        return fail(Problem::make(403, QStringLiteral("not-administrator"), tr("Only an administrator of the organisation can do this.")), request);
    caller.elevatedUntil = std::min(now() + m_options.elevationMs, caller.expiresAt);
    if (auto u = m_db.exec(QStringLiteral("UPDATE session_token SET elevated_until = ? WHERE token_hash = ?"), {caller.elevatedUntil, caller.tokenHash}); !u) {
        Problem p = Problem::make(503, QStringLiteral("unavailable"), u.error().message);
        p.retryAfter = 2;
        return fail(p, request);
    }
    return ApiResponse::json(200, sessionJson(caller));
}

ApiResponse Api::session(const ApiRequest &request)
{
    auto result = authenticate(request);
    if (auto *p = std::get_if<Problem>(&result))
        return fail(*p, request);
    return ApiResponse::json(200, sessionJson(std::get<Caller>(result)));
}

ApiResponse Api::logout(const ApiRequest &request)
{
    auto result = authenticate(request);
    if (auto *p = std::get_if<Problem>(&result))
        return fail(*p, request);
    if (auto q = m_db.exec(QStringLiteral("UPDATE session_token SET revoked = 1 WHERE token_hash = ?"), {std::get<Caller>(result).tokenHash}); !q) {
        Problem p = Problem::make(503, QStringLiteral("unavailable"), q.error().message);
        p.retryAfter = 2;
        return fail(p, request);
    }
    return ApiResponse::noContent();
}

ApiResponse Api::requestPasswordReset(const ApiRequest &request)
{
    Problem problem;
    Result<QJsonObject> body = readJsonBody(request, m_options.maxJsonBytes, problem);
    if (!body)
        return fail(problem, request);
    const QJsonValue identifier = body->value(QLatin1String("identifier"));
    if (!identifier.isString() || identifier.toString().trimmed().isEmpty() || identifier.toString().size() > 320) {
        return fail(Problem::make(400, QStringLiteral("bad-request"), tr("Give a username or a mobile number."))
                        .fieldError(QStringLiteral("identifier"), QStringLiteral("required"), tr("Give a username or a mobile number.")),
                    request);
    }
    const ApiResponse accepted = ApiResponse::json(
        202, {{QStringLiteral("status"), QStringLiteral("accepted")},
              {QStringLiteral("message"),
               tr("If this account exists, a code to choose a new password has been sent to its e-mail address or mobile number.")}});
    int retryAfter = 0;
    for (const auto &[bucket, limit] : {std::pair{QString(QStringLiteral("reset-id:") + identifier.toString().trimmed().toLower()),
                                                  m_options.resetPerIdentifierPerHour},
                                        std::pair{QString(QStringLiteral("reset-address:") + request.peer), m_options.loginPerAddressPerMinute}}) {
        Result<bool> allowed = hit(bucket, bucket.startsWith(QLatin1String("reset-id:")) ? 3'600'000 : 60'000, limit, &retryAfter);
        if (allowed.ok() && !allowed.value()) {
            Problem p = Problem::make(429, QStringLiteral("rate-limited"), tr("Too many attempts: try again in %n second(s).", nullptr, retryAfter));
            p.retryAfter = retryAfter;
            return fail(p, request);
        }
    }
    const QString userId = accountOf(identifier.toString());
    // The work is the same either way (a hash is computed), so that timing tells nothing either.
    const QString code = Secrets::generatePassword(12);
    const QString codeHash = sha256Hex(code.toUtf8());
    if (userId.isEmpty())
        return accepted;
    auto user = m_db.exec(QStringLiteral("SELECT a.org_id, r.body FROM account a LEFT JOIN record r ON r.org_id = a.org_id "
                                         "AND r.entity = 'user' AND r.id = a.user_id AND r.deleted = 0 WHERE a.user_id = ?"),
                          {userId});
    if (!user || !user->next())
        return accepted;
    const QString orgId = user->value(0).toString();
    const QJsonObject record = QJsonDocument::fromJson(user->value(1).toString().toUtf8()).object();
    const QString email = record.value(QLatin1String("email")).toString();
    const QString mobile = record.value(QLatin1String("mobile")).toString();
    const QString channel = !email.isEmpty() ? QStringLiteral("email") : !mobile.isEmpty() ? QStringLiteral("sms") : QString();
    if (channel.isEmpty())
        return accepted; // nowhere to send it; the administrator resets the password instead
    (void)m_db.transaction([&]() -> Status {
        if (auto q = m_db.exec(QStringLiteral("INSERT INTO reset_code (code_hash, user_id, expires_at, used) VALUES (?, ?, ?, 0)"),
                               {codeHash, userId, now() + m_options.resetCodeLifetimeMs});
            !q)
            return q.error();
        // The code travels to the delivery queue: it is the one place it exists in clear, until sent.
        const QJsonObject payload{{QStringLiteral("code"), code},
                                  {QStringLiteral("language"), record.value(QLatin1String("language")).toString()},
                                  {QStringLiteral("expiresAt"), isoTime(now() + m_options.resetCodeLifetimeMs)}};
        auto q = m_db.exec(QStringLiteral("INSERT INTO message (id, org_id, user_id, kind, channel, recipient, payload, state, created_at) "
                                          "VALUES (?, ?, ?, 'password-reset', ?, ?, ?, 'queued', ?)"),
                           {newId(), orgId, userId, channel, channel == QLatin1String("email") ? email : mobile,
                            QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)), now()});
        if (!q)
            return q.error();
        return {};
    });
    return accepted;
}

ApiResponse Api::confirmPasswordReset(const ApiRequest &request)
{
    Problem problem;
    Result<QJsonObject> body = readJsonBody(request, m_options.maxJsonBytes, problem);
    if (!body)
        return fail(problem, request);
    const QJsonValue code = body->value(QLatin1String("code"));
    const QJsonValue password = body->value(QLatin1String("newPassword"));
    if (!code.isString() || !password.isString() || code.toString().size() > 128 || password.toString().size() > 1024)
        return fail(Problem::make(400, QStringLiteral("bad-request"), tr("Give the code received and the new password.")), request);
    int retryAfter = 0;
    Result<bool> allowed = hit(QString(QStringLiteral("reset-confirm:") + request.peer), 60'000, m_options.loginPerAddressPerMinute, &retryAfter);
    if (allowed.ok() && !allowed.value()) {
        Problem p = Problem::make(429, QStringLiteral("rate-limited"), tr("Too many attempts: try again in %n second(s).", nullptr, retryAfter));
        p.retryAfter = retryAfter;
        return fail(p, request);
    }
    const QString codeHash = sha256Hex(code.toString().trimmed().toUtf8());
    auto q = m_db.exec(QStringLiteral("SELECT r.user_id, a.username FROM reset_code r JOIN account a ON a.user_id = r.user_id "
                                      "WHERE r.code_hash = ? AND r.used = 0 AND r.expires_at > ?"),
                       {codeHash, now()});
    if (!q || !q->next())
        return fail(Problem::make(422, QStringLiteral("reset-code-invalid"), tr("This code is not valid: it was already used, has expired or is wrong.")),
                    request);
    const QString userId = q->value(0).toString();
    const QString username = q->value(1).toString();
    if (Status s = Validators::password(password.toString(), username); !s) {
        return fail(Problem::make(422, QStringLiteral("validation-failed"), s.error().message)
                        .fieldError(QStringLiteral("newPassword"), QStringLiteral("weak-password"), s.error().message),
                    request);
    }
    Result<QString> hash = Secrets::hash(password.toString());
    if (!hash)
        return fail(Problem::make(500, QStringLiteral("internal"), hash.error().message), request);
    Status s = m_db.transaction([&]() -> Status {
        // Single use: only one of two simultaneous confirmations can mark the code.
        auto used = m_db.exec(QStringLiteral("UPDATE reset_code SET used = 1 WHERE code_hash = ? AND used = 0"), {codeHash});
        if (!used)
            return used.error();
        if (used->numRowsAffected() != 1)
            return Error{ErrorCode::Conflict, QString(), {}};
        for (const auto &[sql, binds] : {std::pair{QStringLiteral("UPDATE account SET password_hash = ? WHERE user_id = ?"),
                                                   QVariantList{hash.value(), userId}},
                                         std::pair{QStringLiteral("UPDATE session_token SET revoked = 1 WHERE user_id = ?"), QVariantList{userId}}}) {
            if (auto u = m_db.exec(sql, binds); !u)
                return u.error();
        }
        return {};
    });
    if (!s) {
        if (s.error().code == ErrorCode::Conflict)
            return fail(Problem::make(422, QStringLiteral("reset-code-invalid"), tr("This code is not valid: it was already used, has expired or is wrong.")),
                        request);
        Problem p = Problem::make(503, QStringLiteral("unavailable"), s.error().message);
        p.retryAfter = 2;
        return fail(p, request);
    }
    return ApiResponse::noContent();
}

} // namespace centrale::server
