#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace centrale {

// Passwords and PINs: hashed with Argon2id (libsodium), and generated from the system's secure
// random source. A secret in clear text is never stored; its hash is what reaches the store and the server.
class Secrets final {
    Q_DECLARE_TR_FUNCTIONS(Secrets)
public:
    // "$argon2id$v=19$m=...,t=...,p=1$salt$hash", a new salt every time.
    static Result<QString> hash(const QString &secret);
    static bool verify(const QString &hash, const QString &secret);
    // Letters and digits without the ones people misread (0/O, 1/l/I), at least one of each kind.
    static QString generatePassword(int length = 14);
    static QString generatePin(int digits = 6);
};

} // namespace centrale
