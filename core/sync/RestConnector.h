#pragma once

#include "sync/Connector.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSslCertificate>

namespace centrale {

// The Centrale REST API (docs/api/openapi.yaml) over HTTP or HTTPS. Each call waits for its
// answer with a time-out, in a local event loop: use it from a worker thread or the command line.
class RestConnector final : public Connector {
    Q_DECLARE_TR_FUNCTIONS(RestConnector)
public:
    // serverUrl: https://centrale.example.be:8443 (a path prefix is kept). language: fr, nl or en
    // for the server's messages.
    RestConnector(const QString &serverUrl, const QString &language);

    QString serverUrl() const override { return m_base; }
    void setToken(const QByteArray &token) override { m_token = token; }
    // Trusts these certificates as well as the system's (a server with its own authority).
    void addCaCertificates(const QList<QSslCertificate> &certificates) { m_extraCas += certificates; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    Result<RemoteSession> login(const QString &username, const QString &password) override;
    Result<RemoteSession> elevate(const QString &password) override;
    Result<RemoteSession> session() override;
    Status logout() override;
    Status requestPasswordReset(const QString &identifier) override;
    Status confirmPasswordReset(const QString &code, const QString &newPassword) override;
    Result<QJsonObject> fetch(const QString &path) override;
    Result<QByteArray> fetchBytes(const QString &path) override;
    Result<QJsonObject> organisation(const QString &domain) override;
    Result<PushResult> write(const QString &method, const QString &path, const QByteArray &contentType, const QByteArray &body,
                             const QByteArray &ifMatch, const QString &idempotencyKey) override;
    Result<QList<PushResult>> push(const QString &domain, const QList<PushOperation> &operations, const QString &batchKey) override;
    Result<ChangePage> pull(const QString &domain, const QString &cursor, int limit) override;
    Result<QList<QJsonObject>> welcome(
        const QString &domain, const QStringList &users, const QStringList &accesses, const QString &delivery) override;
    Result<QJsonObject> startRecordCall(const QString &domain, const QString &promptId, const QString &user) override;

    // Checks a server address: http(s)://host[:port][/prefix].
    static Status checkUrl(const QString &url);

private:
    struct Reply {
        int status = 0;
        QByteArray body;
        QJsonObject json;
        QByteArray etag;
        bool replayed = false;
    };
    Result<Reply> send(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                       const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Result<Reply> sendRaw(const QByteArray &method, const QString &path, const QByteArray &payload, const QByteArray &contentType,
                          const QList<QPair<QByteArray, QByteArray>> &headers);
    Error problem(const Reply &reply) const;
    static RemoteSession readSession(const QJsonObject &json);
    QString orgPath(const QString &domain) const;

    QNetworkAccessManager m_manager;
    QString m_base;
    QString m_language;
    QByteArray m_token;
    QList<QSslCertificate> m_extraCas;
    int m_timeoutMs = 30000;
};

} // namespace centrale
