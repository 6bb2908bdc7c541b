#include "SmsGateway.h"

#include "SmsText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <curl/curl.h>

namespace centrale::server {

namespace {
size_t collect(char *data, size_t size, size_t count, void *userData)
{
    auto *body = static_cast<QByteArray *>(userData);
    // The gateway's answer is only read for its error message: a little is enough.
    if (body->size() < 4096)
        body->append(data, static_cast<qsizetype>(size * count));
    return size * count;
}
} // namespace

Status SmsGateway::configure(const QString &url, const QString &key, const QString &sender)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || (u.scheme() != QLatin1String("https") && u.scheme() != QLatin1String("http")) || u.host().isEmpty())
        return Error::invalid(tr("The SMS gateway must be an http:// or https:// address."), QStringLiteral("sms-gateway"));
    m_url = u;
    m_key = key.toUtf8();
    m_sender = sender.isEmpty() ? QStringLiteral("Centrale") : sender;
    return {};
}

QString SmsGateway::displayUrl() const
{
    QUrl shown = m_url;
    if (!shown.password().isEmpty())
        shown.setPassword(QStringLiteral("****"));
    return shown.toString();
}

DeliveryOutcome SmsGateway::send(const QString &to, const QString &text) const
{
    const SmsText sms = SmsText::split(text);
    const QByteArray body
        = QJsonDocument(QJsonObject {{QStringLiteral("to"), to}, {QStringLiteral("from"), m_sender}, {QStringLiteral("text"), text},
                            {QStringLiteral("encoding"), SmsText::encodingName(sms.encoding)},
                            {QStringLiteral("parts"), QJsonArray::fromStringList(sms.parts)}})
              .toJson(QJsonDocument::Compact);
    CURL *curl = curl_easy_init();
    if (!curl)
        return DeliveryOutcome::retry(QStringLiteral("gateway-error"), QStringLiteral("libcurl could not start"));
    const QByteArray url = m_url.toString(QUrl::FullyEncoded).toUtf8();
    curl_slist *headers = curl_slist_append(nullptr, "Content-Type: application/json; charset=utf-8");
    headers = curl_slist_append(headers, "Accept: application/json");
    const QByteArray authorization = "Authorization: Bearer " + m_key;
    if (!m_key.isEmpty())
        headers = curl_slist_append(headers, authorization.constData());
    QByteArray answer;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 15L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(m_timeoutSeconds));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (code != CURLE_OK) {
        const QString detail = QString::fromUtf8(errorBuffer).trimmed();
        return DeliveryOutcome::retry(
            QStringLiteral("gateway-error"), detail.isEmpty() ? QString::fromUtf8(curl_easy_strerror(code)) : detail);
    }
    if (status >= 200 && status < 300)
        return DeliveryOutcome::sent();
    // The gateway's reason: a JSON message or error field, else the start of its answer.
    const QJsonObject json = QJsonDocument::fromJson(answer).object();
    QString reason;
    for (const char *field : {"message", "error", "detail", "title"}) {
        const QJsonValue v = json.value(QLatin1String(field));
        if (v.isString() && !v.toString().isEmpty()) {
            reason = v.toString();
            break;
        }
    }
    if (reason.isEmpty())
        reason = QString::fromUtf8(answer.left(200)).simplified();
    const QString detail
        = QStringLiteral("HTTP %1%2").arg(status).arg(reason.isEmpty() ? QString() : QStringLiteral(": ") + reason.left(300));
    if (status >= 500 || status == 429 || status == 408)
        return DeliveryOutcome::retry(QStringLiteral("gateway-error"), detail);
    return DeliveryOutcome::failed(QStringLiteral("rejected"), detail);
}

} // namespace centrale::server
