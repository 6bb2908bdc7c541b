#include "MessageDelivery.h"

#include "MimeMessage.h"
#include "ServerDatabase.h"
#include "domain/Validators.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUuid>

#include <curl/curl.h>

Q_LOGGING_CATEGORY(lcDelivery, "centrale.server.delivery", QtInfoMsg)

namespace centrale::server {

namespace {
QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject bodyOf(ServerDatabase &db, const QString &orgId, const QString &entity, const QString &id)
{
    auto q = db.exec(
        QStringLiteral("SELECT body FROM record WHERE org_id = ? AND entity = ? AND id = ? AND deleted = 0"), {orgId, entity, id});
    if (!q || !q->next())
        return {};
    return QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object();
}

// For logs: never a whole address, never a code.
QString maskedForLog(const QString &recipient)
{
    return recipient.left(3) + QStringLiteral("***");
}
} // namespace

MessageDelivery::MessageDelivery(DeliverySettings settings) : m_settings(std::move(settings)), m_templates(m_settings.links)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

MessageDelivery::~MessageDelivery()
{
    stop();
    curl_global_cleanup();
}

Status MessageDelivery::configure()
{
    if (!m_settings.smtpUrl.isEmpty()) {
        if (Status s = m_smtp.configure(m_settings.smtpUrl, m_settings.mailFrom); !s)
            return s;
    }
    if (!m_settings.smsGatewayUrl.isEmpty()) {
        if (Status s = m_sms.configure(m_settings.smsGatewayUrl, m_settings.smsKey, m_settings.smsFrom); !s)
            return s;
    }
    return {};
}

QString MessageDelivery::describe() const
{
    const QString mail = m_smtp.configured() ? tr("e-mail through %1 from %2").arg(m_smtp.displayUrl(), m_smtp.from())
                                             : tr("no mail server configured (e-mail waits in the queue)");
    const QString sms
        = m_sms.configured() ? tr("SMS through %1").arg(m_sms.displayUrl()) : tr("no SMS gateway configured (SMS wait in the queue)");
    return tr("Messages: %1; %2.").arg(mail, sms);
}

qint64 MessageDelivery::retryDelay(int attempts, qint64 firstMs, qint64 maxMs)
{
    qint64 delay = firstMs;
    for (int i = 1; i < attempts && delay < maxMs; ++i)
        delay *= 2;
    return std::min(delay, maxMs);
}

void MessageDelivery::start()
{
    m_stopping = false;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("message-delivery"));
    m_thread->start();
}

void MessageDelivery::stop()
{
    if (!m_thread)
        return;
    m_stopping = true;
    {
        QMutexLocker lock(&m_mutex);
        m_wake.wakeAll();
    }
    m_thread->wait();
    m_thread.reset();
}

void MessageDelivery::run()
{
    ServerDatabase db;
    while (!m_stopping) {
        if (!db.isOpen()) {
            if (Status s = db.open(m_settings.databaseUrl); !s)
                qCWarning(lcDelivery).noquote() << s.error().message;
        }
        if (db.isOpen())
            deliverDue(db, QDateTime::currentMSecsSinceEpoch());
        QMutexLocker lock(&m_mutex);
        if (!m_stopping)
            m_wake.wait(&m_mutex, static_cast<unsigned long>(m_settings.pollMs));
    }
}

void MessageDelivery::markUnconfigured(ServerDatabase &db)
{
    // A message that cannot go anywhere says why, for the administrator; it stays queued.
    for (const auto &[channel, configured] :
        {std::pair {QStringLiteral("email"), m_smtp.configured()}, std::pair {QStringLiteral("sms"), m_sms.configured()}}) {
        if (!configured)
            (void)db.exec(QStringLiteral("UPDATE message SET reason_code = 'not-configured' WHERE state = 'queued' AND channel = ? "
                                         "AND reason_code <> 'not-configured'"),
                {channel});
    }
}

int MessageDelivery::deliverDue(ServerDatabase &db, qint64 now)
{
    markUnconfigured(db);
    int handled = 0;
    while (!m_stopping && handled < 100) {
        std::optional<Claimed> message = claimNext(db, now);
        if (!message)
            break;
        const DeliveryOutcome outcome = deliver(db, *message, now);
        // The outcome is recorded at the time it is known (a send may take a while).
        record(db, *message, outcome, std::max(now, QDateTime::currentMSecsSinceEpoch()));
        ++handled;
    }
    return handled;
}

std::optional<MessageDelivery::Claimed> MessageDelivery::claimNext(ServerDatabase &db, qint64 now)
{
    QStringList channels;
    if (m_smtp.configured())
        channels << QStringLiteral("'email'");
    if (m_sms.configured())
        channels << QStringLiteral("'sms'");
    if (channels.isEmpty())
        return std::nullopt;
    Claimed c;
    c.claim = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // One statement: the row is chosen and claimed at once. On PostgreSQL, SKIP LOCKED lets
    // another instance take the next message instead of waiting for this one.
    const QString sql
        = QStringLiteral("UPDATE message SET state = 'sending', claim = ?, claimed_until = ?, attempts = attempts + 1 "
                         "WHERE id = (SELECT id FROM message WHERE channel IN (%1) AND ((state = 'queued' AND next_attempt_at <= ?) "
                         "OR (state = 'sending' AND claimed_until <= ?)) ORDER BY next_attempt_at, created_at, id LIMIT 1%2) "
                         "RETURNING id, org_id, user_id, kind, channel, recipient, payload, attempts")
              .arg(channels.join(QLatin1Char(',')),
                  db.kind() == ServerDatabase::Kind::Postgres ? QStringLiteral(" FOR UPDATE SKIP LOCKED") : QString());
    auto q = db.exec(sql, {c.claim, now + m_settings.claimMs, now, now});
    if (!q || !q->next())
        return std::nullopt;
    c.id = q->value(0).toString();
    c.orgId = q->value(1).toString();
    c.userId = q->value(2).toString();
    c.kind = q->value(3).toString();
    c.channel = q->value(4).toString();
    c.recipient = q->value(5).toString();
    c.payload = QJsonDocument::fromJson(q->value(6).toString().toUtf8()).object();
    c.attempts = q->value(7).toInt();
    q->finish();
    return c;
}

