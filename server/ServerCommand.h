#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace centrale::server {

// centrale-server's commands: serve, create-org, create-admin. Every message is translated.
class ServerCommand final {
    Q_DECLARE_TR_FUNCTIONS(ServerCommand)
public:
    ServerCommand(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}
    // Returns the process exit status; serve runs the event loop until the process is stopped.
    int run(const QStringList &arguments);

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
