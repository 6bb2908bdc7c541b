#include "sync/SyncSetup.h"

#include "store/Store.h"
#include "sync/CredentialStore.h"

namespace centrale {

SyncSetup::SyncSetup(Store &store, Connector &connector, CredentialStore &credentials)
    : m_store(store), m_connector(connector), m_credentials(credentials)
{
}

Result<LoginOutcome> SyncSetup::login(const QString &username, const QString &password)
{
    Result<RemoteSession> session = m_connector.login(username, password);
    if (!session)
        return session.error();
    m_connector.setToken(session->token);
    // The administrator view needs the password again, as in the portal.
    Result<RemoteSession> elevated = m_connector.elevate(password);
    if (!elevated)
        return elevated.error();
    auto org = m_store.organisation.current();
    if (org && org->domain.compare(session->domain, Qt::CaseInsensitive) != 0)
        return Error {ErrorCode::Invalid,
            tr("This store holds the organisation %1, but %2 administers %3 on that server.")
                .arg(org->domain, session->username, session->domain),
            QStringLiteral("domain")};
    Result<QJsonObject> serverOrg = m_connector.organisation(session->domain);
    if (!serverOrg)
        return serverOrg.error();
    const QString orgId = serverOrg->value(QLatin1String("id")).toString();
    Result<SyncSettings> previous = SyncSettings::load(m_store);
    LoginOutcome outcome;
    outcome.session = session.value();
    outcome.session.elevatedUntil = elevated->elevatedUntil;
    SyncSettings &settings = outcome.settings;
    settings = previous ? previous.value() : SyncSettings {};
    // The same organisation on the same server (perhaps at a new address) keeps its place in the
    // change feed; another one starts again.
    outcome.firstConnection = settings.orgId != orgId;
    if (outcome.firstConnection)
        settings.cursor.clear();
    settings.orgId = orgId;
    settings.server = m_connector.serverUrl();
    settings.username = session->username;
    settings.domain = session->domain;
    if (Status s = m_credentials.write(settings.server, session->username, QString::fromLatin1(session->token)); !s)
        return s.error();
    if (Status s = settings.save(m_store); !s)
        return s.error();
    if (outcome.firstConnection && org) {
        // A store that never synced with this organisation: everything in it goes there at the next sync.
        SyncEngine engine(m_store, m_connector, settings);
        Result<int> queued = engine.queueEverything();
        if (!queued)
            return queued.error();
        outcome.queued = queued.value();
    }
    return outcome;
}

Result<RemoteSession> SyncSetup::elevate(const SyncSettings &settings, const QString &password)
{
    Result<QString> token = m_credentials.read(settings.server, settings.username);
    if (!token)
        return token.error();
    if (token->isEmpty())
        return Error {ErrorCode::Denied, tr("There is no session for %1 on %2: log in again.").arg(settings.username, settings.server),
            QStringLiteral("unauthenticated")};
    m_connector.setToken(token->toLatin1());
    return m_connector.elevate(password);
}

Status SyncSetup::logout(const SyncSettings &settings)
{
    Result<QString> token = m_credentials.read(settings.server, settings.username);
    Status told;
    if (token && !token->isEmpty()) {
        m_connector.setToken(token->toLatin1());
        told = m_connector.logout();
    }
    if (Status s = m_credentials.remove(settings.server, settings.username); !s)
        return s.error();
    return told;
}

} // namespace centrale
