#include "ApiTypes.h"

#include <QJsonDocument>

namespace centrale::server {

ApiResponse ApiResponse::json(int status, const QJsonObject &object)
{
    ApiResponse r;
    r.status = status;
    r.contentType = QByteArrayLiteral("application/json");
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

ApiResponse ApiResponse::noContent()
{
    ApiResponse r;
    r.status = 204;
    return r;
}

void ApiResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            h.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray ApiResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QJsonObject ApiResponse::jsonBody() const
{
    return QJsonDocument::fromJson(body).object();
}

Problem Problem::make(int status, const QString &code, const QString &detail)
{
    Problem p;
    p.status = status;
    p.code = code;
    p.detail = detail;
    return p;
}

Problem &Problem::fieldError(const QString &field, const QString &fieldCode, const QString &message)
{
    errors.append(QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("code"), fieldCode}, {QStringLiteral("message"), message}});
    return *this;
}

QString Problem::title(const QString &code)
{
    static const QHash<QString, const char *> titles = {
        {QStringLiteral("malformed-json"), QT_TR_NOOP("Malformed JSON")},
        {QStringLiteral("too-deep"), QT_TR_NOOP("JSON nested too deeply")},
        {QStringLiteral("bad-request"), QT_TR_NOOP("Bad request")},
        {QStringLiteral("idempotency-key-required"), QT_TR_NOOP("Idempotency-Key required")},
        {QStringLiteral("unauthenticated"), QT_TR_NOOP("Not authenticated")},
        {QStringLiteral("invalid-credentials"), QT_TR_NOOP("Invalid credentials")},
        {QStringLiteral("token-expired"), QT_TR_NOOP("Session expired")},
        {QStringLiteral("elevation-required"), QT_TR_NOOP("Administrator view needs the password again")},
        {QStringLiteral("forbidden"), QT_TR_NOOP("Forbidden")},
        {QStringLiteral("not-administrator"), QT_TR_NOOP("Not an administrator")},
        {QStringLiteral("not-found"), QT_TR_NOOP("Not found")},
        {QStringLiteral("method-not-allowed"), QT_TR_NOOP("Method not allowed")},
        {QStringLiteral("conflict"), QT_TR_NOOP("Conflict")},
        {QStringLiteral("duplicate"), QT_TR_NOOP("Duplicate")},
        {QStringLiteral("in-use"), QT_TR_NOOP("In use")},
        {QStringLiteral("idempotency-in-progress"), QT_TR_NOOP("Request still in progress")},
        {QStringLiteral("cursor-expired"), QT_TR_NOOP("Cursor expired")},
        {QStringLiteral("version-mismatch"), QT_TR_NOOP("Version mismatch")},
        {QStringLiteral("payload-too-large"), QT_TR_NOOP("Payload too large")},
        {QStringLiteral("unsupported-media-type"), QT_TR_NOOP("Unsupported media type")},
        {QStringLiteral("validation-failed"), QT_TR_NOOP("Validation failed")},
        {QStringLiteral("invalid-audio"), QT_TR_NOOP("Invalid audio")},
        {QStringLiteral("idempotency-key-reused"), QT_TR_NOOP("Idempotency-Key reused")},
        {QStringLiteral("reset-code-invalid"), QT_TR_NOOP("Reset code invalid")},
        {QStringLiteral("precondition-required"), QT_TR_NOOP("If-Match required")},
        {QStringLiteral("rate-limited"), QT_TR_NOOP("Too many requests")},
        {QStringLiteral("unavailable"), QT_TR_NOOP("Service unavailable")},
        {QStringLiteral("internal"), QT_TR_NOOP("Internal error")},
    };
    const char *t = titles.value(code, QT_TR_NOOP("Error"));
    return tr(t);
}

ApiResponse Problem::response(const QString &instance) const
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("type"), QString(QStringLiteral("urn:centrale:problem:") + code));
    o.insert(QStringLiteral("title"), title(code));
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("code"), code);
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    if (!instance.isEmpty())
        o.insert(QStringLiteral("instance"), instance);
    if (!errors.isEmpty())
        o.insert(QStringLiteral("errors"), errors);
    ApiResponse r = ApiResponse::json(status, o);
    r.contentType = QByteArrayLiteral("application/problem+json");
    if (retryAfter > 0)
        r.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter));
    return r;
}

} // namespace centrale::server
