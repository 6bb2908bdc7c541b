#include "sync/SyncEngine.h"

#include "domain/Contact.h"
#include "domain/FunctionNumber.h"
#include "domain/KeyTemplate.h"
#include "domain/Organisation.h"
#include "domain/PoolNumber.h"
#include "domain/ScheduleEvent.h"
#include "domain/SipPhone.h"
#include "domain/User.h"
#include "domain/UserGroup.h"
#include "domain/VoicePrompt.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>
#include <QLoggingCategory>
#include <QSet>
#include <QUrl>
#include <QUuid>

Q_LOGGING_CATEGORY(lcSync, "centrale.sync", QtInfoMsg)

namespace centrale {

namespace {

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parse(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

// The API's collection for an outbox entity.
QString segmentOf(const QString &entity)
{
    static const QHash<QString, QString> segments{
        {QStringLiteral("group"), QStringLiteral("groups")},       {QStringLiteral("user"), QStringLiteral("users")},
        {QStringLiteral("contact"), QStringLiteral("contacts")},   {QStringLiteral("number"), QStringLiteral("numbers")},
        {QStringLiteral("prompt"), QStringLiteral("prompts")},     {QStringLiteral("function"), QStringLiteral("functions")},
        {QStringLiteral("phone"), QStringLiteral("phones")},       {QStringLiteral("keyTemplate"), QStringLiteral("key-templates")},
    };
    return segments.value(entity);
}

// The record an outbox entry changes: sub-resources of a user chain on the user's version.
QString recordKey(const OutboxEntry &e)
{
    if (e.entity.startsWith(QLatin1String("user_")))
        return QStringLiteral("user/") + e.entityId;
    return e.entity + QLatin1Char('/') + e.entityId;
}

const char *kMetaServer = "sync.server";
const char *kMetaUsername = "sync.username";
const char *kMetaDomain = "sync.domain";
const char *kMetaOrgId = "sync.orgId";
const char *kMetaCursor = "sync.cursor";
const char *kMetaLastSync = "sync.lastSync";

} // namespace

Result<SyncSettings> SyncSettings::load(Store &store)
{
    auto q = store.database().exec(QStringLiteral("SELECT key, value FROM store_meta WHERE key LIKE 'sync.%'"));
    if (!q)
        return q.error();
    SyncSettings s;
    while (q->next()) {
        const QString key = q->value(0).toString();
        const QString value = q->value(1).toString();
        if (key == QLatin1String(kMetaServer))
            s.server = value;
        else if (key == QLatin1String(kMetaUsername))
            s.username = value;
        else if (key == QLatin1String(kMetaDomain))
            s.domain = value;
        else if (key == QLatin1String(kMetaOrgId))
            s.orgId = value;
        else if (key == QLatin1String(kMetaCursor))
            s.cursor = value;
        else if (key == QLatin1String(kMetaLastSync))
            s.lastSync = QDateTime::fromString(value, Qt::ISODate);
    }
    return s;
}

Status SyncSettings::save(Store &store) const
{
    Database &db = store.database();
    return db.transaction([&]() -> Status {
        const QList<QPair<const char *, QString>> values{{kMetaServer, server},
                                                         {kMetaUsername, username},
                                                         {kMetaDomain, domain},
                                                         {kMetaOrgId, orgId},
                                                         {kMetaCursor, cursor},
                                                         {kMetaLastSync, lastSync.isValid() ? lastSync.toString(Qt::ISODate) : QString()}};
        for (const auto &[key, value] : values) {
            auto q = db.exec(QStringLiteral("INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
                             {QString::fromLatin1(key), value});
            if (!q)
                return q.error();
        }
        return {};
    });
}

QString SyncConflict::title() const
{
    const QJsonObject &r = local.isEmpty() ? server : local;
    auto name = [&]() -> QString {
        const QString first = r.value(QLatin1String("firstName")).toString();
        const QString last = r.value(QLatin1String("lastName")).toString();
        if (!first.isEmpty() || !last.isEmpty())
            return QStringList{first, last}.join(QLatin1Char(' ')).trimmed();
        for (const char *f : {"name", "title", "number", "mac", "username", "domain"}) {
            const QString v = r.value(QLatin1String(f)).toString();
            if (!v.isEmpty())
                return v;
        }
        return entityId;
    };
    static const QHash<QString, const char *> kinds{
        {QStringLiteral("group"), QT_TRANSLATE_NOOP("SyncEngine", "User group")},
        {QStringLiteral("user"), QT_TRANSLATE_NOOP("SyncEngine", "User")},
        {QStringLiteral("contact"), QT_TRANSLATE_NOOP("SyncEngine", "Contact")},
        {QStringLiteral("number"), QT_TRANSLATE_NOOP("SyncEngine", "Number")},
        {QStringLiteral("prompt"), QT_TRANSLATE_NOOP("SyncEngine", "Voice prompt")},
        {QStringLiteral("function"), QT_TRANSLATE_NOOP("SyncEngine", "Function number")},
        {QStringLiteral("event"), QT_TRANSLATE_NOOP("SyncEngine", "Calendar event")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("SyncEngine", "SIP phone")},
        {QStringLiteral("keyTemplate"), QT_TRANSLATE_NOOP("SyncEngine", "Key template")},
        {QStringLiteral("organisation"), QT_TRANSLATE_NOOP("SyncEngine", "Organisation")},
        {QStringLiteral("welcome_message"), QT_TRANSLATE_NOOP("SyncEngine", "Welcome message to")},
        {QStringLiteral("user_pin"), QT_TRANSLATE_NOOP("SyncEngine", "PIN of")},
        {QStringLiteral("user_password"), QT_TRANSLATE_NOOP("SyncEngine", "Password of")},
        {QStringLiteral("user_photo"), QT_TRANSLATE_NOOP("SyncEngine", "Photo of")},
    };
    const char *kind = kinds.value(entity, nullptr);
    return (kind ? SyncEngine::tr(kind) : entity) + QStringLiteral(" ") + (subject.isEmpty() ? name() : subject);
}

QString SyncConflict::reason() const
{
    if (rejected())
        return server.value(QLatin1String("detail")).toString(server.value(QLatin1String("title")).toString());
    if (serverDeleted)
        return SyncEngine::tr("It was deleted on the server after you changed it here.");
    return SyncEngine::tr("It was changed on the server (now version %1) after you changed it here.").arg(serverVersion);
}

SyncEngine::SyncEngine(Store &store, Connector &connector, SyncSettings settings)
    : m_store(store), m_connector(connector), m_settings(std::move(settings))
{
}

QString SyncEngine::tableOf(const QString &entity)
{
    static const QHash<QString, QString> tables{
        {QStringLiteral("organisation"), QStringLiteral("organisation")}, {QStringLiteral("group"), QStringLiteral("user_group")},
        {QStringLiteral("user"), QStringLiteral("app_user")},             {QStringLiteral("contact"), QStringLiteral("contact")},
        {QStringLiteral("number"), QStringLiteral("pool_number")},        {QStringLiteral("prompt"), QStringLiteral("voice_prompt")},
        {QStringLiteral("function"), QStringLiteral("function_number")},  {QStringLiteral("event"), QStringLiteral("schedule_event")},
        {QStringLiteral("phone"), QStringLiteral("sip_phone")},           {QStringLiteral("keyTemplate"), QStringLiteral("key_template")},
    };
    return tables.value(entity);
}

Result<SyncReport> SyncEngine::run(const Progress &progress)
{
    m_sent = 0;
    Result<SyncReport> pushed = push(progress);
    if (!pushed)
        return pushed.error();
    Result<SyncReport> pulled = pull(progress);
    if (!pulled)
        return pulled.error();
    SyncReport report = pushed.value();
    report.pulled = pulled->pulled;
    report.held = pulled->held;
    report.fullPull = pulled->fullPull;
    return report;
}

Result<PushOperation> SyncEngine::operationFor(const OutboxEntry &entry, QHash<QString, qint64> &expected, bool *supported)
{
    *supported = true;
    const QString base = QStringLiteral("/api/v1/orgs/") + QString::fromLatin1(QUrl::toPercentEncoding(m_settings.domain));
    PushOperation op;
    op.idempotencyKey = entry.idempotencyKey;
    op.body = entry.payload;
    const QString key = recordKey(entry);
    if (entry.entity == QLatin1String("organisation")) {
        // The organisation exists on the server already: this store's record replaces it.
        if (m_orgVersion < 0) {
            Result<QJsonObject> org = m_connector.organisation(m_settings.domain);
            if (!org)
                return org.error();
            m_orgVersion = org->value(QLatin1String("version")).toInteger();
        }
        op.method = QStringLiteral("PUT");
        op.path = base;
        op.ifMatch = '"' + QByteArray::number(m_orgVersion) + '"';
        ++m_orgVersion;
        return op;
    }
    QString path;
    if (entry.entity == QLatin1String("event")) {
        const QString function = entry.payload.value(QLatin1String("functionId")).toString();
        if (function.isEmpty()) {
            *supported = false;
            return op;
        }
        path = base + QStringLiteral("/functions/%1/events/%2").arg(function, entry.entityId);
    } else {
        // A PIN or a password goes as the Argon2id hash this store made: neither was kept in clear.
        // Both chain on the user's version.
        static const QHash<QString, std::pair<QString, QString>> hashed{
            {QStringLiteral("user_pin"), {QStringLiteral("pin"), QStringLiteral("pinHash")}},
            {QStringLiteral("user_password"), {QStringLiteral("password"), QStringLiteral("passwordHash")}}};
        if (const auto it = hashed.constFind(entry.entity); it != hashed.cend()) {
            const auto &[segment, field] = it.value();
            const qint64 v = expected.value(key, entry.baseVersion);
            op.method = QStringLiteral("PUT");
            op.path = base + QStringLiteral("/users/%1/%2").arg(entry.entityId, segment);
            op.ifMatch = '"' + QByteArray::number(v) + '"';
            op.body = {{field, entry.payload.value(field).toString()}};
            expected.insert(key, v + 1);
            return op;
        }
        if (entry.entity == QLatin1String("welcome_message")) {
            // A welcome message asked for offline: the server's welcome route, in the batch after
            // the user's own changes. Its idempotency key makes a retried batch send it once.
            const QString user = entry.payload.value(QLatin1String("user")).toString();
            if (user.isEmpty()) {
                *supported = false;
                return op;
            }
            op.method = QStringLiteral("POST");
            op.path = base + QStringLiteral("/users/%1/welcome").arg(user);
            QJsonObject body{{QStringLiteral("channels"), QJsonArray{entry.payload.value(QLatin1String("channel")).toString()}}};
            const QString via = entry.payload.value(QLatin1String("via")).toString();
            body.insert(QStringLiteral("delivery"), via == QLatin1String("email") || via == QLatin1String("sms") ? via : QStringLiteral("auto"));
            op.body = body;
            return op;
        }
        const QString segment = segmentOf(entry.entity);
        if (segment.isEmpty()) {
            // Nothing else the server takes yet.
            *supported = false;
            return op;
        }
        path = base + QLatin1Char('/') + segment + QLatin1Char('/') + entry.entityId;
    }
    op.path = path;
    if (entry.operation == QLatin1String("create")) {
        op.method = QStringLiteral("PUT");
        op.create = true;
        expected.insert(key, 1);
    } else {
        const qint64 v = expected.value(key, entry.baseVersion);
        op.method = entry.operation == QLatin1String("delete") ? QStringLiteral("DELETE") : QStringLiteral("PUT");
        op.ifMatch = '"' + QByteArray::number(v) + '"';
        if (entry.operation == QLatin1String("delete"))
            op.body = {};
        expected.insert(key, v + 1);
    }
    return op;
}

Status SyncEngine::acknowledge(const OutboxEntry &entry, qint64 version)
{
    Database &db = m_store.database();
    return db.transaction([&]() -> Status {
        if (auto q = db.exec(QStringLiteral("DELETE FROM outbox WHERE seq = ?"), {entry.seq}); !q)
            return q.error();
        const QString entity = entry.entity.startsWith(QLatin1String("user_")) ? QStringLiteral("user") : entry.entity;
        const QString table = tableOf(entity);
        if (table.isEmpty() || version < 0 || entry.operation == QLatin1String("delete"))
            return {};
        auto more = db.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE entity_id = ?"), {entry.entityId});
        if (!more)
            return more.error();
        const bool dirty = more->next() && more->value(0).toInt() > 0;
        if (auto q = db.exec(QStringLiteral("UPDATE %1 SET version = ?, dirty = ? WHERE id = ?").arg(table), {version, dirty ? 1 : 0, entry.entityId}); !q)
            return q.error();
        return {};
    });
}

Status SyncEngine::recordConflict(const OutboxEntry &entry, const PushResult &result)
{
    QJsonObject server = result.body;
    qint64 serverVersion = -1;
    bool deleted = false;
    if (result.status == 412) {
        serverVersion = server.value(QLatin1String("currentVersion")).toInteger(-1);
        const QJsonObject current = server.value(QLatin1String("current")).toObject();
        if (serverVersion < 0 || current.isEmpty()) {
            deleted = true;
            serverVersion = 0;
        }
        server = current;
    } else if (result.status == 404 && entry.operation != QLatin1String("create")) {
        deleted = true;
        serverVersion = 0;
    }
    auto q = m_store.database().exec(
        QStringLiteral("INSERT INTO sync_conflict (outbox_seq, entity, entity_id, operation, local_payload, server_record, server_version, "
                       "server_deleted, detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (outbox_seq) DO UPDATE SET "
                       "server_record = excluded.server_record, server_version = excluded.server_version, server_deleted = excluded.server_deleted"),
        {entry.seq, entry.entity, entry.entityId, entry.operation, compact(entry.payload), compact(server), serverVersion, deleted ? 1 : 0,
         QDateTime::currentDateTimeUtc().toString(Qt::ISODate)});
    if (!q)
        return q.error();
    return {};
}

Result<SyncReport> SyncEngine::push(const Progress &progress)
{
    SyncReport report;
    Result<QList<OutboxEntry>> pending = m_store.outbox.pending();
    if (!pending)
        return pending.error();
    QSet<QString> blocked;
    {
        auto q = m_store.database().exec(QStringLiteral("SELECT entity, entity_id FROM sync_conflict"));
        if (!q)
            return q.error();
        while (q->next()) {
            OutboxEntry e;
            e.entity = q->value(0).toString();
            e.entityId = q->value(1).toString();
            blocked.insert(recordKey(e));
        }
    }
    m_orgVersion = -1;
    QHash<QString, qint64> expected;
    QList<OutboxEntry> chunk;
    QList<PushOperation> ops;
    const int total = static_cast<int>(pending->size());
    int done = 0;

    // One answer of the server: the change is done, waits, or is a conflict to resolve.
    auto handle = [&](const OutboxEntry &entry, const PushResult &r) -> Status {
        if (r.outcome == QLatin1String("applied") || r.outcome == QLatin1String("replayed")) {
            if (Status s = acknowledge(entry, r.version); !s)
                return s;
            ++(r.outcome == QLatin1String("applied") ? report.pushed : report.replayed);
        } else if (r.outcome == QLatin1String("skipped") || r.status >= 500 || r.status == 429 || r.status == 0) {
            ++report.waiting;
            blocked.insert(recordKey(entry));
        } else {
            if (Status s = recordConflict(entry, r); !s)
                return s;
            ++report.conflicts;
            blocked.insert(recordKey(entry));
        }
        return {};
    };

    auto send = [&]() -> Status {
        if (ops.isEmpty())
            return {};
        Result<QList<PushResult>> results = m_connector.push(m_settings.domain, ops, QUuid::createUuid().toString(QUuid::WithoutBraces));
        if (!results)
            return results.error();
        // The whole batch's answers in one local transaction.
        const Status recorded = m_store.database().transaction([&]() -> Status {
            for (int i = 0; i < results->size(); ++i) {
                if (Status s = handle(chunk.at(i), results->at(i)); !s)
                    return s;
            }
            return {};
        });
        if (!recorded)
            return recorded;
        done += static_cast<int>(ops.size());
        if (progress)
            progress(tr("Sending changes"), done, total);
        ops.clear();
        chunk.clear();
        return {};
    };

    for (const OutboxEntry &entry : *pending) {
        if (ops.isEmpty() && cancelled())
            return cancelledError(report.pushed + report.replayed, 0);
        const QString key = recordKey(entry);
        if (blocked.contains(key)) {
            ++report.waiting;
            continue;
        }
        if (entry.entity == QLatin1String("user_photo")) {
            // A JPEG is not JSON: it goes on its own request, after the changes before it.
            if (Status s = send(); !s)
                return s.error();
            if (blocked.contains(key)) {
                ++report.waiting;
                continue;
            }
            Result<PushResult> r = sendPhoto(entry, expected);
            if (!r)
                return r.error();
            if (Status s = m_store.database().transaction([&] { return handle(entry, r.value()); }); !s)
                return s.error();
            ++done;
            if (progress)
                progress(tr("Sending changes"), done, total);
            continue;
        }
        bool supported = true;
        Result<PushOperation> op = operationFor(entry, expected, &supported);
        if (!op)
            return op.error();
        if (!supported) {
            // Kept for a server that takes it; the record's other changes go on.
            ++report.waiting;
            continue;
        }
        ops << op.value();
        chunk << entry;
        if (ops.size() >= m_batchSize) {
            if (Status s = send(); !s)
                return s.error();
        }
    }
    if (Status s = send(); !s)
        return s.error();
    m_sent = report.pushed + report.replayed;
    return report;
}

Error SyncEngine::cancelledError(int sent, int received) const
{
    return Error {ErrorCode::Cancelled,
        tr("Sync stopped: %n change(s) sent and %1 received until then are kept; the next sync goes on from there.", nullptr, sent)
            .arg(received),
        QStringLiteral("cancelled")};
}

Result<PushResult> SyncEngine::sendPhoto(const OutboxEntry &entry, QHash<QString, qint64> &expected)
{
    const QString key = recordKey(entry);
    const qint64 v = expected.value(key, entry.baseVersion);
    const QString path = QStringLiteral("/api/v1/orgs/%1/users/%2/photo")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_settings.domain)), entry.entityId);
    const QByteArray jpeg = QByteArray::fromBase64(entry.payload.value(QLatin1String("photo")).toString().toLatin1());
    const QByteArray ifMatch = '"' + QByteArray::number(v) + '"';
    Result<PushResult> r = jpeg.isEmpty()
        ? m_connector.write(QStringLiteral("DELETE"), path, {}, {}, ifMatch, entry.idempotencyKey)
        : m_connector.write(QStringLiteral("PUT"), path, QByteArrayLiteral("image/jpeg"), jpeg, ifMatch, entry.idempotencyKey);
    if (r && (r->outcome == QLatin1String("applied") || r->outcome == QLatin1String("replayed")))
        expected.insert(key, r->version >= 0 ? r->version : v + 1);
    return r;
}

