#pragma once

#include "sync/SyncEngine.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace centrale {

class CredentialStore;
class Store;

// The desktop's connection to its server: logs in, syncs in the background and keeps the state the
// status bar shows. Every call to the server runs in a worker thread with its own Store on the
// same file and its own connector (a Store and a QNetworkAccessManager belong to one thread), one
// job at a time; the interface thread only reads the outbox and conflict counts.
class SyncController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncController)
public:
    enum class State { NotConnected, Online, Syncing, Offline };

    // The answer of a job, for the dialog that asked.
    struct Answer {
        bool ok = false;
        QString message;
        QString code; // the server's problem code, when it gave one
    };

    // What the server answered a dialog's request: its JSON, or why not. offline: the server
    // could not be reached (the request may be queued instead).
    struct Reply {
        bool ok = false;
        bool offline = false;
        QString message;
        QString code;
        QJsonObject json;
        QList<QJsonObject> items;
    };

    SyncController(Store &store, CredentialStore &credentials, QObject *parent = nullptr);
    ~SyncController() override;

    State state() const { return m_state; }
    // The interface thread's store (reads only: names for the conflicts dialog).
    Store &store() const { return m_store; }
    SyncSettings settings() const { return m_settings; }
    bool connected() const { return m_settings.configured(); }
    bool busy() const { return m_busy; }
    // A stop of the running sync was asked; it ends after the batch or page in progress.
    bool stopping() const { return m_state == State::Syncing && m_cancel && m_cancel->load(); }
    // Why the last sync failed (offline, refused), empty after a good one.
    QString lastError() const { return m_lastError; }
    // When the next automatic attempt is due after a network error.
    QDateTime nextTry() const { return m_nextTry; }
    int waiting() const;
    int conflictCount() const;
    // The language of the server's messages: fr, nl or en.
    void setLanguage(const QString &code) { m_language = code; }
    // Automatic sync after local changes and every few minutes (on by default).
    void setAutomatic(bool on);
    // The server and username to propose in the login dialog.
    QString lastServer() const;
    QString lastUsername() const;

    void login(const QString &server, const QString &username, const QString &password, std::function<void(const Answer &)> done);
    void elevate(const QString &password, std::function<void(const Answer &)> done);
    void requestPasswordReset(const QString &server, const QString &identifier, std::function<void(const Answer &)> done);
    void confirmPasswordReset(
        const QString &server, const QString &code, const QString &newPassword, std::function<void(const Answer &)> done);
    void resolve(qint64 conflictId, bool keepMine, std::function<void(const Answer &)> done);
    Result<QList<SyncConflict>> conflicts();
    // Sends welcome messages now: this store's waiting changes go first (a user created here must
    // be on the server), then the server queues one message per user and access. items: the
    // server's Message objects, one per user and access, in order.
    void sendWelcome(const QStringList &userIds, const QStringList &accesses, std::function<void(const Reply &)> done);
    // The current state of messages the server queued (items, in the same order).
    void fetchMessages(const QStringList &messageIds, std::function<void(const Reply &)> done);
    // Records a prompt by calling a user's phone: the prompt (already in this store) goes to the
    // server with the other waiting changes, then the server starts calling. json: the CallJob.
    void startRecordCall(const QString &promptId, const QString &userId, std::function<void(const Reply &)> done);
    // The call's current step (json: the CallJob).
    void fetchCallJob(const QString &jobId, std::function<void(const Reply &)> done);
    // Ends the session: the token leaves the keychain, the store stays as it is.
    void disconnectFromServer();

public Q_SLOTS:
    void syncNow();
    // Stops the running sync; what it sent or received until then is kept.
    void stopSync();
    // The store may have changed here: a sync follows a few seconds after the outbox grows.
    void localChanged();

Q_SIGNALS:
    void stateChanged();
    void progress(const QString &step, int done, int total);
    // A sync ended (well or not): the panels show what it brought.
    void synced(bool ok);
    // The server wants the password again for the administrator view.
    void elevationRequired(const QString &message);
    // The session is gone: log in again.
    void loginRequired(const QString &message);

private:
    struct SyncOutcome {
        bool ok = false;
        Error error;
        SyncReport report;
        SyncSettings settings;
    };
    template <typename T> void runJob(std::function<T()> work, std::function<void(const T &)> done);
    // A job on this store after the running one, if any.
    void whenIdle(std::function<void()> start);
    // A call to the server that does not touch the store; it may run beside a sync.
    void remoteJob(std::function<Reply(Connector &)> work, std::function<void(const Reply &)> done);
    // Sends this store's waiting changes, then does work with the server, as a job on the store.
    void afterPushJob(std::function<Reply(Store &, Connector &, const SyncSettings &)> work, std::function<void(const Reply &)> done);
    Reply notConnected();
    // Asks for the password or a new login when the server refused for that reason.
    void reportDenied(const Reply &reply);
    void finishSync(const SyncOutcome &outcome);
    void setState(State state);
    void reloadSettings();
    Answer fromStatus(const Status &s) const;

    Store &m_store;
    CredentialStore &m_credentials;
    SyncSettings m_settings;
    State m_state = State::NotConnected;
    QString m_language = QStringLiteral("en");
    QString m_lastError;
    QDateTime m_nextTry;
    bool m_busy = false;
    bool m_syncAgain = false;
    bool m_automatic = true;
    int m_lastWaiting = 0;
    int m_backoffMs = 0;
    QTimer m_debounce;
    QTimer m_periodic;
    QTimer m_retry;
    QTimer m_poll;
    QList<QFutureWatcherBase *> m_jobs;
    QList<std::function<void()>> m_idle;
    std::shared_ptr<std::atomic<bool>> m_cancel; // the running sync's
};

} // namespace centrale
