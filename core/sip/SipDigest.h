#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace centrale {

// HTTP digest authentication as SIP uses it (RFC 2617, RFC 7616: MD5, SHA-256 and their -sess
// variants, with or without qop=auth).
struct SipDigest {
    QString algorithm; // as in the challenge; empty means MD5
    QString username;
    QString realm;
    QString password;
    QString method; // "NOTIFY"
    QString uri; // the Request-URI, as sent in the uri parameter
    QString nonce;
    QString qop; // "auth" or empty (RFC 2069 style)
    QString nonceCount; // "00000001"
    QString cnonce;

    // True when the algorithm is one this implementation can answer.
    static bool supports(const QString &algorithm);
    // Picks "auth" from a challenge's qop list ("auth,auth-int"), or empty when not offered.
    static QString chooseQop(const QString &qopOptions);

    // The lower-case hex "response" parameter; nullopt for an unsupported algorithm.
    std::optional<QByteArray> response() const;
};

} // namespace centrale
