#include "sync/RestConnector.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace centrale {

RestConnector::RestConnector(const QString &serverUrl, const QString &language)
    : m_base(serverUrl.endsWith(QLatin1Char('/')) ? serverUrl.chopped(1) : serverUrl), m_language(language)
{
}

Status RestConnector::checkUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")) || u.host().isEmpty())
        return Error::invalid(tr("The server address must look like https://centrale.example.be:8443."), QStringLiteral("server"));
    return {};
}

QString RestConnector::orgPath(const QString &domain) const
{
    return QStringLiteral("/api/v1/orgs/") + QString::fromLatin1(QUrl::toPercentEncoding(domain));
}

Result<RestConnector::Reply> RestConnector::send(const QByteArray &method, const QString &path, const QJsonObject &body,
                                                 const QList<QPair<QByteArray, QByteArray>> &headers)
{
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        return sendRaw(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), QByteArrayLiteral("application/json"), headers);
    return sendRaw(method, path, {}, {}, headers);
}

Result<RestConnector::Reply> RestConnector::sendRaw(const QByteArray &method, const QString &path, const QByteArray &payload,
                                                    const QByteArray &contentType, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Accept-Language", m_language.toLatin1());
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &h : headers)
        request.setRawHeader(h.first, h.second);
    if (!m_extraCas.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_extraCas);
        request.setSslConfiguration(tls);
    }
    request.setTransferTimeout(m_timeoutMs);
    QNetworkReply *reply = m_manager.sendCustomRequest(request, method, payload);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.etag = reply->rawHeader("ETag");
    r.replayed = reply->rawHeader("Idempotent-Replayed") == "true";
    const QNetworkReply::NetworkError networkError = reply->error();
    const QString errorText = reply->errorString();
    reply->deleteLater();
    if (r.status == 0) {
        if (networkError == QNetworkReply::OperationCanceledError || networkError == QNetworkReply::TimeoutError)
            return Error{ErrorCode::Network, tr("The server %1 did not answer in time.").arg(m_base), QStringLiteral("timeout")};
        return Error{ErrorCode::Network, tr("Cannot reach the server %1: %2").arg(m_base, errorText), QStringLiteral("unreachable")};
    }
    r.json = QJsonDocument::fromJson(r.body).object();
    return r;
}

Error RestConnector::problem(const Reply &reply) const
{
    const QString code = reply.json.value(QLatin1String("code")).toString();
    QString detail = reply.json.value(QLatin1String("detail")).toString();
    if (detail.isEmpty())
        detail = reply.json.value(QLatin1String("title")).toString();
    if (detail.isEmpty())
        detail = tr("The server answered with status %1.").arg(reply.status);
    if (reply.status == 401 || reply.status == 403)
        return {ErrorCode::Denied, detail, code};
    if (reply.status == 410)
        return {ErrorCode::Conflict, detail, code};
    if (reply.status == 429 || reply.status >= 500)
        return {ErrorCode::Network, detail, code.isEmpty() ? QStringLiteral("unavailable") : code};
    QString field = code;
    const QJsonArray errors = reply.json.value(QLatin1String("errors")).toArray();
    if (!errors.isEmpty())
        field = errors.first().toObject().value(QLatin1String("field")).toString();
    return {reply.status == 404 ? ErrorCode::NotFound : ErrorCode::Invalid, detail, field};
}

RemoteSession RestConnector::readSession(const QJsonObject &json)
{
    RemoteSession s;
    s.token = json.value(QLatin1String("token")).toString().toLatin1();
    s.expiresAt = QDateTime::fromString(json.value(QLatin1String("expiresAt")).toString(), Qt::ISODate);
    s.elevatedUntil = QDateTime::fromString(json.value(QLatin1String("elevatedUntil")).toString(), Qt::ISODate);
    const QJsonObject user = json.value(QLatin1String("user")).toObject();
    s.userId = user.value(QLatin1String("id")).toString();
    s.username = user.value(QLatin1String("username")).toString();
    s.domain = user.value(QLatin1String("domain")).toString();
    s.displayName = user.value(QLatin1String("displayName")).toString();
    s.administrator = json.value(QLatin1String("administrator")).toBool();
    return s;
}

