#include "store/Database.h"

#include "store/Migrations.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>
#include <QUuid>

#include <atomic>

Q_LOGGING_CATEGORY(lcStore, "centrale.store", QtInfoMsg)

namespace centrale {

namespace {
std::atomic<int> s_connectionCounter{0};
}

Database::Database()
    : m_connectionName(QStringLiteral("centrale-%1").arg(++s_connectionCounter))
{
}

Database::~Database()
{
    close();
}

bool Database::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

QString Database::operationName(Operation op)
{
    switch (op) {
    case Operation::Create: return QStringLiteral("create");
    case Operation::Update: return QStringLiteral("update");
    case Operation::Delete: return QStringLiteral("delete");
    }
    return {};
}

Error Database::storageError(const QString &what, const QSqlQuery &query) const
{
    const QSqlError err = query.lastError();
    const QString native = err.nativeErrorCode();
    const QString text = err.databaseText();
    // SQLite extended codes: 2067 = UNIQUE, 787 = FOREIGN KEY, 1555 = PRIMARY KEY.
    if (native == QLatin1String("2067") || native == QLatin1String("1555") || text.contains(QLatin1String("UNIQUE constraint")))
        return {ErrorCode::Duplicate, tr("%1: a record with the same key already exists.").arg(what), {}};
    if (native == QLatin1String("787") || text.contains(QLatin1String("FOREIGN KEY")))
        return {ErrorCode::InUse, tr("%1: the record is still referenced by another one.").arg(what), {}};
    qCWarning(lcStore) << what << err.text();
    return {ErrorCode::Storage, tr("%1: the local store reported an error (%2).").arg(what, err.text()), {}};
}

Status Database::open(const QString &path)
{
    close();
    m_path = path;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error{ErrorCode::Io, tr("Cannot create the folder %1 for the store.").arg(QDir::toNativeSeparators(info.absolutePath())), {}};
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return Error{ErrorCode::Storage, tr("The SQLite driver for Qt is not installed (Debian: libqt6sql6-sqlite)."), {}};
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return Error{ErrorCode::Storage, tr("Cannot open the store %1: %2").arg(QDir::toNativeSeparators(path), m_db.lastError().text()), {}};

    // A file that is not a database fails here, on its first real read (before the pragmas, which would fail first).
    if (auto q = exec(QStringLiteral("SELECT count(*) FROM sqlite_master")); !q) {
        close();
        return Error{ErrorCode::Storage, tr("%1 is not a Centrale store or is damaged.").arg(QDir::toNativeSeparators(path)), {}};
    }
    for (const char *pragma : {"PRAGMA journal_mode = WAL", "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL"}) {
        auto q = exec(QLatin1String(pragma));
        if (!q) {
            const Error e = q.error();
            close();
            return e;
        }
    }
    if (Status s = migrate(); !s) {
        close();
        return s;
    }
    return {};
}

void Database::close()
{
    if (m_db.isValid()) {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_transactionDepth = 0;
    m_rollbackOnly = false;
}

int Database::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

int Database::latestSchemaVersion()
{
    return static_cast<int>(schemaMigrations().size());
}

Status Database::migrate()
{
    const int current = schemaVersion();
    const int latest = latestSchemaVersion();
    if (current > latest)
        return Error{ErrorCode::Storage,
                     tr("This store was written by a newer version of Centrale (schema %1; this version knows up to %2). Update Centrale to open it.")
                         .arg(current).arg(latest),
                     {}};
    for (int v = current; v < latest; ++v) {
        Status s = transaction([&]() -> Status {
            for (const QString &sql : schemaMigrations().at(v)) {
                if (auto q = exec(sql); !q)
                    return q.error();
            }
            if (auto q = exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1)); !q)
                return q.error();
            return {};
        });
        if (!s)
            return s;
        qCDebug(lcStore) << "migrated" << m_path << "to schema" << v + 1;
    }
    return {};
}

