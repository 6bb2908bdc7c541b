#pragma once

#include "ApiTypes.h"
#include "CallRecorder.h"
#include "Entities.h"
#include "ServerDatabase.h"
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <functional>
#include <memory>
#include <optional>

namespace centrale::server {

struct ServerOptions {
    qint64 tokenLifetimeMs = 8LL * 3600 * 1000;
    qint64 elevationMs = 15LL * 60 * 1000;
    qint64 resetCodeLifetimeMs = 30LL * 60 * 1000;
    qint64 welcomeCodeLifetimeMs = 7LL * 24 * 3600 * 1000; // a welcome is read days later
    int loginPerAccountPerMinute = 10;
    int loginPerAddressPerMinute = 30;
    int resetPerIdentifierPerHour = 3;
    qsizetype maxJsonBytes = 1 << 20;
    qsizetype maxBatchBytes = 8 << 20;
    int maxJsonDepth = 32;
    int maxBatchOperations = 500;
    RecordCallOptions recordCall; // recording a prompt by phone call
};

// Where a message's delivery stands (the queue's columns; see MessageDelivery).
struct MessageProgress {
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    qint64 sentAt = 0;
    QString reasonCode;
    QString lastError;
};

// Who sent the request, once the bearer token is checked.
struct Caller {
    QString tokenHash;
    QString userId;
    QString orgId;
    QString domain;
    bool administrator = false;
    qint64 expiresAt = 0;
    qint64 elevatedUntil = 0;
};

// The REST API of docs/api/openapi.yaml over a ServerDatabase, independent of the transport: the
// HTTP server hands it each request, a batch hands it each operation, tests call it directly.
// Every piece of state (tokens, elevations, rate limits, idempotency keys, the change feed) is in
// the database, so that several instances can serve one PostgreSQL database.
class Api final {
    Q_DECLARE_TR_FUNCTIONS(Api)
    Q_DISABLE_COPY_MOVE(Api)
public:
    using Clock = std::function<qint64()>; // milliseconds since the epoch

    explicit Api(ServerDatabase &db, ServerOptions options = {}, Clock clock = {});
    ~Api();

    ApiResponse handle(const ApiRequest &request);

    // Administration from the command line.
    Result<QString> createOrganisation(const QString &domain, const QString &name, const QString &language);
    Result<QString> createAdministrator(const QString &username, const QString &domain, const QString &password);

    qint64 now() const { return m_clock(); }

private:
    struct Route;
    using Outcome = std::variant<ApiResponse, Problem>;

    ApiResponse dispatch(const ApiRequest &request);
    ApiResponse fail(const Problem &problem, const ApiRequest &request) const;

    // Auth (ApiAuth.cpp).
    ApiResponse login(const ApiRequest &request);
    ApiResponse elevate(const ApiRequest &request);
    ApiResponse session(const ApiRequest &request);
    ApiResponse logout(const ApiRequest &request);
    ApiResponse requestPasswordReset(const ApiRequest &request);
    ApiResponse confirmPasswordReset(const ApiRequest &request);
    std::variant<Caller, Problem> authenticate(const ApiRequest &request);
    // authenticate, then: the caller administers domain and is elevated (the elevation is extended).
    std::variant<Caller, Problem> authorise(const ApiRequest &request, const QString &domain);
    QJsonObject sessionJson(const Caller &caller);
    // Counts one hit in bucket; false when over limit in the window.
    Result<bool> hit(const QString &bucket, qint64 windowMs, int limit, int *retryAfter);
    QString accountOf(const QString &identifier);