Result<bool> SyncEngine::hasLocalChanges(const QString &entity, const QString &id)
{
    auto q = m_store.database().exec(QStringLiteral("SELECT (SELECT count(*) FROM outbox WHERE entity_id = ? AND (entity = ? OR entity LIKE 'user\\_%' ESCAPE '\\')) "
                                                    "+ (SELECT count(*) FROM sync_conflict WHERE entity_id = ?)"),
                                     {id, entity, id});
    if (!q)
        return q.error();
    return q->next() && q->value(0).toInt() > 0;
}

Status SyncEngine::applyRecord(const QString &entity, const QString &id, const QJsonObject &record, qint64 version)
{
    Store &s = m_store;
    auto upsert = [&](auto exists, auto create, auto update) -> Status {
        if (exists())
            return update();
        return create();
    };
    Status status;
    if (entity == QLatin1String("group")) {
        auto r = UserGroup::fromJson(record);
        if (!r)
            return r.error();
        status = upsert([&] { return s.groups.get(id).ok(); }, [&]() -> Status { auto c = s.groups.create(r.value()); return c ? Status() : Status(c.error()); },
                        [&] { return s.groups.update(r.value()); });
    } else if (entity == QLatin1String("user")) {
        auto r = User::fromJson(record);
        if (!r)
            return r.error();
        status = upsert([&] { return s.users.get(id).ok(); }, [&]() -> Status { auto c = s.users.create(r.value()); return c ? Status() : Status(c.error()); },
                        [&] { return s.users.update(r.value()); });
        if (status) {
            // The photo is not in the feed: fetched when the server's differs from this store's.
            const QByteArray local = s.users.photo(id).value();
            const QString sha = record.value(QLatin1String("photoSha256")).toString();
            if (!record.value(QLatin1String("hasPhoto")).toBool()) {
                if (!local.isEmpty())
                    status = s.users.setPhoto(id, {});
            } else if (!sha.isEmpty() && QString::fromLatin1(QCryptographicHash::hash(local, QCryptographicHash::Sha256).toHex()) != sha) {
                Result<QByteArray> photo = m_connector.fetchBytes(QStringLiteral("/api/v1/orgs/%1/users/%2/photo")
                                                                      .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_settings.domain)), id));
                if (!photo)
                    return photo.error();
                status = s.users.setPhoto(id, photo.value());
            }
        }
    } else if (entity == QLatin1String("contact")) {
        auto r = Contact::fromJson(record);
        if (!r)
            return r.error();
        status = upsert([&] { return s.contacts.get(id).ok(); }, [&]() -> Status { auto c = s.contacts.create(r.value()); return c ? Status() : Status(c.error()); },
                        [&] { return s.contacts.update(r.value()); });
    } else if (entity == QLatin1String("phone")) {
        auto r = SipPhone::fromJson(record);
        if (!r)
            return r.error();
        // The SIP password never travels back from the server: this store keeps its own. A phone
        // whose settings did not change keeps its state on the desk.
        std::optional<bool> pendingBefore;
        if (auto local = s.phones.get(id)) {
            r->sipPassword = local->sipPassword;
            if (local->toJson() == r->toJson())
                pendingBefore = local->pendingPush;
        }
        status = upsert([&] { return s.phones.get(id).ok(); }, [&]() -> Status { auto c = s.phones.create(r.value()); return c ? Status() : Status(c.error()); },
                        [&] { return s.phones.update(r.value()); });
        if (status && pendingBefore)
            status = s.phones.setPendingPush(id, *pendingBefore);
    } else if (entity == QLatin1String("keyTemplate")) {
        auto r = KeyTemplate::fromJson(record);
        if (!r)
            return r.error();
        status = upsert([&] { return s.templates.get(id).ok(); }, [&]() -> Status { auto c = s.templates.create(r.value()); return c ? Status() : Status(c.error()); },
                        [&] { return s.templates.update(r.value()); });
    } else if (entity == QLatin1String("prompt")) {
        auto r = VoicePrompt::fromJson(record);
        if (!r)
            return r.error();
        // The audio is not in the feed: fetched when the server's differs from this store's.
        const QString sha = record.value(QLatin1String("audioSha256")).toString();
        if (record.value(QLatin1String("hasAudio")).toBool() && !sha.isEmpty()) {
            const QByteArray local = s.prompts.get(id) ? s.prompts.audio(id).value() : QByteArray();
            if (local.isEmpty() || QString::fromLatin1(QCryptographicHash::hash(local, QCryptographicHash::Sha256).toHex()) != sha) {
                Result<QByteArray> audio = m_connector.fetchBytes(QStringLiteral("/api/v1/orgs/%1/prompts/%2/audio")
                                                                       .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_settings.domain)), id));
                if (!audio)
                    return audio.error();
                r->audio = audio.value();
            }
        }
        status = upsert([&] { return s.prompts.get(id).ok(); }, [&]() -> Status { auto c = s.prompts.create(r.value()); return c ? Status() : Status(c.error()); },
                        [&] { return s.prompts.update(r.value()); });
    } else if (entity == QLatin1String("function")) {
        auto r = FunctionNumber::fromJson(record);
        if (!r)
            return r.error();
        status = upsert([&] { return s.functions.get(id).ok(); }, [&]() -> Status { auto c = s.functions.create(r.value()); return c ? Status() : Status(c.error()); },
                        [&] { return s.functions.update(r.value()); });
    } else if (entity == QLatin1String("event")) {
        auto r = ScheduleEvent::fromJson(record);
        if (!r)
            return r.error();
        status = upsert([&] { return s.functions.getEvent(id).ok(); },
                        [&]() -> Status { auto c = s.functions.addEvent(r.value()); return c ? Status() : Status(c.error()); },
                        [&] { return s.functions.updateEvent(r.value()); });
        // The server's position, as it is: every event it moved comes in the feed with its own.
        if (status) {
            if (auto q = s.database().exec(QStringLiteral("UPDATE schedule_event SET position = ? WHERE id = ?"), {r->position, id}); !q)
                status = q.error();
        }
    } else if (entity == QLatin1String("number")) {
        auto r = PoolNumber::fromJson(record);
        if (!r)
            return r.error();
        const PoolNumber n = r.value();
        if (!s.numbers.get(id)) {
            PoolNumber free = n;
            free.userId.clear();
            free.functionId.clear();
            if (auto c = s.numbers.create(free); !c)
                return c.error();
        }
        if (!n.userId.isEmpty())
            status = s.numbers.assignToUser(id, n.userId);
        else if (!n.functionId.isEmpty())
            status = s.numbers.assignToFunction(id, n.functionId);
        else
            status = s.numbers.release(id);
    } else if (entity == QLatin1String("organisation")) {
        auto r = Organisation::fromJson(record);
        if (!r)
            return r.error();
        auto current = s.organisation.current();
        if (current && current->id != id) {
            // The server's organisation is the one: this store adopts its id.
            if (auto q = s.database().exec(QStringLiteral("UPDATE organisation SET id = ? WHERE id = ?"), {id, current->id}); !q)
                return q.error();
        }
        status = current ? s.organisation.update(r.value()) : [&]() -> Status { auto c = s.organisation.create(r.value()); return c ? Status() : Status(c.error()); }();
        s.refreshOrganisation();
    } else {
        return {}; // a kind of record this version does not know: ignored
    }
    if (!status)
        return status;
    const QString table = tableOf(entity);
    if (auto q = s.database().exec(QStringLiteral("UPDATE %1 SET version = ?, dirty = 0 WHERE id = ?").arg(table), {version, id}); !q)
        return q.error();
    return {};
}

