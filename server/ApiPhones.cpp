// SIP phones: the provisioning file an administrator reads, and "save and reload" (a check-sync
// NOTIFY to each phone, as the desktop and the command line send it).

#include "Api.h"
#include "ApiSupport.h"

#include "devices/PhoneProvisioning.h"
#include "devices/RendererRegistry.h"
#include "devices/SipPhoneReloader.h"
#include "domain/KeyTemplate.h"
#include "domain/SipPhone.h"
#include "domain/User.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

namespace centrale::server {

namespace {

// However the SIP exchange goes, an answer comes within this (RFC 3261 timer B is 32 s).
constexpr int kReloadGuardMs = 60'000;

QString outcomeName(ReloadResult::Outcome outcome)
{
    switch (outcome) {
    case ReloadResult::Outcome::Reloaded: return QStringLiteral("reloaded");
    case ReloadResult::Outcome::Refused: return QStringLiteral("refused");
    case ReloadResult::Outcome::NoAnswer:
    case ReloadResult::Outcome::Error: break;
    }
    return QStringLiteral("no-answer");
}

} // namespace

Api::Outcome Api::phoneProvisioning(const Caller &caller, const QString &phoneSegment)
{
    const EntityType &userType = *Entities::byName(QStringLiteral("user"));
    auto phoneRecord = readOwner(caller, *Entities::byName(QStringLiteral("phone")), phoneSegment);
    if (auto *p = std::get_if<Problem>(&phoneRecord))
        return *p;
    const Owned owner = std::get<Owned>(phoneRecord);
    Result<SipPhone> phone = SipPhone::fromJson(owner.body);
    if (!phone)
        return validationProblem(phone.error());

    // The owner's groups' key templates, in membership order, complete the phone's own keys.
    QList<AppliedTemplate> templates;
    if (!phone->ownerId.isEmpty()) {
        auto user = readOwner(caller, userType, phone->ownerId);
        const QJsonArray groups = std::holds_alternative<Owned>(user) ? std::get<Owned>(user).body.value(QLatin1String("groups")).toArray() : QJsonArray();
        for (const QJsonValue &g : groups) {
            auto group = readOwner(caller, *Entities::byName(QStringLiteral("group")), g.toString());
            if (!std::holds_alternative<Owned>(group))
                continue;
            auto q = m_db.exec(QStringLiteral("SELECT body FROM record WHERE org_id = ? AND entity = 'keyTemplate' AND deleted = 0 AND id IN "
                                              "(SELECT from_id FROM record_ref WHERE org_id = ? AND from_entity = 'keyTemplate' "
                                              "AND to_entity = 'group' AND to_id = ?) ORDER BY sort_key, id"),
                               {caller.orgId, caller.orgId, g.toString()});
            if (!q)
                return unavailable(q.error());
            while (q->next()) {
                Result<KeyTemplate> t = KeyTemplate::fromJson(parse(q->value(0)));
                if (t)
                    templates.append({g.toString(), std::get<Owned>(group).body.value(QLatin1String("name")).toString(), t.value()});
            }
        }
    }
    const ProvisioningInput input = PhoneProvisioning::inputFrom(*phone, effectiveKeys(*phone, templates), [&](const QString &userId) -> std::optional<User> {
        auto user = readOwner(caller, userType, userId);
        if (!std::holds_alternative<Owned>(user))
            return std::nullopt; // the colleague was deleted: the key goes blank
        Result<User> u = User::fromJson(std::get<Owned>(user).body);
        return u ? std::optional<User>(u.value()) : std::nullopt;
    });
    const std::unique_ptr<RendererRegistry> registry = RendererRegistry::withKnownVendors();
    Result<ProvisioningFile> file = PhoneProvisioning::renderWith(*registry, *phone, input);
    if (!file)
        return validationProblem(file.error());
    ApiResponse r;
    r.contentType = file->vendor == QLatin1String("snom") ? QByteArrayLiteral("application/xml; charset=utf-8")
                                                          : QByteArrayLiteral("text/plain; charset=utf-8");
    r.body = file->content;
    r.setHeader(QByteArrayLiteral("ETag"), etag(owner.version));
    r.setHeader(QByteArrayLiteral("Content-Disposition"), QByteArray("inline; filename=\"" + file->fileName.toUtf8() + '"'));
    return r;
}

ApiResponse Api::reloadPhones(const ApiRequest &request, const Caller &caller, const QStringList &segments, bool many)
{
    const QByteArray key = request.header("idempotency-key");
    if (key.size() < 8 || key.size() > 128) {
        return fail(Problem::make(400, QStringLiteral("idempotency-key-required"),
                                  tr("Every write needs an Idempotency-Key header of 8 to 128 characters.")),
                    request);
    }
    // A retried request gets the first answer; the phones are not asked twice.
    if (auto r = replayed(request, caller))
        return *r;
    QStringList wanted = segments;
    if (many) {
        Problem problem;
        Result<QJsonObject> parsed = readJsonBody(request, m_options.maxJsonBytes, problem);
        if (!parsed)
            return fail(problem, request);
        const QJsonArray phones = parsed->value(QLatin1String("phones")).toArray();
        if (phones.size() > 500)
            return fail(Problem::make(413, QStringLiteral("payload-too-large"), tr("Reload at most %1 phones at a time.").arg(500)), request);
        for (const QJsonValue &p : phones)
            wanted << p.toString();
        if (wanted.isEmpty() || wanted.contains(QString()))
            return fail(validationProblem(Error::invalid(tr("Name the phones to reload, by id or MAC address."), QStringLiteral("phones"))), request);
    }
    const EntityType &phoneType = *Entities::byName(QStringLiteral("phone"));
    QList<SipPhone> phones;
    for (const QString &segment : wanted) {
        auto record = readOwner(caller, phoneType, segment);
        if (auto *p = std::get_if<Problem>(&record)) {
            if (p->status == 404 && many)
                return fail(validationProblem(Error::invalid(tr("There is no phone %1.").arg(segment), QStringLiteral("phones"))), request);
            return fail(*p, request);
        }
        Result<SipPhone> phone = SipPhone::fromJson(std::get<Owned>(record).body);
        if (!phone)
            return fail(validationProblem(phone.error()), request);
        phones << phone.value();
    }

    // Every phone is asked at once; the answers come back in any order.
    const std::unique_ptr<RendererRegistry> registry = RendererRegistry::withKnownVendors();
    SipPhoneReloader reloader;
    QList<QJsonObject> outcomes;
    QHash<quint64, qsizetype> pending;
    QEventLoop loop;
    QObject::connect(&reloader, &PhoneReloader::finished, &loop, [&](quint64 id, const ReloadResult &result) {
        const qsizetype index = pending.value(id, -1);
        if (index < 0)
            return;
        pending.remove(id);
        QJsonObject &o = outcomes[index];
        o.insert(QStringLiteral("outcome"), outcomeName(result.outcome));
        if (result.statusCode > 0)
            o.insert(QStringLiteral("sipStatus"), result.statusCode);
        if (!result.message.isEmpty())
            o.insert(QStringLiteral("reason"), result.message);
        if (pending.isEmpty())
            loop.quit();
    });
    for (const SipPhone &phone : phones) {
        outcomes.append({{QStringLiteral("phoneId"), phone.id}, {QStringLiteral("mac"), phone.mac}, {QStringLiteral("outcome"), QStringLiteral("no-answer")}});
        QString ownerUsername;
        if (!phone.ownerId.isEmpty()) {
            auto owner = readOwner(caller, *Entities::byName(QStringLiteral("user")), phone.ownerId);
            if (std::holds_alternative<Owned>(owner))
                ownerUsername = std::get<Owned>(owner).body.value(QLatin1String("username")).toString();
        }
        Result<ReloadRequest> target = PhoneProvisioning::reloadRequestFor(*registry, phone, ownerUsername);
        if (!target) {
            outcomes.last().insert(QStringLiteral("reason"), target.error().message);
            continue;
        }
        pending.insert(reloader.reload(target.value()), outcomes.size() - 1);
    }
    if (!pending.isEmpty()) {
        QTimer::singleShot(kReloadGuardMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    QJsonArray results;
    for (const QJsonObject &o : outcomes)
        results.append(o);
    const ApiResponse answer = ApiResponse::json(200, many ? QJsonObject{{QStringLiteral("results"), results}} : outcomes.first());
    return idempotent(request, caller, [&]() -> Outcome { return answer; });
}

} // namespace centrale::server
