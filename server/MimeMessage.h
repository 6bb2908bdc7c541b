#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace centrale::server {

// One e-mail as RFC 5322 / MIME bytes (CRLF line ends): UTF-8 display names and subject as
// RFC 2047 encoded words, a multipart/alternative body with a text/plain and a text/html part in
// quoted-printable, a Message-ID at the sender's domain, a Date and MIME-Version.
struct MimeMessage {
    QString fromName;
    QString fromAddress;
    QString toName;
    QString toAddress;
    QString subject;
    QString text;
    QString html;
    QString language; // Content-Language: fr, nl, en
    QDateTime date; // now when invalid
    QString messageId; // generated (uuid@sender's domain) when empty

    QByteArray toBytes() const;

    // The pieces, public for the tests.
    static QByteArray encodeWord(const QString &text); // as is when plain ASCII, else =?UTF-8?B?...?= words
    static QByteArray mailbox(const QString &name, const QString &address);
    static QByteArray quotedPrintable(const QString &text);
    static QByteArray rfc5322Date(const QDateTime &date);
};

} // namespace centrale::server
