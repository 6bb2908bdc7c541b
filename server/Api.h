#pragma once

#include "ApiTypes.h"
#include "Entities.h"
#include "ServerDatabase.h"
#include "i18n/Translations.h"

#include <QCoreApplication>

#include <functional>

namespace centrale::server {

struct ServerOptions {
    qint64 tokenLifetimeMs = 8LL * 3600 * 1000;
    qint64 elevationMs = 15LL * 60 * 1000;
    qint64 resetCodeLifetimeMs = 30LL * 60 * 1000;
    int loginPerAccountPerMinute = 10;
    int loginPerAddressPerMinute = 30;
    int resetPerIdentifierPerHour = 3;
    qsizetype maxJsonBytes = 1 << 20;
    qsizetype maxBatchBytes = 8 << 20;
    int maxJsonDepth = 32;
    int maxBatchOperations = 500;
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
    Outcome listRecords(const ApiRequest &request, const Caller &caller, const EntityType &type, const QString &parentId);
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
    // The segments after /api/v1/, percent-decoded.
    static QStringList pathSegments(const QString &path);

    ServerDatabase &m_db;
    ServerOptions m_options;
    Clock m_clock;
    Translations m_translations;
    QString m_dummyHash; // verified against when an account does not exist, so timing tells nothing
};

} // namespace centrale::server
