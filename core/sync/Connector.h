#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace centrale {

// A session on the server, as login, elevation and the session check give it.
struct RemoteSession {
    QByteArray token; // only from login
    QDateTime expiresAt;
    QDateTime elevatedUntil; // invalid when not elevated
    QString userId;
    QString username;
    QString domain;
    QString displayName;
    bool administrator = false;

    bool elevated() const { return elevatedUntil.isValid() && elevatedUntil > QDateTime::currentDateTimeUtc(); }
};

// One write of a batch: an outbox entry on its way to the server.
struct PushOperation {
    QString method; // PUT, POST, DELETE
    QString path;
    QByteArray ifMatch; // "\"3\""; empty with create
    bool create = false; // If-None-Match: *
    QString idempotencyKey;
    QJsonObject body;
};

// What the server did with one operation.
struct PushResult {
    int status = 0;
    QString outcome; // applied, replayed, failed, skipped
    qint64 version = -1; // from the ETag, when there is one
    QJsonObject body; // the record written, or the problem
};

struct ChangePage {
    QList<QJsonObject> changes;
    QString nextCursor;
    bool hasMore = false;
};

// The server behind the sync engine and the login screens. The REST connector speaks
// docs/api/openapi.yaml; another provider's API can sit behind the same interface. Calls block
// (the engine runs them off the interface thread) and end with a translated error: code Network
// when the server cannot be reached or is unavailable, Denied when it refuses (the server's
// problem code is then in Error::field: elevation-required, token-expired, ...), Invalid when it
// rejects what was sent, Conflict for a cursor the server no longer keeps.
class Connector {
public:
    virtual ~Connector() = default;

    virtual QString serverUrl() const = 0;
    virtual void setToken(const QByteArray &token) = 0;

    virtual Result<RemoteSession> login(const QString &username, const QString &password) = 0;
    virtual Result<RemoteSession> elevate(const QString &password) = 0;
    virtual Result<RemoteSession> session() = 0;
    virtual Status logout() = 0;
    virtual Status requestPasswordReset(const QString &identifier) = 0;
    virtual Status confirmPasswordReset(const QString &code, const QString &newPassword) = 0;

    // One record as a GET gives it; NotFound when the server has none.
    virtual Result<QJsonObject> fetch(const QString &path) = 0;
    // A binary sub-resource (a prompt's audio) as it is.
    virtual Result<QByteArray> fetchBytes(const QString &path) = 0;
    // One write outside a batch, for a body that is not JSON (a photo): the same answer as a
    // batch operation's. An error only when the server could not be reached.
    virtual Result<PushResult> write(const QString &method, const QString &path, const QByteArray &contentType, const QByteArray &body,
                                     const QByteArray &ifMatch, const QString &idempotencyKey) = 0;
    // The organisation's record (with its version).
    virtual Result<QJsonObject> organisation(const QString &domain) = 0;
    // Applies the operations in order, each on its own; one result per operation.
    virtual Result<QList<PushResult>> push(const QString &domain, const QList<PushOperation> &operations, const QString &batchKey) = 0;
    // A page of the change feed after cursor (empty: from the beginning).
    virtual Result<ChangePage> pull(const QString &domain, const QString &cursor, int limit) = 0;
    // Sends welcome messages: each user (id or username) gets one per access (web, mobile,
    // softphone), by delivery (auto, email or sms). One outcome per user and access, in order: the server's Message objects (status
    // sent, queued or failed, with a reason). Nothing is sent when a user is unknown (Invalid).
    virtual Result<QList<QJsonObject>> welcome(
        const QString &domain, const QStringList &users, const QStringList &accesses, const QString &delivery)
        = 0;
    // Starts recording a prompt by a call to a user's phone (id or username): the server's
    // CallJob, to follow with fetch() on its call-jobs path. The prompt must be on the server.
    virtual Result<QJsonObject> startRecordCall(const QString &domain, const QString &promptId, const QString &user) = 0;
};

} // namespace centrale