Status SyncEngine::removeRecord(const QString &entity, const QString &id)
{
    Store &s = m_store;
    Status status;
    if (entity == QLatin1String("group"))
        status = s.groups.get(id) ? s.groups.remove(id) : Status();
    else if (entity == QLatin1String("user"))
        status = s.users.get(id) ? s.users.remove(id) : Status();
    else if (entity == QLatin1String("contact"))
        status = s.contacts.get(id) ? s.contacts.remove(id) : Status();
    else if (entity == QLatin1String("phone"))
        status = s.phones.get(id) ? s.phones.remove(id) : Status();
    else if (entity == QLatin1String("keyTemplate"))
        status = s.templates.get(id) ? s.templates.remove(id) : Status();
    else if (entity == QLatin1String("prompt"))
        status = s.prompts.get(id) ? s.prompts.remove(id) : Status();
    else if (entity == QLatin1String("function"))
        status = s.functions.get(id) ? s.functions.remove(id) : Status();
    else if (entity == QLatin1String("event"))
        status = s.functions.getEvent(id) ? s.functions.removeEvent(id) : Status();
    else if (entity == QLatin1String("number")) {
        if (s.numbers.get(id)) {
            status = s.numbers.release(id);
            if (status)
                status = s.numbers.remove(id);
        }
    }
    return status;
}

