#include "sync/SyncController.h"

#include "store/Store.h"
#include "sync/CredentialStore.h"
#include "sync/RestConnector.h"
#include "sync/SyncSetup.h"

#include <QLoggingCategory>
#include <QSettings>
#include <QtConcurrent>
#include <QUrl>

#include <optional>

namespace centrale {

Q_LOGGING_CATEGORY(lcSyncUi, "centrale.sync.ui")

namespace {
constexpr int kDebounceMs = 5000;
constexpr int kPeriodicMs = 5 * 60 * 1000;
constexpr int kPollMs = 3000;
constexpr int kFirstBackoffMs = 30 * 1000;
constexpr int kMaxBackoffMs = 15 * 60 * 1000;
} // namespace

SyncController::SyncController(Store &store, CredentialStore &credentials, QObject *parent)
    : QObject(parent), m_store(store), m_credentials(credentials)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    m_retry.setSingleShot(true);
    m_periodic.setInterval(kPeriodicMs);
    connect(&m_debounce, &QTimer::timeout, this, &SyncController::syncNow);
    // While offline the back-off decides when to try again.
    connect(&m_periodic, &QTimer::timeout, this, [this] {
        if (m_state != State::Offline)
            syncNow();
    });
    // Every change lands in the outbox, whichever page made it (an undo too): watch its size.
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (waiting() != m_lastWaiting)
            localChanged();
    });
    connect(&m_retry, &QTimer::timeout, this, &SyncController::syncNow);
    reloadSettings();
    m_lastWaiting = waiting();
    if (connected()) {
        setState(State::Online);
        m_periodic.start();
        m_poll.start();
        // Catch up with what happened while the application was closed.
        QTimer::singleShot(1000, this, [this] {
            if (m_automatic)
                syncNow();
        });
    }
}

SyncController::~SyncController()
{
    // The jobs report to this object: they end before it does.
    for (QFutureWatcherBase *job : std::as_const(m_jobs))
        job->waitForFinished();
}

void SyncController::reloadSettings()
{
    Result<SyncSettings> s = SyncSettings::load(m_store);
    m_settings = s ? s.value() : SyncSettings {};
}

int SyncController::waiting() const
{
    Result<int> n = m_store.outbox.count();
    return n ? n.value() : 0;
}

int SyncController::conflictCount() const
{
    auto q = m_store.database().exec(QStringLiteral("SELECT count(*) FROM sync_conflict"));
    return q && q->next() ? q->value(0).toInt() : 0;
}

void SyncController::setAutomatic(bool on)
{
    m_automatic = on;
    if (!on) {
        m_debounce.stop();
        m_periodic.stop();
        m_retry.stop();
        m_poll.stop();
    } else if (connected()) {
        m_periodic.start();
        m_poll.start();
    }
}

QString SyncController::lastServer() const
{
    return m_settings.server.isEmpty() ? QSettings().value(QStringLiteral("sync/lastServer")).toString() : m_settings.server;
}

QString SyncController::lastUsername() const
{
    return m_settings.username.isEmpty() ? QSettings().value(QStringLiteral("sync/lastUsername")).toString() : m_settings.username;
}

void SyncController::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged();
}

