// Recording a prompt by phone call: POST /prompts/{prompt}/record-call starts a job, GET /call-jobs/{job} follows it.

#include "Api.h"
#include "ApiSupport.h"

#include "domain/SipPhone.h"
#include "domain/VoicePrompt.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QUuid>
#include <QtEndian>

Q_LOGGING_CATEGORY(lcCallJob, "centrale.server.calljob", QtInfoMsg)

namespace centrale::server {

namespace {

constexpr qint64 kJobLifetimeMs = 24LL * 3600 * 1000;

// A WAV around raw A-law samples (format 6, 8 kHz, mono); what it holds is then checked like an upload.
QByteArray alawWav(const QByteArray &alaw)
{
    auto u32 = [](QByteArray &b, quint32 v) {
        const quint32 le = qToLittleEndian(v);
        b.append(reinterpret_cast<const char *>(&le), 4);
    };
    auto u16 = [](QByteArray &b, quint16 v) {
        const quint16 le = qToLittleEndian(v);
        b.append(reinterpret_cast<const char *>(&le), 2);
    };
    QByteArray w;
    w.append("RIFF");
    u32(w, static_cast<quint32>(4 + 26 + 12 + 8 + alaw.size()));
    w.append("WAVEfmt ");
    u32(w, 18);
    u16(w, 6); // A-law
    u16(w, 1);
    u32(w, 8000);
    u32(w, 8000);
    u16(w, 1);
    u16(w, 8);
    u16(w, 0);
    w.append("fact");
    u32(w, 4);
    u32(w, static_cast<quint32>(alaw.size()));
    w.append("data");
    u32(w, static_cast<quint32>(alaw.size()));
    w.append(alaw);
    return w;
}

} // namespace

QString Api::callReason(const QString &code) const
{
    if (code == QLatin1String("no-answer"))
        return tr("Nobody answered the phone.");
    if (code == QLatin1String("busy"))
        return tr("The phone was busy.");
    if (code == QLatin1String("rejected"))
        return tr("The call was declined.");
    if (code == QLatin1String("hung-up-before-beep"))
        return tr("The call ended before the beep: nothing was recorded.");
    if (code == QLatin1String("too-short"))
        return tr("The recording lasted less than half a second.");
    if (code == QLatin1String("no-phone"))
        return tr("This user has no desk phone with a SIP address to call.");
    if (code == QLatin1String("invalid-audio"))
        return tr("The recording could not be stored as a voice prompt.");
    if (code.isEmpty())
        return {};
    return tr("The call could not be made; the server's log tells why.");
}

ApiResponse Api::recordCallRoute(const ApiRequest &request, const Caller &caller, const QString &promptSegment)
{
    m_pendingCall.reset();
    ApiResponse response = idempotent(request, caller, [&] { return startRecordCall(request, caller, promptSegment); });
    // Only a job whose row is committed is called (a replayed answer calls nobody again).
    std::optional<PendingCall> pending = std::exchange(m_pendingCall, std::nullopt);
    if (response.status != 202 || !pending)
        return response;
    if (!m_recorder) {
        if (m_options.recordCall.instructions) {
            m_callInstructions = *m_options.recordCall.instructions;
        } else if (Result<CallInstructions> builtIn = CallInstructions::builtIn()) {
            m_callInstructions = *builtIn;
        } else {
            // Built into the executable and covered by tests: a call with the beep alone is still a call.
            qCWarning(lcCallJob).noquote() << builtIn.error().message;
        }
        m_recorder = std::make_unique<CallRecorder>(m_options.recordCall);
        CallRecorder *r = m_recorder.get();
        QObject::connect(
            r, &CallRecorder::progress, r, [this](const QString &job, const QString &step, qint64 ms) { callProgress(job, step, ms); });
        QObject::connect(r, &CallRecorder::recorded, r, [this](const QString &job, const QByteArray &alaw) { callRecorded(job, alaw); });
        QObject::connect(r, &CallRecorder::failed, r, [this](const QString &job, const QString &code) { callFailed(job, code); });
    }
    if (Status s = m_recorder->call(
            pending->job, pending->host, pending->port, pending->userPart, m_callInstructions.forLanguage(pending->language));
        !s) {
        qCWarning(lcCallJob).noquote() << "job" << pending->job << s.error().message;
        callFailed(pending->job, QStringLiteral("internal"));
    }
    return response;
}

Api::Outcome Api::startRecordCall(const ApiRequest &request, const Caller &caller, const QString &promptSegment)
{
    Problem problem;
    Result<QJsonObject> parsed = readJsonBody(request, m_options.maxJsonBytes, problem);
    if (!parsed)
        return problem;
    auto prompt = readOwner(caller, *Entities::byName(QStringLiteral("prompt")), promptSegment);
    if (auto *p = std::get_if<Problem>(&prompt))
        return *p;
    const QString promptId = std::get<Owned>(prompt).id;
    const QString userSegment = parsed->value(QLatin1String("userId")).toString();
    auto user = userSegment.isEmpty() ? std::variant<Owned, Problem>(Problem())
                                      : readOwner(caller, *Entities::byName(QStringLiteral("user")), userSegment);
    if (std::holds_alternative<Problem>(user)) {
        const QString message = userSegment.isEmpty() ? tr("Choose the user whose phone is called.")
                                                      : tr("There is no user %1 in this organisation.").arg(userSegment);
        Problem p = Problem::make(422, QStringLiteral("validation-failed"), message);
        p.fieldError(QStringLiteral("userId"), userSegment.isEmpty() ? QStringLiteral("required") : QStringLiteral("unknown"), message);
        return p;
    }
    const QString userId = std::get<Owned>(user).id;
    const QString username = std::get<Owned>(user).body.value(QLatin1String("username")).toString();
    // The instruction is spoken in the user's language, else the organisation's, else English.
    QString language = std::get<Owned>(user).body.value(QLatin1String("language")).toString();
    if (!CallInstructions::languages().contains(language)) {
        auto org = readOwner(caller, *Entities::byName(QStringLiteral("organisation")), caller.orgId);
        language = std::holds_alternative<Owned>(org) ? std::get<Owned>(org).body.value(QLatin1String("language")).toString() : QString();
    }
    if (!CallInstructions::languages().contains(language))
        language = QStringLiteral("en");

    if (Status s = lockOrganisation(caller.orgId); !s)
        return unavailable(s.error());
    // One call at a time per prompt; a job whose instance stopped without a word no longer counts.
    const qint64 stale = now() - (qint64(m_options.recordCall.ringTimeoutMs) + m_options.recordCall.maxRecordMs + 60000);
    auto busy = m_db.exec(
        QStringLiteral("SELECT id FROM call_job WHERE org_id = ? AND prompt_id = ? AND step IN ('calling', 'ringing', 'recording') "
                       "AND updated_at > ?"),
        {caller.orgId, promptId, stale});
    if (!busy)
        return unavailable(busy.error());
    if (busy->next())
        return Problem::make(409, QStringLiteral("in-use"), tr("This voice prompt is already being recorded by a call."));
    if (auto d
        = m_db.exec(QStringLiteral("DELETE FROM call_job WHERE org_id = ? AND created_at < ?"), {caller.orgId, now() - kJobLifetimeMs});
        !d)
        return unavailable(d.error());

    // The user's desk phone: the SIP phone they own that has a SIP address.
    std::optional<PendingCall> target;
    const QString job = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto phones
        = m_db.exec(QStringLiteral("SELECT body FROM record WHERE org_id = ? AND entity = 'phone' AND deleted = 0 ORDER BY sort_key, id"),
            {caller.orgId});
    if (!phones)
        return unavailable(phones.error());
    while (phones->next() && !target) {
        Result<SipPhone> phone = SipPhone::fromJson(parse(phones->value(0)));
        if (!phone || phone->ownerId != userId || phone->sipAddress.isEmpty())
            continue;
        PendingCall call;
        call.job = job;
        call.language = language;
        if (!SipPhone::parseSipAddress(phone->sipAddress, &call.host, &call.port))
            continue;
        call.userPart = !phone->sipUser.isEmpty() ? phone->sipUser : username.section(QLatin1Char('@'), 0, 0);
        target = call;
    }
    const QString step = target ? QStringLiteral("calling") : QStringLiteral("failed");
    const QString reasonCode = target ? QString() : QStringLiteral("no-phone");
    if (auto q
        = m_db.exec(QStringLiteral("INSERT INTO call_job (id, org_id, prompt_id, user_id, step, reason_code, recorded_ms, prompt_version, "
                                   "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?, ?)"),
            {job, caller.orgId, promptId, userId, step, reasonCode, now(), now()});
        !q)
        return unavailable(q.error());
    m_pendingCall = target;
    Outcome o = getCallJob(caller, job);
    if (auto *r = std::get_if<ApiResponse>(&o)) {
        r->status = 202;
        r->setHeader(QByteArrayLiteral("Location"), QStringLiteral("/api/v1/orgs/%1/call-jobs/%2").arg(caller.domain, job).toUtf8());
    }
    return o;
}

Api::Outcome Api::getCallJob(const Caller &caller, const QString &id)
{
    auto q = m_db.exec(QStringLiteral("SELECT prompt_id, user_id, step, reason_code, recorded_ms, prompt_version, created_at, updated_at "
                                      "FROM call_job WHERE org_id = ? AND id = ?"),
        {caller.orgId, id});
    if (!q)
        return unavailable(q.error());
    if (!q->next())
        return Problem::make(404, QStringLiteral("not-found"), tr("There is no such call."));
    QJsonObject job {{QStringLiteral("id"), id}, {QStringLiteral("promptId"), q->value(0).toString()},
        {QStringLiteral("userId"), q->value(1).toString()}, {QStringLiteral("step"), q->value(2).toString()},
        {QStringLiteral("recordedMs"), q->value(4).toLongLong()}, {QStringLiteral("createdAt"), isoTime(q->value(6).toLongLong())},
        {QStringLiteral("updatedAt"), isoTime(q->value(7).toLongLong())}};
    const QString reasonCode = q->value(3).toString();
    if (!reasonCode.isEmpty()) {
        job.insert(QStringLiteral("reasonCode"), reasonCode);
        job.insert(QStringLiteral("reason"), callReason(reasonCode));
    }
    if (q->value(5).toLongLong() > 0)
        job.insert(QStringLiteral("promptVersion"), q->value(5).toLongLong());
    return ApiResponse::json(200, job);
}

void Api::callProgress(const QString &job, const QString &step, qint64 recordedMs)
{
    auto q = m_db.exec(
        QStringLiteral(
            "UPDATE call_job SET step = ?, recorded_ms = ?, updated_at = ? WHERE id = ? AND step <> 'failed' AND step <> 'saved'"),
        {step, recordedMs, now(), job});
    if (!q)
        qCWarning(lcCallJob).noquote() << "job" << job << q.error().message;
}

void Api::callFailed(const QString &job, const QString &reasonCode)
{
    qCInfo(lcCallJob).noquote() << "job" << job << "failed:" << reasonCode;
    auto q = m_db.exec(
        QStringLiteral("UPDATE call_job SET step = 'failed', reason_code = ?, updated_at = ? WHERE id = ?"), {reasonCode, now(), job});
    if (!q)
        qCWarning(lcCallJob).noquote() << "job" << job << q.error().message;
}

void Api::callRecorded(const QString &job, const QByteArray &alaw)
{
    // What came over the network is checked exactly like an uploaded file.
    const QByteArray wav = alawWav(alaw);
    Result<PromptAudioMeasure> measure = Entities::measurePromptAudio(wav);
    if (!measure) {
        qCWarning(lcCallJob).noquote() << "job" << job << measure.error().message;
        callFailed(job, alaw.size() < 4000 ? QStringLiteral("too-short") : QStringLiteral("invalid-audio"));
        return;
    }
    const QString sha = QString::fromLatin1(QCryptographicHash::hash(wav, QCryptographicHash::Sha256).toHex());
    const EntityType &promptType = *Entities::byName(QStringLiteral("prompt"));
    QString failure;
    Status s = m_db.transaction([&]() -> Status {
        auto j = m_db.exec(QStringLiteral("SELECT org_id, prompt_id FROM call_job WHERE id = ?"), {job});
        if (!j)
            return j.error();
        if (!j->next())
            return Error {ErrorCode::NotFound, QStringLiteral("no job"), {}};
        const QString orgId = j->value(0).toString();
        const QString promptId = j->value(1).toString();
        if (Status l = lockOrganisation(orgId); !l)
            return l;
        auto cur = m_db.exec(
            QStringLiteral("SELECT version, body, parent_id FROM record WHERE org_id = ? AND entity = 'prompt' AND id = ? AND deleted = 0"),
            {orgId, promptId});
        if (!cur)
            return cur.error();
        if (!cur->next()) {
            failure = QStringLiteral("internal"); // the prompt was deleted during the call
            return Error {ErrorCode::NotFound, QStringLiteral("prompt deleted"), {}};
        }
        const qint64 version = cur->value(0).toLongLong() + 1;
        QJsonObject body = parse(cur->value(1));
        const QString parentId = cur->value(2).toString();
        auto b = m_db.exec(
            QStringLiteral("INSERT INTO record_blob (org_id, entity, id, kind, data, sha256) VALUES (?, 'prompt', ?, 'audio', ?, ?) "
                           "ON CONFLICT (org_id, entity, id, kind) DO UPDATE SET data = excluded.data, sha256 = excluded.sha256"),
            {orgId, promptId, wav, sha});
        if (!b)
            return b.error();
        body.insert(QStringLiteral("durationMs"), measure->durationMs);
        body.insert(QStringLiteral("peakDbfs"), measure->peakDbfs);
        body.insert(QStringLiteral("rmsDbfs"), measure->rmsDbfs);
        body.insert(QStringLiteral("hasAudio"), true);
        body.insert(QStringLiteral("audioSha256"), sha);
        body.insert(QStringLiteral("origin"), VoicePrompt::originName(VoicePrompt::Origin::RecordedByCall));
        body.remove(QStringLiteral("sourceFile"));
        if (Status w = storeRecord(orgId, promptType, promptId, body, version, parentId, false); !w)
            return w;
        auto u = m_db.exec(
            QStringLiteral("UPDATE call_job SET step = 'saved', recorded_ms = ?, prompt_version = ?, updated_at = ? WHERE id = ?"),
            {measure->durationMs, version, now(), job});
        if (!u)
            return u.error();
        return {};
    });
    if (!s) {
        qCWarning(lcCallJob).noquote() << "job" << job << "cannot store the recording:" << s.error().message;
        callFailed(job, failure.isEmpty() ? QStringLiteral("internal") : failure);
    }
}

} // namespace centrale::server