Status SyncEngine::applyChange(const QJsonObject &change)
{
    const QString entity = change.value(QLatin1String("entity")).toString();
    const QString id = change.value(QLatin1String("id")).toString();
    if (tableOf(entity).isEmpty() || id.isEmpty())
        return {};
    // A record with changes of its own here waits: they are pushed first, and a stale one
    // becomes a conflict the administrator resolves.
    Result<bool> local = hasLocalChanges(entity, id);
    if (!local)
        return local.error();
    if (local.value())
        return {};
    Database &db = m_store.database();
    const bool upsert = change.value(QLatin1String("operation")).toString() != QLatin1String("delete");
    if (upsert) {
        // This store has that version already (its own change, acknowledged): nothing to do.
        auto q = db.exec(QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(tableOf(entity)), {id});
        if (!q)
            return q.error();
        if (q->next() && q->value(0).toLongLong() >= change.value(QLatin1String("version")).toInteger())
            return {};
    }
    db.setApplyingRemote(true);
    const Status s = db.transaction([&]() -> Status {
        if (!upsert)
            return removeRecord(entity, id);
        return applyRecord(entity, id, change.value(QLatin1String("record")).toObject(), change.value(QLatin1String("version")).toInteger());
    });
    db.setApplyingRemote(false);
    return s;
}