template <typename T> void SyncController::runJob(std::function<T()> work, std::function<void(const T &)> done)
{
    m_busy = true;
    auto *watcher = new QFutureWatcher<T>(this);
    m_jobs.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
        m_jobs.removeOne(watcher);
        m_busy = false;
        const T result = watcher->result();
        watcher->deleteLater();
        done(result);
        if (!m_busy && !m_idle.isEmpty()) {
            m_idle.takeFirst()();
            return;
        }
        if (m_syncAgain && !m_busy) {
            m_syncAgain = false;
            syncNow();
        }
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

void SyncController::whenIdle(std::function<void()> start)
{
    if (m_busy)
        m_idle.append(std::move(start));
    else
        start();
}

namespace {
SyncController::Reply replyFrom(const Error &e)
{
    SyncController::Reply r;
    r.message = e.message;
    r.code = e.field;
    r.offline = e.code == ErrorCode::Network;
    return r;
}

// A connector with this store's session, in the calling thread; empty reply when it has one.
std::optional<SyncController::Reply> signIn(RestConnector &connector, CredentialStore &credentials, const SyncSettings &settings)
{
    Result<QString> token = credentials.read(settings.server, settings.username);
    if (!token)
        return replyFrom(token.error());
    if (token->isEmpty()) {
        return replyFrom(Error {ErrorCode::Denied,
            SyncController::tr("There is no session for %1 on %2: log in again.").arg(settings.username, settings.server),
            QStringLiteral("unauthenticated")});
    }
    connector.setToken(token->toLatin1());
    return std::nullopt;
}
} // namespace

void SyncController::reportDenied(const Reply &reply)
{
    if (reply.ok || reply.offline)
        return;
    if (reply.code == QLatin1String("elevation-required"))
        Q_EMIT elevationRequired(reply.message);
    else if (reply.code == QLatin1String("token-expired") || reply.code == QLatin1String("unauthenticated"))
        Q_EMIT loginRequired(reply.message);
}

void SyncController::remoteJob(std::function<Reply(Connector &)> work, std::function<void(const Reply &)> done)
{
    if (!connected()) {
        done(notConnected());
        return;
    }
    const SyncSettings settings = m_settings;
    const QString language = m_language;
    CredentialStore *credentials = &m_credentials;
    auto *watcher = new QFutureWatcher<Reply>(this);
    m_jobs.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
        m_jobs.removeOne(watcher);
        watcher->deleteLater();
        const Reply reply = watcher->result();
        reportDenied(reply);
        done(reply);
    });
    watcher->setFuture(QtConcurrent::run([=]() -> Reply {
        RestConnector connector(settings.server, language);
        if (auto refused = signIn(connector, *credentials, settings))
            return *refused;
        return work(connector);
    }));
}

// Runs work on a connector with the session and a store of its own, after sending this store's
// waiting changes; the store job of the two request kinds below.
namespace {
using StoreWork = std::function<SyncController::Reply(Store &, Connector &, const SyncSettings &)>;
SyncController::Reply afterPush(const QString &path, const SyncSettings &settings, const QString &language, CredentialStore &credentials,
                                const StoreWork &work)
{
    Store store;
    if (Status s = store.open(path); !s)
        return replyFrom(s.error());
    RestConnector connector(settings.server, language);
    if (auto refused = signIn(connector, credentials, settings))
        return *refused;
    SyncEngine engine(store, connector, settings);
    if (Result<SyncReport> pushed = engine.push(); !pushed)
        return replyFrom(pushed.error());
    return work(store, connector, settings);
}
} // namespace

SyncController::Reply SyncController::notConnected()
{
    return Reply {false, false, tr("Centrale is not connected to a server: use Server › Connect to a server…"), {}, {}, {}};
}

void SyncController::afterPushJob(std::function<Reply(Store &, Connector &, const SyncSettings &)> work, std::function<void(const Reply &)> done)
{
    if (!connected()) {
        done(notConnected());
        return;
    }
    whenIdle([=, this] {
        const SyncSettings settings = m_settings;
        const QString language = m_language;
        const QString path = m_store.path();
        CredentialStore *credentials = &m_credentials;
        runJob<Reply>([=]() -> Reply { return afterPush(path, settings, language, *credentials, work); },
            [this, done](const Reply &reply) {
                reportDenied(reply);
                m_lastWaiting = waiting();
                Q_EMIT stateChanged();
                done(reply);
            });
    });
}

void SyncController::sendWelcome(const QStringList &userIds, const QStringList &accesses, std::function<void(const Reply &)> done)
{
    afterPushJob(
        [userIds, accesses](Store &, Connector &connector, const SyncSettings &s) {
            Result<QList<QJsonObject>> results = connector.welcome(s.domain, userIds, accesses, QStringLiteral("auto"));
            if (!results)
                return replyFrom(results.error());
            Reply r;
            r.ok = true;
            r.items = results.value();
            return r;
        },
        std::move(done));
}

void SyncController::fetchMessages(const QStringList &messageIds, std::function<void(const Reply &)> done)
{
    remoteJob(
        [messageIds, domain = m_settings.domain](Connector &connector) -> Reply {
            Reply r;
            for (const QString &id : messageIds) {
                Result<QJsonObject> m = connector.fetch(QStringLiteral("/api/v1/orgs/%1/messages/%2")
                                                            .arg(QString::fromLatin1(QUrl::toPercentEncoding(domain)), id));
                if (!m)
                    return replyFrom(m.error());
                r.items << m.value();
            }
            r.ok = true;
            return r;
        },
        std::move(done));
}

