#include "security/Secrets.h"

#include <sodium.h>

namespace centrale {

namespace {
bool ready()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

char randomFrom(const char *alphabet, size_t size)
{
    return alphabet[randombytes_uniform(static_cast<uint32_t>(size))];
}
} // namespace

Result<QString> Secrets::hash(const QString &secret)
{
    if (!ready())
        return Error{ErrorCode::Storage, tr("The cryptographic library could not start."), {}};
    const QByteArray utf8 = secret.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return Error{ErrorCode::Storage, tr("There was not enough memory to protect the secret."), {}};
    return QString::fromLatin1(out);
}

bool Secrets::verify(const QString &hash, const QString &secret)
{
    if (!ready() || hash.isEmpty())
        return false;
    const QByteArray h = hash.toLatin1();
    const QByteArray utf8 = secret.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size())) == 0;
}

QString Secrets::generatePassword(int length)
{
    ready();
    static constexpr char lower[] = "abcdefghijkmnopqrstuvwxyz";
    static constexpr char upper[] = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static constexpr char digits[] = "23456789";
    length = qMax(length, 8);
    QString out;
    out.reserve(length);
    // One of each kind first, the rest from all of them, then shuffled.
    out += QLatin1Char(randomFrom(lower, sizeof lower - 1));
    out += QLatin1Char(randomFrom(upper, sizeof upper - 1));
    out += QLatin1Char(randomFrom(digits, sizeof digits - 1));
    static const QByteArray all = QByteArray(lower) + upper + digits;
    while (out.size() < length)
        out += QLatin1Char(randomFrom(all.constData(), static_cast<size_t>(all.size())));
    for (qsizetype i = out.size() - 1; i > 0; --i)
        std::swap(out[i], out[randombytes_uniform(static_cast<uint32_t>(i + 1))]);
    return out;
}

QString Secrets::generatePin(int digits)
{
    ready();
    QString out;
    for (int i = 0; i < qMax(digits, 4); ++i)
        out += QLatin1Char(static_cast<char>('0' + randombytes_uniform(10)));
    return out;
}

} // namespace centrale