Result<SyncReport> SyncEngine::pull(const Progress &progress)
{
    SyncReport report;
    QString cursor = m_settings.cursor;
    // A store without its organisation (a new one) takes it first: every record depends on it.
    if (!m_store.organisation.current()) {
        Result<QJsonObject> org = m_connector.organisation(m_settings.domain);
        if (!org)
            return org.error();
        const QJsonObject change{{QStringLiteral("entity"), QStringLiteral("organisation")},
                                 {QStringLiteral("id"), org->value(QLatin1String("id")).toString()},
                                 {QStringLiteral("operation"), QStringLiteral("upsert")},
                                 {QStringLiteral("version"), org->value(QLatin1String("version"))},
                                 {QStringLiteral("record"), org.value()}};
        if (Status s = applyChange(change); !s)
            return s.error();
    }
    bool restarted = false;
    // The feed gives each record's latest state once, so a record can come before one it refers
    // to (a user before the group it joined, renamed since): such changes wait for the end of the
    // pull, and the cursor is kept back until they are applied.
    QList<QJsonObject> deferred;
    auto retryDeferred = [&]() -> Status {
        while (!deferred.isEmpty()) {
            QList<QJsonObject> still;
            Error last;
            for (const QJsonObject &change : deferred) {
                if (Status s = applyChange(change); !s) {
                    still << change;
                    last = s.error();
                } else {
                    ++report.pulled;
                }
            }
            if (still.size() == deferred.size()) {
                // They clash with this store's own unsent changes (a name taken twice, say): they
                // wait for the conflict's resolution, and the feed is read again from here.
                for (const QJsonObject &change : still)
                    qCWarning(lcSync).noquote() << "waiting:" << change.value(QLatin1String("entity")).toString()
                                                << change.value(QLatin1String("id")).toString() << last.message;
                report.held = static_cast<int>(still.size());
                return {};
            }
            deferred = still;
        }
        return {};
    };
    for (;;) {
        if (cancelled() && deferred.isEmpty())
            return cancelledError(m_sent, report.pulled);
        Result<ChangePage> page = m_connector.pull(m_settings.domain, cursor, 1000);
        if (!page) {
            if (page.error().code == ErrorCode::Conflict && !restarted) {
                // The server no longer keeps deletions that old: everything again from the start.
                restarted = true;
                report.fullPull = true;
                cursor.clear();
                continue;
            }
            return page.error();
        }
        for (const QJsonObject &change : page->changes) {
            if (Status s = applyChange(change); !s) {
                qCInfo(lcSync).noquote() << "later:" << change.value(QLatin1String("entity")).toString()
                                         << change.value(QLatin1String("id")).toString() << s.error().message;
                deferred << change;
                continue;
            }
            ++report.pulled;
        }
        cursor = page->nextCursor;
        if (!deferred.isEmpty() && !page->hasMore) {
            if (Status s = retryDeferred(); !s)
                return s.error();
        }
        if (report.held > 0)
            break; // the cursor stays before the held changes
        if (deferred.isEmpty()) {
            m_settings.cursor = cursor;
            if (Status s = m_settings.save(m_store); !s)
                return s.error();
        }
        if (progress)
            progress(tr("Receiving changes"), report.pulled, report.pulled + (page->hasMore ? 1000 : 0));
        if (!page->hasMore)
            break;
    }
    m_settings.lastSync = QDateTime::currentDateTimeUtc();
    if (Status s = m_settings.save(m_store); !s)
        return s.error();
    Result<int> waiting = m_store.outbox.count();
    report.waiting = waiting ? waiting.value() : 0;
    return report;
}

