#pragma once

#include "DeliveryOutcome.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QUrl>

namespace centrale::server {

// Sends SMS through an HTTP gateway with libcurl: one POST per message to the configured URL,
// Authorization: Bearer KEY, with the JSON
//   {"to": "+32475123456", "from": "Centrale", "text": "...", "encoding": "gsm7"|"ucs2",
//    "parts": ["...", "..."]}
// where parts is the text already cut by the GSM-7/UCS-2 rules (SmsText): the gateway sends them
// as one concatenated SMS. One request per message, so that a retry never repeats half of it.
// 2xx is sent; 5xx, 429, a time-out or no connection is worth another attempt; another 4xx is final,
// with the gateway's own words.
class SmsGateway final {
    Q_DECLARE_TR_FUNCTIONS(SmsGateway)
    Q_DISABLE_COPY_MOVE(SmsGateway)
public:
    SmsGateway() = default;
    ~SmsGateway() = default;

    Status configure(const QString &url, const QString &key, const QString &sender);
    bool configured() const { return m_url.isValid(); }
    QString displayUrl() const;
    void setTimeoutSeconds(int seconds) { m_timeoutSeconds = seconds; }

    DeliveryOutcome send(const QString &to, const QString &text) const;

private:
    QUrl m_url;
    QByteArray m_key;
    QString m_sender;
    int m_timeoutSeconds = 30;
};

} // namespace centrale::server
