#include "ServerDatabase.h"

#include <QLoggingCategory>
#include <QSqlError>
#include <QUrl>

#include <atomic>

Q_LOGGING_CATEGORY(lcServerDb, "centrale.server.db", QtInfoMsg)

namespace centrale::server {

namespace {
std::atomic<int> s_counter{0};

// Each step is a list of statements, portable between SQLite and PostgreSQL; %BLOB% is the
// dialect's binary type. Steps are append-only: a released step never changes.
QList<QStringList> migrationSteps()
{
    return {
        {
            QStringLiteral("CREATE TABLE org (id TEXT PRIMARY KEY, domain TEXT NOT NULL UNIQUE, "
                           "seq BIGINT NOT NULL DEFAULT 0, purged_seq BIGINT NOT NULL DEFAULT 0, created_at BIGINT NOT NULL)"),
            // Every record of every organisation, as the JSON the contract defines. seq orders the change
            // feed; a deleted record stays as a tombstone (deleted = 1, body NULL) until purged.
            QStringLiteral("CREATE TABLE record (org_id TEXT NOT NULL REFERENCES org(id), entity TEXT NOT NULL, "
                           "id TEXT NOT NULL, version BIGINT NOT NULL, body TEXT, deleted INTEGER NOT NULL DEFAULT 0, "
                           "seq BIGINT NOT NULL, changed_at BIGINT NOT NULL, natural_key TEXT, sort_key TEXT NOT NULL DEFAULT '', "
                           "search_text TEXT NOT NULL DEFAULT '', parent_id TEXT NOT NULL DEFAULT '', "
                           "PRIMARY KEY (org_id, entity, id))"),
            QStringLiteral("CREATE INDEX record_feed ON record (org_id, seq)"),
            QStringLiteral("CREATE INDEX record_list ON record (org_id, entity, deleted, sort_key, id)"),
            QStringLiteral("CREATE UNIQUE INDEX record_natural ON record (org_id, entity, natural_key)"),
            // Which record refers to which: a record still referred to cannot be deleted (409 in-use).
            QStringLiteral("CREATE TABLE record_ref (org_id TEXT NOT NULL, from_entity TEXT NOT NULL, from_id TEXT NOT NULL, "
                           "to_entity TEXT NOT NULL, to_id TEXT NOT NULL, PRIMARY KEY (org_id, from_entity, from_id, to_entity, to_id))"),
            QStringLiteral("CREATE INDEX record_ref_to ON record_ref (org_id, to_entity, to_id)"),
            QStringLiteral("CREATE TABLE account (user_id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES org(id), "
                           "username TEXT NOT NULL UNIQUE, mobile TEXT NOT NULL DEFAULT '', password_hash TEXT NOT NULL DEFAULT '', "
                           "administrator INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX account_mobile ON account (mobile)"),
            QStringLiteral("CREATE TABLE session_token (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, org_id TEXT NOT NULL, "
                           "created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, elevated_until BIGINT NOT NULL DEFAULT 0, "
                           "revoked INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX session_token_user ON session_token (user_id)"),
            QStringLiteral("CREATE TABLE rate_limit (bucket TEXT PRIMARY KEY, window_start BIGINT NOT NULL, hits INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE idempotency (org_id TEXT NOT NULL, idem_key TEXT NOT NULL, digest TEXT NOT NULL, "
                           "status INTEGER NOT NULL, response TEXT NOT NULL, created_at BIGINT NOT NULL, PRIMARY KEY (org_id, idem_key))"),
            QStringLiteral("CREATE TABLE reset_code (code_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, "
                           "expires_at BIGINT NOT NULL, used INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE message (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, user_id TEXT NOT NULL DEFAULT '', "
                           "kind TEXT NOT NULL, channel TEXT NOT NULL, recipient TEXT NOT NULL, payload TEXT NOT NULL, "
                           "state TEXT NOT NULL, created_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE TABLE record_blob (org_id TEXT NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL, "
                           "kind TEXT NOT NULL, data %BLOB% NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (org_id, entity, id, kind))"),
        },
        {
            // A user's PIN (DECT, free seating), Argon2id-hashed like the password; never returned.
            QStringLiteral("ALTER TABLE account ADD COLUMN pin_hash TEXT NOT NULL DEFAULT ''"),
        },
        {
            // Recording a prompt by phone call: the job's steps, read by any instance.
            QStringLiteral("CREATE TABLE call_job (id TEXT PRIMARY KEY, org_id TEXT NOT NULL, prompt_id TEXT NOT NULL, "
                           "user_id TEXT NOT NULL, step TEXT NOT NULL, reason_code TEXT NOT NULL DEFAULT '', "
                           "recorded_ms BIGINT NOT NULL DEFAULT 0, prompt_version BIGINT NOT NULL DEFAULT 0, "
                           "created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
            QStringLiteral("CREATE INDEX call_job_prompt ON call_job (org_id, prompt_id, step)"),
        },
        {
            // The delivery queue (MessageDelivery): state is queued, sending (claimed by a server
            // instance until claimed_until), sent or failed; reason_code and last_error say why a
            // message waits or failed. Times in milliseconds since the epoch.
            QStringLiteral("ALTER TABLE message ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE message ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE message ADD COLUMN claim TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE message ADD COLUMN claimed_until BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE message ADD COLUMN sent_at BIGINT NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE message ADD COLUMN reason_code TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE message ADD COLUMN last_error TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX message_due ON message (state, next_attempt_at)"),
        },
    };
}
} // namespace

ServerDatabase::ServerDatabase()
    : m_connectionName(QStringLiteral("centrale-server-%1").arg(++s_counter))
{
}

ServerDatabase::~ServerDatabase()
{
    close();
}

int ServerDatabase::latestSchemaVersion()
{
    return static_cast<int>(migrationSteps().size());
}

bool ServerDatabase::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

void ServerDatabase::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

Status ServerDatabase::open(const QString &url)
{
    close();
    if (url.startsWith(QLatin1String("sqlite:"))) {
        const QString path = url.mid(7);
        if (path.isEmpty())
            return Error::invalid(tr("The database address sqlite: needs a file path (sqlite:/var/lib/centrale/server.db)."), QStringLiteral("db"));
        m_kind = Kind::Sqlite;
        m_displayUrl = url;
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        if (!m_db.isValid())
            return Error{ErrorCode::Storage, tr("The SQLite driver for Qt is not installed (Debian: libqt6sql6-sqlite)."), {}};
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else if (url.startsWith(QLatin1String("postgresql://")) || url.startsWith(QLatin1String("postgres://"))) {
        const QUrl u(url);
        if (!u.isValid() || u.host().isEmpty() || u.path().size() < 2)
            return Error::invalid(tr("The database address must look like postgresql://USER:PASSWORD@HOST:PORT/DATABASE."), QStringLiteral("db"));
        m_kind = Kind::Postgres;
        QUrl shown = u;
        shown.setPassword({});
        m_displayUrl = shown.toString();
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        if (!m_db.isValid())
            return Error{ErrorCode::Storage, tr("The PostgreSQL driver for Qt is not installed (Debian: libqt6sql6-psql)."), {}};
        m_db.setHostName(u.host());
        m_db.setPort(u.port(5432));
        m_db.setDatabaseName(u.path().mid(1));
        m_db.setUserName(u.userName());
        m_db.setPassword(u.password());
        m_db.setConnectOptions(QStringLiteral("connect_timeout=10"));
    } else {
        return Error::invalid(tr("Unknown database address %1: use sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE.").arg(url),
                              QStringLiteral("db"));
    }
    if (!m_db.open()) {
        const QString why = m_db.lastError().text();
        close();
        return Error{ErrorCode::Storage, tr("Cannot open the database %1: %2").arg(m_displayUrl, why), {}};
    }
    if (m_kind == Kind::Sqlite) {
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"}) {
            if (auto q = exec(QString::fromLatin1(pragma)); !q)
                return q.error();
        }
    }
    return migrate();
}

Error ServerDatabase::storageError(const QString &what, const QSqlQuery &query) const
{
    const QSqlError err = query.lastError();
    qCWarning(lcServerDb).noquote() << what << err.text();
    if (isUniqueViolation(query))
        return {ErrorCode::Duplicate, tr("A record with the same key already exists."), {}};
    return {ErrorCode::Storage, tr("The server's database reported an error."), {}};
}

bool ServerDatabase::isUniqueViolation(const QSqlQuery &query)
{
    const QSqlError err = query.lastError();
    const QString native = err.nativeErrorCode();
    // SQLite: 2067 UNIQUE, 1555 PRIMARY KEY; PostgreSQL: SQLSTATE 23505.
    return native == QLatin1String("2067") || native == QLatin1String("1555") || native == QLatin1String("23505")
        || err.databaseText().contains(QLatin1String("UNIQUE constraint"))
        || err.databaseText().contains(QLatin1String("duplicate key"));
}

Result<QSqlQuery> ServerDatabase::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    bool ran = false;
    if (binds.isEmpty()) {
        // PostgreSQL cannot prepare DDL; a statement without values runs as it is.
        ran = q.exec(sql);
    } else {
        if (!q.prepare(sql))
            return storageError(sql.left(80), q);
        for (const QVariant &v : binds) {
            // An empty QString() is a value (''), not SQL NULL; a null QVariant stays NULL.
            if (!v.isNull() && v.typeId() == QMetaType::QString && v.toString().isNull())
                q.addBindValue(QStringLiteral(""));
            else
                q.addBindValue(v);
        }
        ran = q.exec();
    }
    if (!ran) {
        if (m_transactionDepth > 0)
            m_rollbackOnly = true;
        return storageError(sql.left(80), q);
    }
    return q;
}

Status ServerDatabase::transaction(const std::function<Status()> &work)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status s = work();
        --m_transactionDepth;
        if (!s)
            m_rollbackOnly = true;
        return s;
    }
    // SQLite: take the write lock at the start. A deferred transaction that reads, then writes
    // after another connection (the delivery thread, another process) committed, fails at once
    // (SQLITE_BUSY_SNAPSHOT) instead of waiting its turn.
    bool begun = false;
    if (m_kind == Kind::Sqlite) {
        QSqlQuery begin(m_db);
        begun = begin.exec(QStringLiteral("BEGIN IMMEDIATE"));
    } else {
        begun = m_db.transaction();
    }
    if (!begun)
        return Error{ErrorCode::Storage, tr("The server's database could not start a transaction: %1").arg(m_db.lastError().text()), {}};
    m_transactionDepth = 1;
    m_rollbackOnly = false;
    Status s = work();
    m_transactionDepth = 0;
    if (!s || m_rollbackOnly) {
        m_db.rollback();
        m_rollbackOnly = false;
        if (s)
            return Error{ErrorCode::Storage, tr("The server's database reported an error."), {}};
        return s;
    }
    if (!m_db.commit()) {
        const QString why = m_db.lastError().text();
        m_db.rollback();
        return Error{ErrorCode::Storage, tr("The server's database could not commit: %1").arg(why), {}};
    }
    return {};
}

