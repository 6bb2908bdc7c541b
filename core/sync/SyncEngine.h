#pragma once

#include "store/OutboxRepository.h"
#include "sync/Connector.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

#include <algorithm>
#include <atomic>
#include <functional>

namespace centrale {

class Store;

// Where the store stands with its server: kept in the store itself, except the token, which lives
// in the system keychain.
struct SyncSettings {
    QString server;   // https://...
    QString username;
    QString domain;
    QString orgId;    // the server's id of the organisation: another id is another server
    QString cursor;   // the change feed's position
    QDateTime lastSync;

    bool configured() const { return !server.isEmpty() && !username.isEmpty() && !domain.isEmpty(); }
    static Result<SyncSettings> load(Store &store);
    Status save(Store &store) const;
};

// A local change the server refused: the record had moved on there (a conflict, side by side
// with the server's record), or the server rejected the change (its reason).
struct SyncConflict {
    qint64 id = 0;
    qint64 outboxSeq = 0;
    QString entity;
    QString entityId;
    QString operation;
    QJsonObject local;     // what this store wanted to write
    QJsonObject server;    // the server's record, or the problem it answered
    qint64 serverVersion = -1; // -1: a rejection, not a conflict
    bool serverDeleted = false;
    QDateTime detectedAt;
    QString subject; // for a user's PIN, password, photo or welcome message: the user's name

    bool rejected() const { return serverVersion < 0; }
    // "User Élise Lefèvre", "Group Sales", ...: what the administrator recognises.
    QString title() const;
    // Why, in plain words.
    QString reason() const;
};

struct SyncReport {
    int pushed = 0;     // changes the server applied
    int replayed = 0;   // changes it already had (a retry)
    int conflicts = 0;  // new conflicts or rejections
    int waiting = 0;    // changes still in the outbox
    int pulled = 0;     // server changes applied here
    int held = 0;       // server changes that wait for a conflict here to be resolved
    bool fullPull = false;
};

// Pushes the outbox in order (batches of up to 500, each operation idempotent), then pulls the
// change feed and applies it to the store. A stale change becomes a conflict the administrator
// resolves (keep mine / take theirs); nothing is dropped silently. Blocking: run it off the
// interface thread, with its own Store on the same file.
class SyncEngine final {
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)
public:
    using Progress = std::function<void(const QString &step, int done, int total)>;

    SyncEngine(Store &store, Connector &connector, SyncSettings settings);

    Result<SyncReport> run(const Progress &progress = {});
    Result<SyncReport> push(const Progress &progress = {});
    Result<SyncReport> pull(const Progress &progress = {});

    // Queues every record of this store for the server, as creations (the organisation as a
    // replacement of the server's): how a store that never synced, such as the demo, reaches a new
    // organisation on a server. Returns how many changes were queued.
    Result<int> queueEverything();

    Result<QList<SyncConflict>> conflicts();
    Result<SyncConflict> conflict(qint64 conflictId);
    // Sends this store's change again, based on the server's current version.
    Status keepMine(qint64 conflictId);
    // Applies the server's record here and drops this store's change.
    Status takeTheirs(qint64 conflictId);

    const SyncSettings &settings() const { return m_settings; }
    // Set from another thread to stop: the engine ends after the batch or page in progress, with
    // ErrorCode::Cancelled. What was sent or received until then is kept (the outbox entries the
    // server took are gone, the feed's position is saved), so the next sync goes on from there.
    void setCancelFlag(const std::atomic<bool> *flag) { m_cancel = flag; }
    static int maxBatch() { return 500; }
    // Operations per request (1 to maxBatch()); the benchmark compares 1 with 500.
    void setBatchSize(int size) { m_batchSize = std::clamp(size, 1, maxBatch()); }

private:
    Result<PushOperation> operationFor(const OutboxEntry &entry, QHash<QString, qint64> &expected, bool *supported);
    // A user's photo (or its removal), on its own request: binary, not for a batch.
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    Error cancelledError(int sent, int received) const;
    Result<PushResult> sendPhoto(const OutboxEntry &entry, QHash<QString, qint64> &expected);
    Status applyChange(const QJsonObject &change);
    Status applyRecord(const QString &entity, const QString &id, const QJsonObject &record, qint64 version);
    Status removeRecord(const QString &entity, const QString &id);
    Status recordConflict(const OutboxEntry &entry, const PushResult &result);
    Status acknowledge(const OutboxEntry &entry, qint64 version);
    Result<bool> hasLocalChanges(const QString &entity, const QString &id);
    static QString tableOf(const QString &entity);

    Store &m_store;
    Connector &m_connector;
    SyncSettings m_settings;
    qint64 m_orgVersion = -1;
    int m_batchSize = maxBatch();
    const std::atomic<bool> *m_cancel = nullptr;
    int m_sent = 0; // by the last push, for the message of a pull that was stopped
};

} // namespace centrale