Result<RemoteSession> RestConnector::login(const QString &username, const QString &password)
{
    auto r = send("POST", QStringLiteral("/api/v1/auth/login"),
                  {{QStringLiteral("username"), username.trimmed()}, {QStringLiteral("password"), password}});
    if (!r)
        return r.error();
    if (r->status != 200)
        return problem(r.value());
    RemoteSession s = readSession(r->json);
    if (s.token.isEmpty())
        return Error{ErrorCode::Network, tr("The server's answer to the login has no session."), QStringLiteral("protocol")};
    m_token = s.token;
    return s;
}

Result<RemoteSession> RestConnector::elevate(const QString &password)
{
    auto r = send("POST", QStringLiteral("/api/v1/auth/elevate"), {{QStringLiteral("password"), password}});
    if (!r)
        return r.error();
    if (r->status != 200)
        return problem(r.value());
    return readSession(r->json);
}

Result<RemoteSession> RestConnector::session()
{
    auto r = send("GET", QStringLiteral("/api/v1/auth/session"));
    if (!r)
        return r.error();
    if (r->status != 200)
        return problem(r.value());
    return readSession(r->json);
}

Status RestConnector::logout()
{
    auto r = send("POST", QStringLiteral("/api/v1/auth/logout"));
    if (!r)
        return r.error();
    if (r->status != 204 && r->status != 401)
        return problem(r.value());
    m_token.clear();
    return {};
}

Status RestConnector::requestPasswordReset(const QString &identifier)
{
    auto r = send("POST", QStringLiteral("/api/v1/auth/password-reset"), {{QStringLiteral("identifier"), identifier.trimmed()}});
    if (!r)
        return r.error();
    if (r->status != 202)
        return problem(r.value());
    return {};
}

Status RestConnector::confirmPasswordReset(const QString &code, const QString &newPassword)
{
    auto r = send("POST", QStringLiteral("/api/v1/auth/password-reset/confirm"),
                  {{QStringLiteral("code"), code.trimmed()}, {QStringLiteral("newPassword"), newPassword}});
    if (!r)
        return r.error();
    if (r->status != 204)
        return problem(r.value());
    return {};
}

Result<QJsonObject> RestConnector::fetch(const QString &path)
{
    auto r = send("GET", path);
    if (!r)
        return r.error();
    if (r->status != 200)
        return problem(r.value());
    return r->json;
}

Result<QByteArray> RestConnector::fetchBytes(const QString &path)
{
    auto r = send("GET", path, {}, {{QByteArrayLiteral("Accept"), QByteArrayLiteral("*/*")}});
    if (!r)
        return r.error();
    if (r->status != 200)
        return problem(r.value());
    return r->body;
}

Result<PushResult> RestConnector::write(const QString &method, const QString &path, const QByteArray &contentType, const QByteArray &body,
                                        const QByteArray &ifMatch, const QString &idempotencyKey)
{
    QList<QPair<QByteArray, QByteArray>> headers{{QByteArrayLiteral("Idempotency-Key"), idempotencyKey.toLatin1()}};
    if (!ifMatch.isEmpty())
        headers.append({QByteArrayLiteral("If-Match"), ifMatch});
    auto r = sendRaw(method.toLatin1(), path, body, contentType, headers);
    if (!r)
        return r.error();
    PushResult result;
    result.status = r->status;
    const bool ok = r->status >= 200 && r->status < 300;
    result.outcome = !ok ? QStringLiteral("failed") : r->replayed ? QStringLiteral("replayed") : QStringLiteral("applied");
    QByteArray tag = r->etag;
    if (tag.startsWith("W/"))
        tag = tag.mid(2);
    bool number = false;
    const qint64 version = tag.size() > 2 ? tag.mid(1, tag.size() - 2).toLongLong(&number) : -1;
    result.version = number ? version : -1;
    result.body = r->json;
    return result;
}

Result<QJsonObject> RestConnector::organisation(const QString &domain)
{
    auto r = send("GET", orgPath(domain));
    if (!r)
        return r.error();
    if (r->status != 200)
        return problem(r.value());
    return r->json;
}