void SyncController::startRecordCall(const QString &promptId, const QString &userId, std::function<void(const Reply &)> done)
{
    afterPushJob(
        [promptId, userId](Store &store, Connector &connector, const SyncSettings &s) {
            // The server must have the prompt: a refused or conflicting creation stays here.
            auto left = store.database().exec(QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'prompt' AND entity_id = ?"), {promptId});
            if (!left)
                return replyFrom(left.error());
            if (left->next() && left->value(0).toInt() > 0) {
                return replyFrom(Error {ErrorCode::Conflict,
                    SyncController::tr("The server did not take the new prompt, so it cannot record it yet. See Server › Conflicts…"),
                    QStringLiteral("prompt-not-sent")});
            }
            Result<QJsonObject> job = connector.startRecordCall(s.domain, promptId, userId);
            if (!job)
                return replyFrom(job.error());
            Reply r;
            r.ok = true;
            r.json = job.value();
            return r;
        },
        std::move(done));
}

void SyncController::fetchCallJob(const QString &jobId, std::function<void(const Reply &)> done)
{
    remoteJob(
        [jobId, domain = m_settings.domain](Connector &connector) -> Reply {
            Result<QJsonObject> job = connector.fetch(
                QStringLiteral("/api/v1/orgs/%1/call-jobs/%2").arg(QString::fromLatin1(QUrl::toPercentEncoding(domain)), jobId));
            if (!job)
                return replyFrom(job.error());
            Reply r;
            r.ok = true;
            r.json = job.value();
            return r;
        },
        std::move(done));
}

SyncController::Answer SyncController::fromStatus(const Status &s) const
{
    return s ? Answer {true, {}, {}} : Answer {false, s.error().message, s.error().field};
}

void SyncController::login(
    const QString &server, const QString &username, const QString &password, std::function<void(const Answer &)> done)
{
    if (Status s = RestConnector::checkUrl(server); !s) {
        done(fromStatus(s));
        return;
    }
    if (m_busy) {
        done({false, tr("The server is busy with this store: try again in a moment."), {}});
        return;
    }
    const QString path = m_store.path();
    const QString language = m_language;
    CredentialStore *credentials = &m_credentials;
    runJob<Answer>(
        [=]() -> Answer {
            Store store;
            if (Status s = store.open(path); !s)
                return {false, s.error().message, s.error().field};
            RestConnector connector(server, language);
            SyncSetup setup(store, connector, *credentials);
            Result<LoginOutcome> outcome = setup.login(username, password);
            if (!outcome)
                return {false, outcome.error().message, outcome.error().field};
            return {true, {}, {}};
        },
        [this, server, username, done](const Answer &answer) {
            if (answer.ok) {
                reloadSettings();
                QSettings().setValue(QStringLiteral("sync/lastServer"), server);
                QSettings().setValue(QStringLiteral("sync/lastUsername"), username);
                m_lastError.clear();
                m_backoffMs = 0;
                setState(State::Online);
                if (m_automatic) {
                    m_periodic.start();
                    m_poll.start();
                }
            }
            done(answer);
            if (answer.ok)
                syncNow();
        });
}

void SyncController::elevate(const QString &password, std::function<void(const Answer &)> done)
{
    if (m_busy) {
        done({false, tr("The server is busy with this store: try again in a moment."), {}});
        return;
    }
    const SyncSettings settings = m_settings;
    const QString language = m_language;
    const QString path = m_store.path();
    CredentialStore *credentials = &m_credentials;
    runJob<Answer>(
        [=]() -> Answer {
            Store store;
            if (Status s = store.open(path); !s)
                return {false, s.error().message, s.error().field};
            RestConnector connector(settings.server, language);
            SyncSetup setup(store, connector, *credentials);
            Result<RemoteSession> session = setup.elevate(settings, password);
            if (!session)
                return {false, session.error().message, session.error().field};
            return {true, {}, {}};
        },
        [this, done](const Answer &answer) {
            done(answer);
            if (answer.ok)
                syncNow();
        });
}

void SyncController::requestPasswordReset(const QString &server, const QString &identifier, std::function<void(const Answer &)> done)
{
    if (Status s = RestConnector::checkUrl(server); !s) {
        done(fromStatus(s));
        return;
    }
    const QString language = m_language;
    // Not a job on the store: it may run beside a sync.
    auto *watcher = new QFutureWatcher<Answer>(this);
    m_jobs.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
        m_jobs.removeOne(watcher);
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([=]() -> Answer {
        RestConnector connector(server, language);
        const Status s = connector.requestPasswordReset(identifier);
        if (!s)
            return {false, s.error().message, s.error().field};
        // The same words whether the account exists or not: the server does not say either.
        return {true,
            tr("If this account exists, a code has been sent to its email address or mobile phone. Enter it below with a new password."),
            {}};
    }));
}

