#pragma once

#include "cli/CliSupport.h"

#include <memory>

namespace centrale {

class Connector;
class CredentialStore;
class Store;
struct SyncSettings;

// centrale-cli login|logout|sync|status|conflicts: the store and its server.
class SyncCommands final {
    Q_DECLARE_TR_FUNCTIONS(SyncCommands)
public:
    explicit SyncCommands(CliIo &io);
    ~SyncCommands();
    // command: login, logout, sync, status or conflicts; args: argv[0], the global options, the rest.
    int run(const QString &command, const QStringList &args);
    static QString usage();

private:
    int runLogin(const QStringList &args);
    int runLogout(const QStringList &args);
    int runSync(const QStringList &args);
    int runStatus(const QStringList &args);
    int runConflicts(const QStringList &args);
    // Opens the store and the connection its settings name; returns CliGoOn or the exit code.
    int connect(CliParser &p, Store &store, SyncSettings &settings, std::unique_ptr<Connector> &connector);

    CliIo &m_io;
    std::unique_ptr<CredentialStore> m_credentials;
};

} // namespace centrale
