#pragma once

#include "sync/Connector.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>

namespace centrale {

class CredentialStore;
class Store;

// What a login did: the session, the settings now saved in the store, and how many of the store's
// records were queued for the server (a store that never synced with that organisation).
struct LoginOutcome {
    RemoteSession session;
    SyncSettings settings;
    bool firstConnection = false;
    int queued = 0;
};

// Connecting a store to a server, as the command line and the desktop do it: log in, open the
// administrator view with the same password, check that the store holds the account's
// organisation, remember the server in the store and the token in the keychain. Blocking (the
// connector waits for the server): the desktop runs it off the interface thread.
class SyncSetup final {
    Q_DECLARE_TR_FUNCTIONS(SyncSetup)
public:
    SyncSetup(Store &store, Connector &connector, CredentialStore &credentials);

    // Errors: the server's (Denied with Error::field invalid-credentials, rate-limited, ...;
    // Network when it cannot be reached), Denied "not-administrator" for an account that
    // administers nothing, Invalid "domain" when the store holds another organisation.
    Result<LoginOutcome> login(const QString &username, const QString &password);

    // Opens the administrator view again for the kept session (after "elevation-required").
    Result<RemoteSession> elevate(const SyncSettings &settings, const QString &password);

    // Ends the session on the server and forgets its token (even when the server cannot be told:
    // the message is then returned, the token is gone all the same).
    Status logout(const SyncSettings &settings);

private:
    Store &m_store;
    Connector &m_connector;
    CredentialStore &m_credentials;
};

} // namespace centrale
