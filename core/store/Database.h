#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <functional>

namespace centrale {

// One SQLite store file: the local cache of one organisation. Opens with WAL and foreign keys,
// migrates the schema, and gives repositories transactions and the outbox.
class Database final {
    Q_DECLARE_TR_FUNCTIONS(Database)
    Q_DISABLE_COPY_MOVE(Database)
public:
    enum class Operation { Create, Update, Delete };

    Database();
    ~Database();

    Status open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    int schemaVersion() const;
    static int latestSchemaVersion();

    // Runs work inside one transaction; commits if it succeeds, rolls back otherwise.
    // Nested calls join the outer transaction.
    Status transaction(const std::function<Status()> &work);

    // Prepares, binds and executes; the error says which statement failed and why.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {});

    // Appends one operation to the outbox. Must run inside the mutation's transaction.
    Status appendOutbox(const QString &entity, const QString &id, Operation op, const QJsonObject &payload,
                        qint64 baseVersion);

    // Helpers for the common single-record mutations: write the row, mark it dirty, queue it.
    Status insertRecord(const QString &table, const QString &entity, const QString &id, const QVariantMap &columns,
                        const QJsonObject &payload);
    Status updateRecord(const QString &table, const QString &entity, const QString &id, const QVariantMap &columns,
                        const QJsonObject &payload);
    // payload: what the server needs besides the id to find the record (an event's functionId).
    Status deleteRecord(const QString &table, const QString &entity, const QString &id, const QJsonObject &payload = {});

    // Integrity check of the whole file ("ok" when sound).
    QString integrityCheck();
    QSqlDatabase &connection() { return m_db; }

    // While set, changes come from the server: they are written clean (not dirty) and not queued in
    // the outbox. The sync engine sets it around applying the change feed.
    void setApplyingRemote(bool remote) { m_applyingRemote = remote; }
    bool applyingRemote() const { return m_applyingRemote; }

    static QString operationName(Operation op);
    // A value ready to bind: an empty QString() is a value (''), a null QVariant stays SQL NULL.
    static QVariant bindable(const QVariant &value);
    Error storageError(const QString &what, const QSqlQuery &query) const;

private:
    Status migrate();

    QSqlDatabase m_db;
    QString m_connectionName;
    QString m_path;
    int m_transactionDepth = 0;
    bool m_rollbackOnly = false;
    bool m_applyingRemote = false;
};

} // namespace centrale