bool ServerDatabase::ping()
{
    auto q = exec(QStringLiteral("SELECT 1"));
    return q.ok() && q->next();
}

int ServerDatabase::schemaVersion()
{
    auto q = exec(QStringLiteral("SELECT value FROM server_meta WHERE key = 'schema_version'"));
    if (!q || !q->next())
        return 0;
    return q->value(0).toInt();
}

Status ServerDatabase::migrate()
{
    if (auto q = exec(QStringLiteral("CREATE TABLE IF NOT EXISTS server_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")); !q)
        return q.error();
    // Two instances starting at once on one PostgreSQL: the lock makes the second wait for the first.
    return transaction([&]() -> Status {
        if (m_kind == Kind::Postgres) {
            if (auto q = exec(QStringLiteral("LOCK TABLE server_meta IN EXCLUSIVE MODE")); !q)
                return q.error();
        }
        const int current = schemaVersion();
        const auto steps = migrationSteps();
        if (current > steps.size())
            return Error{ErrorCode::Storage, tr("The database was created by a newer Centrale server (schema %1; this one knows %2).")
                                                 .arg(current).arg(steps.size()), {}};
        for (int i = current; i < steps.size(); ++i) {
            for (QString sql : steps.at(i)) {
                sql.replace(QLatin1String("%BLOB%"), blobType());
                if (auto q = exec(sql); !q)
                    return q.error();
            }
        }
        if (current != steps.size()) {
            auto q = exec(current == 0 ? QStringLiteral("INSERT INTO server_meta (key, value) VALUES ('schema_version', ?)")
                                       : QStringLiteral("UPDATE server_meta SET value = ? WHERE key = 'schema_version'"),
                          {QString::number(steps.size())});
            if (!q)
                return q.error();
        }
        return {};
    });
}

} // namespace centrale::server
