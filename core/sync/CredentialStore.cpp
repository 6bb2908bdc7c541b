#include "sync/CredentialStore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

namespace centrale {

namespace {
// Runs a keychain job to its end.
void wait(QKeychain::Job &job)
{
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec(QEventLoop::ExcludeUserInputEvents);
}
} // namespace

QString CredentialStore::keyFor(const QString &server, const QString &username)
{
    return username.trimmed().toLower() + QStringLiteral(" on ") + server;
}

Result<QString> KeychainCredentialStore::read(const QString &server, const QString &username)
{
    QKeychain::ReadPasswordJob job(m_service);
    job.setKey(keyFor(server, username));
    wait(job);
    if (job.error() == QKeychain::EntryNotFound)
        return QString();
    if (job.error() != QKeychain::NoError)
        return Error{ErrorCode::Io, tr("The system keychain could not be read: %1").arg(job.errorString()), QStringLiteral("keychain")};
    return job.textData();
}

Status KeychainCredentialStore::write(const QString &server, const QString &username, const QString &secret)
{
    QKeychain::WritePasswordJob job(m_service);
    job.setKey(keyFor(server, username));
    job.setTextData(secret);
    wait(job);
    if (job.error() != QKeychain::NoError)
        return Error{ErrorCode::Io, tr("The session could not be kept in the system keychain: %1").arg(job.errorString()), QStringLiteral("keychain")};
    return {};
}

Status KeychainCredentialStore::remove(const QString &server, const QString &username)
{
    QKeychain::DeletePasswordJob job(m_service);
    job.setKey(keyFor(server, username));
    wait(job);
    if (job.error() != QKeychain::NoError && job.error() != QKeychain::EntryNotFound)
        return Error{ErrorCode::Io, tr("The session could not be removed from the system keychain: %1").arg(job.errorString()), QStringLiteral("keychain")};
    return {};
}

} // namespace centrale
