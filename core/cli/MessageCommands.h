#pragma once

#include "cli/CliSupport.h"

#include <memory>

namespace centrale {

class CredentialStore;

// centrale-cli welcome|password-reset: the messages the server sends to users.
class MessageCommands final {
    Q_DECLARE_TR_FUNCTIONS(MessageCommands)
public:
    explicit MessageCommands(CliIo &io);
    ~MessageCommands();
    // command: welcome or password-reset; args: argv[0], the global options, the rest.
    int run(const QString &command, const QStringList &args);
    static QString usage();

private:
    int runWelcome(const QStringList &args);
    int runPasswordReset(const QStringList &args);

    CliIo &m_io;
    std::unique_ptr<CredentialStore> m_credentials;
};

} // namespace centrale
