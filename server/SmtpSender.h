#pragma once

#include "DeliveryOutcome.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QUrl>

namespace centrale::server {

// Sends e-mail through an SMTP server with libcurl: smtp://[USER:PASS@]HOST[:PORT] uses STARTTLS
// when the server offers it, smtps:// is TLS from the start; the URL's user and password log in.
// A 4xx reply or a server that cannot be reached is worth another attempt; a 5xx reply to the
// sender or a recipient is final.
class SmtpSender final {
    Q_DECLARE_TR_FUNCTIONS(SmtpSender)
    Q_DISABLE_COPY_MOVE(SmtpSender)
public:
    SmtpSender() = default;
    ~SmtpSender() = default;

    Status configure(const QString &url, const QString &from);
    bool configured() const { return m_url.isValid(); }
    QString from() const { return m_from; }
    // The URL without its password, for logs.
    QString displayUrl() const;
    void setTimeoutSeconds(int seconds) { m_timeoutSeconds = seconds; }

    DeliveryOutcome send(const QString &recipient, const QByteArray &message) const;

private:
    QUrl m_url;
    QString m_from;
    int m_timeoutSeconds = 60;
};

} // namespace centrale::server
