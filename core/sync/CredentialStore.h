#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace centrale {

// Where session tokens are kept: the system's keychain (Secret Service, macOS Keychain, Windows
// Credential Manager), never the store or a settings file. One secret per server and username.
class CredentialStore {
public:
    virtual ~CredentialStore() = default;
    // The token, or an empty string when none is kept.
    virtual Result<QString> read(const QString &server, const QString &username) = 0;
    virtual Status write(const QString &server, const QString &username, const QString &secret) = 0;
    virtual Status remove(const QString &server, const QString &username) = 0;

    static QString keyFor(const QString &server, const QString &username);
};

// The system keychain through QtKeychain.
class KeychainCredentialStore final : public CredentialStore {
    Q_DECLARE_TR_FUNCTIONS(KeychainCredentialStore)
public:
    explicit KeychainCredentialStore(QString service = QStringLiteral("Centrale")) : m_service(std::move(service)) {}
    Result<QString> read(const QString &server, const QString &username) override;
    Status write(const QString &server, const QString &username, const QString &secret) override;
    Status remove(const QString &server, const QString &username) override;

private:
    QString m_service;
};

// In memory, for unit tests.
class MemoryCredentialStore final : public CredentialStore {
public:
    Result<QString> read(const QString &server, const QString &username) override { return m_secrets.value(keyFor(server, username)); }
    Status write(const QString &server, const QString &username, const QString &secret) override
    {
        m_secrets.insert(keyFor(server, username), secret);
        return {};
    }
    Status remove(const QString &server, const QString &username) override
    {
        m_secrets.remove(keyFor(server, username));
        return {};
    }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace centrale
