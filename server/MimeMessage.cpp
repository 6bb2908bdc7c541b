#include "MimeMessage.h"

#include <QLocale>
#include <QUuid>

namespace centrale::server {

namespace {
bool isPlainAscii(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return true;
}
} // namespace

QByteArray MimeMessage::encodeWord(const QString &text)
{
    if (isPlainAscii(text) && !text.contains(QLatin1String("=?")))
        return text.toLatin1();
    // Encoded words of at most 75 characters (RFC 2047 §2): 45 bytes of UTF-8 in base64 is 60,
    // plus =?UTF-8?B? and ?=. A character's bytes are never split between two words.
    QByteArray out;
    QByteArray chunk;
    auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\r\n ";
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        QString one(text.at(i));
        if (text.at(i).isHighSurrogate() && i + 1 < text.size())
            one += text.at(++i);
        const QByteArray bytes = one.toUtf8();
        if (chunk.size() + bytes.size() > 45)
            flush();
        chunk += bytes;
    }
    flush();
    return out;
}

QByteArray MimeMessage::mailbox(const QString &name, const QString &address)
{
    const QByteArray addr = "<" + address.toUtf8() + ">";
    const QString trimmed = name.simplified();
    if (trimmed.isEmpty())
        return addr;
    if (!isPlainAscii(trimmed))
        return encodeWord(trimmed) + " " + addr;
    // A quoted string: specials such as , or . in a name are then harmless.
    QByteArray quoted = trimmed.toLatin1();
    quoted.replace("\\", "\\\\").replace("\"", "\\\"");
    return "\"" + quoted + "\" " + addr;
}

QByteArray MimeMessage::quotedPrintable(const QString &text)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    const QList<QByteArray> lines = text.toUtf8().replace("\r\n", "\n").split('\n');
    for (qsizetype l = 0; l < lines.size(); ++l) {
        const QByteArray &line = lines.at(l);
        QByteArray current;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto c = static_cast<unsigned char>(line.at(i));
            const bool last = i == line.size() - 1;
            QByteArray piece;
            if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last))
                piece = QByteArray(1, static_cast<char>(c));
            else
                piece = QByteArray {"="} + hex[c >> 4] + hex[c & 15];
            // 76 characters at most per line, the soft break's = included.
            if (current.size() + piece.size() > 75) {
                out += current + "=\r\n";
                current.clear();
            }
            current += piece;
        }
        out += current;
        if (l < lines.size() - 1)
            out += "\r\n";
    }
    return out;
}

QByteArray MimeMessage::rfc5322Date(const QDateTime &date)
{
    const QDateTime utc = date.toUTC();
    return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss")).toLatin1() + " +0000";
}

QByteArray MimeMessage::toBytes() const
{
    const QString domain = fromAddress.mid(fromAddress.lastIndexOf(QLatin1Char('@')) + 1);
    const QByteArray id
        = messageId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1() + "@" + domain.toUtf8() : messageId.toUtf8();
    const QByteArray boundary = "=_centrale_" + QUuid::createUuid().toString(QUuid::Id128).toLatin1();
    QByteArray m;
    m += "From: " + mailbox(fromName, fromAddress) + "\r\n";
    m += "To: " + mailbox(toName, toAddress) + "\r\n";
    m += "Subject: " + encodeWord(subject) + "\r\n";
    m += "Date: " + rfc5322Date(date.isValid() ? date : QDateTime::currentDateTimeUtc()) + "\r\n";
    m += "Message-ID: <" + id + ">\r\n";
    m += "MIME-Version: 1.0\r\n";
    if (!language.isEmpty())
        m += "Content-Language: " + language.toLatin1() + "\r\n";
    // Automatic: out-of-office replies stay away (RFC 3834).
    m += "Auto-Submitted: auto-generated\r\n";
    m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n";
    m += "\r\n";
    m += "This is a message in MIME format.\r\n";
    for (const auto &[type, body] : {std::pair {QByteArrayLiteral("text/plain"), text}, std::pair {QByteArrayLiteral("text/html"), html}}) {
        m += "\r\n--" + boundary + "\r\n";
        m += "Content-Type: " + type + "; charset=UTF-8\r\n";
        m += "Content-Transfer-Encoding: quoted-printable\r\n";
        m += "\r\n";
        m += quotedPrintable(body) + "\r\n";
    }
    m += "\r\n--" + boundary + "--\r\n";
    return m;
}

} // namespace centrale::server