Status Database::transaction(const std::function<Status()> &work)
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        Status s = work();
        --m_transactionDepth;
        if (!s)
            m_rollbackOnly = true;
        return s;
    }
    if (!m_db.transaction())
        return Error{ErrorCode::Storage, tr("Cannot start a transaction: %1").arg(m_db.lastError().text()), {}};
    m_transactionDepth = 1;
    m_rollbackOnly = false;
    Status s = work();
    m_transactionDepth = 0;
    if (s && !m_rollbackOnly) {
        if (m_db.commit())
            return {};
        s = Error{ErrorCode::Storage, tr("Cannot save the changes: %1").arg(m_db.lastError().text()), {}};
    }
    m_db.rollback();
    m_rollbackOnly = false;
    if (s)
        return Error{ErrorCode::Storage, tr("The change was cancelled because a part of it failed."), {}};
    return s;
}

QVariant Database::bindable(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString && !value.isNull() && value.toString().isNull())
        return QStringLiteral("");
    return value;
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return storageError(tr("Preparing a query"), q);
    for (const QVariant &v : binds)
        q.addBindValue(bindable(v));
    if (!q.exec())
        return storageError(tr("Running a query"), q);
    return q;
}

Status Database::appendOutbox(const QString &entity, const QString &id, Operation op, const QJsonObject &payload,
                              qint64 baseVersion)
{
    if (m_applyingRemote)
        return {};
    auto q = exec(QStringLiteral("INSERT INTO outbox (entity, entity_id, operation, payload, base_version, idempotency_key, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                  {entity, id, operationName(op), QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)),
                   baseVersion, QUuid::createUuid().toString(QUuid::WithoutBraces),
                   QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
    if (!q)
        return q.error();
    return {};
}

Status Database::insertRecord(const QString &table, const QString &entity, const QString &id, const QVariantMap &columns,
                              const QJsonObject &payload)
{
    return transaction([&]() -> Status {
        QStringList names{QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("dirty")};
        QVariantList values{id, 0, m_applyingRemote ? 0 : 1};
        for (auto it = columns.begin(); it != columns.end(); ++it) {
            names << it.key();
            values << it.value();
        }
        const QString marks = QStringList(values.size(), QStringLiteral("?")).join(QLatin1Char(','));
        if (auto q = exec(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(table, names.join(QLatin1Char(',')), marks), values); !q)
            return q.error();
        return appendOutbox(entity, id, Operation::Create, payload, 0);
    });
}

Status Database::updateRecord(const QString &table, const QString &entity, const QString &id, const QVariantMap &columns,
                              const QJsonObject &payload)
{
    return transaction([&]() -> Status {
        auto current = exec(QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(table), {id});
        if (!current)
            return current.error();
        if (!current->next())
            return Error{ErrorCode::NotFound, tr("The record to change no longer exists."), {}};
        const qint64 baseVersion = current->value(0).toLongLong();
        QStringList sets{m_applyingRemote ? QStringLiteral("dirty = 0") : QStringLiteral("dirty = 1")};
        QVariantList values;
        for (auto it = columns.begin(); it != columns.end(); ++it) {
            sets << it.key() + QStringLiteral(" = ?");
            values << it.value();
        }
        values << id;
        if (auto q = exec(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(table, sets.join(QStringLiteral(", "))), values); !q)
            return q.error();
        return appendOutbox(entity, id, Operation::Update, payload, baseVersion);
    });
}

Status Database::deleteRecord(const QString &table, const QString &entity, const QString &id, const QJsonObject &payload)
{
    return transaction([&]() -> Status {
        auto current = exec(QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(table), {id});
        if (!current)
            return current.error();
        if (!current->next())
            return Error{ErrorCode::NotFound, tr("The record to delete no longer exists."), {}};
        const qint64 baseVersion = current->value(0).toLongLong();
        if (auto q = exec(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table), {id}); !q)
            return q.error();
        QJsonObject body = payload;
        body.insert(QStringLiteral("id"), id);
        return appendOutbox(entity, id, Operation::Delete, body, baseVersion);
    });
}

QString Database::integrityCheck()
{
    auto q = exec(QStringLiteral("PRAGMA integrity_check"));
    if (!q || !q->next())
        return tr("the integrity check could not run");
    return q->value(0).toString();
}

} // namespace centrale