void SyncController::confirmPasswordReset(
    const QString &server, const QString &code, const QString &newPassword, std::function<void(const Answer &)> done)
{
    if (Status s = RestConnector::checkUrl(server); !s) {
        done(fromStatus(s));
        return;
    }
    const QString language = m_language;
    auto *watcher = new QFutureWatcher<Answer>(this);
    m_jobs.append(watcher);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, done] {
        m_jobs.removeOne(watcher);
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([=]() -> Answer {
        RestConnector connector(server, language);
        const Status s = connector.confirmPasswordReset(code, newPassword);
        if (!s)
            return {false, s.error().message, s.error().field};
        return {true, tr("Your password has been changed. You can now log in with it."), {}};
    }));
}

void SyncController::resolve(qint64 conflictId, bool keepMine, std::function<void(const Answer &)> done)
{
    if (m_busy) {
        done({false, tr("A sync is running: try again when it has finished."), {}});
        return;
    }
    const SyncSettings settings = m_settings;
    const QString language = m_language;
    const QString path = m_store.path();
    CredentialStore *credentials = &m_credentials;
    runJob<Answer>(
        [=]() -> Answer {
            Store store;
            if (Status s = store.open(path); !s)
                return {false, s.error().message, s.error().field};
            RestConnector connector(settings.server, language);
            if (Result<QString> token = credentials->read(settings.server, settings.username); token)
                connector.setToken(token->toLatin1());
            SyncEngine engine(store, connector, settings);
            const Status s = keepMine ? engine.keepMine(conflictId) : engine.takeTheirs(conflictId);
            if (!s)
                return {false, s.error().message, s.error().field};
            return {true, {}, {}};
        },
        [this, keepMine, done](const Answer &answer) {
            Q_EMIT stateChanged();
            if (!keepMine && answer.ok)
                Q_EMIT synced(true); // the server's record is now here: the panels show it
            done(answer);
            if (answer.ok && keepMine && m_automatic)
                m_debounce.start();
        });
}

Result<QList<SyncConflict>> SyncController::conflicts()
{
    RestConnector offline(m_settings.server, m_language);
    SyncEngine engine(m_store, offline, m_settings);
    return engine.conflicts();
}

void SyncController::disconnectFromServer()
{
    if (!connected())
        return;
    const SyncSettings settings = m_settings;
    m_debounce.stop();
    m_periodic.stop();
    m_retry.stop();
    m_poll.stop();
    // The store forgets the server's address and account but keeps its organisation's id and its
    // place in the change feed: logging in again to the same organisation goes on from there.
    SyncSettings kept = m_settings;
    kept.server.clear();
    kept.username.clear();
    if (Status s = kept.save(m_store); !s)
        qCWarning(lcSyncUi) << s.error().message;
    QSettings().setValue(QStringLiteral("sync/lastServer"), settings.server);
    QSettings().setValue(QStringLiteral("sync/lastUsername"), settings.username);
    reloadSettings();
    m_lastError.clear();
    m_nextTry = {};
    setState(State::NotConnected);
    const QString language = m_language;
    const QString path = m_store.path();
    CredentialStore *credentials = &m_credentials;
    auto forget = [=]() -> Answer {
        Store store;
        if (Status s = store.open(path); !s)
            return {false, s.error().message, s.error().field};
        RestConnector connector(settings.server, language);
        SyncSetup setup(store, connector, *credentials);
        const Status s = setup.logout(settings);
        return s ? Answer {true, {}, {}} : Answer {false, s.error().message, s.error().field};
    };
    if (m_busy) {
        // The token goes once the running job has finished with it.
        m_syncAgain = false;
        auto *watcher = m_jobs.isEmpty() ? nullptr : m_jobs.constLast();
        if (watcher) {
            connect(
                watcher, &QFutureWatcherBase::finished, this, [this, forget] { runJob<Answer>(forget, [](const Answer &) {}); },
                Qt::QueuedConnection);
            return;
        }
    }
    runJob<Answer>(forget, [](const Answer &) {});
}