    // Records (ApiRecords.cpp).
    ApiResponse orgRoute(const ApiRequest &request, const QStringList &segments);
    ApiResponse recordRoute(const ApiRequest &request, const Caller &caller, const QStringList &rest);
    Outcome getRecord(const ApiRequest &request, const Caller &caller, const EntityType &type, const QString &id);
    Outcome putRecord(const ApiRequest &request, const Caller &caller, const EntityType &type, const QString &id,
                      const QString &parentId);
    Outcome deleteRecord(const ApiRequest &request, const Caller &caller, const EntityType &type, const QString &id);
    // where/binds narrow the list (" AND id IN (...)"); decorate adds fields to each item.
    Outcome listRecords(const ApiRequest &request, const Caller &caller, const EntityType &type, const QString &parentId,
                        const QString &where = {}, const QVariantList &binds = {},
                        const std::function<void(QJsonObject &)> &decorate = {});
    Outcome changes(const ApiRequest &request, const Caller &caller);
    Outcome organisation(const ApiRequest &request, const Caller &caller);
    Outcome listOrganisations(const ApiRequest &request);
    ApiResponse batch(const ApiRequest &request, const Caller &caller);
    // Runs a write once per idempotency key: replays the stored answer of an earlier success.
    ApiResponse idempotent(const ApiRequest &request, const Caller &caller, const std::function<Outcome()> &write);
    // The record's id from a path segment: a UUID, a username (users) or an E.164 number (numbers).
    QString resolveId(const Caller &caller, const EntityType &type, const QString &segment);
    Result<qint64> nextSeq(const QString &orgId);
    Status lockOrganisation(const QString &orgId);
    // The record as a GET returns it: the stored JSON, its version and the server's read-only fields.
    QJsonObject present(const Caller &caller, const QString &entity, const QString &id, const QJsonObject &body, qint64 version);
    Result<QJsonObject> readJsonBody(const ApiRequest &request, qsizetype limit, Problem &problem) const;
    // Writes a record (a new version, or a tombstone with an empty body) with its feed position,
    // keys and references. Runs inside the caller's transaction.
    Status storeRecord(const QString &orgId, const EntityType &type, const QString &id, const QJsonObject &body, qint64 version,
                       const QString &parentId, bool deleted);
    // Sub-resources of a record: /groups/{group}/members, /users/{user}/photo, ... (ApiSubresources.cpp).
    ApiResponse subresourceRoute(const ApiRequest &request, const Caller &caller, const EntityType &type, const QStringList &tail);
    // The record an address names, read under the organisation's write lock and checked against
    // If-Match (428 without, 412 stale, 404 unknown): a sub-resource write changes its owner.
    struct Owned {
        QString id;
        qint64 version = 0;
        QJsonObject body;
        QString parentId;
    };
    std::variant<Owned, Problem> lockOwner(const ApiRequest &request, const Caller &caller, const EntityType &type, const QString &segment);
    std::variant<Owned, Problem> readOwner(const Caller &caller, const EntityType &type, const QString &segment);
    // Stores body as the owner's next version and answers it with its ETag.
    Outcome storeOwner(const Caller &caller, const EntityType &type, const Owned &owner, const QJsonObject &body);
    Outcome listMembers(const ApiRequest &request, const Caller &caller, const QString &groupSegment);
    Outcome changeMember(const ApiRequest &request, const Caller &caller, const QString &groupSegment, const QString &userSegment);
    Outcome listContactsOf(const ApiRequest &request, const Caller &caller, const EntityType &owner, const QString &segment, bool effective);
    Outcome effectiveSettings(const Caller &caller, const QString &userSegment);
    Outcome userPhoto(const ApiRequest &request, const Caller &caller, const QString &userSegment);
    Outcome setUserPhoto(const ApiRequest &request, const Caller &caller, const QString &userSegment, bool remove);
    Outcome setUserPassword(const ApiRequest &request, const Caller &caller, const QString &userSegment);
    Outcome setUserPin(const ApiRequest &request, const Caller &caller, const QString &userSegment);
    Outcome resetUserPassword(const Caller &caller, const QString &userSegment);
    Outcome assignNumber(const ApiRequest &request, const Caller &caller, const QString &numberSegment, bool release);
    Outcome promptAudio(const ApiRequest &request, const Caller &caller, const QString &promptSegment);
    Outcome setPromptAudio(const ApiRequest &request, const Caller &caller, const QString &promptSegment);
    Outcome functionState(const ApiRequest &request, const Caller &caller, const QString &functionSegment);
    Outcome functionCalendar(const Caller &caller, const QString &functionSegment);
    Outcome importFunctionCalendar(const ApiRequest &request, const Caller &caller, const QString &functionSegment);
    Outcome phoneProvisioning(const Caller &caller, const QString &phoneSegment);
    ApiResponse reloadPhones(const ApiRequest &request, const Caller &caller, const QStringList &segments, bool many);
    Outcome welcome(const ApiRequest &request, const Caller &caller, const QString &userSegment);
    Outcome listMessages(const ApiRequest &request, const Caller &caller);
    Outcome getMessage(const Caller &caller, const QString &id);
    // Queues one message (a welcome or a password reset) with a one-time code to choose a
    // password; a user without the address it needs gets a failed message. Returns its JSON.
    Result<QJsonObject> queueMessage(const Caller &caller, const QString &userId, const QJsonObject &user, const QString &kind,
                                     const QString &access, const QString &delivery);
    QJsonObject messageJson(const QString &id, const QString &userId, const QString &kind, const QString &delivery,
                            const QString &recipient, const QJsonObject &payload, const QString &state, qint64 createdAt,
                            const MessageProgress &progress = {});
    static MessageProgress messageProgress(const QSqlQuery &query, int first);
    // Recording a prompt by phone call (ApiCallJobs.cpp): the job is a row of call_job that any
    // instance reads; the call runs on the instance that accepted it.
    ApiResponse recordCallRoute(const ApiRequest &request, const Caller &caller, const QString &promptSegment);
    Outcome startRecordCall(const ApiRequest &request, const Caller &caller, const QString &promptSegment);
    Outcome getCallJob(const Caller &caller, const QString &id);
    void callProgress(const QString &job, const QString &step, qint64 recordedMs);
    void callRecorded(const QString &job, const QByteArray &alaw);
    void callFailed(const QString &job, const QString &reasonCode);
    QString callReason(const QString &reasonCode) const;
    struct PendingCall {
        QString job;
        QString host;
        quint16 port = 0;
        QString userPart;
        QString language; // of the spoken instruction: fr, nl, en
    };
    std::optional<PendingCall> m_pendingCall; // started once the job's row is committed
    std::unique_ptr<CallRecorder> m_recorder;
    CallInstructions m_callInstructions; // loaded with the recorder
    // The stored answer of an earlier request with the same Idempotency-Key, if any (see idempotent()).
    std::optional<ApiResponse> replayed(const ApiRequest &request, const Caller &caller);
    QTimeZone organisationZone(const Caller &caller);
    // The segments after /api/v1/, percent-decoded.
    static QStringList pathSegments(const QString &path);

    ServerDatabase &m_db;
    ServerOptions m_options;
    Clock m_clock;
    Translations m_translations;
    QString m_dummyHash; // verified against when an account does not exist, so timing tells nothing
};

} // namespace centrale::server