Result<int> SyncEngine::queueEverything()
{
    Store &s = m_store;
    Database &db = s.database();
    int queued = 0;
    auto idsOf = [&](const QString &table) -> Result<QStringList> {
        auto q = db.exec(QStringLiteral("SELECT id FROM %1 ORDER BY rowid").arg(table));
        if (!q)
            return q.error();
        QStringList ids;
        while (q->next())
            ids << q->value(0).toString();
        return ids;
    };
    auto queue = [&](const QString &entity, const QString &id, const QJsonObject &payload, Database::Operation op) -> Status {
        ++queued;
        return db.appendOutbox(entity, id, op, payload, 0);
    };
    const Status status = db.transaction([&]() -> Status {
        if (auto org = s.organisation.current()) {
            if (Status q = queue(QStringLiteral("organisation"), org->id, org->toJson(), Database::Operation::Update); !q)
                return q;
        }
        // In an order where every record comes after those it refers to.
        const QStringList order{QStringLiteral("group"), QStringLiteral("user"), QStringLiteral("prompt"), QStringLiteral("function"),
                                QStringLiteral("event"), QStringLiteral("number"), QStringLiteral("contact"), QStringLiteral("phone"),
                                QStringLiteral("keyTemplate")};
        for (const QString &entity : order) {
            Result<QStringList> ids = idsOf(tableOf(entity));
            if (!ids)
                return ids.error();
            for (const QString &id : *ids) {
                QJsonObject payload;
                if (entity == QLatin1String("group")) {
                    auto r = s.groups.get(id);
                    if (!r)
                        return r.error();
                    payload = r->toJson();
                } else if (entity == QLatin1String("user")) {
                    auto r = s.users.get(id);
                    if (!r)
                        return r.error();
                    payload = r->toJson();
                } else if (entity == QLatin1String("prompt")) {
                    auto r = s.prompts.get(id);
                    if (!r)
                        return r.error();
                    VoicePrompt p = r.value();
                    if (p.audio.isEmpty()) {
                        if (auto audio = s.prompts.audio(id))
                            p.audio = audio.value();
                    }
                    payload = p.toJson();
                } else if (entity == QLatin1String("function")) {
                    auto r = s.functions.get(id);
                    if (!r)
                        return r.error();
                    payload = r->toJson();
                } else if (entity == QLatin1String("event")) {
                    auto r = s.functions.getEvent(id);
                    if (!r)
                        return r.error();
                    payload = r->toJson();
                } else if (entity == QLatin1String("number")) {
                    auto r = s.numbers.get(id);
                    if (!r)
                        return r.error();
                    payload = r->toJson();
                } else if (entity == QLatin1String("contact")) {
                    auto r = s.contacts.get(id);
                    if (!r)
                        return r.error();
                    payload = r->toJson();
                } else if (entity == QLatin1String("phone")) {
                    auto r = s.phones.get(id);
                    if (!r)
                        return r.error();
                    payload = r->toJson();
                } else {
                    auto r = s.templates.get(id);
                    if (!r)
                        return r.error();
                    payload = r->toJson();
                }
                if (Status q = queue(entity, id, payload, Database::Operation::Create); !q)
                    return q;
            }
        }
        return {};
    });
    if (!status)
        return status.error();
    return queued;
}