Result<QList<PushResult>> RestConnector::push(const QString &domain, const QList<PushOperation> &operations, const QString &batchKey)
{
    QJsonArray ops;
    for (const PushOperation &op : operations) {
        QJsonObject o{{QStringLiteral("method"), op.method}, {QStringLiteral("path"), op.path}, {QStringLiteral("idempotencyKey"), op.idempotencyKey}};
        if (op.create)
            o.insert(QStringLiteral("ifNoneMatch"), QStringLiteral("*"));
        else if (!op.ifMatch.isEmpty())
            o.insert(QStringLiteral("ifMatch"), QString::fromLatin1(op.ifMatch));
        if (!op.body.isEmpty())
            o.insert(QStringLiteral("body"), op.body);
        ops.append(o);
    }
    auto r = send("POST", orgPath(domain) + QStringLiteral("/batch"),
                  {{QStringLiteral("onError"), QStringLiteral("continue")}, {QStringLiteral("operations"), ops}},
                  {{QByteArrayLiteral("Idempotency-Key"), batchKey.toLatin1()}});
    if (!r)
        return r.error();
    if (r->status != 200)
        return problem(r.value());
    const QJsonArray results = r->json.value(QLatin1String("results")).toArray();
    if (results.size() != operations.size())
        return Error{ErrorCode::Network, tr("The server answered a batch of %1 changes with %2 results.").arg(operations.size()).arg(results.size()),
                     QStringLiteral("protocol")};
    QList<PushResult> out;
    for (const QJsonValue &v : results) {
        const QJsonObject o = v.toObject();
        PushResult p;
        p.status = o.value(QLatin1String("status")).toInt();
        p.outcome = o.value(QLatin1String("outcome")).toString();
        QString tag = o.value(QLatin1String("etag")).toString();
        tag.remove(QLatin1Char('"'));
        bool ok = false;
        const qint64 version = tag.toLongLong(&ok);
        p.version = ok ? version : -1;
        p.body = o.value(QLatin1String("body")).toObject();
        out << p;
    }
    return out;
}

Result<ChangePage> RestConnector::pull(const QString &domain, const QString &cursor, int limit)
{
    QUrlQuery query;
    if (!cursor.isEmpty())
        query.addQueryItem(QStringLiteral("since"), cursor);
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    auto r = send("GET", orgPath(domain) + QStringLiteral("/changes?") + query.toString(QUrl::FullyEncoded));
    if (!r)
        return r.error();
    if (r->status != 200)
        return problem(r.value());
    ChangePage page;
    for (const QJsonValue &v : r->json.value(QLatin1String("changes")).toArray())
        page.changes << v.toObject();
    page.nextCursor = r->json.value(QLatin1String("nextCursor")).toString();
    page.hasMore = r->json.value(QLatin1String("hasMore")).toBool();
    return page;
}

Result<QList<QJsonObject>> RestConnector::welcome(
    const QString &domain, const QStringList &users, const QStringList &accesses, const QString &delivery)
{
    auto r = send("POST", orgPath(domain) + QStringLiteral("/welcome"),
        {{QStringLiteral("users"), QJsonArray::fromStringList(users)}, {QStringLiteral("channels"), QJsonArray::fromStringList(accesses)},
            {QStringLiteral("delivery"), delivery}},
        {{QByteArrayLiteral("Idempotency-Key"), QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}});
    if (!r)
        return r.error();
    if (r->status != 200)
        return problem(r.value());
    QList<QJsonObject> results;
    for (const QJsonValue &v : r->json.value(QLatin1String("results")).toArray())
        results << v.toObject();
    return results;
}

Result<QJsonObject> RestConnector::startRecordCall(const QString &domain, const QString &promptId, const QString &user)
{
    auto r = send("POST", orgPath(domain) + QStringLiteral("/prompts/%1/record-call").arg(QString::fromLatin1(QUrl::toPercentEncoding(promptId))),
        {{QStringLiteral("userId"), user}},
        {{QByteArrayLiteral("Idempotency-Key"), QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}});
    if (!r)
        return r.error();
    if (r->status != 202)
        return problem(r.value());
    return r->json;
}

} // namespace centrale
