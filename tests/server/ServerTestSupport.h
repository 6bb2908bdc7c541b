#pragma once

// Shared by the server suites: the databases they run on, and a client for the API in process.

#include "Api.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

namespace centrale::server::test {

// SQLite always; PostgreSQL when the test script started one (CENTRALE_TEST_PG_URL). When the
// script requires it (CENTRALE_REQUIRE_POSTGRES=1) a missing server is a failure, not a skip.
inline QStringList backends()
{
    QStringList list{QStringLiteral("sqlite")};
    if (!qEnvironmentVariableIsEmpty("CENTRALE_TEST_PG_URL"))
        list << QStringLiteral("postgres");
    return list;
}

inline bool postgresMissingButRequired()
{
    return qEnvironmentVariableIsEmpty("CENTRALE_TEST_PG_URL") && qEnvironmentVariable("CENTRALE_REQUIRE_POSTGRES") == QLatin1String("1");
}

// A new, empty database of the backend: a file in dir, or a new PostgreSQL database.
inline QString freshDatabase(const QString &backend, const QTemporaryDir &dir)
{
    if (backend == QLatin1String("sqlite"))
        return QStringLiteral("sqlite:") + dir.filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".db"));
    const QUrl admin(qEnvironmentVariable("CENTRALE_TEST_PG_URL"));
    const QString name = QStringLiteral("centrale_t_") + QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pg-admin"));
        db.setHostName(admin.host());
        db.setPort(admin.port(5432));
        db.setUserName(admin.userName());
        db.setDatabaseName(admin.path().mid(1));
        if (!db.open())
            qFatal("Cannot reach the test PostgreSQL: %s", qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE DATABASE ") + name))
            qFatal("CREATE DATABASE failed: %s", qPrintable(q.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pg-admin"));
    QUrl url = admin;
    url.setPath(QLatin1Char('/') + name);
    return url.toString();
}

// Talks to an Api in process, as the HTTP server would.
struct Client {
    Api *api = nullptr;
    QByteArray token;
    QString domain;
    QByteArray language = "en";
    QString peer = QStringLiteral("127.0.0.1");

    ApiResponse raw(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QHash<QByteArray, QByteArray> &headers = {}, const QByteArray &contentType = "application/json") const
    {
        ApiRequest r;
        r.method = method;
        const int q = path.indexOf(QLatin1Char('?'));
        r.path = q < 0 ? path : path.left(q);
        if (q >= 0)
            r.query = QUrlQuery(path.mid(q + 1));
        r.headers = headers;
        if (!token.isEmpty())
            r.headers.insert("authorization", "Bearer " + token);
        r.headers.insert("accept-language", language);
        if (!body.isEmpty() && !r.headers.contains("content-type"))
            r.headers.insert("content-type", contentType);
        r.body = body;
        r.peer = peer;
        return api->handle(r);
    }
    ApiResponse call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                     const QHash<QByteArray, QByteArray> &headers = {}) const
    {
        return raw(method, path, body.isEmpty() && method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
    }
    QString org(const QString &rest = {}) const
    {
        return QStringLiteral("/api/v1/orgs/") + domain + rest;
    }
    // A write with a fresh idempotency key and the given precondition ("*" creates).
    ApiResponse write(const QByteArray &method, const QString &path, const QJsonObject &body, const QByteArray &version) const
    {
        QHash<QByteArray, QByteArray> h{{"idempotency-key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}};
        if (version == "*")
            h.insert("if-none-match", "*");
        else if (!version.isEmpty())
            h.insert("if-match", '"' + version + '"');
        return call(method, path, body, h);
    }
    bool login(const QString &username, const QString &password)
    {
        const ApiResponse r = call("POST", QStringLiteral("/api/v1/auth/login"),
                                   {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}});
        if (r.status != 200)
            return false;
        token = r.jsonBody().value(QLatin1String("token")).toString().toLatin1();
        return !token.isEmpty();
    }
    bool elevate(const QString &password)
    {
        return call("POST", QStringLiteral("/api/v1/auth/elevate"), {{QStringLiteral("password"), password}}).status == 200;
    }
};

} // namespace centrale::server::test