Result<QList<SyncConflict>> SyncEngine::conflicts()
{
    auto q = m_store.database().exec(QStringLiteral("SELECT id, outbox_seq, entity, entity_id, operation, local_payload, server_record, "
                                                    "server_version, server_deleted, detected_at FROM sync_conflict ORDER BY id"));
    if (!q)
        return q.error();
    QList<SyncConflict> out;
    while (q->next()) {
        SyncConflict c;
        c.id = q->value(0).toLongLong();
        c.outboxSeq = q->value(1).toLongLong();
        c.entity = q->value(2).toString();
        c.entityId = q->value(3).toString();
        c.operation = q->value(4).toString();
        c.local = parse(q->value(5));
        c.server = parse(q->value(6));
        c.serverVersion = q->value(7).toLongLong();
        c.serverDeleted = q->value(8).toInt() != 0;
        c.detectedAt = QDateTime::fromString(q->value(9).toString(), Qt::ISODate);
        out << c;
    }
    // A user's own changes are named after the user, as the administrator knows them.
    for (SyncConflict &c : out) {
        if (!c.entity.startsWith(QLatin1String("user_")) && c.entity != QLatin1String("welcome_message"))
            continue;
        const QString userId = c.entity == QLatin1String("welcome_message") ? c.local.value(QLatin1String("user")).toString() : c.entityId;
        if (auto user = m_store.users.get(userId); user)
            c.subject = user->displayName();
    }
    return out;
}