void SyncController::localChanged()
{
    const int now = waiting();
    if (now > m_lastWaiting && connected() && m_automatic && m_state != State::Offline)
        m_debounce.start();
    m_lastWaiting = now;
    Q_EMIT stateChanged();
}

void SyncController::syncNow()
{
    if (!connected())
        return;
    if (m_busy) {
        m_syncAgain = true;
        return;
    }
    m_debounce.stop();
    m_retry.stop();
    m_nextTry = {};
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    setState(State::Syncing);
    const SyncSettings settings = m_settings;
    const QString language = m_language;
    const QString path = m_store.path();
    CredentialStore *credentials = &m_credentials;
    QPointer<SyncController> self(this);
    runJob<SyncOutcome>(
        [=]() -> SyncOutcome {
            SyncOutcome out;
            Store store;
            if (Status s = store.open(path); !s) {
                out.error = s.error();
                return out;
            }
            Result<QString> token = credentials->read(settings.server, settings.username);
            if (!token) {
                out.error = token.error();
                return out;
            }
            if (token->isEmpty()) {
                out.error = Error {ErrorCode::Denied,
                    SyncController::tr("There is no session for %1 on %2: log in again.").arg(settings.username, settings.server),
                    QStringLiteral("unauthenticated")};
                return out;
            }
            RestConnector connector(settings.server, language);
            connector.setToken(token->toLatin1());
            SyncEngine engine(store, connector, settings);
            engine.setCancelFlag(cancel.get());
            // The destructor waits for this job, so the controller outlives the calls below.
            Result<SyncReport> report = engine.run([self](const QString &step, int done, int total) {
                QMetaObject::invokeMethod(
                    self,
                    [self, step, done, total] {
                        if (self)
                            Q_EMIT self->progress(step, done, total);
                    },
                    Qt::QueuedConnection);
            });
            if (!report) {
                out.error = report.error();
                return out;
            }
            out.ok = true;
            out.report = report.value();
            Result<SyncSettings> after = SyncSettings::load(store);
            out.settings = after ? after.value() : settings;
            return out;
        },
        [this](const SyncOutcome &outcome) { finishSync(outcome); });
}

void SyncController::stopSync()
{
    if (m_state != State::Syncing || !m_cancel)
        return;
    m_cancel->store(true);
    m_syncAgain = false;
    Q_EMIT stateChanged();
}

void SyncController::finishSync(const SyncOutcome &outcome)
{
    if (!connected()) {
        // Disconnected while it ran.
        setState(State::NotConnected);
        return;
    }
    reloadSettings();
    m_lastWaiting = waiting();
    if (outcome.ok) {
        qCInfo(lcSyncUi) << "sync: sent" << outcome.report.pushed << "received" << outcome.report.pulled << "conflicts"
                         << outcome.report.conflicts;
        m_lastError.clear();
        m_backoffMs = 0;
        m_nextTry = {};
        setState(State::Online);
        Q_EMIT synced(true);
        return;
    }
    const Error &e = outcome.error;
    m_lastError = e.message;
    if (e.code == ErrorCode::Cancelled) {
        // Asked for: no retry; the next sync comes with the next change or the periodic one.
        m_syncAgain = false;
        m_backoffMs = 0;
        m_nextTry = {};
        setState(State::Online);
        Q_EMIT synced(false);
        return;
    }
    qCInfo(lcSyncUi) << "sync failed:" << e.field << e.message;
    if (e.code == ErrorCode::Network) {
        m_backoffMs = m_backoffMs == 0 ? kFirstBackoffMs : std::min(m_backoffMs * 2, kMaxBackoffMs);
        m_nextTry = QDateTime::currentDateTime().addMSecs(m_backoffMs);
        if (m_automatic)
            m_retry.start(m_backoffMs);
        setState(State::Offline);
        Q_EMIT synced(false);
        return;
    }
    setState(State::Online);
    Q_EMIT synced(false);
    if (e.code == ErrorCode::Denied) {
        if (e.field == QLatin1String("elevation-required"))
            Q_EMIT elevationRequired(e.message);
        else if (e.field == QLatin1String("token-expired") || e.field == QLatin1String("unauthenticated"))
            Q_EMIT loginRequired(e.message);
    }
}

} // namespace centrale
