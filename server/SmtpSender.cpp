#include "SmtpSender.h"

#include "domain/Validators.h"

#include <curl/curl.h>

#include <cstring>

namespace centrale::server {

namespace {
struct Reader {
    const QByteArray *data;
    qsizetype offset = 0;
};

size_t readChunk(char *buffer, size_t size, size_t count, void *userData)
{
    auto *reader = static_cast<Reader *>(userData);
    const auto left = static_cast<size_t>(reader->data->size() - reader->offset);
    const size_t n = std::min(left, size * count);
    std::memcpy(buffer, reader->data->constData() + reader->offset, n);
    reader->offset += static_cast<qsizetype>(n);
    return n;
}
} // namespace

Status SmtpSender::configure(const QString &url, const QString &from)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != QLatin1String("smtp") && u.scheme() != QLatin1String("smtps")) || u.host().isEmpty())
        return Error::invalid(
            tr("The mail server must look like smtp://USER:PASSWORD@HOST:587 or smtps://HOST:465."), QStringLiteral("smtp"));
    if (from.isEmpty() || !Validators::email(from))
        return Error::invalid(
            tr("--mail-from needs the sender's e-mail address, for example centrale@example.be."), QStringLiteral("mail-from"));
    m_url = u;
    m_from = from;
    return {};
}

QString SmtpSender::displayUrl() const
{
    QUrl shown = m_url;
    if (!shown.password().isEmpty())
        shown.setPassword(QStringLiteral("****"));
    return shown.toString();
}

DeliveryOutcome SmtpSender::send(const QString &recipient, const QByteArray &message) const
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return DeliveryOutcome::retry(QStringLiteral("smtp-error"), QStringLiteral("libcurl could not start"));
    // The host the server greets (EHLO) is the sender's domain.
    QUrl target = m_url;
    target.setUserInfo({});
    target.setPath(QLatin1Char('/') + m_from.mid(m_from.lastIndexOf(QLatin1Char('@')) + 1));
    const QByteArray url = target.toString(QUrl::FullyEncoded).toUtf8();
    const QByteArray user = m_url.userName().toUtf8();
    const QByteArray password = m_url.password().toUtf8();
    const QByteArray from = "<" + m_from.toUtf8() + ">";
    const QByteArray to = "<" + recipient.toUtf8() + ">";
    curl_slist *recipients = curl_slist_append(nullptr, to.constData());
    Reader reader {&message};
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(m_url.scheme() == QLatin1String("smtps") ? CURLUSESSL_ALL : CURLUSESSL_TRY));
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readChunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &reader);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(m_timeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    const CURLcode code = curl_easy_perform(curl);
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (code == CURLE_OK)
        return DeliveryOutcome::sent();
    QString detail = QString::fromUtf8(errorBuffer).trimmed();
    if (detail.isEmpty())
        detail = QString::fromUtf8(curl_easy_strerror(code));
    // A refused login is the server's configuration, not the message: try again once it is fixed.
    if (code != CURLE_LOGIN_DENIED && reply >= 500 && reply < 600)
        return DeliveryOutcome::failed(QStringLiteral("rejected"), detail);
    return DeliveryOutcome::retry(QStringLiteral("smtp-error"), detail);
}

} // namespace centrale::server
