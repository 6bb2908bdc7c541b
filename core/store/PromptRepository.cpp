#include "store/PromptRepository.h"

namespace centrale {

namespace {
QVariantMap columnsOf(const VoicePrompt &p)
{
    QVariantMap m{{QStringLiteral("name"), p.name},
                  {QStringLiteral("description"), p.description},
                  {QStringLiteral("duration_ms"), p.durationMs},
                  {QStringLiteral("origin"), VoicePrompt::originName(p.origin)},
                  {QStringLiteral("source_file"), p.sourceFile},
                  {QStringLiteral("peak_dbfs"), p.peakDbfs},
                  {QStringLiteral("rms_dbfs"), p.rmsDbfs}};
    if (!p.audio.isEmpty())
        m.insert(QStringLiteral("audio"), p.audio);
    return m;
}
} // namespace

Result<QList<VoicePrompt>> PromptRepository::select(const QString &where, QVariantList binds, const ListQuery &query)
{
    const QString filter = SqlList::filterClause(query.filter, {QStringLiteral("name"), QStringLiteral("description")}, binds);
    auto q = m_db.exec(QStringLiteral("SELECT id, name, description, duration_ms, origin, source_file, peak_dbfs, rms_dbfs, version, dirty "
                                      "FROM voice_prompt WHERE 1=1 ")
                           + where + filter
                           + SqlList::orderAndPage(query, {{QStringLiteral("name"), QStringLiteral("name COLLATE NOCASE")},
                                                           {QStringLiteral("duration"), QStringLiteral("duration_ms")},
                                                           {QStringLiteral("origin"), QStringLiteral("origin, name COLLATE NOCASE")}}),
                       binds);
    if (!q)
        return q.error();
    QList<VoicePrompt> out;
    while (q->next()) {
        VoicePrompt p;
        p.id = q->value(0).toString();
        p.name = q->value(1).toString();
        p.description = q->value(2).toString();
        p.durationMs = q->value(3).toLongLong();
        auto origin = VoicePrompt::originFromName(q->value(4).toString());
        if (!origin)
            return origin.error();
        p.origin = *origin;
        p.sourceFile = q->value(5).toString();
        p.peakDbfs = q->value(6).toDouble();
        p.rmsDbfs = q->value(7).toDouble();
        p.version = q->value(8).toLongLong();
        p.dirty = q->value(9).toBool();
        out << p;
    }
    return out;
}

Result<VoicePrompt> PromptRepository::create(VoicePrompt prompt)
{
    if (Status s = prompt.normaliseAndValidate(); !s)
        return s.error();
    if (findByName(prompt.name))
        return Error{ErrorCode::Duplicate, tr("A voice prompt named %1 already exists.").arg(prompt.name), QStringLiteral("name")};
    if (prompt.id.isEmpty())
        prompt.id = newId();
    if (Status s = m_db.insertRecord(QStringLiteral("voice_prompt"), QStringLiteral("prompt"), prompt.id, columnsOf(prompt), prompt.toJson()); !s)
        return s.error();
    prompt.dirty = true;
    return prompt;
}

Result<VoicePrompt> PromptRepository::get(const QString &id)
{
    auto r = select(QStringLiteral("AND id = ?"), {id}, {});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("No such voice prompt."), {}};
    return r->first();
}

Result<VoicePrompt> PromptRepository::findByName(const QString &name)
{
    auto r = select(QStringLiteral("AND name = ? COLLATE NOCASE"), {name.trimmed()}, {});
    if (!r)
        return r.error();
    if (r->isEmpty())
        return Error{ErrorCode::NotFound, tr("There is no voice prompt named %1.").arg(name), {}};
    return r->first();
}

Result<QByteArray> PromptRepository::audio(const QString &id)
{
    auto q = m_db.exec(QStringLiteral("SELECT audio FROM voice_prompt WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{ErrorCode::NotFound, tr("No such voice prompt."), {}};
    return q->value(0).toByteArray();
}

Status PromptRepository::update(VoicePrompt prompt)
{
    if (Status s = prompt.normaliseAndValidate(); !s)
        return s;
    if (auto other = findByName(prompt.name); other && other->id != prompt.id)
        return Error{ErrorCode::Duplicate, tr("A voice prompt named %1 already exists.").arg(prompt.name), QStringLiteral("name")};
    return m_db.updateRecord(QStringLiteral("voice_prompt"), QStringLiteral("prompt"), prompt.id, columnsOf(prompt), prompt.toJson());
}

Status PromptRepository::remove(const QString &id)
{
    auto p = get(id);
    if (!p)
        return p.error();
    auto used = usage(id);
    if (!used)
        return used.error();
    if (!used->isEmpty()) {
        QStringList where;
        for (const PromptUsage &u : *used)
            where << QStringLiteral("%1 (%2)").arg(u.functionName, u.eventTitle);
        return Error{ErrorCode::InUse,
                     tr("The voice prompt %1 is played by %2; choose another prompt there first.").arg(p->name, where.join(QStringLiteral(", "))),
                     {}};
    }
    return m_db.deleteRecord(QStringLiteral("voice_prompt"), QStringLiteral("prompt"), id);
}

Result<QList<VoicePrompt>> PromptRepository::list(const ListQuery &query)
{
    return select({}, {}, query);
}

Result<QList<PromptUsage>> PromptRepository::usage(const QString &promptId)
{
    auto q = m_db.exec(QStringLiteral("SELECT f.id, f.name, e.id, e.title FROM schedule_event e JOIN function_number f ON f.id = e.function_id "
                                      "WHERE e.prompt_id = ? ORDER BY f.name, e.position"),
                       {promptId});
    if (!q)
        return q.error();
    QList<PromptUsage> out;
    while (q->next())
        out.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString()});
    return out;
}

} // namespace centrale