Result<SyncConflict> SyncEngine::conflict(qint64 conflictId)
{
    Result<QList<SyncConflict>> all = conflicts();
    if (!all)
        return all.error();
    for (const SyncConflict &c : *all) {
        if (c.id == conflictId)
            return c;
    }
    return Error{ErrorCode::NotFound, tr("There is no conflict %1.").arg(conflictId), QStringLiteral("conflict")};
}

Status SyncEngine::keepMine(qint64 conflictId)
{
    Result<SyncConflict> found = conflict(conflictId);
    if (!found)
        return found.error();
    const SyncConflict c = found.value();
    {
        Database &db = m_store.database();
        return db.transaction([&]() -> Status {
            QString operation = c.operation;
            qint64 base = c.serverVersion;
            if (!c.rejected()) {
                if (c.serverDeleted) {
                    // Deleted there: this store's record is created again (a deletion simply ends).
                    operation = c.operation == QLatin1String("delete") ? QString() : QStringLiteral("create");
                    base = 0;
                } else if (operation == QLatin1String("create")) {
                    operation = QStringLiteral("update");
                }
            } else {
                base = -1;
            }
            if (operation.isEmpty()) {
                if (auto q = db.exec(QStringLiteral("DELETE FROM outbox WHERE seq = ?"), {c.outboxSeq}); !q)
                    return q.error();
            } else if (base >= 0) {
                // Based on the server's version now, under a new key: it is a new request.
                if (auto q = db.exec(QStringLiteral("UPDATE outbox SET operation = ?, base_version = ?, idempotency_key = ? WHERE seq = ?"),
                                     {operation, base, QUuid::createUuid().toString(QUuid::WithoutBraces), c.outboxSeq});
                    !q)
                    return q.error();
                // Later queued changes of the same record follow from it.
                if (auto q = db.exec(QStringLiteral("UPDATE outbox SET base_version = ? WHERE entity_id = ? AND seq > ?"), {base, c.entityId, c.outboxSeq}); !q)
                    return q.error();
            } else {
                if (auto q = db.exec(QStringLiteral("UPDATE outbox SET idempotency_key = ? WHERE seq = ?"),
                                     {QUuid::createUuid().toString(QUuid::WithoutBraces), c.outboxSeq});
                    !q)
                    return q.error();
            }
            if (auto q = db.exec(QStringLiteral("DELETE FROM sync_conflict WHERE id = ?"), {c.id}); !q)
                return q.error();
            return {};
        });
    }
}

Status SyncEngine::takeTheirs(qint64 conflictId)
{
    Result<SyncConflict> found = conflict(conflictId);
    if (!found)
        return found.error();
    const SyncConflict c = found.value();
    {
        QJsonObject record = c.server;
        qint64 version = c.serverVersion;
        bool deleted = c.serverDeleted;
        const QString entity = c.entity.startsWith(QLatin1String("user_")) ? QStringLiteral("user") : c.entity;
        if (c.rejected() && c.operation != QLatin1String("create")) {
            // A rejected change: the server's record as it is now.
            QString path;
            const QString base = QStringLiteral("/api/v1/orgs/") + QString::fromLatin1(QUrl::toPercentEncoding(m_settings.domain));
            if (entity == QLatin1String("event"))
                path = base + QStringLiteral("/functions/%1/events/%2").arg(c.local.value(QLatin1String("functionId")).toString(), c.entityId);
            else if (entity == QLatin1String("organisation"))
                path = base;
            else
                path = base + QLatin1Char('/') + segmentOf(entity) + QLatin1Char('/') + c.entityId;
            Result<QJsonObject> fetched = m_connector.fetch(path);
            if (!fetched && fetched.error().code != ErrorCode::NotFound)
                return fetched.error();
            deleted = !fetched;
            if (fetched) {
                record = fetched.value();
                version = record.value(QLatin1String("version")).toInteger();
            }
        } else if (c.rejected()) {
            deleted = true; // a creation the server refused: it does not exist there
        }
        Database &db = m_store.database();
        // This store's changes to the record go, all of them: they were based on what it had.
        if (auto q = db.exec(QStringLiteral("DELETE FROM outbox WHERE entity_id = ?"), {c.entityId}); !q)
            return q.error();
        if (auto q = db.exec(QStringLiteral("DELETE FROM sync_conflict WHERE entity_id = ?"), {c.entityId}); !q)
            return q.error();
        db.setApplyingRemote(true);
        const Status s = db.transaction([&]() -> Status {
            if (deleted)
                return removeRecord(entity, c.entityId);
            return applyRecord(entity, c.entityId, record, version);
        });
        db.setApplyingRemote(false);
        return s;
    }
}

} // namespace centrale