DeliveryOutcome MessageDelivery::deliver(ServerDatabase &db, const Claimed &message, qint64 now)
{
    const QDateTime expires = QDateTime::fromString(message.payload.value(QLatin1String("expiresAt")).toString(), Qt::ISODate);
    if (expires.isValid() && expires.toMSecsSinceEpoch() <= now)
        return DeliveryOutcome::failed(QStringLiteral("expired"), {});
    const QJsonObject org = bodyOf(db, message.orgId, QStringLiteral("organisation"), message.orgId);
    const QJsonObject user = bodyOf(db, message.orgId, QStringLiteral("user"), message.userId);
    MessageFacts facts;
    facts.kind = message.kind;
    facts.access = message.payload.value(QLatin1String("access")).toString();
    facts.language = message.payload.value(QLatin1String("language")).toString();
    if (facts.language.isEmpty())
        facts.language = org.value(QLatin1String("language")).toString();
    facts.orgName = org.value(QLatin1String("name")).toString();
    facts.username = message.payload.value(QLatin1String("username")).toString(user.value(QLatin1String("username")).toString());
    facts.displayName = QStringList {user.value(QLatin1String("firstName")).toString(), user.value(QLatin1String("lastName")).toString()}
                            .join(QLatin1Char(' '))
                            .trimmed();
    facts.code = message.payload.value(QLatin1String("code")).toString();
    facts.expiresAt = expires;
    if (facts.code.isEmpty())
        return DeliveryOutcome::failed(QStringLiteral("expired"), {});
    const MessageContent content = m_templates.render(facts);

    if (message.channel == QLatin1String("email")) {
        if (message.recipient.contains(QLatin1Char('\r')) || message.recipient.contains(QLatin1Char('\n'))
            || !Validators::email(message.recipient) || message.recipient.isEmpty())
            return DeliveryOutcome::failed(QStringLiteral("invalid-address"), {});
        MimeMessage mail;
        mail.fromName = facts.orgName;
        mail.fromAddress = m_smtp.from();
        mail.toName = facts.displayName;
        mail.toAddress = message.recipient;
        mail.subject = content.subject;
        mail.text = content.text;
        mail.html = content.html;
        mail.language = MessageTemplates::supportedLanguage(facts.language);
        return m_smtp.send(message.recipient, mail.toBytes());
    }
    static const QRegularExpression e164(QStringLiteral("^\\+[1-9][0-9]{6,14}$"));
    if (!e164.match(message.recipient).hasMatch())
        return DeliveryOutcome::failed(QStringLiteral("invalid-address"), {});
    return m_sms.send(message.recipient, content.sms);
}

void MessageDelivery::record(ServerDatabase &db, const Claimed &message, const DeliveryOutcome &outcome, qint64 now)
{
    // The code has done its work in the queue once the message is sent or given up.
    QJsonObject payload = message.payload;
    payload.remove(QStringLiteral("code"));
    QString sql;
    QVariantList binds;
    if (outcome.kind == DeliveryOutcome::Kind::Sent) {
        qCInfo(lcDelivery).noquote() << "sent" << message.kind << message.channel << "to" << maskedForLog(message.recipient) << "attempt"
                                     << message.attempts;
        sql = QStringLiteral("UPDATE message SET state = 'sent', sent_at = ?, reason_code = '', last_error = '', payload = ?, claim = '' "
                             "WHERE id = ? AND claim = ?");
        binds = {now, compactJson(payload), message.id, message.claim};
    } else if (outcome.kind == DeliveryOutcome::Kind::Retry && message.attempts < m_settings.maxAttempts) {
        const qint64 next = now + retryDelay(message.attempts, m_settings.firstRetryMs, m_settings.maxRetryMs);
        qCInfo(lcDelivery).noquote() << "will retry" << message.channel << "to" << maskedForLog(message.recipient) << "after attempt"
                                     << message.attempts << ':' << outcome.detail;
        sql = QStringLiteral("UPDATE message SET state = 'queued', next_attempt_at = ?, reason_code = ?, last_error = ?, claim = '' "
                             "WHERE id = ? AND claim = ?");
        binds = {next, outcome.reasonCode, outcome.detail.left(500), message.id, message.claim};
    } else {
        qCWarning(lcDelivery).noquote() << "failed" << message.channel << "to" << maskedForLog(message.recipient) << "after attempt"
                                        << message.attempts << ':' << outcome.reasonCode << outcome.detail;
        sql = QStringLiteral("UPDATE message SET state = 'failed', reason_code = ?, last_error = ?, payload = ?, claim = '' "
                             "WHERE id = ? AND claim = ?");
        binds = {outcome.reasonCode, outcome.detail.left(500), compactJson(payload), message.id, message.claim};
    }
    auto q = db.exec(sql, binds);
    if (!q || q->numRowsAffected() != 1)
        qCWarning(lcDelivery).noquote() << "the outcome of message" << message.id << "could not be recorded (its claim expired?)";
}

} // namespace centrale::server
