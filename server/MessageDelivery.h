#pragma once

#include "MessageTemplates.h"
#include "SmsGateway.h"
#include "SmtpSender.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <memory>

namespace centrale::server {

class ServerDatabase;

struct DeliverySettings {
    QString databaseUrl;
    QString smtpUrl; // smtp[s]://[USER:PASS@]HOST:PORT; empty: e-mail waits
    QString mailFrom;
    QString smsGatewayUrl; // empty: SMS waits
    QString smsKey;
    QString smsFrom;
    MessageLinks links;
    qint64 firstRetryMs = 30'000; // then doubled at each attempt
    qint64 maxRetryMs = 3'600'000;
    int maxAttempts = 10; // about five hours of trying with the defaults
    qint64 claimMs = 5 * 60'000; // longer than any send takes; a crashed sender's claim expires
    int pollMs = 1000;
};

// The persistent delivery queue: the `message` table. A worker thread with its own database
// connection claims due messages one at a time (FOR UPDATE SKIP LOCKED on PostgreSQL, so that
// several server instances share the queue; one statement on SQLite), renders them
// (MessageTemplates), sends them (SmtpSender, SmsGateway) and records the outcome under the same
// claim: sent; queued again with exponential back-off after a temporary error; failed with a
// reason after a permanent one or too many attempts. A crash while sending leaves a claim that
// expires, and the message is tried again. The one-time code is removed from the queue once the
// message is sent or failed.
class MessageDelivery final {
    Q_DECLARE_TR_FUNCTIONS(MessageDelivery)
    Q_DISABLE_COPY_MOVE(MessageDelivery)
public:
    explicit MessageDelivery(DeliverySettings settings);
    ~MessageDelivery();

    // Checks the settings (nothing is sent yet).
    Status configure();
    // Starts the worker thread.
    void start();
    void stop();

    bool emailConfigured() const { return m_smtp.configured(); }
    bool smsConfigured() const { return m_sms.configured(); }
    // The settings as a sentence, without secrets.
    QString describe() const;

    // One pass over the queue with db (the worker's, or a test's); returns the messages handled.
    int deliverDue(ServerDatabase &db, qint64 now);
    static qint64 retryDelay(int attempts, qint64 firstMs, qint64 maxMs);

private:
    struct Claimed {
        QString id;
        QString orgId;
        QString userId;
        QString kind;
        QString channel;
        QString recipient;
        QJsonObject payload;
        int attempts = 0;
        QString claim;
    };
    void run();
    std::optional<Claimed> claimNext(ServerDatabase &db, qint64 now);
    DeliveryOutcome deliver(ServerDatabase &db, const Claimed &message, qint64 now);
    void record(ServerDatabase &db, const Claimed &message, const DeliveryOutcome &outcome, qint64 now);
    void markUnconfigured(ServerDatabase &db);

    DeliverySettings m_settings;
    SmtpSender m_smtp;
    SmsGateway m_sms;
    MessageTemplates m_templates;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_stopping {false};
    QMutex m_mutex;
    QWaitCondition m_wake;
};

} // namespace centrale::server
