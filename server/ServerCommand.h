#pragma once

#include "CallRecorder.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <functional>

namespace centrale::server {

// centrale-server's commands: serve, create-org, create-admin. Every message is translated.
class ServerCommand final {
    Q_DECLARE_TR_FUNCTIONS(ServerCommand)
public:
    ServerCommand(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}
    // Returns the process exit status; serve runs the event loop until the process is stopped.
    int run(const QStringList &arguments);

    // serve's options for recording prompts by call (--call-ring-seconds, --call-max-seconds,
    // --call-local-address, --call-instructions), checked and with the instructions loaded.
    // value(name) is an option's value from the command line or the configuration file, empty when unset.
    static Result<RecordCallOptions> recordCallOptions(const std::function<QString(const QString &)> &value);

private:
    int serve(const QStringList &arguments);
    int createOrg(const QStringList &arguments);
    int createAdmin(const QStringList &arguments);
    QString usage() const;
    int fail(const QString &message);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace centrale::server
