#include "sip/SipDigest.h"

#include <QCryptographicHash>
#include <QStringList>

namespace centrale {

namespace {

struct Algorithm {
    QCryptographicHash::Algorithm hash;
    bool session;
};

std::optional<Algorithm> algorithmFor(const QString &name)
{
    const QString n = name.trimmed().toUpper();
    if (n.isEmpty() || n == u"MD5")
        return Algorithm {QCryptographicHash::Md5, false};
    if (n == u"MD5-SESS")
        return Algorithm {QCryptographicHash::Md5, true};
    if (n == u"SHA-256")
        return Algorithm {QCryptographicHash::Sha256, false};
    if (n == u"SHA-256-SESS")
        return Algorithm {QCryptographicHash::Sha256, true};
    return std::nullopt;
}

QByteArray hex(QCryptographicHash::Algorithm hash, const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), hash).toHex();
}

} // namespace

bool SipDigest::supports(const QString &algorithm)
{
    return algorithmFor(algorithm).has_value();
}

QString SipDigest::chooseQop(const QString &qopOptions)
{
    const QStringList offered = qopOptions.split(u',', Qt::SkipEmptyParts);
    for (const QString &q : offered) {
        if (q.trimmed().compare(u"auth", Qt::CaseInsensitive) == 0)
            return QStringLiteral("auth");
    }
    return {};
}

std::optional<QByteArray> SipDigest::response() const
{
    const std::optional<Algorithm> a = algorithmFor(algorithm);
    if (!a)
        return std::nullopt;
    const QChar colon(u':');
    QByteArray ha1 = hex(a->hash, username + colon + realm + colon + password);
    if (a->session)
        ha1 = hex(a->hash, QString::fromLatin1(ha1) + colon + nonce + colon + cnonce);
    const QByteArray ha2 = hex(a->hash, method + colon + uri);
    if (qop.isEmpty())
        return hex(a->hash, QString::fromLatin1(ha1) + colon + nonce + colon + QString::fromLatin1(ha2));
    return hex(a->hash,
        QString::fromLatin1(ha1) + colon + nonce + colon + nonceCount + colon + cnonce + colon + qop + colon + QString::fromLatin1(ha2));
}

} // namespace centrale
