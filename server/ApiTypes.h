#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace centrale::server {

// One request as the API sees it, whatever carried it (an HTTP connection, or one operation of a
// batch).
struct ApiRequest {
    QByteArray method;               // upper case, after X-HTTP-Method-Override
    QString path;                    // decoded: /api/v1/orgs/domaincustomer.be/users/...
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QString peer;                    // the client's address, for rate limits

    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

struct ApiResponse {
    int status = 200;
    QByteArray contentType;          // empty without a body
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiResponse json(int status, const QJsonObject &object);
    static ApiResponse noContent();
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
    QJsonObject jsonBody() const;
};

// An application/problem+json answer (RFC 9457) with Centrale's machine code and field errors.
struct Problem {
    Q_DECLARE_TR_FUNCTIONS(Problem)
public:
    int status = 500;
    QString code;     // validation-failed, version-mismatch, ...
    QString detail;   // translated
    QJsonArray errors;  // [{field, code, message}]
    QJsonObject extra;  // current, currentVersion (412)
    int retryAfter = 0; // seconds, for 429 and 503

    static Problem make(int status, const QString &code, const QString &detail = {});
    Problem &fieldError(const QString &field, const QString &fieldCode, const QString &message);
    static QString title(const QString &code);
    ApiResponse response(const QString &instance) const;
};

} // namespace centrale::server
