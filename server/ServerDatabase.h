#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <functional>

namespace centrale::server {

// The server's database: PostgreSQL (QPSQL, the deployment that scales: several instances share
// one database) or SQLite (one machine, tests). The same migrations run on both; the few places
// where the two dialects differ are named here.
class ServerDatabase final {
    Q_DECLARE_TR_FUNCTIONS(ServerDatabase)
    Q_DISABLE_COPY_MOVE(ServerDatabase)
public:
    enum class Kind { Sqlite, Postgres };

    ServerDatabase();
    ~ServerDatabase();

    // "sqlite:PATH" or "postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE" (postgres:// too).
    Status open(const QString &url);
    void close();
    bool isOpen() const;
    Kind kind() const { return m_kind; }
    // The URL without its password, for logs and messages.
    QString displayUrl() const { return m_displayUrl; }
    int schemaVersion();
    static int latestSchemaVersion();

    // Runs work in one transaction: commits if it succeeds, rolls back otherwise. Nested calls
    // join the outer transaction.
    Status transaction(const std::function<Status()> &work);
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});
    // Whether the last failed statement broke a UNIQUE constraint.
    static bool isUniqueViolation(const QSqlQuery &query);
    // Whether the connection is alive (the health check).
    bool ping();

    QString blobType() const { return m_kind == Kind::Postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB"); }

private:
    Status migrate();
    Error storageError(const QString &what, const QSqlQuery &query) const;

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_displayUrl;
    Kind m_kind = Kind::Sqlite;
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
};

} // namespace centrale::server
